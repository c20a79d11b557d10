"""Faults, each bounded in requests and time: kill -9 during `qa ingest` of SPF-size input,
then ingest again; the Chroma server going away (killed, or hung) mid-session and coming back
on the same port, without rebuilding the `QA` object."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter

import chromadb
import pytest
from chromadb.config import Settings as ChromaSettings

from qa import QA
from qa.migrate import migrate
from qa.store import StoreUnavailable
from qa.web import respond
from qa.web_render import friendly_error
from tests.chroma_server import (
    ChromaServer,
    HashEmbedder,
    expected_chunk_ids,
    free_port,
    write_spf_fiches,
)
from tests.conftest import ROOT, make_settings, server_settings

N_FICHES = 150


def _server_rows(settings) -> int:
    """Chunks a server holds so far in the collection of `settings` (0 if not yet)."""
    try:
        client = chromadb.HttpClient(host=settings.chroma_host, port=settings.chroma_port,
                                     settings=ChromaSettings(anonymized_telemetry=False))
        return client.get_collection(settings.collection).count()
    except Exception:
        return 0


def _queue_rows(store_dir) -> int:
    """Rows Chroma has written so far (read-only peek at its SQLite file; 0 if not yet)."""
    db = store_dir / "chroma.sqlite3"
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.2) as conn:
            return int(conn.execute("SELECT count(*) FROM embeddings_queue").fetchone()[0])
    except sqlite3.Error:
        return 0


def _qa(args: list[str], env: dict, timeout: float) -> subprocess.CompletedProcess:
    """`qa ARGS` with the fast test embedder, in a subprocess."""
    return subprocess.run([sys.executable, "-m", "tests.chroma_server", *args], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=timeout)


@pytest.mark.parametrize("mode", ["embedded", "server"])
def test_kill_9_during_ingest_then_ingest_again(tmp_path, mode, request):
    folder = tmp_path / "spf"
    files = write_spf_fiches(folder, N_FICHES)
    env = {**os.environ, "QA_STORE_PATH": str(tmp_path / "store"), "QA_COLLECTION": "kill9",
           "QA_TEST_EMBED_DELAY": "0.01", "QA_INGEST_BATCH": "64", "HF_HUB_OFFLINE": "1"}
    env.pop("QA_CHROMA_HOST", None)
    if mode == "server":
        server = request.getfixturevalue("chroma_server")
        settings = server_settings(tmp_path, server, collection="kill9")
        env.update(QA_CHROMA_HOST=server.host, QA_CHROMA_PORT=str(server.port))

        def written() -> int:
            return _server_rows(settings)
    else:
        settings = make_settings(tmp_path, collection="kill9")

        def written() -> int:
            return _queue_rows(settings.store_path)

    proc = subprocess.Popen([sys.executable, "-m", "tests.chroma_server", "ingest", str(folder)],
                            cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        while written() == 0 and proc.poll() is None:
            assert time.monotonic() < deadline, "no chunk written in 120 s"
            time.sleep(0.05)
        time.sleep(0.5)  # let it get into the next batches
        assert proc.poll() is None, "the ingest finished before the kill: use more fiches"
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL

    # The index left by the kill opens and is readable (another process, as a user would).
    seen = _qa(["sources", "--json"], {**env, "QA_TEST_EMBED_DELAY": "0"}, timeout=120)
    assert seen.returncode == 0, seen.stderr
    at_kill = {d["doc_id"]: d["doc_hash"] for d in json.loads(seen.stdout)["articles"]}
    assert 0 < len(at_kill) < N_FICHES, f"{len(at_kill)} articles indexed at the kill"

    # Before resuming, three already indexed fiches change: their old versions must go.
    changed = [p for p in files if p.stem in at_kill][:3]
    for path in changed:
        path.write_text(path.read_text(encoding="utf-8") + "\nMise à jour : nouvelle règle.\n",
                        encoding="utf-8")

    started = time.perf_counter()
    resumed = _qa(["ingest", str(folder)], {**env, "QA_TEST_EMBED_DELAY": "0"}, timeout=240)
    resume_s = time.perf_counter() - started
    assert resumed.returncode == 0, resumed.stderr[-2000:]
    print(f"\n{mode}: kill -9 after {len(at_kill)}/{N_FICHES} fiches; resume ingest took "
          f"{resume_s:.1f}s: {resumed.stdout.strip()}")

    bot = QA(settings)
    bot.__dict__["embedder"] = HashEmbedder()
    docs = bot.store.docs()
    expected = expected_chunk_ids(files, settings)
    stored = bot.store.chunk_ids()
    assert len(docs) == N_FICHES
    assert set(stored) == set(expected)  # complete, nothing extra (no stale version)
    assert bot.store.count() == len(expected) == sum(d.n_chunks for d in docs.values())
    assert all(docs[doc_id].doc_hash == doc_hash for doc_id, doc_hash in stored.values())
    positions = Counter((c.meta["doc_id"], c.meta["n"]) for c in bot.store.iter_chunks())
    assert max(positions.values()) == 1  # no duplicate chunk
    for path in changed:
        assert docs[path.stem].doc_hash != at_kill[path.stem]
    # The vector index holds what SQLite holds: a chunk's own vector finds that chunk.
    sample = [c for i, c in enumerate(bot.store.iter_chunks(with_vectors=True)) if i % 97 == 0]
    for chunk in sample:
        assert bot.store.nearest(chunk.meta["_vector"], 1)[0].id == chunk.id
    assert bot.retrieve("médiation familiale autorité parentale", 5)


@pytest.fixture()
def own_server(tmp_path, seeded_bot):
    """A server of this test only (it gets stopped), holding the bundled articles."""
    server = ChromaServer(tmp_path / "db", port=free_port()).start()
    settings = server_settings(tmp_path, server, collection="outage", chroma_timeout_s=3.0)
    migrate(seeded_bot.settings, settings, seeded_bot.embedder.name, seeded_bot.embedder.dim)
    yield server, settings
    if server.proc and server.proc.poll() is None:
        os.kill(server.proc.pid, signal.SIGCONT)
    server.stop()


def _bot(settings, seeded_bot) -> QA:
    bot = QA(settings)
    bot.__dict__["embedder"] = seeded_bot.embedder
    return bot


QUESTION = "Quand aura lieu la réunion du Conseil OTAN-Russie ?"


def test_server_killed_mid_session_then_back_on_the_same_port(own_server, seeded_bot):
    server, settings = own_server
    bot = _bot(settings, seeded_bot)
    assert "12" in bot.ask(QUESTION).text
    chunks = bot.store.count()

    server.kill()  # kill -9: no goodbye
    late = _bot(settings, seeded_bot)  # a session opened while the server is down
    for who in (bot, late):
        started = time.perf_counter()
        with pytest.raises(StoreUnavailable, match="cannot be reached") as caught:
            who.ask(QUESTION)
        assert time.perf_counter() - started < 10
        message = friendly_error(caught.value)
        assert "unreachable" in message and "Traceback" not in message
    history = list(respond(bot, QUESTION, []))[-1][0]  # what the web chat shows
    assert "unreachable" in history[-1]["content"]

    server.start()  # same folder, same port; the same QA objects carry on
    assert bot.store.count() == chunks  # nothing lost to the kill
    for who in (bot, late):
        answer = who.ask(QUESTION)
        assert "12" in answer.text and answer.citations


def test_hung_server_times_out_with_a_clear_error(own_server, seeded_bot):
    server, settings = own_server
    bot = _bot(settings, seeded_bot)
    assert bot.retrieve(QUESTION, 3)
    os.kill(server.proc.pid, signal.SIGSTOP)  # accepts connections, never answers
    try:
        started = time.perf_counter()
        with pytest.raises(StoreUnavailable):
            bot.retrieve(QUESTION, 3)
        assert time.perf_counter() - started < 15  # QA_CHROMA_TIMEOUT_S=3, not forever
    finally:
        os.kill(server.proc.pid, signal.SIGCONT)
    assert bot.retrieve(QUESTION, 3)
