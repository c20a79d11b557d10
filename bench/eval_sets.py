"""Our question sets in both modes: extractive, and the openai path against the oracle model.

Ingests the corpus into a temp store (bench/.work), asks the test half (or `--split dev|all`)
of its question set once extractively and once through `QA_LLM=openai` served by
bench/oracle_model.py (an always-right model: a lost answer is our pipeline's loss), prints one
line per mode and writes bench/results/eval_sets.json (one entry per corpus/split/mode).
  python bench/eval_sets.py                      # bundled articles, eval/questions.jsonl, test
  python bench/eval_sets.py --split dev
  python bench/eval_sets.py --corpus english     # eval/english/articles + questions.jsonl
  python bench/eval_sets.py --modes local        # the local Qwen model (about 8 s a question)
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import RESULTS, ROOT, cpu_info, fresh_dir
from bench.oracle_model import serve
from qa import QA, Settings
from qa.evaluate import QuestionResult, load_questions, run_eval

CORPORA = {"bundled": (ROOT / "articles", ROOT / "eval" / "questions.jsonl"),
           "english": (ROOT / "eval" / "english" / "articles",
                       ROOT / "eval" / "english" / "questions.jsonl")}


def one_line(label: str, s: dict[str, Any]) -> str:
    """A run's figures on one line: overall, answerable, follow-ups, refusals, by kind."""
    def f(t: dict[str, Any]) -> str:
        return f"{t['right']}/{t['n']}"
    kinds = " ".join(f"{k}={f(t)}" for k, t in s["by_kind"].items())
    return (f"{label}: overall {f(s['overall'])} ({s['overall']['accuracy']:.2f}) | answerable "
            f"{f(s['answerable'])} | follow-ups {f(s['followups'])} "
            f"({s['followups']['accuracy']:.2f}) | refusals {f(s['refusals'])} | false refusals "
            f"{s['false_refusals']} | fallbacks {s['fallbacks']} | {kinds}")


def compact(results: list[QuestionResult]) -> list[dict[str, Any]]:
    """Per-question outcome, short enough to diff between runs."""
    return [{"id": r.id, "kind": r.kind, "correct": r.correct, "refused": r.refused,
             "mode": r.mode, "answer": r.answer.split("\n\n")[0][:240]} for r in results]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", choices=sorted(CORPORA), default="bundled")
    parser.add_argument("--split", choices=["test", "dev", "all"], default="test")
    parser.add_argument("--modes", default="extractive,openai")
    parser.add_argument("--embedder", default="fast")
    args = parser.parse_args()
    folder, set_path = CORPORA[args.corpus]
    questions = load_questions(set_path, None if args.split == "all" else args.split)
    store = fresh_dir(f"eval_sets_{args.corpus}")
    base = {"store_path": store, "embedder": args.embedder, "articles_path": folder}
    started = time.perf_counter()
    QA(Settings(**base)).ingest([folder])
    print(f"{args.corpus}: {len(questions)} {args.split} questions, ingest "
          f"{time.perf_counter() - started:.1f} s, {cpu_info()['model']}", flush=True)
    runs: dict[str, Any] = {}
    for mode in args.modes.split(","):
        server = oracle = None
        settings = Settings(**base)
        if mode == "openai":
            server, oracle = serve(questions)
            settings = Settings(**base, llm="openai", llm_base_url=server.url,
                                llm_api_key="oracle", llm_model="oracle", llm_retries=0)
        elif mode == "local":  # Qwen through llama.cpp in this process (slow: ~8 s a question)
            settings = Settings(**base, llm="local")
        bot = QA(settings)
        try:
            summary, results = run_eval(questions, bot.ask, bot.retrieve)
        finally:
            if server is not None:
                server.__exit__(None, None, None)
        label = f"{args.corpus} {args.split} {mode}"
        print(one_line(label, summary), flush=True)
        runs[label] = {"summary": summary, "questions": compact(results),
                       "oracle": dict(oracle.outcomes) if oracle else None,
                       "oracle_by_question": oracle.by_question if oracle else None}
    path = RESULTS / "eval_sets.json"
    previous = json.loads(path.read_text()) if path.exists() else {}
    previous.update({label: {**run, "cpu": cpu_info()["model"],
                             "updated": time.strftime("%Y-%m-%d %H:%M:%S")}
                     for label, run in runs.items()})
    RESULTS.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(previous, ensure_ascii=False, indent=2), encoding="utf-8")
    print(f"-> {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
