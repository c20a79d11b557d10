"""Syndicated copies (qa.syndication): found across articles, retrieved and quoted once."""

from __future__ import annotations

import json

from qa.results import Passage
from qa.store import StoredChunk
from qa.syndication import find_copies, same_text
from tests.news_site import WEB

EXPECTED = json.loads((WEB / "expected.json").read_text(encoding="utf-8"))


def test_wire_sentences_shared_by_two_outlets_are_linked_both_ways() -> None:
    chunks = [StoredChunk(id=path, text="\n\n".join(gold["content"]), meta={"doc_id": path})
              for path, gold in EXPECTED.items()]
    copies = find_copies(chunks)
    courrier, gazette = "/courrier/otan-geneve.html", "/gazette/depeche-geneve.html"
    assert set(copies) == {courrier, gazette}
    for mine, other in ((courrier, gazette), (gazette, courrier)):
        text = chunks[[c.id for c in chunks].index(mine)].text
        linked = [text[a:b] for a, b, docs in copies[mine] if docs == (other,)]
        assert len(linked) == 2 == len(copies[mine])  # Riabkov's warning and the sanctions
        assert "Riabkov" in linked[0] and "sanctions" in linked[1]


def test_same_text_tolerates_small_edits_only() -> None:
    a = ("La délégation russe sera conduite par le vice-ministre des Affaires étrangères "
         "Sergueï Riabkov, qui a averti mardi que Moscou ne ferait aucune concession.")
    assert same_text(a, a.replace("conduite", "dirigée"))
    assert not same_text(a, "La délégation russe arrivera à Genève dimanche soir pour "
                            "préparer les discussions avec les Américains.")


def test_a_pure_copy_is_retrieved_once() -> None:
    from qa.syndication import drop_copies

    wire = "La délégation russe sera conduite par le vice-ministre Sergueï Riabkov, mardi."
    first = Passage(id="a", doc_id="A", title="t", source="s", text=wire, start=0,
                    end=len(wire), copies=((0, len(wire), ("B",)),))
    copy = Passage(id="b", doc_id="B", title="t", source="s", text=wire, start=0,
                   end=len(wire), copies=((0, len(wire), ("A",)),))
    other = Passage(id="c", doc_id="C", title="t", source="s", text=wire, start=0,
                    end=len(wire))
    assert [p.id for p in drop_copies([first, copy, other])] == ["a", "c"]
    assert [p.id for p in drop_copies([copy])] == ["b"]
