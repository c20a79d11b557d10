"""Counts of a thing the articles call by another word.

A "how many X" answer must stand by the counted noun ("eight diplomats" for "how many
diplomats"), which keeps counts of other things out. But a user's words are often not the
article's: "how many motorists were rescued from stranded vehicles?" is answered by "rescued
nine people from stranded cars", "how many times had engineers alerted the council?" by "had
ignored four warnings from its own engineers". In an article that never holds the counted
noun (as a word, a stem or a cognate: in the retrieved passages of the article), a count in a
sentence that shares another of the question's words, not only a name (`_says_more`), is
taken, as a weaker (non-preferred) answer. An article that names the thing and counts
something else does not answer ("how many trees fell?" over "two people died: ... hit by a
falling tree").
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from qa.answer.crosslang import cognate
from qa.answer.evidence import counted_noun, find_evidence
from qa.answer.gate import asked_terms, language_pair, passage_language, supports
from qa.answer.kinds import QuestionKind
from qa.answer.meaning import passage_words
from qa.answer.rewrite import split_context
from qa.results import Passage
from qa.text import fold, index_terms

if TYPE_CHECKING:
    from qa.answer.extractive import Candidate


def counts_by_another_word(kind: QuestionKind, question: str, pool: list[Candidate],
                           passages: list[Passage]) -> list[Candidate]:
    """The sentences of `pool` (in the question's language, of articles whose retrieved
    passages never hold the counted noun) holding a count by another noun and sharing a word
    of the question, as candidates with that (non-preferred) evidence."""
    counted = counted_noun(question)
    if kind.kind != "number" or not counted:
        return []
    naming = {p.doc_id for p in passages
              if cognate(fold(counted), passage_words(f"{p.title}\n{p.text}"))}
    context = split_context(question)[1]
    out = []
    for c in pool:
        if language_pair(question, c.passage) != "same" or c.passage.doc_id in naming:
            continue  # an article naming the thing: its count by another noun is of another
        found = find_evidence(kind, c.text, question, same_language=False, known=context)
        if not found:
            continue
        candidate = replace(c, evidence=[replace(e, preferred=False) for e in found])
        if supports(kind, question, candidate) and _says_more(question, counted, candidate):
            out.append(candidate)
    return out


def _says_more(question: str, counted: str, candidate: Candidate) -> bool:
    """The sentence holds a word the question says of the counted thing (not a name:
    "stranded" in "rescued nine people from stranded cars"; the town's name alone is only the
    article's topic), besides the count itself."""
    language = passage_language(candidate.passage)
    answer = {t for e in candidate.evidence or [] for t in index_terms(e.text, language)}
    asked = set(asked_terms(question, language)) - set(index_terms(counted, language))
    return bool(asked & (set(index_terms(candidate.text, language)) - answer))
