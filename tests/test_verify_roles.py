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
from qa.results import Passage

COUNCIL = ("La réunion du conseil, un format utilisé pour le dialogue depuis 2002, aura lieu à "
           "Bruxelles le 12 janvier après que les responsables américains et russes auront tenu "
           "des pourparlers sur la sécurité le 10 janvier à Genève.")
MOSCOW = ("Moscou veut des garanties que l'OTAN arrêtera son expansion vers l'Est et mettra fin à "
          "la coopération militaire avec l'Ukraine et la Géorgie, qui ont des différends "
          "territoriaux avec la Russie.")


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


def judged(question: str, sentence: str, text: str, embedder) -> tuple[bool, str]:
    """(kept, reason) of one sentence answering `question`, citing [1] = `text`."""
    passage = Passage("p", "d", "", "a.txt", text, 0, len(text))
    checked = check_sentence(split_answer(sentence)[0], [passage], question, embedder)
    return checked.verified, checked.reason


CONCESSIONS = ("Le bloc est prêt à s'engager avec la Russie sur les questions de sécurité en "
               "suspens, mais Moscou ne doit pas s'attendre à des concessions unilatérales, a "
               "averti Stoltenberg.")
MEETINGS = ("Maria Zakharova, porte-parole du ministère russe des Affaires étrangères, a confirmé "
            "que des responsables russes participeront à la réunion de l'OTAN à Bruxelles.\n\n"
            "Le vice-ministre russe des Affaires étrangères Sergueï Ryabkov et d'autres hauts "
            "responsables russes devraient assister aux pourparlers de Bruxelles, après avoir "
            "rencontré la vice-secrétaire d'État américaine Wendy Sherman à Genève.")
WIND = ("EDINBURGH, 25 March 2025 - The Scottish government approved on Tuesday the Dunmore "
        "offshore wind farm.\n\nThe wind farm will be built 22 kilometres off the coast of "
        "Aberdeenshire by the developer Norsea Energy.")
OSCE = ("Cette question devrait être débattue le 13 janvier lors d’une réunion du Conseil "
        "permanent de l’OSCE, qui aura son siège à Vienne, la capitale autrichienne. "
        "S'exprimant lundi à Bruxelles, Jens Stoltenberg a déclaré aux journalistes.")
VISIT = ("Borrell, accompagné du ministre ukrainien des Affaires étrangères Dmytro Kuleba, "
         "visitera la ligne de contact de l'Ukraine.")


@pytest.mark.parametrize(("question", "sentence", "text", "kept"), [
    # An answer that names what a negated predicate governs answers a question carrying it.
    ("À quoi Moscou ne doit-elle pas s'attendre ?", "À des concessions unilatérales [1].",
     CONCESSIONS, True),
    ("À quoi Moscou ne doit-elle pas s'attendre ?",
     "Moscou peut s'attendre à des concessions unilatérales [1].", CONCESSIONS, False),
    ("What did Stoltenberg say about concessions?",
     "Stoltenberg said Moscow could expect unilateral concessions from the bloc [1].",
     CONCESSIONS, False),
    # Two places of one sentence swapped; a dateline is not where the facts happen.
    ("Where will Ryabkov meet Wendy Sherman?", "Ryabkov and other senior Russian officials are "
     "due to attend the talks in Geneva after meeting Wendy Sherman in Brussels [1].",
     MEETINGS, False),
    ("Where will Ryabkov meet Wendy Sherman?", "Ryabkov and other senior Russian officials are "
     "due to attend the talks in Brussels after meeting Wendy Sherman in Geneva [1].",
     MEETINGS, True),
    ("Where will the wind farm be built?",
     "The wind farm will be built 22 kilometres off the coast of Edinburgh [1].", WIND, False),
    ("Where will the wind farm be built?",
     "The wind farm will be built 22 kilometres off the coast of Aberdeenshire [1].", WIND,
     True),
    ("Where was the wind farm approved?",
     "The Scottish government approved the wind farm in Edinburgh [1].", WIND, True),
    # A bare place answer is placed by its question.
    ("Dans quelle capitale autrichienne l'OSCE a-t-elle son siège ?", "À Vienne [1].", OSCE,
     True),
    ("Où Stoltenberg s'est-il exprimé lundi ?", "À Vienne [1].", OSCE, False),
    ("Où Stoltenberg s'est-il exprimé lundi ?", "À Bruxelles [1].", OSCE, True),
    # A given name added to the passage's family name; not another person's given name.
    ("Who will visit the contact line?", "Josep Borrell will visit the contact line [1].", VISIT,
     True),
    ("Who accompanies Borrell?", "Ivan Kuleba accompanies Borrell [1].", VISIT, False),
])
def test_answers_judged_with_their_question(question, sentence, text, kept, embedder):
    ok, reason = judged(question, sentence, text, embedder)
    assert ok is kept, reason


