"""Numbers a sentence computes or restates from its passage, rather than copies.

A model writes "quinze jours" for talks announced on 18 August that start on 2 September,
"sept ans" between 2014 and 2021, "three space agencies" for "ESA and the agencies of Italy
and Germany", "a decade" for "10 ans", "half" for "50 %". Such a number is not in the passage,
yet it is right; changed by one, it is wrong. Here a number of the sentence is accepted only
when it equals a value derived from one cited passage, with the unit the sentence gives it:
- days: the difference between two dates of the passage (exclusive or inclusive count);
- years: the difference between two years of the passage, or a stated amount of years;
- decades: a passage amount of years that rounds to them ("trois décennies" ~ "thirty years");
- any other counted noun: the number of names one passage sentence lists ("A, B and C").
Vague amount words ("a decade", "a dozen", "half") are claims too (`amount_claims`): one holds
when the passage has the word of the same amount, in either language, or a value close to it.
Unit and amount words are French and English language data.
"""

from __future__ import annotations

import re
from datetime import date
from itertools import combinations

from qa.answer.claims import (
    NAME_TOKEN_RE,
    SMALL_NUMBERS,
    Claim,
    facts,
)
from qa.answer.daycounts import DAY_UNITS
from qa.text import STOPWORDS, fold, split_sentences, words

_YEARS = {"year", "years", "an", "ans", "annee", "annees"}
_DECADES = {"decade", "decades", "decennie", "decennies"}
_TENS = {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60}
_YEAR_RE = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")
# Vague amounts: word -> (group, value); a group's words name the same amount in both languages.
_AMOUNTS = {"decade": ("decade", 10), "decennie": ("decade", 10), "dozen": ("dozen", 12),
            "douzaine": ("dozen", 12), "half": ("half", 50), "moitie": ("half", 50)}
_AMOUNT_RE = re.compile(r"\b(" + "|".join(_AMOUNTS) + r")s?\b")
_MORE_THAN = re.compile(r"(?:more than|over|plus de|plus d['’])\s*(?:an?|une)?\s*$")
_LIST_JOIN = re.compile(r"(?i)\s(?:and|et|or|ou)\s|,")


def _value(token: str) -> int | None:
    """The integer a word or figure names ("sept", "7", "thirty"), else None."""
    token = re.sub(r"[\s-]+", " ", fold(token))
    if token.isdigit():
        return int(token)
    return SMALL_NUMBERS.get(token) or _TENS.get(token)


def _unit_after(claim_text: str, sentence: str) -> str:
    """The first word after a number in the sentence (its unit or counted noun), folded."""
    folded = fold(sentence)
    at = folded.find(fold(claim_text))
    after = words(folded[at + len(claim_text):]) if at >= 0 else []
    return next((w for w in after if w not in STOPWORDS), "")


def _day_differences(text: str) -> set[int]:
    """Day counts between two dates of a text: exclusive and inclusive, any year length."""
    out: set[int] = set()
    for (d1, m1), (d2, m2) in combinations(facts(text).dates, 2):
        for year in (2000, 2001):
            try:
                gap = abs((date(year, m2, d2) - date(year, m1, d1)).days)
            except ValueError:
                continue
            out |= {gap, gap + 1}
    return out


def _year_amounts(text: str) -> set[int]:
    """Amounts of years a text gives: differences between two of its years, and amounts it
    states with a year unit ("10 ans", "thirty years")."""
    years = {int(y) for y in _YEAR_RE.findall(text)}
    out = {abs(a - b) for a, b in combinations(years, 2)}
    tokens = re.findall(r"\d+|[^\W\d_]+", fold(text))
    for i, token in enumerate(tokens[:-1]):
        value = _value(token)
        if value and tokens[i + 1] in _YEARS:
            out.add(value)
    return out


def _listed_names(text: str) -> set[int]:
    """For each sentence of a text that lists names ("ESA and ... Italy and Germany"), how
    many distinct names it lists; a list ends with "and/et/or/ou" or a comma before its last
    name."""
    out = set()
    for a, b in split_sentences(text):
        sentence = text[a:b]
        names = [m for m in NAME_TOKEN_RE.finditer(sentence) if m.group(0)[0].isupper()
                 and m.start() > 0 and fold(m.group(0)) not in STOPWORDS]
        spans: list[list[re.Match[str]]] = []
        for m in names:  # adjacent capitalised words are one name ("Jens Stoltenberg")
            if spans and not sentence[spans[-1][-1].end():m.start()].strip(" -"):
                spans[-1].append(m)
            else:
                spans.append([m])
        last_join = sentence[spans[-2][-1].end():spans[-1][0].start()] if len(spans) > 1 else ""
        if _LIST_JOIN.search(last_join):
            out.add(len({" ".join(m.group(0) for m in s) for s in spans}))
    return out


def derived_number(claim: Claim, sentence: str, passage: str) -> bool:
    """True when a number of the sentence, absent from the passage, is a value derived from
    it with the unit the sentence gives the number (module docstring)."""
    if claim.kind != "number" or not str(claim.key).isdigit():
        return False
    n, unit = int(str(claim.key)), _unit_after(claim.text, sentence)
    if unit in DAY_UNITS:
        return n in _day_differences(passage)
    if unit in _YEARS:
        return n in _year_amounts(passage)
    if unit in _DECADES:
        return any(round(v / 10) == n for v in _year_amounts(passage) if v >= 5)
    return 2 <= n <= 12 and n in _listed_names(passage)


def amount_claims(sentence: str) -> list[Claim]:
    """The vague amounts a sentence states ("a decade", "la moitié"), as claims of kind
    'amount' keyed by (group, value, more-than); "three decades" is a number with its unit."""
    folded = fold(sentence)
    out = []
    for m in _AMOUNT_RE.finditer(folded):
        before = words(folded[:m.start()])[-1:]
        if before and _value(before[0]):  # "trois décennies": a number with its unit
            continue
        group, value = _AMOUNTS[m.group(1)]
        more = bool(_MORE_THAN.search(folded[:m.start()]))
        out.append(Claim("amount", m.group(0), (group, value, more)))
    return out


def amount_supported(claim: Claim, passage: str) -> bool:
    """True when the passage names the same vague amount (either language) or a value close
    to it: 9-12 years for a decade (10-19 for "more than a decade"), 11-13 for a dozen, 50
    (per cent) for half."""
    group, value, more = claim.key  # type: ignore[misc]
    folded = fold(passage)
    if any(g == group and re.search(rf"\b{w}s?\b", folded) for w, (g, _) in _AMOUNTS.items()):
        return True
    if group == "decade":
        low, high = (10, 19) if more else (9, 12)
        return any(low <= v <= high for v in _year_amounts(passage))
    numbers = {int(k) for k in facts(passage).numbers if re.fullmatch(r"\d+", k)}
    if group == "dozen":
        return bool(numbers & {11, 12, 13})
    return value in numbers
