"""Bad input gets a clear error, loses nothing and indexes nothing wrong: odd questions, odd
files, odd names, paths outside the upload folder, broken stores; and the security basics
(local bind by default, no non-local server without auth, no secret in errors or logs)."""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import subprocess
import sys
import time

import pytest

from qa import QA
from qa.ingest import MAX_FILE_BYTES, IngestError, read_file, safe_upload_path
from qa.service import QuestionError
from qa.settings import Settings
from qa.store import Store, StoreError, StoreUnavailable
from qa.web_render import friendly_error
from tests.chroma_server import HashEmbedder, free_port
from tests.conftest import ARTICLES, ROOT, make_settings

FRENCH = ("L'OTAN a expulsé huit diplomates russes à Bruxelles en octobre. La réunion du "
          "Conseil est prévue à l'été ; « c'est un signal fort », a déclaré le secrétaire.")


def _hash_bot(tmp_path) -> QA:
    bot = QA(make_settings(tmp_path))
    bot.__dict__["embedder"] = HashEmbedder()
    return bot


# -- questions ------------------------------------------------------------------------------
@pytest.mark.parametrize("question, message", [
    ("", "Please type a question"),
    ("   \n\t  ", "Please type a question"),
    ("\x00\x07\x1b", "Please type a question"),
    ("pourquoi " * 2500, "too long"),
    (None, "must be text"),
])
def test_unusable_questions_get_a_clear_error_fast(seeded_bot, question, message):
    started = time.perf_counter()
    with pytest.raises(QuestionError, match=message) as caught:
        seeded_bot.ask(question)
    assert time.perf_counter() - started < 1.0  # refused before any model runs
    assert message in friendly_error(caught.value)


def test_twenty_thousand_characters_are_refused(seeded_bot):
    with pytest.raises(QuestionError, match="20000 characters"):
        seeded_bot.ask("x" * 20_000)


def test_control_characters_are_stripped_and_the_question_answered(seeded_bot):
    answer = seeded_bot.ask("Quand\x00 aura\x07 lieu la\x1b[31m réunion du Conseil\r "
                            "OTAN-Russie ?\x7f")
    assert "12" in answer.text and answer.citations and not answer.refused
    assert "\x00" not in answer.question and "\x1b" not in answer.question


@pytest.mark.parametrize("question", [
    "北约-俄罗斯理事会会议什么时候举行？",
    "متى سيعقد اجتماع مجلس الناتو وروسيا؟",
    "Когда состоится заседание Совета Россия-НАТО?",
    "🙂🙂🙂 ??? ¿¡",
])
def test_other_languages_and_scripts_answer_or_refuse_without_crashing(seeded_bot, question):
    answer = seeded_bot.ask(question)
    assert answer.text.strip()
    if answer.refused:
        assert answer.citations == []
    else:
        assert answer.citations and "[1]" in answer.text


# -- files ----------------------------------------------------------------------------------
def test_latin1_and_cp1252_french_are_read_right(tmp_path):
    latin = tmp_path / "latin1.txt"
    latin.write_bytes(FRENCH.encode("latin-1"))
    assert read_file(latin).raw == FRENCH
    cp = tmp_path / "cp1252.txt"
    text = "L’œuvre coûte 5 € — « déjà » vu.\nUne deuxième phrase pour l'article ici."
    cp.write_bytes(text.encode("cp1252"))
    assert read_file(cp).raw == text
    bot = _hash_bot(tmp_path)
    report = bot.ingest([latin, cp])
    assert sorted(report.added) == ["cp1252", "latin1"]
    texts = " ".join(c.text for c in bot.store.iter_chunks())
    assert "expulsé" in texts and "œuvre coûte 5 €" in texts and "\ufffd" not in texts


def test_huge_file_is_refused_by_its_size_without_being_read(tmp_path):
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as fh:  # sparse: 100 MB that take no disk
        fh.truncate(100 * 1024 * 1024)
    started = time.perf_counter()
    with pytest.raises(IngestError, match=r"over the .* MB limit"):
        read_file(huge)
    assert time.perf_counter() - started < 0.5
    bot = _hash_bot(tmp_path)
    report = bot.ingest([huge])
    assert report.added == [] and "MB limit" in dict(report.skipped)[str(huge.resolve())]
    assert huge.stat().st_size > MAX_FILE_BYTES  # left as it was


