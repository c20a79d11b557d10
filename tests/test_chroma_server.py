"""The same ingest/ask/eval code against a real Chroma server (`chroma run` on loopback),
ingest in batches smaller than the input, resume after an interruption, and `qa migrate`
from the embedded store to the server and back."""

from __future__ import annotations

import os
import subprocess
import sys

import httpx
import numpy as np
import pytest

from qa import QA
from qa.evaluate import load_questions, run_eval
from qa.migrate import migrate
from qa.store import StoreUnavailable
from tests.chroma_server import HashEmbedder, expected_chunk_ids, write_spf_fiches
from tests.conftest import ARTICLES, ROOT, SEED, make_settings, server_settings

pytestmark = pytest.mark.server


def _with_embedder(bot: QA, embedder) -> QA:
    bot.__dict__["embedder"] = embedder  # share a loaded model instead of building another
    return bot


@pytest.fixture(scope="module")
def server_bot(chroma_server, seeded_bot, tmp_path_factory) -> QA:
    """The bundled articles ingested into the server with the real embedder."""
    tmp = tmp_path_factory.mktemp("server-bot")
    bot = _with_embedder(QA(server_settings(tmp, chroma_server, collection="srv-articles")),
                         seeded_bot.embedder)
    report = bot.ingest([ARTICLES])
    assert len(report.added) == 5, report.summary()
    return bot


def _snapshot(bot: QA) -> dict[str, tuple[str, dict, np.ndarray]]:
    return {c.id: (c.text, {k: v for k, v in c.meta.items() if k != "_vector"},
                   c.meta["_vector"]) for c in bot.store.iter_chunks(with_vectors=True)}


def test_server_ingest_is_the_same_index_and_idempotent(server_bot, seeded_bot):
    assert server_bot.store.location.startswith("chroma://127.0.0.1:")
    assert set(server_bot.store.chunk_ids()) == set(seeded_bot.store.chunk_ids())
    assert server_bot.store.docs().keys() == seeded_bot.store.docs().keys()
    again = server_bot.ingest([ARTICLES])
    assert len(again.unchanged) == 5 and again.chunks_written == 0


def test_ask_and_eval_on_the_server(server_bot):
    answer = server_bot.ask("Quand aura lieu la réunion du Conseil OTAN-Russie ?")
    assert "12" in answer.text and answer.citations and not answer.refused
    questions = [q for q in load_questions(SEED) if q.id in {"s01", "s03", "s16"}]
    summary, results = run_eval(questions, server_bot.ask,
                                lambda q, k: server_bot.retrieve(q, k), k=5)
    assert len(results) == 3 and summary
    assert all(r.refusal_ok for r in results), [(r.id, r.answer) for r in results]
    assert all(r.answer_ok for r in results if r.answerable), [r.answer for r in results]


def test_ingest_in_batches_smaller_than_the_input(chroma_server, tmp_path):
    files = write_spf_fiches(tmp_path / "spf", 12)
    settings = server_settings(tmp_path, chroma_server, collection="srv-batches",
                               ingest_batch=16)
    bot = _with_embedder(QA(settings), HashEmbedder())
    sizes: list[int] = []
    upsert = bot.store._chunks.upsert

    def spy(**kwargs):
        sizes.append(len(kwargs["ids"]))
        return upsert(**kwargs)

    bot.store._chunks.upsert = spy
    report = bot.ingest([tmp_path / "spf"])
    assert len(report.added) == 12
    expected = expected_chunk_ids(files, settings)
    assert len(expected) > 3 * 16
    assert max(sizes) <= 16 and sum(sizes) == len(expected) and len(sizes) >= 4
    assert set(bot.store.chunk_ids()) == set(expected)
    assert bot.store.count() == len(expected)


def test_server_ingest_resumes_after_an_interruption(chroma_server, tmp_path):
    """The connection drops after a few batches; the next run completes the index."""
    files = write_spf_fiches(tmp_path / "spf", 15)
    settings = server_settings(tmp_path, chroma_server, collection="srv-resume",
                               ingest_batch=24)
    bot = _with_embedder(QA(settings), HashEmbedder())
    calls = 0
    upsert = bot.store._chunks.upsert

    def flaky(**kwargs):
        nonlocal calls
        calls += 1
        if calls == 4:
            raise httpx.ConnectError("[Errno 111] Connection refused")
        return upsert(**kwargs)

    bot.store._chunks.upsert = flaky
    with pytest.raises(StoreUnavailable, match="cannot be reached"):
        bot.ingest([tmp_path / "spf"])
    partial = bot.store.docs()
    assert 0 < len(partial) < 15
    resumed = _with_embedder(QA(settings), HashEmbedder())
    report = resumed.ingest([tmp_path / "spf"])
    assert len(report.unchanged) == len(partial)
    assert len(report.added) == 15 - len(partial)
    expected = expected_chunk_ids(files, settings)
    assert set(resumed.store.chunk_ids()) == set(expected)
    assert resumed.store.count() == len(expected)


