"""A place bound to the facts stated with it: where a sentence puts a date or a figure, the
passage must put it too.

"The NATO-Russia Council meeting, the first since 2019, is due to take place in Geneva on
12 January" over "Les pourparlers ... devraient débuter à Genève le 10 janvier. Une réunion
du Conseil OTAN-Russie, la première depuis 2019, devrait avoir lieu le 12 janvier.": Geneva,
2019 and 12 January are all in the passage, never together; the passage gives Geneva another
date and 12 January to a sentence without Geneva.
For each place slot of a sentence (`qa.answer.slots`), the facts of its clause (dates,
numbers, months, `qa.answer.claims`) are looked up sentence by sentence in the passage; a
clause holding nothing but its place ("de 8h à 15h en Guadeloupe et en Guyane") shares the
facts of the clause before it (a list shares its predicate). The place is unbound when a
passage sentence that does not name it holds more of those facts than every sentence naming
it, and either that sentence puts another place in a slot (one the sentence does not name), or
every sentence naming the place states other facts of the kind asked (another date, another
figure) and none of the sentence's.
"""

from __future__ import annotations

from qa.answer.claims import Claim, Facts, claims, facts, supported
from qa.answer.names import name_found, name_source
from qa.answer.slots import (
    ARTICLES,
    CLAUSE_BOUNDARY,
    LINKED_PREPOSITIONS,
    SLOT_PREPOSITIONS,
    WORD_RE,
    appositive,
    slots,
)
from qa.answer.vectors import WordVectors
from qa.text import fold, split_sentences

_KINDS = ("date", "number", "month")  # most specific first


def _held(f: Facts, kind: str) -> bool:
    """True when a passage sentence states a fact of that kind."""
    return bool({"date": f.dates, "number": f.numbers, "month": f.months}[kind])


def _placed_facts(sentence: str) -> list[tuple[str, list[Claim]]]:
    """(place, facts of its clause) for each place slot of a sentence."""
    out: list[tuple[str, list[Claim]]] = []
    before: list[Claim] = []
    for piece in CLAUSE_BOUNDARY.split(sentence):
        stated = [c for c in claims(piece) if c.kind in _KINDS]
        found = slots(piece, window=len(piece), bounded=False)
        places = [s.name for k, s in enumerate(found)
                  if s.place and not appositive(piece, found, k)]
        rest = [w for w in WORD_RE.findall(piece) if w not in places and fold(w) not in
                SLOT_PREPOSITIONS | LINKED_PREPOSITIONS | ARTICLES]
        if places and not stated and not rest:
            stated = before  # a list item: "... en Guadeloupe et en Guyane"
        out += [(p, stated) for p in places]
        before = stated or before
    return out


def unbound_place(sentence: str, passage_text: str, vectors: WordVectors | None) -> str:
    """A place of the sentence that the passage never states with the facts the sentence
    gives it (see the module docstring; '' if none)."""
    if vectors is None:
        return ""
    parts = [passage_text[a:b] for a, b in split_sentences(passage_text)]
    said = name_source(sentence)
    for place, stated in _placed_facts(sentence):
        if not stated:
            continue
        naming = [p for p in parts if name_found(place, name_source(p), vectors)]
        if not naming:
            continue  # not in the passage: checked as a name elsewhere
        score = {p: sum(supported(c, facts(p)) for c in stated) for p in parts}
        best = max(score[p] for p in naming)
        rivals = [p for p in parts if p not in naming and score[p] > best]
        if not rivals:
            continue
        kind = next(k for k in _KINDS if any(c.kind == k for c in stated))
        own = [c for c in stated if c.kind == kind]
        elsewhere = all(_held(facts(p), kind) and not any(supported(c, facts(p)) for c in own)
                        for p in naming)
        competing = any(s.place and not name_found(s.name, said, vectors)
                        for p in rivals for s in slots(p))
        if elsewhere or competing:
            return place
    return ""


__all__ = ["unbound_place"]
