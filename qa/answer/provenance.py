"""Where each cited passage comes from: outlet, publication date, address, and the other
articles that carry the same (syndicated) text, added to an answer's citations.

Answerers build citations from passages; this fills in the article facts the passages carry,
so every answerer gets them the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace

from qa.results import Answer, Citation, Passage

Names = Callable[[], Mapping[str, str]]  # doc_id -> outlet (or title), read when needed


def also_in(passage: Passage, quote: str) -> tuple[str, ...]:
    """Other articles carrying the quoted part of a passage (from its ingest-time copies)."""
    at = passage.text.find(quote) if quote else -1
    lo, hi = (at, at + len(quote)) if at >= 0 else (0, len(passage.text))
    docs = {d for a, b, ids in passage.copies if a < hi and b > lo for d in ids}
    return tuple(sorted(docs - {passage.doc_id}))


def cite_provenance(citation: Citation, passage: Passage) -> Citation:
    """A citation with its article's outlet, date, address and syndicated copies."""
    return replace(citation, outlet=passage.outlet, published=passage.published,
                   url=passage.url, also_in=also_in(passage, citation.quote))


def with_provenance(answer: Answer, passages: list[Passage], names: Names | None = None
                    ) -> Answer:
    """The answer with every citation's provenance filled in from the passages it cites;
    `names` gives the outlets of the other articles carrying a cited passage."""
    by_id = {p.id: p for p in passages}
    cited = [cite_provenance(c, by_id[c.passage_id]) if c.passage_id in by_id else c
             for c in answer.citations]
    if names is not None and any(c.also_in for c in cited):
        known = names()
        cited = [replace(c, also_in_outlets=tuple(known.get(d, d) for d in c.also_in))
                 for c in cited]
    answer.citations = cited
    return answer
