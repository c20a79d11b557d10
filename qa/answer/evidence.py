"""What a question asks for (a date, a place, a person, a number...) and finding it in text.

Used by the extractive answerer to pick and lead with the short answer, and to refuse when the
best sentences hold no evidence of the asked type.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from qa.text import fold

MONTHS_FR = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
             "septembre", "octobre", "novembre", "décembre"]
MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December"]
NUMBER_WORDS = {
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
    "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14,
    "quinze": 15, "seize": 16, "vingt": 20, "trente": 30, "cent": 100, "mille": 1000,
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "twenty": 20, "hundred": 100, "thousand": 1000,
}
EN_NUMBERS = {v: k for k, v in NUMBER_WORDS.items() if k.isascii() and k in
              "one two three four five six seven eight nine ten eleven twelve twenty".split()}
EN_NUMBERS[6] = "six"

_MONTH_ALT = "|".join(MONTHS_FR + [m.lower() for m in MONTHS_EN] + ["fevrier", "aout",
                                                                     "decembre"])
DATE_RE = re.compile(
    rf"\b(?:(?:les?|du|on|the)\s+)?(\d{{1,2}}(?:er)?(?:\s+(?:et|au|and|-)\s+\d{{1,2}})?\s+"
    rf"(?:{_MONTH_ALT})(?:\s+\d{{4}})?|(?:{_MONTH_ALT})\s+\d{{1,2}}(?:st|nd|rd|th)?"
    rf"(?:,?\s+\d{{4}})?|(?:{_MONTH_ALT})\s+\d{{4}})\b",
    re.IGNORECASE)
YEAR_RE = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_NUMBER_ALT = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
NUMBER_RE = re.compile(rf"\b(\d{{1,3}}(?:[ \u00a0\u202f]\d{{3}})+(?!\d)|\d+(?:[.,]\d+)?|"
                       rf"{_NUMBER_ALT})\b", re.IGNORECASE)  # '120 000' is one number
_UNITS = (r"heures?|hours?|h|minutes?|jours?|days?|semaines?|weeks?|mois|months?|ans|années?|"
          r"years?")
DURATION_RE = re.compile(rf"\b(?:plus de |more than |près de |about |environ )?"
                         rf"(\d+(?:[.,]\d+)?|{_NUMBER_ALT})\s+(?:{_UNITS})\b", re.IGNORECASE)
NAME_RE = re.compile(r"\b([A-ZÀ-Ý][a-zà-ÿ]+(?:[- ](?:de |von |van |al-)?[A-ZÀ-Ý][a-zà-ÿ]+)+)\b")
PLACE_RE = re.compile(r"\b(?:à|au|aux|en|in|at)\s+([A-ZÀ-Ý][\w-]+(?:[- ][A-ZÀ-Ý][\w-]+)?)")
CAPITAL_RE = re.compile(r"\b([A-ZÀ-Ý][a-zà-ÿ]+(?:[- ][A-ZÀ-Ý][a-zà-ÿ]+)*)\b")

_TYPE_PATTERNS = [
    ("duration", r"^(combien de temps|how long|pendant combien|during how long)|"
                 r"\b(combien de temps|how long|quelle duree|what duration)\b"),
    ("year", r"\b(quelle annee|which year|what year|in what year|depuis quand|since when|"
             r"en quelle annee)\b"),
    ("date", r"^(quand|when)\b|\b(quelle date|what date|which date|what day|quel jour|"
             r"a quelle date|when)\b"),
    ("number", r"\b(combien|how many|how much|quel nombre|what number|quel montant)\b"),
    ("place", r"^(ou|where)\b|\b(dans quelle ville|quelle ville|which city|what city|"
              r"in which city|ou se|where)\b"),
    ("country", r"\b(quel pays|quels pays|which country|what country|which countries|"
                r"de quel pays)\b"),
    ("person", r"^(qui|who)\b|\b(quel responsable|which official|what official|who|"
               r"quelle personne|which person)\b"),
]


def question_type(question: str) -> str:
    """One of duration, year, date, number, place, country, person, or 'other'."""
    head = fold(question.split("(")[0]).strip()
    head = re.sub(r"^(et|and|mais|but)\s+", "", head)
    for kind, pattern in _TYPE_PATTERNS:
        if re.search(pattern, head):
            return kind
    return "other"


@dataclass(frozen=True)
class Evidence:
    """A short answer found in a sentence: its text and span."""

    text: str
    start: int
    end: int


def _not_in_question(found: str, question: str) -> bool:
    return fold(found) not in fold(question)


def find_evidence(kind: str, sentence: str, question: str) -> list[Evidence]:
    """Spans of `sentence` that answer a question of this kind (those already in the question
    are left out)."""
    if kind == "other":
        return []
    regexes = {
        "duration": [DURATION_RE],
        "year": [YEAR_RE],
        "date": [DATE_RE],
        "number": [NUMBER_RE],
        "place": [PLACE_RE],
        "country": [PLACE_RE, CAPITAL_RE],
        "person": [NAME_RE],
    }[kind]
    out: list[Evidence] = []
    for rx in regexes:
        for m in rx.finditer(sentence):
            group = 1 if rx.groups else 0
            text = m.group(group) if kind not in {"duration"} else m.group(0)
            start, end = (m.start(group), m.end(group)) if kind != "duration" else m.span()
            if not _not_in_question(text, question):
                continue
            if kind == "number" and YEAR_RE.fullmatch(text):
                continue
            if kind == "number" and fold(text) in {"un", "une", "one"}:
                continue
            if kind in {"person", "place", "country"} and _is_generic(text, sentence, start):
                continue
            out.append(Evidence(text.strip(), start, end))
        if out:
            break
    return out


_INSTITUTIONS = {"conseil", "union", "comite", "ministere", "organisation", "etats", "nations",
                 "parlement", "commission", "gouvernement", "assemblee", "council", "committee",
                 "ministry", "department", "agence", "agency", "bureau", "office", "groupe",
                 "group", "maison", "alliance", "affaires", "premier", "president", "secretaire"}
_NOT_NAMES = {"le", "la", "les", "un", "une", "the", "a", "il", "elle", "ils", "plus",
              "selon", "mardi", "lundi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
              "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}


def _is_generic(text: str, sentence: str, start: int) -> bool:
    tokens = [fold(t) for t in re.split(r"[- ]", text)]
    if tokens[0] in _NOT_NAMES or any(t in _INSTITUTIONS for t in tokens):
        return True
    return fold(text) in {fold(m) for m in MONTHS_FR}


def closest_to_terms(evidence: list[Evidence], sentence: str, terms: list[str]) -> Evidence:
    """The evidence span nearest to a question term occurring in the sentence."""
    folded = fold(sentence)
    anchors = [m.start() for t in terms if len(t) >= 3 or t.isdigit()
               for m in re.finditer(re.escape(t[:5]), folded)]
    if not anchors:
        return evidence[0]

    def distance(e: Evidence, anchor: int) -> int:
        # Answers tend to follow the words they answer ("basée à Vienne"): before costs double.
        return e.start - anchor if e.start >= anchor else 2 * (anchor - e.start)

    return min(evidence, key=lambda e: min(distance(e, a) for a in anchors))


def render_short(kind: str, text: str, language: str) -> str:
    """The short answer in the question's language ('12 janvier' -> '12 January' in English)."""
    if language == "en":
        out = text
        for fr, en in zip(MONTHS_FR, MONTHS_EN, strict=True):
            out = re.sub(rf"\b{fr}\b", en, out, flags=re.IGNORECASE)
            out = re.sub(rf"\b{fold(fr)}\b", en, out, flags=re.IGNORECASE)
        out = re.sub(r"\b(\d{1,2})er\b", r"\1", out)
        out = re.sub(r"\bet\b", "and", out)
        out = re.sub(r"\bheures?\b", "hours", out)
        out = re.sub(r"\bplus de\b", "more than", out)
        for word, value in NUMBER_WORDS.items():
            if not word.isascii() or word in EN_NUMBERS.values():
                continue
            if value in EN_NUMBERS and re.search(rf"\b{word}\b", out, re.IGNORECASE):
                out = re.sub(rf"\b{word}\b", f"{EN_NUMBERS[value]} ({value})", out,
                             flags=re.IGNORECASE)
        return out
    out = text
    if kind == "date" and re.match(r"^\d", out):
        out = "le " + out
    return out
