"""Names in their role: a place or party a sentence names must fill the same slot in its passage.

A name can occur in the cited passage and still be wrong: "The Council will meet in Geneva"
over a passage where the Council meets "à Bruxelles" and other talks are held "à Genève";
"end military cooperation with Russia" where the passage ends it "avec l'Ukraine" and names
Russia only in another clause ("des différends avec la Russie").
A slot is a capitalised word right after a preposition of place or company (language data:
"in", "at", "with", "à", "avec", "en", ...), optionally with an article ("avec l'Ukraine").
For each slot name of the sentence, its context (the sentence without the name) is compared
by the multilingual embedder with the context of every slot of the cited passage (the words
around it, the name left out).
The name is misplaced when the slot whose context is closest to it holds another name, by a
margin over every slot holding the name itself; this works across languages because the
contexts are compared by meaning and the names matched by `qa.answer.names` (spelling,
transliteration, embedder), with no list of any corpus's names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from qa.answer.claims import MONTH_INDEX, WEEKDAY_INDEX, name_claims
from qa.answer.names import NameSource, name_found, name_source
from qa.answer.vectors import WordVectors
from qa.text import fold, split_sentences

# Prepositions that introduce a place, or a party, French and English (language data). A
# name competes only with names after a preposition of the same kind ("à Genève" is not in
# the slot of "avec Washington").
PLACE_PREPOSITIONS = frozenset("""in at to from into near towards toward inside across a au
    aux en vers dans chez depuis pres""".split())
PARTY_PREPOSITIONS = frozenset("with avec entre among parmi".split())
SLOT_PREPOSITIONS = PLACE_PREPOSITIONS | PARTY_PREPOSITIONS
ARTICLES = frozenset("the l la le les".split())
# "près de Penzance", "loin de Kiev": a preposition of place completed by "de"/"of".
_LINKS = frozenset("de d du des of".split())
LINKED_PREPOSITIONS = PLACE_PREPOSITIONS | frozenset("loin proche autour hors".split())
WORD_RE = re.compile(r"[^\W\d_]+(?:[-‐][^\W\d_]+)*")
# Where a clause that states another fact begins (language data; commas are left alone:
# they set off appositions more often than clauses).
CLAUSE_BOUNDARY = re.compile(r"[;:()«»\"“”]|\s[-–—]\s|\b(?:but|mais|because|car|while|whereas|"
                       r"although|which|who|that|que|qu|qui|lorsque|when|quand|and|et)\b",
                       re.IGNORECASE)
WINDOW = 10  # words of passage context on each side of a slot
SLOT_MARGIN = 0.01  # how much closer another name's slot must be (e5 query cosine)


@dataclass(frozen=True)
class Slot:
    """A name after a slot preposition, with the words around it (the name left out)."""

    name: str
    context: str
    place: bool  # after a preposition of place, else of a party
    at: int = 0  # where its preposition starts in the text
    end: int = 0  # where its name ends in the text


def slots(text: str, window: int = WINDOW, bounded: bool = True) -> list[Slot]:
    """The slots of a text, sentence by sentence, each with `window` words on each side,
    `bounded` by the clause (a subordinate or coordinate clause states another fact: "aura
    lieu à Bruxelles le 12 janvier après que ... auront tenu des pourparlers ... à Genève")."""
    out: list[Slot] = []
    for a, b in split_sentences(text):
        sentence = text[a:b]
        cuts = [m.start() for m in CLAUSE_BOUNDARY.finditer(sentence)] if bounded else []
        tokens = list(WORD_RE.finditer(sentence))
        for i, m in enumerate(tokens):
            name = m.group(0)
            if i == 0 or not name[0].isupper() or fold(name) in MONTH_INDEX or fold(
                    name) in WEEKDAY_INDEX:
                continue
            j = i - 1
            if fold(tokens[j].group(0)) in ARTICLES and j > 0:
                j -= 1
            if fold(tokens[j].group(0)) in _LINKS and j > 0 and fold(
                    tokens[j - 1].group(0)) in LINKED_PREPOSITIONS:
                j -= 1
            if fold(tokens[j].group(0)) not in SLOT_PREPOSITIONS | LINKED_PREPOSITIONS or any(
                    re.search(r"[^\s'’]", sentence[tokens[k].end():tokens[k + 1].start()])
                    for k in range(j, i)):
                continue
            start = max((c for c in cuts if c < m.start()), default=0)
            end = min((c for c in cuts if c > m.end()), default=len(sentence))
            before = sentence[start:m.start()].split()[-window:]
            after = sentence[m.end():end].split()[:window]
            place = fold(tokens[j].group(0)) in LINKED_PREPOSITIONS
            out.append(Slot(name, " ".join(before + after), place, a + tokens[j].start(),
                            a + m.end()))
    return out


def misplaced_slot(sentence: str, passage_text: str, vectors: WordVectors | None,
                   question: str = "") -> str:
    """A slot name of the sentence that the passage puts in another slot ('' if none).
    The sentence's own context is the whole sentence (it is short, and who did what may be
    said far from the name: "Sherman ...; she met Russian officials in Geneva"); a passage
    slot competes when it holds another name, one the sentence does not name itself, and no
    mention of the sentence's name stands in its context (a list: "l'OSCE à Vienne").
    A bare answer ("À Vienne.") says little around its name: the question is its context,
    without its names (they pull toward any passage slot that mentions them).
    A place set off by a comma right after another ("à Lagos, au Nigeria") says where that
    place is, not a role of its own: it is checked as a name only."""
    if vectors is None:
        return ""
    theirs = [(slot, name_source(slot.name), name_source(slot.context))
              for slot in slots(passage_text)]
    said = name_source(sentence)
    found = slots(sentence, window=len(sentence), bounded=False)
    for k, mine in enumerate(found):
        if appositive(sentence, found, k):
            continue
        own: list[Slot] = []
        others: list[Slot] = []
        for slot, its_name, its_context in theirs:
            if slot.place != mine.place:
                continue
            if name_found(mine.name, its_name, vectors):
                own.append(slot)
            elif not (name_found(mine.name, its_context, vectors)
                      or name_found(slot.name, said, vectors)):
                others.append(slot)
        if not own or not others:
            continue  # not in a slot of the passage (checked elsewhere), or no competitor
        context = mine.context
        if len(_plain_words(context)) < 2 and question:
            context = f"{_unnamed(question)} {context}"
        if _closer_to_others(context, own, others, vectors):
            return mine.name
        item = _item_context(sentence, mine)
        if item and _closer_to_others(item, own, others, vectors):
            return mine.name  # "A lorry driver ..., and a woman ... who lived in Bodmin"
    return swapped_slot(sentence, theirs, vectors)


# Where the items of a coordinated list begin: ", and", ", et" (language data; not ";": "...;
# she met Russian officials in Geneva" leaves its subject in the clause before).
_ITEM_SPLIT = re.compile(r"\s*(?:,\s*(?:and|et|as well as|ainsi que)\b)\s*", re.IGNORECASE)


def _item_context(sentence: str, slot: Slot) -> str:
    """The words of the list item holding a slot, the name left out, when the sentence lists
    several items ("A lorry driver whose vehicle was hit by a falling tree, and a woman in her
    seventies who lived in Bodmin": each item says what happened at its own place), with the
    names of the other items; '' when the sentence is one item or its item says too little."""
    cuts = [0, *(m.end() for m in _ITEM_SPLIT.finditer(sentence))]
    if len(cuts) < 2:
        return ""
    start = max(c for c in cuts if c <= slot.at)
    end = min((m.start() for m in _ITEM_SPLIT.finditer(sentence) if m.start() >= slot.end),
              default=len(sentence))
    item = sentence[start:end].replace(slot.name, " ")
    if len(_plain_words(item)) < 2:
        return ""
    # The names of the other items stay: an item may speak of them ("..., and she met ...").
    rest = f"{sentence[:start]} {sentence[end:]}"
    named = [c.text for c in name_claims(rest) if c.role != "initial" and c.text != slot.name]
    return " ".join([*named, item.strip()])


def appositive(text: str, found: list[Slot], k: int) -> bool:
    """True when the k-th slot of a text is a place set off by a comma right after another
    place ("à Lagos, au Nigeria"): it says where that place is."""
    return k > 0 and found[k].place and found[k - 1].place and text[
        found[k - 1].end:found[k].at].strip() == ","


def _closer_to_others(context: str, own: list[Slot], others: list[Slot],
                      vectors: WordVectors) -> bool:
    """True when a context is closer to a slot holding another name than to every slot
    holding its own, by the margin."""
    vecs = vectors.vectors([context, *(s.context for s in own + others)])
    sims = vecs[1:] @ vecs[0]
    return float(sims[len(own):].max()) > float(sims[:len(own)].max()) + SLOT_MARGIN


def _between(sentence: str) -> list[Slot]:
    """The slots of a sentence, each with the words from the slot name before it (or the
    sentence start, or the last clause boundary) up to its own: what the sentence says about
    that name alone."""
    found = slots(sentence, window=len(sentence), bounded=False)
    out, start = [], 0
    for slot in found:
        at = sentence.find(slot.name, start)
        if at < 0:
            return []
        stretch = sentence[start:at]
        cut = max((m.end() for m in CLAUSE_BOUNDARY.finditer(stretch)), default=0)
        out.append(Slot(slot.name, stretch[cut:], slot.place))
        start = at + len(slot.name)
    return out


def swapped_slot(sentence: str, theirs: list[tuple[Slot, NameSource, NameSource]],
                 vectors: WordVectors) -> str:
    """A name of a sentence that swaps two places or parties of the passage ("attend the talks
    in Geneva after meeting Sherman in Brussels" over "participeront à la réunion à Bruxelles
    ... après avoir rencontré Sherman à Genève"): each of the two names is compared by what
    the sentence says right before it, and each is closer to the passage slot of the other
    name than to its own. ('' if none.)"""
    mine = [s for s in _between(sentence) if len(_plain_words(s.context)) >= 2]
    held = [[t for t, name, _ in theirs if t.place == s.place
             and name_found(s.name, name, vectors)] for s in mine]
    for i, a in enumerate(mine):
        for j, b in enumerate(mine[i + 1:], i + 1):
            if a.place != b.place or not held[i] or not held[j] or set(held[i]) & set(held[j]):
                continue
            if _closer_to_others(a.context, held[i], held[j], vectors) and _closer_to_others(
                    b.context, held[j], held[i], vectors):
                return a.name
    return ""


def _unnamed(question: str) -> str:
    """The question without its capitalised words after the first (its names)."""
    words = question.split()
    return " ".join(words[:1] + [w for w in words[1:] if not w[:1].isupper()])


def _plain_words(text: str) -> list[str]:
    """The lower-case words of a text of three letters or more (names and function words of
    one or two letters left out)."""
    return [w for w in WORD_RE.findall(text) if w[:1].islower() and len(w) >= 3]
