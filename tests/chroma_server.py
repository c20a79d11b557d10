"""Test helpers: a real Chroma server (`chroma run` on a free loopback port) and a fast embedder.

`ChromaServer` starts `chroma run --path DIR --host 127.0.0.1 --port PORT` in its own process
group, waits (bounded) for its heartbeat, and stops or kills it; the same folder and port can
be started again to simulate an outage. `HashEmbedder` is a deterministic stand-in for the
e5 model (bag of hashed words, L2-normalised) used where a test is about the store rather
than about answer quality, so that SPF-size inputs stay fast on 2 cores.

Run as a module, it is the `qa` command with the hash embedder plugged in, for tests that
kill an ingest subprocess: `python -m tests.chroma_server ingest PATH...`.
"""

from __future__ import annotations

import hashlib
import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import numpy as np

ROOT = Path(__file__).resolve().parent.parent
CHROMA = Path(sys.executable).parent / "chroma"


def free_port() -> int:
    """A free TCP port on 127.0.0.1."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class ChromaServer:
    """One `chroma run` process over a folder, on a fixed loopback port."""

    def __init__(self, path: Path, port: int | None = None) -> None:
        self.path = Path(path)
        self.port = port or free_port()
        self.host = "127.0.0.1"
        self.proc: subprocess.Popen | None = None
        self.log = self.path.parent / f"chroma-{self.port}.log"

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def heartbeat(self, timeout: float = 1.0) -> bool:
        """True when the server answers its heartbeat."""
        try:
            with httpx.Client(trust_env=False, timeout=timeout) as client:
                return client.get(f"{self.url}/api/v2/heartbeat").status_code == 200
        except httpx.HTTPError:
            return False

    def start(self, timeout: float = 60.0) -> ChromaServer:
        """Start the server and wait for its heartbeat (at most `timeout` seconds)."""
        assert self.proc is None or self.proc.poll() is not None, "already running"
        self.path.mkdir(parents=True, exist_ok=True)
        env = {**os.environ, "ANONYMIZED_TELEMETRY": "False", "NO_COLOR": "1"}
        with self.log.open("ab") as log:
            self.proc = subprocess.Popen(
                [str(CHROMA), "run", "--path", str(self.path), "--host", self.host,
                 "--port", str(self.port)],
                stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=env,
                start_new_session=True)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"chroma run exited with {self.proc.returncode}: "
                                   f"{self.log_tail()}")
            if self.heartbeat():
                return self
            time.sleep(0.2)
        self.kill()
        raise TimeoutError(f"chroma run gave no heartbeat in {timeout:.0f}s: {self.log_tail()}")

    def stop(self, timeout: float = 15.0) -> None:
        """Stop the server (SIGTERM, then SIGKILL if it lingers)."""
        if self.proc is None or self.proc.poll() is not None:
            return
        try:
            os.killpg(self.proc.pid, signal.SIGTERM)
            self.proc.wait(timeout=timeout)
        except (subprocess.TimeoutExpired, ProcessLookupError):
            self.kill()
        self._wait_port_closed()

    def kill(self) -> None:
        """Kill the server at once (SIGKILL to its process group)."""
        if self.proc is None or self.proc.poll() is not None:
            return
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.proc.wait(timeout=15)
        self._wait_port_closed()

    def _wait_port_closed(self, timeout: float = 10.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with socket.socket() as s:
                if s.connect_ex((self.host, self.port)) != 0:
                    return
            time.sleep(0.1)

    def log_tail(self, n: int = 1500) -> str:
        try:
            text = self.log.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ""
        return re.sub(r"\x1b\[[0-9;]*m", "", text)[-n:]


class HashEmbedder:
    """Deterministic bag-of-hashed-words vectors (not a language model; store tests only)."""

    name = "test-hash-embedder"
    dim = 384

    def __init__(self, delay_s: float = 0.0) -> None:
        self.delay_s = delay_s

    def _vector(self, text: str) -> np.ndarray:
        vec = np.zeros(self.dim, dtype=np.float32)
        for word in re.findall(r"\w+", text.lower()):
            h = int.from_bytes(hashlib.blake2b(word.encode("utf-8"), digest_size=4).digest(),
                               "little")
            vec[h % self.dim] += 1.0 if h & 0x80000000 else -1.0
        vec[0] += 1e-3  # never the zero vector
        return vec / np.linalg.norm(vec)

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        if self.delay_s:
            time.sleep(self.delay_s * len(texts))
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.vstack([self._vector(t) for t in texts])

    def embed_query(self, text: str) -> np.ndarray:
        return self._vector(text)


def use_hash_embedder(delay_s: float = 0.0) -> None:
    """Make every `QA` object built from now on (in this process) use a `HashEmbedder`."""
    import qa.service

    qa.service.make_embedder = lambda _name: HashEmbedder(delay_s)


def write_spf_fiches(folder: Path, n: int) -> list[Path]:
    """The first `n` SPF fiches of bench/spf/docs.jsonl as .txt files (title line first)."""
    import json

    folder.mkdir(parents=True, exist_ok=True)
    out = []
    with (ROOT / "bench" / "spf" / "docs.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            if len(out) >= n:
                break
            doc = json.loads(line)
            path = folder / f"{doc['id']}.txt"
            path.write_text(f"Fiche {doc['id']}\n\n{doc['text']}\n", encoding="utf-8")
            out.append(path)
    return out


def expected_chunk_ids(paths: list[Path], settings) -> dict[str, str]:
    """The chunk ids a complete index of these files holds, with their doc_id (computed from
    the files alone, independently of the store)."""
    from qa.ingest import chunk_article, clean, content_hash, make_splitter, read_file

    splitter = make_splitter(settings)
    out = {}
    for path in paths:
        doc = read_file(path)
        article = clean(doc)
        doc_hash = content_hash(article.title + "\n" + article.text)
        for chunk in chunk_article(doc.doc_id, article, doc_hash, splitter):
            out[chunk.id] = doc.doc_id
    return out


if __name__ == "__main__":
    use_hash_embedder(float(os.environ.get("QA_TEST_EMBED_DELAY", "0")))
    from qa.cli import main

    sys.exit(main(sys.argv[1:]))
