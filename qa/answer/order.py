""""Before or after?" questions: which of two events came first, read from their dates.

"Did Donfried receive the text before or after Moscow published its draft?" names two events
around the alternative "before or after" / "avant ou après". Each event is looked for in the
sentences of the best article (the sentence nearest to its words that holds a date); the dates
nearest to each event's own words are compared ("15 décembre" < "17 décembre", "Saturday" <
"Sunday", "19 May" < "the end of September"), and the answer leads with "before" or "after"
and quotes both sentences. When the dates cannot be compared the sentences are quoted alone.
The words matched here are French and English function words and date names (language data).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from qa.answer.dates import DAY_INDEX, MONTH_INDEX
from qa.answer.evidence import (
    DATE_RE,
    DATELINE_RE,
    MONTH_RE,
    WEEKDAY_RE,
    YEAR_RE,
)
from qa.answer.kinds import ORDER_RE as _ALTERNATIVE
from qa.answer.kinds import without_context
from qa.language import document_language
from qa.text import fold, index_terms

if TYPE_CHECKING:
    from qa.answer.extractive import Candidate

_OPENER = re.compile(r"^\W*(?:(?:and|et|so|alors)\s+)?(?:did|do|does|was|were|is|are|will|has|"
                     r"have|had|est-ce qu['’]?e?)\s+", re.IGNORECASE)
_LINK = re.compile(r"^\s*(?:que|qu['’]|the moment|when|lorsque|quand)\s*", re.IGNORECASE)
_WORDS = {"fr": ("avant", "après"), "en": ("before", "after")}


def order_sides(question: str) -> tuple[str, str] | None:
    """The two events of a "A before or after B?" question, or None for other questions."""
    own = without_context(question).strip()
    m = _ALTERNATIVE.search(own)
    if not m:
        return None
    first = _OPENER.sub("", own[:m.start()]).strip(" ,")
    second = _LINK.sub("", own[m.end():]).strip(" ?!.")
    return (first, second) if first and second else None


def dates_in(text: str) -> list[tuple[int, tuple[int, ...]]]:
    """(position, sortable key) of the dates a sentence names: (1, year, month, day) for a
    date, (1, year, month, 0) for a month ("fin septembre": the month's end counts as its
    day 28), (0, weekday) for a day of the week; a year missing is 0."""
    out: list[tuple[int, tuple[int, ...]]] = []
    dateline = DATELINE_RE.match(text)  # "NORTHVALE, 7 May 2025 - ": the article's date
    taken: list[tuple[int, int]] = [dateline.span()] if dateline else []
    for rx in (DATE_RE, MONTH_RE, WEEKDAY_RE, YEAR_RE):
        for m in rx.finditer(text):
            if any(a <= m.start() < b for a, b in taken):
                continue
            key = _key(m.group(0))
            if key:
                out.append((m.start(), key))
                taken.append(m.span())
    return sorted(out)


def _key(span: str) -> tuple[int, ...] | None:
    words = re.findall(r"\w+", fold(span))
    year = next((int(w) for w in words if YEAR_RE.fullmatch(w)), 0)
    month = next((MONTH_INDEX[w] for w in words if w in MONTH_INDEX), 0)
    day = next((int(w.rstrip("er")) for w in words if re.fullmatch(r"\d{1,2}(?:er)?", w)), 0)
    if month:
        if not day and re.search(r"\b(fin|end|late|later|tard)\b", fold(span)):
            day = 28
        return (1, year, month, day)
    weekday = next((DAY_INDEX[w] for w in words if w in DAY_INDEX), None)
    if weekday is not None:
        return (0, weekday)
    return (1, year, 0, 0) if year else None


def nearest_date(side: str, text: str, language: str,
                 avoid: tuple[int, ...] | None = None) -> tuple[int, ...] | None:
    """The key of the date of `text` nearest to the words of `side` (not `avoid`)."""
    found = [(pos, key) for pos, key in dates_in(text) if key != avoid]
    if not found:
        return None
    folded = fold(text)
    anchors = [m.start() for t in index_terms(side, language) if len(t) >= 3
               for m in re.finditer(re.escape(t[:5]), folded)]
    if not anchors:
        return found[0][1]
    return min(found, key=lambda f: min(abs(f[0] - a) for a in anchors))[1]


def compare(first: tuple[int, ...] | None, second: tuple[int, ...] | None) -> int:
    """-1 when `first` comes before `second`, 1 after, 0 when they cannot be compared."""
    if not first or not second or first[0] != second[0]:
        return 0
    if first[0] == 0:
        return (first[1] > second[1]) - (first[1] < second[1])
    _, y1, m1, d1 = first
    _, y2, m2, d2 = second
    if y1 and y2 and y1 != y2:
        return -1 if y1 < y2 else 1
    if m1 and m2 and m1 != m2:
        return -1 if m1 < m2 else 1
    if m1 == m2 and m1 and d1 and d2 and d1 != d2:
        return -1 if d1 < d2 else 1
    return 0


def dated_pair(sides: tuple[str, str], pool: list[Candidate],
               scores: list[list[float]]) -> list[Candidate]:
    """The sentences (A's, then B's when it is another one) of the pool that best match the
    two events, `scores` being each side's score of each sentence, among the pairs whose
    dates settle the order; [] when no pair does."""
    best: tuple[float, list[Candidate]] | None = None
    for i, a in enumerate(pool):
        key_a = nearest_date(sides[0], a.text, _language(a))
        for j, b in enumerate(pool):
            key_b = nearest_date(sides[1], b.text, _language(b), avoid=key_a if i == j else None)
            total = scores[0][i] + scores[1][j]
            if compare(key_a, key_b) and (best is None or total > best[0]):
                best = (total, [a] if i == j else [a, b])
    return best[1] if best else []


def order_lead(question: str, chosen: list[Candidate], language: str) -> str:
    """"before" / "après"... for a "A before or after B?" question whose events `chosen`
    quotes (A's sentence first, then B's when it is another one); '' when their dates do not
    settle it."""
    sides = order_sides(question)
    if not sides or not chosen:
        return ""
    first, last = chosen[0], chosen[-1]
    a = nearest_date(sides[0], first.text, _language(first))
    b = nearest_date(sides[1], last.text, _language(last), avoid=a if first is last else None)
    verdict = compare(a, b)
    if not verdict:
        return ""
    return _WORDS.get(language, _WORDS["en"])[verdict > 0]


def _language(candidate: Candidate) -> str:
    passage = candidate.passage
    return passage.language or document_language(passage.text)
