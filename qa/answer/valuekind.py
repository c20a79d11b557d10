"""Does the best sentence give a value of the kind the question asks for? A refusal-gate check.

A question near the articles' topic but about something they never state is often met by a
sentence holding a value of a neighbouring kind, which the asked-type evidence takes:
- a count ("how many polling stations were open?", "how many residents died?") met by a
  share or a sum of money ("winning 54.2 per cent of the vote", "must pay 4.6 million pounds
  in compensation to residents"): a count of things is never a percentage or an amount of
  money, unless the question counts such units or asks for a rate or a sum;
- a time of day ("what time of day did the meeting begin?", "à quelle heure...") met by
  a sentence giving only its date: a time of day is a clock time or a part of the day.
`value_mismatch` names the mismatch ('' when the sentence gives the asked kind of value). All
words here are language data (units, parts of the day, question phrasings), French and English.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from qa.answer.evidence import MONEY_QUESTION_RE, RATE_QUESTION_RE, counted_noun
from qa.answer.kinds import QuestionKind, without_context
from qa.text import fold

if TYPE_CHECKING:
    from qa.answer.extractive import Candidate

# A sum of money or a share (language data: currencies and their signs, "per cent").
_MONEY_OR_SHARE = re.compile(
    r"(?:[$€£]|\b(?:euros?|dollars?|pounds?|livres?|francs?|yens?|yuans?|roubles?|rubles?|"
    r"percent|per cent|pour cent|pourcent)\b|%)", re.IGNORECASE)
# A question asking for the time of day (not the date): "what time of day", "at what time
# did...", "à quelle heure", "à quel moment de la journée" (language data, folded).
_CLOCK_QUESTION = re.compile(
    r"\b(?:what time of (?:the )?day|(?:at )?what time (?:did|does|do|will|would|is|was|are|"
    r"were|should|must|can|could|has|have|had)\b|what hour|quelle heure|"
    r"quel moment de la journee)")
# A time of day: a clock time ("10:30", "10 h 30", "9 a.m.", "18 heures", "noon") or a part of
# the day ("in the morning", "mardi soir"), language data.
_CLOCK = re.compile(
    r"\b\d{1,2}(?:\s?[:h.]\s?\d{2}\b|\s?(?:a\.?m\.?|p\.?m\.?|h\b|heures?\b|o['’]clock\b|"
    r"hours? (?:gmt|utc|cet|local)\b|(?:gmt|utc|cet)\b))|\b(?:morning|afternoon|evening|"
    r"night|overnight|tonight|noon|midday|midnight|dawn|dusk|daybreak|lunchtime|matin|matinee|"
    r"apres-midi|soir|soiree|nuit|midi|minuit|aube)\b", re.IGNORECASE)


def value_mismatch(kind: QuestionKind, question: str, best: Candidate) -> str:
    """'not a count' when a count question's sentence gives only shares or sums of money,
    'no time of day' when a question asking for the time of day meets a sentence holding no
    clock time nor part of the day; else ''."""
    own = fold(without_context(question))
    if _CLOCK_QUESTION.search(own) and not _CLOCK.search(fold(best.text)):
        return "no time of day"
    if kind.kind == "number" and asks_count(kind, question) and best.evidence and all(
            _MONEY_OR_SHARE.search(e.text) for e in best.evidence):
        return "not a count"
    return ""


def asks_count(kind: QuestionKind, question: str) -> bool:
    """True for a question counting things ("how many residents", "combien de bureaux"):
    not an amount, a rate or a sum, and not a count of money or of a share."""
    counted = counted_noun(question)
    folded = fold(without_context(question))
    return bool(counted) and not kind.amount and not _MONEY_OR_SHARE.search(counted) and not (
        RATE_QUESTION_RE.search(folded) or MONEY_QUESTION_RE.search(folded))
