"""Typed answers the extractive answerer used to refuse (real Chroma, real embedder): the first
sentence holding evidence is of another article, so the next one the gate accepts answers
(qa/answer/pick.py), while a question about something no article mentions still stops at the
first; a far stronger sentence without evidence answers instead of a weak one holding some;
durations said without a figure or in seasons, lengths for "how long is X", and reported speech
answering a "what did X call Y" question across languages."""

import pytest

from qa import QA
from qa.answer.evidence import Evidence, find_evidence
from qa.answer.gate import REPORTED_RE
from qa.answer.kinds import question_kind
from qa.answer.pick import MISREAD_MARGIN, first_accepted, gate_clause, stronger_untyped
from tests.conftest import bot_over

WIND = """Government approves Dunmore offshore wind farm

EDINBURGH, 25 March 2025 - The Scottish government approved the Dunmore offshore wind farm.
The wind farm will have a capacity of 900 megawatts, enough to power about 700,000 homes.
Construction is expected to begin in 2027, with the first power delivered in 2030.
"""
WATER = """Court orders Marlow to pay residents over contaminated water

LONDON, 12 June 2025 - The High Court ruled that Marlow council must pay compensation to
residents who fell ill after drinking contaminated tap water.
About 1,200 households joined the case against the council.
"""


@pytest.fixture(scope="module")
def two_articles(tmp_path_factory: pytest.TempPathFactory) -> QA:
    """A bot over an article on a wind farm and one on a court case."""
    return bot_over(tmp_path_factory.mktemp("pick"), {"wind.txt": WIND, "water.txt": WATER})


def _sentence(bot: QA, question: str, start: str):
    ranked = bot.answerer.candidates(question, bot.retrieve(question, 8))
    return next(c for c in ranked if c.text.startswith(start))


def test_the_next_sentence_with_evidence_answers_when_the_first_is_of_another_article(
        two_articles):
    question = "How many households could the Dunmore wind farm supply with power?"
    kind = question_kind(question)
    passages = two_articles.retrieve(question, 8)
    other = _sentence(two_articles, question, "About 1,200 households")
    right = _sentence(two_articles, question, "The wind farm will have")
    right.evidence = [Evidence("700,000", right.text.index("700,000"),
                               right.text.index("700,000") + 7)]
    bars = two_articles.answerer.bars
    assert gate_clause(kind, question, other, bars, passages, None) == "supports"
    accepted, clause, rejected = first_accepted(kind, question, [other, right], bars,
                                                passages, None)
    assert accepted is right and clause == "" and rejected == [other]


def test_a_question_about_something_unmentioned_stops_at_the_first_sentence(two_articles):
    question = "How many turbines did the Dunmore wind farm's insurer inspect?"
    kind = question_kind(question)
    passages = two_articles.retrieve(question, 8)
    first = _sentence(two_articles, question, "The wind farm will have")
    second = _sentence(two_articles, question, "About 1,200 households")
    for c in (first, second):
        c.evidence = [Evidence("900", 0, 3)]
    accepted, clause, rejected = first_accepted(kind, question, [first, second],
                                                two_articles.answerer.bars, passages, None)
    assert accepted is None and clause.startswith("unmentioned") and rejected == [first]
    assert two_articles.ask(question).refused


@pytest.mark.parametrize(("question", "sentence", "found"), [
    ("For how long could the works disturb fishing?",
     "The works could disturb fishing for two seasons, the association said.", "two seasons"),
    ("How long had the debate gone on?", "It ended a debate that has lasted more than a decade.",
     "more than a decade"),
    ("How long will the bridge be?", "It will be 420 metres long and open for two seasons.",
     "420 metres"),
    ("How long has she been mayor?", "It will be 420 metres long and open for two seasons.",
     "two seasons"),
    ("How long is the mission planned to last?", "The 420 metres ramp will last three years.",
     "three years"),
])
def test_durations_and_lengths(question, sentence, found):
    evidence = find_evidence(question_kind(question), sentence, question)
    assert evidence and evidence[0].text == found


def test_a_vague_duration_is_no_answer():
    question = "How long did the talks last?"
    assert not find_evidence(question_kind(question), "Talks went on for months.", question)


@pytest.mark.parametrize(("sentence", "reported"), [
    ("L'administration Biden a déclaré que certaines propositions étaient inacceptables.", True),
    ("Le Kremlin insiste sur le fait que tout mouvement de troupes est son affaire.", True),
    ("The minister said that the plan was dead.", True),
    ("Le document a été remis à la secrétaire d'État adjointe le 15 décembre.", False),
])
def test_reported_speech(sentence, reported):
    assert bool(REPORTED_RE.search(sentence)) is reported


def test_a_far_stronger_sentence_without_evidence_answers_instead(two_articles):
    """The typed question is answered by a weaker sentence's evidence only when the best ranked
    sentence (holding none) is not far ahead and the gate accepts it (qa.answer.pick)."""
    question = "How many homes could the Dunmore wind farm power?"
    kind = question_kind(question)
    passages = two_articles.retrieve(question, 8)
    bars = two_articles.answerer.bars
    top = _sentence(two_articles, question, "The wind farm will have")
    typed = _sentence(two_articles, question, "Construction is expected")
    top.evidence, typed.evidence = [], [Evidence("2027", 0, 4)]
    assert gate_clause(kind, question, top, bars, passages, None) == ""
    typed.score = top.score - MISREAD_MARGIN + 0.01
    assert stronger_untyped(kind, question, [top, typed], typed, bars, passages, None) is typed
    typed.score = top.score - MISREAD_MARGIN
    assert stronger_untyped(kind, question, [top, typed], typed, bars, passages, None) is top
    other = _sentence(two_articles, question, "About 1,200 households")  # another article's
    other.evidence, other.score = [], top.score
    assert gate_clause(kind, question, other, bars, passages, None)
    assert stronger_untyped(kind, question, [other, typed], typed, bars, passages, None) is typed
