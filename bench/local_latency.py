"""QA_LLM=local on the seed set: how long until the user reads something, and until the final
(verified) answer; answer accuracy as `qa eval` scores it. Run by `make bench`.

    python bench/local_latency.py [--limit N] [--ids s01,s02]

Prints one line per question, then p50/p95 of first text (the provisional extractive answer),
first model text and final answer, with the CPU model and flags it was measured on; writes
bench/results/local_latency.json (merged into summary.json).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import ROOT, OtherCpuUse, cpu_info, fresh_dir, percentile, write_results
from qa import QA, Settings
from qa.evaluate import load_questions, score_question


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=0, help="first N questions only")
    parser.add_argument("--ids", default="", help="comma-separated question ids")
    args = parser.parse_args()
    questions = load_questions(ROOT / "eval" / "seed_qa.jsonl")
    if args.ids:
        questions = [q for q in questions if q.id in args.ids.split(",")]
    if args.limit:
        questions = questions[: args.limit]
    bot = QA(Settings(store_path=fresh_dir("local_latency"), llm="local"))
    bot.ensure_corpus()
    started = time.perf_counter()
    warm = bot.warm_up()  # as the web app does at start: load the model, cache the system prompt
    if warm is not None:
        warm.join()
    load_s = time.perf_counter() - started
    rows = []
    with OtherCpuUse() as other:  # figures on a busy machine are not comparable
        for q in questions:
            t0 = time.perf_counter()
            first = first_model = None
            final = None
            for answer in bot.stream_ask(q.question):
                now = time.perf_counter() - t0
                first = now if first is None else first
                if first_model is None and answer.mode == "local":
                    first_model = now
                final = answer
            total = time.perf_counter() - t0
            assert final is not None
            scored = score_question(q, final, [], total)  # the rules of `qa eval`
            ok = scored.answer_ok if q.answerable else scored.refusal_ok
            llama = getattr(bot.answerer, "last_timings", None) if first_model else None
            rows.append({"id": q.id, "ok": ok, "mode": final.mode, "first_s": round(first or 0, 3),
                         "llama": {k: llama.get(k) for k in ("cache_n", "prompt_n", "prompt_ms",
                                                              "predicted_n", "predicted_ms")}
                         if isinstance(llama, dict) else None,
                         "first_model_s": round(first_model, 3) if first_model else None,
                         "final_s": round(total, 3), "answer": final.text[:160]})
            print(f"{q.id} ok={ok!s:<5} {final.mode:<10} first {first:5.2f}s model "
                  f"{first_model or 0:5.2f}s final {total:5.2f}s {rows[-1]['llama']} "
                  f"{final.text[:70]!r}", flush=True)
    llamas = [r["llama"] for r in rows if r["llama"]]

    def rate(n: str, ms: str) -> float:
        total = sum(x[ms] or 0 for x in llamas) / 1000
        return round(sum(x[n] or 0 for x in llamas) / total, 1) if total else 0.0

    firsts = [r["first_s"] for r in rows]
    models = [r["first_model_s"] for r in rows if r["first_model_s"] is not None]
    finals = [r["final_s"] for r in rows]
    answerable = [r for r, q in zip(rows, questions, strict=True) if q.answerable]
    summary = {
        "cpu": cpu_info(), "questions": len(rows), "model_load_s": round(load_s, 1),
        "answer_accuracy": f"{sum(r['ok'] for r in answerable)}/{len(answerable)}",
        "refusal_accuracy": f"{sum(r['ok'] for r in rows if r not in answerable)}/"
                            f"{len(rows) - len(answerable)}",
        "model_answers": sum(r["mode"] == "local" for r in rows),
        "first_text_p50_s": percentile(firsts, 0.5), "first_text_p95_s": percentile(firsts, 0.95),
        "first_model_text_p50_s": percentile(models, 0.5),
        "first_model_text_p95_s": percentile(models, 0.95),
        "final_p50_s": percentile(finals, 0.5), "final_p95_s": percentile(finals, 0.95),
        "prompt_tokens_p50": percentile([x["prompt_n"] or 0 for x in llamas], 0.5),
        "cached_tokens_p50": percentile([x["cache_n"] or 0 for x in llamas], 0.5),
        "answer_tokens_p50": percentile([x["predicted_n"] or 0 for x in llamas], 0.5),
        "prompt_tokens_per_s": rate("prompt_n", "prompt_ms"),
        "answer_tokens_per_s": rate("predicted_n", "predicted_ms"),
        "threads": bot.settings.local_threads or os.cpu_count(),
        "other_cpu_share": other.share,  # other processes' use of the cores while timing
    }
    print(summary, flush=True)
    if not (args.limit or args.ids):
        write_results("local_latency", {"summary": {"local_latency": summary}, "rows": rows})


if __name__ == "__main__":
    main()
