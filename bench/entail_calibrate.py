"""Calibrate the meaning judge (qa/entail.py) on the verifier set's dev rows.

Every dev answer is verified without the judge (`qa.answer.verify`); each sentence that
passes the word checks is then shown to the judge in several ways (variants), and the judge's
support is cached in bench/.work/entail_cache.json, so thresholds and gates are compared
offline. A row is kept when the word checks keep it and every sentence sent to the judge has
a support at or above the threshold. Dev rows only (never the test half).
Run: `PYTHONPATH=$PWD HF_HUB_OFFLINE=1 .venv/bin/python bench/entail_calibrate.py
[--variants full,near] [--rows vs-380,...]`
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import WORK, cpu_info
from bench.verifier_set import load, passages_of
from qa.answer.judging import loose_words
from qa.answer.local import LlamaServer, assemble_model
from qa.answer.meaning import closest_sentences
from qa.answer.vectors import word_vectors
from qa.answer.verify import check_sentence, split_answer, strip_markers, verify_answer
from qa.embed import make_embedder
from qa.entail import LlamaJudge
from qa.settings import Settings

CACHE = WORK / "entail_cache.json"


def sentences(rows: list[dict], embedder) -> list[dict]:
    """Per row: kept by the word checks, and its sentences that reach the judge."""
    vectors = word_vectors(embedder)
    out = []
    for row in rows:
        passages = passages_of(row)
        result = verify_answer(row["answer"], passages, row["question"], embedder)
        sent = []
        for s in split_answer(row["answer"]):
            c = check_sentence(s, passages, row["question"], embedder)
            if not c.verified:
                continue
            joined = "\n".join(f"{passages[n - 1].title}\n{passages[n - 1].text}"
                               for n in c.markers)
            text = strip_markers(s)
            sent.append({"text": text, "full": joined,
                         "near": " ".join(x.strip() for x in
                                          closest_sentences(text, joined, vectors, 2)),
                         "loose": loose_words(text, joined)})
        out.append({"id": row["id"], "label": row["label"], "kind": row["kind"],
                    "fresh": int(row["id"].split("-")[1]) >= 380,
                    "off": all(x.verified for x in result.sentences), "sentences": sent})
    return out


VARIANTS = {  # name -> (premise key, statement form)
    "full": ("full", "{s}"),  # the whole cited passage(s): the round-6 judge
    "near": ("near", "{s}"),  # the cited sentences nearest the claim (qa.answer.judging)
}


def tasks(items: list[dict], variants: list[str], labels: list[str]) -> list[tuple[str, dict]]:
    """(variant, sentence) pairs in the order they are asked: rows the word checks keep only;
    fresh rows first, then rows of each label in turn, loosely aligned sentences first."""
    kept = [i for i in items if i["off"]]
    out = [(v, s) for i in kept if i["fresh"] for s in i["sentences"] for v in variants]
    for label in labels:
        for loose in (True, False):
            out += [(v, s) for v in variants for i in kept if not i["fresh"]
                    and i["label"] == label for s in i["sentences"] if bool(s["loose"]) == loose]
    return out


def query(judge: LlamaJudge, todo: list[tuple[str, dict]], budget_s: float) -> dict:
    """Supports for every (variant, sentence), cached; seconds per fresh query recorded.
    Stops asking after `budget_s` seconds (what is cached is scored)."""
    cache = json.loads(CACHE.read_text()) if CACHE.exists() else {}
    timings: dict[str, list[float]] = {}
    start = time.perf_counter()
    for v, s in todo:
        premise_key, form = VARIANTS[v]
        key = f"{v}\t{s[premise_key]}\t{s['text']}"
        if key in cache:
            continue
        if time.perf_counter() - start > budget_s:
            break
        t0 = time.perf_counter()
        cache[key] = judge.support(s[premise_key], form.format(s=s["text"]))
        timings.setdefault(v, []).append(time.perf_counter() - t0)
        CACHE.parent.mkdir(parents=True, exist_ok=True)
        CACHE.write_text(json.dumps(cache))
    for v, ts in timings.items():
        print(f"# {v}: {len(ts)} queries, {sum(ts) / len(ts):.2f} s each (mean)")
    return cache


def score(item_sentence: dict, variant: str, cache: dict) -> float:
    """The support of a sentence under a variant ('a-b' = contrast: a's minus b's, from 0.5)."""
    def one(v: str) -> float:  # not asked yet (out of budget): counted as kept
        return cache.get(f"{v}\t{item_sentence[VARIANTS[v][0]]}\t{item_sentence['text']}", 1.0)
    if "-" in variant:
        a, b = variant.split("-")
        return 0.5 + (one(a) - one(b)) / 2
    return one(variant)


def table(items: list[dict], variant: str, threshold: float, gate: bool, cache: dict) -> dict:
    """{label/kind: [kept, total]} and how many sentences went to the judge."""
    out: dict[str, list[int]] = {}
    asked = 0
    for item in items:
        kept = item["off"]
        if kept and variant != "off":
            for s in item["sentences"]:
                if gate and not s["loose"]:
                    continue
                asked += 1
                if score(s, variant, cache) < threshold:
                    kept = False
        for key in (item["label"], f"{item['label']}/{item['kind']}"):
            cell = out.setdefault(key, [0, 0])
            cell[0] += kept
            cell[1] += 1
    out["_asked"] = [asked, 0]
    return out


def calibrate(items: list[dict], variant: str, gate: bool, cache: dict,
              share: float = 0.97) -> float:
    """The largest threshold at which the judge keeps >= `share` of the right rows that the
    word checks keep (rows given)."""
    right_off = sum(1 for i in items if i["label"] == "right" and i["off"])
    best = 0.0
    for t in [x / 100 for x in range(1, 100)]:
        kept = table(items, variant, t, gate, cache)["right"][0]
        if kept >= share * right_off:
            best = t
    return best


def main() -> None:
    """Query the judge, then print kept-right and kept-wrong per variant, gate and threshold."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--variants", default="full,near")
    parser.add_argument("--rows", default="")
    parser.add_argument("--reuse", action="store_true", help="the sentences of the last run")
    parser.add_argument("--budget", type=float, default=3600, help="seconds of judge calls")
    parser.add_argument("--labels", default="wrong,right", help="order of the rows asked")
    parser.add_argument("--thresholds", default="0.5,0.6,0.7,0.8,0.9")
    args = parser.parse_args()
    rows = [r for r in load("dev") if not args.rows or r["id"] in args.rows.split(",")]
    items_file = WORK / "entail_items.json"
    if args.reuse and items_file.exists():
        items = json.loads(items_file.read_text())
    else:
        items = sentences(rows, make_embedder("fast"))
        items_file.parent.mkdir(parents=True, exist_ok=True)
        items_file.write_text(json.dumps(items))
    variants = args.variants.split(",")
    settings = Settings()
    if args.budget > 0:
        with LlamaServer(assemble_model(settings.local_models_dir), 2048, 2) as server:
            judge = LlamaJudge(lambda: server.url, 0.8, 120)
            asked = list(dict.fromkeys(p for v in variants for p in v.split("-")))
            query(judge, tasks(items, asked, args.labels.split(",")), args.budget)
    cache = json.loads(CACHE.read_text()) if CACHE.exists() else {}
    print(f"# dev rows {len(items)}, CPU: {cpu_info()['model']}")
    sent = [s for i in items if i["off"] for s in i["sentences"]]
    for v in variants:
        asked = sum(all(f"{p}\t{s[VARIANTS[p][0]]}\t{s['text']}" in cache for p in v.split("-"))
                    for s in sent)
        print(f"# {v}: {asked}/{len(sent)} sentences of kept rows judged "
              f"({sum(1 for s in sent if s['loose'])} loosely aligned)")
    keys = ["right", "wrong/content", "wrong/negation", "wrong/place", "wrong/name",
            "wrong/number", "wrong/date", "wrong/restate"]
    print("variant gate t  " + " ".join(k.replace("wrong/", "") for k in keys) + " asked")
    base = table(items, "off", 0, False, cache)
    print("off  -  -  " + " ".join(f"{base[k][0]}/{base[k][1]}" for k in keys))
    fresh_off = table([i for i in items if i["fresh"]], "off", 0, False, cache)
    print("off, fresh rows: " + " ".join(f"{k} {v[0]}/{v[1]}" for k, v in sorted(
        fresh_off.items()) if not k.startswith("_") and "/" in k))
    old = [i for i in items if not i["fresh"]]
    for v in variants:
        for gate in (False, True):
            ts = [float(t) for t in args.thresholds.split(",")]
            cal = calibrate(old, v, gate, cache)
            for t in sorted({*ts, cal}):
                tab = table(items, v, t, gate, cache)
                fresh = table([i for i in items if i["fresh"]], v, t, gate, cache)
                mark = "*" if t == cal else ""
                print(f"{v} {'gate' if gate else 'all'} {t:.2f}{mark} "
                      + " ".join(f"{tab[k][0]}/{tab[k][1]}" for k in keys if k in tab)
                      + f" asked {tab['_asked'][0]} | fresh right {fresh['right'][0]}/"
                      f"{fresh['right'][1]} content {fresh.get('wrong/content', [0, 0])[0]}/"
                      f"{fresh.get('wrong/content', [0, 0])[1]} negation "
                      f"{fresh.get('wrong/negation', [0, 0])[0]}")


if __name__ == "__main__":
    main()
