"""A content word put in the place of another in a sentence copied from its passage: "a
day unit for dialysis that can treat" over "a day unit for chemotherapy that can treat", "will
be expanded once the bridge opens" over "will be withdrawn once the bridge opens".

A sentence in the language of its passage sentence that keeps the passage's words around one
word and changes that word says something else: the content words on each side of it are the
passage's own words on each side of another word (same word, stem or a cognate spelled alike,
`qa.answer.meaning.lexically_aligned`), the words right next to it are the same too (function
words included), and no word of the sentence is that other word. It is a change unless the
embedder finds the two words synonyms: antonyms and co-hyponyms sit close ("accepted" ~
"rejected" .907), so the bar is high (`SYNONYM_SIM`). Light verbs ("get a full refund" for
"claim a full refund") are left alone (`qa.answer.meaning.ASKING_WORDS`).
Across languages nothing is copied: a translation and a changed word cannot be told apart by
single-word similarities of the embedder (on the dev half, right translations reach down to
.83 and changed words up to .91), which is left to `qa.answer.meaning` and the judge.
No list of words: function words and stems are language data (`qa.text`, `qa.answer.meaning`).
"""

from __future__ import annotations

import re

import numpy as np

from qa.answer.meaning import (
    ASKING_WORDS,
    closest_sentences,
    content_words,
    lexically_aligned,
    passage_words,
)
from qa.answer.vectors import WordVectors
from qa.language import document_language, question_language
from qa.text import STOPWORDS, fold

_WORD = re.compile(r"[^\W\d_]+(?:[-‐][^\W\d_]+)*")
# e5 query cosine at which a word put between two copied words is a synonym of the word it
# replaces: antonyms and co-hyponyms reach .91 ("accepted" ~ "rejected" .907).
SYNONYM_SIM = 0.93
NEAR = 2  # passage sentences searched for the slot


def _content_tokens(text: str) -> list[str]:
    """The text's lower-case content words as written, in order (names left out: they are
    checked by `qa.answer.names`); elided articles cut off ("d'espionnage")."""
    out = []
    for m in _WORD.finditer(text):
        word = re.split(r"['’]", m.group(0))[-1]
        if word[:1].islower() and content_words(word):
            out.append(word)
    return out


def substituted_word(sentence: str, passage_text: str, vectors: WordVectors | None,
                     skip: frozenset[str] = frozenset()) -> str:
    """A content word of the sentence that stands, between the same two words, where a
    passage sentence in the same language has another word that is not its synonym ('' if
    none); see the module docstring."""
    if vectors is None:
        return ""
    mine = [w for w in _content_tokens(sentence) if fold(w) not in skip]
    if len(mine) < 3:
        return ""
    language = question_language(sentence)
    for part in closest_sentences(sentence, passage_text, vectors, NEAR):
        if document_language(part) != language:
            continue
        found = _substituted(sentence, mine, part, vectors)
        if found:
            return found
    return ""


def _substituted(sentence: str, mine: list[str], part: str, vectors: WordVectors) -> str:
    """The word of the sentence put in the place of another of one passage sentence ('' if
    none): its neighbours, the content words on each side, are the passage's own words on
    each side of that other word, and so are the words right next to it."""
    theirs = _content_tokens(part)
    if len(theirs) < 3:
        return ""
    lexical = np.array([[lexically_aligned(fold(a), passage_words(b)) for b in theirs]
                        for a in mine], dtype=bool)
    for i, word in enumerate(mine):
        if lexical[i].any() or fold(word) in ASKING_WORDS:
            continue  # aligned, or a light verb ("get a refund" for "claim a refund")
        for k in range(len(theirs)):
            if lexical[:, k].any() or not _neighbours_kept(lexical, i, k):
                continue
            frame = _same_frame(sentence, word, part, theirs[k])
            if not frame:
                continue
            edges = [0] * (i == 0) + [1] * (i == len(mine) - 1)
            if any(all(pair[e] in STOPWORDS for pair in frame) for e in edges):
                continue  # a side held by a function word alone ("his previous win")
            vecs = vectors.vectors([word, theirs[k]])
            if float(vecs[0] @ vecs[1]) < SYNONYM_SIM:
                return word
    return ""


def _neighbours_kept(lexical: np.ndarray, i: int, k: int) -> bool:
    """True when the content words beside word i of the sentence are the passage's own
    words beside word k, on both sides (or on the one side a sentence edge leaves)."""
    sides = []
    for step in (-1, 1):
        a, b = i + step, k + step
        inside_a, inside_b = 0 <= a < lexical.shape[0], 0 <= b < lexical.shape[1]
        if inside_a and inside_b:
            sides.append(bool(lexical[a, b]))
        elif inside_a or inside_b:
            return False
    return bool(sides) and all(sides)


def _same_frame(sentence: str, word: str, part: str, other: str) -> set[tuple[str, str]]:
    """The (word before, word after) pairs that stand around `word` in the sentence and
    around `other` in the passage sentence (function words too: "will be expanded once" /
    "will be withdrawn once"); empty when none."""
    def frames(text: str, target: str) -> set[tuple[str, str]]:
        toks = [fold(t) for t in _WORD.findall(text)]
        key = fold(target)
        return {(toks[j - 1], toks[j + 1]) for j in range(1, len(toks) - 1) if toks[j] == key}
    return frames(sentence, word) & frames(part, other)


__all__ = ["substituted_word"]
