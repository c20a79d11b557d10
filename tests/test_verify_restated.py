"""Facts a right answer writes in another form than its passage (qa/answer/restated.py): a
duration in another time unit, an hour on the other clock, a common
word capitalised by its place; and answers that describe what "who/where/how long" asks
(qa/answer/described.py). Each with its wrong twin, which stays rejected."""

import pytest

from qa.answer.claims import claims, family_name_alone
from qa.answer.described import described
from qa.answer.timeunits import clock_hours, converted_time, durations
from qa.answer.verify import check_sentence, split_answer, verify_answer
from qa.results import Passage

HOURS = "Du lundi au vendredi de 10h à 20h en métropole. De 8h à 15h en Guadeloupe."
STORM = "The council leader described the damage as worse than anything seen in thirty years."
POINTS = ("Des points numériques (avec ordinateurs, imprimantes et scanners) sont mis à votre "
          "disposition dans chaque préfecture.")


def _passage(text: str) -> Passage:
    return Passage("p", "d", "", "a.txt", text, 0, len(text))


def _kept(sentence: str, text: str, embedder, question: str = "") -> bool:
    return check_sentence(split_answer(sentence)[0], [_passage(text)], question,
                          embedder).verified


def test_time_units_and_clocks_are_converted():
    assert durations("en trois décennies") == durations("in thirty years") == {("m", 360.0)}
    assert durations("48 heures") == durations("two days")
    assert clock_hours("de 8h à 15h") == clock_hours("from 8am to 3pm") == {8, 15}
    assert clock_hours("3 p.m.") == {15} and clock_hours("12am") == {0}


@pytest.mark.parametrize(("sentence", "supported"), [
    ("Comme pires que tout ce qu'il a vu en trois décennies [1].", True),
    ("Comme pires que tout ce qu'il a vu en quatre décennies [1].", False),
])
def test_a_duration_in_another_unit_is_supported(sentence, supported):
    count = next(c for c in claims(sentence) if c.kind == "number")
    assert converted_time(count, sentence, [STORM]) is supported


def test_a_passage_counting_in_the_claims_unit_is_not_converted():
    # "12 months" is "1 an", but a passage that counts months ("10 mois") would say "12 mois".
    leases = "Bail classique : 1 an minimum. Bail mobilité : de 1 mois à 10 mois."
    sentence = "A mobility lease lasts between 1 and 12 months [1]."
    count = next(c for c in claims(sentence) if c.text == "12")
    assert not converted_time(count, sentence, [leases])
    assert converted_time(count, sentence, ["Le bail classique dure 1 an."])


@pytest.mark.parametrize(("sentence", "kept"), [
    ("In Guadeloupe, calls are answered from 8am to 3pm [1].", True),
    ("In Guadeloupe, calls are answered from 8am to 4pm [1].", False),
])
def test_an_hour_on_the_twelve_hour_clock(sentence, kept, embedder):
    assert _kept(sentence, HOURS, embedder) is kept


def test_a_capitalised_common_word_is_not_a_name(embedder):
    where = "Where can I find a computer?"
    assert _kept("Digital points with computers are available in every prefecture [1].",
                 POINTS, embedder, where)
    assert not _kept("Vienna has computers available in every prefecture [1].", POINTS,
                     embedder, where)


@pytest.mark.parametrize(("kind", "text", "question", "states"), [
    ("name", "The judge can decide on a protection measure", "Who can decide on it?", True),
    ("name", "Putin was warned that he would face consequences", "Who warned Putin?", False),
    ("place", "At a press conference after the meeting", "Where did he explain it?", True),
    ("place", "To the police prefecture, by post", "Where must the request be sent?", True),
    ("place", "They will meet someone in the afternoon", "Where will they meet?", False),
    ("place", "The request must be sent somewhere", "Where must the request be sent?", False),
    ("place", "In the Belgian capital, before the talks", "Where will he see her?", False),
    ("number", "More than a decade", "How long had the debate lasted?", True),
    ("number", "The debate had lasted a while", "How long had the debate lasted?", False),
])
def test_a_description_states_what_is_asked(kind, text, question, states):
    assert described(kind, text, question) is states


def test_a_described_answer_is_kept_and_a_restatement_is_not(embedder):
    text = ("Le juge peut alors décider d'une mesure de protection juridique par laquelle une "
            "autre personne l'aide à protéger ses intérêts.")
    question = "Who can decide on a legal protection measure?"
    kept = verify_answer("The judge can decide on a legal protection measure [1].",
                         [_passage(text)], question, embedder)
    assert not kept.rejected
    restated = verify_answer("A legal protection measure can be decided [1].",
                             [_passage(text)], question, embedder)
    assert restated.rejected


def test_a_family_name_after_a_title_line_is_alone():
    assert family_name_alone("Stoltenberg", "Chef de l'OTAN\nStoltenberg a blâmé Moscou.")
    assert not family_name_alone("Trump", "Le président Donald Trump a parlé.")
