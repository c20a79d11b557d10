"""Where SPF indexing time goes: seconds per ingest step on the first SPF fiches.

Runs `ingest_documents` (as `bench/spf_quality.py` does) on a fresh store with timers around
each step: extraction, chunking, language and safety tags, tokenization and encoder passes of
the embedder, Chroma reads and writes, syndication (`link_copies`), then the BM25 build and
the refusal calibration. Steps nest (the embedder's tokenizer runs inside `embed`), so
`embed.tokenize` + `embed.forward` are parts of `embed`; `embed.forward` adds up the seconds of
the encoder passes that run at once on several threads; `embed (ingest)` is the part of `embed`
spent before the calibration (which embeds candidate sentences too). On a busy machine compare
`ingest (this process's CPU s)` rather than wall seconds. Prints the CPU, the other processes'
CPU share and a table; writes bench/results/ingest_profile.json.

    .venv/bin/python bench/ingest_profile.py [--chunks 600] [--embedder fast]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from itertools import islice
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import OtherCpuUse, cpu_flags, cpu_info, fresh_dir, spf_documents
from qa import QA, Settings
from qa.ingest import RawDocument, ingest_documents

ingest_module = sys.modules["qa.ingest"]  # `qa.ingest` the attribute is QA's function

SECONDS: dict[str, float] = defaultdict(float)
CALLS: dict[str, int] = defaultdict(int)


def timed(name: str, fn: Callable) -> Callable:
    """`fn` with its wall time added to SECONDS[name]."""

    def wrapper(*args, **kwargs):
        started = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            SECONDS[name] += time.perf_counter() - started
            CALLS[name] += 1

    return wrapper


def first_chunks(n_chunks: int, settings: Settings) -> list[RawDocument]:
    """The first SPF fiches, enough of them for about `n_chunks` chunks."""
    splitter = ingest_module.make_splitter(settings)
    docs, total = [], 0
    for doc in islice(spf_documents(), 10_000):
        if total >= n_chunks:
            break
        article, _ = ingest_module.extract(doc)
        total += len(ingest_module.chunk_article(doc.doc_id, article, "0" * 64, splitter))
        docs.append(doc)
    return docs


def instrument(bot: QA) -> None:
    """Timers around the steps of ingest (module functions, store and embedder methods)."""
    for name in ("extract", "chunk_article", "document_language", "addresses_model",
                 "link_copies"):
        setattr(ingest_module, name, timed(name, getattr(ingest_module, name)))
    store = bot.store
    for name in ("add_chunks", "set_docs", "chunks_of", "vectors_by_hash", "delete_chunks",
                 "docs", "iter_chunks", "update_chunk_metas"):
        setattr(store, name, timed(f"store.{name}", getattr(store, name)))
    embedder = bot.embedder
    embedder.embed_passages = timed("embed", embedder.embed_passages)
    if bot.settings.embedder == "fast":
        from qa.fast_e5 import load_model

        model = load_model()
        model.tokenize = timed("embed.tokenize", model.tokenize)
        model.forward = timed("embed.forward", model.forward)  # summed over worker threads


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chunks", type=int, default=600, help="about this many SPF chunks")
    parser.add_argument("--embedder", default="fast")
    parser.add_argument("--skip-calibrate", action="store_true")
    args = parser.parse_args()
    bot = QA(Settings(store_path=fresh_dir("ingest_profile"), collection="spf",
                      embedder=args.embedder))
    docs = first_chunks(args.chunks, bot.settings)
    bot.embedder.embed_passages(["warm up", "passage de chauffe " * 40])
    instrument(bot)
    with OtherCpuUse() as other:
        started, cpu_started = time.perf_counter(), time.process_time()
        report = ingest_documents(iter(docs), bot.store, bot.embedder, bot.settings)
        SECONDS["ingest (total)"] = time.perf_counter() - started
        SECONDS["ingest (this process's CPU s)"] = time.process_time() - cpu_started
        if not args.skip_calibrate:
            CALLS["embed (ingest)"], SECONDS["embed (ingest)"] = CALLS["embed"], SECONDS["embed"]
            t = time.perf_counter()
            bot.retriever.lexical()
            SECONDS["bm25 build"] = time.perf_counter() - t
            t = time.perf_counter()
            bot.calibrate()
            SECONDS["calibrate (rest)"] = time.perf_counter() - t
    cpu = cpu_info()
    print(f"CPU: {cpu['model']} ({cpu['cpus']} CPUs) {cpu_flags(cpu)}")
    print(f"{len(docs)} fiches, {report.chunks_written} chunks; other processes' CPU share "
          f"{other.share:.2f}")
    rows = sorted(SECONDS.items(), key=lambda kv: -kv[1])
    for name, seconds in rows:
        print(f"{name:<32} {seconds:8.2f} s  {CALLS.get(name, 1):6d} calls")


if __name__ == "__main__":
    main()
