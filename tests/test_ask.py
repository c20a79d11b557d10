"""ask() end to end on the bundled articles, and `qa eval` on the seed set with thresholds."""

import json
import os
import subprocess
import sys

import pytest

from qa import QuestionError
from tests.conftest import ROOT, SEED


def test_french_question_gets_french_answer_with_citation(seeded_bot):
    answer = seeded_bot.ask("Quand aura lieu la réunion du Conseil OTAN-Russie ?")
    assert not answer.refused and answer.language == "fr"
    assert "12 janvier" in answer.text and "[1]" in answer.text
    first = answer.citations[0]
    assert first.number == 1 and first.quote in first.text
    assert first.end - first.start == len(first.text)
    assert answer.timings["total_s"] > 0


def test_english_question_gets_english_framing(seeded_bot):
    answer = seeded_bot.ask("When is the NRC meeting?")
    assert answer.language == "en" and "12 January" in answer.text
    assert answer.citations and all(f"[{c.number}]" in answer.text for c in answer.citations)


def test_unanswerable_question_is_refused_without_citations(seeded_bot):
    answer = seeded_bot.ask("Quel est le budget militaire de la France en 2022 ?")
    assert answer.refused and answer.citations == []
    assert "articles" in answer.text


def test_follow_up_uses_history(seeded_bot):
    history = [{"role": "user", "content": "When will the US-Russia security talks start?"},
               {"role": "assistant", "content": "10 January [1]."}]
    answer = seeded_bot.ask("And where?", history)
    assert "When will the US-Russia" in answer.standalone_question
    assert "Gen" in answer.text


@pytest.mark.parametrize("bad", ["", "   ", "\x00\x01", "x" * 20000])
def test_bad_questions_raise_clear_errors(seeded_bot, bad):
    with pytest.raises(QuestionError):
        seeded_bot.ask(bad)


def test_control_characters_are_stripped(seeded_bot):
    answer = seeded_bot.ask("Qui est le secrétaire\x07 général de l'OTAN ?")
    assert "Stoltenberg" in answer.text


def test_qa_eval_on_seed_set_meets_thresholds(seeded_store):
    env = {**os.environ, "QA_STORE_PATH": str(seeded_store)}
    out = subprocess.run([sys.executable, "-m", "qa.cli", "eval", str(SEED), "--json"],
                         capture_output=True, text=True, env=env, cwd=ROOT, timeout=900)
    assert out.returncode == 0, out.stderr[-2000:]
    report = json.loads(out.stdout)
    answerable = [q for q in report["questions"] if q["answerable"]]
    right = [q for q in answerable if q["answer_ok"]]
    assert len(right) >= 12, [q["id"] for q in answerable if not q["answer_ok"]]
    assert all(q["refused"] for q in report["questions"] if not q["answerable"])
    assert all(q["citation_ok"] for q in right)
    assert report["hit_at_5"] >= 0.85
    for key in ("n", "answer_accuracy", "citation_accuracy", "refusal_accuracy", "hit_at_5",
                "mrr", "latency_p50_s", "latency_p95_s"):
        assert key in report


def test_cli_ask_json_and_sources(seeded_store):
    env = {**os.environ, "QA_STORE_PATH": str(seeded_store)}
    out = subprocess.run([sys.executable, "-m", "qa.cli", "ask", "Qui est le secrétaire général "
                          "de l'OTAN ?", "--json"], capture_output=True, text=True, env=env,
                         cwd=ROOT, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    data = json.loads(out.stdout)
    assert "Stoltenberg" in data["text"] and data["citations"][0]["doc_id"]
    out = subprocess.run([sys.executable, "-m", "qa.cli", "sources"], capture_output=True,
                         text=True, env=env, cwd=ROOT, timeout=300)
    assert out.returncode == 0 and "5 articles" in out.stdout
    out = subprocess.run([sys.executable, "-m", "qa.cli", "ask", "   "], capture_output=True,
                         text=True, env=env, cwd=ROOT, timeout=300)
    assert out.returncode == 2 and "Traceback" not in out.stderr
