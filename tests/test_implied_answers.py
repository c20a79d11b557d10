"""Answers a sentence implies (counts given as lists, owners as descriptions, destinations,
quotations cut by the sentence splitter) and follow-ups kept on their topic (no model: the
parser and patterns on sentences written for the test; cognates by spelling)."""

from qa.answer.crosslang import cognate, cognate_shares, common_words, counted_across, cross_shares
from qa.answer.evidence import find_evidence
from qa.answer.followup import asks_beyond, on_topic, own_words, referent
from qa.answer.implied import apposition, counted_words, enumerated_count, named_object
from qa.answer.kinds import question_kind
from qa.answer.meaning import passage_words
from qa.results import Passage


def test_a_list_after_a_colon_or_of_names_answers_how_many():
    q = "Combien de séries de pourparlers le ministre a-t-il annoncées ?"
    assert counted_words(q) == ["series", "pourparlers"]
    s = ("Le ministre a cité les pourparlers de la semaine : le 3 mars à Oslo, mardi à Rome "
         "entre les deux pays, et plus tard (le 9 mars) à Vienne.")
    count, start, end = enumerated_count(s, q)
    assert count == 3 and s[start:end].startswith("le 3 mars")
    found = find_evidence(question_kind(q), s, q)
    assert [e.text for e in found] == ["3"] and not found[0].preferred
    q = "How many countries sent envoys?"
    assert enumerated_count("Envoys came from the countries Chile, Peru and Bolivia.", q)[0] == 3
    assert enumerated_count("Chile, Peru and Bolivia sent envoys.", q) is None  # no "countries"
    assert enumerated_count("Chile and Peru are countries of the Andes.", q)[0] == 2
    assert enumerated_count("The prize went to Kenya.", q) is None
    assert enumerated_count("Two officials: one from Oslo.", "How many boats sank?") is None
    q = "Combien d'États nordiques sont cités parmi les pays visités ?"  # a capitalised noun
    assert counted_words(q) == ["nordiques"]
    s = "Le ministre a visité la Pologne et des États nordiques de Suède, de Norvège et d'Islande."
    assert [e.text for e in find_evidence(question_kind(q), s, q)] == ["3"]
    assert counted_words("How many NATO members voted?") == ["members"]


def test_who_owns_a_name_is_answered_by_its_description_when_no_person_is_named():
    assert named_object("Who owns Kelda Power?") == "Kelda Power"
    assert named_object("Qui possède Kelda Power ?") == "Kelda Power"
    assert named_object("Who was Kelda Power?") == ""
    s = "The dam is run by Kelda Power, a joint venture between a city utility and a bank."
    a, b = apposition("Kelda Power", s)
    assert s[a:b] == "a joint venture between a city utility and a bank"
    q = "Who owns Kelda Power?"
    assert [e.text for e in find_evidence(question_kind(q), s, q)] == [s[a:b]]
    named = "Kelda Power, a firm based in Oslo, hired Ana Lind."
    assert [e.text for e in find_evidence(question_kind(q), named, q)] == ["Ana Lind"]


def test_where_someone_goes_without_a_named_place_and_cut_quotations():
    q = "Where will she go with the minister?"
    s = "She will visit the flooded valley with the minister on Friday."
    assert [e.text for e in find_evidence(question_kind(q), s, q)] == ["the flooded valley"]
    q = "How did he describe the paintings?"
    assert question_kind(q).focus == "describe"
    assert [e.text for e in find_evidence(question_kind(q), '"These paintings were stolen.', q)
            ] == ["These paintings were stolen."]
    assert [e.text for e in find_evidence(question_kind(q), 'They were stolen," he said.', q)
            ] == ["They were stolen"]


def test_what_the_conversation_said_is_skipped_and_the_next_pattern_tried():
    q = "And when should it be finished? (When does the work start? On 3 March)"
    s = "Work is due to start on 3 March and should be finished in the autumn of 2027."
    kind = question_kind(q)
    assert next(e.text for e in find_evidence(kind, s, q)) == "3 March"
    assert [e.text for e in find_evidence(kind, s, q, known="When does the work start? On 3 "
                                          "March")] == ["autumn of 2027"]


