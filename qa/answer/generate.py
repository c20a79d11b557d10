"""Generated answers: an OpenAI-compatible model behind the citation verifier, extractive fallback.

`make_generator` returns a `Generator` for `QA_LLM=openai` (any OpenAI-compatible server at
`QA_LLM_BASE_URL`) or `QA_LLM=local` (llama.cpp's OpenAI-compatible server started inside this
process with xllamacpp on 127.0.0.1, then the same path). The model sees the passages as
numbered, delimited data (`prompts/`); its streamed text is shown as it grows, and the final
answer keeps only the sentences the verifier (`qa.answer.verify`) accepts. Any failure
(unreachable, timeout, broken stream, unreadable reply, nothing verifiable, wrong language)
yields the extractive answer with a notice saying why. The API key never leaves the client.
"""

from __future__ import annotations

import base64
import logging
import re
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import Any
from urllib.parse import unquote, urlsplit, urlunsplit

import openai

from qa.answer import Answerer, refusal
from qa.answer.local import MODEL_FILE, LlamaServer, assemble_model
from qa.answer.prompting import answer_messages, excerpts, rewrite_messages, within
from qa.answer.verify import render_partial, strip_markers, verify_answer
from qa.entail import make_entailment
from qa.results import Answer, Passage, Sentence
from qa.safety import addresses_model as suspicious
from qa.settings import Settings
from qa.text import detect_language, split_sentences, words

log = logging.getLogger(__name__)

NOT_FOUND = "NOT_FOUND"


class GenerationError(Exception):
    """The model gave no usable answer; `reason` is short and safe to show (no secrets)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def public_url(url: str | None) -> str:
    """A base URL fit for messages: no user info, query or fragment."""
    if not url:
        return "https://api.openai.com/v1"
    parts = urlsplit(url)
    host = parts.hostname or "?"
    port = f":{parts.port}" if parts.port else ""
    return f"{parts.scheme}://{host}{port}{parts.path}"


def split_credentials(url: str | None) -> tuple[str | None, dict[str, str] | None]:
    """A URL's user:password moved into a Basic header, so HTTP logs never show it."""
    parts = urlsplit(url) if url else None
    if not parts or parts.username is None:
        return url, None
    netloc = parts.hostname or ""
    netloc += f":{parts.port}" if parts.port else ""
    pair = f"{unquote(parts.username)}:{unquote(parts.password or '')}".encode()
    return (urlunsplit(parts._replace(netloc=netloc)),
            {"Authorization": "Basic " + base64.b64encode(pair).decode()})


def _reason(exc: BaseException) -> str:
    """A short, secret-free reason for a failed request (httpx or httpx2 underneath)."""
    chain = [exc]
    while (nxt := chain[-1].__cause__ or chain[-1].__context__) and len(chain) < 8:
        chain.append(nxt)
    kinds = {cls.__name__ for e in chain for cls in type(e).__mro__}
    if kinds & {"APITimeoutError", "TimeoutException", "TimeoutError"}:
        return "timeout"
    if "ConnectionRefusedError" in kinds:
        return "connection refused"
    if isinstance(exc, openai.APIStatusError):
        return f"HTTP {exc.status_code}"
    if kinds & {"RemoteProtocolError", "ReadError", "ConnectionResetError"}:
        return "the connection broke off mid-answer"
    if kinds & {"APIConnectionError", "HTTPError", "OSError"}:
        return "connection failed"
    return "unreadable response"


