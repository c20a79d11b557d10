"""Why the extractive answerer fails answerable questions: one cause for each.

Asks the answerable questions of a split (default: the dev half of the bundled articles'
eval/questions.jsonl) extractively, as `bench/eval_sets.py` does, and for each one it gets wrong
tells where the gold `support` clause was lost:
  retrieval  - no passage given to the answerer holds the support clause (not in top-k);
  scorer     - a passage holds it, but another sentence was chosen (the support sentence's
               rank among the scored sentences is shown);
  gate       - the support sentence was the one chosen (or the best typed one) and the gate
               refused it (its clause is shown);
  lead       - the support sentence was quoted, but the short answer took the wrong span.
  python bench/answer_causes.py --corpus english [--ids e030,e311]
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
from qa.answer.gate import confidence
from qa.evaluate import load_questions, run_eval
from qa.results import Passage
from qa.text import detect_language, fold


def _holds(text: str, support: str) -> bool:
    """True when `text` holds the support clause (or its first 40 letters)."""
    s = fold(support).strip()
    return s[:40] in fold(text) or (len(fold(text)) > 30 and fold(text).strip() in s)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", choices=sorted(CORPORA), default="bundled")
    parser.add_argument("--ids", default="", help="only these question ids (comma separated)")
    parser.add_argument("--all", action="store_true", help="also list right answers")
    args = parser.parse_args()
    folder, set_path = CORPORA[args.corpus]
    questions = [q for q in load_questions(set_path, "dev") if q.answerable
                 and (not args.ids or q.id in args.ids.split(","))]
    store = fresh_dir(f"answer_causes_{args.corpus}")
    bot = QA(Settings(store_path=store, articles_path=folder))
    bot.ingest([folder])
    answerer = bot.answerer
    seen: list[tuple[str, list[Passage], list[Candidate], list[Candidate], str]] = []
    select, candidates = answerer.select, answerer.candidates
    ranked_last: list[list[Candidate]] = []

    def scoring(question: str, passages: list[Passage]) -> list[Candidate]:
        out = candidates(question, passages)
        ranked_last.append(out)
        return out

    def recording(question: str, passages: list[Passage]) -> tuple[list[Candidate], str]:
        ranked_last.clear()
        chosen, clause = select(question, passages)
        seen.append((question, passages, ranked_last[-1] if ranked_last else [], chosen,
                     clause))
        return chosen, clause

    answerer.candidates = scoring  # type: ignore[method-assign]
    answerer.select = recording  # type: ignore[method-assign]
    causes: Counter[str] = Counter()
    for q in questions:
        seen.clear()
        _, results = run_eval([q], bot.ask, bot.retrieve)
        r = results[0]
        if r.correct and not args.all:
            continue
        if not seen:
            print(f"{q.id} ?      (answerer not asked) {q.question[:70]}")
            continue
        question, passages, ranked, chosen, clause = seen[-1]
        in_passages = [i for i, p in enumerate(passages) if _holds(p.text, q.support)]
        support_rank = next((i for i, c in enumerate(ranked) if _holds(c.text, q.support)),
                            None)
        quoted = any(_holds(c.text, q.support) for c in chosen)
        bar = answerer.bars.get(detect_language(question), max(answerer.bars.values()))
        if r.correct:
            cause = "right"
        elif not in_passages:
            cause = "retrieval"
        elif r.refused and support_rank is not None and support_rank == 0:
            cause = "gate"
        elif r.refused and clause not in {"no evidence", "no sentence"} and \
                support_rank is not None and ranked[support_rank].evidence:
            cause = "gate"  # the first typed sentence may not be the first ranked
        elif quoted:
            cause = "lead"
        else:
            cause = "scorer"
        causes[cause] += 1
        sup = ranked[support_rank] if support_rank is not None else None
        detail = (f"supp#{support_rank} conf {confidence(sup):.3f} bar {bar:.3f} "
                  f"ev {bool(sup.evidence)}" if sup else "supp -")
        top = ranked[0] if ranked else None
        print(f"{q.id} {q.lang} {q.kind:<11} {cause:<9} {'REFUSED' if r.refused else 'wrong':<7}"
              f" clause={clause or '-':<24} passages{in_passages} {detail}"
              f" top conf {confidence(top) if top else 0:.3f} | {q.question[:70]}")
    print(" ".join(f"{k}={v}" for k, v in causes.most_common()))


if __name__ == "__main__":
    main()
