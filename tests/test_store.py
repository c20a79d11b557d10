"""The store refuses what it cannot use, with messages that name the path."""

import pytest

from qa import QA
from qa.store import EmbedderMismatch, Store, StoreError
from tests.conftest import make_settings


def test_embedder_mismatch_says_to_reindex(tmp_path, seeded_store):
    settings = make_settings(tmp_path)
    assert QA(settings).store.count() > 0
    with pytest.raises(EmbedderMismatch, match="Re-index"):
        Store(settings, "another-embedder", 768)


def test_corrupt_store_is_refused_not_wiped(tmp_path):
    store_dir = tmp_path / "store"
    store_dir.mkdir()
    (store_dir / "chroma.sqlite3").write_bytes(b"this is not sqlite at all")
    with pytest.raises(StoreError, match=str(store_dir)):
        Store(make_settings(tmp_path), "x", 3)
    assert (store_dir / "chroma.sqlite3").read_bytes() == b"this is not sqlite at all"


def test_foreign_folder_is_refused(tmp_path):
    store_dir = tmp_path / "store"
    store_dir.mkdir()
    (store_dir / "thesis.docx").write_text("precious")
    with pytest.raises(StoreError, match="not a Chroma index"):
        Store(make_settings(tmp_path), "x", 3)
    assert (store_dir / "thesis.docx").read_text() == "precious"


def test_store_folder_with_app_files_is_accepted(tmp_path):
    """The app's own files (README, uploads, assembled models, web secret) are not foreign."""
    store_dir = tmp_path / "store"
    (store_dir / "models").mkdir(parents=True)
    (store_dir / "uploads").mkdir()
    (store_dir / "README.md").write_text("store")
    (store_dir / ".web_secret").write_text("k")
    store = Store(make_settings(tmp_path), "x", 3)
    assert store.count() == 0
