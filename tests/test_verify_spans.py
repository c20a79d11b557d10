"""Counts of years, weeks or days a sentence computes from its passage's years or dates
(qa/answer/spans.py): the span between them is supported, any other count of that unit is not."""

import pytest

from qa.answer.claims import claims
from qa.answer.spans import computed_span

DAM = "The dam was closed in 2011 and the new reservoir is due to open in 2019."
VOTE = "GLASGOW, 28 March 2024 - The union announced the ballot today; voting ends on 9 April."


def _count(sentence: str) -> bool:
    numbers = [c for c in claims(sentence) if c.kind == "number" and len(str(c.key)) < 4]
    return computed_span(numbers[0], sentence, [DAM, VOTE])


@pytest.mark.parametrize(("sentence", "supported"), [
    ("Huit ans : le barrage a fermé en 2011 [1].", True),
    ("Nine years after the dam closed [1].", False),
    ("Voting ends twelve days after the announcement [1].", True),
    ("Le vote se termine treize jours après l'annonce [1].", False),
    ("Il faudra attendre huit mois [1].", False),  # no month count is computed
    ("Voting lasts 12 rounds [1].", False),  # not a time unit
])
def test_a_span_between_stated_years_or_dates_is_supported(sentence, supported):
    assert _count(sentence) is supported
