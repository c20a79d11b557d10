"""An always-right OpenAI-compatible model on 127.0.0.1, for measuring the openai path.

It reads the question and the numbered passages of each chat request, finds the question in a
question set (eval/README.md format with `support` and `model_answer`), and:
- when a shown passage holds the question's `support`, answers with the set's `model_answer`
  (a sentence a strong model would write, in the question's language, names and titles
  translated) citing that passage's number;
- when no shown passage holds it, or the question is unanswerable, replies NOT_FOUND;
- asked to rewrite a follow-up, returns the set's standalone form of it.
So any answer that does not reach the user is lost by our pipeline, not by the model.
Serve it by hand: `python bench/oracle_model.py eval/questions.jsonl` (prints its URL).
"""

from __future__ import annotations

import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from llm_servers import LoopbackServer, scripted  # noqa: E402

from qa.evaluate import EvalQuestion, load_questions  # noqa: E402
from qa.text import fold  # noqa: E402

NOT_FOUND = "NOT_FOUND"
PASSAGE_RE = re.compile(r"<passage\b[^>]*\bn=\"(\d+)\"[^>]*>(.*?)</passage>", re.S)
NUMBERED_RE = re.compile(r"^\[(\d+)\]\s*(.+?)(?=^\[\d+\]|\Z)", re.S | re.M)
QUESTION_RE = re.compile(r"^(?:Question|Last question)\s*:\s*(.+)$", re.M | re.I)
SENTENCE_END_RE = re.compile(r"(?<=[.!?])\s+(?=\S)")


def key(text: str) -> str:
    """Text reduced to its folded words, so quotes, dashes and spacing never matter."""
    return " ".join(re.findall(r"\w+", fold(text)))


def passages_of(prompt: str) -> list[tuple[int, str]]:
    """The numbered passages of a prompt: `<passage n="i">` blocks, or `[i] text` lines."""
    found = [(int(n), body) for n, body in PASSAGE_RE.findall(prompt)]
    return found or [(int(n), body) for n, body in NUMBERED_RE.findall(prompt)]


def cite(answer: str, number: int) -> str:
    """The answer with `[number]` closing each of its sentences."""
    out = []
    for sentence in SENTENCE_END_RE.split(answer.strip()):
        body, end = (sentence[:-1], sentence[-1]) if sentence[-1] in ".!?" else (sentence, ".")
        out.append(f"{body} [{number}]{end}")
    return " ".join(out)


class Oracle:
    """The reply function of the always-right model, with a tally of what it did."""

    def __init__(self, questions: list[EvalQuestion]) -> None:
        self.by_key: dict[str, EvalQuestion] = {}
        for q in questions:
            for text in (q.question, q.standalone):
                if text:
                    self.by_key.setdefault(key(text), q)
        self.keys_longest_first = sorted(self.by_key, key=len, reverse=True)
        self.outcomes: Counter[str] = Counter()
        self.by_question: dict[str, str] = {}

    def find(self, question: str, prompt: str) -> EvalQuestion | None:
        """The set question a prompt asks: its Question line, else the longest one quoted."""
        if key(question) in self.by_key:
            return self.by_key[key(question)]
        whole = f" {key(prompt)} "
        return next((self.by_key[k] for k in self.keys_longest_first if f" {k} " in whole),
                    None)

    def reply(self, messages: list[dict]) -> str:
        """What the always-right model says to these chat messages."""
        prompt = "\n".join(str(m.get("content", "")) for m in messages if m.get("role") == "user")
        asked = QUESTION_RE.findall(prompt)
        question = asked[-1].strip() if asked else ""
        q = self.find(question, prompt)
        if "standalone" in prompt.lower() and not passages_of(prompt):
            self.outcomes["rewrite"] += 1
            return q.standalone if q is not None and q.standalone else question
        if q is None:
            return self._tally("unknown question", "?", NOT_FOUND)
        if not q.answerable:
            return self._tally("NOT_FOUND (unanswerable)", q.id, NOT_FOUND)
        support = f" {key(q.support)} "
        shown = next((n for n, body in passages_of(prompt) if support in f" {key(body)} "), None)
        if shown is None:
            return self._tally("NOT_FOUND (support not shown)", q.id, NOT_FOUND)
        return self._tally("answered", q.id, cite(q.model_answer, shown))

    def _tally(self, outcome: str, qid: str, text: str) -> str:
        self.outcomes[outcome] += 1
        self.by_question[qid] = outcome
        return text


def serve(questions: list[EvalQuestion]) -> tuple[LoopbackServer, Oracle]:
    """A started loopback server answering as the oracle of `questions` (close it after)."""
    oracle = Oracle(questions)
    server = LoopbackServer(scripted(oracle.reply), max_connections=1_000_000)
    return server.__enter__(), oracle


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "eval" / "questions.jsonl"
    server, oracle = serve(load_questions(path))
    print(f"oracle model for {path} at {server.url} (QA_LLM=openai QA_LLM_BASE_URL={server.url})",
          flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        print(dict(oracle.outcomes))
    finally:
        server.__exit__(None, None, None)


if __name__ == "__main__":
    main()
