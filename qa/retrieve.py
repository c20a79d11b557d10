"""Hybrid retrieval: Chroma vectors and BM25 over the same chunks, fused by reciprocal rank.

Each chunk is indexed with the stems and stop words of its article's language (stored at ingest);
a question is stemmed for every language of the corpus, so English, French or mixed corpora are
matched alike. The BM25 index lives in memory, built from the store and rebuilt when the
store's generation stamp changes (after any ingest, from this process or another). Only
chunks of the version named in the manifest are ever returned.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, replace

import bm25s
import numpy as np

from qa.embed import Embedder
from qa.language import document_language
from qa.results import Passage
from qa.store import Store, StoredChunk
from qa.syndication import load_copies
from qa.text import detect_language, index_terms, query_terms

# Fusion weights, measured on SPF and the seed set (bench/spf_quality.py; README table):
# vectors carry cross-lingual questions, BM25 adds exact names and rare terms at half weight.
RRF_K = 10
BM25_WEIGHT = 0.5
# A follow-up's passages from the article that answered the previous turn gain this share of a
# first rank (chosen on the dev halves of our question sets).
PREFER_WEIGHT = 0.5


@dataclass
class _Lexical:
    generation: str
    ids: list[str]
    passages: dict[str, Passage]
    bm25: bm25s.BM25 | None
    languages: set[str]  # languages of the indexed articles


def to_passage(chunk: StoredChunk, score: float = 0.0, visible: set[str] | None = None
               ) -> Passage:
    """A stored chunk as a `Passage` (its copies limited to the `visible` articles)."""
    m = chunk.meta
    return Passage(id=chunk.id, doc_id=str(m.get("doc_id", "")), title=str(m.get("title", "")),
                   source=str(m.get("source", "")), text=chunk.text,
                   start=int(m.get("start", 0)), end=int(m.get("end", 0)), score=score,
                   outlet=str(m.get("outlet") or "") or None,
                   published=str(m.get("published") or "") or None,
                   url=str(m.get("url") or "") or None,
                   copies=load_copies(m.get("copies"), visible),
                   language=str(m.get("language") or document_language(chunk.text)),
                   addresses_model=bool(m.get("addresses_model", False)))


class HybridRetriever:
    """Vectors + BM25 with reciprocal-rank fusion over one store."""

    def __init__(self, store: Store, embedder: Embedder, candidates: int = 30) -> None:
        self.store = store
        self.embedder = embedder
        self.candidates = candidates
        self._lexical: _Lexical | None = None
        self._lock = threading.Lock()

    # -- the lexical side -----------------------------------------------------------------
    def lexical(self) -> _Lexical:
        """The BM25 index for the store's current generation (rebuilt when it changed)."""
        generation = self.store.generation()
        with self._lock:
            if self._lexical is None or self._lexical.generation != generation:
                self._lexical = self._build(generation)
            return self._lexical

    def _build(self, generation: str) -> _Lexical:
        visible = {d.doc_id: d.doc_hash for d in self.store.docs().values()}
        shown = set(visible)
        passages: dict[str, Passage] = {}
        corpus: list[list[str]] = []
        for chunk in self.store.iter_chunks():
            if visible.get(chunk.meta.get("doc_id")) != chunk.meta.get("doc_hash"):
                continue
            passage = to_passage(chunk, visible=shown)
            passages[chunk.id] = passage
            corpus.append(index_terms(f"{passage.title}\n{passage.text}", passage.language)
                          or ["_"])
        bm25 = None
        if corpus:
            bm25 = bm25s.BM25()
            bm25.index(corpus, show_progress=False)
        languages = {p.language for p in passages.values()}
        return _Lexical(generation, list(passages), passages, bm25, languages)

    def bm25_ranking(self, question: str, n: int, lex: _Lexical | None = None) -> list[str]:
        """Chunk ids by BM25 score, best first (only chunks with a positive score)."""
        lex = lex or self.lexical()
        terms = query_terms(question, detect_language(question), lex.languages)
        if lex.bm25 is None or not terms:
            return []
        scores = lex.bm25.get_scores(terms)
        n = min(n, len(scores))
        top = np.argpartition(-scores, n - 1)[:n]
        top = top[np.argsort(-scores[top])]
        return [lex.ids[i] for i in top if scores[i] > 0]

    def vector_ranking(self, question: str, n: int, lex: _Lexical | None = None
                       ) -> list[tuple[str, float]]:
        """(chunk id, cosine similarity) of the nearest visible chunks, best first."""
        lex = lex or self.lexical()
        hits = self.store.nearest(self.embedder.embed_query(question), n)
        return [(h.id, 1.0 - h.distance) for h in hits if h.id in lex.passages]

    # -- fusion ---------------------------------------------------------------------------
    def retrieve(self, question: str, k: int = 5, prefer: set[str] | None = None
                 ) -> list[Passage]:
        """The `k` best passages for `question`, fused from vectors and BM25; passages of the
        `prefer` articles (the conversation's topic) rank higher."""
        n = max(self.candidates, k)
        lex = self.lexical()  # one generation check per query
        vector = self.vector_ranking(question, n, lex)
        lexical = self.bm25_ranking(question, n, lex)
        fused: dict[str, float] = {}
        for rank, (cid, _) in enumerate(vector):
            fused[cid] = fused.get(cid, 0.0) + 1.0 / (RRF_K + rank + 1)
        for rank, cid in enumerate(lexical):
            fused[cid] = fused.get(cid, 0.0) + BM25_WEIGHT / (RRF_K + rank + 1)
        passages = lex.passages
        if prefer:
            for cid in fused:
                if cid in passages and passages[cid].doc_id in prefer:
                    fused[cid] += PREFER_WEIGHT / (RRF_K + 1)
        best = sorted(fused, key=lambda cid: -fused[cid])[:k]
        return [_with_score(passages[cid], fused[cid]) for cid in best if cid in passages]


def _with_score(passage: Passage, score: float) -> Passage:
    return replace(passage, score=round(score, 6))
