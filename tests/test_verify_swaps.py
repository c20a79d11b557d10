"""Names in swapped roles and a place adjective placed by the question, with the real
multilingual embedder and invented passages (qa/answer/roles.py, qa/answer/located.py)."""

import pytest

from qa.answer.located import unlocated_adjective
from qa.answer.roles import swapped_roles
from qa.answer.verify import check_sentence
from qa.results import Passage

LOAN = ("Selon le porte-parole, Oslo avait reçu une demande de prêt de Stockholm concernant le "
        "nouveau pont.")
PERMITS = ("Le permis de pêche se demande en ligne.\nPermis de pêche en mer\nPour un résident "
           "à l'année\nIl faut écrire au maire de Lannion.\nPour un touriste en vacances\nIl "
           "faut écrire au maire de Brest.")


@pytest.mark.parametrize(("sentence", "swapped"), [
    ("Stockholm received a loan request from Oslo about the new bridge.", "Stockholm"),
    ("Oslo received a loan request from Stockholm about the new bridge.", ""),
    ("A loan request from Stockholm was received by Oslo.", ""),
])
def test_two_names_swapped_around_what_links_them(sentence, swapped, vectors):
    assert swapped_roles(sentence, LOAN, vectors) == swapped


@pytest.mark.parametrize(("sentence", "question", "unlocated"), [
    ("Il faut écrire au maire lannionais.",
     "Pour un touriste, à quel maire faut-il écrire ?", "lannionais"),
    ("Il faut écrire au maire lannionais.",
     "Pour un résident à l'année, à quel maire faut-il écrire ?", ""),
])
def test_a_place_adjective_is_placed_by_the_question(sentence, question, unlocated, vectors):
    assert unlocated_adjective(sentence, PERMITS, question, vectors) == unlocated


def test_the_verifier_rejects_swapped_roles_and_keeps_the_right_order(embedder):
    passage = [Passage("p1", "d1", "", "d1.txt", LOAN, 0, len(LOAN), 0.9)]
    wrong = check_sentence("Stockholm received a loan request from Oslo [1].", passage,
                           "Who received the loan request?", embedder)
    right = check_sentence("Oslo received a loan request from Stockholm [1].", passage,
                           "Who received the loan request?", embedder)
    assert not wrong.verified and "Stockholm" in wrong.reason
    assert right.verified, right.reason