# -- the generator ------------------------------------------------------------------------
class Generator:
    """An OpenAI-compatible chat model behind the verifier, falling back to `fallback`."""

    def __init__(self, settings: Settings, fallback: Answerer, mode: str = "openai",
                 starter: Callable[[], str] | None = None, label: str = "") -> None:
        self.settings = settings
        self.fallback = fallback
        self.mode = mode
        self._starter = starter
        self._base_url = None if starter else settings.llm_base_url
        self._label = label
        self._client: openai.OpenAI | None = None
        self._start_error = ""
        self._lock = threading.Lock()
        # llama.cpp's figures of the last reply (prompt/predicted tokens and rates), for bench/
        self.last_timings: dict[str, Any] | None = None
        # The verifier's meaning judge (QA_ENTAIL); the local model's own server when it has one
        self.entail = make_entailment(settings, self._server_url if starter else None)

    def _server_url(self) -> str:
        """The /v1 URL of the local server (started on first use)."""
        self.client()
        return str(self._base_url)

    @property
    def where(self) -> str:
        """How notices name the model (never with credentials)."""
        return self._label or f"the language model at {public_url(self._base_url)}"

    def client(self) -> openai.OpenAI:
        """The OpenAI client (starts the local server on first use)."""
        with self._lock:
            if self._start_error:
                raise GenerationError(self._start_error)
            if self._client is None:
                if self._starter is not None:
                    try:
                        self._base_url = self._starter()
                    except Exception as exc:  # remembered: loading again would fail again
                        self._start_error = f"it could not be started: {exc}"
                        log.warning("%s could not be started: %s", self.where, exc)
                        raise GenerationError(self._start_error) from None
                key = self.settings.llm_api_key
                s = self.settings
                url, headers = split_credentials(self._base_url)
                self._client = openai.OpenAI(
                    base_url=url, max_retries=s.llm_retries, default_headers=headers,
                    api_key=key.get_secret_value() if key else "no-key",
                    timeout=openai.Timeout(s.llm_timeout_s, connect=min(s.llm_timeout_s, 10.0)))
            return self._client

    def stream(self, question: str, passages: list[Passage], language: str) -> Iterator[Answer]:
        """The extractive answer at once (provisional), then the model's growing text; the last
        answer is the model's verified one, or the extractive one with a notice saying why."""
        quick = self.fallback.answer(question, passages[: self.settings.answer_k], language)
        if self.settings.refusal_gate and quick.refused:
            # The calibrated extractive scorer finds no supporting sentence and the model is
            # known weak: refuse, don't let it guess (a fluent guess can cite real names).
            yield quick
            return
        if self.settings.llm_quick_answer:
            yield replace(quick, provisional=True,
                          notice=f"{self._where()} is writing an answer…")
        shown, cited = self._context(question, passages)
        if not shown:
            notice = "The passages read like instructions to a model and were not shown to it"
            yield from self._fallback(quick, notice)
            return
        raw = ""
        try:
            for raw in self._generate(answer_messages(question, shown, language,
                                                      local=self.mode == "local")):
                if not NOT_FOUND.startswith(raw.strip()[: len(NOT_FOUND)]):
                    text, citations = render_partial(raw, cited)
                    yield Answer(question=question, text=text, citations=citations,
                                 mode=self.mode, language=language, provisional=True)
        except GenerationError as exc:
            log.warning("%s failed: %s", self.where, exc.reason)
            notice = f"{self._where()} did not answer ({exc.reason})"
            yield from self._fallback(quick, notice)
            return
        yield from self._final(quick, raw, cited)

    def _where(self) -> str:
        return f"{self.where[:1].upper()}{self.where[1:]}"

    def _context(self, question: str, passages: list[Passage]
                 ) -> tuple[list[Passage], list[Passage]]:
        """(what the model reads, what its [n] cite): a remote model reads whole passages; the
        local model only the best sentences of a few of them, numbered by passage."""
        clean = [p for p in passages if not suspicious(f"{p.title}\n{p.text}")]
        if len(clean) < len(passages):
            log.warning("withheld %d passage(s) that address the model", len(passages) - len(clean))
        s = self.settings
        if self.mode != "local" or not hasattr(self.fallback, "candidates"):
            shown = clean[: s.llm_passages if self.mode != "local" else s.local_passages]
            return shown, shown
        # The extractive answer's own sentence with the one before it (what "then", "he" or
        # "at that time" refer to), then the next best sentences by its scorer.
        chosen = getattr(self.fallback, "choose", lambda *_: [])(question, clean)
        best = [(c.passage, c.start, c.end) for c in chosen[:1]]
        if best:
            best = previous_sentence(*best[0]) + best
        best += [(c.passage, c.start, c.end) for c in
                 [*chosen[1:], *self.fallback.candidates(question, clean)]]
        spans = within(list(dict.fromkeys(best))[: s.local_sentences], s.local_excerpt_chars)
        return excerpts(clean, spans, s.local_passages)

    def _final(self, quick: Answer, raw: str, shown: list[Passage]) -> Iterator[Answer]:
        """The verified model answer, the refusal, or `quick` (the extractive answer)."""
        where, question, language = self._where(), quick.question, quick.language
        if raw.strip().strip(".").upper() == NOT_FOUND or (
                NOT_FOUND in raw and len(words(raw.replace(NOT_FOUND, ""))) < 3):
            if not self.settings.refusal_gate:  # a capable model's NOT_FOUND is the refusal
                yield refusal(question, language, self.mode)
                return
            yield from self._fallback(quick, f"{where} found no answer in the passages it was "
                                      "shown")
            return
        result = verify_answer(raw, shown, question, getattr(self.fallback, "embedder", None),
                               self.entail)
        if not result.citations:
            n = len(result.rejected)
            notice = (f"{where} gave an answer whose {n} sentence(s) could not be verified "
                      "against the articles" if n else f"{where} gave an empty answer")
            yield from self._fallback(quick, notice, result.sentences)
            return
        if wrong_language(result.text, language):
            yield from self._fallback(quick, f"{where} answered in the wrong language")
            return
        dropped = len(result.rejected)
        notice = (f"{dropped} sentence(s) of the generated answer could not be verified against "
                  "the articles and were removed." if dropped else "")
        yield Answer(question=question, text=result.text, citations=result.citations,
                     mode=self.mode, language=language, sentences=result.sentences,
                     notice=notice)

    def _fallback(self, quick: Answer, notice: str,
                  rejected: list[Sentence] | None = None) -> Iterator[Answer]:
        """The extractive answer as final, with the notice and the rejected generated
        sentences."""
        if notice:
            notice += f"; this answer is {self.fallback.mode}."
        unverified = [s for s in rejected or [] if not s.verified]
        yield replace(quick, notice=notice, provisional=False,
                      sentences=unverified + list(quick.sentences))

    def _request_options(self) -> dict[str, Any]:
        """Length cap; for the local llama.cpp server also its prompt cache (the fixed system
        prompt is evaluated once, not per question)."""
        if self.mode == "local":
            return {"max_tokens": self.settings.local_max_tokens,
                    "extra_body": {"cache_prompt": True}}
        return {"max_tokens": self.settings.llm_max_tokens}

    def _generate(self, messages: list[dict]) -> Iterator[str]:
        """The reply text as it grows; raises `GenerationError` on any failure."""
        s = self.settings
        deadline = time.monotonic() + s.llm_total_timeout_s
        stream = None
        text, finished = "", False
        self.last_timings = None
        try:
            stream = self.client().chat.completions.create(
                model=s.llm_model, messages=messages, stream=True, temperature=0,
                **self._request_options())  # type: ignore[call-overload]
            for chunk in stream:
                if time.monotonic() > deadline:
                    raise GenerationError("timeout")
                choices = getattr(chunk, "choices", None)
                if not isinstance(choices, list):
                    raise GenerationError("unreadable response")
                if not choices:
                    continue
                content = getattr(getattr(choices[0], "delta", None), "content", None)
                if content is not None and not isinstance(content, str):
                    raise GenerationError("unreadable response")
                if content:
                    text += content
                    yield text
                finished = finished or bool(getattr(choices[0], "finish_reason", None))
                self.last_timings = getattr(chunk, "timings", None) or self.last_timings
        except GenerationError:
            raise
        except Exception as exc:
            raise GenerationError(_reason(exc)) from None
        finally:
            if stream is not None:
                try:
                    stream.close()
                except Exception:
                    pass
        if not finished:
            raise GenerationError("the reply stopped mid-answer" if text else "empty reply")

    def warm_up(self) -> None:
        """Start the model now, and have the local server read its fixed system prompt into the
        prompt cache, so the first question pays for neither. Failures are only logged: the
        question that follows reports them."""
        try:
            client = self.client()
            if self.mode == "local":
                system = answer_messages("", [], "en", local=True)[:1]
                client.chat.completions.create(
                    model=self.settings.llm_model, temperature=0,
                    messages=[*system, {"role": "user", "content": "OK"}],
                    **{**self._request_options(), "max_tokens": 1})  # type: ignore[call-overload]
        except GenerationError as exc:
            log.warning("warm-up: %s failed: %s", self.where, exc.reason)
        except Exception as exc:
            log.warning("warm-up: %s failed: %s", self.where, _reason(exc))

    def rewrite(self, question: str, history: list[dict[str, Any]]) -> str | None:
        """A standalone version of a follow-up question, or None when the model can't help (or,
        for the local model, unless QA_LOCAL_REWRITE: a second model call before any text)."""
        if self.mode == "local" and not self.settings.local_rewrite:
            return None
        try:
            reply = self.client().chat.completions.create(
                model=self.settings.llm_model, messages=rewrite_messages(question, history),
                temperature=0, max_tokens=80)  # type: ignore[call-overload]
            content = reply.choices[0].message.content
        except GenerationError as exc:
            log.warning("rewrite: %s failed: %s", self.where, exc.reason)
            return None
        except Exception as exc:
            log.warning("rewrite: %s failed: %s", self.where, _reason(exc))
            return None
        return clean_rewrite(content, question)


