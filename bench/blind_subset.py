"""Figures of a blind subset of rows (an id range) read from saved eval or verifier runs.

A round's blind rows (e.g. b1701-b1740, e1701-e1725, vs-428-vs-457) are written by an engineer
the fixing engineers never hear from and scored after the merge. Run the usual commands, then
read the figures of those rows only, per row and in the columns of `qa eval` (overall,
answerable, follow-ups, refusals right, false refusals) or, for the verifier set, kept by
label and kind. Only dev rows are counted (a row of the test half is skipped).
  python bench/blind_subset.py --ids b1701-b1740 /tmp/b.json        # a `qa eval --json` output
  python bench/blind_subset.py --ids b1701-b1740 bench/results/eval_sets.json [--run openai]
  python bench/blind_subset.py --ids vs-428-vs-457 --verifier-show /tmp/vs.txt
        # the output of `bench/verifier_set.py --split dev --show`
  python bench/blind_subset.py --ids vs-428-vs-457 --verifier       # runs those rows only
Several ranges: --ids b1701-b1740,e1701-e1725.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

QUESTION_SETS = [ROOT / "eval" / "questions.jsonl", ROOT / "eval" / "english" / "questions.jsonl"]
VERIFIER_SET = ROOT / "eval" / "verifier_set.jsonl"
RANGE = re.compile(r"^([a-z]+-?)(\d+)-(?:\1)?(\d+)$")
SHOWN = re.compile(r"^- (vs-\d+) (\w+) (\w+)/(\w+): ")


def parse_ranges(spec: str) -> list[tuple[str, int, int]]:
    """'b1701-b1740,vs-428-vs-457' -> [('b', 1701, 1740), ('vs-', 428, 457)]."""
    out = []
    for part in spec.split(","):
        found = RANGE.match(part.strip())
        if not found:
            raise SystemExit(f"error: bad id range {part!r} (e.g. b1701-b1740, vs-428-vs-457)")
        out.append((found.group(1), int(found.group(2)), int(found.group(3))))
    return out


def in_ranges(row_id: str, ranges: list[tuple[str, int, int]]) -> bool:
    """Whether an id such as 'b1705' or 'vs-430' falls in one of the ranges."""
    for prefix, low, high in ranges:
        number = row_id[len(prefix):]
        if row_id.startswith(prefix) and number.isdigit() and low <= int(number) <= high:
            return True
    return False


def prefix_of(row_id: str) -> str:
    """The letters an id starts with ('b1705' -> 'b', 'vs-430' -> 'vs-')."""
    return row_id.rstrip("0123456789")


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """The rows of a JSONL file."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def set_rows(paths: list[Path], ranges: list[tuple[str, int, int]]) -> dict[str, dict]:
    """The dev rows of the given sets whose ids are in the ranges, by id."""
    rows = {r["id"]: r for path in paths for r in read_jsonl(path) if in_ranges(r["id"], ranges)}
    skipped = sorted(i for i, r in rows.items() if r.get("split") != "dev")
    if skipped:
        print(f"(skipped, not dev: {', '.join(skipped)})")
    return {i: r for i, r in rows.items() if r.get("split") == "dev"}


