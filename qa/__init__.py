"""qa: cited answers from news articles.

    from qa import ask
    answer = ask("Quand aura lieu la réunion du Conseil OTAN-Russie ?")
    print(answer.text, [c.doc_id for c in answer.citations])
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

from qa.ingest import IngestError, IngestReport
from qa.results import Answer, Citation, Passage, Sentence
from qa.service import QA, QuestionError
from qa.settings import Settings, get_settings
from qa.store import EmbedderMismatch, StoreError, StoreUnavailable

__all__ = ["QA", "Answer", "Citation", "EmbedderMismatch", "IngestError", "IngestReport",
           "Passage", "QuestionError", "Sentence", "Settings", "StoreError", "StoreUnavailable",
           "ask", "default_qa", "ingest", "retrieve", "stream_ask"]


@lru_cache(maxsize=1)
def default_qa() -> QA:
    """The process-wide bot built from the environment's settings (bundled corpus indexed)."""
    bot = QA(get_settings())
    bot.ensure_corpus()
    return bot


def ask(question: str, history: list[dict] | None = None) -> Answer:
    """Answer a question from the indexed articles, with numbered citations."""
    return default_qa().ask(question, history)


def stream_ask(question: str, history: list[dict] | None = None) -> Iterator[Answer]:
    """Like `ask`, yielding growing partial answers; the last one is final."""
    return default_qa().stream_ask(question, history)


def retrieve(question: str, k: int = 5) -> list[Passage]:
    """The `k` best passages for a question."""
    return default_qa().retrieve(question, k)


def ingest(paths: Iterable[str | Path]) -> IngestReport:
    """Index article files or folders (.txt, .md, .html) and http(s) pages or feeds."""
    return default_qa().ingest(paths)
