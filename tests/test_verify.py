"""The citation verifier: hand-made answers (numbers, dates, names, meaning, [n] markers) with
the real multilingual embedder, and the verifier set's test half served by a real loopback
OpenAI-compatible server through the openai path (bench/verifier_set.py)."""

import pytest

from bench.verifier_set import load, run, summarize
from qa.answer.verify import check_sentence, claims, split_answer, verify_answer
from qa.results import Passage

P1 = ("Le secrétaire général de l'OTAN, Jens Stoltenberg, a décidé de tenir une réunion du "
      "Conseil OTAN-Russie (NRC) le 12 janvier. La réunion se tiendra à Bruxelles. En octobre, "
      "l'OTAN a expulsé huit diplomates russes.")
P2 = ("Les pourparlers entre les États-Unis et la Russie sur la sécurité auront lieu le 10 "
      "janvier à Genève, a confirmé Maria Zakharova.")
PASSAGES = [Passage("p1", "d1", "OTAN", "a1.txt", P1, 0, len(P1)),
            Passage("p2", "d2", "Genève", "a2.txt", P2, 0, len(P2))]


@pytest.fixture()
def verdict(embedder):
    """verdict(sentence) -> (kept, reason) against PASSAGES."""
    def check(sentence: str) -> tuple[bool, str]:
        checked = check_sentence(split_answer(sentence)[0], PASSAGES, "", embedder)
        return checked.verified, checked.reason
    return check


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
    "The meeting will be held in Brussels [1].",  # names written the English way
    "NATO Secretary General Jens Stoltenberg called the meeting [1].",
    "The talks between the United States and Russia will take place in Geneva [2].",
    "Maria Zakharova confirmed that the talks will be held in Geneva on January 10 [2].",
    "Yes. The meeting will be held in Brussels [1].",
    # a count of the items the sentence itself lists
    "Il y aura deux réunions : à Bruxelles et à Genève [1][2].",
    "Two cities were named, Brussels and Geneva [1][2].",
])
def test_correct_sentences_pass(sentence, verdict):
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
    ("Il y aura trois réunions : à Bruxelles et à Genève [1][2].", "number 'trois'"),
    ("Three cities were named, Brussels and Geneva [1][2].", "number 'three'"),
    ("The UN will attend [1].", "UN"),
    ("The meeting will be held in Vienna [1].", "Vienna"),  # a place of the same kind
    ("The talks will take place in Geneva, confirmed Maria Lavrova [2].", "Lavrova"),
    ("NATO expelled eight Russian diplomats in a chemical dispute [1].", "chemical"),
    ("La réunion ne se tiendra pas à Bruxelles [1].", "polarity"),
    ("The meeting will not be held in Brussels [1].", "polarity"),
])
def test_wrong_sentences_fail_with_reason(sentence, why, verdict):
    ok, reason = verdict(sentence)
    assert not ok
    assert why in reason


def test_numbers_words_and_digits_are_the_same_claim():
    assert [c.key for c in claims("huit [1]")] == [c.key for c in claims("8 [1]")]
    assert [c.key for c in claims("eight")] == ["8"]
    assert [c.key for c in claims("12 000 soldats")] == [c.key for c in claims("12,000 troops")]


def test_verified_answer_is_renumbered_in_order_of_first_use_with_quotes(embedder):
    result = verify_answer(
        "Les pourparlers auront lieu à Genève [2]. La réunion du NRC aura lieu le 12 janvier "
        "[1]. Elle sera présidée par Antony Blinken [1]. Zakharova l'a confirmé [2].", PASSAGES,
        "", embedder)
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


@pytest.mark.parametrize(("question", "answer", "kept"), [
    ("When will the NATO-Russia Council meet?", "The NATO-Russia Council will meet [1].", False),
    ("When will the NATO-Russia Council meet?", "It will meet on January 12 [1].", True),
    ("Combien de diplomates l'OTAN a-t-elle expulsés ?", "L'OTAN a expulsé des diplomates [1].",
     False),
    ("Combien de diplomates l'OTAN a-t-elle expulsés ?", "Huit diplomates russes [1].", True),
    ("Where will the meeting be held?", "The meeting will be held [1].", False),
    ("Where will the meeting be held?", "It will be held in Brussels [1].", True),
    ("Who will hold the meeting?", "The meeting will be held [1].", False),
    ("Who is Jens Stoltenberg?", "He is the secretary general of the alliance [1].", True),
])
def test_an_answer_states_what_the_question_asks(question, answer, kept, embedder):
    result = verify_answer(answer, PASSAGES, question, embedder)
    assert bool(result.citations) is kept, [c.reason for c in result.checked]


@pytest.fixture(scope="module")
def test_half():
    """The verifier set's test half, served through the openai path (loopback server)."""
    return summarize(run(load("test")))["test"]


def test_verifier_set_keeps_right_answers(test_half):
    kept, total, _ = test_half["right"]
    assert kept >= 0.95 * total, f"{kept}/{total} right answers kept"


@pytest.mark.parametrize("kind", ["name", "number", "date"])
def test_verifier_set_never_keeps_a_changed_fact(test_half, kind):
    assert test_half[f"wrong/{kind}"][0] == 0, test_half[f"wrong/{kind}"]


@pytest.mark.xfail(strict=True, reason="a place the passage holds in another role ('Carsat "
                   "Normandie' for the office of overseas residents) is not caught yet")
def test_verifier_set_never_keeps_a_changed_place(test_half):
    assert test_half["wrong/place"][0] == 0, test_half["wrong/place"]


def test_verifier_set_catches_changed_negation(test_half):
    kept, total, _ = test_half["wrong/negation"]
    assert kept <= 0.2 * total, f"{kept}/{total} negated answers kept"


@pytest.mark.xfail(strict=True, reason="single-word e5 similarity does not tell a changed content "
                   "word ('chemical' for 'nucléaire', .87) from a loose translation ('brink' ~ "
                   "'bord', .84)")
def test_verifier_set_catches_changed_content_words(test_half):
    kept, total, _ = test_half["wrong/content"]
    assert kept <= 0.2 * total, f"{kept}/{total} answers with a changed word kept"


def test_words_are_compared_as_written_accents_included(embedder):
    # "tempête" ~ "storm" only with its accent (folded "tempete" falls below the floor).
    text = "A storm left 38,000 homes without power across the county on Sunday night."
    passage = Passage("p3", "d3", "Storm", "a3.txt", text, 0, len(text))
    checked = check_sentence("La tempête a privé 38 000 foyers d'électricité [1].", [passage],
                             "", embedder)
    assert checked.verified, checked.reason
