"""A follow-up asking who said what the previous answer gave is answered by that answer's
sentence and its speaker, named or only described (qa.answer.speaker); an untyped follow-up
that the previous answer's sentence holds none of the words of is refused
(qa.answer.conversation)."""

from qa.answer.speaker import asks_who_said, described_speaker


def test_the_speaker_is_the_subject_of_the_verb_of_saying_when_it_is_a_description():
    cases = {
        "Le porte-parole de la mairie a déclaré que le pont restera fermé.":
            "Le porte-parole de la mairie",
        "The bridge will stay shut until May, said the council's spokeswoman.":
            "the council's spokeswoman",
        "« Le pont restera fermé », a déclaré le maire adjoint.": "le maire adjoint",
        "The head of the union said that the strike would go ahead.": "The head of the union",
    }
    for sentence, speaker in cases.items():
        found = described_speaker(sentence)
        assert found is not None and found.text == speaker, sentence
        assert sentence[found.start:found.end] == speaker and not found.preferred
    # no verb of saying, or a subject that is not a description: no speaker
    assert described_speaker("The bridge will stay shut until May.") is None
    assert described_speaker("The talks were held in Geneva, near the lake.") is None
    assert described_speaker("Hier, dans un communiqué, la mairie a déclaré que...") is None


def test_who_said_is_a_follow_up_with_a_verb_of_saying_and_no_words_of_its_own():
    context = " (How does the council see the bridge? As unsafe)"
    assert asks_who_said("Who said so?" + context)
    assert asks_who_said("Qui a dit ça ?" + context)
    assert not asks_who_said("Who said so?")  # not a follow-up: no previous answer
    assert not asks_who_said("Who said the bridge was unsafe?" + context)  # words of its own
    assert not asks_who_said("Who chairs it?" + context)  # no verb of saying


def test_who_said_that_gets_the_described_speaker_of_the_previous_answer(seeded_bot):
    history = [{"role": "user", "content": "Comment l'UE voit-elle l'Ukraine ?"},
               {"role": "assistant", "content": "Comme un partenaire stratégique [1]."}]
    answer = seeded_bot.ask("Qui a dit ça ?", history)
    lead = answer.text.split("\n\n")[0]
    assert not answer.refused and lead.startswith("Le porte-parole"), answer.text


def test_a_follow_up_the_previous_sentence_holds_nothing_of_is_refused(seeded_bot):
    history = [{"role": "user", "content": "Où Josep Borrell s'est-il rendu mardi ?"},
               {"role": "assistant", "content": "En Ukraine [1]."}]
    assert seeded_bot.ask("Et qu'y a-t-il mangé ?", history).refused
    shown = seeded_bot.ask("Et pour y montrer quoi ?", history)  # the same sentence says it
    assert not shown.refused and "soutien" in shown.text, shown.text


def _ranked(passage_text: str, scored: list[tuple[str, float, float]]) -> list:
    """Candidates of one English passage: (sentence, score, similarity), best first."""
    from qa.answer.extractive import Candidate
    from qa.results import Passage
    passage = Passage("p1", "d1", "Title", "src", passage_text, 0, len(passage_text),
                      language="en")
    out = []
    for text, score, similarity in scored:
        start = passage_text.index(text)
        out.append(Candidate(0, passage, start, start + len(text), text, similarity=similarity,
                             score=score))
    return out


_RACE = ("In the women's race, the Dutch runner Femke Bosman won in 2 hours 19 minutes. "
         "It was her second win in Rotterdam. "
         "The crowd along the quay greeted her with orange flags.")
_WON = "In the women's race, the Dutch runner Femke Bosman won in 2 hours 19 minutes."
_CROWD = "The crowd along the quay greeted her with orange flags."
_AGAIN = "It was her second win in Rotterdam."


def test_a_sentence_holding_the_follow_ups_own_words_leads_the_one_holding_none():
    from qa.answer.conversation import OWN_WORDS_MARGIN, own_words_first
    question = "How did the crowd greet her? (Who won the women's race? Femke Bosman)"
    ranked = _ranked(_RACE, [(_WON, 0.83, 0.82), (_CROWD, 0.82, 0.79)])
    assert [c.text for c in own_words_first(question, ranked, None)] == [_CROWD, _WON]
    # too far below, or the best one holds the follow-up's words itself: as ranked
    far = _ranked(_RACE, [(_WON, 0.83, 0.82), (_CROWD, 0.83 - 2 * OWN_WORDS_MARGIN, 0.79)])
    assert [c.text for c in own_words_first(question, far, None)] == [_WON, _CROWD]
    held = _ranked(_RACE, [(_CROWD, 0.83, 0.82), (_WON, 0.82, 0.79)])
    assert [c.text for c in own_words_first(question, held, None)] == [_CROWD, _WON]
    # a question without history is never reordered
    assert own_words_first("How did the crowd greet her?", ranked, None) == ranked


def test_an_untyped_follow_up_gets_the_sentence_continuing_the_previous_answer():
    from qa.answer.conversation import continued
    from qa.answer.previous import PreviousTurn, within
    question = "Why so? (Who won the women's race? Femke Bosman)"
    previous = PreviousTurn((_WON,), "Femke Bosman")
    # "It was her second win" opens on a pronoun: read after the previous answer's sentence
    ranked = _ranked(_RACE, [(_WON, 0.90, 0.85), (_CROWD, 0.88, 0.80), (_AGAIN, 0.86, 0.86)])

    def after_previous(candidates: list) -> list:
        return next(within(previous, (continued(question, candidates, None) for _ in [0])))

    assert [c.text for c in after_previous(ranked)] == [_AGAIN, _WON, _CROWD]
    # less close than the previous sentence, or no previous turn: as ranked
    weaker = _ranked(_RACE, [(_WON, 0.90, 0.85), (_AGAIN, 0.86, 0.84)])
    assert after_previous(weaker) == weaker
    assert continued(question, ranked, None) == ranked


def test_why_after_an_announcement_is_answered_by_the_sentence_giving_its_cause(seeded_bot):
    history = [{"role": "user", "content": "Quels liens Moscou a-t-elle annoncé suspendre ?"},
               {"role": "assistant", "content": "Tous ses liens bilatéraux directs avec le "
                                                "bloc militaire [1]."}]
    answer = seeded_bot.ask("Pourquoi ?", history)
    assert not answer.refused and "expulsion" in answer.text, answer.text
