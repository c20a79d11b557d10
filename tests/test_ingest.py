"""Ingestion into a real embedded Chroma: idempotent, incremental, safe on bad input."""

from pathlib import Path

from qa import QA
from qa.ingest import chunk_article, clean, make_splitter, read_file
from tests.conftest import ARTICLES, make_settings


def test_chunks_carry_offsets_into_the_cleaned_text():
    path = sorted(ARTICLES.glob("*.txt"))[0]
    doc = read_file(path)
    article = clean(doc)
    settings = make_settings(Path("/tmp"))
    chunks = chunk_article(doc.doc_id, article, "h" * 64, make_splitter(settings))
    assert len(chunks) >= 2
    for chunk in chunks:
        assert article.text[chunk.start : chunk.end] == chunk.text


def test_reingest_adds_nothing_and_changed_file_replaces_its_chunks(tmp_path, corpus_copy):
    bot = QA(make_settings(tmp_path))
    first = bot.ingest([corpus_copy])
    assert len(first.added) == 5
    count = bot.store.count()
    again = bot.ingest([corpus_copy])
    assert again.added == [] and len(again.unchanged) == 5 and again.chunks_written == 0
    assert bot.store.count() == count

    target = sorted(corpus_copy.glob("*.txt"))[3]
    text = target.read_text(encoding="utf-8")
    target.write_text(text + "\n\nLe sommet extraordinaire se tiendra à Oslo le 3 mars.\n",
                      encoding="utf-8")
    changed = bot.ingest([corpus_copy])
    assert changed.updated == [target.stem] and len(changed.unchanged) == 4
    assert changed.vectors_reused >= 1  # unchanged chunks keep their vectors
    record = bot.store.docs()[target.stem]
    stored = bot.store.chunks_of(target.stem)
    assert len(stored) == record.n_chunks
    assert all(c.meta["doc_hash"] == record.doc_hash for c in stored)
    passages = bot.retrieve("Où se tiendra le sommet extraordinaire du 3 mars ?", 3)
    assert any("Oslo" in p.text for p in passages)


def own_bot(tmp_path: Path, seeded_bot: QA) -> QA:
    """A bot over the private copy of the seeded index (`seeded_store`), sharing the loaded
    embedder."""
    bot = QA(make_settings(tmp_path))
    bot.__dict__["embedder"] = seeded_bot.embedder
    return bot


def test_interrupted_write_is_repaired_by_the_next_ingest(tmp_path, seeded_store, seeded_bot,
                                                          corpus_copy):
    """New chunks written but the manifest never switched (a crash): the next run repairs."""
    bot = own_bot(tmp_path, seeded_bot)
    assert len(bot.ingest([corpus_copy]).unchanged) == 5  # the copy is the indexed corpus
    target = sorted(corpus_copy.glob("*.txt"))[0]
    old = bot.store.docs()[target.stem]
    # Simulate the crash: store orphan chunks of a version the manifest never named.
    orphan = bot.store.chunks_of(target.stem)[0]
    vec = bot.embedder.embed_passages(["texte orphelin"])
    bot.store.add_chunks([f"{target.stem}::deadbeef::0000"], vec, ["texte orphelin"],
                         [{**orphan.meta, "doc_hash": "deadbeef" * 8}])
    assert all("orphelin" not in p.text for p in bot.retrieve("texte orphelin", 10))
    target.write_text(target.read_text(encoding="utf-8") + "\n\nUn ajout.\n", encoding="utf-8")
    bot.ingest([corpus_copy])
    stored = bot.store.chunks_of(target.stem)
    new = bot.store.docs()[target.stem]
    assert new.doc_hash != old.doc_hash
    assert len(stored) == new.n_chunks
    assert {c.meta["doc_hash"] for c in stored} == {new.doc_hash}


def test_bad_inputs_are_reported_and_index_nothing(tmp_path):
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_text("", encoding="utf-8")
    (bad / "binary.txt").write_bytes(b"\x00\x01\x02PNG\x00" * 100)
    (bad / "notes.pdf").write_bytes(b"%PDF-1.4")
    latin = "L'OTAN a expulsé huit diplomates russes à Bruxelles en octobre. Réunion prévue."
    (bad / "latin1.txt").write_bytes(latin.encode("latin-1"))
    bot = QA(make_settings(tmp_path))
    report = bot.ingest([bad, tmp_path / "missing", bad / "notes.pdf"])
    reasons = dict(report.skipped)
    assert "empty" in reasons[str((bad / "empty.txt").resolve())]
    assert "binary" in reasons[str((bad / "binary.txt").resolve())]
    assert "unsupported" in reasons[str(bad / "notes.pdf")]
    assert "no such file" in reasons[str(tmp_path / "missing")]
    assert report.added == ["latin1"]
    passage = bot.retrieve("diplomates expulsés", 1)[0]
    assert "expulsé" in passage.text and "Réunion" in passage.text


def test_remove_deletes_article_and_chunks(tmp_path, seeded_store, seeded_bot):
    bot = own_bot(tmp_path, seeded_bot)
    victim = sorted(ARTICLES.glob("*.txt"))[1].stem
    removed = bot.remove(victim)
    assert removed > 0
    assert victim not in bot.store.docs()
    assert bot.store.chunks_of(victim) == []
    assert all(p.doc_id != victim for p in bot.retrieve("Borrell Ukraine", 10))