def test_migrate_embedded_to_server_and_back(seeded_bot, chroma_server, tmp_path):
    name, dim = seeded_bot.embedder.name, seeded_bot.embedder.dim
    to_server = server_settings(tmp_path, chroma_server, collection="srv-migrated")
    first = migrate(seeded_bot.settings, to_server, name, dim)
    assert len(first.copied) == 5 and first.chunks_copied == seeded_bot.store.count()
    again = migrate(seeded_bot.settings, to_server, name, dim)
    assert again.copied == [] and len(again.unchanged) == 5 and again.chunks_copied == 0

    on_server = _with_embedder(QA(to_server), seeded_bot.embedder)
    source = _snapshot(seeded_bot)
    copied = _snapshot(on_server)
    assert copied.keys() == source.keys()
    for cid, (text, meta, vector) in source.items():
        assert copied[cid][0] == text and copied[cid][1] == meta
        assert np.allclose(copied[cid][2], vector, atol=1e-6)
    assert on_server.store.docs() == seeded_bot.store.docs()
    assert on_server.store.calibration() == seeded_bot.store.calibration() != {}
    assert "12" in on_server.ask("When is the NRC meeting?").text

    back = make_settings(tmp_path / "back")
    returned = migrate(to_server, back, name, dim)
    assert len(returned.copied) == 5
    assert migrate(to_server, back, name, dim).chunks_copied == 0
    local = _with_embedder(QA(back), seeded_bot.embedder)
    assert _snapshot(local).keys() == source.keys()
    assert local.store.docs() == seeded_bot.store.docs()


def test_migrate_replaces_changed_versions_and_keeps_target_only_articles(
        chroma_server, tmp_path):
    folder = tmp_path / "spf"
    files = write_spf_fiches(folder, 4)
    local = make_settings(tmp_path)
    source = _with_embedder(QA(local), HashEmbedder())
    source.ingest([folder])
    target = server_settings(tmp_path, chroma_server, collection="srv-migrate-update")
    name, dim = HashEmbedder.name, HashEmbedder.dim
    migrate(local, target, name, dim)
    # the target gets an article of its own; the source changes one article
    extra = write_spf_fiches(tmp_path / "extra", 5)[-1:]
    on_server = _with_embedder(QA(target), HashEmbedder())
    on_server.ingest(extra)
    old_n = source.store.docs()[files[0].stem].n_chunks
    files[0].write_text(files[0].read_text(encoding="utf-8").replace("Fiche", "Fiche modifiée"),
                        encoding="utf-8")
    source.ingest([folder])
    report = migrate(local, target, name, dim)
    assert report.copied == [files[0].stem] and report.stale_removed == old_n
    assert report.kept == [extra[0].stem]
    want = set(expected_chunk_ids(files + extra, local))
    assert set(on_server.store.chunk_ids()) == want
    replaced = migrate(local, target, name, dim, replace=True)
    assert len(replaced.copied) == 4 and replaced.kept == []
    assert set(on_server.store.chunk_ids()) == set(expected_chunk_ids(files, local))


def test_qa_migrate_command(seeded_bot, chroma_server, tmp_path):
    env = {**os.environ, "QA_STORE_PATH": str(seeded_bot.settings.store_path),
           "QA_COLLECTION": "articles", "HF_HUB_OFFLINE": "1"}
    env.pop("QA_CHROMA_HOST", None)
    cmd = [sys.executable, "-m", "qa.cli", "migrate", "--to", "server",
           "--host", chroma_server.host, "--port", str(chroma_server.port)]
    done = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "5 articles copied" in done.stdout
    back = [sys.executable, "-m", "qa.cli", "migrate", "--to", "local", "--path",
            str(tmp_path / "back"), "--host", chroma_server.host, "--port",
            str(chroma_server.port)]
    done = subprocess.run(back, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and "5 articles copied" in done.stdout, done.stderr
    missing = subprocess.run(
        [sys.executable, "-m", "qa.cli", "migrate", "--to", "server", "--path",
         str(tmp_path / "nothing"), "--host", chroma_server.host, "--port",
         str(chroma_server.port)], cwd=ROOT, env=env, capture_output=True, text=True,
        timeout=120)
    assert missing.returncode == 2 and "no index at" in missing.stderr
    assert "Traceback" not in missing.stderr
