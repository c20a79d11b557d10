"""Which clause of the extractive answerer refuses: false refusals vs right refusals.

Asks a split of one of our question sets (default: the dev half of the bundled articles'
eval/questions.jsonl) extractively, as `bench/eval_sets.py` does, and records for each refused
question the clause that refused it (`ExtractiveAnswerer.select`: "no evidence", "asks beyond",
or the gate's `qa.answer.gate.refusal_clause`: "supports", "names", "unmentioned: ...",
"quote", "confidence"). Prints clause -> (false refusals of answerable questions, right
refusals of unanswerable ones), then the refused questions with their clause (`--list`).
  python bench/refusal_clauses.py --corpus english --list
Never run it on the test half while tuning.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import fresh_dir
from bench.eval_sets import CORPORA
from qa import QA, Settings
from qa.answer.extractive import Candidate
from qa.evaluate import load_questions, run_eval
from qa.results import Passage


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", choices=sorted(CORPORA), default="bundled")
    parser.add_argument("--split", choices=["dev", "all"], default="dev")
    parser.add_argument("--list", action="store_true", help="print every refused question")
    args = parser.parse_args()
    folder, set_path = CORPORA[args.corpus]
    questions = load_questions(set_path, None if args.split == "all" else args.split)
    store = fresh_dir(f"refusal_clauses_{args.corpus}")
    bot = QA(Settings(store_path=store, articles_path=folder))
    bot.ingest([folder])
    answerer = bot.answerer
    clauses: list[str] = []
    select = answerer.select

    def recording(question: str, passages: list[Passage]) -> tuple[list[Candidate], str]:
        chosen, clause = select(question, passages)
        clauses.append(clause)
        return chosen, clause

    answerer.select = recording  # type: ignore[method-assign]
    by_question: dict[str, str] = {}
    for q in questions:
        clauses.clear()
        _, results = run_eval([q], bot.ask, bot.retrieve)
        by_question[q.id] = (clauses[-1] if clauses else "no passage") if results[0].refused \
            else ""
    table: Counter[tuple[str, bool]] = Counter()
    for q in questions:
        if by_question[q.id]:
            table[(by_question[q.id].split(":")[0], q.answerable)] += 1
    answerable = sum(q.answerable for q in questions)
    print(f"{args.corpus} {args.split}: {len(questions)} questions ({answerable} answerable)")
    print(f"{'clause':<14} {'false refusals':>15} {'right refusals':>15}")
    for clause in sorted({c for c, _ in table}):
        print(f"{clause:<14} {table[(clause, True)]:>15} {table[(clause, False)]:>15}")
    unanswered = sum(1 for q in questions if not q.answerable and not by_question[q.id])
    print(f"{'(answered)':<14} {'':>15} {unanswered:>15} unanswerable answered")
    if args.list:
        for q in questions:
            if by_question[q.id]:
                tag = "FALSE" if q.answerable else "right"
                print(f"{q.id} {tag:<5} {by_question[q.id]:<28} {q.question[:80]}")


if __name__ == "__main__":
    main()
