"""Helpers to write a question set (eval/README.md format plus kind, split, history, support).

Used by eval/build_questions.py and eval/english/build_questions.py. Every answerable
question's `support` must occur verbatim in one of its source articles and its `model_answer`
must satisfy its own gold groups; the split is a seeded shuffle stratified by kind, language
and answerability, written into the file so that it never moves once tuning starts.
"""

from __future__ import annotations

import json
import random
import re
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from qa.evaluate import answer_matches

QUOTES = "'’‘`\"«»“”"


def A(kind: str, lang: str, question: str, answers: list[list[str]], sources: list[str],
      support: str, model_answer: str) -> dict[str, Any]:
    """An answerable standalone question."""
    return {"kind": kind, "lang": lang, "question": question, "answerable": True,
            "answers": answers, "sources": sources, "support": support,
            "model_answer": model_answer}


def F(lang: str, turns: list[tuple[str, str]], question: str, standalone: str,
      answers: list[list[str]] | None = None, sources: list[str] | None = None,
      support: str = "", model_answer: str = "") -> dict[str, Any]:
    """A follow-up: earlier (question, answer) turns, then a question that needs them."""
    history = []
    for q, a in turns:
        history += [{"role": "user", "content": q}, {"role": "assistant", "content": a}]
    row = {"kind": "followup", "lang": lang, "question": question, "answerable": bool(answers),
           "answers": answers or [], "sources": sources or [], "history": history,
           "standalone": standalone}
    if answers:
        row.update(support=support, model_answer=model_answer)
    return row


def U(lang: str, question: str) -> dict[str, Any]:
    """A question close to the articles' topics that they do not answer."""
    return {"kind": "unanswerable", "lang": lang, "question": question, "answerable": False,
            "answers": [], "sources": []}


def locate(support: str, text: str) -> str | None:
    """The exact span of `text` that `support` designates (quotes and spaces reconciled)."""
    if support in text:
        return support
    parts = []
    for ch in support:
        if ch in QUOTES:
            parts.append(f"[{re.escape(QUOTES)}]")
        elif ch.isspace():
            parts.append(r"\s+")
        else:
            parts.append(re.escape(ch))
    found = re.search("".join(parts), text)
    return found.group(0) if found else None


def assign_splits(rows: list[dict[str, Any]], seed: int) -> None:
    """Half dev, half test within each (kind, lang, answerable) stratum, by a seeded shuffle."""
    strata: dict[tuple, list[dict]] = defaultdict(list)
    for row in rows:
        strata[(row["kind"], row["lang"], row["answerable"])].append(row)
    rng = random.Random(seed)
    start = 0
    for key in sorted(strata, key=str):
        group = strata[key]
        rng.shuffle(group)
        for i, row in enumerate(group):
            row["split"] = ("dev", "test")[(i + start) % 2]
        start = (start + len(group)) % 2


def added_later(out: Path, built: set[str]) -> list[dict[str, Any]]:
    """Rows of the existing set that this builder did not make: questions appended by hand
    after the split was fixed (ids from 201 on). They may only enlarge the dev half, so the
    test half stays the one fixed before any tuning."""
    if not out.exists():
        return []
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()
            if line.strip()]
    later = [row for row in rows if row["id"] not in built]
    wrong = [row["id"] for row in later if row.get("split") != "dev"]
    if wrong:
        raise SystemExit(f"questions added after the split must be dev: {wrong}")
    return later


def write_set(rows: list[dict[str, Any]], articles: dict[str, str], folder: Path, out: Path,
              prefix: str, seed: int, seed_set: Path | None = None) -> None:
    """Check every row against its articles, split, number and write the JSONL set."""
    texts = {key: (folder / f"{stem}.txt").read_text(encoding="utf-8")
             for key, stem in articles.items()}
    seen = set()
    if seed_set and seed_set.exists():
        seen = {json.loads(line)["question"].strip().lower()
                for line in seed_set.read_text(encoding="utf-8").splitlines() if line.strip()}
    errors = []
    for n, row in enumerate(rows, 1):
        row["id"] = f"{prefix}{n:03d}"
        if row["question"].strip().lower() in seen:
            errors.append(f"{row['id']}: question is in the seed set")
        seen.add(row["question"].strip().lower())
        if not row["answerable"]:
            continue
        spans = [(key, locate(row["support"], texts[key])) for key in row["sources"]]
        found = [(key, span) for key, span in spans if span]
        if not found:
            errors.append(f"{row['id']}: support not in {row['sources']}: {row['support']!r}")
        else:
            row["support"] = found[0][1]
            row["support_source"] = articles[found[0][0]]
        if not answer_matches(row["model_answer"], row["answers"]):
            errors.append(f"{row['id']}: model_answer misses the gold: {row['model_answer']!r}")
        row["sources"] = [articles[key] for key in row["sources"]]
    if errors:
        raise SystemExit("\n".join(errors))
    assign_splits(rows, seed)
    rows = rows + added_later(out, {row["id"] for row in rows})
    order = ["id", "lang", "question", "answerable", "answers", "sources", "kind", "split",
             "history", "standalone", "support", "support_source", "model_answer"]
    with out.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps({k: row[k] for k in order if k in row}, ensure_ascii=False)
                     + "\n")
    counts: dict[tuple, int] = defaultdict(int)
    for row in rows:
        counts[(row["split"], row["kind"])] += 1
    print(f"{len(rows)} questions -> {out}")
    for split in ("dev", "test"):
        print(split, {k: v for (s, k), v in sorted(counts.items()) if s == split})
