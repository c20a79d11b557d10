"""Conflicting sources: two articles that answer a date, number or place question differently.

`rival` finds, among the answerer's ranked sentences, one of another article (not a syndicated
copy) that answers nearly as well as the best one, about the same thing; when both lead to a
short answer of the asked kind and the two values differ (dates compared as day and month
after relative days are resolved, numbers as numbers, places folded), the answer says so and
cites each: "Les sources divergent : 100 000 [1] ; 120 000 [2]." Values that cannot be
compared (a bare weekday against a date) are not called a conflict, and a second quote that
states another value for an unrelated event is not given the lead's markers (`compatible`).
"""

from __future__ import annotations

from typing import Protocol

from qa.answer.claims import facts
from qa.answer.clauses import closest_to_terms
from qa.answer.evidence import Evidence
from qa.answer.lead import render_short
from qa.results import Passage
from qa.syndication import same_text
from qa.text import fold, index_terms

KINDS = {"date", "number", "place", "year", "duration"}
MARGIN = 0.05  # a rival answers nearly as well as the best sentence (answerer score)
SAME_TOPIC = 0.75  # and shares at least 3/4 as much of the question's terms (seed set: a
# "first since 2019" sentence at 0.57 of the best one's overlap is another fact, not a rival)
SAME_EVENT = 0.2  # and the two sentences share a fifth of their terms (Jaccard): across
# languages the question overlap is ~0 for both, so this is what keeps other events out
LABEL = {"fr": "Les sources divergent : ", "en": "Sources differ: "}


class Quoted(Protocol):
    """What the conflict check needs of an answerer's chosen sentence."""

    passage: Passage
    text: str
    evidence: list | None
    lexical: float
    score: float


def value(kind: str, text: str) -> frozenset | None:
    """A comparable form of a short answer; None when it cannot be compared. Dates and numbers
    are read as the verifier reads them (`qa.answer.claims.facts`)."""
    if kind == "date":
        return facts(text).dates or None
    if kind in {"number", "duration"}:
        return facts(text).numbers or None
    folded = fold(text).strip()
    return frozenset({folded}) if folded else None


def short_answer(quoted: Quoted, terms: list[str]) -> Evidence | None:
    """The short answer a chosen sentence gives (its evidence nearest the question terms)."""
    return closest_to_terms(quoted.evidence, quoted.text, terms) if quoted.evidence else None


def same_event(a: str, b: str) -> bool:
    """True when two sentences share enough terms to be about the same thing."""
    x, y = set(index_terms(a)), set(index_terms(b))
    return bool(x and y) and len(x & y) / len(x | y) >= SAME_EVENT


def disagree(kind: str, best: Quoted, other: Quoted, terms: list[str]) -> bool:
    """True when `other`, from another article (not a syndicated copy), answers nearly as
    well as `best`, about the same thing, with a different value of the asked kind."""
    copies = {d for _a, _b, docs in best.passage.copies for d in docs}
    if (kind not in KINDS or other is best or not best.evidence or not other.evidence
            or other.passage.doc_id in copies | {best.passage.doc_id}
            or other.score < best.score - MARGIN
            or other.lexical < SAME_TOPIC * best.lexical or same_text(other.text, best.text)
            or not same_event(other.text, best.text)):
        return False
    mine, theirs = short_answer(best, terms), short_answer(other, terms)
    va = value(kind, mine.text) if mine else None
    vb = value(kind, theirs.text) if theirs else None
    return va is not None and vb is not None and not va & vb


def compatible(kind: str, best: Quoted, other: Quoted, terms: list[str]) -> bool:
    """False when a second quote would state another value than the best one (a different
    date or number): it may not share the lead's citation markers."""
    if kind not in KINDS:
        return True
    mine, theirs = short_answer(best, terms), short_answer(other, terms)
    va = value(kind, mine.text) if mine else None
    vb = value(kind, theirs.text) if theirs else None
    return va is None or vb is None or bool(va & vb)


def rival(kind: str, best: Quoted, ranked: list[Quoted], terms: list[str]) -> Quoted | None:
    """The first ranked sentence that disagrees with `best` (see `disagree`), if any."""
    return next((other for other in ranked if disagree(kind, best, other, terms)), None)


def divergence(kind: str, chosen: list[Quoted], terms: list[str], language: str) -> str:
    """'Les sources divergent : A [1] ; B [2].' when the two chosen sentences disagree; ''
    when they agree, cannot be compared, or the kind is not checked."""
    if len(chosen) < 2 or not disagree(kind, chosen[0], chosen[1], terms):
        return ""
    a, b = short_answer(chosen[0], terms), short_answer(chosen[1], terms)
    parts = [f"{render_short(kind, e.text, language)} [{n}]" for n, e in ((1, a), (2, b)) if e]
    sep = " ; " if language == "fr" else "; "
    return LABEL.get(language, LABEL["en"]) + sep.join(parts) + "."
