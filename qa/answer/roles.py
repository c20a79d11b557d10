"""Two names swapped around what links them: "Brussels received Moscow's offer" over "Moscou
avait reçu une offre de Bruxelles".

Both names are in the passage and each is checked alone (`qa.answer.names`), but the sentence
gives each the other's role. A sentence and its passage put the doer right before the deed, in
French as in English ("Brussels received", "Moscou avait reçu": a name, then function words
only, then a content word; an apposition between commas is skipped; a month, a weekday or a
figure is no deed). When the sentence makes a name the doer of a deed whose doer, in a passage
sentence, is another name of the sentence (that name standing after the deed in the sentence),
and the passage names the first name after the deed, the roles were swapped; the two deeds are
the same word, stem, or each other's best translation by the multilingual embedder. A passive
("was received by", "reçu par") reverses the order without swapping the roles: a sentence or
passage sentence with one is left alone. Compounds ("Russia-NATO") are not compared.
No list of any corpus's names: the words of the passive are language data.
"""

from __future__ import annotations

import re

import numpy as np

from qa.answer.claims import MONTH_INDEX, WEEKDAY_INDEX
from qa.answer.meaning import WORD_SIM, content_words, stems
from qa.answer.names import name_found, name_source
from qa.answer.vectors import WordVectors
from qa.text import fold, split_sentences

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?(?:[-‐][^\W\d_]+)*")
# Words of a passive agent or of an inverted complement (language data): "received by",
# "reçu par", "de la part de".
PASSIVE = frozenset("by par part".split())


def _word(token: str) -> str:
    """A token without its elided article or possessive ending ("l'OTAN", "Moscow's")."""
    parts = re.split(r"['’]", token)
    return parts[0] if len(parts[-1]) <= 1 else parts[-1]


def _tokens(text: str) -> list[str]:
    return [_word(t) for t in _WORD.findall(text)]


def _name_at(tokens: list[str]) -> list[int]:
    """Positions of capitalised single-word names (no compound, no short word)."""
    return [i for i, t in enumerate(tokens)
            if t[:1].isupper() and len(t) >= 3 and "-" not in t and "‐" not in t
            and content_words(t)]


def _aligned(mine: list[str], theirs: list[str], vectors: WordVectors) -> bool:
    """True when a word of `mine` and one of `theirs` are the same word, stem or each
    other's best translation (e5 cosine at least `WORD_SIM`)."""
    if not mine or not theirs:
        return False
    if any(stems(fold(a)) & stems(fold(b)) for a in mine for b in theirs):
        return True
    vecs = vectors.vectors([*mine, *theirs])
    sims = vecs[:len(mine)] @ vecs[len(mine):].T
    for i in range(len(mine)):
        j = int(np.argmax(sims[i]))
        if sims[i, j] >= WORD_SIM and int(np.argmax(sims[:, j])) == i:
            return True
    return False


def _after_apposition(text: str, at: int) -> int:
    """Where the words after a name go on once an apposition set off by commas is skipped
    ("Marcus Lindqvist, chief executive of Brightwater, will lead"): `at` when none."""
    m = re.match(r",([^,.;:()]{3,60}),", text[at:])
    return at + m.end() if m and len(m.group(1).split()) <= 6 else at


def _subject_of(text: str) -> list[tuple[str, str, int]]:
    """(name, the content word it is the subject of, where that word is) for each capitalised
    word of a text followed, with nothing but function words (no punctuation) between, by a
    lower-case content word: "Brussels received", "Moscou avait reçu"; an apposition between
    commas is skipped."""
    out = []
    found = list(_WORD.finditer(text))
    for k, m in enumerate(found[:-1]):
        name = _word(m.group(0))
        if not (name[:1].isupper() and len(name) >= 3 and "-" not in name
                and content_words(name)):
            continue
        start = _after_apposition(text, m.end())
        for n in [f for f in found[k + 1:] if f.start() >= start][:3]:
            if re.search(r"[^\w\s'’]|\d", text[start:n.start()]):
                break  # punctuation or a figure ("Genève le 10 janvier") ends the clause
            word = _word(n.group(0))
            if word[:1].isupper():
                break
            if content_words(word) and fold(word) not in MONTH_INDEX | WEEKDAY_INDEX:
                out.append((name, word, n.start()))
                break
    return out


def swapped_roles(sentence: str, passage_text: str, vectors: WordVectors | None) -> str:
    """A name that the sentence makes the subject of a deed whose subject, in a passage
    sentence, is another name of the sentence, the first name standing after the deed there
    ('' if none); see the module docstring."""
    if vectors is None:
        return ""
    mine = _subject_of(sentence)
    if not mine:
        return ""
    said = _tokens(sentence)
    if {fold(t) for t in said} & PASSIVE:
        return ""
    parts = [passage_text[a:b] for a, b in split_sentences(passage_text)]
    for name, deed, at in mine:
        rest = _tokens(sentence[at:])
        others = [t for k in _name_at(rest) for t in [rest[k]]
                  if not name_found(name, name_source(t), vectors)]
        for part in parts:
            if {fold(t) for t in _tokens(part)} & PASSIVE:
                continue
            for their_name, their_deed, there in _subject_of(part):
                if name_found(name, name_source(their_name), vectors) or not any(
                        name_found(o, name_source(their_name), vectors) for o in others):
                    continue
                after = _tokens(part[there:])
                if not any(name_found(name, name_source(after[k]), vectors)
                           for k in _name_at(after)):
                    continue  # the passage must name the first name after the deed
                if _aligned([deed], [their_deed], vectors):
                    return name
    return ""


__all__ = ["swapped_roles"]
