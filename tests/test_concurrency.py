"""Concurrent chat sessions through the web server, with gradio_client: no error, no answer
crossing sessions, and the p95 latency printed (speed itself is measured in bench/, not here).

Defaults: 20 sessions, 3 questions each (QA_TEST_SESSIONS, QA_TEST_QUESTIONS change them).
Each session is its own gradio client (its own session hash and state) and keeps its own chat
history; every session asks the seed questions in its own order, so at any moment sessions ask
different questions, and each answer is checked against the question of its own session; from
the second question on, the history it gets back must hold its own questions only.

Time bounds, from a stated budget rather than from one run: an extractive answer costs at most
0.4 s of CPU on 2 cores (seed-set p95 0.36 s, README); allow a machine 5x slower, so 2 s per
question. The app serves 4 requests at a time on 2 cores, so one request can wait behind every
other session's request: SESSIONS x 2 s = 40 s; each request gets 3x that (PER_REQUEST_S). The
whole run needs at most SESSIONS x QUESTIONS_EACH x 2 s of CPU; it gets 3x that (RUN_S). A
request over its bound is an error of the test, never a hang.
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
QUESTIONS_EACH = int(os.environ.get("QA_TEST_QUESTIONS", "3"))
CPU_PER_QUESTION_S = 2.0  # 0.4 s p95 on 2 cores, on a machine 5x slower
PER_REQUEST_S = 3 * SESSIONS * CPU_PER_QUESTION_S
RUN_S = 3 * SESSIONS * QUESTIONS_EACH * CPU_PER_QUESTION_S + PER_REQUEST_S

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
    per_session = max(2, QUESTIONS_EACH)
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    deadline = time.monotonic() + RUN_S

    def session(n: int) -> None:
        try:
            client = Client(chat_url, verbose=False)
            history: list[dict] = []
            asked = [seed[(n + i * 7) % len(seed)] for i in range(per_session)]
            for i, q in enumerate(asked):
                if time.monotonic() > deadline:
                    raise TimeoutError("over the time limit")
                started = time.perf_counter()
                job = client.submit(q.question, history, api_name="/ask")
                result = job.result(timeout=PER_REQUEST_S)
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
        t.join(timeout=max(1.0, RUN_S + PER_REQUEST_S - (time.perf_counter() - started)))
    wall = time.perf_counter() - started
    assert not any(t.is_alive() for t in threads), f"sessions still running after {wall:.0f}s"
    assert not errors, errors[:5]
    assert len(latencies) == SESSIONS * per_session
    p50, p95 = np.percentile(latencies, [50, 95])
    with capsys.disabled():
        print(f"\n{SESSIONS} sessions, {len(latencies)} questions in {wall:.0f}s: latency p50 "
              f"{p50:.1f}s, p95 {p95:.1f}s, max {max(latencies):.1f}s; "
              f"{len(latencies) / wall:.2f} questions/s (bounds: {PER_REQUEST_S:.0f}s a request, "
              f"{RUN_S:.0f}s the run)")
