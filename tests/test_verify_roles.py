"""The verifier's role checks with the real multilingual embedder: a name the passage holds in
another slot (qa/answer/slots.py: another place or party fills it there) is a changed claim, a
word that is the passage's with a negative affix says the opposite (qa/answer/opposites.py),
and a coordinated predicate keeps its negation."""

import pytest

from qa.answer.meaning import WORD_SIM, passage_words
from qa.answer.opposites import aligned_opposite, bases, spelled_opposite
from qa.answer.slots import misplaced_slot, slots
from qa.answer.vectors import word_vectors
from qa.answer.verify import check_sentence, split_answer
from qa.embed import make_embedder
from qa.results import Passage

COUNCIL = ("La réunion du conseil, un format utilisé pour le dialogue depuis 2002, aura lieu à "
           "Bruxelles le 12 janvier après que les responsables américains et russes auront tenu "
           "des pourparlers sur la sécurité le 10 janvier à Genève.")
MOSCOW = ("Moscou veut des garanties que l'OTAN arrêtera son expansion vers l'Est et mettra fin à "
          "la coopération militaire avec l'Ukraine et la Géorgie, qui ont des différends "
          "territoriaux avec la Russie.")


@pytest.fixture(scope="module")
def embedder():
    """The real fast embedder (it has token states)."""
    return make_embedder("fast")


def verdict(sentence: str, text: str, embedder) -> tuple[bool, str]:
    """(kept, reason) of one sentence citing [1] = `text`."""
    passage = Passage("p", "d", "", "a.txt", text, 0, len(text))
    checked = check_sentence(split_answer(sentence)[0], [passage], "", embedder)
    return checked.verified, checked.reason


def assert_verdict(sentence: str, text: str, kept: bool, why: str, embedder) -> None:
    """The sentence is kept, or rejected with `why` in the reason."""
    ok, reason = verdict(sentence, text, embedder)
    assert ok is kept, reason
    if not kept:
        assert why in reason


def test_slots_are_names_after_a_preposition_with_their_context():
    found = slots(MOSCOW)
    assert [(s.name, s.place) for s in found] == [
        ("Est", True), ("Ukraine", False), ("Russie", False)]
    assert "Ukraine" not in found[1].context and "coopération militaire avec" in found[1].context


@pytest.mark.parametrize(("sentence", "text", "kept"), [
    ("The council meeting will take place in Geneva on 12 January [1].", COUNCIL, False),
    ("The council meeting will take place in Brussels on 12 January [1].", COUNCIL, True),
    ("US and Russian officials will hold security talks in Geneva on 10 January [1].", COUNCIL,
     True),
    ("Moscow wants NATO to end military cooperation with Russia [1].", MOSCOW, False),
    ("Moscow wants NATO to end military cooperation with Ukraine and Georgia [1].", MOSCOW, True),
])
def test_a_name_must_fill_its_own_slot_in_the_passage(sentence, text, kept, embedder):
    assert_verdict(sentence, text, kept, "another role", embedder)


def test_no_slot_check_without_an_embedder():
    assert misplaced_slot("The council will meet in Geneva.", COUNCIL, None) == ""


PROPOSALS = ("L’administration du président américain Joe Biden a déclaré que certaines des "
             "propositions de sécurité de la Russie étaient clairement inacceptables, mais "
             "Washington répondrait avec des idées plus concrètes concernant tout format de "
             "pourparlers.")
USEFUL = ("Il a estimé qu’il s’agissait d’une réunion utile pour tenter de désamorcer les "
          "tensions à un moment particulièrement sensible.")


def test_opposites_spelled_alike_are_found_by_their_negative_affix():
    assert spelled_opposite("acceptable", ["propositions", "inacceptables"]) == "inacceptables"
    assert spelled_opposite("useful", ["useless"]) == "useless"
    assert spelled_opposite("acceptable", ["acceptables", "propositions"]) == ""
    assert spelled_opposite("unacceptable", ["inacceptables"]) == ""  # both negative
    assert bases("united") == [] and bases("useless") == ["useful", "use"]


@pytest.mark.parametrize(("sentence", "text", "kept"), [
    ("Russia's security proposals were clearly unacceptable, the Biden administration said "
     "[1].", PROPOSALS, True),
    ("Russia's security proposals were clearly acceptable, the Biden administration said [1].",
     PROPOSALS, False),
    ("He considered it a useful meeting to try to defuse tensions [1].", USEFUL, True),
    ("He considered it a useless meeting to try to defuse tensions [1].", USEFUL, False),
])
def test_a_word_with_a_negative_affix_is_not_its_opposite(sentence, text, kept, embedder):
    assert_verdict(sentence, text, kept, "nothing like it", embedder)


def test_a_negated_passage_word_agrees_with_a_word_of_negative_affix(embedder):
    text = "Les prochains pourparlers pourraient laisser certaines questions sans réponse."
    vectors = word_vectors(embedder)
    near = list(passage_words(text).originals)
    assert aligned_opposite("unanswered", near, text, vectors, WORD_SIM) == ""
