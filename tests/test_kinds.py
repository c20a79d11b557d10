"""Question kinds read from a question's structure, and the evidence each kind looks for
(no model: the parser and the patterns on sentences written for the test)."""

from qa.answer.evidence import find_evidence, negated
from qa.answer.kinds import contrast_sides, question_kind


def test_who_verb_questions_carry_their_verb_and_which_questions_their_head():
    assert question_kind("Who paid for the new wing?").focus == "paid"
    assert question_kind("Qui a averti le président ?").focus == "averti"
    assert question_kind("Who will lead the merged company?").focus == "lead"
    other = question_kind("What two promises has the mayor made?")
    assert (other.kind, other.plural, other.focus) == ("other", True, "promises")
    assert question_kind("Who is Ana Ferreira?").kind == "definition"


def test_how_does_a_compare_with_b_is_a_contrast_of_two_sides():
    q = "How does the union's pay demand compare with the company's offer?"
    assert question_kind(q).kind == "contrast"
    assert contrast_sides(q) == ("the union's pay demand", "the company's offer")
    assert contrast_sides("Comment le score de Dupont se compare-t-il à celui de Durand ?") == (
        "le score de Dupont", "celui de Durand")
    assert question_kind("To which storm was the storm compared?").kind == "compare"
    assert contrast_sides("When was the bridge opened?") is None


def test_since_asked_in_situ():
    kind = question_kind("La sonde est-elle la première mission vers la Lune depuis laquelle ?")
    assert (kind.kind, kind.since) == ("year", True)
    found = find_evidence(kind, "It is the first mission to the Moon since SMART-1, which "
                          "crashed in 2006.", "La sonde est-elle la première depuis laquelle ?")
    assert found[0].text == "SMART-1"


def test_dates_without_a_day_quarters_seasons_and_bare_years():
    q = "When is the deal expected to be completed?"
    found = find_evidence(question_kind(q), "They expect it to be completed in the second "
                          "quarter of 2026.", q)
    assert found[0].text == "the second quarter of 2026"
    q = "When will construction begin?"
    assert find_evidence(question_kind(q), "Construction should begin in 2027.", q)[0].text == (
        "2027")
    q = "Quand les travaux commenceront-ils ?"
    assert find_evidence(question_kind(q), "Les travaux commenceront au printemps 2027.",
                         q)[0].text == "printemps 2027"


def test_amounts_keep_measure_units_and_money_questions_want_money():
    q = "By how much did the runner beat the course record?"
    found = find_evidence(question_kind(q), "He won in 2 hours 3 minutes, breaking the course "
                          "record by 12 seconds.", q)
    assert "12 seconds" in [e.text for e in found]
    q = "How much did the mission cost?"
    assert find_evidence(question_kind(q), "The probe separated 52 minutes after lift-off.",
                         q) == []
    assert [e.text for e in find_evidence(question_kind(q), "The mission cost 480 million "
                                          "euros and lasted 52 minutes.", q)] == [
        "480 million euros"]


def test_no_before_a_noun_negates_but_a_number_sign_does_not():
    assert negated("They said no dairy farm contracts would be cancelled.")
    assert not negated("The No 10 spokesman said the contracts would be signed.")
    assert negated("Le conseil n'a pas fait appel.")
    assert negated("La ville négociera sans renoncer à ses exigences.")  # "sans", "without"
    assert negated("The club will sign without waiting for the vote.")


def test_measures_answer_the_asked_dimension_with_their_rate():
    q = "Combien pèse la sonde ?"
    sentence = "The probe, which weighs 1,450 kilograms, separated 52 minutes after lift-off."
    assert [e.text for e in find_evidence(question_kind(q), sentence, q)] == ["1,450 kilograms"]
    q = "How strong were the gusts?"
    assert question_kind(q).amount
    assert find_evidence(question_kind(q), "Gusts reached 145 kilometres per hour.",
                         q)[0].text == "145 kilometres per hour"


def test_an_age_or_a_salary_is_not_answered_by_a_count_or_a_share_of_something_else():
    sentence = "The coach, a 48-year-old, said 2 of his runners won 54.2 per cent of the prize."
    q = "How old is the coach?"
    assert [e.text for e in find_evidence(question_kind(q), sentence, q)] == ["48"]
    q = "Quel âge a le président ?"  # an age, not "2 hours" nor "two"
    assert question_kind(q).kind == "number"
    assert find_evidence(question_kind(q), "He won in 2 hours, two days ago.", q) == []
    q = "What salary does the coach earn?"
    assert find_evidence(question_kind(q), sentence, q) == []
    assert [e.text for e in find_evidence(question_kind(q), "He earns 90,000 euros.", q)] == [
        "90,000 euros"]
    q = "How big a pay rise did the union ask for?"  # a rate is asked: a share answers it
    assert [e.text for e in find_evidence(question_kind(q), "It asks for 7 per cent.", q)] == [
        "7 per cent"]


