"""How an extractive answer is worded: the short answer that leads it, and the words that
introduce its quotes (naming the source's language when it is not the question's)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from qa.answer.clauses import closest_to_terms, reference_phrases
from qa.answer.countries import is_country_name
from qa.answer.dates import WEEKDAYS_EN, WEEKDAYS_FR
from qa.answer.evidence import (
    EN_NUMBERS,
    MONTHS_EN,
    MONTHS_FR,
    NUMBER_WORDS,
    negated,
)
from qa.answer.kinds import QuestionKind
from qa.answer.order import order_lead
from qa.answer.rewrite import split_context
from qa.language import language_name
from qa.text import fold, index_terms

if TYPE_CHECKING:
    from qa.answer.extractive import Candidate


def lead_text(kind: QuestionKind, question: str, chosen: list[Candidate], language: str) -> str:
    """The short answer that opens the reply ('' when the quote itself is the answer)."""
    best = chosen[0]
    if kind.kind == "order":  # "before" / "après", from the two events' dates
        return order_lead(question, chosen, language)
    if kind.kind == "yesno":
        no = negated(best.text) != negated(question)
        return {"fr": "non" if no else "oui", "en": "no" if no else "yes"}[language]
    if not best.evidence:
        return ""
    if kind.kind == "definition":
        return f"{kind.subject} : {best.evidence[0].text}" if language == "fr" else (
            f"{kind.subject}: {best.evidence[0].text}")
    if kind.kind == "country" and not kind.plural and is_country_name(
            best.evidence[0].text, language):  # "les diplomates russes" -> "Russia"
        return best.evidence[0].text
    if kind.kind == "why" or (kind.kind == "country" and not kind.plural):
        return ""  # the quote says it better than a guessed span
    own_words, context = split_context(question)
    own = index_terms(own_words, language)  # a follow-up's words first
    referent = index_terms(context, language)  # what its pronoun stands for
    aside = index_terms(reference_phrases(own_words), language)  # "after noticing it"
    folded = fold(best.text)
    terms = own if any(t[:5] in folded for t in own if len(t) >= 3) else index_terms(
        question, language)
    if kind.plural:  # a list of items found by the kind's first pattern; else the quotes
        if any(not e.preferred for c in chosen for e in c.evidence or []):
            return ""
        items: list[str] = []
        for c in chosen:
            for e in c.evidence or []:
                if e.text not in items:
                    items.append(e.text)
        joined = ", ".join(render_short(kind.kind, t, language) for t in items[:8])
        return joined
    if kind.kind == "quote":
        return f"« {closest_to_terms(best.evidence, best.text, terms, referent, aside).text} »"
    short = closest_to_terms(best.evidence, best.text, terms, referent, aside).text
    return render_short(kind.kind, short, language)


def frame(language: str, source_language: str, after_lead: bool) -> str:
    """The words that introduce the quotes, naming the source's language when it differs."""
    other = source_language != language
    name = language_name(source_language, language)
    if language == "fr":
        if after_lead:
            return f"Source (en {name}) : " if other else "Source : "
        return f"D'après les articles (en {name}) : " if other else "D'après les articles : "
    if after_lead:
        return f"Source (in {name}): " if other else "Source: "
    return f"The articles say (in {name}): " if other else "The articles say: "


# Words of a short answer worded in the other language (language data): French units,
# prepositions and date words ("depuis 2002", "début de 2022", "fin octobre") for an English
# reader.
_FR_TO_EN = [(r"\bheures?\b", "hours"), (r"\bplus de\b", "more than"), (r"\bjours\b", "days"),
             (r"\bjour\b", "day"), (r"\bsemaines?\b", "weeks"), (r"\bmois\b", "months"),
             (r"\bann[ée]es\b|\bans\b", "years"), (r"\bsecondes\b", "seconds"),
             (r"\bet\b", "and"), (r"\bdepuis\b", "since"), (r"\bd[ée]but (?:de |d['’])?", "early "),
             (r"\bfin (?:de |d['’])?(?=\d|\w+ \d)", "late "), (r"\bmi-", "mid-"),
             (r"\ben (?=\d{4}\b)", "in "), (r"\bavant\b", "before"), (r"\bapr[èe]s\b", "after"),
             (r"\ble (?=\d)", "")]


def render_short(kind: str, text: str, language: str) -> str:
    """The short answer in the question's language ('12 janvier' -> '12 January', 'deux jours'
    -> 'two (2) days', 'en octobre' -> 'in October' in English; 'Sunday' -> 'dimanche',
    'three' -> 'trois' in French)."""
    out = text
    if language == "en":
        for fr, en in zip(MONTHS_FR + WEEKDAYS_FR, MONTHS_EN + WEEKDAYS_EN, strict=True):
            out = re.sub(rf"\b(?:{fr}|{fold(fr)})\b", en, out, flags=re.IGNORECASE)
        out = re.sub(rf"\ben (?=(?:{'|'.join(MONTHS_EN)})\b)", "in ", out, flags=re.IGNORECASE)
        out = re.sub(r"\b(\d{1,2})er\b", r"\1", out)
        for pattern, english in _FR_TO_EN:
            out = re.sub(pattern, english, out, flags=re.IGNORECASE)
        for word, value in NUMBER_WORDS.items():
            if not word.isascii() or word in EN_NUMBERS.values():
                continue
            if value in EN_NUMBERS and re.search(rf"\b{word}\b", out, re.IGNORECASE):
                # a count alone shows its digits too: "three (3)"; "two days" says it all
                out = re.sub(rf"\b{word}\b(?!\s+\w)", f"{EN_NUMBERS[value]} ({value})", out,
                             flags=re.IGNORECASE)
                out = re.sub(rf"\b{word}\b", EN_NUMBERS[value], out, flags=re.IGNORECASE)
        return out
    for fr, en in zip(MONTHS_FR + WEEKDAYS_FR, MONTHS_EN + WEEKDAYS_EN, strict=True):
        out = re.sub(rf"\b{en}\b", fr, out)  # an English source's months and days
    out = re.sub(rf"\bin (?=(?:{'|'.join(MONTHS_FR)})\b)", "en ", out, flags=re.IGNORECASE)
    if re.fullmatch(r"[A-Za-z]+", out) and fold(out) in _EN_TO_FR:  # "Three" -> "trois"
        out = _EN_TO_FR[fold(out)]
    if kind == "date" and re.match(r"^\d", out):
        out = "le " + out
    return out


# "three" -> "trois" (NUMBER_WORDS lists the French words first)
_EN_TO_FR = {en: next(w for w, v in NUMBER_WORDS.items() if v == value)
             for value, en in EN_NUMBERS.items()}
