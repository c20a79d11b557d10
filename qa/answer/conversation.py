"""A follow-up's sentences as the conversation orders them, and what the previous answer's
sentence cannot answer.

The ranked sentences of a follow-up are kept on its person's articles (`qa.answer.followup`),
rid of the previous answer's sentence when it says nothing new of the asked type
(`qa.answer.previous`), and led by that sentence when the follow-up asks who said it
(`qa.answer.speaker`).

A follow-up asking no typed fact ("what did they decide?", "why?") whose best sentence is still
the one that answered the previous turn, in its own language, while holding none of its own
words (not even as a cognate or a word the embedder puts close, "launch" / "went perfectly":
`qa.answer.followup.asks_beyond`), was ranked there by the conversation's context alone: the
articles do not say what it asks, and it is refused. Across languages it is not: the embedder
cannot tell a translation from a neighbour there (qa.answer.crosslang).
"""

from __future__ import annotations

from typing import Any

from qa.answer.followup import asks_beyond, on_topic
from qa.answer.gate import language_pair
from qa.answer.previous import fresh, said_before
from qa.answer.speaker import speaker_first
from qa.answer.vectors import WordVectors


def in_conversation(question: str, ranked: list[Any]) -> list[Any]:
    """The ranked sentences of a (possibly resolved) question as its conversation orders
    them (see the module docstring); a question without history is returned as ranked."""
    return speaker_first(question, fresh(question, on_topic(question, ranked)))


def beyond_previous(question: str, best: Any, vectors: WordVectors | None) -> str:
    """'asks beyond' when an untyped follow-up's best sentence answered the previous turn,
    is in the follow-up's language and holds none of its own words; else ''."""
    if (said_before(best.text) and language_pair(question, best.passage) == "same"
            and asks_beyond(question, best.text, vectors)):
        return "asks beyond"
    return ""
