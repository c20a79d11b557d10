"""Negation said another way (qa/answer/polarity.py): "X rather than Y" is "X, not Y", a bare
French "pas" negates ("mais pas les mots de passe"), and a passage clause of one word and its
negation ("but not passwords") is a clause; each with a wrong twin that stays rejected."""

import pytest

from qa.answer.polarity import negative, polarity_clash
from qa.answer.vectors import word_vectors

LOOTED = ('"These objects were looted. Returning them is not generosity, it is justice," said '
          "the museum's director, Dr Hamish Rankin.")
COPIED = ("The attackers entered the bank's systems through a supplier's account. They copied "
          "names, addresses and account numbers, but not passwords.")


@pytest.mark.parametrize(("clause", "negated"), [
    ("mais pas les mots de passe", True),
    ("un pas en avant vers la paix", False),
    ("qui ne peut pas rejoindre l'alliance", True),
    ("au total, pas plus de 25 % du budget", False),  # a bound, with or without "ne"
    ("il ne dépasse pas plus de 25 % du budget", False),
])
def test_polarity_of_negations_said_another_way(clause, negated):
    assert negative(clause) is negated


@pytest.mark.parametrize(("sentence", "passage", "question", "clash"), [
    ("Returning them was a matter of justice rather than generosity.", LOOTED, "", False),
    ("Returning them was a matter of generosity rather than justice.", LOOTED, "", True),
    ("Des noms, des adresses et des numéros de compte, mais pas les mots de passe.", COPIED,
     "Et qu'ont-ils copié ?", False),
    ("Des noms, des adresses et les mots de passe, mais pas les numéros de compte.", COPIED,
     "Et qu'ont-ils copié ?", True),
])
def test_negation_said_another_way_agrees(sentence, passage, question, clash, embedder):
    found = polarity_clash(sentence, passage, word_vectors(embedder), question)
    assert bool(found) is clash
