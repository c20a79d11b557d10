"""Durations a sentence computes from what its passages state.

A model answering "how long between A and B?" writes the span, not the passage's dates:
"Trois ans : les travaux commencent en 2027, la première électricité en 2030", "quinze jours
après l'annonce du 18 août" (the strike starts on 2 September), "depuis six ans" (in an
article of 2025 about a victory in 2019). The count is then in no passage, yet it is what
they say. A count of years, weeks or days is supported when it is the distance between two
years (or two dates) the cited passages state; any other count of that unit still fails, so
a changed span ("quatre ans" between 2027 and 2030) stays wrong. Unit names are French and
English words (language data).
"""

from __future__ import annotations

import re
from datetime import date
from itertools import combinations

from qa.answer.claims import Claim, stated_dates, strip_markers
from qa.answer.daycounts import DAY_UNITS
from qa.text import fold

# Time units (language data): days per unit; years are compared as calendar years.
_YEARS = {"an", "ans", "annee", "annees", "year", "years"}
_DAYS_PER = {**dict.fromkeys(DAY_UNITS, 1), "semaine": 7, "semaines": 7, "week": 7, "weeks": 7}
_YEAR_RE = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")


def _unit_after(claim: Claim, sentence: str) -> str:
    """The time unit right after the claim's count in the sentence ("trois ans" -> 'ans')."""
    folded = fold(strip_markers(sentence))
    for m in re.finditer(rf"(?<!\w){re.escape(fold(claim.text))}(?!\w)\s+(\w+)", folded):
        if m.group(1) in _YEARS or m.group(1) in _DAYS_PER:
            return m.group(1)
    return ""


def _day_spans(text: str) -> set[int]:
    """The days between any two dates a passage states (its first year, else a common one,
    places them in the calendar; a span over New Year counts forward)."""
    years = _YEAR_RE.findall(text)
    year = int(years[0]) if years else 2001
    days = set()
    for d in set(stated_dates(text)):
        try:
            days.add(date(year, d[1], d[0]).toordinal())
        except ValueError:
            continue
    out = set()
    for a, b in combinations(sorted(days), 2):
        out |= {b - a, 365 - (b - a)} if b - a > 182 else {b - a}
    return out


def computed_span(claim: Claim, sentence: str, texts: list[str]) -> bool:
    """True when the claim is a count of years, weeks or days (by the unit after it) that
    is the distance between two years, or two dates, of the cited passages' texts."""
    if claim.kind != "number" or not str(claim.key).isdigit():
        return False
    count, unit = int(str(claim.key)), _unit_after(claim, sentence)
    if not unit or count < 1:
        return False
    if unit in _YEARS:
        years = {int(y) for t in texts for y in _YEAR_RE.findall(t)}
        return any(abs(a - b) == count for a, b in combinations(years, 2))
    return any(count * _DAYS_PER[unit] in _day_spans(t) for t in texts)
