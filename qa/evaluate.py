"""Scoring of question sets (the format of eval/README.md), used by `qa eval` and `bench/`."""

from __future__ import annotations

import json
import re
import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from qa.results import Answer, Passage
from qa.text import fold

MARKER_RE = re.compile(r"\[\d+\]")
PARAGRAPH_BREAK_RE = re.compile(r"\n[ \t]*\n")
ORDINAL_SUFFIX = r"(?:st|nd|rd|th|er|re|ere|e|eme|nde?)?"


@dataclass(frozen=True)
class EvalQuestion:
    """One question of a set: gold answer groups and gold source articles."""

    id: str
    question: str
    answerable: bool
    answers: list[list[str]]
    sources: list[str]
    lang: str = ""


def load_questions(path: str | Path) -> list[EvalQuestion]:
    """Read a JSONL question set; raises ValueError naming the bad line."""
    out = []
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            out.append(EvalQuestion(
                id=str(row.get("id", n)), question=row["question"],
                answerable=bool(row.get("answerable", True)),
                answers=[list(g) for g in row.get("answers", [])],
                sources=list(row.get("sources", [])), lang=row.get("lang", "")))
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise ValueError(f"{path}:{n}: not a question object ({exc})") from exc
    return out


def first_paragraph(text: str) -> str:
    """The answer's first paragraph (up to the first blank line): what the reader takes."""
    return PARAGRAPH_BREAK_RE.split(text.strip(), maxsplit=1)[0]


def answer_matches(text: str, groups: list[list[str]]) -> bool:
    """Every group has one alternative in the first paragraph, as whole words.

    `x*` is a word prefix; an alternative made of digits also matches with an ordinal suffix
    ("12th", "1er", "2e")."""
    haystack = fold(MARKER_RE.sub(" ", first_paragraph(text)))
    return all(any(_alternative_in(fold(alt), haystack) for alt in group) for group in groups)


def _alternative_in(alt: str, haystack: str) -> bool:
    if alt.endswith("*"):
        return re.search(rf"\b{re.escape(alt[:-1])}", haystack) is not None
    if alt.isdigit():
        return re.search(rf"\b{alt}{ORDINAL_SUFFIX}\b", haystack) is not None
    return re.search(rf"\b{re.escape(alt)}\b", haystack) is not None


@dataclass
class QuestionResult:
    """How one question went."""

    id: str
    question: str
    answerable: bool
    refused: bool
    answer_ok: bool
    citation_ok: bool
    refusal_ok: bool
    hit_rank: int | None
    latency_s: float
    answer: str
    cited: list[str] = field(default_factory=list)
    mode: str = ""
    notice: str = ""
    generated_sentences: int = 0
    rejected_sentences: int = 0


def generated_counts(answer: Answer) -> tuple[int, int]:
    """(sentences a model generated, those the verifier rejected) for one answer.

    Extractive sentences are always verified, so in an extractive (fallback) answer the
    unverified sentences are exactly the generated ones that were rejected."""
    rejected = sum(not s.verified for s in answer.sentences)
    generated = len(answer.sentences) if answer.mode != "extractive" else rejected
    return generated, rejected


def score_question(q: EvalQuestion, answer: Answer, passages: list[Passage],
                   latency: float) -> QuestionResult:
    """Score one answer against the gold (rules of eval/README.md)."""
    cited = [c.doc_id for c in answer.citations]
    citation_ok = bool(set(cited) & set(q.sources)) if q.answerable else not cited
    answer_ok = (q.answerable and not answer.refused and bool(cited)
                 and answer_matches(answer.text, q.answers) and citation_ok)
    rank = next((i + 1 for i, p in enumerate(passages) if p.doc_id in q.sources), None)
    generated, rejected = generated_counts(answer)
    return QuestionResult(
        id=q.id, question=q.question, answerable=q.answerable, refused=answer.refused,
        answer_ok=answer_ok, citation_ok=citation_ok,
        refusal_ok=answer.refused == (not q.answerable), hit_rank=rank,
        latency_s=round(latency, 3), answer=answer.text, cited=cited, mode=answer.mode,
        notice=answer.notice, generated_sentences=generated, rejected_sentences=rejected)


def summarize(results: list[QuestionResult], k: int = 5) -> dict[str, Any]:
    """Aggregate figures of a run."""
    answerable = [r for r in results if r.answerable]
    latencies = sorted(r.latency_s for r in results)

    def share(xs: list[bool]) -> float:
        return round(sum(xs) / len(xs), 4) if xs else 0.0

    return {
        "n": len(results),
        "n_answerable": len(answerable),
        "answer_accuracy": share([r.answer_ok for r in answerable]),
        "citation_accuracy": share([r.citation_ok for r in results if not r.refused]),
        "refusal_accuracy": share([r.refusal_ok for r in results]),
        "hit_at_1": share([r.hit_rank is not None and r.hit_rank <= 1 for r in answerable]),
        f"hit_at_{k}": share([r.hit_rank is not None and r.hit_rank <= k for r in answerable]),
        "mrr": round(sum(1 / r.hit_rank for r in answerable if r.hit_rank) /
                     max(1, len(answerable)), 4),
        "latency_p50_s": round(statistics.median(latencies), 3) if latencies else 0.0,
        "latency_p95_s": round(latencies[min(len(latencies) - 1,
                                            int(0.95 * len(latencies)))], 3)
        if latencies else 0.0,
        "generated_sentences": sum(r.generated_sentences for r in results),
        "verifier_rejected_sentences": sum(r.rejected_sentences for r in results),
        "verifier_rejected": round(sum(r.rejected_sentences for r in results)
                                   / max(1, sum(r.generated_sentences for r in results)), 4),
        "fallbacks": sum(bool(r.notice) and r.mode == "extractive" for r in results),
    }


def run_eval(questions: list[EvalQuestion], ask: Callable[[str], Answer],
             retrieve: Callable[[str, int], list[Passage]], k: int = 5,
             progress: Callable[[int, int], None] | None = None
             ) -> tuple[dict[str, Any], list[QuestionResult]]:
    """Ask every question; return the summary and the per-question results."""
    results = []
    for n, q in enumerate(questions, 1):
        started = time.perf_counter()
        answer = ask(q.question)
        latency = time.perf_counter() - started
        passages = retrieve(q.question, k)
        results.append(score_question(q, answer, passages, latency))
        if progress:
            progress(n, len(questions))
    return summarize(results, k), results


def results_json(summary: dict[str, Any], results: list[QuestionResult]) -> str:
    """The `qa eval --json` document."""
    return json.dumps({**summary, "questions": [asdict(r) for r in results]},
                      ensure_ascii=False, indent=2)
