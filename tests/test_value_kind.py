"""The refusal gate's checks that the best sentence gives the asked kind of value
(qa/answer/valuekind.py: a count is not a share or a sum, a time of day is not a date) and is
of the time the question names (qa/answer/othertime.py), on an English article of our own
(real Chroma, real embedder); and a count across languages stands by the counted noun's
nearest translation (qa/answer/crosslang.py)."""

import pytest

from qa import QA
from qa.answer.crosslang import counted_across
from qa.answer.evidence import Evidence
from qa.answer.extractive import Candidate
from qa.answer.kinds import question_kind
from qa.answer.othertime import named_times, unheld_times
from qa.answer.valuekind import value_mismatch
from qa.answer.vectors import word_vectors
from qa.results import Passage
from tests.conftest import bot_over

VOTE = "\n\n".join([
    "Ashby re-elects Morag Kell as harbour master",
    "ASHBY, 14 March 2025 - The harbour board of Ashby re-elected Morag Kell as harbour master "
    "on Thursday, with 61 per cent of the members' votes.",
    "The count began on Friday and ended shortly after 11 p.m., the board's secretary said.",
    "Kell has promised to dredge the north basin and to build 40 new moorings for "
    "fishing boats. The board will pay 2.5 million pounds to the contractor who dredges it.",
    "Kell first became harbour master in 2019, after twelve years as a pilot."]) + "\n"


@pytest.fixture(scope="module")
def vote_bot(tmp_path_factory: pytest.TempPathFactory) -> QA:
    """A bot over an English article on a harbour board's vote."""
    return bot_over(tmp_path_factory.mktemp("vote"), {"vote.txt": VOTE})


def _candidate(text: str, evidence: list[Evidence] | None = None,
               published: str | None = None) -> Candidate:
    passage = Passage(id="p", doc_id="d", title="A harbour vote", source="s", text=text,
                      start=0, end=len(text), language="en", published=published)
    return Candidate(0, passage, 0, len(text), text, evidence=evidence)


def test_a_count_is_not_a_share_or_a_sum_of_money():
    question = "How many board members voted for Kell?"
    share = "Kell won 61 per cent of the members' votes."
    shared = _candidate(share, [Evidence("61 per cent", 9, 20)])
    assert value_mismatch(question_kind(question), question, shared) == "not a count"
    counted = "Kell won the votes of 23 members."
    plain = _candidate(counted, [Evidence("23", 21, 23)])
    assert value_mismatch(question_kind(question), question, plain) == ""
    # a question asking for a share or a sum is answered by one
    rate = "What share of the votes did Kell win?"
    assert value_mismatch(question_kind(rate), rate, shared) == ""


def test_a_time_of_day_is_a_clock_time_or_a_part_of_the_day():
    question = "At what time did the count end?"
    kind = question_kind(question)
    assert value_mismatch(kind, question, _candidate("The count ended on Friday.")) == (
        "no time of day")
    for said in ("The count ended shortly after 11 p.m.", "Le dépouillement a pris fin à 23 h 10.",
                 "The count ended on Friday evening.", "Le vote a eu lieu mardi soir."):
        assert value_mismatch(kind, question, _candidate(said)) == "", said
    french = "À quelle heure le dépouillement a-t-il pris fin ?"
    assert value_mismatch(question_kind(french), french, _candidate("Il a pris fin vendredi.")
                          ) == "no time of day"


def test_the_times_a_question_names_are_compared_as_values():
    assert set(named_times("What did Kell promise in December 2019?")) == {
        ("year", 2019), ("month", 12)}
    assert set(named_times("Qu'a-t-elle dit dimanche ?")) == {("weekday", 6)}
    assert named_times("What may the board do in March?") == {("month", 3): "March"}
    question = "Which basin did Kell promise to dredge in 2023?"
    assert unheld_times(question, _candidate("Kell promised to dredge the north basin."), [],
                        "en") == ["2023"]
    # the article's date holds it
    dated = _candidate("Kell promised to dredge the north basin.", published="2023-05-02")
    assert unheld_times(question, dated, [], "en") == []
    # a part of it is enough: "in October" for "in October 2021"
    october = "What did the board decide in October 2021?"
    assert unheld_times(october, _candidate("In October, the board chose Kell."), [], "en") == []
    sunday = "What did Kell promise on Sunday?"
    assert unheld_times(sunday, _candidate("Dimanche, Kell a promis de draguer le bassin."), [],
                        "fr") == []


def test_questions_the_article_answers_with_another_kind_of_value_are_refused(vote_bot):
    for question in ("How many members voted in the harbour board election?",
                     "At what time did the harbour board meeting begin on Thursday?",
                     "How many moorings did Kell promise to build in 2023?"):
        answer = vote_bot.ask(question)
        assert answer.refused and answer.citations == [], (question, answer.text)
    for question, expected in (("At what time did the count end?", "11 p.m."),
                               ("How many moorings has Kell promised to build?", "40"),
                               ("How much will the board pay the contractor?", "2.5 million")):
        answer = vote_bot.ask(question)
        assert not answer.refused and expected in answer.text, (question, answer.text)


def test_a_count_across_languages_stands_by_the_nearest_translation_of_the_counted_noun(
        embedder):
    vectors = word_vectors(embedder)
    passage = ("The storm cut power to 38,000 homes. Two people died and eleven people were "
               "rescued from flooded cars.")
    homes = "The storm cut power to 38,000 homes."
    found = [Evidence("38,000", homes.index("38"), homes.index("38") + 6)]
    # "homes" is near "personnes" (e5 puts nouns of a topic close) but "people" is nearer
    assert counted_across("personnes", homes, found, vectors) == found  # no passage: the floor
    assert counted_across("personnes", homes, found, vectors, passage) == []
    assert counted_across("foyers", homes, found, vectors, passage) == found
    died = "Two people died and eleven people were rescued from flooded cars."
    two = [Evidence("Two", 0, 3)]
    assert counted_across("personnes", died, two, vectors, passage) == two
