"""Copy an index between the embedded store and a Chroma server, either way (`qa migrate`).

The chunks are copied with their vectors, texts and metadata (nothing is re-embedded), then
the manifest. Like an ingest, the copy writes the chunks first, then switches the manifest,
then deletes the target's chunks of other versions, so an interrupted migration leaves the
target readable and running it again finishes it. Running it twice copies nothing the second
time. Only the versions the source's manifest names are copied (leftovers of an interrupted
ingest in the source stay behind). Articles the target has and the source has not are kept,
unless `replace=True` empties the target first. The refusal calibration (qa/calibrate.py) is
copied too when the target ends up holding exactly the source's articles.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from qa.settings import Settings
from qa.store import Store, StoreError


@dataclass
class MigrateReport:
    """What a migration did."""

    source: str
    target: str
    copied: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    incomplete: list[str] = field(default_factory=list)
    chunks_copied: int = 0
    stale_removed: int = 0
    seconds: float = 0.0

    def summary(self) -> str:
        """One line for people."""
        kept = f", {len(self.kept)} kept (only in the target)" if self.kept else ""
        bad = (f"; {len(self.incomplete)} not copied, incomplete in the source (re-ingest "
               f"them): {', '.join(self.incomplete[:5])}" if self.incomplete else "")
        return (f"{self.source} -> {self.target}: {len(self.copied)} articles copied "
                f"({self.chunks_copied} chunks), {len(self.unchanged)} unchanged{kept}, "
                f"{self.stale_removed} stale chunks removed in {self.seconds:.1f}s{bad}")


def describe(settings: Settings) -> str:
    """Where an index lives, for messages."""
    where = (f"chroma://{settings.chroma_host}:{settings.chroma_port}" if settings.uses_server
             else str(settings.store_path))
    return f"{where} (collection {settings.collection!r})"


def migrate(source: Settings, target: Settings, embedder_name: str, dim: int,
            replace: bool = False, progress: Callable[[int, int, str], None] | None = None
            ) -> MigrateReport:
    """Copy the index described by `source` into the one described by `target`."""
    started = time.perf_counter()
    if describe(source) == describe(target):
        raise StoreError(f"The source and the target are the same index: {describe(source)}.")
    if not source.uses_server and not (source.store_path / "chroma.sqlite3").exists():
        raise StoreError(f"There is no index at {source.store_path} to migrate "
                         "(set QA_STORE_PATH or --path).")
    src = Store(source, embedder_name, dim)
    src_docs = src.docs()
    if not src_docs:
        raise StoreError(f"The index at {describe(source)} is empty: nothing to migrate.")
    dst = Store(target, embedder_name, dim)
    if replace:
        dst.drop()
        dst = Store(target, embedder_name, dim)
    report = MigrateReport(source=describe(source), target=describe(target))

    dst_docs = dst.docs()
    dst_by_doc: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for cid, (doc_id, doc_hash) in dst.chunk_ids().items():
        dst_by_doc[doc_id].append((cid, doc_hash))
    todo = {}
    for doc_id, record in src_docs.items():
        have = dst_by_doc.get(doc_id, [])
        old = dst_docs.get(doc_id)
        same = (old is not None and old.doc_hash == record.doc_hash
                and len(have) == record.n_chunks
                and all(h == record.doc_hash for _, h in have))
        if same:
            report.unchanged.append(doc_id)
        else:
            todo[doc_id] = record
    report.kept = sorted(set(dst_docs) - set(src_docs))

    # 1. chunks (vectors, texts, metadata) of the versions the source's manifest names
    limit = dst.batch_limit()
    ids: list[str] = []
    vectors: list[np.ndarray] = []
    texts: list[str] = []
    metas: list[dict] = []
    copied_ids: set[str] = set()
    per_doc: dict[str, int] = defaultdict(int)

    def flush() -> None:
        if ids:
            dst.add_chunks(list(ids), np.vstack(vectors), list(texts), list(metas))
            report.chunks_copied += len(ids)
            for buffer in (ids, vectors, texts, metas):
                buffer.clear()
            if progress:
                progress(report.chunks_copied, total, "chunks")

    total = sum(r.n_chunks for r in todo.values())
    if todo:
        for chunk in src.iter_chunks(page=max(limit, 100), with_vectors=True):
            meta = dict(chunk.meta)
            vector = meta.pop("_vector")
            record = todo.get(str(meta.get("doc_id")))
            if record is None or meta.get("doc_hash") != record.doc_hash:
                continue
            ids.append(chunk.id)
            vectors.append(vector)
            texts.append(chunk.text)
            metas.append(meta)
            copied_ids.add(chunk.id)
            per_doc[record.doc_id] += 1
            if len(ids) >= limit:
                flush()
        flush()
    # 2. the manifest switch, 3. the target's chunks of other versions out
    report.incomplete = sorted(d for d, r in todo.items() if per_doc[d] != r.n_chunks)
    done = {d: r for d, r in todo.items() if d not in report.incomplete}
    dst.set_docs(list(done.values()))
    stale = [cid for doc_id in done for cid, _ in dst_by_doc.get(doc_id, [])
             if cid not in copied_ids]
    dst.delete_chunks(stale)
    report.stale_removed = len(stale)
    report.copied = sorted(done)
    # The refusal calibration fits the index it was made on: it travels with a whole copy.
    calibration = src.calibration()
    if calibration and not report.incomplete and not report.kept:
        dst.set_calibration(calibration)
    report.seconds = time.perf_counter() - started
    return report
