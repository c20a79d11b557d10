"""A place written as an adjective, in a sentence whose other words its passage says of
several places: only the question tells which place it is.

"Il faut saisir le président du tribunal nantais" over a passage that says "Pour un Français
... Il convient de saisir le président du tribunal de Nantes. Pour un réfugié ... Il convient
de saisir le président du tribunal de Paris", asked "Pour un réfugié, auprès de quel
tribunal ...": "nantais" names Nantes (its stem and a demonym ending, `qa.answer.modifiers`),
and every other word of the sentence is said again around another place. Such a sentence
locates nothing by itself, like a bare answer: it is read as "... du tribunal de Nantes" and
placed by the question (`qa.answer.placement.unlocated_answer`).
"""

from __future__ import annotations

import re

from qa.answer.claims import name_claims
from qa.answer.meaning import content_words, stems
from qa.answer.modifiers import demonym_place
from qa.answer.placement import unlocated_answer
from qa.answer.vectors import WordVectors
from qa.text import fold, split_sentences

_WORD = re.compile(r"[^\W\d_]+")


def _repeated(sentence: str, passage_text: str, question: str, skip: set[str]) -> bool:
    """True when every content word of the sentence (names, `skip` and the question's words
    aside) stands in at least two sentences of the passage: the passage says it of several
    things (a sentence of nothing else is a bare answer)."""
    asked = {s for w in content_words(question) for s in stems(w)}
    names = {fold(c.text) for c in name_claims(sentence)}
    parts = [{s for w in content_words(passage_text[a:b]) for s in stems(w)}
             for a, b in split_sentences(passage_text)]
    mine = [w for w in content_words(sentence)
            if w not in names and w not in skip and not stems(w) & asked]
    return all(sum(1 for p in parts if stems(w) & p) >= 2 for w in mine)


def unlocated_adjective(sentence: str, passage_text: str, question: str,
                        vectors: WordVectors | None) -> str:
    """A place adjective of the sentence that the question locates elsewhere in the passage
    ('' if none); see the module docstring."""
    if vectors is None or not question:
        return ""
    for word in dict.fromkeys(_WORD.findall(sentence)):
        place = demonym_place(word, passage_text)
        if not place or not _repeated(sentence, passage_text, question, {fold(word)}):
            continue
        located = re.sub(rf"(?<!\w){re.escape(word)}(?!\w)", f"de {place}", sentence)
        if unlocated_answer(located, passage_text, question, vectors, bare=True):
            return word
    return ""


__all__ = ["unlocated_adjective"]
