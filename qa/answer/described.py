"""Answers that state what a question asks by describing it, not by naming it: "The judge
can decide..." for "who can decide?", "At a press conference..." or "To the police
prefecture" for "where?", "More than a decade" for "how long?".

`qa.answer.meaning.states_asked` wants a new name for "who" and "where" and a number for
"how long"; a description is an answer too when its head is a word the question does not
hold: the first content word of the answer for "who" (its subject: "The Russian officials
will meet someone" restates "the Russians"), the first content word after its first preposition
of place for "where" (none of the next words a time, "in the afternoon", or a bare "city" or
"capital", which hide a place: "in the Belgian capital"), and a time unit with an article or
a count for a number. Prepositions, articles and unit names are French and English words
(language data).
"""

from __future__ import annotations

import re

from qa.answer.meaning import content_words, stems
from qa.answer.slots import PLACE_PREPOSITIONS
from qa.answer.timeunits import TIME_UNITS
from qa.text import STOPWORDS, words

# Words that stand for a person or place without saying which: "in the Belgian capital" is a
# place the name checks never see (language data).
_VAGUE = frozenset("""someone somebody anyone people person somewhere anywhere place
    quelqu quelqu'un personne personnes gens endroit lieu part city town village capital
    country region state ville capitale pays region etat commune""".split())
# Parts of the day and time words: "in the afternoon" says when, not where (language data).
_TIMES = frozenset("""morning afternoon evening night matin matinee apres midi soir soiree
    nuit""".split()) | frozenset(TIME_UNITS)
_ARTICLE_UNIT = re.compile(r"\b(?:a|an|one|un|une)\s+(\w+)")


def _new(word: str, asked: set[str]) -> bool:
    return word not in _VAGUE and not stems(word) & asked


def described(kind: str, text: str, question: str) -> bool:
    """True when `text` answers a question of `kind` ('name', 'place', 'number') by
    describing what it asks (module docstring)."""
    asked = {s for w in content_words(question) for s in stems(w)}
    tokens = words(text)
    if kind == "name":
        first = content_words(text)[:1]
        return bool(first) and _new(first[0], asked)
    if kind == "place":  # the answer's first preposition of place
        at = next((i for i, w in enumerate(tokens[:-1]) if w in PLACE_PREPOSITIONS), -1)
        after = [t for t in tokens[at + 1:at + 4] if t not in STOPWORDS] if at >= 0 else []
        return bool(after) and not set(after) & (_TIMES | _VAGUE) and _new(after[0], asked)
    if kind == "number":
        return any(TIME_UNITS.get(m.group(1)) for m in _ARTICLE_UNIT.finditer(" ".join(tokens)))
    return False
