"""Helpers shared by the benchmarks: the SPF data, bench stores, timing and results files."""

from __future__ import annotations

import json
import os
import platform
import re
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

from qa.ingest import RawDocument
from qa.text import fold

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
SPF = BENCH / "spf"
RESULTS = BENCH / "results"
WORK = BENCH / ".work"


def spf_documents(copies: int = 1) -> Iterator[RawDocument]:
    """The SPF fiches as raw documents, `copies` times with distinct ids (streamed)."""
    for copy in range(copies):
        with (SPF / "docs.jsonl").open(encoding="utf-8") as fh:
            for line in fh:
                row = json.loads(line)
                doc_id = row["id"] if copy == 0 else f"{row['id']}-c{copy}"
                yield RawDocument(doc_id=doc_id, source=f"spf/{doc_id}", raw=row["text"])


def spf_questions() -> list[dict[str, Any]]:
    """The 105 SPF questions with their gold fiche and answer spans."""
    with (SPF / "questions.jsonl").open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def fresh_dir(name: str) -> Path:
    """An empty working folder under bench/.work."""
    path = WORK / name
    shutil.rmtree(path, ignore_errors=True)
    path.mkdir(parents=True)
    return path


def token_f1(prediction: str, gold: str) -> float:
    """SQuAD-style token F1 on folded words."""
    pred = re.findall(r"\w+", fold(re.sub(r"\[\d+\]", " ", prediction)))
    ref = re.findall(r"\w+", fold(gold))
    if not pred or not ref:
        return 0.0
    common: dict[str, int] = {}
    for w in ref:
        common[w] = common.get(w, 0) + 1
    overlap = 0
    for w in pred:
        if common.get(w, 0) > 0:
            overlap += 1
            common[w] -= 1
    if overlap == 0:
        return 0.0
    precision, recall = overlap / len(pred), overlap / len(ref)
    return 2 * precision * recall / (precision + recall)


def rank_metrics(rankings: list[list[str]], gold: list[str | set[str]]) -> dict[str, float]:
    """hit@1/5/10 and MRR of the gold document (or the first of a gold set) in doc rankings."""
    ranks = []
    for ranking, g in zip(rankings, gold, strict=True):
        golds = {g} if isinstance(g, str) else g
        docs = list(dict.fromkeys(ranking))
        ranks.append(next((i + 1 for i, d in enumerate(docs) if d in golds), None))
    n = len(ranks) or 1

    def hit(k: int) -> float:
        return round(sum(1 for r in ranks if r and r <= k) / n, 4)

    return {"hit_at_1": hit(1), "hit_at_5": hit(5), "hit_at_10": hit(10),
            "mrr": round(sum(1 / r for r in ranks if r) / n, 4)}


def percentile(values: list[float], q: float) -> float:
    """The q-quantile (0..1) of values, nearest-rank."""
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def write_results(name: str, data: dict[str, Any]) -> Path:
    """Write bench/results/<name>.json; merge its `summary` (by system) into summary.json."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"{name}.json"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    summary_path = RESULTS / "summary.json"
    summary = json.loads(summary_path.read_text()) if summary_path.exists() else {}
    summary.update(data.get("summary", {name: data}))
    summary["updated"] = time.strftime("%Y-%m-%d %H:%M:%S")
    summary_path.write_text(json.dumps(summary, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


CPU_FLAGS = ("avx2", "avx512f", "avx512_vnni", "avx_vnni", "amx_int8", "amx_bf16")


def cpu_info() -> dict[str, object]:
    """The CPU model name and which of CPU_FLAGS it has (from /proc/cpuinfo; x86 Linux)."""
    info: dict[str, str] = {}
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            for line in fh:
                key, _, value = line.partition(":")
                info.setdefault(key.strip(), value.strip())
    except OSError:
        pass
    flags = set(info.get("flags", "").split())
    return {
        "model": info.get("model name", platform.processor() or platform.machine()),
        "cpus": len(os.sched_getaffinity(0)),
        "flags": {f: f in flags for f in CPU_FLAGS},
    }


def cpu_flags(cpu: dict) -> str:
    """The flags of a `cpu_info()` record that the CPU has, as one string."""
    return " ".join(f for f, on in cpu.get("flags", {}).items() if on) or "no AVX2"


class OtherCpuUse:
    """How much of the machine's CPU other processes used while a benchmark ran (0.0 = it had
    the cores to itself, 1.0 = every core busy elsewhere): figures taken on a busy machine are
    not comparable, so each benchmark that times something records this next to its figures."""

    def __enter__(self) -> OtherCpuUse:
        self._start = (self._busy_s(), self._own_s(), time.monotonic())
        self.share = 0.0
        return self

    def __exit__(self, *exc: object) -> None:
        busy, own, wall = (a - b for a, b in zip(
            (self._busy_s(), self._own_s(), time.monotonic()), self._start, strict=True))
        self.share = round(max(0.0, busy - own) / max(wall * (os.cpu_count() or 1), 1e-9), 3)

    @staticmethod
    def _busy_s() -> float:
        """Seconds of non-idle CPU time of the whole machine since boot (Linux /proc/stat)."""
        try:
            fields = [int(x) for x in Path("/proc/stat").read_text().split("\n")[0].split()[1:]]
        except (OSError, ValueError):
            return 0.0
        idle = fields[3] + (fields[4] if len(fields) > 4 else 0)
        return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")

    @staticmethod
    def _own_s() -> float:
        t = os.times()
        return t.user + t.system + t.children_user + t.children_system
