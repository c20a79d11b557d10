"""The verifier set served by a real loopback OpenAI-compatible server, scored by kind.

Each answer of eval/verifier_set.jsonl is what a scripted model (tests/llm_servers.py) streams
back for its question; the `Generator` (QA_LLM=openai) is given the row's passages directly,
verifies the reply and keeps it or falls back to the extractive answer. An answer is kept
when the verifier rejects none of its sentences ("reached": it also passed the language check
that follows and reached the user as the model wrote it).
Run: `PYTHONPATH=$PWD .venv/bin/python bench/verifier_set.py [--split test|dev|all] [--show]
[--entail local]` (`--entail local`: with the meaning judge of qa/entail.py, slow).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import cpu_info
from qa.answer.extractive import ExtractiveAnswerer
from qa.answer.generate import Generator
from qa.embed import make_embedder
from qa.results import Passage
from qa.settings import Settings
from tests.llm_servers import LoopbackServer, scripted

SET = Path(__file__).resolve().parent.parent / "eval" / "verifier_set.jsonl"


def load(split: str = "all") -> list[dict]:
    """The set's rows of one split ('dev', 'test' or 'all')."""
    rows = [json.loads(line) for line in SET.read_text(encoding="utf-8").splitlines() if line]
    return [r for r in rows if split == "all" or r["split"] == split]


def passages_of(row: dict) -> list[Passage]:
    """The row's cited passages as retrieval would return them."""
    out = []
    for i, p in enumerate(row["passages"]):
        doc = p["source"].rsplit(".", 1)[0]
        out.append(Passage(f"{row['id']}::{i}", doc, p["title"], p["source"], p["text"],
                           0, len(p["text"]), score=0.9))
    return out


def run(rows: list[dict], embedder: str = "fast", entail: str = "off") -> list[dict]:
    """Serve every row's answer through the openai path; one verdict per row."""
    current: dict[str, str] = {}
    fallback = ExtractiveAnswerer(make_embedder(embedder))
    out = []
    with LoopbackServer(scripted(lambda messages: current["answer"]),
                        max_connections=len(rows) + 5) as server:
        settings = Settings(llm="openai", llm_base_url=server.url, llm_retries=0,
                            llm_refusal_gate=False, llm_passages=8, embedder=embedder,
                            entail=entail)
        generator = Generator(settings, fallback, "openai")
        for row in rows:
            current["answer"] = row["answer"]
            *_, final = generator.stream(row["question"], passages_of(row), row["lang"])
            rejected = [s.text for s in final.sentences if not s.verified]
            reached = final.mode == "openai" and not rejected
            # The language check after the verifier may still turn a kept answer away.
            lost = not rejected and "wrong language" in final.notice
            out.append({**row, "kept": reached or lost, "reached": reached, "final": final.text,
                        "notice": final.notice, "rejected": rejected})
    return out


def summarize(results: list[dict]) -> dict[str, dict[str, list[int]]]:
    """{split: {label/kind: [kept, total, reached]}} with 'all' over both splits."""
    table: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0, 0]))
    for r in results:
        for split in (r["split"], "all"):
            for key in (r["label"], f"{r['label']}/{r['kind']}"):
                table[split][key][0] += r["kept"]
                table[split][key][1] += 1
                table[split][key][2] += r["reached"]
    return {s: dict(v) for s, v in table.items()}


def why(row: dict) -> str:
    """The verifier's reason for a row, re-run directly (for --show)."""
    from qa.answer.verify import check_sentence, split_answer

    reasons = [check_sentence(s, passages_of(row), row["question"], make_embedder("fast")).reason
               for s in split_answer(row["answer"])]
    return "; ".join(r for r in reasons if r) or "kept"


def main() -> None:
    """Print kept-right and kept-wrong by kind for the chosen split."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=["dev", "test", "all"], default="all")
    parser.add_argument("--show", action="store_true", help="list the misjudged rows")
    parser.add_argument("--embedder", default="fast")
    parser.add_argument("--entail", choices=["off", "local"], default="off")
    args = parser.parse_args()
    results = run(load(args.split), args.embedder, args.entail)
    print(f"verifier set, split={args.split}, entail={args.entail}, "
          f"CPU: {cpu_info()['model']}")
    for split, table in sorted(summarize(results).items()):
        print(f"[{split}]")
        for key in sorted(table, key=lambda k: (k.split("/")[0], "/" in k, k)):
            kept, total, reached = table[key]
            print(f"  {key:22s} kept {kept:3d}/{total:3d} ({kept / total:4.0%})"
                  f"  reached the user {reached:3d}")
    if args.show:
        for r in results:
            if r["kept"] != (r["label"] == "right"):
                print(f"- {r['id']} {r['split']} {r['label']}/{r['kind']}: {r['answer']}\n"
                      f"    {why(r)}")


if __name__ == "__main__":
    main()
