"""Questions in other words than their article's (real Chroma, real embedder, an English
article of our own): a count by another noun answers "how many X" when the article never names
X (qa/answer/counts.py), and a question word the passages never hold does not refuse when the
best sentence says what it means (qa.answer.meaning.paraphrased); a thing the article names
and does not count, or never speaks of, is still refused."""

import pytest

from qa import QA
from qa.answer.meaning import ELSEWHERE_GAIN, paraphrased
from qa.answer.vectors import WordVectors, word_vectors
from tests.conftest import bot_over

FLOOD = "\n\n".join([
    "Flood waters cut off Millbrook village",
    "MILLBROOK, 4 March 2025 - Heavy rain flooded the lower streets of Millbrook on Tuesday. "
    "Firefighters rescued nine people from stranded cars on the valley road.",
    "The council had ignored four warnings from its own engineers about the blocked drains.",
    "Shares in the Millbrook Water Company fell 6 per cent after the floods.",
    "A footbridge over the river was damaged by a falling tree."]) + "\n"


@pytest.fixture(scope="module")
def flood_bot(tmp_path_factory: pytest.TempPathFactory) -> QA:
    """A bot over one English article on a flood."""
    return bot_over(tmp_path_factory.mktemp("flood"), {"flood.txt": FLOOD})


@pytest.mark.parametrize(("question", "lead"), [
    ("How many motorists were rescued from stranded vehicles in Millbrook?", "Nine"),
    ("How many times had engineers alerted the Millbrook council about the drains?", "Four"),
])
def test_a_count_by_another_noun_answers_when_the_article_never_names_it(
        flood_bot, question, lead):
    answer = flood_bot.ask(question)
    assert not answer.refused, answer.text
    assert answer.text.startswith(lead), answer.text


def test_a_count_of_something_else_than_a_named_thing_is_refused(flood_bot):
    answer = flood_bot.ask("How many trees fell on the Millbrook footbridge?")
    assert answer.refused and answer.citations == [], answer.text


def test_a_paraphrased_word_is_said_by_the_sentence_an_unmentioned_one_is_not(flood_bot):
    vectors = word_vectors(flood_bot.answerer.embedder)
    warnings = ("The council had ignored four warnings from its own engineers about the "
                "blocked drains.")
    asked = "How many warnings had the Millbrook council received from its technicians?"
    assert paraphrased(asked, "technicians", warnings, vectors)
    assert not paraphrased(asked.replace("technicians", "insurers"), "insurers", warnings,
                           vectors)
    answer = flood_bot.ask(asked)
    assert not answer.refused and answer.text.startswith("Four"), answer.text
    for question in ["How many warnings had the Millbrook council received from its insurers?",
                     "What was the temperature in Millbrook on Tuesday?"]:
        refused = flood_bot.ask(question)
        assert refused.refused and refused.citations == [], refused.text


class CountingEmbedder:
    """The real embedder, counting the passages it is asked to embed."""

    def __init__(self, embedder) -> None:
        self.embedder, self.passages = embedder, 0

    def embed_passages(self, texts: list[str]):
        self.passages += len(texts)
        return self.embedder.embed_passages(texts)

    def __getattr__(self, name: str):
        return getattr(self.embedder, name)


def test_a_sentence_is_embedded_once_for_every_word_the_gate_tests(flood_bot):
    """`paraphrased` runs once per missing word over the same best sentence: its passage
    vector is the embedder's own, computed once."""
    counting = CountingEmbedder(flood_bot.answerer.embedder)
    vectors = WordVectors(counting)
    sentence = "Firefighters rescued nine people from stranded cars on the valley road."
    asked = "How many motorists did the fire brigade rescue from stranded vehicles?"
    said = [paraphrased(asked, word, sentence, vectors) for word in ("motorists", "vehicles")]
    assert counting.passages == 1, said
    own = counting.embedder.embed_passages([sentence])[0]
    assert float(vectors.passage(sentence) @ own) > 0.9999


def test_an_adjective_the_sentence_implies_is_paraphrased_a_changed_one_is_not(flood_bot):
    """"the old footbridge" is said by "replaces one built in 1964" (a pull between the bar and
    the one counted words need, `ELSEWHERE_GAIN`); "the wooden footbridge" is not said."""
    vectors = word_vectors(flood_bot.answerer.embedder)
    replaced = ("The new footbridge replaces one built in 1964, which the council said was no "
                "longer safe.")
    old = "In which year was the old footbridge over the river built?"
    assert paraphrased(old, "old", replaced, vectors)
    assert not paraphrased(old, "old", replaced, vectors, ELSEWHERE_GAIN)
    assert not paraphrased(old.replace("old", "wooden"), "wooden", replaced, vectors)
