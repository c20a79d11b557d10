"""The vector store: the only module that imports chromadb.

Embedded (`PersistentClient` under `QA_STORE_PATH`) by default, a Chroma server (`HttpClient`)
when `QA_CHROMA_HOST` is set; the rest of the code cannot tell them apart. Two collections:
`<name>` holds the chunks with their vectors; `<name>__docs` is the manifest (`qa.manifest`),
one record per article with the content hash of the version that readers should see. Writers add
the new chunks first, then switch the manifest, then delete the old chunks, so a crash at any
point leaves a readable index that the next ingest repairs.
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import chromadb
import httpx
import numpy as np
from chromadb.config import Settings as ChromaSettings

from qa.manifest import ManifestMixin
from qa.settings import Settings


class StoreError(RuntimeError):
    """The index cannot be used; the message says why and what to do."""


class StoreUnavailable(StoreError):
    """The Chroma server cannot be reached."""


class EmbedderMismatch(StoreError):
    """The index was built with another embedder than the one configured."""


@dataclass(frozen=True)
class StoredChunk:
    """A chunk as read back from the store."""

    id: str
    text: str
    meta: dict[str, Any]
    distance: float = 0.0


_NETWORK_ERRORS = {
    "ConnectError", "ConnectTimeout", "ReadTimeout", "WriteTimeout", "PoolTimeout",
    "ReadError", "WriteError", "RemoteProtocolError", "NetworkError", "TimeoutException",
    "ConnectionError", "ConnectionRefusedError", "ConnectionResetError", "BrokenPipeError",
}


def _causes(exc: BaseException, depth: int = 5) -> Iterator[BaseException]:
    """`exc` and the exceptions behind it (its cause or context), at most `depth` of them."""
    current: BaseException | None = exc
    for _ in range(depth):
        if current is None:
            return
        yield current
        current = current.__cause__ or current.__context__


def _server_error(exc: BaseException) -> bool:
    """True when `exc` (or what caused it) means the server could not be reached."""
    words = ("could not connect", "connection refused", "connection reset", "failed to connect")
    return any(type(e).__name__ in _NETWORK_ERRORS or any(w in str(e).lower() for w in words)
               for e in _causes(exc))


def _network_cause(exc: BaseException) -> str:
    """The name of the network error behind `exc` (e.g. ConnectError, ReadTimeout)."""
    return next((type(e).__name__ for e in _causes(exc) if type(e).__name__ in _NETWORK_ERRORS),
                type(exc).__name__)


class Store(ManifestMixin):
    """Chunks and manifest of one collection, in an embedded or a server Chroma."""

    def __init__(self, settings: Settings, embedder_name: str, dim: int) -> None:
        self.settings = settings
        self.embedder_name = embedder_name
        self.dim = dim
        self.location = (
            f"chroma://{settings.chroma_host}:{settings.chroma_port}"
            if settings.uses_server
            else str(settings.store_path)
        )
        self._max_batch_size: int | None = None
        self._client = self._connect()
        self._open_collections()

    def _open_collections(self) -> None:
        settings = self.settings
        try:
            self._chunks = self._client.get_or_create_collection(
                settings.collection,
                embedding_function=None,
                metadata={"hnsw:space": "cosine", "embedder": self.embedder_name,
                          "dim": self.dim},
            )
            self._docs = self._client.get_or_create_collection(
                f"{settings.collection}__docs", embedding_function=None
            )
        except Exception as exc:
            raise self._wrap(exc, "open the collections") from exc
        self._check_embedder()

    # -- connection -----------------------------------------------------------------------
    def _connect(self) -> Any:
        chroma_settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
        s = self.settings
        try:
            if s.uses_server:
                headers = {}
                if s.chroma_token is not None:
                    headers["Authorization"] = f"Bearer {s.chroma_token.get_secret_value()}"
                client = chromadb.HttpClient(
                    host=s.chroma_host, port=s.chroma_port, headers=headers,
                    settings=chroma_settings,
                )
                _set_timeout(client, s.chroma_timeout_s)
                client.heartbeat()
                return client
            path = Path(s.store_path)
            _check_store_dir(path)
            path.mkdir(parents=True, exist_ok=True)
            return chromadb.PersistentClient(path=str(path), settings=chroma_settings)
        except StoreError:
            raise
        except Exception as exc:
            raise self._wrap(exc, "connect") from exc

    def _wrap(self, exc: Exception, action: str) -> StoreError:
        if self.settings.uses_server and _server_error(exc):
            return StoreUnavailable(
                f"The Chroma server at {self.location} cannot be reached ({action}): "
                f"{_network_cause(exc)}. Start it or check QA_CHROMA_HOST/QA_CHROMA_PORT."
            )
        return StoreError(
            f"The index at {self.location} could not {action}: {exc}. If the folder is not a "
            "Chroma index of this app, point QA_STORE_PATH elsewhere; nothing was deleted."
        )

    def _call(self, action: str, fn: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except Exception as exc:
            retry = self._rebind(fn, exc)
            if retry is None:
                raise self._wrap(exc, action) from exc
        try:  # the collections were dropped and made again by another process: reopened
            return retry(*args, **kwargs)
        except Exception as exc:
            raise self._wrap(exc, action) from exc

    def _rebind(self, fn: Any, exc: Exception) -> Any:
        """`fn` on freshly opened collections, when `exc` says ours no longer exist."""
        owner = getattr(fn, "__self__", None)
        which = ("_chunks" if owner is self._chunks else "_docs" if owner is self._docs
                 else None)
        if which is None or "does not exist" not in str(exc).lower():
            return None
        self._open_collections()
        return getattr(getattr(self, which), fn.__name__)

    def _check_embedder(self) -> None:
        meta = self._chunks.metadata or {}
        built_with, built_dim = meta.get("embedder"), meta.get("dim")
        if built_with is None:
            return
        if built_with != self.embedder_name or int(built_dim or 0) != self.dim:
            raise EmbedderMismatch(
                f"The index at {self.location} (collection {self.settings.collection!r}) was "
                f"built with embedder {built_with!r} (dim {built_dim}), but the configured one "
                f"is {self.embedder_name!r} (dim {self.dim}). Re-index with "
                "`qa ingest --rebuild PATH...` or use another QA_COLLECTION."
            )

    # -- articles -------------------------------------------------------------------------
    def remove_doc(self, doc_id: str) -> int:
        """Delete an article and all its chunks; returns the number of chunks removed."""
        ids = [c.id for c in self.chunks_of(doc_id)]
        self._call("delete from the manifest", self._docs.delete, ids=[doc_id])
        self.delete_chunks(ids)
        self._bump_generation()
        return len(ids)

    # -- chunks ---------------------------------------------------------------------------
    def chunks_of(self, doc_ids: str | list[str], with_vectors: bool = False,
                  with_text: bool = False) -> list[StoredChunk]:
        """All stored chunks (any version) of one article or of several."""
        ids = [doc_ids] if isinstance(doc_ids, str) else list(doc_ids)
        if not ids:
            return []
        where = {"doc_id": ids[0]} if len(ids) == 1 else {"doc_id": {"$in": ids}}
        got = self._call("read chunks", self._chunks.get, where=where,
                         include=_include(with_vectors, with_text))
        return _to_chunks(got)

    def vectors_by_hash(self, hashes: list[str]) -> dict[str, np.ndarray]:
        """Stored vectors of chunks with these content hashes (for embedding dedupe)."""
        found: dict[str, np.ndarray] = {}
        for at in range(0, len(hashes), 500):
            part = hashes[at : at + 500]
            where = {"chunk_hash": part[0]} if len(part) == 1 else {"chunk_hash": {"$in": part}}
            got = self._call("read chunks", self._chunks.get, where=where,
                             include=["metadatas", "embeddings"])
            for meta, vector in zip(got["metadatas"], got["embeddings"], strict=False):
                found[str(meta["chunk_hash"])] = np.asarray(vector, dtype=np.float32)
        return found

    def add_chunks(self, ids: list[str], vectors: np.ndarray, texts: list[str],
                   metas: list[dict[str, Any]]) -> None:
        """Upsert chunks in batches that fit the server's maximum batch size."""
        limit = self.batch_limit()
        for at in range(0, len(ids), limit):
            sl = slice(at, at + limit)
            self._call("write chunks", self._chunks.upsert, ids=ids[sl],
                       embeddings=np.asarray(vectors[sl], dtype=np.float32),
                       documents=texts[sl], metadatas=metas[sl])

    def update_chunk_metas(self, ids: list[str], metas: list[dict[str, Any]]) -> None:
        """Replace the metadata of stored chunks (texts and vectors unchanged), in batches."""
        limit = self.batch_limit()
        for at in range(0, len(ids), limit):
            self._call("write chunks", self._chunks.update, ids=ids[at : at + limit],
                       metadatas=metas[at : at + limit])
        self._bump_generation()

    def delete_chunks(self, ids: list[str]) -> None:
        """Delete chunks by id, in batches."""
        limit = self.batch_limit()
        for at in range(0, len(ids), limit):
            self._call("delete chunks", self._chunks.delete, ids=ids[at : at + limit])

    def batch_limit(self) -> int:
        """Records per write: `QA_INGEST_BATCH`, capped by the server's maximum batch size."""
        if self._max_batch_size is None:
            try:
                self._max_batch_size = int(self._client.get_max_batch_size())
            except Exception:
                self._max_batch_size = 1000
        return max(1, min(self._max_batch_size, self.settings.ingest_batch))

    def count(self) -> int:
        """Number of stored chunks (all versions)."""
        return int(self._call("count chunks", self._chunks.count))

    def iter_chunks(self, page: int = 2000, with_vectors: bool = False,
                    with_text: bool = True) -> Iterator[StoredChunk]:
        """Every stored chunk with its text (and vector in meta["_vector"]), page by page."""
        include = _include(with_vectors, with_text)
        offset = 0
        while True:
            got = self._call("read chunks", self._chunks.get, limit=page, offset=offset,
                             include=include)
            if not got["ids"]:
                return
            yield from _to_chunks(got)
            offset += len(got["ids"])

    def chunk_ids(self) -> dict[str, tuple[str, str]]:
        """Every stored chunk id with its (doc_id, doc_hash), without texts or vectors."""
        return {c.id: (str(c.meta.get("doc_id", "")), str(c.meta.get("doc_hash", "")))
                for c in self.iter_chunks(with_text=False)}

    def nearest(self, vector: np.ndarray, n: int) -> list[StoredChunk]:
        """The `n` chunks closest to `vector` (cosine distance)."""
        total = self.count()
        if total == 0:
            return []
        got = self._call("search", self._chunks.query, query_embeddings=[vector.tolist()],
                         n_results=min(n, total), include=["documents", "metadatas",
                                                           "distances"])
        return [
            StoredChunk(id=cid, text=text or "", meta=dict(meta or {}), distance=float(dist))
            for cid, text, meta, dist in zip(got["ids"][0], got["documents"][0],
                                             got["metadatas"][0], got["distances"][0],
                                             strict=False)
        ]

    def drop(self) -> None:
        """Delete both collections of this index (used by `--rebuild`)."""
        for name in (self.settings.collection, f"{self.settings.collection}__docs"):
            try:
                self._client.delete_collection(name)
            except Exception:
                pass

    def describe(self) -> dict[str, Any]:
        """Where the index lives and what built it."""
        return {"location": self.location, "collection": self.settings.collection,
                "embedder": self.embedder_name, "dim": self.dim, "chunks": self.count()}


