"""The extractive answerer's refusal gate (qa/answer/gate.py) on an English article of our own
(real Chroma, real embedder): a sentence that names its subject only through its article
("The project will cost...") still answers, a quotation is quoted with its speaker, a sentence
opening with a pronoun is read with the sentence before it, and the gate's word checks know
measures ("how tall"), degrees ("strong" / "strongest") and hyphenated names."""

import pytest

from qa import QA
from qa.answer.evidence import Evidence
from qa.answer.extractive import Candidate
from qa.answer.gate import (
    W_LEXICAL,
    answers_enough,
    antecedent,
    confidence,
    coverage,
    name_prefixes,
    names_held,
    things_or_focus,
)
from qa.answer.kinds import question_kind
from qa.answer.meaning import unmentioned_terms
from qa.answer.vectors import word_vectors
from qa.language import document_language
from qa.results import Passage
from tests.conftest import bot_over

SOLAR = "\n\n".join([
    "Valley council backs Larch Hill solar park",
    "LARCHWOOD, 3 June 2025 - The valley council approved the Larch Hill solar park on Monday "
    "after a review that lasted two years. The park will cover 90 hectares of former farmland.",
    "The project is expected to cost 48 million pounds, the council said.",
    '"This land has waited long enough. Farming here no longer pays," said the council leader, '
    "Ruth Ambler.",
    "The developers promised to plant hedges around the site. They did not promise to keep the "
    "old stone barn, which will be demolished in the autumn."]) + "\n"
OTHER = """Harbour ferry timetable changes

The ferry company published its winter timetable on Monday, with fewer crossings at night.
Crossings will resume their summer pattern in April, the company said.
"""


@pytest.fixture(scope="module")
def solar_bot(tmp_path_factory: pytest.TempPathFactory) -> QA:
    """A bot over an English article on a solar park and an unrelated one."""
    return bot_over(tmp_path_factory.mktemp("solar"), {"solar.txt": SOLAR, "ferry.txt": OTHER})


def test_a_sentence_naming_its_subject_only_through_its_article_answers(solar_bot):
    question = "How much will the Larch Hill solar park cost?"
    ranked = solar_bot.answerer.candidates(question, solar_bot.retrieve(question, 8))
    project = next(c for c in ranked if c.text.startswith("The project"))
    # its article's title and passage name the park: those words count in its confidence
    assert project.topical == pytest.approx(1.0) and project.lexical < 0.5
    assert confidence(project) == pytest.approx(project.similarity + W_LEXICAL)
    answer = solar_bot.ask(question)
    assert not answer.refused, answer.text
    assert answer.text.startswith("48 million pounds")
    refused = solar_bot.ask("How much will the lighting of the solar park cost?")
    assert refused.refused and refused.citations == [], refused.text


def test_a_quotation_over_two_sentences_is_quoted_with_its_speaker(solar_bot):
    answer = solar_bot.ask("How did Ruth Ambler describe the land?")
    assert not answer.refused, answer.text
    assert "waited long enough" in answer.text
    assert any("Ruth Ambler" in c.quote and "no longer pays" in c.quote
               for c in answer.citations)


def test_a_sentence_opening_with_a_pronoun_is_read_with_the_sentence_before():
    text = SOLAR.split("\n\n")[-1].strip()
    passage = Passage(id="p", doc_id="d", title="t", source="s", text=text, start=0,
                      end=len(text), language="en")
    start = text.index("They")
    candidate = Candidate(0, passage, start, len(text), text[start:])
    assert antecedent(candidate).startswith("The developers promised")
    question = "Did the developers of the farmland promise to keep the barn?"
    alone = Candidate(0, Passage(**{**passage.__dict__, "text": candidate.text}), 0,
                      len(candidate.text), candidate.text)
    assert antecedent(alone) == ""
    assert coverage(question, candidate) > coverage(question, alone)


def test_measures_degrees_and_last_are_not_unmentioned_terms():
    sentence = ["It will have 60 turbines, each taller than 250 metres, in the strongest winds."]
    assert unmentioned_terms("How tall are the turbines?", "en", sentence) == []
    assert unmentioned_terms("How strong were the winds?", "en", sentence) == []
    assert unmentioned_terms("When did a wind as strong last blow?", "en", sentence) == ["blow"]
    assert unmentioned_terms("How heavy are the turbines?", "en", sentence) == []
    assert unmentioned_terms("How much did the blades cost?", "en", sentence) == ["blades", "cost"]


