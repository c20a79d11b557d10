"""The service layer: one `QA` object wires settings to components; `ask()` reads top-down.

ask(question, history)
  -> rewrite a follow-up into a standalone question (when there is history)
  -> retrieve passages (hybrid)
  -> answer with the configured Answerer (extractive by default), verified, with citations

ingest() ends by fitting the refusal bars to the index (qa/calibrate.py).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable, Iterator
from functools import cached_property
from pathlib import Path

from qa.answer import Answerer, make_answerer, refusal
from qa.answer.extractive import Candidate, ExtractiveAnswerer
from qa.answer.previous import previous_turn, within
from qa.answer.provenance import with_provenance
from qa.answer.rewrite import Turn, resolve
from qa.calibrate import calibrate
from qa.embed import Embedder, make_embedder
from qa.ingest import IngestReport, Progress, ingest_paths
from qa.manifest import DocRecord
from qa.results import Answer, Passage
from qa.retrieve import HybridRetriever
from qa.settings import Settings, get_settings
from qa.store import Store
from qa.syndication import drop_copies
from qa.text import detect_language

MAX_QUESTION_CHARS = 2000


class QuestionError(ValueError):
    """The question cannot be asked as given (empty, too long...)."""


class QA:
    """The bot: index, retriever and answerer built from one `Settings`."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or get_settings()
        self._ingest_lock = threading.Lock()

    @cached_property
    def embedder(self) -> Embedder:
        """The configured embedder (loaded on first use)."""
        return make_embedder(self.settings.embedder)

    @cached_property
    def store(self) -> Store:
        """The configured Chroma store (embedded or server)."""
        return Store(self.settings, self.embedder.name, self.embedder.dim)

    @cached_property
    def retriever(self) -> HybridRetriever:
        """Hybrid retriever over the store."""
        return HybridRetriever(self.store, self.embedder, self.settings.candidates)

    @cached_property
    def answerer(self) -> Answerer:
        """The configured answerer (extractive, openai or local)."""
        answerer = make_answerer(self.settings, self.embedder)
        bars = self.store.calibration().get("bars")
        if bars:
            extractive_of(answerer).bars = dict(bars)
        return answerer

    def warm_up(self) -> threading.Thread | None:
        """Load the answer model in the background (a local model also reads its fixed system
        prompt), so the first question is as fast as the next; None when there is no model."""
        warm = getattr(self.answerer, "warm_up", None)
        if warm is None:
            return None
        thread = threading.Thread(target=warm, name="qa-warm-up", daemon=True)
        thread.start()
        return thread

    def calibrate(self) -> dict:
        """Fit the refusal bars to the index as it is now and store them with it."""
        extractive = extractive_of(self.answerer)
        values = calibrate(self.store, self.retriever, extractive)
        if values.get("bars"):
            extractive.bars = dict(values["bars"])
        return values

    # -- ingest ---------------------------------------------------------------------------
    def ingest(self, paths: Iterable[str | Path], progress: Progress | None = None,
               rebuild: bool = False) -> IngestReport:
        """Index files, folders and http(s) pages or feeds; unchanged articles are skipped."""
        with self._ingest_lock:
            if rebuild:
                self.store.drop()
                self.__dict__.pop("store", None)
                self.__dict__.pop("retriever", None)
            report = ingest_paths(paths, self.store, self.embedder, self.settings, progress)
            if report.added or report.updated or rebuild:
                self.calibrate()
            return report

    def ensure_corpus(self, progress: Progress | None = None) -> IngestReport | None:
        """Index the bundled articles if the index is empty (first start)."""
        if self.store.docs():
            return None
        return self.ingest([self.settings.articles_path], progress)

    def documents(self) -> list[DocRecord]:
        """Indexed articles, oldest first."""
        return sorted(self.store.docs().values(), key=lambda d: (d.added_at, d.doc_id))

    def article_text(self, doc_id: str) -> str | None:
        """The cleaned text of an indexed article, rebuilt from its chunks' offsets.

        Characters between chunks (paragraph breaks the splitter dropped) come back as newlines.
        None when the article is not indexed.
        """
        record = self.store.docs().get(doc_id)
        if record is None:
            return None
        pieces = [(int(c.meta["start"]), c.text)
                  for c in self.store.chunks_of(doc_id, with_text=True)
                  if c.meta.get("doc_hash") == record.doc_hash]
        if not pieces:
            return None
        length = max(start + len(text) for start, text in pieces)
        chars = ["\n"] * length
        for start, text in pieces:
            chars[start : start + len(text)] = text
        return "".join(chars)

    def outlets(self) -> dict[str, str]:
        """Each indexed article's outlet (its title when the outlet is unknown), by doc_id."""
        return {d.doc_id: d.outlet or d.title or d.doc_id for d in self.store.docs().values()}

    def remove(self, doc_id: str) -> int:
        """Remove an article from the index; returns the number of chunks removed."""
        with self._ingest_lock:
            removed = self.store.remove_doc(doc_id)
            if removed:
                self.calibrate()
            return removed

    # -- ask ------------------------------------------------------------------------------
    def retrieve(self, question: str, k: int | None = None) -> list[Passage]:
        """The best passages for a question."""
        return self.retriever.retrieve(check_question(question), k or self.settings.k)

    @property
    def context_k(self) -> int:
        """Passages retrieved per question: what the answerer reads, or more for a remote model
        (it is shown `llm_passages`; its extractive fallback still reads `answer_k`)."""
        s = self.settings
        return max(s.answer_k, s.llm_passages) if s.llm == "openai" else s.answer_k

    def topic_sentence(self, turn: Turn) -> Candidate | None:
        """The sentence that answered the previous turn of a follow-up (none otherwise): the
        one nearest to its question and answer."""
        if not turn.topic:
            return None
        passages = drop_copies(self.retriever.retrieve(turn.topic, self.settings.answer_k))
        ranked = extractive_of(self.answerer).candidates(turn.topic, passages)
        return ranked[0] if ranked else None

    def ask(self, question: str, history: list[dict] | None = None) -> Answer:
        """Answer a question from the articles, with citations (or refuse)."""
        final = None
        for final in self.stream_ask(question, history):  # noqa: B007 - keep the last
            continue
        assert final is not None
        return final

    def stream_ask(self, question: str, history: list[dict] | None = None) -> Iterator[Answer]:
        """Like `ask`, yielding partial answers as the text grows; the last one is final."""
        started = time.perf_counter()
        question = check_question(question)
        language = detect_language(question)
        timings: dict[str, float] = {}
        t = time.perf_counter()
        turn = resolve(question, history or [], self.answerer)
        timings["rewrite_s"] = time.perf_counter() - t
        t = time.perf_counter()
        nearest = self.topic_sentence(turn)
        passages = drop_copies(self.retriever.retrieve(
            turn.query, self.context_k, prefer={nearest.passage.doc_id} if nearest else set()))
        # the sentence(s) that answered the previous turn answer again only with new evidence
        previous = previous_turn(history or [], nearest.text if nearest else "") if (
            turn.topic) else None
        timings["retrieve_s"] = time.perf_counter() - t
        t = time.perf_counter()
        if not passages:
            answers: Iterator[Answer] = iter([refusal(question, language, "extractive")])
        else:
            answers = within(previous, self.answerer.stream(turn.question, passages, language))
        for answer in answers:
            answer = with_provenance(answer, passages, self.outlets)
            answer.question = question
            answer.standalone_question = turn.query  # what was searched ("Searched as:")
            timings["answer_s"] = time.perf_counter() - t
            timings["total_s"] = time.perf_counter() - started
            answer.timings = {key: round(v, 4) for key, v in timings.items()}
            yield answer


def extractive_of(answerer: Answerer) -> ExtractiveAnswerer:
    """The extractive answerer itself or the one a generator falls back to."""
    return getattr(answerer, "fallback", answerer)  # type: ignore[return-value]


def check_question(question: str) -> str:
    """The question with control characters removed; raises `QuestionError` if unusable."""
    if not isinstance(question, str):
        raise QuestionError("The question must be text.")
    cleaned = "".join(c if c.isprintable() or c in "\n\t" else " " for c in question)
    cleaned = " ".join(cleaned.split())
    if not cleaned:
        raise QuestionError("Please type a question.")
    if len(cleaned) > MAX_QUESTION_CHARS:
        raise QuestionError(
            f"The question is too long ({len(cleaned)} characters; the limit is "
            f"{MAX_QUESTION_CHARS}). Please shorten it.")
    return cleaned
