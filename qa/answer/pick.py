"""Which of the sentences holding evidence of the asked type answers: the first the gate accepts.

The extractive answerer ranks every sentence of the retrieved passages; for a question asking
for a fact of a type (a date, a number, a place...), the answer is a sentence holding evidence
of that type. The best ranked such sentence is often of another article ("how many households
could the Dunmore farm supply?" meets "1,200 households joined the case" before "enough to
power about 700,000 homes"), and the refusal gate (`qa.answer.gate.refusal_clause`, and
`asks_beyond` for a follow-up) then refuses the question although a slightly weaker sentence
answers it. So the sentences holding evidence are tried in rank order, a few of them, and the
first the whole gate accepts answers, as long as the gate refuses a sentence for being of
another article (it shares no word with the question, its article none of the question's
names); when none is accepted, the first one's refusal clause is kept. Every tried sentence
passes the same gate a single best sentence would, and what refuses the question itself (no
article mentions what is asked, a name of the question stands far from the sentence, no
sentence close enough) stops the search.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from qa.answer.followup import asks_beyond
from qa.answer.gate import refusal_clause
from qa.answer.kinds import QuestionKind
from qa.answer.vectors import WordVectors
from qa.results import Passage

if TYPE_CHECKING:
    from qa.answer.extractive import Candidate

# How many sentences holding evidence are tried, best ranked first.
TRIED = 3
# The gate's clauses saying the sentence is of another article than the question's (it shares
# no word with the question, its article holds none of the question's names) or of another
# time than the one the question names ("time: 2021"): the next sentence holding evidence may
# be the answer. The others ("subject:" a name far from the
# sentence, "asks beyond", "unmentioned", "confidence"...) refuse the question: no weaker
# sentence is tried.
ELSEWHERE_CLAUSES = ("supports", "names", "time")


def first_accepted(kind: QuestionKind, question: str, options: list[Candidate],
                   bars: dict[str, float], passages: list[Passage],
                   vectors: WordVectors | None) -> tuple[Candidate | None, str,
                                                         list[Candidate]]:
    """The first of `options` (at most `TRIED`) the refusal gate accepts, '' and the options
    tried before it (rejected); or None, the first option's refusal clause and all tried."""
    first_clause = ""
    rejected: list[Candidate] = []
    for option in options[:TRIED]:
        clause = gate_clause(kind, question, option, bars, passages, vectors)
        if not clause:
            return option, "", rejected
        first_clause = first_clause or clause
        rejected.append(option)
        if not clause.startswith(ELSEWHERE_CLAUSES):
            break  # the question, not the sentence, is refused: a weaker one is no better
    return None, first_clause, rejected


def gate_clause(kind: QuestionKind, question: str, best: Candidate, bars: dict[str, float],
                passages: list[Passage], vectors: WordVectors | None) -> str:
    """The clause refusing a typed answer in `best` ('' when none does): a follow-up about
    something the sentence never says ("asks beyond"), else the refusal gate's clause."""
    if asks_beyond(question, best.text, vectors):
        return "asks beyond"
    return refusal_clause(kind, question, best, bars, passages, vectors)
