"""Keeping a follow-up's answer on the conversation's topic, and refusing what it never says.

A follow-up resolved with a person ("How did he describe the objects? (Rankin)", see
`qa.answer.rewrite`) is about that person: sentences of articles that never name them
(another article's "described the damage as...") are not its answer when some passage does.

A follow-up asking a fact about the thing the conversation is about ("When was that agency
founded?", "Et combien coûtera le nouveau siège ?") is answered by a sentence that holds one of
its own specific words (or a translation the embedder puts close), not by a fact of the right
type in the sentence that answered the previous turn.
"""

from __future__ import annotations

import re
from typing import Protocol

from qa.answer.crosslang import close_translation, cognate
from qa.answer.meaning import ASKING_WORDS, content_words, passage_words
from qa.answer.rewrite import name_runs, split_context
from qa.answer.vectors import WordVectors
from qa.results import Passage
from qa.text import fold

_WH = frozenset("which what quel quelle quels quelles".split())


class _Sentence(Protocol):
    passage: Passage


def referent(question: str) -> str:
    """The person a resolved follow-up refers to (its bracketed context when that is one
    name: "(Rankin)"), or ''."""
    _, context = split_context(question)
    return context if context and name_runs(context, first=True) == [context] else ""


def names(passage: Passage, name: str) -> bool:
    """True when the passage (title or text) names `name` (its last word, accents aside)."""
    last = fold(name.split()[-1])
    return bool(re.search(rf"\b{re.escape(last)}\b", fold(f"{passage.title}\n{passage.text}")))


def on_topic(question: str, ranked: list[_Sentence]) -> list[_Sentence]:
    """The ranked sentences of the articles naming the follow-up's person (in some retrieved
    passage), when it has one and some passage names them; else all of them."""
    person = referent(question)
    if not person:
        return ranked
    articles = {c.passage.doc_id for c in ranked if names(c.passage, person)}
    return [c for c in ranked if c.passage.doc_id in articles] or ranked


def own_words(question: str) -> list[str]:
    """A resolved follow-up's own specific words, folded: no asking words and not the thing
    asked for (the two words after which/what/quel: "which city")."""
    own, context = split_context(question)
    if not context:
        return []
    tokens = re.findall(r"[\w'’-]+", fold(own))
    asked_for = {t for i, w in enumerate(tokens) if w in _WH for t in tokens[i + 1:i + 3]}
    return [w for w in content_words(own) if w not in ASKING_WORDS and w not in asked_for]


def asks_beyond(question: str, sentence: str, vectors: WordVectors | None) -> bool:
    """True when a follow-up has specific words of its own and the sentence holds none of
    them, not even as a cognate or a close translation."""
    wanted = own_words(question)
    if not wanted:
        return False
    src = passage_words(sentence)
    if any(cognate(w, src) for w in wanted):
        return False
    if vectors is None or not src.originals:
        return True
    written = {fold(w): w for w in re.findall(r"[^\W\d_]+", split_context(question)[0])}
    asked = [written.get(w, w) for w in wanted]  # accents carry meaning for the embedder
    return not close_translation(asked, list(src.originals), vectors)
