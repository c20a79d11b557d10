"""Ingestion: read article files, clean them, chunk them with offsets, embed, and store.

Incremental: each article carries the hash of its cleaned text. An unchanged article is
skipped; a changed one gets its new chunks written, then the manifest switched, then the old
chunks deleted (see `qa.store`). Vectors of chunks whose text did not change are reused.
"""

from __future__ import annotations

import hashlib
import os
import stat
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path

import numpy as np
from llama_index.core import Document
from llama_index.core.node_parser import SentenceSplitter

from qa.clean import CleanArticle
from qa.embed import Embedder
from qa.extract import ArticleMeta, extract_html, extract_text
from qa.fetch import is_url
from qa.language import document_language
from qa.manifest import DocRecord
from qa.safety import addresses_model
from qa.settings import Settings
from qa.store import Store
from qa.syndication import link_copies

SUPPORTED_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm"}
MAX_FILE_BYTES = 50 * 1024 * 1024
EMBED_BATCH = 64

Progress = Callable[[int, int, str], None]


class IngestError(ValueError):
    """A file cannot be ingested; the message names it and says why."""


@dataclass(frozen=True)
class RawDocument:
    """An article before cleaning: its id, where it came from, and its raw text."""

    doc_id: str
    source: str
    raw: str
    is_html: bool = False
    meta: ArticleMeta = field(default_factory=ArticleMeta)  # known before extraction (feeds)


