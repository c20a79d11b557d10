"""QA_LLM=local: the Qwen2.5-Coder-1.5B GGUF joined from its PyPI parts, run by llama.cpp inside
the process, over the seed set with the verifier on (slow: about a minute per question on 2
cores). Prints answer accuracy and how many generated sentences the verifier rejected."""

from __future__ import annotations

import hashlib

import pytest

from qa import QA
from qa.answer.local import MODEL_SHA256, assemble_model, model_parts
from qa.evaluate import load_questions, run_eval
from qa.settings import Settings
from tests.conftest import SEED, make_settings
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
@pytest.mark.slow
@pytest.mark.server
def test_local_qwen_on_the_seed_set(seeded_bot, tmp_path, capsys):
    bot = QA(make_settings(tmp_path, llm="local"))
    bot.__dict__.update(embedder=seeded_bot.embedder, store=seeded_bot.store,
                        retriever=seeded_bot.retriever)
    answers = []

    def ask(question: str):
        answers.append(bot.ask(question))
        return answers[-1]

    summary, results = run_eval(load_questions(SEED), ask, seeded_bot.retrieve, k=5)
    with capsys.disabled():
        print("\nQA_LLM=local (Qwen2.5-Coder-1.5B Q4_K_M), seed set, verifier on:")
        for r in results:
            print(f"  {r.id} {r.mode:<10} ok={r.answer_ok!s:<5} rejected={r.rejected_sentences}/"
                  f"{r.generated_sentences} {r.latency_s:6.1f}s {r.answer[:70]!r}")
        for key in ("answer_accuracy", "citation_accuracy", "refusal_accuracy",
                    "generated_sentences", "verifier_rejected_sentences", "verifier_rejected",
                    "fallbacks", "latency_p50_s", "latency_p95_s"):
            print(f"  {key:<28} {summary[key]}")
    for answer in answers:
        assert_protocol(answer)
        assert all(s.verified for s in answer.sentences if s.text in answer.text)
    assert any(r.mode == "local" for r in results), "the local model never answered"
    assert summary["answer_accuracy"] >= 0.6
    assert summary["refusal_accuracy"] >= 0.6
