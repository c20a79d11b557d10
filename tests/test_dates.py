"""Relative dates resolved from the publication date (qa.answer.dates), and the verifier's use."""

from __future__ import annotations

import pytest

from qa.answer.dates import date_evidence, implied_dates, render, resolve
from qa.answer.verify import check_sentence
from qa.results import Passage

CASES = [  # sentence, publication date, expected (expression, date) pairs
    ("Les diplomates américains et russes se retrouveront lundi à Genève pour des "
     "discussions, a annoncé vendredi le département d'État.", "2022-01-07",
     [("lundi", "2022-01-10"), ("vendredi", "2022-01-07")]),
    ("Le Conseil OTAN-Russie se réunira ensuite mercredi prochain à Bruxelles.", "2022-01-07",
     [("mercredi prochain", "2022-01-12")]),
    ("Jens Stoltenberg a réuni mardi les ministres des Affaires étrangères de l'Alliance.",
     "2022-01-07", [("mardi", "2022-01-04")]),
    ("Les ministres se retrouveront demain à Brest.", "2022-01-07", [("demain", "2022-01-08")]),
    ("Hier, le Kremlin a rejeté la proposition.", "2022-01-07", [("Hier", "2022-01-06")]),
    ("Le Conseil OTAN-Russie doit se tenir mercredi à Bruxelles.", "2022-01-08",
     [("mercredi", "2022-01-12")]),
    ("Dmytro Kouleba a appelé jeudi les alliés à la prudence.", "2022-01-08",
     [("jeudi", "2022-01-06")]),
    ("The foreign ministers will meet on Tuesday in Riga.", "2022-03-03",
     [("on Tuesday", "2022-03-08")]),
    ("Lithuania's foreign minister said on Monday that the flank must be reinforced.",
     "2022-03-03", [("on Monday", "2022-02-28")]),
    ("Yesterday, Latvia announced a new package of military aid.", "2022-03-03",
     [("Yesterday", "2022-03-02")]),
    ("The summit is to open next Monday in Madrid.", "2022-03-03",
     [("next Monday", "2022-03-07")]),
    ("Russes et Américains se retrouveront lundi 10 janvier à Genève.", "2022-01-07", []),
]


@pytest.mark.parametrize(("sentence", "published", "expected"), CASES)
def test_resolve(sentence: str, published: str, expected: list) -> None:
    assert [(r.written, r.date.isoformat()) for r in resolve(sentence, published)] == expected


def test_unknown_publication_date_keeps_the_weekday_as_written() -> None:
    sentence = "La Première ministre a déclaré jeudi que rien n'était décidé."
    assert resolve(sentence, None) == []
    assert [e.text for e in date_evidence(sentence, None, "Quand a-t-elle parlé ?")] == ["jeudi"]
    assert implied_dates(sentence, None) == ""


def test_render_in_both_languages() -> None:
    import datetime as dt
    assert render(dt.date(2022, 1, 10), "fr") == "lundi 10 janvier 2022"
    assert render(dt.date(2022, 3, 1), "fr") == "mardi 1er mars 2022"
    assert render(dt.date(2022, 3, 8), "en") == "Tuesday 8 March 2022"


def _passage(text: str, published: str | None) -> Passage:
    return Passage(id="p", doc_id="d", title="Genève", source="s", text=text, start=0,
                   end=len(text), published=published)


def test_verifier_accepts_the_date_a_passage_implies_and_no_other() -> None:
    text = "Les diplomates américains et russes se retrouveront lundi à Genève."
    dated = [_passage(text, "2022-01-07")]
    assert check_sentence("Ils se retrouveront le lundi 10 janvier 2022 à Genève [1].",
                          dated).verified
    assert check_sentence("They meet on Monday 10 January 2022 in Geneva [1].", dated).verified
    wrong = check_sentence("Ils se retrouveront le mardi 11 janvier 2022 à Genève [1].", dated)
    assert not wrong.verified
    undated = [_passage(text, None)]
    assert not check_sentence("Ils se retrouveront le lundi 10 janvier 2022 [1].",
                              undated).verified

