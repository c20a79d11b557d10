"""Who said it: "Who said so?" after an answer is answered by the sentence that gave it.

A follow-up asking who said something, with no words of its own beyond the asking words and
the verb of saying ("Who said that?", "Qui a dit ça ?"), asks about the very words the previous
answer gave: the sentence that answered the previous turn (`qa.answer.previous`) is where they
were said, so it answers, even when it names nobody and another retrieved sentence names
someone saying something else. Its speaker is the person it names, else the grammatical
subject of its verb of saying when that is only a description ("Le chef de l'OTAN a déclaré
que...", "..., a déclaré le porte-parole."): the answer is that description, not a name taken
from another sentence.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from qa.answer.evidence import Evidence
from qa.answer.followup import own_words
from qa.answer.gate import REPORTED_RE
from qa.answer.kinds import question_kind
from qa.answer.previous import said_before
from qa.answer.rewrite import split_context

# Verbs of saying as a question asks with them (language data, as gate._SAYING).
_ASKS_SAYING = re.compile(
    r"\b(?:said|says|say|stated|declared|claimed|told|dit|dire|déclaré|affirmé|estimé|"
    r"souligné|assuré)\b", re.IGNORECASE)
# How far the sentence that gave the previous answer then leads the next one's score.
LEAD = 0.05
_DETERMINER = r"(?:le|la|les|l['’]|un|une|the|a|an)"
_AUXILIARY = re.compile(r"\s+(?:a|ont|avait|avaient|has|have|had)\s*$", re.IGNORECASE)
# "..., a déclaré le porte-parole." / "..., said the spokesman.": the subject after the verb
# (a verb of saying in a past form: "a déclaré", "said", "a dit", "has stated")
_INVERTED = re.compile(
    rf"[,»”\"]\s*(?:(?:a|ont|avait|has|had)\s+)?(?:\w+(?:é|ed|it|is)|said|says|told)\s+"
    rf"({_DETERMINER}\s*[^,;:«»“”\"]{{2,60}}?)\s*[.!]?\s*$", re.IGNORECASE)


def asks_who_said(question: str) -> bool:
    """True for a resolved follow-up asking who said what the previous answer gave: a person
    question with a verb of saying and no specific words of its own."""
    own, context = split_context(question)
    return (bool(context) and question_kind(question).kind == "person"
            and bool(_ASKS_SAYING.search(own)) and not own_words(question))


def described_speaker(sentence: str) -> Evidence | None:
    """The subject of a reported-speech sentence's verb of saying when it is a description
    opening on a determiner ("Le chef de l'OTAN", "le porte-parole"), else None."""
    inverted = _INVERTED.search(sentence)
    if inverted:
        return Evidence(inverted.group(1), inverted.start(1), inverted.end(1), False)
    reported = REPORTED_RE.search(sentence)
    if reported is None:
        return None
    before = _AUXILIARY.sub("", sentence[:reported.start()].rstrip())
    if (re.match(rf"{_DETERMINER}\s*\w", before, re.IGNORECASE) and len(before.split()) <= 8
            and not re.search(r"[,;:«»“”\"]", before)):
        return Evidence(before, 0, len(before), False)
    return None


def speaker_first(question: str, ranked: list[Any]) -> list[Any]:
    """The ranked sentences with the one that answered the previous turn first, given its
    speaker as evidence, when the follow-up asks who said it (`asks_who_said`); else as
    they are."""
    if not asks_who_said(question):
        return ranked
    for i, c in enumerate(ranked):
        if not said_before(c.text):
            continue
        evidence = c.evidence or [e for e in [described_speaker(c.text)] if e]
        if not evidence:
            return ranked
        # it leads the ranking by a clear margin: no one else's sentence is quoted beside it
        lead = replace(c, evidence=evidence, score=max(c.score, ranked[0].score + LEAD))
        return [lead, *ranked[:i], *ranked[i + 1:]]
    return ranked
