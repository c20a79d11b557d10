"""A question naming a thing no retrieved passage holds is refused (qa/answer/asked.py): names
are matched as written, spelled alike, as acronyms and translated by the real embedder, and a
name the passages never give ("France" where they speak of "franchise" and "Europe") refuses."""

import pytest

from qa import QA
from qa.answer.asked import absent_names
from qa.answer.meaning import unmentioned_terms
from qa.answer.vectors import word_vectors
from qa.results import Passage
from tests.conftest import bot_over

PARK = "\n\n".join([
    "Valley council backs Larch Hill solar park",
    "LARCHWOOD, 3 June 2025 - The valley council approved the Larch Hill solar park on Monday, "
    "a decision welcomed in Europe as a model. The franchise to run it went to Norsea Energy.",
    "The Royal Society for the Protection of Birds asked for the hedges to be kept.",
    "The council leader, Ruth Ambler, said the park would supply 9,000 homes."]) + "\n"
BRUXELLES = ("Réunion à Bruxelles\n\nLe Conseil OTAN-Russie se réunira à Bruxelles le 12 "
             "janvier, a annoncé Vladimir Poutine devant la presse russe.\n")


def _passage(text: str, doc_id: str) -> Passage:
    title, _, body = text.partition("\n\n")
    return Passage(id=doc_id + "-0", doc_id=doc_id, title=title, source="s", text=body,
                   start=0, end=len(body))


@pytest.fixture(scope="module")
def park_bot(tmp_path_factory: pytest.TempPathFactory) -> QA:
    """A bot over an English article on a solar park."""
    return bot_over(tmp_path_factory.mktemp("park"), {"park.txt": PARK})


def test_names_are_held_as_written_spelled_alike_as_acronyms_or_translated(park_bot):
    vectors = word_vectors(park_bot.embedder)
    park, nato = _passage(PARK, "park"), _passage(BRUXELLES, "nato")
    assert absent_names("What did the RSPB ask of Larch Hill's council?", [park], vectors) == []
    assert absent_names("When will the NATO-Russia Council meet in Brussels?", [nato],
                        vectors) == []
    assert absent_names("What did Putin announce?", [nato], None) == []  # "Poutine"
    assert absent_names("Who represented France at the valley council?", [park],
                        vectors) == ["France"]  # not "franchise", nor "Europe"
    assert absent_names("Quelle position la Biélorussie a-t-elle prise ?", [nato],
                        vectors) == ["Biélorussie"]  # not "Russie"


def test_english_day_and_month_names_are_held_by_their_french_names():
    """English capitalises "Sunday" and "January", French writes "dimanche" and "janvier": a
    day the French passages name is not a thing they never mention; another day is."""
    nato = _passage(BRUXELLES.replace("le 12 janvier", "dimanche 12 janvier"), "nato")
    assert absent_names("What will Putin announce on Sunday?", [nato], None) == []
    assert absent_names("What will Putin announce in January?", [nato], None) == []
    assert absent_names("What will Putin announce on Monday?", [nato], None) == ["Monday"]


def test_a_question_about_a_place_the_articles_never_name_is_refused(park_bot):
    refused = park_bot.ask("Who represented France at the Larch Hill council meeting?")
    assert refused.refused and refused.citations == [], refused.text
    answer = park_bot.ask("Who is the council leader at Larch Hill?")
    assert not answer.refused and "Ambler" in answer.text, answer.text


def test_a_count_of_time_asks_for_its_unit():
    sentence = ["La coopération est restée gelée depuis 2014 jusqu'en octobre 2021."]
    assert unmentioned_terms("Pendant combien d'années la coopération est-elle restée gelée ?",
                             "fr", sentence) == []
    assert unmentioned_terms("Combien de temps la coopération est-elle restée gelée ?", "fr",
                             sentence) == []
    assert unmentioned_terms("Combien de diplomates la coopération a-t-elle gelée ?", "fr",
                             sentence) == ["diplomates"]
