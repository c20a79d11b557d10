"""Names in swapped roles, a place adjective placed by the question, and a content word put in
the place of another, with the real multilingual embedder and invented passages
(qa/answer/roles.py, qa/answer/located.py, qa/answer/substitution.py)."""

import pytest

from qa.answer.located import unlocated_adjective
from qa.answer.roles import swapped_roles
from qa.answer.substitution import substituted_word
from qa.answer.verify import check_sentence
from qa.results import Passage

LOAN = ("Selon le porte-parole, Oslo avait reçu une demande de prêt de Stockholm concernant le "
        "nouveau pont.")
PERMITS = ("Le permis de pêche se demande en ligne.\nPermis de pêche en mer\nPour un résident "
           "à l'année\nIl faut écrire au maire de Lannion.\nPour un touriste en vacances\nIl "
           "faut écrire au maire de Brest.")
FERRY = ("The ferry across the sound has run since 1971 and will be sold once the tunnel opens. "
         "The council expects the tunnel to carry 9,000 cars a day.")


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


@pytest.mark.parametrize(("sentence", "substituted"), [
    ("The ferry across the sound has run since 1971 and will be expanded once the tunnel "
     "opens.", "expanded"),
    ("The ferry across the sound has run since 1971 and will be sold once the tunnel opens.",
     ""),
    ("The council expects the tunnel to carry 9,000 lorries a day.", "lorries"),
    ("Le ferry sera vendu à l'ouverture du tunnel.", ""),  # another language: not copied
])
def test_a_word_changed_between_copied_words(sentence, substituted, vectors):
    assert substituted_word(sentence, FERRY, vectors) == substituted


def test_a_restatement_held_by_a_function_word_on_one_side_is_not_a_change(vectors):
    passage = "It was their first ferry strike since 1998, the union said."
    assert substituted_word("Their previous ferry strike was in 1998.", passage, vectors) == ""
    assert substituted_word("It was their first bus strike since 1998.", passage,
                            vectors) == "bus"


def test_the_verifier_rejects_swapped_roles_and_keeps_the_right_order(embedder):
    passage = [Passage("p1", "d1", "", "d1.txt", LOAN, 0, len(LOAN), 0.9)]
    wrong = check_sentence("Stockholm received a loan request from Oslo [1].", passage,
                           "Who received the loan request?", embedder)
    right = check_sentence("Oslo received a loan request from Stockholm [1].", passage,
                           "Who received the loan request?", embedder)
    assert not wrong.verified and "Stockholm" in wrong.reason
    assert right.verified, right.reason