def test_a_hedge_on_an_amount_is_not_a_changed_word(embedder):
    text = "Northern Link, which runs about 1,800 trains a day, said it would cut services."
    assert judged("Combien de trains ?", "Environ 1 800 trains par jour [1].", text, embedder)[0]


SUMMITS = ("Les pourparlers commerciaux débuteront à Lisbonne le 3 mars. Le sommet des "
           "ministres, le premier depuis 2015, aura lieu le 5 mars.")
HOURS = "Ouvert de 9h à 17h à Lyon.\nDe 10h à 18h à Nantes.\nDe 8h à 14h à Brest."
FLOODS = ("OSLO, 4 May 2025 - The city council approved on Monday a plan to pay the farmers "
          "who lost their crops after floods in 2023.")
CRASH = ("Deux personnes ont été blessées : un chauffeur dont le camion a été heurté par un "
         "arbre près de Tours, et une cycliste à Blois.")
RETURN = ("The museum will return 12 masks to Ghana. They will be handed over at a ceremony in "
          "Accra in June, more than a century after they were taken from Kumasi.")


@pytest.mark.parametrize(("question", "sentence", "text", "kept"), [
    # A place is where the passage states the date or figure the sentence gives it.
    ("Where will the ministers meet?", "The ministers' summit, the first since 2015, will take "
     "place in Lisbon on 5 March [1].", SUMMITS, False),
    ("Where will the trade talks start?", "The trade talks will start in Lisbon on 3 March [1].",
     SUMMITS, True),
    ("Quels sont les horaires ?", "De 9h à 17h à Lyon et à Brest [1].", HOURS, False),
    ("Quels sont les horaires ?", "De 9h à 17h à Lyon et de 8h à 14h à Brest [1].", HOURS, True),
    # A dateline places its sentence's main clause only.
    ("Where did the farmers lose their crops?",
     "Farmers in Oslo lost their crops after floods in 2023 [1].", FLOODS, False),
    ("Where was the plan approved?", "The council approved the plan in Oslo on Monday [1].",
     FLOODS, True),
    # "près de X" is a place slot; a country after a comma says where the city is.
    ("Où le camion a-t-il été heurté ?", "Près de Blois, par un arbre tombé [1].", CRASH, False),
    ("Où le camion a-t-il été heurté ?", "Près de Tours, par un arbre tombé [1].", CRASH, True),
    ("Where will the masks be handed over?", "In Accra, in Ghana, at a ceremony in June [1].",
     RETURN, True),
])
def test_a_place_is_held_in_the_role_the_sentence_gives_it(question, sentence, text, kept,
                                                            embedder):
    ok, reason = judged(question, sentence, text, embedder)
    assert ok is kept, reason


CEASED = "Patients will no longer have to travel to Leeds for surgery, the surgeon said."
UNANSWERED = ("Les négociations pourraient laisser plusieurs points sans réponse, a déclaré le "
              "médiateur.")


@pytest.mark.parametrize("sentence, text, kept", [
    # what stopped was once so; saying it still holds is the opposite
    ("Patients had to travel to Leeds for surgery [1].", CEASED, True),
    ("Patients still have to travel to Leeds for surgery [1].", CEASED, False),
    # a negation carried by an affix in one language and by "sans" in the other
    ("The mediator said the negotiations could leave several points unanswered [1].",
     UNANSWERED, True),
    ("The mediator said the negotiations could answer several points [1].", UNANSWERED, False),
])
def test_a_negation_said_another_way_keeps_its_polarity(sentence, text, kept, embedder):
    ok, reason = verdict(sentence, text, embedder)
    assert ok is kept, reason
