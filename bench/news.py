"""News figures: extraction precision on the test pages, relative dates resolved right/wrong,
conflicts found / false alarms, and the news question set (eval/news_qa.jsonl).

Serves tests/data/web/ on http://127.0.0.1:8765 (the port the question set's doc_ids were made
with), ingests both feeds and the undated blog page into a fresh store, then measures.

    PYTHONPATH=$PWD .venv/bin/python -m bench.news        # writes bench/results/news.json
"""

from __future__ import annotations

import json
import sys

from bench.common import RESULTS, ROOT, fresh_dir
from qa import QA, Settings
from qa.answer.dates import resolve
from qa.evaluate import load_questions, run_eval
from qa.text import split_sentences
from tests.news_site import FEEDS, PAGES, WEB, NewsSite

PORT = 8765
DIVERGE = ("Les sources divergent", "Sources differ")
# Every relative day in the pages, with the date a reader works out from the article's date.
GOLD_DATES = {
    "/courrier/otan-geneve.html": {"lundi": "2022-01-10", "vendredi": "2022-01-07",
                                   "mercredi prochain": "2022-01-12", "mardi": "2022-01-04",
                                   "demain": "2022-01-08"},
    "/gazette/depeche-geneve.html": {"lundi": "2022-01-10", "mardi": "2022-01-04"},
    "/matin/troupes-frontiere.html": {"mercredi": "2022-01-12", "jeudi": "2022-01-06"},
    "/herald/riga-ministers.html": {"on Tuesday": "2022-03-08", "on Monday": "2022-02-28",
                                    "Yesterday": "2022-03-02"},
}
CONFLICTS = {"n11", "n12"}  # questions whose sources disagree (100 000 vs 120 000)


def extraction(bot: QA) -> dict:
    """Boilerplate lines kept and content lines lost, per page and in total."""
    from lxml import html as lxml_html

    expected = json.loads((WEB / "expected.json").read_text(encoding="utf-8"))
    kept = lost = blocks = content = 0
    pages = {}
    for path, gold in expected.items():
        doc = next(d for d in bot.documents() if d.source.endswith(path))
        indexed = [p for p in (bot.article_text(doc.doc_id) or "").split("\n\n") if p.strip()]
        body = indexed[1:]  # the title heads the text
        tree = lxml_html.fromstring((WEB / path.lstrip("/")).read_bytes())
        for bad in tree.xpath("//script|//style|//head"):
            bad.drop_tree()
        all_blocks = {" ".join(e.text_content().split()) for e in tree.iter(
            "p", "li", "a", "button", "h2", "h3", "h4", "span", "figcaption", "div")
            if e.text_content().strip() and not e.xpath(".//p|.//div|.//li")}
        boiler = all_blocks - set(gold["content"]) - {gold["title"]}
        page_kept = [p for p in body if p not in gold["content"]]
        page_lost = [p for p in gold["content"] if p not in body]
        pages[path] = {"boilerplate_blocks": len(boiler), "kept": page_kept, "lost": page_lost}
        kept, lost = kept + len(page_kept), lost + len(page_lost)
        blocks, content = blocks + len(boiler), content + len(gold["content"])
    return {"boilerplate_blocks": blocks, "boilerplate_kept": kept, "content_lines": content,
            "content_lost": lost, "pages": pages}


def dates(bot: QA) -> dict:
    """Relative days resolved right / wrong against the hand-made gold."""
    right, wrong = 0, []
    for path, gold in GOLD_DATES.items():
        doc = next(d for d in bot.documents() if d.source.endswith(path))
        text = bot.article_text(doc.doc_id) or ""
        found = {r.written: r.date.isoformat() for a, b in split_sentences(text)
                 for r in resolve(text[a:b], doc.published)}
        for written, date in gold.items():
            if found.get(written) == date:
                right += 1
            else:
                wrong.append((path, written, found.get(written), date))
    return {"right": right, "wrong": len(wrong), "errors": wrong}


def main() -> int:
    """Run everything and print the figures."""
    store = fresh_dir("news")
    with NewsSite(PORT) as site:
        bot = QA(Settings(store_path=store / "store", upload_dir=store / "uploads",
                          fetch_allow_private=True))
        report = bot.ingest([site.url(p) for p in FEEDS + PAGES])
        print(report.summary(), file=sys.stderr)
    summary, results = run_eval(load_questions(ROOT / "eval" / "news_qa.jsonl"), bot.ask,
                                lambda q, k: bot.retrieve(q, k))
    flagged = {r.id for r in results if r.answer.startswith(DIVERGE)}
    seed_bot = QA(Settings(store_path=store / "seed", upload_dir=store / "uploads"))
    seed_bot.ingest([ROOT / "articles"])
    seed_summary, seed = run_eval(load_questions(ROOT / "eval" / "seed_qa.jsonl"), seed_bot.ask,
                       lambda q, k: seed_bot.retrieve(q, k))
    seed_flagged = [r.id for r in seed if r.answer.startswith(DIVERGE)]
    figures = {
        "extraction": extraction(bot), "dates": dates(bot),
        "conflicts": {"found": len(flagged & CONFLICTS), "planted": len(CONFLICTS),
                      "false_alarms_news": sorted(flagged - CONFLICTS),
                      "false_alarms_seed": seed_flagged},
        "news_eval": {k: v for k, v in summary.items() if k != "questions"},
        "seed_eval": {k: v for k, v in seed_summary.items() if k != "questions"},
        "answers": {r.id: (r.answer_ok, r.citation_ok, r.answer.split("\n")[0][:90])
                    for r in results},
    }
    path = RESULTS / "news.json"  # quality figures only: summary.json is left to run_all
    path.write_text(json.dumps(figures, ensure_ascii=False, indent=2), encoding="utf-8")
    print(json.dumps({k: v for k, v in figures.items() if k != "answers"}, ensure_ascii=False,
                     indent=1)[:3000])
    print(f"written to {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
