"""Syndicated copies: the same passage (wire copy, small edits allowed) in several articles.

At ingest, every sentence of every visible chunk gets a MinHash of its word 3-grams
(datasketch); an LSH index finds the sentences of other articles whose estimated Jaccard
similarity is at least `THRESHOLD`. Each chunk keeps, in its metadata (`copies`, JSON), the
spans of its text that other articles carry and their doc_ids. The answer layer reads it to
quote such a passage once and list every article carrying it (`Citation.also_in`).
"""

from __future__ import annotations

import json
from collections import OrderedDict
from collections.abc import Iterable
from functools import lru_cache

from datasketch import MinHash, MinHashLSH

from qa.results import Passage
from qa.store import Store, StoredChunk
from qa.text import split_sentences, words

THRESHOLD = 0.6
NUM_PERM = 64
MIN_WORDS = 8  # shorter sentences ("Il a refusé.") are common to unrelated articles
Copies = tuple[tuple[int, int, tuple[str, ...]], ...]

_CACHE: OrderedDict[str, MinHash] = OrderedDict()
_CACHE_SIZE = 200_000


def shingles(text: str) -> set[bytes]:
    """Word 3-grams of a sentence, accent- and case-folded."""
    tokens = words(text)  # folded
    return {" ".join(tokens[i : i + 3]).encode("utf-8") for i in range(max(1, len(tokens) - 2))}


@lru_cache(maxsize=1)
def _template() -> MinHash:
    return MinHash(num_perm=NUM_PERM, seed=1)


def signature(text: str) -> MinHash:
    """MinHash of a sentence (cached by text)."""
    hit = _CACHE.get(text)
    if hit is not None:
        return hit
    mh = MinHash(num_perm=NUM_PERM, seed=1, permutations=_template().permutations,
                 scheme=_template().scheme)  # shared permutations: 4x faster than fresh ones
    mh.update_batch(list(shingles(text)))
    _CACHE[text] = mh
    if len(_CACHE) > _CACHE_SIZE:
        _CACHE.popitem(last=False)
    return mh


def same_text(a: str, b: str) -> bool:
    """True when two sentences are copies of each other (word 3-gram Jaccard >= THRESHOLD)."""
    x, y = shingles(a), shingles(b)
    return bool(x and y) and len(x & y) / len(x | y) >= THRESHOLD


def sentences(text: str) -> list[tuple[int, int]]:
    """Spans of the sentences of a chunk long enough to tell a copy from a common phrase."""
    return [(a, b) for a, b in split_sentences(text) if len(text[a:b].split()) >= MIN_WORDS]


def find_copies(chunks: Iterable[StoredChunk]) -> dict[str, Copies]:
    """For each chunk id, the spans of its text that other articles carry, and their ids."""
    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
    keys: dict[str, tuple[str, str, int, int, MinHash]] = {}  # key -> chunk, doc, span, hash
    for chunk in chunks:
        doc_id = str(chunk.meta.get("doc_id", ""))
        for a, b in sentences(chunk.text):
            key = f"{chunk.id}#{a}"
            mh = signature(chunk.text[a:b])
            keys[key] = (chunk.id, doc_id, a, b, mh)
            lsh.insert(key, mh, check_duplication=False)
    found: dict[str, dict[tuple[int, int], set[str]]] = {}
    for chunk_id, doc_id, a, b, mh in keys.values():
        others = {keys[k][1] for k in lsh.query(mh)} - {doc_id}
        if others:
            found.setdefault(chunk_id, {}).setdefault((a, b), set()).update(others)
    return {cid: tuple((a, b, tuple(sorted(d))) for (a, b), d in sorted(spans.items()))
            for cid, spans in found.items()}


def dump_copies(copies: Copies) -> str:
    """Chunk metadata form of a chunk's copies ('' when none)."""
    return json.dumps([[a, b, list(d)] for a, b, d in copies]) if copies else ""


def load_copies(raw: object, visible: set[str] | None = None) -> Copies:
    """A chunk's copies read back from metadata, limited to articles still indexed."""
    if not raw:
        return ()
    try:
        spans = json.loads(str(raw))
        out = []
        for a, b, docs in spans:
            docs = tuple(d for d in docs if visible is None or d in visible)
            if docs:
                out.append((int(a), int(b), docs))
        return tuple(out)
    except (ValueError, TypeError):
        return ()


def drop_copies(passages: list[Passage]) -> list[Passage]:
    """The passages without those whose every sentence is carried by a better-ranked
    passage's article (a pure syndicated copy is retrieved once; `also_in` names it)."""
    kept: list[Passage] = []
    for p in passages:
        spans = sentences(p.text)
        shown = {k.doc_id for k in kept}
        if spans and kept and all(
                any(a < hi and b > lo and shown & set(docs) for a, b, docs in p.copies)
                for lo, hi in spans):
            continue
        kept.append(p)
    return kept


def link_copies(store: Store) -> int:
    """Recompute the copies of every visible chunk and store those that changed; returns
    the number of chunks updated."""
    visible = {d.doc_id: d.doc_hash for d in store.docs().values()}
    chunks = [c for c in store.iter_chunks()
              if visible.get(c.meta.get("doc_id")) == c.meta.get("doc_hash")]
    copies = find_copies(chunks)
    changed = [(c.id, {**c.meta, "copies": dump_copies(copies.get(c.id, ()))}) for c in chunks
               if str(c.meta.get("copies") or "") != dump_copies(copies.get(c.id, ()))]
    if changed:
        store.update_chunk_metas([cid for cid, _ in changed], [m for _, m in changed])
    return len(changed)
