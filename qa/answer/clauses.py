"""Which of a sentence's short answers answers the question: the one in the clause that holds
the question's words, then the one nearest to them.

"Shares in Calloway rose 18 per cent, while Brightwater shares fell 2 per cent" holds two
figures; "by how much did its shares rise? (Calloway)" is answered by the one whose clause
names Calloway. "It took the bank 11 days to notice the intrusion and another 6 days to inform
customers": "how long to detect the intrusion?" is answered in the clause naming the intrusion.
Clauses are cut at punctuation and coordinating conjunctions (French and English function
words: language data); when no clause holds more of the question's words than another, the
span nearest to a question word wins (answers tend to follow the words they answer).
"""

from __future__ import annotations

import re

from qa.answer.evidence import Evidence
from qa.text import fold

_BOUNDARY = re.compile(r"[,;:()«»\"“”]|\s[-–—]\s|\b(?:and|et|while|whereas|but|mais|tandis|"
                       r"whilst|or|ou)\b", re.IGNORECASE)


def clause_of(sentence: str, at: int) -> tuple[int, int]:
    """The span of the clause of `sentence` around position `at`."""
    start, end = 0, len(sentence)
    for m in _BOUNDARY.finditer(sentence):
        if m.end() <= at:
            start = m.end()
        elif m.start() > at:
            end = m.start()
            break
    return start, end


def _held(folded: str, terms: list[str]) -> int:
    return sum(1 for t in set(terms) if (len(t) >= 3 or t.isdigit()) and t[:5] in folded)


# "how many days after noticing the intrusion did it inform customers?": the phrase after
# "after" dates the asked thing, it is not the thing (its words do not pick the clause)
_REFERENCE = re.compile(r"\b(?:after|before|since|until|apr[eè]s|avant|depuis|jusqu['’]?[aà]?)"
                        r"\s+((?:(?!(?:did|do|does|was|were|is|are|has|had|will|a|ont|est|"
                        r"sont)\b)[^\s,;?]+\s*){1,6})", re.IGNORECASE)


def reference_phrases(question: str) -> str:
    """The words of a question's "after X" / "avant X" phrases (up to its verb)."""
    return " ".join(m.group(1) for m in _REFERENCE.finditer(question))


def closest_to_terms(evidence: list[Evidence], sentence: str, terms: list[str],
                     context: list[str] | tuple[str, ...] = (),
                     aside: list[str] | tuple[str, ...] = ()) -> Evidence:
    """The evidence span whose clause holds most of the question's `terms` (and of the words
    of what a follow-up's pronoun stands for, `context`; not the words `aside`, those of its
    "after X" phrases), then the one nearest to a term."""
    folded = fold(sentence)
    anchors = [m.start() for t in terms if len(t) >= 3 or t.isdigit()
               for m in re.finditer(re.escape(t[:5]), folded)]
    if len(folded) == len(sentence) and len(evidence) > 1:
        def held(e: Evidence) -> int:
            a, b = clause_of(sentence, e.start)
            return _held(folded[a:b], [t for t in [*terms, *context] if t not in aside])

        most = max(held(e) for e in evidence)
        evidence = [e for e in evidence if held(e) == most]
    if not anchors:
        return evidence[0]

    def distance(e: Evidence, anchor: int) -> int:
        # Answers tend to follow the words they answer ("basée à Vienne"): before costs double.
        return e.start - anchor if e.start >= anchor else 2 * (anchor - e.start)

    return min(evidence, key=lambda e: min(distance(e, a) for a in anchors))
