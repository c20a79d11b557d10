"""Numbers a sentence computes from its passage (qa/answer/derived.py), with the real
multilingual embedder: a day count between two dates, years between two years, a count of the
names a passage lists, "a decade" or "half" for the passage's figure are kept; the same
sentence with the number changed is rejected."""

import pytest

from qa.answer.claims import claims
from qa.answer.derived import amount_claims, amount_supported, derived_number
from qa.embed import make_embedder
from tests.test_verify_roles import verdict

SUMMIT = ("OSLO, 4 May 2024 - The ministers will meet in Bergen on 6 May, and the leaders "
          "will gather in Tromso on 20 May.")
MINE = "The mine opened in 1987 and closed in 2003, after a long decline of its coal seams."
FUNDS = "The fund is shared between UNICEF and the health ministries of Kenya and Ghana."
PERMIT = "Le permis est accordé pour une durée de 10 ans renouvelable."
LOAN = "Les intérêts sont pris en charge à hauteur de 50 % par la commune."


@pytest.fixture(scope="module")
def embedder():
    """The real fast embedder."""
    return make_embedder("fast")


def _number(sentence: str):
    return next(c for c in claims(sentence) if c.kind == "number")


def test_day_counts_between_two_dates_either_way_and_across_months():
    assert derived_number(_number("quatorze jours après"), "quatorze jours après", SUMMIT)
    assert derived_number(_number("fifteen days in all"), "fifteen days in all", SUMMIT)
    assert not derived_number(_number("thirteen days"), "thirteen days", SUMMIT)
    across = "Announced on 18 August, the strike starts on 2 September."
    assert derived_number(_number("15 days later"), "15 days later", across)
    assert not derived_number(_number("13 days later"), "13 days later", across)


def test_years_between_two_years_and_names_counted_in_a_list():
    assert derived_number(_number("seize ans"), "après seize ans", MINE)
    assert not derived_number(_number("quinze ans"), "après quinze ans", MINE)
    assert derived_number(_number("three bodies"), "three bodies share it", FUNDS)
    assert not derived_number(_number("four bodies"), "four bodies share it", FUNDS)
    # a number with a unit of time is never a count of names
    assert not derived_number(_number("three years"), "three years", FUNDS)


def test_vague_amounts_hold_only_near_the_passage_figure():
    decade = amount_claims("For a decade.")[0]
    assert amount_supported(decade, PERMIT)
    assert not amount_supported(decade, "Le permis est accordé pour 5 ans.")
    assert amount_supported(amount_claims("more than a decade")[0], "open since 2011 (2025)")
    assert not amount_supported(amount_claims("a dozen")[0], "huit diplomates expulsés")
    assert amount_supported(amount_claims("half of it")[0], LOAN)
    assert not amount_claims("trois décennies")  # a number with its unit: see below
    thirty = "I have not seen worse in thirty years."
    assert derived_number(_number("three decades"), "in three decades", thirty)
    assert not derived_number(_number("two decades"), "in two decades", thirty)


@pytest.mark.parametrize("sentence,kept", [
    ("The leaders gather fourteen days after the ministers [1].", True),
    ("The leaders gather twelve days after the ministers [1].", False),
    ("La mine a fonctionné seize ans, de 1987 à 2003 [1].", True),
    ("La mine a fonctionné dix-huit ans, de 1987 à 2003 [1].", False),
    ("Le fonds est partagé entre trois organismes [1].", True),
    ("Le fonds est partagé entre cinq organismes [1].", False),
])
def test_computed_numbers_are_kept_and_changed_ones_rejected(sentence, kept, embedder):
    text = {"leaders": SUMMIT, "mine": MINE, "fonds": FUNDS}
    passage = next(t for k, t in text.items() if k in sentence)
    ok, reason = verdict(sentence, passage, embedder)
    assert ok is kept, reason
    if not kept:
        assert "not in the cited passage" in reason


def test_a_decade_for_five_years_is_rejected(embedder):
    ok, _ = verdict("It is granted for a decade [1].", PERMIT, embedder)
    assert ok
    ok, reason = verdict("It is granted for a decade [1].", "Il est accordé pour 5 ans.",
                         embedder)
    assert not ok and "amount 'decade'" in reason
