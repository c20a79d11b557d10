"""Keeping a follow-up's answer on the conversation's topic.

A follow-up resolved with a person ("How did he describe the objects? (Rankin)", see
`qa.answer.rewrite`) is about that person: sentences of passages that never name them (another
article's "described the damage as...") are not its answer when some passage does name them.
"""

from __future__ import annotations

import re
from typing import Protocol

from qa.answer.rewrite import name_runs, split_context
from qa.results import Passage
from qa.text import fold


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
    """The ranked sentences of passages naming the follow-up's person, when it has one and
    some passage names them; else all of them."""
    person = referent(question)
    if not person:
        return ranked
    kept = [c for c in ranked if names(c.passage, person)]
    return kept or ranked
