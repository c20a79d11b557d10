"""Names in their place with the real multilingual embedder (qa/answer/placement.py): a name
in a short piece of a sentence ("and Lyon") is checked with its clause, a name the passage
gives to a fact said less like the clause's is misplaced, and a bare answer ("In Grenoble.")
must name a place the passage gives to the fact the question asks."""

import pytest

from qa.answer.placement import misplaced_name, name_clauses, unlocated_answer

COST = ("The tunnel cost 200 million euros, shared between the region and the cities of Porto "
        "and Vigo. It was designed by an engineering studio based in Lyon, which also drew the "
        "station.")
FESTIVAL = ("Le festival aura lieu à Lyon au mois de mai, a annoncé son directeur. L'an dernier, "
            "les organisateurs avaient réuni le jury à Grenoble. La billetterie ouvrira en mars.")


def test_short_pieces_join_their_clause_instead_of_being_dropped():
    assert name_clauses("De Lagos, par des soldats britanniques, en 1897.") == [
        "De Lagos, par des soldats britanniques, en 1897."]
    assert name_clauses("The cost was shared between the region and the governments of Spain "
                        "and France.")[-1] == "and the governments of Spain and France."


@pytest.mark.parametrize(("sentence", "misplaced"), [
    ("The 200 million euros were shared between the region and the cities of Porto and Lyon.",
     "Lyon"),
    ("The 200 million euros were shared between the region and the cities of Porto and Vigo.",
     ""),
])
def test_a_name_of_another_fact_of_the_passage_is_misplaced(sentence, misplaced, vectors):
    assert misplaced_name(sentence, [COST], vectors, {}) == misplaced


@pytest.mark.parametrize(("answer", "question", "unlocated"), [
    ("À Grenoble.", "Où se tiendra le festival ?", "Grenoble"),
    ("À Lyon.", "Où se tiendra le festival ?", ""),
    ("In Grenoble.", "Where did the organisers gather the jury last year?", ""),
    ("À Marseille.", "Où se tiendra le festival ?", ""),  # not in the passage: checked elsewhere
])
def test_a_bare_answer_names_the_place_of_the_asked_fact(answer, question, unlocated,
                                                         vectors):
    assert unlocated_answer(answer, FESTIVAL, question, vectors) == unlocated


def test_a_bare_answer_is_placed_by_its_question_not_by_its_clause(vectors):
    # "À Lyon." says nothing to rank the passage clauses by: the question places it.
    assert misplaced_name("À Lyon.", [FESTIVAL], vectors, {}) == ""
    assert unlocated_answer("À Lyon.", FESTIVAL, "Où le festival aura-t-il lieu ?", vectors) == ""
