"""Names in their place: a name of a sentence clause must be in the passage clauses that say
what that clause says ('Geneva' for a meeting the passage holds in Brussels, Geneva being
another event's). Datelines ("EDINBURGH, 25 March 2025 - ") place only the main clause of
their own sentence.
"""

from __future__ import annotations

import re

import numpy as np

from qa.answer.claims import name_claims
from qa.answer.evidence import DATELINE_RE
from qa.answer.names import name_found, name_source
from qa.answer.polarity import CLAUSE_SPLIT, clauses, closest_clauses
from qa.answer.vectors import WordVectors
from qa.text import split_sentences

_CAPITALISED_RUN = re.compile(r"[^\W\d_a-z][\w]*(?:[-‐ ][^\W\d_a-z][\w]*)*")


def misplaced_name(text: str, passage_text: str, vectors: WordVectors | None,
                   given: dict[str, str]) -> str:
    """A name of a sentence clause absent from the passage clauses closest to that clause
    ('Geneva' for a meeting the passage holds in Brussels, Geneva being another event's).
    A given name (a key of `given`) is placed by its family name."""
    if vectors is None:
        return ""
    for clause in clauses(text):
        names = [c for c in name_claims(clause) if c.kind == "name" and c.role == "name"]
        if not names:
            continue
        # The closest clauses, widened to their sentences: a relative clause ("qui a averti
        # mardi...") names its subject in the main one. A dateline ("EDINBURGH, 25 March
        # 2025 - ") places only what its own sentence says (where the report was filed).
        sentences = [passage_text[a:b] for a, b in split_sentences(passage_text)]
        if not _dateline_lead(clause, sentences, vectors):
            sentences = [DATELINE_RE.sub(" ", s) for s in sentences]
        text_near = "\n".join(sentences)
        near = "\n".join(next((s for s in sentences if c in s), c)
                         for c in closest_clauses(clause, text_near, vectors))
        src = name_source(near)
        spans = _CAPITALISED_RUN.findall(clause)
        for claim in names:
            if claim.text in given and given[claim.text] in clause:
                continue  # placed with its family name
            whole = next((s for s in spans if claim.text in re.split(r"[-‐ ]", s)), claim.text)
            if not (name_found(claim.text, src, vectors) or name_found(whole, src, vectors)):
                return claim.text
    return ""


def _dateline_lead(clause: str, sentences: list[str], vectors: WordVectors) -> bool:
    """True when the passage clause closest to a sentence clause is the main clause of a
    dateline's sentence ("EDINBURGH, 25 March 2025 - The Scottish government approved ..."):
    the dateline places that clause only, not a clause after it ("... to residents who fell
    ill after drinking contaminated tap water")."""
    pieces: list[str] = []
    leads: list[int] = []
    for sentence in sentences:
        m = DATELINE_RE.match(sentence.strip())
        body = sentence.strip()[m.end():] if m else sentence
        parts = [c.strip() for c in CLAUSE_SPLIT.split(body) if c and c.strip()]
        if m and parts:
            leads.append(len(pieces))
        pieces += parts
    if not leads:
        return False
    vecs = vectors.vectors([clause, *pieces])
    return int(np.argmax(vecs[1:] @ vecs[0])) in leads


__all__ = ["misplaced_name"]