def test_the_noun_a_what_question_asks_for_must_be_mentioned(solar_bot):
    refused = solar_bot.ask("What was the temperature at the Larch Hill solar park on Monday?")
    assert refused.refused and refused.citations == [], refused.text


def test_a_question_in_another_language_needs_a_name_the_article_holds(solar_bot):
    passage = Passage(id="p", doc_id="d", title="Valley council backs Larch Hill solar park",
                      source="s", text=SOLAR, start=0, end=len(SOLAR), language="en")
    vectors = word_vectors(solar_bot.embedder)
    assert not names_held("Combien d'années durera le mandat de Priya Desai ?", passage,
                          vectors)
    assert names_held("Combien coûtera le parc de Larch Hill ?", passage, vectors)
    assert names_held("Qui dirige l'OTAN ?", Passage(**{**passage.__dict__,
                                                       "text": "NATO's chief met them."}),
                      vectors)
    refused = solar_bot.ask("Combien d'années durera le mandat de Priya Desai ?")
    assert refused.refused and refused.citations == [], refused.text


def test_only_named_things_and_the_focus_verb_make_a_question_unmentioned():
    """A paraphrased verb or adjective ("voir partir", "préparatoires") is not a thing the
    articles never mention; a noun after a determiner or a preposition is, and so is the verb
    a who-question asks about."""
    q = "Quel jour ont-ils tenu leurs discussions préparatoires à Genève ?"
    held = ["Des pourparlers préliminaires ont eu lieu dimanche à Genève."]
    assert unmentioned_terms(q, "fr", held) == ["discussions", "préparatoires"]
    assert not things_or_focus(q, "préparatoires", "", "fr")
    assert things_or_focus(q, "discussions", "", "fr")  # "leurs discussions"
    assert things_or_focus("Qui dirige la délégation ?", "délégation", "", "fr")
    assert things_or_focus("How many nurses work there in total?", "total", "", "en")
    assert things_or_focus("Qui a signé cette décision ?", "signé", "signe", "fr")
    assert not things_or_focus("Qui a signé cette décision ?", "signé", "", "fr")
    assert things_or_focus("What is a salary?", "salary", "", "en")


def test_an_unstemmed_future_form_holds_the_question_verb():
    assert unmentioned_terms("Quand les pourparlers doivent-ils se poursuivre ?", "fr",
                             ["Les pourparlers se poursuivront le 13 janvier."]) == []


def test_a_quote_across_languages_needs_a_quotation():
    """"What did the mayor say...?" over a French sentence that only reports a fact is refused;
    the same sentence holding the mayor's words in quotation marks is not."""
    text = "Le document a été remis à la maire, Ana Lind, le 15 décembre."
    passage = Passage(id="p", doc_id="d", title="t", source="s", text=text, start=0,
                      end=len(text), language="fr")
    question = "What did Ana Lind say after she received the document?"
    kind = question_kind(question)
    assert kind.kind == "quote"
    bars = {"en": 0.5, "fr": 0.5}
    plain = Candidate(0, passage, 0, len(text), text, similarity=0.9)
    assert not answers_enough(kind, question, plain, bars, [passage])
    quoted = Candidate(0, passage, 0, len(text), text, similarity=0.9,
                       evidence=[Evidence("C'est un bon signe", 0, 5)])
    assert answers_enough(kind, question, quoted, bars, [passage])



@pytest.mark.parametrize(("text", "reported"), [
    ("Le maire, Ana Lind, a également réitéré que le projet serait achevé en 2027.", True),
    ("Ana Lind a fait savoir que le projet serait achevé en 2027.", True),
    ("Ana Lind has reiterated that the project will be finished in 2027.", True),
    ("La réunion avec Ana Lind a duré plus longtemps que prévu.", False),
])
def test_reported_speech_across_languages_is_found_by_its_structure(text, reported):
    """Across languages, "what did X say...?" is answered by reported speech whatever its verb
    (an auxiliary, a participle, then "que"/"that"), not by a "que" of a comparison."""
    passage = Passage(id="p", doc_id="d", title="t", source="s", text=text, start=0,
                      end=len(text), language=document_language(text))
    question = ("What did Ana Lind say about the project?" if passage.language == "fr"
                else "Qu'a dit Ana Lind au sujet du projet ?")
    kind = question_kind(question)
    assert kind.kind == "quote"
    candidate = Candidate(0, passage, 0, len(text), text, similarity=0.9)
    assert answers_enough(kind, question, candidate, {"en": 0.5, "fr": 0.5}, [passage]) == reported

