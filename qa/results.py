"""Result types shared by every layer: passages, citations and answers."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Passage:
    """A chunk of a cleaned article, as stored in the index and returned by retrieval."""

    id: str
    doc_id: str
    title: str
    source: str
    text: str
    start: int
    end: int
    score: float = 0.0
    outlet: str | None = None
    published: str | None = None  # ISO date of the article, when known
    url: str | None = None
    copies: tuple[tuple[int, int, tuple[str, ...]], ...] = ()  # (start, end, other doc_ids)
    language: str = ""  # ISO code of the article's language
    addresses_model: bool = False  # text that talks to a model ("ignore your instructions")

    def to_dict(self) -> dict[str, Any]:
        """Plain-JSON form."""
        return asdict(self)


@dataclass(frozen=True)
class Citation:
    """A numbered reference [number] to the passage that supports part of an answer."""

    number: int
    doc_id: str
    title: str
    source: str
    text: str
    quote: str
    start: int
    end: int
    score: float
    passage_id: str = ""
    outlet: str | None = None
    published: str | None = None  # ISO date of the article, when known
    url: str | None = None
    also_in: tuple[str, ...] = ()  # other articles carrying the same (syndicated) passage
    also_in_outlets: tuple[str, ...] = ()  # their outlets (or titles), in the same order

    @property
    def quote_span(self) -> tuple[int, int] | None:
        """Character span of the quote inside `text`, if it is found there."""
        at = self.text.find(self.quote)
        return (at, at + len(self.quote)) if at >= 0 and self.quote else None

    def to_dict(self) -> dict[str, Any]:
        """Plain-JSON form."""
        return asdict(self)


@dataclass(frozen=True)
class Sentence:
    """One sentence of an answer and whether its claims were checked against its sources."""

    text: str
    verified: bool
    citations: tuple[int, ...] = ()


@dataclass
class Answer:
    """What `ask()` returns: the text with [n] markers, its citations, and how it was made."""

    question: str
    text: str
    citations: list[Citation] = field(default_factory=list)
    refused: bool = False
    mode: str = "extractive"
    language: str = "fr"
    standalone_question: str = ""
    sentences: list[Sentence] = field(default_factory=list)
    notice: str = ""
    timings: dict[str, float] = field(default_factory=dict)
    provisional: bool = False  # shown while a language model writes; a later answer replaces it

    def to_dict(self) -> dict[str, Any]:
        """Plain-JSON form (what `qa ask --json` prints)."""
        return asdict(self)