def test_symlink_loops_and_fifos_are_skipped_not_hanging(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "good.txt").write_text(FRENCH, encoding="utf-8")
    os.symlink("self.txt", folder / "self.txt")
    os.symlink("pong.txt", folder / "ping.txt")
    os.symlink("ping.txt", folder / "pong.txt")
    os.symlink("..", folder / "parent")  # a folder loop
    os.symlink("missing.txt", folder / "dangling.txt")
    os.mkfifo(folder / "pipe.txt")
    bot = _hash_bot(tmp_path)
    started = time.perf_counter()
    report = bot.ingest([folder, folder / "self.txt"])
    assert time.perf_counter() - started < 30
    assert report.added == ["good"]
    reasons = " | ".join(r for _, r in report.skipped)
    assert reasons.count("symbolic link") >= 4 and "not a regular file" in reasons
    assert list(bot.store.docs()) == ["good"]


def test_unsupported_empty_and_binary_files_index_nothing_and_lose_nothing(tmp_path):
    bot = _hash_bot(tmp_path)
    good = tmp_path / "good.txt"
    good.write_text(FRENCH, encoding="utf-8")
    bot.ingest([good])
    before = bot.store.chunk_ids()
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "blank.md").write_text(" \n\n\t ", encoding="utf-8")
    (bad / "binary.txt").write_bytes(bytes(range(256)) * 50)
    (bad / "image.html").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 200)
    (bad / "noise.txt").write_bytes(os.urandom(4096).replace(b"\x00", b"\x01"))
    (bad / "report.docx").write_bytes(b"PK\x03\x04")
    report = bot.ingest([bad, bad / "report.docx"])
    assert report.added == [] and report.updated == []
    reasons = dict(report.skipped)
    assert "unsupported type .docx" in reasons[str(bad / "report.docx")]
    assert len(reasons) == 6, reasons
    assert bot.store.chunk_ids() == before  # nothing lost, nothing added


ODD_NAMES = ["  spaces and 'quotes' \"double\".txt", "-leading-dash.txt", "--rebuild.txt",
             "été à Zürich 日本 مرحبا.txt", "semi;colon $(echo x) `tick`.md", "tab\tname.txt"]


def test_odd_file_names_are_indexed_under_their_own_names(tmp_path):
    folder = tmp_path / "odd"
    folder.mkdir()
    for i, name in enumerate(ODD_NAMES):
        (folder / name).write_text(f"Article {i}\n\n{FRENCH} Numéro {i}.", encoding="utf-8")
    bot = _hash_bot(tmp_path)
    report = bot.ingest([folder])
    stems = sorted(name.rsplit(".", 1)[0] for name in ODD_NAMES)
    assert sorted(report.added) == stems
    assert sorted(bot.store.docs()) == stems
    assert bot.remove("-leading-dash") > 0
    assert "-leading-dash" not in bot.store.docs()


