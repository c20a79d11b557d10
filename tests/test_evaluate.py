"""Scoring of question sets (eval/README.md rules), follow-ups asked with their history, the
question sets' integrity, and the always-right oracle model of bench/oracle_model.py."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from bench.oracle_model import NOT_FOUND, Oracle, key
from qa.answer.generate import answer_messages
from qa.evaluate import EvalQuestion, answer_matches, load_questions, run_eval, score_question
from qa.results import Answer, Citation, Passage
from tests.conftest import ARTICLES, ROOT

SETS = [(ROOT / "eval" / "questions.jsonl", ARTICLES),
        (ROOT / "eval" / "english" / "questions.jsonl", ROOT / "eval" / "english" / "articles")]


def test_only_the_first_paragraph_is_scored():
    assert answer_matches("Brussels [1].\n\nSource: « ... à Bruxelles »", [["brussels"]])
    assert not answer_matches("Geneva [1].\n\nSource: « aura lieu à Bruxelles »",
                              [["brussels", "bruxelles"]])
    assert not answer_matches("Geneva [1].\n  \nBrussels [2].", [["brussels"]])


def test_digit_alternatives_take_ordinal_suffixes_and_nothing_else():
    groups = [["12"], ["january", "janvier"]]
    assert answer_matches("On the 12th of January [1].", groups)
    assert answer_matches("Le 12 janvier [1].", groups)
    assert answer_matches("le 1er janvier", [["1"], ["janvier"]])
    assert answer_matches("le 2e tour", [["2"]])
    assert not answer_matches("le 120 janvier", groups)
    assert not answer_matches("en 2012", [["12"]])
    assert not answer_matches("12 [1].", [["12 million euros"]])
    assert answer_matches("Norvégien [1].", [["norv*"]])
    assert not answer_matches("Geneva [12]", [["12"]])  # citation markers are not text


def _answer(text: str, doc_ids: list[str], refused: bool = False) -> Answer:
    citations = [Citation(number=i, doc_id=d, title="t", source="s", text="q", quote="q",
                          start=0, end=1, score=1.0) for i, d in enumerate(doc_ids, 1)]
    return Answer(question="q", text=text, citations=citations, refused=refused)


def test_scoring_needs_a_citation_of_a_gold_source_and_refusals_cite_nothing():
    q = EvalQuestion(id="x", question="Where?", answerable=True, answers=[["vienna"]],
                     sources=["a"])
    assert score_question(q, _answer("Vienna [1].", ["a"]), [], 0.1).correct
    assert not score_question(q, _answer("Vienna.", []), [], 0.1).correct
    assert not score_question(q, _answer("Vienna [1].", ["b"]), [], 0.1).correct
    u = EvalQuestion(id="u", question="Salary?", answerable=False, answers=[], sources=[])
    assert score_question(u, _answer("Not found.", [], refused=True), [], 0.1).correct
    assert not score_question(u, _answer("Not found [1].", ["a"], refused=True), [], 0.1).correct
    assert not score_question(u, _answer("1000 [1].", ["a"]), [], 0.1).correct


def test_load_questions_keeps_history_and_filters_by_split(tmp_path):
    path = tmp_path / "set.jsonl"
    rows = [{"id": "a", "question": "Q1?", "answers": [["x"]], "sources": ["d"],
             "kind": "date", "split": "dev"},
            {"id": "b", "question": "And where?", "answers": [["y"]], "sources": ["d"],
             "kind": "followup", "split": "test",
             "history": [{"role": "user", "content": "Q1?"},
                         {"role": "assistant", "content": "x"}]}]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    assert [q.id for q in load_questions(path, "test")] == ["b"]
    assert load_questions(path, "test")[0].history[0] == {"role": "user", "content": "Q1?"}
    assert len(load_questions(path)) == 2
    path.write_text('{"id": "c"}\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"set\.jsonl:1"):
        load_questions(path)


def test_follow_ups_are_asked_with_their_conversation(seeded_bot):
    """The real bot gets the history: its standalone question carries the earlier turn."""
    follow = EvalQuestion(
        id="f", question="And in which city?", answerable=True,
        answers=[["brussels", "bruxelles"]], sources=["001_b87862fe20c5abbc"], kind="followup",
        history=[{"role": "user", "content": "When will the NATO-Russia Council meet?"},
                 {"role": "assistant", "content": "On 12 January."}],
        standalone="In which city will the NATO-Russia Council meet on 12 January?")
    single = EvalQuestion(id="s", question="Who is NATO's secretary general?", answerable=True,
                          answers=[["stoltenberg"]], sources=["000_4c87ad4ae081205e"])
    seen: list[Answer] = []

    def ask(question: str, history: list[dict] | None = None) -> Answer:
        seen.append(seeded_bot.ask(question, history=history))
        return seen[-1]

    summary, results = run_eval([follow, single], ask, seeded_bot.retrieve)
    assert "NATO-Russia Council" in seen[0].standalone_question
    assert seen[1].standalone_question == single.question
    assert summary["followups"]["n"] == 1 and results[0].follow_up
    assert not results[1].follow_up
    assert set(summary["by_kind"]) == {"followup", "-"}


@pytest.mark.parametrize(("set_path", "folder"), SETS, ids=["bundled", "english"])
def test_question_sets_are_sound(set_path: Path, folder: Path):
    """Every support is a clause of its source article, model answers meet their gold, both
    halves hold every kind, and no question is asked twice."""
    questions = load_questions(set_path)
    texts = {p.stem: p.read_text(encoding="utf-8") for p in folder.glob("*.txt")}
    assert len({q.question for q in questions}) == len(questions)
    for q in questions:
        assert q.split in {"dev", "test"} and q.kind, q.id
        if q.answerable:
            assert any(q.support in texts[s] for s in q.sources), q.id
            assert answer_matches(q.model_answer, q.answers), q.id
        else:
            assert not q.answers and not q.sources, q.id
    for split in ("dev", "test"):
        kinds = {q.kind for q in questions if q.split == split}
        assert {"followup", "unanswerable", "date", "number"} <= kinds, split
    if set_path.parent.name == "eval":
        seed = {json.loads(line)["question"] for line in
                (ROOT / "eval" / "seed_qa.jsonl").read_text(encoding="utf-8").splitlines()}
        assert not seed & {q.question for q in questions}


def _passage(text: str, doc_id: str = "d") -> Passage:
    return Passage(id=doc_id + "-0", doc_id=doc_id, title="T", source="s", text=text,
                   start=0, end=len(text))


def test_oracle_cites_the_passage_holding_the_support_and_refuses_otherwise():
    q = EvalQuestion(id="o", question="Where will the OSCE talks take place?", answerable=True,
                     answers=[["vienna"]], sources=["d"], support="basée à Vienne",
                     model_answer="They take place in Vienna. It hosts the OSCE.")
    u = EvalQuestion(id="u", question="What is NATO's budget?", answerable=False, answers=[],
                     sources=[])
    oracle = Oracle([q, u])
    other, holder = _passage("Rien ici."), _passage("L'OSCE, « basée » à  Vienne, comprend…")
    reply = oracle.reply(answer_messages(q.question, [other, holder], "en"))
    assert reply == "They take place in Vienna [2]. It hosts the OSCE [2]."
    assert oracle.reply(answer_messages(q.question, [other], "en")) == NOT_FOUND
    assert oracle.reply(answer_messages(u.question, [holder], "en")) == NOT_FOUND
    assert oracle.outcomes["NOT_FOUND (support not shown)"] == 1
    assert re.fullmatch(r"[a-z0-9 ]+", key("L’OSCE, « basée »"))


def test_verifier_rows_are_sound():
    """Every row of eval/verifier_set.jsonl has its fields, a unique id and answer, a known
    label, kind and split, and passages copied from the bundled, English or SPF sources (the
    verifier is not run: this checks the file, not a half's figures)."""
    rows = [json.loads(line) for line in (ROOT / "eval" / "verifier_set.jsonl").read_text(
        encoding="utf-8").splitlines() if line]
    spf = {json.loads(line)["id"]: json.loads(line)["text"] for line in (
        ROOT / "bench" / "spf" / "docs.jsonl").read_text(encoding="utf-8").splitlines()}
    articles = {p.name: p.read_text(encoding="utf-8") for folder in (
        ARTICLES, ROOT / "eval" / "english" / "articles") for p in folder.glob("*.txt")}
    kinds = {"right": {"translated", "paraphrase", "same"},
             "wrong": {"name", "number", "date", "place", "content", "negation", "restate"}}
    assert len({r["id"] for r in rows}) == len(rows)
    assert len({(r["question"], r["answer"]) for r in rows}) == len(rows)
    for r in rows:
        assert set(r) == {"id", "question", "lang", "answer", "passages", "label", "kind",
                          "split"}, r["id"]
        assert r["kind"] in kinds[r["label"]] and r["split"] in {"dev", "test"}, r["id"]
        assert r["lang"] in {"fr", "en"} and r["passages"], r["id"]
        assert re.search(r"\[\d\]", r["answer"]), r["id"]
        for p in r["passages"]:
            source = spf.get(p["source"]) or articles[p["source"]]
            assert " ".join(p["text"].split()) in " ".join(source.split()), r["id"]
