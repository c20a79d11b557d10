"""The manifest of an index: the `<name>__docs` collection next to the chunks.

One record per article (`DocRecord`) with the content hash of the version readers should see,
plus two reserved records: the generation stamp, which changes whenever the index content
changes, and the refusal calibration fitted to the index (`qa/calibrate.py`). `ManifestMixin`
gives `qa.store.Store` its methods that read and write these records.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

NEWS_FIELDS = ("outlet", "author", "published", "url")
_GENERATION_ID = "__generation__"
_CALIBRATION_ID = "__calibration__"  # refusal bars fitted to this index (qa/calibrate.py)


@dataclass(frozen=True)
class DocRecord:
    """Manifest entry of one indexed article."""

    doc_id: str
    doc_hash: str
    title: str
    source: str
    n_chunks: int
    added_at: float
    chars: int = 0
    outlet: str | None = None
    author: str | None = None
    published: str | None = None  # ISO date
    url: str | None = None

    def meta_fields(self) -> dict[str, str]:
        """Outlet, author, publication date and URL as Chroma metadata ('' = unknown)."""
        return {k: getattr(self, k) or "" for k in NEWS_FIELDS}


class ManifestMixin:
    """The manifest methods of `Store`: they use its `_docs` collection and its `_call`."""

    _docs: Any
    _call: Callable[..., Any]

    def docs(self) -> dict[str, DocRecord]:
        """Every indexed article, by doc_id."""
        got = self._call("read the manifest", self._docs.get, include=["metadatas"])
        out = {}
        for doc_id, meta in zip(got["ids"], got["metadatas"] or [], strict=False):
            if doc_id in (_GENERATION_ID, _CALIBRATION_ID) or not meta:
                continue
            out[doc_id] = DocRecord(
                doc_id=doc_id, doc_hash=str(meta["doc_hash"]), title=str(meta.get("title", "")),
                source=str(meta.get("source", "")), n_chunks=int(meta.get("n_chunks", 0)),
                added_at=float(meta.get("added_at", 0.0)), chars=int(meta.get("chars", 0)),
                **{k: str(meta.get(k) or "") or None for k in NEWS_FIELDS},
            )
        return out

    def generation(self) -> str:
        """A stamp that changes whenever the index content changes."""
        got = self._call("read the manifest", self._docs.get, ids=[_GENERATION_ID],
                         include=["metadatas"])
        metas = got.get("metadatas") or []
        return str(metas[0].get("stamp")) if metas and metas[0] else "empty"

    def _bump_generation(self) -> None:
        self._call("write the manifest", self._docs.upsert, ids=[_GENERATION_ID],
                   embeddings=[[1.0]], metadatas=[{"stamp": uuid.uuid4().hex}])

    def calibration(self) -> dict[str, Any]:
        """The refusal calibration stored with the index ({} when there is none)."""
        got = self._call("read the manifest", self._docs.get, ids=[_CALIBRATION_ID],
                         include=["metadatas"])
        metas = got.get("metadatas") or []
        raw = metas[0].get("json") if metas and metas[0] else None
        return json.loads(raw) if isinstance(raw, str) else {}

    def set_calibration(self, values: dict[str, Any]) -> None:
        """Store the refusal calibration with the index (one manifest record)."""
        self._call("write the manifest", self._docs.upsert, ids=[_CALIBRATION_ID],
                   embeddings=[[1.0]], metadatas=[{"json": json.dumps(values)}])

    def set_docs(self, records: list[DocRecord]) -> None:
        """Make these versions the visible ones (one manifest write)."""
        if not records:
            return
        self._call(
            "write the manifest", self._docs.upsert,
            ids=[r.doc_id for r in records],
            embeddings=[[1.0]] * len(records),
            metadatas=[
                {"doc_hash": r.doc_hash, "title": r.title, "source": r.source,
                 "n_chunks": r.n_chunks, "added_at": r.added_at, "chars": r.chars,
                 **r.meta_fields()}
                for r in records
            ],
        )
        self._bump_generation()