def test_cognates_across_languages():
    french = passage_words("Les diplomates russes ont évoqué l'escalade à Genève.")
    assert all(cognate(w, french) for w in ["diplomats", "russia", "escalation", "geneva"])
    assert not cognate("salary", french)
    shares = cognate_shares("Why did the Russian diplomats leave Geneva?", "", [
        "Les diplomates russes ont quitté Genève.", "Le conseil se réunira mardi."], 0.3)
    assert shares[0] > 0.5 and shares[1] == 0.0
    q = "Combien de diplomates l'OTAN a-t-elle expulsés ?"
    s = "NATO expelled 8 Russian diplomats from its 30 offices."
    kind = question_kind(q)
    found = find_evidence(kind, s, q, same_language=False)
    assert [e.text for e in found] == ["8", "30"]
    assert [e.text for e in counted_across("diplomates", s, found, None)] == ["8"]


def test_cognates_of_common_words_leave_the_names_aside():
    """A sentence holding only the question's names is about its topic, not what it asks."""
    q = "Which NATO-Russia Council members opposed the talks in Geneva?"
    assert common_words(q) == "members opposed the talks in"
    every, common = cross_shares(q, "", ["Le Conseil OTAN-Russie se réunira à Genève.",
                                         "Plusieurs membres se sont opposés aux pourparlers."], 0.3)
    assert every[0] > 0.0 and common[0] == 0.0
    assert common[1] > 0.5
    # a common word of the question does not meet a name of the sentence
    every, common = cross_shares("Quel engrais pour les tomates ?", "", ["Tomas Haug met them."],
                                 0.3)
    assert every[0] > 0.0 and common == [0.0]


def _passage(doc_id: str, text: str) -> Passage:
    return Passage(id=doc_id, doc_id=doc_id, title="", source="", text=text, start=0,
                   end=len(text), score=1.0)


class _Sentence:
    def __init__(self, passage: Passage) -> None:
        self.passage = passage


def test_follow_ups_stay_on_their_person_and_refuse_what_their_answer_never_says():
    q = "How did he describe the objects? (Rankin)"
    assert referent(q) == "Rankin"
    storm, museum = _passage("storm", "Trelawny described it as bad."), _passage(
        "museum", "Rankin spoke on Monday. The objects were looted.")
    ranked = [_Sentence(storm), _Sentence(museum)]
    assert [c.passage.doc_id for c in on_topic(q, ranked)] == ["museum"]
    assert on_topic("How did he describe it?", ranked) == ranked
    q = "When was that agency founded? (Which agency reported it? Tass)"
    assert own_words(q) == ["agency", "founded"]
    assert asks_beyond(q, "Officials confirmed the offer on Friday, Tass reported.", None)
    assert not asks_beyond(q, "The agency was founded in 1902.", None)
    assert own_words("And in which city? (When will the council meet? 12 January)") == []


def test_a_description_without_quotation_marks_answers_how_did_x_describe_y():
    q = question_kind("Comment le ministre a-t-il décrit la réunion du conseil ?")
    sentence = "Selon lui, la réunion a été longue et utile, « surtout sur le budget »."
    assert [e.text for e in find_evidence(q, sentence, "Comment le ministre a-t-il décrit "
                                          "la réunion du conseil ?")][:1] == ["longue et utile"]
    said = "He said the old plan had proved costly and that the board wanted a new one."
    assert [e.text for e in find_evidence(question_kind("What did he call the old plan?"),
                                          said, "What did he call the old plan?")] == ["costly"]
    quoted = "« Le projet est réel », a-t-il dit."  # a description inside a quotation: quoted
    found = find_evidence(question_kind("Comment a-t-il décrit le projet ?"), quoted,
                          "Comment a-t-il décrit le projet ?")
    assert [e.text for e in found] == ["Le projet est réel"]
