"""Multi-word names aligned word by word (qa/answer/phrases.py) with the real multilingual
embedder: a translated name whose every word has a counterpart in the passage's name is kept;
a name with one word swapped, or with a word taken from elsewhere in the passage, is not."""

import pytest

from qa.answer.phrases import Phrase, sentence_names
from tests.test_verify_roles import verdict

STORM = ("Forecasters said the gale was the strongest to hit the valley since the Great Storm "
         "of 1952.")
UNION = ("The Transport Workers' Union rejected the offer of a 3 per cent pay rise, saying it "
         "was below inflation.")
COMMITTEE = ("Le porte-parole a déclaré que Vilnius accueillerait une réunion du Comité "
             "militaire de l'OTAN au niveau des chefs de la défense des États membres.")


def test_names_of_several_words_are_found_in_french_and_english():
    assert Phrase(("Grande", "Tempête")) in sentence_names("Depuis la Grande Tempête de 1952.")
    assert Phrase(("Syndicat", "travailleurs", "transports")) in sentence_names(
        "Le Syndicat des travailleurs des transports a rejeté l'offre.")
    # a list is several names, not one: "and" joins no name
    assert not any("Romania" in p.words and "Baltic" in p.words for p in sentence_names(
        "Troops would leave Romania and the Baltic states."))


@pytest.mark.parametrize("sentence", [
    "Selon les prévisionnistes, c'est la plus forte depuis la Grande Tempête de 1952 [1].",
    "Le Syndicat des travailleurs des transports a rejeté l'offre, inférieure à l'inflation [1].",
])
def test_a_translated_name_is_kept(sentence, embedder):
    ok, reason = verdict(sentence, STORM if "Tempête" in sentence else UNION, embedder)
    assert ok, reason


@pytest.mark.parametrize("sentence, text, word", [
    ("Selon les prévisionnistes, c'est la plus forte depuis la Grande Inondation de 1952 [1].",
     STORM, "Inondation"),
    ("Vilnius would host a meeting of the NATO Defence Committee [1].", COMMITTEE, "Defence"),
])
def test_a_name_with_a_swapped_word_is_rejected(sentence, text, word, embedder):
    ok, reason = verdict(sentence, text, embedder)
    assert not ok and word in reason, reason
