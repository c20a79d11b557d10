"""Refusal calibration: answerable vs unanswerable questions, and where the bars fall.

Unanswerable questions are made by crossing corpora: the 105 SPF questions asked of the news
articles, and the seed questions asked of the SPF fiches, plus the seed set's own
unanswerable ones. Answerable: the seed set's answerable questions on the articles and the
SPF questions on the fiches. For each, it records what the extractive answerer decides and
prints the share answered/refused per group.
The bars are those calibrated on each index (qa/calibrate.py; recomputed here when the
index was built without them). Reuses bench/spf_quality.py's SPF index, building it if absent:
`.venv/bin/python bench/refusal.py`.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import ROOT, fresh_dir, spf_questions, write_results
from bench.spf_quality import build_ours
from qa import QA, Settings
from qa.answer.evidence import question_type
from qa.answer.gate import confidence, language_pair


def decisions(bot: QA, questions: list[str]) -> list[dict]:
    """What the answerer decides for each question, with the features behind it."""
    out = []
    answerer = bot.answerer
    for q in questions:
        passages = bot.retriever.retrieve(q, bot.settings.answer_k)
        ranked = answerer.candidates(q, passages)
        chosen = answerer.choose(q, passages)
        best = ranked[0] if ranked else None
        out.append({"question": q, "answered": bool(chosen), "type": question_type(q),
                    "confidence": round(confidence(best), 4) if best else 0.0,
                    "pair": language_pair(q, best.passage) if best else ""})
    return out


def main() -> None:
    embedder = sys.argv[1] if len(sys.argv) > 1 else "fast"
    seed = [json.loads(line) for line in (ROOT / "eval" / "seed_qa.jsonl").open()]
    spf = [q["question"] for q in spf_questions()]
    news = QA(Settings(store_path=fresh_dir("refusal_news"), embedder=embedder))
    news.ingest([ROOT / "articles"])
    fiches, _ = build_ours(embedder, reuse=True)
    started = time.perf_counter()
    fiches.calibrate()  # spf_quality builds the index without the service's ingest
    print(f"calibration on SPF: {time.perf_counter() - started:.1f} s", flush=True)
    bars = {"articles": news.store.calibration(), "SPF": fiches.store.calibration()}
    for name, values in bars.items():
        print(f"bars on {name}: {values.get('bars')} (far {values.get('far')}, "
              f"near {values.get('near')})")
    groups = {
        "seed answerable on articles": (news, [q["question"] for q in seed if q["answerable"]],
                                        True),
        "seed unanswerable on articles": (news, [q["question"] for q in seed
                                                 if not q["answerable"]], False),
        "SPF questions on articles": (news, spf, False),
        "seed questions on SPF": (fiches, [q["question"] for q in seed], False),
        "SPF questions on SPF": (fiches, spf, True),
    }
    summary = {}
    for name, (bot, questions, answerable) in groups.items():
        rows = decisions(bot, questions)
        right = sum(r["answered"] == answerable for r in rows)
        summary[name] = {"n": len(rows), "right": right, "share_right": round(right / len(rows),
                                                                               4),
                         "answered": sum(r["answered"] for r in rows)}
        print(f"{name:<32} {right}/{len(rows)} right ({'answer' if answerable else 'refuse'})")
        (fresh_dir(f"refusal_{name.replace(' ', '_')}") / "rows.json").write_text(
            json.dumps(rows, ensure_ascii=False, indent=1))
    write_results("refusal", {"summary": {"refusal": summary, "bars": bars}})


if __name__ == "__main__":
    main()
