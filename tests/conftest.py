"""Shared fixtures: a real embedded Chroma in a temp folder with the bundled articles indexed."""

from __future__ import annotations

import os
import shutil
import socket
from pathlib import Path

import pytest

os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"
os.environ.setdefault("NO_PROXY", "127.0.0.1,localhost")

from qa import QA, Settings
from qa.answer.vectors import word_vectors
from qa.embed import make_embedder
from tests.chroma_server import ChromaServer

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "articles"
SEED = ROOT / "eval" / "seed_qa.jsonl"


def free_port() -> int:
    """A free TCP port on 127.0.0.1."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def make_settings(tmp: Path, **overrides) -> Settings:
    """Settings pointing at a temporary store."""
    return Settings(store_path=tmp / "store", upload_dir=tmp / "uploads", **overrides)


def bot_over(tmp: Path, articles: dict[str, str]) -> QA:
    """A bot (real Chroma, real embedder) over `articles` (file name -> text), ingested."""
    folder = tmp / "articles"
    folder.mkdir()
    for name, text in articles.items():
        (folder / name).write_text(text, encoding="utf-8")
    bot = QA(make_settings(tmp))
    bot.ingest([folder])
    return bot


@pytest.fixture(scope="session")
def embedder():
    """The real fast multilingual embedder (it has token states), loaded once a session."""
    return make_embedder("fast")


@pytest.fixture(scope="session")
def vectors(embedder):
    """Word vectors of the real fast embedder."""
    return word_vectors(embedder)


@pytest.fixture(scope="session")
def seeded_bot(tmp_path_factory: pytest.TempPathFactory) -> QA:
    """A bot over the five bundled articles (indexed once per session)."""
    tmp = tmp_path_factory.mktemp("seeded")
    bot = QA(make_settings(tmp))
    report = bot.ingest([ARTICLES])
    assert len(report.added) == 5, report.summary()
    return bot


@pytest.fixture()
def seeded_store(seeded_bot: QA, tmp_path: Path) -> Path:
    """A private copy of the session's indexed store at `tmp_path / "store"` (what
    `make_settings(tmp_path)` points at): a test that needs the bundled articles indexed, but
    changes the index or opens it from another process, starts here instead of re-indexing."""
    target = tmp_path / "store"
    shutil.copytree(seeded_bot.settings.store_path, target)
    return target


@pytest.fixture()
def corpus_copy(tmp_path: Path) -> Path:
    """A writable copy of the bundled articles."""
    target = tmp_path / "articles"
    shutil.copytree(ARTICLES, target)
    return target


def server_settings(tmp: Path, server: ChromaServer, **overrides) -> Settings:
    """Settings pointing at a Chroma server (same code path as QA_CHROMA_HOST/PORT)."""
    return make_settings(tmp, chroma_host=server.host, chroma_port=server.port, **overrides)


@pytest.fixture(scope="session")
def chroma_server(tmp_path_factory: pytest.TempPathFactory):
    """A real `chroma run` on a free loopback port, shared by the session (tests use their
    own collection names)."""
    server = ChromaServer(tmp_path_factory.mktemp("chroma") / "db").start()
    yield server
    server.stop()
