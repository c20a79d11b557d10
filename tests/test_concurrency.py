"""Concurrent chat sessions through the web server, with gradio_client: no error, no answer
crossing sessions, and the p95 latency printed.

Defaults: 20 sessions, 200 questions in all (QA_TEST_SESSIONS, QA_TEST_QUESTIONS change them).
Each session is its own gradio client (its own session hash and state) and keeps its own chat
history; every session asks the seed questions in its own order, so at any moment sessions ask
different questions, and each answer is checked against the question of its own session.
"""

from __future__ import annotations

import os
import threading
import time

import numpy as np
import pytest
from gradio_client import Client

from qa.evaluate import answer_matches, load_questions
from qa.web import build_app, content_text
from tests.conftest import SEED, free_port

SESSIONS = int(os.environ.get("QA_TEST_SESSIONS", "20"))
QUESTIONS = int(os.environ.get("QA_TEST_QUESTIONS", "200"))

pytestmark = pytest.mark.server




def _history(result) -> list[dict]:
    return list(result[0] if isinstance(result, tuple | list) and result and isinstance(
        result[0], list) else result)


@pytest.fixture(scope="module")
def chat_url(seeded_bot):
    port = free_port()
    app = build_app(seeded_bot)
    app.queue(default_concurrency_limit=4)  # as `qa serve` does
    app.launch(server_name="127.0.0.1", server_port=port, prevent_thread_lock=True,
               ssr_mode=False)
    yield f"http://127.0.0.1:{port}/"
    app.close()


def test_concurrent_sessions_do_not_cross(chat_url, capsys):
    seed = [q for q in load_questions(SEED) if q.answerable and q.answers]
    per_session = max(1, QUESTIONS // SESSIONS)
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    deadline = time.monotonic() + 900

    def session(n: int) -> None:
        try:
            client = Client(chat_url, verbose=False)
            history: list[dict] = []
            asked = [seed[(n + i * 7) % len(seed)] for i in range(per_session)]
            for i, q in enumerate(asked):
                if time.monotonic() > deadline:
                    raise TimeoutError("over the time limit")
                started = time.perf_counter()
                result = client.submit(q.question, history, api_name="/ask").result(timeout=300)
                elapsed = time.perf_counter() - started
                history = _history(result)
                users = [content_text(m["content"]) for m in history if m["role"] == "user"]
                assert users == [a.question for a in asked[: i + 1]], (
                    f"session {n}: history holds other questions: {users}")
                answer = content_text(history[-1]["content"])
                assert answer_matches(answer, q.answers), (
                    f"session {n}: {q.question!r} got {answer[:200]!r}")
                with lock:
                    latencies.append(elapsed)
        except Exception as exc:  # collected, reported below with the session number
            with lock:
                errors.append(f"session {n}: {type(exc).__name__}: {exc}")

    started = time.perf_counter()
    threads = [threading.Thread(target=session, args=(n,)) for n in range(SESSIONS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=960)
    wall = time.perf_counter() - started
    assert not errors, errors[:5]
    assert len(latencies) == SESSIONS * per_session
    p50, p95 = np.percentile(latencies, [50, 95])
    with capsys.disabled():
        print(f"\n{SESSIONS} sessions, {len(latencies)} questions in {wall:.0f}s: latency p50 "
              f"{p50:.1f}s, p95 {p95:.1f}s, max {max(latencies):.1f}s; "
              f"{len(latencies) / wall:.2f} questions/s")
