"""Is the best sentence's fact of the time the question names? A refusal-gate check.

A question may place what it asks at a time ("What sanctions did the G7 impose on Russia in
December 2021?", "Quelles sanctions les États-Unis ont-ils imposées en 2021 ?"). A sentence
stating a fact of that time says the time (or part of it: "en octobre" for "in October 2021"),
or follows a sentence that does, or sits in an article headed or dated by it. A sentence
near the question's topic that holds none of it
("le G7 a averti Poutine qu'il ferait face à des sanctions en cas d'agression") states a fact
of another time: what the question asks the articles may never say. The years, months and
weekdays the question names are compared as values, in any language ("December" /
"décembre", "Sunday" / "dimanche").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from qa.answer.claims import calendar_claims
from qa.answer.kinds import without_context
from qa.answer.subjects import sentence_before
from qa.results import Passage
from qa.text import split_sentences

if TYPE_CHECKING:
    from qa.answer.extractive import Candidate

_YEAR = re.compile(r"\b(?:1[89]|2[01])\d\d\b")
PARAGRAPH_GAP = 3  # characters between two passages of an article that follow each other


def named_times(text: str) -> dict[tuple[str, int], str]:
    """The years, months and weekdays a text names, as comparable values, each with the word
    that names it."""
    out: dict[tuple[str, int], str] = {("year", int(y)): y for y in _YEAR.findall(text)}
    for claim in calendar_claims(text):
        out.setdefault((claim.kind, claim.key), claim.text)
    return out


def unheld_times(question: str, best: Candidate, passages: list[Passage],
                 language: str) -> list[str]:
    """The times the question names ("December 2021"), as written, when neither the sentence,
    the one before it (`previous_sentence`), its article's title nor its publication date holds
    any of them; else []."""
    asked = named_times(without_context(question))
    if not asked:
        return []
    near = [best.text, previous_sentence(best, passages, language), best.passage.title or ""]
    held = set(named_times("\n".join(near)))
    date = re.match(r"(\d{4})-(\d{2})", best.passage.published or "")
    if date:  # "2025-07-09": its year and month
        held |= {("year", int(date.group(1))), ("month", int(date.group(2)))}
    return [] if held & set(asked) else list(asked.values())


def previous_sentence(best: Candidate, passages: list[Passage], language: str) -> str:
    """The sentence before the candidate in its article: in its passage, else at the end of
    the retrieved passage of the same article that ends where the candidate's passage starts
    (a paragraph break apart), else ''."""
    before = sentence_before(best, language)
    if before is not None:
        return before
    start = best.passage.start
    for p in passages:
        if p.doc_id == best.passage.doc_id and p.start < start <= p.end + PARAGRAPH_GAP:
            head = p.text[:start - p.start]
            spans = [(a, b) for a, b in split_sentences(head, language) if head[a:b].strip()]
            return head[spans[-1][0]:spans[-1][1]] if spans else ""
    return ""