def _set_timeout(client: Any, seconds: float) -> None:
    """Bound every request to the server (chromadb's HttpClient waits forever by default)."""
    session = getattr(getattr(client, "_server", None), "_session", None)
    if session is not None and hasattr(session, "timeout"):
        try:
            session.timeout = httpx.Timeout(seconds, connect=min(seconds, 5.0))
        except Exception:  # a chromadb version without this attribute: keep its default
            pass


def _include(with_vectors: bool, with_text: bool) -> list[str]:
    """The `include` list of a chunk read."""
    return (["metadatas"] + (["embeddings"] if with_vectors else [])
            + (["documents"] if with_text else []))


def _to_chunks(got: Any) -> list[StoredChunk]:
    """Rows of a Chroma `get` as chunks (vector, when read, in meta["_vector"])."""
    texts, vectors = got.get("documents"), got.get("embeddings")
    out = []
    for i, (cid, meta) in enumerate(zip(got["ids"], got["metadatas"], strict=False)):
        m = dict(meta or {})
        if vectors is not None:
            m["_vector"] = np.asarray(vectors[i], dtype=np.float32)
        out.append(StoredChunk(id=cid, text=(texts[i] or "") if texts is not None else "",
                               meta=m))
    return out


def _check_store_dir(path: Path) -> None:
    """Refuse a store folder that exists but is not a Chroma index (never wipe it)."""
    if path.exists() and not path.is_dir():
        raise StoreError(f"QA_STORE_PATH {path} is a file, not a folder; nothing was changed.")
    if not path.is_dir():
        return
    sqlite = path / "chroma.sqlite3"
    if sqlite.exists():
        with sqlite.open("rb") as fh:
            if fh.read(16) != b"SQLite format 3\x00":
                raise StoreError(
                    f"{sqlite} is not a SQLite database: the store at {path} is corrupt or not "
                    "a Chroma index. Move it away or set QA_STORE_PATH; nothing was deleted."
                )
        tables = _sqlite_tables(sqlite)
        if tables and not {"collections", "migrations"} <= tables:
            raise StoreError(
                f"{sqlite} is a SQLite database of something else than Chroma (tables "
                f"{', '.join(sorted(tables)[:3])}): the store at {path} is not a Chroma index. "
                "Move it away or set QA_STORE_PATH; nothing was changed."
            )
        return
    foreign = [p.name for p in path.iterdir()
               if p.name not in {"README.md", "uploads", "models"} and not p.name.startswith(".")
               and not _is_uuid(p.name)]
    if foreign:
        raise StoreError(
            f"The store folder {path} holds files that are not a Chroma index "
            f"({', '.join(sorted(foreign)[:3])}). Set QA_STORE_PATH to an empty or Chroma "
            "folder; nothing was deleted."
        )


def _sqlite_tables(db: Path) -> set[str]:
    """Table names of a SQLite file, read-only (empty when it cannot be read right now)."""
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1.0)
        try:
            return {row[0] for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'")}
        finally:
            conn.close()
    except sqlite3.Error:
        return set()


def _is_uuid(name: str) -> bool:
    try:
        uuid.UUID(name)
        return True
    except ValueError:
        return False

