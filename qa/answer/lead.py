"""How an extractive answer is worded: the short answer that leads it, and the words that
introduce its quotes (naming the source's language when it is not the question's)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from qa.answer.evidence import closest_to_terms, negated, render_short
from qa.answer.kinds import QuestionKind
from qa.answer.rewrite import split_context
from qa.language import language_name
from qa.text import fold, index_terms

if TYPE_CHECKING:
    from qa.answer.extractive import Candidate


def lead_text(kind: QuestionKind, question: str, chosen: list[Candidate], language: str) -> str:
    """The short answer that opens the reply ('' when the quote itself is the answer)."""
    best = chosen[0]
    if kind.kind == "yesno":
        no = negated(best.text) != negated(question)
        return {"fr": "non" if no else "oui", "en": "no" if no else "yes"}[language]
    if not best.evidence:
        return ""
    if kind.kind == "definition":
        return f"{kind.subject} : {best.evidence[0].text}" if language == "fr" else (
            f"{kind.subject}: {best.evidence[0].text}")
    if kind.kind == "why" or (kind.kind == "country" and not kind.plural):
        return ""  # the quote says it better than a guessed span
    own = index_terms(split_context(question)[0], language)  # a follow-up's words first
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
        return f"« {closest_to_terms(best.evidence, best.text, terms).text} »"
    short = closest_to_terms(best.evidence, best.text, terms).text
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
