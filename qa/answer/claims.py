"""Claims of a sentence and facts of a passage: numbers, dates, months, weekdays and names.

`claims` lists what a generated sentence states that can be checked by form: numbers ("8" ~
"huit" ~ "eight"), dates, months and weekdays (French and English names), and proper names,
each word with its role in its name (the name proper, a title word before it, or a lone
capitalised first word). `facts` is the same for a passage; `supported` says whether a passage
holds a claim (names through `qa.answer.names`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from qa.answer.evidence import MONTHS_EN, MONTHS_FR
from qa.answer.names import NameSource, name_found, name_source, spelled_alike, translit
from qa.answer.vectors import WordVectors
from qa.text import STOPWORDS, fold, index_terms, words

MARKER_RE = re.compile(r"\[(\d{1,3})\]")
MONTHS = [fold(m) for m in MONTHS_FR + MONTHS_EN]  # folded, French then English
MONTH_INDEX = {m: i % 12 + 1 for i, m in enumerate(MONTHS)}
WEEKDAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "monday",
            "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
WEEKDAY_INDEX = {d: i % 7 for i, d in enumerate(WEEKDAYS)}
_AMBIGUOUS_MONTHS = {"may", "march"}  # English verbs too: months only when capitalised
SMALL_NUMBERS = {
    "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8, "neuf": 9,
    "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15, "seize": 16,
    "dix sept": 17, "dix huit": 18, "dix neuf": 19, "vingt": 20, "two": 2, "three": 3,
    "four": 4, "five": 5, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
    "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
}
_MONTH_ALT = "|".join(MONTHS)
_DAY = r"(\d{1,2})(?:er|st|nd|rd|th)?"
_JOIN = r"(?:\s*[-–/]\s*|\s+(?:et|au|and|to)\s+)"
DAY_MONTH_RE = re.compile(rf"(?<!\d){_DAY}(?:{_JOIN}{_DAY})?\s+(?:of\s+)?({_MONTH_ALT})\b")
MONTH_DAY_RE = re.compile(rf"\b({_MONTH_ALT})\s+{_DAY}(?:{_JOIN}{_DAY})?(?!\d)")
NUMBER_RE = re.compile(r"(?<![\w])(\d{1,3}(?:[ \u00a0\u202f.,]\d{3})+(?!\d)|\d+[.,]\d+|\d+)")
WORD_NUMBER_RE = re.compile(
    r"\b(" + "|".join(sorted(SMALL_NUMBERS, key=len, reverse=True)).replace(" ", r"[\s-]")
    + r")\b")
NAME_TOKEN_RE = re.compile(r"[^\W\d_][\w]*")
# Lower-case words that may join the words of one name: "Secretary of State", "Saint-Denis".
_NAME_JOINS = re.compile(r"[ \t]*[-‐]?[ \t]*|[ \t]+(?:of|for|and|de|du|des|d['’]|la|le|et)[ \t]+")
_NOT_NAMES = {"i", "m", "mme", "mr", "mrs", "ms", "dr", "st", "source", "sources", "note",
              "according", "yes", "no", "oui", "non", "however", "cependant", "toutefois",
              "ensuite", "enfin", "also", "both", "during", "lors", "pendant", "apres", "avant",
              "answer", "reponse", "passage", "passages", "article", "articles"}

@dataclass(frozen=True)
class Claim:
    """A checkable fact of a sentence: a number, date, month, weekday, name or acronym.
    A name's `role` is 'name' (the name proper), 'title' (a title word before it: "Deputy")
    or 'initial' (a lone capitalised first word: a content word, checked as such)."""

    kind: str
    text: str
    key: object
    role: str = "name"


@dataclass(frozen=True)
class Facts:
    """What a passage states, normalised for claim checking."""

    numbers: frozenset[str]
    dates: frozenset[tuple[int, int]]
    months: frozenset[int]
    weekdays: frozenset[int]
    words: frozenset[str]
    stems: frozenset[str] = frozenset()


def strip_markers(text: str) -> str:
    """The text without its [n] markers."""
    return re.sub(r"\s*\[\d{1,3}\]", "", text)


def _number_key(raw: str) -> str:
    if re.fullmatch(r"\d{1,3}(?:[ \u00a0\u202f.,]\d{3})+", raw):
        return str(int(re.sub(r"\D", "", raw)))
    if re.fullmatch(r"\d+[.,]\d+", raw):
        return raw.replace(",", ".")
    return str(int(raw))


def _dates(folded: str) -> list[tuple[str, tuple[int, int]]]:
    out = []
    for m in DAY_MONTH_RE.finditer(folded):
        month = MONTH_INDEX[m.group(3)]
        out += [(m.group(0), (int(d), month)) for d in (m.group(1), m.group(2)) if d]
    for m in MONTH_DAY_RE.finditer(folded):
        month = MONTH_INDEX[m.group(1)]
        out += [(m.group(0), (int(d), month)) for d in (m.group(2), m.group(3)) if d]
    return out


def stated_dates(text: str) -> list[tuple[int, int]]:
    """The (day, month) dates a text states ("18 August", "le 2 septembre")."""
    return [key for _, key in _dates(fold(text))]


@lru_cache(maxsize=4096)
def facts(text: str) -> Facts:
    """The numbers, dates, months, weekdays and words stated in a passage."""
    folded = fold(text)
    tokens = words(text)
    numbers = {_number_key(m.group(1)) for m in NUMBER_RE.finditer(folded)}
    numbers |= {str(SMALL_NUMBERS[re.sub(r"[\s-]+", " ", m.group(1))])
                for m in WORD_NUMBER_RE.finditer(folded)}
    return Facts(
        numbers=frozenset(numbers), dates=frozenset(d for _, d in _dates(folded)),
        months=frozenset(MONTH_INDEX[t] for t in tokens if t in MONTH_INDEX),
        weekdays=frozenset(WEEKDAY_INDEX[t] for t in tokens if t in WEEKDAY_INDEX),
        words=frozenset(tokens),
        stems=frozenset(index_terms(text)))


def claims(sentence: str) -> list[Claim]:
    """The numbers, dates, months, weekdays and proper names a sentence states. (Relative
    dates, "mardi dernier", become date claims here once `qa.answer.dates` resolves them.)"""
    text = strip_markers(sentence)
    folded = fold(text)
    out = [Claim("date", raw, key) for raw, key in _dates(folded)]
    out += [Claim("number", m.group(1), _number_key(m.group(1)))
            for m in NUMBER_RE.finditer(folded)]
    out += [Claim("number", m.group(1), str(SMALL_NUMBERS[re.sub(r"[\s-]+", " ", m.group(1))]))
            for m in WORD_NUMBER_RE.finditer(folded)]
    return out + calendar_claims(text) + name_claims(text)


def calendar_claims(text: str) -> list[Claim]:
    """The weekdays and months a text names, in order ("May" and "March" only capitalised:
    they are English verbs too)."""
    out = []
    for m in NAME_TOKEN_RE.finditer(text):
        token, key = m.group(0), fold(m.group(0))
        if key in WEEKDAY_INDEX:
            out.append(Claim("weekday", token, WEEKDAY_INDEX[key]))
        elif key in MONTH_INDEX and (key not in _AMBIGUOUS_MONTHS or token[0].isupper()):
            out.append(Claim("month", token, MONTH_INDEX[key]))
    return out


def _name_spans(text: str) -> list[list[re.Match[str]]]:
    """The words of each proper name of a text (capitalised words joined as one name)."""
    spans: list[list[re.Match[str]]] = []
    for m in NAME_TOKEN_RE.finditer(text):
        if not m.group(0)[0].isupper():
            continue
        if spans and _NAME_JOINS.fullmatch(text[spans[-1][-1].end():m.start()]):
            spans[-1].append(m)
        else:
            spans.append([m])
    return [[m for m in span if _is_name_word(m.group(0))] for span in spans]


def given_names(text: str) -> dict[str, str]:
    """Given name -> family name, for the names a text writes "Given Family" ("Josep
    Borrell" -> {"Josep": "Borrell"}): the last two words of a name, neither an acronym."""
    out = {}
    for kept in _name_spans(text):
        if len(kept) >= 2 and not any(m.group(0).isupper() for m in kept[-2:]):
            out[kept[-2].group(0)] = kept[-1].group(0)
    return out


def family_name_alone(family: str, passage: str) -> bool:
    """True when the passage writes the family name, capitalised, and never with another
    name word right before it: a given name a sentence adds ("Josep" to the passage's
    "Borrell") then names no one else ("Ivanka Trump" over "Donald Trump" stays wrong)."""
    seen = False
    tokens = list(NAME_TOKEN_RE.finditer(passage))
    for i, m in enumerate(tokens):
        if not (m.group(0)[0].isupper() and spelled_alike(translit(family),
                                                          name_source(m.group(0)))):
            continue
        before = tokens[i - 1] if i else None
        gap = passage[before.end():m.start()] if before else ""
        if before and before.group(0)[0].isupper() and _is_name_word(before.group(0)) and (
                not gap.strip() and "\n" not in gap):  # a name never spans a line break
            return False
        seen = True
    return seen


def name_claims(text: str) -> list[Claim]:
    """The proper names of a text, each word with its role in its name."""
    out: list[Claim] = []
    for kept in _name_spans(text):
        for i, m in enumerate(kept):
            token = m.group(0)
            acronym = len(token) >= 2 and token.isupper()
            role = "name" if acronym or i >= len(kept) - 2 else "title"
            if m.start() == _first_word_start(text) and len(kept) == 1 and not acronym:
                role = "initial"
            out.append(Claim("acronym" if acronym else "name", token, translit(token), role))
    return out


def _is_name_word(token: str) -> bool:
    key = fold(token)
    if key in WEEKDAY_INDEX or key in MONTH_INDEX or key in SMALL_NUMBERS:
        return False
    if len(token) >= 2 and token.isupper():
        return True
    return len(token) > 2 and key not in STOPWORDS and key not in _NOT_NAMES


def _first_word_start(text: str) -> int:
    m = NAME_TOKEN_RE.search(text)
    return m.start() if m else -1


# -- checking -----------------------------------------------------------------------------
_LIST_SPLIT = re.compile(r"\s*[,;]\s*")
_LIST_AND = re.compile(r"\s(?:et|and|ou|or)\s", re.IGNORECASE)
_LIST_LEAD = re.compile(r"^(?:et|and|ou|or)\s+", re.IGNORECASE)


def counts_listed(claim: Claim, sentence: str) -> bool:
    """True when a small number counts the items the sentence lists after it ("three: A, B
    and C"): the count is the sentence's own, each item being checked on its own."""
    if claim.kind != "number" or not str(claim.key).isdigit() or not 2 <= int(str(claim.key)) <= 12:
        return False
    text = strip_markers(sentence)
    at = fold(text).find(fold(claim.text))
    if at < 0:
        return False
    rest = text[at + len(claim.text):]
    # The items follow a colon, else the counted noun and its comma ("two countries, A and B").
    rest = rest.split(":", 1)[1] if ":" in rest else rest.split(",", 1)[1] if "," in rest else ""
    items = [_LIST_LEAD.sub("", i).strip() for i in _LIST_SPLIT.split(rest.strip(" .!?…"))]
    items = [i for i in items if words(i)]
    if not items:
        return False
    n = int(str(claim.key))
    return len(items) == n or (len(items) == n - 1 and bool(_LIST_AND.search(items[-1])))


def supported(claim: Claim, f: Facts, src: NameSource | None = None,
              vectors: WordVectors | None = None) -> bool:
    """True when the passage (its facts `f`, its names `src`) contains the claim."""
    if claim.kind == "number":
        return claim.key in f.numbers
    if claim.kind == "date":
        return claim.key in f.dates
    if claim.kind == "month":
        return claim.key in f.months
    if claim.kind == "weekday":
        return claim.key in f.weekdays
    if src is None:
        return False
    return name_found(claim.text, src, vectors, title=claim.role == "title")
