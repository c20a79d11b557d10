"""A follow-up asking something else is not answered again by the previous answer's sentence
(qa.answer.previous), and one whose answer is in that same sentence still is."""

from qa.answer.evidence import Evidence
from qa.answer.previous import PreviousTurn, previous_turn, repeats, within

SENTENCE = ("Le document du traité a été remis à la secrétaire d’État adjointe américaine aux "
            "Affaires européennes et eurasiennes, Karen Donfried, le 15 décembre.")
DATED = "On 15 December [1].\n\nThe articles say (in French): « " + SENTENCE + " » [1]"


def _in_turn(previous: PreviousTurn, text: str, evidence: list[Evidence]) -> bool:
    """`repeats` computed as an answerer's stream step is (within the follow-up's turn)."""
    return next(within(previous, (repeats(text, evidence) for _ in range(1))))


def test_the_previous_quote_and_short_answer_are_read_from_the_history():
    turn = previous_turn([{"role": "user", "content": "To whom was the treaty handed?"},
                          {"role": "assistant", "content": DATED}], nearest="ignored")
    assert turn.sentences == (SENTENCE,) and turn.short == "On 15 December"
    short_only = previous_turn([{"role": "assistant", "content": "Karen Donfried [1]."}],
                               nearest=SENTENCE)
    assert short_only.sentences == (SENTENCE,) and short_only.short == "Karen Donfried"


def test_only_evidence_the_previous_answer_did_not_use_lets_its_sentence_answer_again():
    previous = PreviousTurn((SENTENCE,), "On 15 December")
    date = [Evidence("15 décembre", 0, 11)]
    assert _in_turn(previous, SENTENCE, date)  # the same date again: tried elsewhere
    assert not _in_turn(previous, SENTENCE, [Evidence("Karen Donfried", 0, 14)])  # new
    assert not _in_turn(previous, "Le 17 décembre, Moscou a publié un projet.", date)
    assert not _in_turn(previous, SENTENCE, [])  # no fact of the type: the gate decides
    assert not repeats(SENTENCE, date)  # outside a follow-up nothing is a repeat


def test_follow_up_asking_another_date_is_not_answered_by_the_previous_date(seeded_bot):
    # the history holds only the short answer: its sentence is the one nearest to the turn
    history = [{"role": "user", "content": "To which American official did Russia hand its "
                                           "draft treaty?"},
               {"role": "assistant", "content": "Karen Donfried, on 15 December [1]."}]
    for question, date in (("When had it been published?", "17 December"),
                           ("Et quand Moscou l'avait-elle rendu public ?", "17 décembre")):
        answer = seeded_bot.ask(question, history)
        assert not answer.refused and date in answer.text.split("\n\n")[0], question


def test_follow_up_whose_answer_is_in_the_quoted_sentence_still_gets_it(seeded_bot):
    caption = ("Des drapeaux flottent devant le siège de l'Alliance avant une réunion des "
               "ministres de la Défense de l'OTAN, à Bruxelles, Belgique, le 21 octobre 2021.")
    history = [{"role": "user", "content": "On what day did the NATO defence ministers "
                                           "gather, in the photo?"},
               {"role": "assistant", "content": f"On 21 October 2021 [1].\n\nThe articles say "
                                                f"(in French): « {caption} » [1]"}]
    answer = seeded_bot.ask("And where?", history)
    assert not answer.refused and "Bruxelles" in answer.text.split("\n\n")[0]
