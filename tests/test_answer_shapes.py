"""Answers whose shape the question sets (real Chroma, real embedder, articles of our own):
"A before or after B?" from the two events' dates, a country given only by its adjective,
the figure of the clause the question is about, days counted from dates (not "two towns"),
and a follow-up whose "he" is not its answer.
"""

import pytest

from qa import QA
from qa.answer.countries import country_code
from qa.answer.kinds import question_kind
from qa.answer.order import compare, dates_in, order_sides
from tests.conftest import bot_over

HALL = """Millbrook council picks a builder for its new concert hall

MILLBROOK, 2 June 2025 - The council of Millbrook chose a builder for its concert hall on
Tuesday. The contract went to Fjordbygg, a Norwegian engineering firm.

Building work will begin on 14 July and the hall should open in the spring of 2027.
The council will publish the full plans on 30 June, after residents have been consulted.

Sales rose by 12 per cent at the old theatre, while the town museum's sales fell 3 per cent.

An opening festival with the two twin towns will be held on 4 and 5 October.
Mayor Ruth Calder said the hall was "the boldest thing this town has done in a century".
Moran, accompanied by the chief engineer Tomas Haug, will travel to Bergen in August.
"""


@pytest.fixture(scope="module")
def hall_bot(tmp_path_factory: pytest.TempPathFactory) -> QA:
    return bot_over(tmp_path_factory.mktemp("hall"), {"hall.txt": HALL})


def _lead(answer) -> str:
    return answer.text.split("\n\n", 1)[0]


def test_before_or_after_is_read_from_the_two_dates(hall_bot):
    answer = hall_bot.ask("Will the plans be published before or after building work begins?")
    assert not answer.refused and _lead(answer).startswith("Before"), answer.text
    french = hall_bot.ask("Les travaux commenceront-ils avant ou après la publication des plans ?")
    assert _lead(french).startswith("Après"), french.text


def test_a_country_given_by_its_adjective_answers_which_country(hall_bot):
    answer = hall_bot.ask("Which country is the engineering firm from?")
    assert _lead(answer).startswith("Norway"), answer.text
    assert _lead(hall_bot.ask("De quel pays vient l'entreprise ?")).startswith("Norvège")


def test_the_figure_of_the_clause_the_question_names(hall_bot):
    answer = hall_bot.ask("By how much did sales at the old theatre change?")
    assert _lead(answer).startswith("12 per cent"), answer.text


def test_days_are_counted_from_durations_and_dates_not_other_counts(hall_bot):
    answer = hall_bot.ask("How many days will the opening festival last?")
    assert _lead(answer).startswith("2 days (4 and 5 October)"), answer.text


def test_the_person_a_follow_up_pronoun_stands_for_is_not_its_answer(hall_bot):
    history = [{"role": "user", "content": "Who is Tomas Haug?"},
               {"role": "assistant", "content": "The chief engineer [1]."}]
    answer = hall_bot.ask("Who will he travel with?", history=history)
    lead = _lead(answer)
    assert not answer.refused and "Moran" in lead and not lead.startswith("Tomas"), answer.text


def test_order_questions_dates_and_heads_are_parsed():
    assert question_kind("Did the amber warning come before or after the red one?").kind == "order"
    assert order_sides("Karen a-t-elle reçu le texte avant ou après que Moscou a publié son "
                       "projet ?") == ("Karen a-t-elle reçu le texte", "Moscou a publié son projet")
    (_, sept), = dates_in("Her budget is due by the end of September.")
    (_, may), = dates_in("She will be sworn in on 19 May.")
    assert compare(sept, may) == 1 and compare(may, sept) == -1
    (_, sat), (_, sun) = dates_in("issued on Saturday and raised on Sunday evening")
    assert compare(sat, sun) == -1 and compare(sat, may) == 0
    assert question_kind("Dans quelle partie du pays ?").kind != "country"
    assert question_kind("In what form did the diplomats meet?").kind != "person"
    assert question_kind("Which Russian officials did the EU sanction?").kind == "person"


def test_country_adjectives_come_from_cldr_names():
    assert [country_code(w) for w in ["russes", "autrichienne", "Norwegian", "Ethiopian",
                                      "ukrainien", "Lettonie"]] == [
        "RU", "AT", "NO", "ET", "UA", "LV"]
    assert [country_code(w) for w in ["franche", "militaire", "grenade", "européenne"]] == [
        None] * 4
