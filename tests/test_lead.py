"""How a short answer is worded in the question's language (qa.answer.lead.render_short) and
which sentences sum an article up (qa.answer.extractive.sums_up); no model needed."""

import pytest

from qa.answer.extractive import Candidate, sums_up
from qa.answer.lead import render_short
from qa.results import Passage


@pytest.mark.parametrize("kind, short, language, worded", [
    ("number", "deux jours", "en", "two days"),
    ("number", "trois", "en", "three (3)"),
    ("date", "En octobre", "en", "in October"),
    ("date", "vendredi", "en", "Friday"),
    ("date", "12 janvier", "en", "12 January"),
    ("date", "Sunday", "fr", "dimanche"),
    ("date", "in June", "fr", "en juin"),
    ("number", "Three", "fr", "trois"),
    ("date", "28 November", "fr", "le 28 novembre"),
    ("number", "1,450 kilograms", "fr", "1,450 kilograms"),
    ("date", "Depuis 2002", "en", "since 2002"),
    ("date", "Début de 2022", "en", "early 2022"),
    ("date", "fin octobre 2021", "en", "late October 2021"),
    ("date", "en 2014", "en", "in 2014"),
    ("date", "après le 12 janvier", "en", "after 12 January"),
    ("date", "depuis 2002", "fr", "depuis 2002"),
])
def test_short_answers_are_worded_in_the_question_language(kind, short, language, worded):
    # French date words ("depuis", "début", "fin") are worded in English too
    assert render_short(kind, short, language) == worded


def test_headline_and_dateline_sentences_sum_the_article_up():
    text = ("Bank fined after data breach\n\nLONDON, 9 July 2025 - The regulator fined the bank "
            "on Tuesday. They copied names and addresses.")
    passage = Passage(id="p", doc_id="d", title="Bank fined after data breach", source="s",
                      text=text, start=0, end=len(text), score=1.0)

    def sentence(words: str) -> Candidate:
        start = text.index(words)
        return Candidate(0, passage, start, start + len(words), words)

    assert sums_up(sentence("Bank fined after data breach"))
    assert sums_up(sentence("LONDON, 9 July 2025 - The regulator fined the bank on Tuesday."))
    assert not sums_up(sentence("They copied names and addresses."))
