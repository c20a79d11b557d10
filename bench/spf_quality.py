"""SPF quality: retrieval of the gold fiche by four systems on the same run, then full ask().

Systems: `ours` (hybrid vectors + BM25, what ask() uses), `vectors` and `bm25` alone (on our
chunks), and `llamaindex_default`: a plain llama-index VectorStoreIndex over Chroma with its
default SentenceSplitter and the same embedder (what a typical llama-index user builds).
Each system returns its best DEPTH chunks per question; the gold fiche is ranked among the
distinct documents of that list (hit@k, MRR).
Run: `.venv/bin/python bench/spf_quality.py [--skip-llamaindex] [--embedder fast]`.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import (
    WORK,
    OtherCpuUse,
    fresh_dir,
    percentile,
    rank_metrics,
    spf_documents,
    spf_questions,
    token_f1,
    write_results,
)
from qa import QA, Settings
from qa.embed import Embedder
from qa.ingest import ingest_documents

DEPTH = 30  # chunks each system returns per question; documents are ranked from them


def build_ours(embedder_kind: str, reuse: bool = False) -> tuple[QA, dict[str, float]]:
    """Index SPF with our pipeline as `QA.ingest` does (chunks, embeddings, syndication, then
    the refusal calibration); returns the bot and the seconds of each step, with the share of
    the CPU that other processes used meanwhile."""
    store = WORK / "spf_ours" if reuse else fresh_dir("spf_ours")
    bot = QA(Settings(store_path=store, collection="spf", embedder=embedder_kind))
    with OtherCpuUse() as other:
        started = time.perf_counter()
        report = ingest_documents(spf_documents(), bot.store, bot.embedder, bot.settings)
        indexed = time.perf_counter()
        bot.calibrate()
        done = time.perf_counter()
    print(f"ours: {report.summary()}", flush=True)
    return bot, {"ingest_s": round(done - started, 1), "index_s": round(indexed - started, 1),
                 "calibrate_s": round(done - indexed, 1), "other_cpu_share": other.share}


def llamaindex_rankings(embedder: Embedder, questions: list[dict]) -> tuple[list, float, int]:
    """Rankings from a default llama-index VectorStoreIndex over Chroma (same embedder)."""
    import chromadb
    from llama_index.core import Document, StorageContext, VectorStoreIndex
    from llama_index.core.embeddings import BaseEmbedding
    from llama_index.vector_stores.chroma import ChromaVectorStore

    class Adapter(BaseEmbedding):
        def _get_query_embedding(self, query: str) -> list[float]:
            return embedder.embed_query(query).tolist()

        def _get_text_embedding(self, text: str) -> list[float]:
            return embedder.embed_passages([text])[0].tolist()

        def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
            return embedder.embed_passages(texts).tolist()

        async def _aget_query_embedding(self, query: str) -> list[float]:
            return self._get_query_embedding(query)

    from chromadb.config import Settings as ChromaSettings

    client = chromadb.PersistentClient(path=str(fresh_dir("spf_llamaindex")),
                                       settings=ChromaSettings(anonymized_telemetry=False))
    collection = client.get_or_create_collection("spf", embedding_function=None,
                                                 metadata={"hnsw:space": "cosine"})
    storage = StorageContext.from_defaults(vector_store=ChromaVectorStore(
        chroma_collection=collection))
    docs = [Document(text=d.raw, metadata={"doc_id": d.doc_id}) for d in spf_documents()]
    started = time.perf_counter()
    index = VectorStoreIndex.from_documents(docs, storage_context=storage,
                                            embed_model=Adapter(embed_batch_size=64))
    seconds = time.perf_counter() - started
    retriever = index.as_retriever(similarity_top_k=DEPTH)
    rankings = [[n.node.metadata["doc_id"] for n in retriever.retrieve(q["question"])]
                for q in questions]
    return rankings, seconds, collection.count()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--embedder", default="fast")
    parser.add_argument("--skip-llamaindex", action="store_true")
    parser.add_argument("--skip-ask", action="store_true")
    parser.add_argument("--reuse", action="store_true", help="keep the index of the last run")
    args = parser.parse_args()
    questions = spf_questions()
    gold = [q["doc_id"] for q in questions]
    bot, ingest = build_ours(args.embedder, args.reuse)
    retriever = bot.retriever
    passages = retriever.lexical().passages

    def docs_of(ids: list[str]) -> list[str]:
        return [passages[i].doc_id for i in ids if i in passages]

    timings: list[float] = []
    ours, vectors, bm25 = [], [], []
    for q in questions:
        t = time.perf_counter()
        ours.append([p.doc_id for p in retriever.retrieve(q["question"], DEPTH)])
        timings.append(time.perf_counter() - t)
        vectors.append(docs_of([c for c, _ in retriever.vector_ranking(q["question"], DEPTH)]))
        bm25.append(docs_of(retriever.bm25_ranking(q["question"], DEPTH)))
    summary = {
        "ours": {**rank_metrics(ours, gold), "retrieve_p50_s": round(percentile(timings, .5), 4),
                 **ingest, "chunks": retriever.store.count()},
        "vectors": rank_metrics(vectors, gold),
        "bm25": rank_metrics(bm25, gold),
    }
    if not args.skip_llamaindex:
        rankings, li_s, li_chunks = llamaindex_rankings(bot.embedder, questions)
        summary["llamaindex_default"] = {**rank_metrics(rankings, gold),
                                         "ingest_s": round(li_s, 1), "chunks": li_chunks}
    if not args.skip_ask:
        overlap = cites = refused = 0
        latencies = []
        for q in questions:
            t = time.perf_counter()
            answer = bot.ask(q["question"])
            latencies.append(time.perf_counter() - t)
            refused += answer.refused
            if not answer.refused:
                f1 = max(token_f1(answer.text, g) for g in q["answers"])
                overlap += f1 >= 0.3
                cites += any(c.doc_id == q["doc_id"] for c in answer.citations)
        n = len(questions)
        summary["ours_ask"] = {"answer_overlap": round(overlap / n, 4),
                               "cites_gold": round(cites / n, 4),
                               "refusals": round(refused / n, 4),
                               "ask_p50_s": round(percentile(latencies, .5), 3),
                               "ask_p95_s": round(percentile(latencies, .95), 3)}
    for name, figures in summary.items():
        print(f"{name:<20} " + "  ".join(f"{k}={v}" for k, v in figures.items()))
    write_results("spf_quality", {"summary": summary, "embedder": args.embedder,
                                  "questions": len(questions)})


if __name__ == "__main__":
    main()
