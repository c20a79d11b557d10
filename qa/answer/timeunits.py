"""Times and durations a sentence writes in another unit than its passage: "trois décennies"
for "thirty years", "48 heures" for "two days", "3pm" for "15h".

A count followed by a time unit is converted by a general table of time units (seconds to
weeks on one scale, months to centuries on another: a month is not a fixed number of days);
it is supported when the passage states the same duration in another unit of that scale. An
hour of the 12-hour clock ("3pm", "3 p.m.") is the hour of the 24-hour clock ("15h", "15:00")
and the other way round. Unit and number names are French and English words (language data).
"""

from __future__ import annotations

import re

from qa.answer.claims import SMALL_NUMBERS, Claim, strip_markers
from qa.text import fold

# Time units (language data): (scale, size in the scale's base unit).
_SECOND, _MONTH = "s", "m"
TIME_UNITS: dict[str, tuple[str, int]] = {
    **dict.fromkeys(("seconde", "secondes", "second", "seconds", "sec"), (_SECOND, 1)),
    **dict.fromkeys(("minute", "minutes", "min", "mn"), (_SECOND, 60)),
    **dict.fromkeys(("heure", "heures", "hour", "hours", "h"), (_SECOND, 3600)),
    **dict.fromkeys(("jour", "jours", "journee", "journees", "day", "days"), (_SECOND, 86400)),
    **dict.fromkeys(("semaine", "semaines", "week", "weeks"), (_SECOND, 7 * 86400)),
    **dict.fromkeys(("mois", "month", "months"), (_MONTH, 1)),
    **dict.fromkeys(("trimestre", "trimestres", "quarter", "quarters"), (_MONTH, 3)),
    **dict.fromkeys(("an", "ans", "annee", "annees", "year", "years"), (_MONTH, 12)),
    **dict.fromkeys(("decennie", "decennies", "decade", "decades"), (_MONTH, 120)),
    **dict.fromkeys(("siecle", "siecles", "century", "centuries"), (_MONTH, 1200)),
}
# Number names above twenty that durations use (language data; small ones: qa.answer.claims).
_TENS = {"trente": 30, "thirty": 30, "quarante": 40, "forty": 40, "cinquante": 50,
         "fifty": 50, "soixante": 60, "sixty": 60, "cent": 100, "hundred": 100}
_NUMBER_NAMES = {**SMALL_NUMBERS, **_TENS}
_COUNT = (r"(\d+(?:[.,]\d+)?|" + "|".join(sorted(_NUMBER_NAMES, key=len, reverse=True))
          .replace(" ", r"[\s-]") + ")")
_DURATION = re.compile(rf"(?<![\w]){_COUNT}\s*(?:-\s*)?([a-z]+)\b")
_TWELVE_HOUR = re.compile(r"(?<![\w:])(\d{1,2})(?:[:.](\d{2}))?\s*([ap])\.?\s?m\b\.?")
_TWENTY_FOUR = re.compile(r"(?<![\w:])(\d{1,2})\s*(?:h|:)\s*(\d{2})?(?![\w])")


def _value(count: str) -> float:
    count = re.sub(r"[\s-]+", " ", count)
    return float(_NUMBER_NAMES.get(count, 0) or count.replace(",", "."))


def durations(text: str) -> set[tuple[str, float]]:
    """(scale, length in the scale's base unit) of each count of a time unit in `text`."""
    out = set()
    for m in _DURATION.finditer(fold(text)):
        unit = TIME_UNITS.get(m.group(2))
        if unit:
            out.add((unit[0], _value(m.group(1)) * unit[1]))
    return out


def clock_hours(text: str, first: bool = False) -> set[int]:
    """The hours of the day (0-23) a text states, on either clock ("3pm", "15h", "15:00");
    with `first`, only an hour that the text starts with."""
    folded = fold(text)
    find = (lambda r: [m for m in [r.match(folded)] if m]) if first else (
        lambda r: list(r.finditer(folded)))
    out = {int(m.group(1)) for m in find(_TWENTY_FOUR) if int(m.group(1)) < 24}
    for m in find(_TWELVE_HOUR):
        hour = int(m.group(1))
        if 1 <= hour <= 12:
            out.add(hour % 12 + (12 if m.group(3) == "p" else 0))
    return out


def units(text: str) -> set[tuple[str, int]]:
    """The time units a text counts in."""
    return {TIME_UNITS[m.group(2)] for m in _DURATION.finditer(fold(text))
            if m.group(2) in TIME_UNITS}


def _claimed(claim: Claim, sentence: str) -> tuple[dict[tuple[str, float], tuple[str, int]],
                                                   set[int]]:
    """The durations (with the unit each is written in) and hours the sentence states with
    the claim's count: a duration only where the count opens it, not a later one."""
    folded = fold(strip_markers(sentence))
    spans = []
    for m in re.finditer(rf"(?<![\w]){re.escape(fold(claim.text))}(?![\w.,]\d)", folded):
        spans.append(folded[m.start():m.start() + len(claim.text) + 24])
    found_durations = {}
    for span in spans:
        first = _DURATION.match(span)
        unit = TIME_UNITS.get(first.group(2)) if first else None
        if unit:
            found_durations[(unit[0], _value(first.group(1)) * unit[1])] = unit
    hours = {h for s in spans for h in clock_hours(s, first=True)}
    return found_durations, hours


def converted_time(claim: Claim, sentence: str, texts: list[str]) -> bool:
    """True when the claim's count is a duration or an hour that the cited passages' texts
    state in another unit or on the other clock. A passage that counts in the claim's own unit
    would have written the claim's count so: "12 months" is not "1 an" of a passage that
    also says "10 mois"."""
    if claim.kind != "number":
        return False
    found_durations, hours = _claimed(claim, sentence)
    if any(duration in durations(t) and unit not in units(t)
           for duration, unit in found_durations.items() for t in texts):
        return True
    return bool(hours) and any(hours & clock_hours(t) for t in texts)