def previous_sentence(passage: Passage, start: int, end: int) -> list[tuple[Passage, int, int]]:
    """The sentence just before [start, end) in its passage ([] when it is the first)."""
    before = [(a, b) for a, b in split_sentences(passage.text) if b <= start]
    return [(passage, *before[-1])] if before else []


def clean_rewrite(content: object, question: str) -> str | None:
    """The first line of a rewrite reply, if it is a plausible question in the same language."""
    if not isinstance(content, str):
        return None
    lines = [ln.strip() for ln in content.strip().splitlines() if ln.strip()]
    if not lines:
        return None
    line = re.sub(r"^(standalone question|question( autonome)?|rewritten question)\s*:\s*", "",
                  lines[0], flags=re.IGNORECASE).strip(" \"'«»`*")
    if not line or len(line) > 400 or NOT_FOUND in line or suspicious(line):
        return None
    if len(words(line)) >= 4 and detect_language(line) != detect_language(question):
        return None
    return line


# Function words of one language only (language data): an answer's language is judged by
# what it shows, never by a tie (short English text has few of `detect_language`'s cues).
FUNCTION_WORDS = {
    "en": frozenset("""the a an is are was were be been has have had he she it its they them
        their his her this that these those of to in on at by with from for and or but not as
        said says will would which who what when where also than then there""".split()),
    "fr": frozenset("""le la les l un une des du de d est sont etait ete a ont il elle ils
        elles son sa ses leur leurs ce cette ces qui que qu ne pas et ou mais dans pour avec
        sur par selon aussi au aux se s n y en lors""".split()),
}


