"""The citation verifier on hand-made answers: numbers, dates, names and [n] markers."""

import pytest

from qa.answer.verify import check_sentence, claims, split_answer, verify_answer
from qa.results import Passage

P1 = ("Le secrétaire général de l'OTAN, Jens Stoltenberg, a décidé de tenir une réunion du "
      "Conseil OTAN-Russie (NRC) le 12 janvier. La réunion se tiendra à Bruxelles. En octobre, "
      "l'OTAN a expulsé huit diplomates russes.")
P2 = ("Les pourparlers entre les États-Unis et la Russie sur la sécurité auront lieu le 10 "
      "janvier à Genève, a confirmé Maria Zakharova.")
PASSAGES = [Passage("p1", "d1", "OTAN", "a1.txt", P1, 0, len(P1)),
            Passage("p2", "d2", "Genève", "a2.txt", P2, 0, len(P2))]


def verdict(sentence: str) -> tuple[bool, str]:
    checked = check_sentence(split_answer(sentence)[0], PASSAGES)
    return checked.verified, checked.reason


@pytest.mark.parametrize("sentence", [
    "La réunion du Conseil OTAN-Russie aura lieu le 12 janvier [1].",
    "The NATO-Russia Council will meet on January 12 [1].",
    "NATO expelled 8 Russian diplomats in October [1].",
    "NATO expelled eight Russian diplomats [1].",
    "L'OTAN a expulsé huit diplomates [1].",
    "The US-Russia talks will take place in Geneva on 10 January [2].",
    "Les pourparlers auront lieu à GENEVE [2].",
    "Jens Stoltenberg a convoqué la réunion [1] et Maria Zakharova l'a confirmée [2].",
    "La réunion se tiendra à Bruxelles. [1]",
    "Les réunions auront lieu en janvier [1, 2].",
    "Finalement, la réunion aura lieu à Bruxelles [1].",
    "The diplomats were expelled [1].",
    "La réunion est confirmée [2].",
])
def test_correct_sentences_pass(sentence):
    ok, reason = verdict(sentence)
    assert ok, reason


@pytest.mark.parametrize(("sentence", "why"), [
    ("NATO expelled seven Russian diplomats [1].", "number 'seven'"),
    ("L'OTAN a expulsé 7 diplomates [1].", "number '7'"),
    ("La réunion aura lieu le 13 janvier [1].", "date"),
    ("The meeting is on March 12 [1].", "date"),
    ("The talks will be held in Geneva [1].", "Geneva"),  # wrong [n]: Geneva is in [2]
    ("La réunion aura lieu le 12 janvier [3].", "only 2 passages"),  # no such passage
    ("La réunion aura lieu le 12 janvier.", "no [n]"),  # missing marker
    ("Antony Blinken a annoncé la réunion [1].", "Antony"),  # name not in the passage
    ("La réunion a été annoncée par le président Emmanuel Macron [1][2].", "Emmanuel"),
    ("The meeting will take place on Monday [1].", "Monday"),
    ("Les deux réunions auront lieu en janvier [1, 2].", "number 'deux'"),
    ("The UN will attend [1].", "UN"),
    ("The text between the tags contains the passage number [1].", "shares no words"),
])
def test_wrong_sentences_fail_with_reason(sentence, why):
    ok, reason = verdict(sentence)
    assert not ok
    assert why in reason


def test_numbers_words_and_digits_are_the_same_claim():
    assert [c.key for c in claims("huit [1]")] == [c.key for c in claims("8 [1]")]
    assert [c.key for c in claims("eight")] == ["8"]
    assert [c.key for c in claims("12 000 soldats")] == [c.key for c in claims("12,000 troops")]


def test_verified_answer_is_renumbered_in_order_of_first_use_with_quotes():
    result = verify_answer(
        "Les pourparlers auront lieu à Genève [2]. La réunion du NRC aura lieu le 12 janvier "
        "[1]. Elle sera présidée par Antony Blinken [1]. Zakharova l'a confirmé [2].", PASSAGES)
    assert result.text == ("Les pourparlers auront lieu à Genève [1]. La réunion du NRC aura "
                           "lieu le 12 janvier [2]. Zakharova l'a confirmé [1].")
    assert [c.doc_id for c in result.citations] == ["d2", "d1"]
    assert [c.number for c in result.citations] == [1, 2]
    quote = result.citations[1].quote
    assert "12 janvier" in quote and quote in result.citations[1].text
    assert result.citations[1].quote_span is not None
    assert [s.verified for s in result.sentences] == [True, True, False, True]
    assert result.sentences[2].citations == ()
    assert result.sentences[1].citations == (2,)
    assert len(result.rejected) == 1 and "Antony" in result.rejected[0].reason


def test_nothing_verifiable_gives_no_citation():
    result = verify_answer("The meeting is on 3 March. It was called by Biden [1].", PASSAGES)
    assert result.citations == [] and result.text == ""
    assert [s.verified for s in result.sentences] == [False, False]


def test_markers_after_the_full_stop_and_grouped_markers_are_understood():
    assert split_answer("Le 12 janvier. [1] À Genève [2].") == ["Le 12 janvier [1].",
                                                                "À Genève [2]."]
    assert split_answer("En janvier [1, 2].") == ["En janvier [1][2]."]
    assert split_answer("[1]\n- Le 12 janvier [1].") == ["Le 12 janvier [1]."]


def test_markers_before_sentences_are_moved_after_them():
    assert split_answer("[1] The NRC meets on January 12th. [2] It is in Geneva.") == [
        "The NRC meets on January 12th [1].", "It is in Geneva [2]."]
    result = verify_answer("[1] The NRC meets on January 12th.", PASSAGES)
    assert result.text == "The NRC meets on January 12th [1]."
