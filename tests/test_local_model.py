"""QA_LLM=local: the Qwen2.5-Coder-1.5B GGUF joined from its PyPI parts, run by llama.cpp inside
the process: one real answer, verified, must reach the user (the whole seed set with its
latency is in `make bench`: bench/local_latency.py)."""

from __future__ import annotations

import hashlib

import pytest

from qa import QA
from qa.answer.local import MODEL_SHA256, assemble_model, model_parts
from qa.settings import Settings
from tests.conftest import make_settings
from tests.test_generate import assert_protocol


def parts_missing() -> str:
    """Why the Qwen parts can't be used ('' when they are all installed)."""
    try:
        return "" if all(p.is_file() for p in model_parts()) else "a model part file is missing"
    except FileNotFoundError as exc:
        return str(exc)


MISSING = parts_missing()
needs_qwen = pytest.mark.skipif(bool(MISSING), reason=f"Qwen parts not installed: {MISSING}")


@needs_qwen
def test_parts_join_into_the_published_model(tmp_path):
    path = assemble_model(Settings().local_models_dir)
    assert path.stat().st_size == sum(p.stat().st_size for p in model_parts())
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while block := f.read(1 << 22):
            digest.update(block)
    assert digest.hexdigest() == MODEL_SHA256


@needs_qwen
@pytest.mark.server
def test_a_real_qwen_answer_reaches_the_user(seeded_bot, tmp_path):
    """llama.cpp must start, and Qwen's own verified words (not the extractive fallback) must
    be the final answer to a question whose answer is one sentence of the articles. The seed
    set through Qwen, with latency, is `python bench/local_latency.py` (`make bench`)."""
    bot = QA(make_settings(tmp_path, llm="local"))
    bot.__dict__.update(embedder=seeded_bot.embedder, store=seeded_bot.store,
                        retriever=seeded_bot.retriever)
    bot.warm_up().join()  # as the web app does at start: the system prompt is read once
    # A question in the articles' language: a 1.5B model cites reliably there (asked in
    # English, it may cite a neighbouring excerpt, which the verifier rightly refuses).
    answers = list(bot.stream_ask("Quand aura lieu la réunion du Conseil OTAN-Russie ?"))
    final = answers[-1]
    assert answers[0].provisional and answers[0].mode == "extractive"
    assert bot.answerer._start_error == "", bot.answerer._start_error
    assert final.mode == "local" and not final.provisional, final.notice
    assert "12 janvier" in final.text, final.text
    assert_protocol(final)
    assert all(s.verified for s in final.sentences if s.text in final.text)
    assert any("12 janvier" in c.quote for c in final.citations)
    # the question's prompt reused the system prompt that warm_up() left in llama.cpp's cache
    assert (bot.answerer.last_timings or {}).get("cache_n", 0) > 100, bot.answerer.last_timings