@dataclass
class IngestReport:
    """What an ingest run did."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    chunks_written: int = 0
    vectors_reused: int = 0
    seconds: float = 0.0

    def summary(self) -> str:
        """One line for people."""
        text = (f"{len(self.added)} added, {len(self.updated)} updated, "
                f"{len(self.unchanged)} unchanged, {len(self.skipped)} skipped; "
                f"{self.chunks_written} chunks written in {self.seconds:.1f}s")
        return text


# -- reading files ------------------------------------------------------------------------
def discover(paths: Iterable[str | os.PathLike]) -> tuple[list[Path], list[tuple[str, str]]]:
    """Supported files under `paths` (files or folders), and the paths skipped with reasons."""
    found: list[Path] = []
    skipped: list[tuple[str, str]] = []
    seen_dirs: set[Path] = set()

    def walk(folder: Path) -> None:
        real = folder.resolve()
        if real in seen_dirs:  # symlink loop or the same folder twice
            return
        seen_dirs.add(real)
        for entry in sorted(folder.iterdir()):
            if entry.name.startswith("."):
                continue
            if entry.is_dir():
                walk(entry)
            elif entry.suffix.lower() in SUPPORTED_SUFFIXES:
                found.append(entry)

    for raw in paths:
        path = Path(raw)
        if path.is_symlink() and not path.exists():
            skipped.append((str(path), "broken symbolic link or symbolic link loop"))
        elif not path.exists():
            skipped.append((str(path), "no such file or folder"))
        elif path.is_dir():
            try:
                walk(path)
            except OSError as exc:
                skipped.append((str(path), f"cannot read folder: {exc.strerror or exc}"))
        elif path.suffix.lower() not in SUPPORTED_SUFFIXES:
            skipped.append((str(path), f"unsupported type {path.suffix or '(none)'}; "
                                       f"use {', '.join(sorted(SUPPORTED_SUFFIXES))}"))
        else:
            found.append(path)
    resolved = []
    for p in found:
        try:
            resolved.append(p.resolve(strict=True))
        except (OSError, RuntimeError):
            skipped.append((str(p), "broken symbolic link or symbolic link loop"))
    unique = list(dict.fromkeys(resolved))
    return unique, skipped


def safe_upload_path(upload_dir: str | os.PathLike, name: str) -> Path:
    """Where an uploaded file called `name` may be stored: directly inside `upload_dir`.

    Refuses (with `IngestError`) names that would land elsewhere: path separators, `..`,
    absolute paths, NUL or control characters, an unsupported type, or a symbolic link already
    at that place. Spaces, quotes, accents and leading dashes are kept as they are.
    """
    shown = repr(name)[:80]
    if not isinstance(name, str) or not name.strip():
        raise IngestError("the uploaded file has no name")
    if any(ord(c) < 32 or c == "\x7f" for c in name):
        raise IngestError(f"{shown}: control characters are not allowed in a file name")
    if "/" in name or "\\" in name or name in {".", ".."} or Path(name).is_absolute():
        raise IngestError(f"{shown}: a file name, not a path, is expected (nothing was saved)")
    if len(name.encode("utf-8")) > 255:
        raise IngestError(f"{shown}: the file name is too long")
    if Path(name).suffix.lower() not in SUPPORTED_SUFFIXES:
        raise IngestError(f"{shown}: unsupported type {Path(name).suffix or '(none)'}; "
                          f"use {', '.join(sorted(SUPPORTED_SUFFIXES))}")
    folder = Path(upload_dir).resolve()
    target = folder / name
    if target.is_symlink() or target.parent.resolve() != folder:
        raise IngestError(f"{shown}: would be stored outside the upload folder {folder}")
    return target


def decode_text(data: bytes, name: str) -> str:
    """Text of a file: UTF-8, else Windows-1252/Latin-1; binary data is refused."""
    if not data.strip():
        raise IngestError(f"{name}: the file is empty")
    head = data[:8192]
    if b"\x00" in head:
        raise IngestError(f"{name}: looks like a binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    text = data.decode("cp1252", errors="replace")
    controls = sum(1 for c in text[:8192] if ord(c) < 32 and c not in "\n\r\t\f")
    if controls > len(text[:8192]) * 0.05 or text.count("\ufffd") > len(text) * 0.01:
        raise IngestError(f"{name}: not readable as text (unknown encoding or binary)")
    return text


def read_file(path: Path, max_bytes: int = MAX_FILE_BYTES) -> RawDocument:
    """Load one supported file as a `RawDocument`; raises `IngestError` on bad input.

    Files over `max_bytes` are refused from their size alone, before any byte is read.
    """
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):  # a FIFO or device would block or never end
            raise IngestError(f"{path.name}: not a regular file")
        size = info.st_size
        if size > max_bytes:
            raise IngestError(f"{path.name}: {size / 1e6:.0f} MB is over the "
                              f"{max_bytes / 1e6:.0f} MB limit for one article")
        with path.open("rb") as fh:  # read at most the limit, even if the file grows
            data = fh.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise IngestError(f"{path.name}: over the {max_bytes / 1e6:.0f} MB limit "
                              "for one article")
    except OSError as exc:
        raise IngestError(f"{path.name}: cannot read ({exc.strerror or exc})") from exc
    text = decode_text(data, path.name)
    is_html = path.suffix.lower() in {".html", ".htm"}
    return RawDocument(doc_id=path.stem, source=str(path), raw=text, is_html=is_html)


def clean(doc: RawDocument) -> CleanArticle:
    """Clean a raw document according to its type."""
    return extract(doc)[0]


def extract(doc: RawDocument) -> tuple[CleanArticle, ArticleMeta]:
    """Text and metadata of a raw document, by one extractor per type (qa.extract)."""
    url = doc.meta.url if doc.is_html else None
    article, meta = (extract_html(doc.raw, url, doc.doc_id) if doc.is_html
                     else extract_text(doc.raw, doc.doc_id))
    if len(article.text.split()) < 3:
        raise IngestError(f"{Path(doc.source).name or doc.source}: no article text left "
                          "after cleaning")
    return article, meta.fill(doc.meta)


# -- chunking -----------------------------------------------------------------------------
@dataclass(frozen=True)
class Chunk:
    """A piece of a cleaned article with its offsets and the hash of its embedded text."""

    id: str
    text: str
    start: int
    end: int
    hash: str


def content_hash(text: str) -> str:
    """sha256 of a text, hex."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def make_splitter(settings: Settings) -> SentenceSplitter:
    """llama-index's sentence-aware splitter with our chunk size (tokens)."""
    return SentenceSplitter(chunk_size=settings.chunk_size, chunk_overlap=settings.chunk_overlap,
                            paragraph_separator="\n\n", include_metadata=False,
                            include_prev_next_rel=False)


