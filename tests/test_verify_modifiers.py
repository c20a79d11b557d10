"""Places written as modifiers or as list items, with the real multilingual embedder: a place
adjective must stand, in the passage, beside what it qualifies (qa/answer/modifiers.py), and a
place in one item of a list is judged by what that item says (qa/answer/slots.py)."""

import pytest

from qa.answer.modifiers import moved_modifier
from qa.answer.slots import misplaced_slot

FERRY = ("The new line will be run by Fjordline, a joint venture between a Danish shipping group "
         "and a Swedish bank. Transport minister Anna Berg opened it on Friday.")
TALKS = ("Les négociations de Lyon se tiendront en mai, après une réunion des experts à Genève "
         "au printemps.")
STORM = ("Two buildings were damaged: a school whose roof was torn off near Ardmore, and a "
         "church in Kilrush. The wind reached 130 kilometres per hour.")


@pytest.mark.parametrize(("sentence", "passage", "moved"), [
    ("Fjordline is a joint venture between a Swedish shipping group and a Danish bank.", FERRY,
     "Swedish"),
    ("Fjordline is a joint venture between a Danish shipping group and a Swedish bank.", FERRY,
     ""),
    ("The Danish transport minister Anna Berg opened the line on Friday.", FERRY, "Danish"),
    ("A Danish shipping group and a Swedish bank run Fjordline together.", FERRY, ""),
    ("Les négociations genevoises se tiendront en mai.", TALKS, "genevoises"),
    ("Les négociations de Lyon se tiendront en mai.", TALKS, ""),
])
def test_a_place_adjective_must_qualify_what_the_passage_puts_it_on(sentence, passage, moved,
                                                                     vectors):
    assert moved_modifier(sentence, [passage], vectors) == moved


@pytest.mark.parametrize(("sentence", "misplaced"), [
    ("A school whose roof was torn off, and a church that stands in Ardmore.", "Ardmore"),
    ("Une école dont le toit a été arraché près de Kilrush, et une église.", "Kilrush"),
    ("A school whose roof was torn off near Ardmore, and a church in Kilrush.", ""),
])
def test_a_place_in_a_list_item_is_judged_by_its_item(sentence, misplaced, vectors):
    assert misplaced_slot(sentence, STORM, vectors) == misplaced
