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

from qa.answer.counts import counts_by_another_word
from qa.answer.daycounts import counted_time_unit
from qa.answer.evidence import DATELINE_RE
from qa.answer.followup import asks_beyond
from qa.answer.gate import refusal_clause
from qa.answer.kinds import QuestionKind
from qa.answer.vectors import WordVectors
from qa.results import Passage

if TYPE_CHECKING:
    from qa.answer.extractive import Candidate

# How many sentences holding evidence are tried, best ranked first.
TRIED = 3
# The ranking's bonus for a sentence holding evidence of the asked type (full for the kind's
# first pattern, half for the others; qa.answer.extractive).
W_TYPE = 0.05
# A sentence without evidence of the asked type that outranks the sentence holding some that
# would answer by more than that one's evidence bonus and a first passage's rank bonus
# (qa.answer.extractive.W_RANK) answers instead, quoted without a short lead: the question
# was typed by a word it does not ask about ("sous quelle forme les diplomates..." is no
# person question), or the answer is a name the type's pattern misses ("Borrell de l'UE").
MISREAD_MARGIN = 0.07
# The gate's clauses saying the sentence is of another article than the question's (it shares
# no word with the question, its article holds none of the question's names) or of another
# time than the one the question names ("time: 2021"): the next sentence holding evidence may
# be the answer. The others ("subject:" a name far from the
# sentence, "asks beyond", "unmentioned", "confidence"...) refuse the question: no weaker
# sentence is tried.
ELSEWHERE_CLAUSES = ("supports", "names", "time")


def typed_options(kind: QuestionKind, question: str, ranked: list[Candidate],
                  pool: list[Candidate], passages: list[Passage]) -> list[Candidate]:
    """The sentences of `pool` (the best ranked) that may answer a typed question, in the
    order they are tried: those holding evidence of the asked type, led by the best ranked
    sentence when that is far stronger (`MISREAD_MARGIN`); empty when none holds evidence."""
    # "who paid for X?" may be answered by "the province had paid...": no name, but
    # the asked verb; such a sentence is quoted without a short lead
    with_evidence = [c for c in pool if c.evidence or c.known_only or (
        kind.kind == "person" and c.focused)]
    if kind.kind in {"person", "date"}:  # who did the verb first
        with_evidence.sort(key=lambda c: not c.focused)
    # "how many motorists..." / "nine people from stranded cars" (qa.answer.counts),
    # after the sentences naming the counted thing (tried first)
    if not counted_time_unit(question):
        with_evidence += [c for c in counts_by_another_word(kind, question, pool, passages)
                          if all(c.text != d.text for d in with_evidence)]
    if not with_evidence:
        return []
    best, top = with_evidence[0], ranked[0]
    if kind.kind == "person" and not kind.head and not top.evidence and (
            top.score - best.score >= W_TYPE):
        # "à qui s'adressaient les documents ?": the sentence that says it names no person
        # ("l'un pour le bloc, l'autre pour les responsables américains"); a name from a much
        # weaker sentence is someone else (not when a name is asked for: "what is the name of")
        best = top
    return [best, *(c for c in with_evidence if c is not best)]


def stronger_untyped(kind: QuestionKind, question: str, ranked: list[Candidate],
                     accepted: Candidate, bars: dict[str, float], passages: list[Passage],
                     vectors: WordVectors | None) -> Candidate:
    """The best ranked sentence instead of the `accepted` one holding evidence, when it holds
    none, outranks it by `MISREAD_MARGIN`, is no headline or datelined opening (near any
    question about its article: `sums_up`) and the gate accepts it too (which sentence
    answers changes, never whether the question is answered); else `accepted`."""
    top = ranked[0]
    if top is accepted or top.evidence or sums_up(top) or (
            top.score - accepted.score < MISREAD_MARGIN):
        return accepted
    return accepted if gate_clause(kind, question, top, bars, passages, vectors) else top


def sums_up(candidate: Candidate) -> bool:
    """True for an article's headline or its datelined opening sentence ("LONDON, 9 July 2025 -
    Britain's regulator fined..."): the sentences that sum the article up."""
    title = (candidate.passage.title or "").strip()
    return bool(DATELINE_RE.match(candidate.text)) or (
        bool(title) and candidate.text.strip() == title)


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