def wrong_language(text: str, language: str) -> bool:
    """True when a long enough answer is clearly not in `language`: outside quotes, another
    language's function words outnumber its own (at least 3 of them, and twice as many)."""
    plain = re.sub(r"«[^»]*»|\"[^\"]*\"|“[^”]*”", " ", strip_markers(text))
    tokens = words(plain)
    if len(tokens) < 6 or language not in FUNCTION_WORDS:
        return False
    own = sum(t in FUNCTION_WORDS[language] for t in tokens)
    other = max(sum(t in ws for t in tokens)
                for lang, ws in FUNCTION_WORDS.items() if lang != language)
    return other >= 3 and other >= 2 * own


def make_generator(settings: Settings, fallback: Answerer) -> Generator:
    """The generator for `QA_LLM=openai` or `QA_LLM=local`."""
    if settings.llm != "local":
        return Generator(settings, fallback, "openai")
    holder: dict[str, LlamaServer] = {}

    def start() -> str:
        path = settings.local_model_path or assemble_model(settings.local_models_dir)
        holder["server"] = LlamaServer(path, settings.local_context, settings.local_threads)
        return holder["server"].start()

    name = settings.local_model_path.name if settings.local_model_path else MODEL_FILE
    return Generator(settings, fallback, "local", starter=start,
                     label=f"the local language model ({name})")
