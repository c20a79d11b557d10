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