def chunk_article(doc_id: str, article: CleanArticle, doc_hash: str,
                  splitter: SentenceSplitter) -> list[Chunk]:
    """Split a cleaned article into chunks whose offsets point into `article.text`."""
    nodes = splitter.get_nodes_from_documents([Document(text=article.text, id_=doc_id)])
    chunks = []
    cursor = 0
    for i, node in enumerate(nodes):
        text = node.get_content()
        start = node.start_char_idx
        if start is None or article.text[start : start + len(text)] != text:
            found = article.text.find(text, max(0, cursor - len(text)))
            start = found if found >= 0 else cursor
        end = start + len(text)
        cursor = end
        chunks.append(Chunk(id=f"{doc_id}::{doc_hash[:16]}::{i:04d}", text=text, start=start,
                            end=end, hash=content_hash(embedding_text(article.title, text))))
    return chunks


def embedding_text(title: str, chunk_text: str) -> str:
    """What is embedded for a chunk: the article title gives context to every chunk."""
    return chunk_text if chunk_text.startswith(title) else f"{title}\n{chunk_text}"


# -- writing ------------------------------------------------------------------------------
def ingest_documents(docs: Iterable[RawDocument], store: Store, embedder: Embedder,
                     settings: Settings, progress: Progress | None = None,
                     total: int = 0, report: IngestReport | None = None) -> IngestReport:
    """Clean, chunk, embed and store documents; unchanged ones are skipped."""
    report = report or IngestReport()
    started = time.perf_counter()
    known = store.docs()
    splitter = make_splitter(settings)
    pending: list[tuple[DocRecord, list[Chunk], bool]] = []
    pending_chunks = 0
    done = 0

    def flush() -> None:
        nonlocal pending, pending_chunks
        if pending:
            _write(pending, store, embedder, report)
        pending, pending_chunks = [], 0

    for doc in docs:
        done += 1
        name = Path(doc.source).name or doc.doc_id
        if progress:
            progress(done, max(total, done), name)
        try:
            article, meta = extract(doc)
        except IngestError as exc:
            report.skipped.append((doc.source, str(exc)))
            continue
        known_meta = "" if meta == ArticleMeta() else "\n" + repr(meta)
        doc_hash = content_hash(article.title + "\n" + article.text + known_meta)
        old = known.get(doc.doc_id)
        if old and old.doc_hash == doc_hash and _complete(store, old):
            report.unchanged.append(doc.doc_id)
            continue
        chunks = chunk_article(doc.doc_id, article, doc_hash, splitter)
        record = DocRecord(doc_id=doc.doc_id, doc_hash=doc_hash, title=article.title,
                           source=doc.source, n_chunks=len(chunks),
                           added_at=old.added_at if old else time.time(),
                           chars=len(article.text), outlet=meta.outlet, author=meta.author,
                           published=meta.published, url=meta.url)
        pending.append((record, chunks, old is not None))
        pending_chunks += len(chunks)
        if pending_chunks >= settings.ingest_batch:
            flush()
    flush()
    if settings.syndication and (report.added or report.updated):
        link_copies(store)  # syndicated copies, across the whole index (qa.syndication)
    report.seconds += time.perf_counter() - started
    return report


def _complete(store: Store, record: DocRecord) -> bool:
    """True when every chunk of the recorded version is stored and no other version lingers."""
    stored = store.chunks_of(record.doc_id)
    return len(stored) == record.n_chunks and all(
        c.meta.get("doc_hash") == record.doc_hash for c in stored)