def runs_of(path: Path, wanted: str | None) -> dict[str, list[dict]]:
    """{label: per-question results} of a `qa eval --json` output or of eval_sets.json."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise SystemExit(f"error: {path} is not a JSON results file ({exc})") from None
    if isinstance(data.get("questions"), list):
        return {path.name: data["questions"]}
    return {label: run["questions"] for label, run in data.items()
            if isinstance(run, dict) and isinstance(run.get("questions"), list)
            and (wanted is None or wanted in label)}


def tally(results: list[dict], rows: dict[str, dict]) -> dict[str, Any]:
    """The `qa eval` columns over the given per-question results of known rows."""
    def count(items: list[dict]) -> str:
        return f"{sum(r['correct'] for r in items)}/{len(items)}"
    answerable = [r for r in results if rows[r["id"]]["answerable"]]
    unanswerable = [r for r in results if not rows[r["id"]]["answerable"]]
    by_kind: dict[str, list[dict]] = defaultdict(list)
    by_lang: dict[str, list[dict]] = defaultdict(list)
    for r in results:
        by_kind[rows[r["id"]]["kind"]].append(r)
        by_lang[rows[r["id"]]["lang"]].append(r)
    return {"overall": count(results), "answerable": count(answerable),
            "followups": count([r for r in results if rows[r["id"]]["kind"] == "followup"]),
            "refusals": count(unanswerable),
            "false_refusals": sum(bool(r["refused"]) for r in answerable),
            "by_kind": {k: count(v) for k, v in sorted(by_kind.items())},
            "by_lang": {k: count(v) for k, v in sorted(by_lang.items())}}


def report_questions(path: Path, ranges: list[tuple[str, int, int]], wanted: str | None) -> None:
    """Print the figures and the per-row list of every run in the file, on the ranges."""
    rows = set_rows(QUESTION_SETS, ranges)
    for label, results in runs_of(path, wanted).items():
        mine = [r for r in results if r["id"] in rows]
        if not mine:
            continue
        t = tally(mine, rows)
        seen = {r["id"] for r in mine}
        prefixes = {prefix_of(i) for i in seen}
        missing = [i for i in rows if i not in seen and prefix_of(i) in prefixes]
        print(f"== {label}: {len(mine)} rows" + (f" ({len(missing)} not in this run)"
                                                  if missing else ""))
        print(f"overall {t['overall']} | answerable {t['answerable']} | follow-ups "
              f"{t['followups']} | refusals right {t['refusals']} | false refusals "
              f"{t['false_refusals']}")
        print("by kind: " + " ".join(f"{k}={v}" for k, v in t["by_kind"].items()))
        print("by lang: " + " ".join(f"{k}={v}" for k, v in t["by_lang"].items()))
        for r in sorted(mine, key=lambda r: r["id"]):
            row = rows[r["id"]]
            answer = r["answer"].split("\n\n")[0].replace("\n", " ")[:90]
            print(f"  {r['id']:<7} {'right' if r['correct'] else 'WRONG':<5} {row['kind']:<12} "
                  f"{row['lang']} {'refused' if r['refused'] else '':<7} {answer}")


def verifier_kept(rows: dict[str, dict], show: Path | None) -> dict[str, bool]:
    """{id: kept} from a `verifier_set.py --show` output (misjudged rows are listed), or by
    running the verifier on these rows only."""
    if show is not None:
        misjudged = {m.group(1) for line in show.read_text(encoding="utf-8").splitlines()
                     if (m := SHOWN.match(line))}
        return {i: (r["label"] == "right") != (i in misjudged) for i, r in rows.items()}
    from bench.verifier_set import run

    return {r["id"]: bool(r["kept"]) for r in run(list(rows.values()))}


def report_verifier(ranges: list[tuple[str, int, int]], show: Path | None) -> None:
    """Print kept by label and kind, then every row's verdict."""
    rows = set_rows([VERIFIER_SET], ranges)
    kept = verifier_kept(rows, show)
    table: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for i, r in rows.items():
        for key in (r["label"], f"{r['label']}/{r['kind']}"):
            table[key][0] += kept[i]
            table[key][1] += 1
    print(f"== verifier set: {len(rows)} rows (right rows should be kept, wrong ones not)")
    for key in sorted(table, key=lambda k: (k.split("/")[0], "/" in k, k)):
        print(f"  {key:20s} kept {table[key][0]}/{table[key][1]}")
    for i in sorted(rows, key=lambda i: int(i.split("-")[-1])):
        r = rows[i]
        judged = kept[i] == (r["label"] == "right")
        print(f"  {i:<7} {'ok' if judged else 'MISJUDGED':<9} {r['label']}/{r['kind']:<10} "
              f"{'kept' if kept[i] else 'rejected'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("results", nargs="?", type=Path,
                        help="a `qa eval --json` output or bench/results/eval_sets.json")
    parser.add_argument("--ids", required=True, help="id ranges, e.g. b1701-b1740,e1701-e1725")
    parser.add_argument("--run", help="only the eval_sets.json runs whose label holds this")
    parser.add_argument("--verifier-show", type=Path,
                        help="the output of `bench/verifier_set.py --split dev --show`")
    parser.add_argument("--verifier", action="store_true",
                        help="run the verifier set on the rows of the ranges")
    args = parser.parse_args()
    ranges = parse_ranges(args.ids)
    if args.results is None and not (args.verifier or args.verifier_show):
        parser.error("give a results file, --verifier-show FILE or --verifier")
    if args.results is not None:
        if not args.results.exists():
            raise SystemExit(f"error: no such file: {args.results}")
        report_questions(args.results, ranges, args.run)
    if args.verifier or args.verifier_show:
        report_verifier(ranges, args.verifier_show)


if __name__ == "__main__":
    main()