def test_a_title_after_a_dateline_describes_the_name():
    from qa.answer.evidence import describe
    found = describe("Daniel Kiprotich", "ROTTERDAM, 13 April 2025 - Kenyan runner Daniel "
                     "Kiprotich won the marathon on Sunday.")
    assert found is not None and found.text == "Kenyan runner"


def test_a_plural_head_asks_for_a_list():
    assert question_kind("Which companies will merge?").plural
    assert not question_kind("What status does the project have?").plural


def test_a_name_modifying_a_noun_is_described_by_that_noun():
    from qa.answer.evidence import describe
    found = describe("Selene-2", "The agency launched the Selene-2 probe to the Moon.")
    assert found is not None and found.text == "the Selene-2 probe"
    assert describe("Civic Alliance", "Priya Desai, a former teacher standing for the Civic "
                    "Alliance, was elected.") is None


def test_when_questions_carry_their_verb():
    assert question_kind("When will the first power be delivered from Dunmore?").focus == (
        "delivered")
    assert question_kind("When is the deal expected to be completed?").focus == "completed"


def test_short_verbs_are_a_focus_and_combien_d_counts():
    assert question_kind("Who cut the ribbon at the new wing?").focus == "cut"
    assert question_kind("Who won the race?").focus == ""
    counted = question_kind("Combien d'infirmières l'hôpital va-t-il recruter ?")
    assert (counted.kind, counted.amount) == ("number", False)
    assert question_kind("Combien coûte le pont ?").amount


def test_role_heads_where_from_and_which_date_questions():
    lawyer = question_kind("Which lawyer acted for the residents?")
    assert (lawyer.kind, lawyer.focus) == ("person", "lawyer")
    assert question_kind("What two promises has the mayor made?").kind == "other"
    assert question_kind("Quel responsable de l'UE s'est rendu en Ukraine ?").focus == ""
    assert question_kind("D'où la sonde a-t-elle décollé ?").kind == "place"
    assert question_kind("Ou la sonde a-t-elle décollé ?").kind == "place"
    dated = question_kind("By what date must the mayor present her first budget?")
    assert (dated.kind, dated.focus) == ("date", "budget")
    assert question_kind("By what margin did he win the race?").kind == "number"
    assert question_kind("What will there be room for on the bridge?").focus == ""


def test_a_named_place_someone_travels_to_answers_where():
    sentence = '"Patients will no longer have to travel to Moncton for treatment," she said.'
    found = find_evidence("place", sentence, "Where did patients go for treatment?")
    assert [e.text for e in found] == ["Moncton"]
    assert find_evidence("place", "She said it to Reuters.", "Where did she say it?") == []


def test_a_reason_given_with_the_act_answers_why():
    sentence = "The union rejected the offer of a 4.5 per cent rise, saying it was below inflation."
    found = find_evidence("why", sentence, "Why did the union turn down the offer?")
    assert found and found[0].preferred and "inflation" in found[0].text
    assert find_evidence("why", "The union said it would strike.", "Why will it strike?") == []


def test_a_word_before_which_and_a_possessive_subject_do_not_change_what_is_asked():
    near = question_kind("Près de quelle ville le camion a-t-il été touché par un arbre ?")
    assert (near.kind, near.head) == ("place", "ville")
    assert question_kind("Next to which town did the lorry crash?").kind == "place"
    assert question_kind("What was her time?").kind == "other"  # not "what is 'her time'"
    assert question_kind("What is the NRC?").kind == "definition"
    assert question_kind("What is a stablecoin?").kind == "definition"
    assert question_kind("What was stolen in the attack?").kind != "definition"
    assert question_kind("Le musée gardera-t-il des répliques ?").kind == "yesno"
    found = find_evidence("place", "A driver was hit by a tree near Bodmin, and a woman died "
                          "in Penzance.", "Near which town was the driver hit?")
    assert [e.text for e in found] == ["Bodmin", "Penzance"]


def test_the_noun_after_a_verb_or_an_article_is_not_the_head():
    """"What did the minister say": the minister says, the question asks what; "in what form
    the diplomats met": a form, not diplomats; "quel a été le montant": still the amount."""
    for q in ("What did the spokesman say about the plan?", "Qu'a dit le porte-parole ?",
              "Sous quelle forme les diplomates se sont-ils réunis ?",
              "In what form did the diplomats meet?"):
        assert question_kind(q).kind not in {"person", "place", "number"}, q
    assert question_kind("Quel a été le montant de l'amende ?").head == "montant"
    assert question_kind("What has been the cost of the bridge?").kind == "number"
    assert question_kind("Which official will lead the talks?").kind == "person"
    assert question_kind("Quel responsable européen était au cœur de la stratégie ?").kind == (
        "person")