def _write(batch: list[tuple[DocRecord, list[Chunk], bool]], store: Store, embedder: Embedder,
           report: IngestReport) -> None:
    """Store a batch of documents: new chunks, then manifest switch, then old chunks out."""
    # Every stored chunk of these articles, committed or left over by an interrupted run.
    old_chunks = store.chunks_of([record.doc_id for record, _, _ in batch], with_vectors=True)
    reusable = {c.meta.get("chunk_hash"): c.meta["_vector"] for c in old_chunks}
    # Content-hash dedupe: a chunk text already embedded anywhere in the index is not re-embedded.
    wanted = list({c.hash for _, chunks, _ in batch for c in chunks} - reusable.keys())
    reusable.update(store.vectors_by_hash(wanted))
    ids, texts, metas, to_embed, vectors = [], [], [], [], []
    first_slot: dict[str, int] = {}  # chunk hash -> slot embedding it in this batch
    copies: list[tuple[int, int]] = []
    for record, chunks, _ in batch:
        language = document_language(" ".join(c.text for c in chunks[:4]))
        for n, chunk in enumerate(chunks):
            ids.append(chunk.id)
            texts.append(chunk.text)
            metas.append({"doc_id": record.doc_id, "doc_hash": record.doc_hash,
                          "title": record.title, "source": record.source,
                          "start": chunk.start, "end": chunk.end, "chunk_hash": chunk.hash,
                          "n": n, **record.meta_fields(), "language": language,
                          "addresses_model": addresses_model(chunk.text)})
            vector = reusable.get(chunk.hash)
            if vector is None and chunk.hash in first_slot:
                copies.append((len(vectors), first_slot[chunk.hash]))
            elif vector is None:
                first_slot[chunk.hash] = len(vectors)
                to_embed.append((len(vectors), embedding_text(record.title, chunk.text)))
            vectors.append(vector)
    for at in range(0, len(to_embed), EMBED_BATCH):
        part = to_embed[at : at + EMBED_BATCH]
        embedded = embedder.embed_passages([t for _, t in part])
        for (slot, _), vec in zip(part, embedded, strict=True):
            vectors[slot] = vec
    for slot, source in copies:
        vectors[slot] = vectors[source]
    report.vectors_reused += len(ids) - len(to_embed)
    if ids:
        store.add_chunks(ids, np.vstack(vectors), texts, metas)
    store.set_docs([record for record, _, _ in batch])
    new_ids = set(ids)
    stale = [c.id for c in old_chunks if c.id not in new_ids]
    store.delete_chunks(stale)
    for record, chunks, existed in batch:
        (report.updated if existed else report.added).append(record.doc_id)
        report.chunks_written += len(chunks)


def iter_files(paths: list[Path], report: IngestReport) -> Iterator[RawDocument]:
    """Read files lazily, recording the ones that cannot be read."""
    for path in paths:
        try:
            yield read_file(path)
        except IngestError as exc:
            report.skipped.append((str(path), str(exc)))


def iter_urls(urls: list[str], settings: Settings, report: IngestReport
              ) -> Iterator[RawDocument]:
    """Fetch pages and feeds lazily (qa.remote), recording the addresses that fail."""
    from qa.remote import url_documents  # remote builds on this module's RawDocument

    for url in urls:
        yield from url_documents(url, settings, report.skipped)


def ingest_paths(paths: Iterable[str | os.PathLike], store: Store, embedder: Embedder,
                 settings: Settings, progress: Progress | None = None) -> IngestReport:
    """Ingest files and folders (.txt, .md, .html) and http(s) pages and feeds."""
    items = list(paths)
    urls = [str(p).strip() for p in items if isinstance(p, str) and is_url(p)]
    files, skipped = discover([p for p in items if not (isinstance(p, str) and is_url(p))])
    report = IngestReport(skipped=list(skipped))
    docs = chain(iter_files(files, report), iter_urls(urls, settings, report))
    return ingest_documents(docs, store, embedder, settings, progress=progress,
                            total=len(files) + len(urls), report=report)
