"""Follow-up questions: turn "and where?" into a standalone question using the chat history.

A generator that can rewrite (an LLM) does it with the prompt in `prompts/rewrite.txt`;
otherwise a rule joins a short, context-dependent follow-up to the previous user question.
"""

from __future__ import annotations

import re
from typing import Any

from qa.text import STOPWORDS, words

_FOLLOW_UP_START = re.compile(
    r"^(and|et|also|aussi|what about|et pour|et concernant|and about|et sur|then|alors|puis|"
    r"ou ca|where|when|who|why|how|ou|quand|qui|pourquoi|comment|combien)\b", re.IGNORECASE)
_PRONOUNS = {"it", "he", "she", "they", "them", "this", "that", "there", "il", "elle", "ils",
             "elles", "cela", "ca", "celle", "celui", "y", "lui", "leur"}


def last_user_question(history: list[dict[str, Any]]) -> str | None:
    """The most recent user turn of a role/content history."""
    for turn in reversed(history or []):
        if isinstance(turn, dict) and turn.get("role") == "user":
            content = turn.get("content")
            if isinstance(content, str) and content.strip():
                return content.strip()
    return None


def needs_context(question: str) -> bool:
    """True for a question that is too short or too pronoun-bound to stand alone."""
    tokens = words(question)
    content = [t for t in tokens if t not in STOPWORDS and len(t) > 2]
    folded = " ".join(tokens)
    if len(content) <= 1:
        return True
    return bool(_FOLLOW_UP_START.match(folded)) and (
        len(content) <= 2 or any(t in _PRONOUNS for t in tokens))


def standalone_question(question: str, history: list[dict[str, Any]], answerer: Any) -> str:
    """A question that can be retrieved on its own, in the user's language."""
    previous = last_user_question(history)
    if not previous:
        return question
    rewrite = getattr(answerer, "rewrite", None)
    if rewrite is not None:
        rewritten = rewrite(question, history)
        if rewritten:
            return rewritten
    if needs_context(question):
        return f"{question} ({previous})"
    return question
