"""The meaning judge (qa/entail.py) with the real bundled Qwen GGUF behind a real loopback
llama.cpp server: it keeps a cross-language paraphrase and catches a swapped content word and
an added negation, which the embedder-based word checks cannot tell apart."""

from __future__ import annotations

import pytest

from qa.answer.judging import loose_words
from qa.answer.local import LlamaServer, assemble_model
from qa.answer.verify import strip_markers, verify_answer
from qa.embed import make_embedder
from qa.entail import LlamaJudge, make_entailment, yes_share
from qa.results import Passage
from qa.settings import Settings
from tests.test_local_model import needs_qwen

TEXT = ("Le conseil municipal a voté jeudi le renforcement des sanctions contre les entreprises "
        "qui polluent la rivière. Le maire a déclaré que la mesure entrerait en vigueur en mars.")
PASSAGES = [Passage("p::0", "p", "", "p.txt", TEXT, 0, len(TEXT))]
TAIL = "sanctions on companies polluting the river [1]."
KEPT = f"The city council voted on Thursday to toughen {TAIL}"
SWAPPED = f"The city council voted on Thursday to lift {TAIL}"
NEGATED = f"The city council did not vote to toughen {TAIL}"


def test_support_is_the_share_of_yes_among_the_first_token_alternatives():
    top = [{"token": "Yes", "logprob": -0.1}, {"token": " no", "logprob": -2.4},
           {"token": "Maybe", "logprob": -3.0}]
    assert yes_share(top) == pytest.approx(0.909, abs=0.001)
    assert yes_share([{"token": "Maybe", "logprob": -0.1}]) == 0.5


def test_the_judge_is_off_unless_asked():
    assert make_entailment(Settings()) is None
    judge = make_entailment(Settings(entail="local", entail_threshold=0.6), lambda: "x")
    assert isinstance(judge, LlamaJudge) and judge.threshold == 0.6


@pytest.fixture(scope="module")
def judge():
    """The judge on a real llama.cpp server with the bundled Qwen model."""
    path = assemble_model(Settings().local_models_dir)
    with LlamaServer(path, context=2048, threads=2) as server:
        yield make_entailment(Settings(entail="local"), lambda: server.url)


@needs_qwen
@pytest.mark.server
def test_the_judge_keeps_a_translation_and_catches_a_swap_and_a_negation(judge):
    kept, swapped, negated = (judge.support(TEXT, s) for s in (KEPT, SWAPPED, NEGATED))
    assert kept >= judge.threshold > max(swapped, negated), (kept, swapped, negated)


@needs_qwen
@pytest.mark.server
def test_the_verifier_rejects_a_swap_its_word_checks_miss_and_says_why(judge):
    """With the real embedder, 'lift' passes the word checks as a loose translation of
    'renforcement' (what e5 cannot tell apart); the judge rejects it."""
    embedder = make_embedder("fast")
    without = verify_answer(f"{KEPT} {SWAPPED}", PASSAGES, "", embedder)
    assert [s.verified for s in without.sentences] == [True, True]
    result = verify_answer(f"{KEPT} {SWAPPED}", PASSAGES, "", embedder, judge)
    assert [s.verified for s in result.sentences] == [True, False]
    assert "judge" in result.checked[1].reason, result.checked[1].reason


class _Counting:
    """A judge that finds nothing stated (support 0) and counts what it is asked: it shows
    which sentences the verifier sends to the judge and what premise it shows."""

    threshold = 0.5

    def __init__(self) -> None:
        self.asked: list[tuple[str, str]] = []

    def support(self, premise: str, statement: str) -> float:
        self.asked.append((premise, statement))
        return 0.0


LONG = ("The museum board met on Wednesday in Glasgow. The board decided to return 23 bronze "
        "sculptures to Nigeria. The handover will take place at a ceremony in Lagos in June. "
        "The museum will keep replicas made with the agreement of the Nigerian side.")
LONG_PASSAGES = [Passage("m::0", "m", "", "m.txt", LONG, 0, len(LONG))]


def test_loose_words_are_the_ones_without_a_same_word_stem_or_cognate():
    assert loose_words("The board decided to return the sculptures.", LONG) == []
    assert loose_words("The board voted to sell the sculptures.", LONG) == ["voted", "sell"]
    assert loose_words("Le conseil a voté les sanctions.", TEXT) == []  # same words, French


def test_an_exact_restatement_never_goes_to_the_judge_and_a_reworded_one_does():
    embedder = make_embedder("fast")
    judge = _Counting()
    same = "The board decided to return 23 bronze sculptures to Nigeria [1]."
    reworded = "The board agreed to give 23 bronze sculptures back to Nigeria [1]."
    result = verify_answer(f"{same} {reworded}", LONG_PASSAGES, "", embedder, judge)
    assert [s.verified for s in result.sentences] == [True, False]
    assert [(p.strip(), s) for p, s in judge.asked] == [(LONG, strip_markers(reworded))]


@needs_qwen
@pytest.mark.server
def test_the_judge_keeps_a_translation_and_catches_a_swap_in_a_longer_passage(judge):
    """Through the verifier (default settings): the English paraphrase of a French passage
    among unrelated sentences is kept; the same sentence with one changed word is not."""
    text = ("La réunion s'est tenue mardi à Lyon. " + TEXT
            + " Les associations de pêcheurs ont salué cette décision.")
    passages = [Passage("q::0", "q", "", "q.txt", text, 0, len(text))]
    result = verify_answer(f"{KEPT} {SWAPPED}", passages, "", make_embedder("fast"), judge)
    assert [s.verified for s in result.sentences] == [True, False], result.checked
