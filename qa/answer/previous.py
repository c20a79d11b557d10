"""A follow-up asking another fact is not answered again by the previous answer's sentence.

After "To whom was the treaty handed? -> Karen Donfried, on 15 December [1]", the follow-up
"When had it been published?" resolves to a question whose context (the previous question and
answer) is the very sentence that answered it, so that sentence ranks first again and its date
(of the handing over) is given for the publication. A sentence the previous turn quoted (its
« quotes », or, when the history holds only the short answer, the sentence nearest to the
previous question and answer) therefore answers a follow-up asking a typed fact only when it
holds evidence of that type the previous short answer did not use ("And in what city?" after
"On 21 October 2021" from "...à Bruxelles, le 21 octobre 2021": the city is new evidence);
otherwise the next best sentence is tried (`qa.answer.pick`), and when none answers the
question is refused. A sentence holding no evidence of the type, and a follow-up asking no
typed fact (why, how, yes/no), keep the ranking: the rest of the same sentence often answers.

The service sets the previous turn for the time the answerer reads a follow-up (`within`); the
extractive answerer drops the repeats (`fresh`) before choosing a sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from qa.answer.crosslang import cognate
from qa.answer.evidence import TYPED_KINDS
from qa.answer.kinds import question_kind
from qa.answer.meaning import content_words, passage_words
from qa.answer.rewrite import last_short_answer
from qa.text import fold

_QUOTE = re.compile(r"«\s*(.+?)\s*»", re.DOTALL)
_DIGITS = re.compile(r"\d+")


@dataclass(frozen=True)
class PreviousTurn:
    """What answered the previous turn: the sentences it quoted and its short answer."""

    sentences: tuple[str, ...]
    short: str = ""


_CURRENT: ContextVar[PreviousTurn | None] = ContextVar("previous_turn", default=None)


def quoted_sentences(history: list[dict[str, Any]]) -> list[str]:
    """The « quotes » of the most recent assistant turn (none for a short-only answer)."""
    turns = [t.get("content", "") for t in history if t.get("role") == "assistant"]
    if not turns or not isinstance(turns[-1], str):
        return []
    return [q for q in _QUOTE.findall(turns[-1]) if q.strip()]


def previous_turn(history: list[dict[str, Any]], nearest: str = "") -> PreviousTurn:
    """The previous turn's quoted sentences (or, when it quoted none, `nearest`: the sentence
    nearest to its question and answer) and its short answer."""
    sentences = quoted_sentences(history) or ([nearest] if nearest else [])
    return PreviousTurn(tuple(sentences), last_short_answer(history))


def _key(text: str) -> str:
    return " ".join(re.findall(r"\w+", fold(text)))


def _used(found: str, short: str) -> bool:
    """True when the short answer already gave the evidence `found` (its numbers, else one of
    its words, each as itself or a cognate: "21 octobre 2021" in "On 21 October 2021"; not
    "la ligne de contact de l'Ukraine" in "Ukraine's foreign minister")."""
    numbers = _DIGITS.findall(found)
    if numbers:
        return all(n in _DIGITS.findall(short) for n in numbers)
    words = content_words(found) or [w for w in _key(found).split() if len(w) > 2]
    src = passage_words(short)
    return bool(words) and all(cognate(w, src) for w in words)


def said_before(text: str) -> bool:
    """True when the sentence `text` answered the previous turn of the follow-up being
    answered (one it quoted, or the one nearest to its question and answer)."""
    previous = _CURRENT.get()
    if previous is None or not previous.sentences:
        return False
    key = _key(text)
    return bool(key) and any(key == _key(s) or (len(_key(s)) > 40 and _key(s) in key)
                             for s in previous.sentences)


def repeats(text: str, evidence: list | None, known_only: bool = False) -> bool:
    """True when the sentence `text` answered the previous turn of the follow-up being
    answered and holds no evidence of the asked type that the previous answer did not use."""
    previous = _CURRENT.get()
    if previous is None or not said_before(text):
        return False
    if not evidence:  # chosen for holding the asked verb, not a fact of the type: the rest
        return False  # of the sentence may answer ("de la part de qui ?" -> "des États-Unis")
    return known_only or all(_used(e.text, previous.short) for e in evidence)


def fresh(question: str, ranked: list[Any]) -> list[Any]:
    """The ranked sentences (candidates) without those that answered the previous turn and
    say nothing new of the type the follow-up asks for (`repeats`); a follow-up asking for
    no typed fact ("what else did it build?", "why?", "is he Norwegian?") may be answered by
    the rest of that same sentence, so it keeps them all."""
    if _CURRENT.get() is None or question_kind(question).kind not in TYPED_KINDS:
        return ranked
    return [c for c in ranked if not repeats(c.text, c.evidence, c.known_only)]


def within(previous: PreviousTurn | None, answers: Iterator[Any]) -> Iterator[Any]:
    """`answers` (an answerer's stream), each step computed while a follow-up is answered after
    `previous` (set around each step only: nothing leaks to the caller between steps)."""
    while True:
        token = _CURRENT.set(previous)
        try:
            item = next(answers, None)
        finally:
            _CURRENT.reset(token)
        if item is None:
            return
        yield item