def test_who_answered_by_a_sentence_naming_no_person_is_not_given_another_name(solar_bot):
    """The council approved the park: the sentence that says so names no person, and the
    name of a much weaker sentence (the council leader's quote) is not the answer."""
    answer = solar_bot.ask("To whom does the Larch Hill solar park owe its approval?")
    assert not answer.refused
    lead = answer.text.split("\n\n")[0]
    assert "valley council approved" in lead and "Ambler" not in lead, answer.text


def test_a_number_of_something_else_is_not_the_price_of_a_thing_never_priced(solar_bot):
    """The article mentions the hedges, in a sentence giving no sum: "the project is expected
    to cost 48 million pounds" is not what the hedges cost."""
    question = "How much will the hedges around the Larch Hill solar park cost?"
    _, clause = solar_bot.answerer.select(question, solar_bot.retrieve(question, 8))
    assert clause == "elsewhere: hedges"
    refused = solar_bot.ask(question)
    assert refused.refused and refused.citations == [], refused.text
    answer = solar_bot.ask("How much will the Larch Hill solar park cost?")
    assert not answer.refused and answer.text.startswith("48 million pounds"), answer.text


RACE = "\n\n".join([
    "Two winners at the Hillport ten-mile race",
    "HILLPORT, 5 May 2025 - Tomas Reyne won the men's race on Sunday in 48 minutes, his first "
    "win on the course.",
    '"My legs held on the last hill," said the 29-year-old, who trains in the hills above the '
    "town.",
    "In the women's race, Ilse Marten won in 54 minutes, her third title in Hillport."]) + "\n"


def test_a_fact_about_another_person_does_not_answer_a_question_naming_someone(tmp_path):
    """"the 29-year-old" follows a sentence naming Tomas Reyne: it gives his age, not the age
    of Ilse Marten, whom the article names only further down."""
    bot = bot_over(tmp_path, {"race.txt": RACE, "ferry.txt": OTHER})
    answer = bot.ask("How old is Tomas Reyne?")
    assert not answer.refused and answer.text.startswith("29"), answer.text
    question = "How old is Ilse Marten?"
    _, clause = bot.answerer.select(question, bot.retrieve(question, 8))
    assert clause == "subject: Ilse Marten"
    refused = bot.ask(question)
    assert refused.refused and refused.citations == [], refused.text
    # in another language, the name is matched all the same
    assert bot.ask("Quel âge a Ilse Marten ?").refused


def test_across_languages_cognates_of_common_words_count_in_the_confidence(solar_bot):
    """An English question over a French sentence meets no stem of it: the sentence's cognates
    of the question's common words count as its term overlap, where no typed evidence is asked
    for (a "when" sentence is judged on its date), and never within one language."""
    text = "En juin, le conseil a annoncé la suspension du projet de parc solaire de Larch Hill."
    french = Passage(id="f", doc_id="f", title="", source="s", text=text, start=0,
                     end=len(text), language="fr")
    what = "What did the council announce about the solar park project?"
    c = solar_bot.answerer.candidates(what, [french])[0]
    assert c.spelled > 0.3 and c.spelled > c.topical
    assert confidence(c) == pytest.approx(c.similarity + W_LEXICAL * c.spelled)
    when = solar_bot.answerer.candidates("When did the council announce the suspension?",
                                         [french])[0]
    assert when.spelled == 0.0 and when.cognates > 0.3
    english = Passage(**{**french.__dict__, "language": "en", "text": SOLAR, "end": len(SOLAR)})
    assert all(c.spelled == 0.0 for c in solar_bot.answerer.candidates(what, [english]))


def test_a_demonym_names_its_place():
    """"the Cornish coast" is about Cornwall, "Ukrainian" about Ukraine."""
    text = "Storm Harriet hit Cornwall on Sunday. The warning was raised to red for the coast."
    passage = Passage(id="p", doc_id="d", title="Storm hits the south-west", source="s",
                      text=text, start=0, end=len(text), language="en")
    assert "corn" in name_prefixes("Cornish") and "ukrain" in name_prefixes("Ukrainian")
    assert name_prefixes("Paris") == ["pari"]
    assert names_held("When was the red warning issued for the Cornish coast?", passage)
    assert not names_held("When was the red warning issued for the Scottish coast?", passage)
