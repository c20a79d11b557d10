"""Answerers: turn a question and its retrieved passages into an `Answer` with citations.

`Answerer` is the narrow interface every generator implements; `make_answerer` picks one from
settings: `extractive` (offline default), `openai` (any OpenAI-compatible server) or `local`
(a llama.cpp server started on 127.0.0.1, then the openai path).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from qa.results import Answer, Passage

if TYPE_CHECKING:
    from qa.embed import Embedder
    from qa.settings import Settings

REFUSALS = {
    "fr": "Je ne trouve pas la réponse à cette question dans les articles indexés.",
    "en": "I could not find the answer to this question in the indexed articles.",
}


@runtime_checkable
class Answerer(Protocol):
    """Writes an answer from passages; `stream` yields growing answers, the last is final."""

    mode: str

    def stream(self, question: str, passages: list[Passage], language: str) -> Iterator[Answer]:
        """Partial answers as the text grows; the last one is complete and verified."""
        ...


def refusal(question: str, language: str, mode: str, notice: str = "") -> Answer:
    """The 'not in the articles' answer, in the question's language, with no citation."""
    return Answer(question=question, text=REFUSALS.get(language, REFUSALS["en"]), citations=[],
                  refused=True, mode=mode, language=language, notice=notice)


def make_answerer(settings: Settings, embedder: Embedder) -> Answerer:
    """The answerer named by `QA_LLM`."""
    from qa.answer.extractive import ExtractiveAnswerer

    extractive = ExtractiveAnswerer(embedder)
    if settings.llm == "extractive":
        return extractive
    from qa.answer.generate import make_generator

    return make_generator(settings, fallback=extractive)
