"""Counts of days: "how many days / combien de jours ..." is answered by a duration or by
dates, never by a count of something else ("des deux pays" does not say how many days).

A sentence answers with a duration in any time unit ("for 48 hours", "un voyage de deux
jours"), with a span of days ("les 12 et 13 janvier": two days), or with two dates of one
month ("le 12 janvier après ... le 10 janvier": two days apart). Unit and month names are
French and English words (language data).
"""

from __future__ import annotations

import re

from qa.answer.dates import MONTH_INDEX
from qa.answer.evidence import DATE_RE, DURATION_RE, Evidence
from qa.answer.implied import counted_phrase
from qa.text import fold

# Days, the unit counted here, singular and plural (language data); a count of years or
# months is left to the general count (a term of office is not "within four years").
DAY_UNITS = {"day", "days", "jour", "jours", "journee", "journees"}
_WORDS = {"fr": "jours", "en": "days"}


def counted_time_unit(question: str) -> str:
    """The day unit a "how many X" question counts ("jours"), or ''."""
    words = re.findall(r"[\w-]+", fold(counted_phrase(question)))
    return words[0] if words and words[0] in DAY_UNITS else ""


def _day_month(span: str) -> tuple[list[int], int]:
    words = re.findall(r"\w+", fold(span))
    days = [int(w.rstrip("er")) for w in words if re.fullmatch(r"\d{1,2}(?:er)?", w)]
    month = next((MONTH_INDEX[w] for w in words if w in MONTH_INDEX), 0)
    return days, month


def time_count_evidence(unit: str, sentence: str, language: str) -> list[Evidence]:
    """Spans of `sentence` that count days for a question counting `unit`: durations first
    ("48 hours", "deux jours"), then a span of days or two dates of one month, worded with
    their count."""
    out = [Evidence(m.group(0).strip(), m.start(), m.end())
           for m in DURATION_RE.finditer(sentence) if not re.fullmatch(
               r"\d+(?:[.,]\d+)?\s*(?:s|min|h)", m.group(0).strip())]
    if out:
        return out
    dates = [(m, *_day_month(m.group(0))) for m in DATE_RE.finditer(sentence)]
    word = _WORDS.get(language, "days")
    for m, days, month in dates:  # "les 12 et 13 janvier", "from 2 to 4 June"
        if len(days) == 2 and month and days[1] > days[0]:
            count = days[1] - days[0] + 1
            out.append(Evidence(f"{count} {word} ({m.group(1).strip()})", m.start(), m.end()))
    singles = [(m, days[0], month) for m, days, month in dates if len(days) == 1 and month]
    if not out and len(singles) == 2 and singles[0][2] == singles[1][2] and (
            singles[0][1] != singles[1][1]):  # "le 12 janvier après ... le 10 janvier"
        (a, da, _), (b, db, _) = singles
        first, last = (a, b) if a.start() < b.start() else (b, a)
        out.append(Evidence(f"{abs(db - da)} {word} ({a.group(1).strip()}, "
                            f"{b.group(1).strip()})", first.start(), last.end(),
                            preferred=False))
    return out