def test_odd_file_names_through_the_command_line(tmp_path):
    folder = tmp_path / "odd"
    folder.mkdir()
    paths = []
    for name in ("-leading-dash.txt", "it's \"quoted\" été.txt"):
        (folder / name).write_text(f"Titre\n\n{FRENCH}", encoding="utf-8")
        paths.append(str(folder / name))
    env = {**os.environ, "QA_STORE_PATH": str(tmp_path / "store"), "HF_HUB_OFFLINE": "1"}
    env.pop("QA_CHROMA_HOST", None)
    run = subprocess.run([sys.executable, "-m", "tests.chroma_server", "ingest", "--", *paths],
                         cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert "2 added" in run.stdout


@pytest.mark.parametrize("name", [
    "../evil.txt", "../../etc/cron.d/x.txt", "/etc/passwd.txt", "sub/dir.txt", "..\\win.txt",
    "..", ".", "", "   ", "nul\x00byte.txt", "line\nbreak.txt", "x" * 300 + ".txt",
    "payload.exe", "archive.tar.gz", "noextension",
])
def test_upload_names_that_would_escape_or_are_unsupported_are_refused(tmp_path, name):
    uploads = tmp_path / "uploads"
    uploads.mkdir()
    with pytest.raises(IngestError):
        safe_upload_path(uploads, name)
    assert list(tmp_path.iterdir()) == [uploads] and not list(uploads.iterdir())


def test_upload_names_with_odd_characters_stay_inside_the_upload_folder(tmp_path):
    uploads = tmp_path / "uploads"
    uploads.mkdir()
    for name in [*ODD_NAMES, "...dots.txt", "Rapport final (v2).HTML"]:
        if "\t" in name:
            continue
        target = safe_upload_path(uploads, name)
        assert target.parent == uploads.resolve() and target.name == name
    os.symlink("/etc/hostname", uploads / "link.txt")  # a planted link pointing out
    with pytest.raises(IngestError, match="outside the upload folder"):
        safe_upload_path(uploads, "link.txt")


# -- broken stores --------------------------------------------------------------------------
def test_store_path_that_is_a_file_is_refused_untouched(tmp_path):
    (tmp_path / "store").write_text("not a folder")
    with pytest.raises(StoreError, match=str(tmp_path / "store")):
        Store(make_settings(tmp_path), "x", 3)
    assert (tmp_path / "store").read_text() == "not a folder"


def test_sqlite_file_of_another_app_is_refused_unchanged(tmp_path):
    store = tmp_path / "store"
    store.mkdir()
    db = store / "chroma.sqlite3"
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE thesis (chapter TEXT)")
        conn.execute("INSERT INTO thesis VALUES ('precious')")
    before = db.read_bytes()
    with pytest.raises(StoreError, match="something else than Chroma"):
        Store(make_settings(tmp_path), "x", 3)
    assert db.read_bytes() == before


def test_cli_on_a_corrupt_store_prints_a_clear_error_without_traceback(tmp_path):
    store = tmp_path / "store"
    store.mkdir()
    (store / "chroma.sqlite3").write_bytes(b"garbage" * 10)
    env = {**os.environ, "QA_STORE_PATH": str(store), "HF_HUB_OFFLINE": "1"}
    env.pop("QA_CHROMA_HOST", None)
    run = subprocess.run([sys.executable, "-m", "qa.cli", "sources"], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 2 and "Traceback" not in run.stderr
    assert str(store) in run.stderr and "nothing was deleted" in run.stderr
    assert (store / "chroma.sqlite3").read_bytes() == b"garbage" * 10


# -- security -------------------------------------------------------------------------------
def test_web_server_binds_loopback_unless_qa_host_says_otherwise(monkeypatch):
    monkeypatch.delenv("QA_HOST", raising=False)
    assert Settings().host == "127.0.0.1"
    monkeypatch.setenv("QA_HOST", "0.0.0.0")
    assert Settings().host == "0.0.0.0"


def test_qa_serve_on_a_public_host_without_auth_refuses_to_start(tmp_path):
    env = {**os.environ, "QA_STORE_PATH": str(tmp_path / "store"), "HF_HUB_OFFLINE": "1"}
    for key in ("QA_AUTH", "QA_CHROMA_HOST", "QA_HOST"):
        env.pop(key, None)
    run = subprocess.run([sys.executable, "-m", "qa.cli", "serve", "--host", "0.0.0.0",
                          "--port", str(free_port())], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 2
    assert "QA_AUTH" in run.stderr and "Traceback" not in run.stderr + run.stdout
    assert not (tmp_path / "store").exists()  # refused before touching anything


CHROMA_TOKEN = "chroma-tok-DO-NOT-LEAK-1234"
LLM_KEY = "sk-test-DO-NOT-LEAK-5678"


def _no_secret(*texts: str) -> None:
    for text in texts:
        assert CHROMA_TOKEN not in text and LLM_KEY not in text, text


def test_secrets_stay_out_of_settings_errors_and_logs(tmp_path, caplog):
    caplog.set_level(logging.DEBUG)
    settings = make_settings(tmp_path, chroma_host="127.0.0.1", chroma_port=free_port(),
                             chroma_token=CHROMA_TOKEN, llm_api_key=LLM_KEY)
    _no_secret(repr(settings), str(settings), settings.model_dump_json())
    with pytest.raises(StoreUnavailable) as caught:
        Store(settings, "x", 3)
    chain, exc = [], caught.value
    while exc is not None:
        chain.append(f"{type(exc).__name__}: {exc}")
        exc = exc.__cause__ or exc.__context__
    _no_secret(*chain, friendly_error(caught.value), caplog.text)


def test_secrets_stay_out_of_answers_when_the_llm_endpoint_is_down(seeded_bot, caplog):
    caplog.set_level(logging.DEBUG)
    settings = seeded_bot.settings.model_copy(update={
        "llm": "openai", "llm_base_url": f"http://127.0.0.1:{free_port()}/v1",
        "llm_api_key": LLM_KEY, "llm_timeout_s": 3.0, "llm_retries": 0})
    bot = QA(settings)
    bot.__dict__["embedder"] = seeded_bot.embedder
    try:
        answer = bot.ask("When is the NRC meeting?")
        shown = [answer.text, answer.notice or "", json.dumps(answer.to_dict(),
                                                              ensure_ascii=False)]
    except Exception as exc:  # whatever the fallback policy, the message must not leak
        shown = [str(exc), friendly_error(exc)]
    _no_secret(*shown, caplog.text)


def test_articles_folder_is_untouched_by_bad_input_tests():
    assert len(list(ARTICLES.glob("*.txt"))) == 5
