"""Conflicting sources: two articles that answer a date, number or place question differently.

`rival` finds, among the answerer's ranked sentences, one of another article (not a syndicated
copy) that answers nearly as well as the best one; when both lead to a short answer of the
asked kind and the two values differ (dates compared as
day and month after relative days are resolved, numbers as numbers, places folded), the
answer says so and cites each: "Les sources divergent : 100 000 [1] ; 120 000 [2]." Values
that cannot be compared (a bare weekday against a date) are not called a conflict.
"""

from __future__ import annotations

import re
from typing import Protocol

from qa.answer.evidence import NUMBER_WORDS, Evidence, closest_to_terms, render_short
from qa.answer.verify import _dates, _number_key
from qa.results import Passage
from qa.syndication import same_text
from qa.text import fold

KINDS = {"date", "number", "place", "year", "duration"}
MARGIN = 0.05  # a rival answers nearly as well as the best sentence (answerer score)
SAME_TOPIC = 0.75  # and shares at least 3/4 as much of the question's terms (seed set: a
# "first since 2019" sentence at 0.57 of the best one's overlap is another fact, not a rival)
LABEL = {"fr": "Les sources divergent : ", "en": "Sources differ: "}


class Quoted(Protocol):
    """What the conflict check needs of an answerer's chosen sentence."""

    passage: Passage
    text: str
    evidence: list | None
    lexical: float
    score: float


def value(kind: str, text: str) -> frozenset | None:
    """A comparable form of a short answer; None when it cannot be compared."""
    folded = fold(text)
    if kind == "date":
        days = frozenset(key for _, key in _dates(folded))
        return days or None
    if kind in {"number", "duration"}:
        found = re.findall(r"\d{1,3}(?:[ \u00a0\u202f.,]\d{3})+(?!\d)|\d+[.,]\d+|\d+", folded)
        numbers = {_number_key(n) for n in found}
        numbers |= {str(NUMBER_WORDS[w]) for w in re.findall(r"\w+", folded)
                    if w in NUMBER_WORDS}
        return frozenset(numbers) or None
    return frozenset({folded.strip()}) if folded.strip() else None


def short_answer(quoted: Quoted, terms: list[str]) -> Evidence | None:
    """The short answer a chosen sentence gives (its evidence nearest the question terms)."""
    return closest_to_terms(quoted.evidence, quoted.text, terms) if quoted.evidence else None


def rival(kind: str, best: Quoted, ranked: list[Quoted], terms: list[str]) -> Quoted | None:
    """A sentence of another article that answers nearly as well as `best` but with another
    value (not a syndicated copy of it); None when the best-supported answers agree."""
    if kind not in KINDS or not best.evidence:
        return None
    mine = short_answer(best, terms)
    copies = {d for a, b, docs in best.passage.copies for d in docs}
    for other in ranked:
        if (other is best or other.passage.doc_id == best.passage.doc_id
                or other.passage.doc_id in copies or not other.evidence
                or other.score < best.score - MARGIN
                or other.lexical < SAME_TOPIC * best.lexical or same_text(other.text, best.text)):
            continue
        theirs = short_answer(other, terms)
        va = value(kind, mine.text) if mine else None
        vb = value(kind, theirs.text) if theirs else None
        if va is not None and vb is not None and not va & vb:
            return other
    return None


def divergence(kind: str, chosen: list[Quoted], terms: list[str], language: str) -> str:
    """'Les sources divergent : A [1] ; B [2].' when the chosen sentences of two articles
    answer differently; '' when they agree, cannot be compared, or the kind is not checked."""
    if kind not in KINDS or len(chosen) < 2:
        return ""
    best, other = chosen[0], chosen[1]
    if best.passage.doc_id == other.passage.doc_id or other.lexical < SAME_TOPIC * best.lexical:
        return ""
    a, b = short_answer(best, terms), short_answer(other, terms)
    if a is None or b is None:
        return ""
    va, vb = value(kind, a.text), value(kind, b.text)
    if va is None or vb is None or va & vb:
        return ""
    parts = [f"{render_short(kind, e.text, language)} [{n}]" for n, e in ((1, a), (2, b))]
    sep = " ; " if language == "fr" else "; "
    return LABEL.get(language, LABEL["en"]) + sep.join(parts) + "."
