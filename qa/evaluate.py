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
    """One question of a set: gold answer groups and gold source articles.

    `history` (earlier user/assistant turns) makes it a follow-up; `standalone` is that
    follow-up written to stand alone (used to measure retrieval); `support` is the clause of a
    source article that holds the answer and `model_answer` what a strong model would write."""

    id: str
    question: str
    answerable: bool
    answers: list[list[str]]
    sources: list[str]
    lang: str = ""
    kind: str = ""
    split: str = ""
    history: list[dict[str, str]] = field(default_factory=list)
    standalone: str = ""
    support: str = ""
    model_answer: str = ""


def load_questions(path: str | Path, split: str | None = None) -> list[EvalQuestion]:
    """Read a JSONL question set (only `split`'s half when given); raises ValueError naming
    the bad line."""
    out = []
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            history = [{"role": str(t["role"]), "content": str(t["content"])}
                       for t in row.get("history") or []]
            q = EvalQuestion(
                id=str(row.get("id", n)), question=row["question"],
                answerable=bool(row.get("answerable", True)),
                answers=[list(g) for g in row.get("answers", [])],
                sources=list(row.get("sources", [])), lang=row.get("lang", ""),
                kind=row.get("kind", ""), split=row.get("split", ""), history=history,
                standalone=row.get("standalone", ""), support=row.get("support", ""),
                model_answer=row.get("model_answer", ""))
        except (json.JSONDecodeError, KeyError, TypeError, AttributeError) as exc:
            raise ValueError(f"{path}:{n}: not a question object ({exc})") from exc
        if split is None or q.split == split:
            out.append(q)
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
    kind: str = ""
    lang: str = ""
    follow_up: bool = False

    @property
    def correct(self) -> bool:
        """Right answer with a right citation, or (unanswerable) a refusal citing nothing."""
        return self.answer_ok if self.answerable else self.refused and self.citation_ok


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
        notice=answer.notice, generated_sentences=generated, rejected_sentences=rejected,
        kind=q.kind, lang=q.lang, follow_up=bool(q.history))


def _share(xs: list[bool]) -> float:
    return round(sum(xs) / len(xs), 4) if xs else 0.0


def _tally(results: list[QuestionResult]) -> dict[str, Any]:
    return {"n": len(results), "right": sum(r.correct for r in results),
            "accuracy": _share([r.correct for r in results])}


def breakdown(results: list[QuestionResult]) -> dict[str, Any]:
    """Right answers overall, by kind, by language, for follow-ups and for refusals."""
    kinds = sorted({r.kind or "-" for r in results})
    langs = sorted({r.lang or "-" for r in results})
    return {
        "overall": _tally(results),
        "by_kind": {k: _tally([r for r in results if (r.kind or "-") == k]) for k in kinds},
        "by_lang": {g: _tally([r for r in results if (r.lang or "-") == g]) for g in langs},
        "followups": _tally([r for r in results if r.follow_up]),
        "answerable": _tally([r for r in results if r.answerable]),
        "refusals": _tally([r for r in results if not r.answerable]),
        "false_refusals": sum(r.refused for r in results if r.answerable),
    }


def summarize(results: list[QuestionResult], k: int = 5) -> dict[str, Any]:
    """Aggregate figures of a run."""
    answerable = [r for r in results if r.answerable]
    latencies = sorted(r.latency_s for r in results)
    return {
        "n": len(results),
        "n_answerable": len(answerable),
        "accuracy": _share([r.correct for r in results]),
        "answer_accuracy": _share([r.answer_ok for r in answerable]),
        "citation_accuracy": _share([r.citation_ok for r in results if not r.refused]),
        "refusal_accuracy": _share([r.refusal_ok for r in results]),
        "hit_at_1": _share([r.hit_rank is not None and r.hit_rank <= 1 for r in answerable]),
        f"hit_at_{k}": _share([r.hit_rank is not None and r.hit_rank <= k for r in answerable]),
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
        **breakdown(results),
    }


def ask_question(ask: Callable[..., Answer], q: EvalQuestion) -> Answer:
    """Ask one question: a follow-up with its conversation, any other on its own."""
    return ask(q.question, history=q.history) if q.history else ask(q.question)


def run_eval(questions: list[EvalQuestion], ask: Callable[..., Answer],
             retrieve: Callable[[str, int], list[Passage]], k: int = 5,
             progress: Callable[[int, int], None] | None = None
             ) -> tuple[dict[str, Any], list[QuestionResult]]:
    """Ask every question (follow-ups with their history); return the summary and the
    per-question results. Retrieval is measured on a follow-up's standalone form."""
    results = []
    for n, q in enumerate(questions, 1):
        started = time.perf_counter()
        answer = ask_question(ask, q)
        latency = time.perf_counter() - started
        passages = retrieve(q.standalone or q.question, k)
        results.append(score_question(q, answer, passages, latency))
        if progress:
            progress(n, len(questions))
    return summarize(results, k), results


def results_json(summary: dict[str, Any], results: list[QuestionResult]) -> str:
    """The `qa eval --json` document."""
    return json.dumps({**summary, "questions": [asdict(r) | {"correct": r.correct}
                                                for r in results]},
                      ensure_ascii=False, indent=2)


def _line(name: str, tally: dict[str, Any]) -> str:
    return f"{name:<24} {tally['right']:>3}/{tally['n']:<3} {tally['accuracy']:.2f}"


def report_text(summary: dict[str, Any], results: list[QuestionResult]) -> str:
    """The `qa eval` report: one line a question, then overall, by kind, follow-ups,
    refusals and the retrieval/latency figures."""
    lines = [f"{'id':<10} {'ok':<4} {'cite':<5} {'refuse':<7} {'rank':<5} {'s':>6}  answer"]
    for r in results:
        ok = "yes" if r.correct else "NO"
        lines.append(f"{r.id:<10} {ok:<4} {'yes' if r.citation_ok else 'NO':<5} "
                     f"{'yes' if r.refusal_ok else 'NO':<7} {r.hit_rank or '-'!s:<5} "
                     f"{r.latency_s:>6.2f}  {first_paragraph(r.answer).replace(chr(10), ' ')[:70]}")
    lines += ["", _line("overall", summary["overall"])]
    lines += [_line(f"  {kind}", t) for kind, t in summary["by_kind"].items()]
    lines += [_line(f"  lang {lang}", t) for lang, t in summary["by_lang"].items()]
    lines += [_line("follow-ups", summary["followups"]),
              _line("answerable", summary["answerable"]),
              _line("refusals (unanswerable)", summary["refusals"]),
              f"{'false refusals':<24} {summary['false_refusals']}", ""]
    skip = {"overall", "by_kind", "by_lang", "followups", "answerable", "refusals",
            "false_refusals"}
    lines += [f"{key:<24} {value}" for key, value in summary.items() if key not in skip]
    return "\n".join(lines)
