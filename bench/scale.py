"""Speed and scale: ingest throughput, query latency and peak memory at 1x, 4x, 16x SPF.

Each size runs in its own process (clean peak-memory figures). Copies carry distinct ids but
the same text, so from the second copy on, content-hash dedupe reuses the vectors: the 4x and
16x rows measure the store, BM25 and retrieval growth; `embed_passages_per_s` of the 1x row is
the fresh-embedding throughput. Run: `.venv/bin/python bench/scale.py [--sizes 1 4 16]`.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import (
    RESULTS,
    fresh_dir,
    percentile,
    spf_documents,
    spf_questions,
    write_results,
)


def measure(copies: int, embedder: str, ask_questions: int) -> dict:
    """Ingest `copies` x SPF into a fresh store, then time retrieval and ask()."""
    import psutil

    from qa import QA, Settings
    from qa.ingest import ingest_documents

    bot = QA(Settings(store_path=fresh_dir(f"scale_{copies}"), collection="spf",
                      embedder=embedder))
    bot.embedder.embed_query("warm up")
    chars = sum(len(d.raw) for d in spf_documents(copies))
    started = time.perf_counter()
    report = ingest_documents(spf_documents(copies), bot.store, bot.embedder, bot.settings)
    ingest_s = time.perf_counter() - started
    ingest_peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    t = time.perf_counter()
    bot.retriever.lexical()
    bm25_build_s = time.perf_counter() - t
    questions = spf_questions()
    retrieval = []
    for q in questions:
        t = time.perf_counter()
        bot.retrieve(q["question"], 5)
        retrieval.append(time.perf_counter() - t)
    asks = []
    for q in questions[:ask_questions]:
        t = time.perf_counter()
        bot.ask(q["question"])
        asks.append(time.perf_counter() - t)
    chunks = report.chunks_written
    embedded = chunks - report.vectors_reused
    return {
        "copies": copies, "documents": len(report.added), "chunks": chunks,
        "embedded_chunks": embedded, "ingest_s": round(ingest_s, 1),
        "passages_per_s": round(chunks / ingest_s, 1),
        "mb_text_per_min": round(chars / 1e6 / (ingest_s / 60), 2),
        "bm25_build_s": round(bm25_build_s, 2),
        "retrieve_p50_ms": round(percentile(retrieval, .5) * 1000, 1),
        "retrieve_p95_ms": round(percentile(retrieval, .95) * 1000, 1),
        "ask_p50_s": round(percentile(asks, .5), 3), "ask_p95_s": round(percentile(asks, .95), 3),
        "ingest_peak_rss_mb": round(ingest_peak_mb),
        "serving_rss_mb": round(psutil.Process().memory_info().rss / 1e6),
    }


def plot(rows: list[dict]) -> Path:
    """PNG of ingest time and query latency against corpus size."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    chunks = [r["chunks"] for r in rows]
    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 4))
    left.plot(chunks, [r["ingest_s"] for r in rows], "o-")
    left.set(xlabel="chunks indexed", ylabel="ingest time (s)", title="Ingest time")
    right.plot(chunks, [r["retrieve_p50_ms"] for r in rows], "o-", label="retrieve p50")
    right.plot(chunks, [r["retrieve_p95_ms"] for r in rows], "o--", label="retrieve p95")
    right.plot(chunks, [r["ask_p50_s"] * 1000 for r in rows], "s-", label="ask p50")
    right.set(xlabel="chunks indexed", ylabel="latency (ms)", title="Query latency")
    right.legend()
    for axis in (left, right):
        axis.grid(alpha=0.3)
    fig.tight_layout()
    path = RESULTS / "scale.png"
    fig.savefig(path, dpi=110)
    return path


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 4, 16])
    parser.add_argument("--embedder", default="fast")
    parser.add_argument("--ask-questions", type=int, default=30)
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.one, args.embedder, args.ask_questions)))
        return
    rows = []
    for copies in args.sizes:
        out = subprocess.run([sys.executable, __file__, "--one", str(copies), "--embedder",
                              args.embedder, "--ask-questions", str(args.ask_questions)],
                             capture_output=True, text=True, check=True)
        rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
        print(rows[-1], flush=True)
    path = plot(rows)
    write_results("scale", {"summary": {"scale": rows}, "plot": str(path.name)})
    print(f"plot: {path}")


if __name__ == "__main__":
    main()
