"""Relative dates resolved from an article's publication date: one resolver for the answer layer.

"lundi", "mercredi prochain", "demain", "on Tuesday", "yesterday"... in a sentence of an
article published on 2022-01-07 become absolute dates ("lundi 10 janvier 2022"). A bare weekday
is the nearest such day on or before the publication date when the nearest verb speaks of the
past ("a déclaré mardi", "said on Tuesday"), on or after it when it speaks of the future ("se
réuniront lundi", "will meet on Monday"); "prochain"/"next" and "dernier"/"last" force the
direction. A weekday already followed by a day number ("lundi 10 janvier") is left alone.
Used by the extractive answerer (short answers) and the verifier (dates a passage implies).
Without a publication date nothing is resolved and the weekday stays as written.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from qa.answer.evidence import MONTHS_EN, MONTHS_FR, Evidence
from qa.text import detect_language, fold, split_sentences

WEEKDAYS_FR = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
WEEKDAYS_EN = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
# folded day and month names -> weekday (0 = Monday) and month (1 = January)
DAY_INDEX = {fold(d): i for i, d in enumerate(WEEKDAYS_FR)} | {
    d.lower(): i for i, d in enumerate(WEEKDAYS_EN)}
MONTH_INDEX = {fold(m): i for i, m in enumerate(MONTHS_FR, 1)} | {
    m.lower(): i for i, m in enumerate(MONTHS_EN, 1)}
# Days relative to publication: folded expression -> offset.
_OFFSETS = {"avant-hier": -2, "avant hier": -2, "apres-demain": 2, "apres demain": 2,
            "the day before yesterday": -2, "the day after tomorrow": 2, "hier": -1,
            "yesterday": -1, "demain": 1, "tomorrow": 1, "aujourd'hui": 0, "aujourd’hui": 0,
            "today": 0}
_WEEKDAY_ALT = "|".join(WEEKDAYS_FR + [d.lower() for d in WEEKDAYS_EN])
_OFFSET_ALT = "|".join(sorted((re.escape(k).replace("e", "[eé]") for k in _OFFSETS),
                              key=len, reverse=True))
RELATIVE_RE = re.compile(
    rf"\b(?:(?P<offset>{_OFFSET_ALT})|(?:(?:last|next|this|on)\s+)?(?P<day>{_WEEKDAY_ALT})"
    rf"(?:\s+(?P<dir>prochaine?|derni[eè]re?|dernier|pass[eé]e?|next|last))?)\b"
    rf"(?!\s+(?:\d|le\s+\d|the\s+\d|premier|1er))",
    re.IGNORECASE)
# Tense cues, by language: future vs past verbs of the sentence decide a bare weekday's side.
_TENSES = {
    "fr": (re.compile(r"\b(va|vont|doit|doivent|devra|devront|devrait|devraient|prévue?s?|"
                      r"aura|auront|sera|seront|\w{3,}(?:era|eront|ira|iront|dra|dront|ront))\b",
                      re.IGNORECASE),
           re.compile(r"\b(a|ont|avait|avaient|était|étaient|fut|furent|"
                      r"\w{3,}(?:ait|aient|èrent))\b", re.IGNORECASE)),
    "en": (re.compile(r"\b(will|shall|is to|are to|is due|are due|going to|plans? to|"
                      r"scheduled|expected to)\b", re.IGNORECASE),
           re.compile(r"\b(said|was|were|had|told|met|held|\w{3,}ed)\b", re.IGNORECASE)),
}


@dataclass(frozen=True)
class Resolved:
    """A relative day expression of a sentence and the date it names."""

    start: int
    end: int
    written: str
    date: dt.date


def publication_date(published: str | None) -> dt.date | None:
    """An ISO date string as a date (None when unknown or unreadable)."""
    try:
        return dt.date.fromisoformat(published[:10]) if published else None
    except ValueError:
        return None


def _direction(sentence: str, start: int, end: int) -> int:
    """-1 for the past, +1 for the future: the tense of the verb nearest to the expression
    (a verb across a comma counts as farther); past when the sentence has no tense cue."""
    folded = fold(sentence[start:end])
    if re.search(r"\b(prochaine?|next)\b", folded):
        return 1
    if re.search(r"\b(derniere?|passee?|last)\b", folded):
        return -1
    future, past = _TENSES[detect_language(sentence)]
    best: tuple[int, int] | None = None
    for rx, direction in ((future, 1), (past, -1)):
        for m in rx.finditer(sentence):
            if start <= m.start() < end:
                continue
            lo, hi = (m.end(), start) if m.end() <= start else (end, m.start())
            distance = (hi - lo) + 100 * sentence.count(",", lo, hi)
            if best is None or distance < best[0]:
                best = (distance, direction)
    return best[1] if best else -1


def resolve(sentence: str, published: str | None) -> list[Resolved]:
    """The relative day expressions of one sentence with their dates (none without a date)."""
    base = publication_date(published)
    if base is None:
        return []
    out = []
    for m in RELATIVE_RE.finditer(sentence):
        written = m.group(0)
        if m.group("offset"):
            key = fold(m.group("offset")).replace("’", "'")
            date = base + dt.timedelta(days=_OFFSETS.get(key, _OFFSETS.get(key.replace(
                "-", " "), 0)))
        else:
            target = DAY_INDEX[fold(m.group("day"))]
            direction = _direction(sentence, m.start(), m.end())
            forced = bool(m.group("dir")) or fold(written).startswith(("next", "last"))
            delta = (target - base.weekday()) % 7 if direction > 0 else -(
                (base.weekday() - target) % 7)
            if forced and delta == 0:
                delta = 7 * direction
            date = base + dt.timedelta(days=delta)
        out.append(Resolved(m.start(), m.end(), written, date))
    return out


def render(date: dt.date, language: str) -> str:
    """'lundi 10 janvier 2022' / 'Monday 10 January 2022'."""
    if language == "en":
        return f"{WEEKDAYS_EN[date.weekday()]} {date.day} {MONTHS_EN[date.month - 1]} {date.year}"
    day = "1er" if date.day == 1 else str(date.day)
    return f"{WEEKDAYS_FR[date.weekday()]} {day} {MONTHS_FR[date.month - 1]} {date.year}"


def implied_dates(text: str, published: str | None) -> str:
    """The absolute dates a passage implies, written out in French and English (for the
    verifier's facts); '' when there are none."""
    found = [r.date for a, b in split_sentences(text) for r in resolve(text[a:b], published)]
    return " ".join(f"{render(d, 'fr')} ; {render(d, 'en')} ;" for d in dict.fromkeys(found))


def date_evidence(sentence: str, published: str | None, question: str) -> list[Evidence]:
    """Short answers to a date question from a sentence's relative days: the absolute date
    in the question's language, or the weekday as written when the date is unknown."""
    language = detect_language(question)
    resolved = resolve(sentence, published)
    if resolved:
        return [Evidence(render(r.date, language), r.start, r.end) for r in resolved]
    if publication_date(published) is not None:
        return []
    return [Evidence(m.group("day") or m.group("offset"), m.start(), m.end())
            for m in RELATIVE_RE.finditer(sentence) if m.group("day")]
