"""The `qa` command: ingest, ask, eval, serve, sources, remove, migrate."""

from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import datetime

from qa.evaluate import load_questions, report_text, results_json, run_eval
from qa.ingest import IngestError
from qa.service import QA, QuestionError
from qa.settings import get_settings
from qa.store import StoreError


def progress_bar(done: int, total: int, name: str = "") -> None:
    """A one-line progress bar on stderr."""
    if not sys.stderr.isatty() and done not in (1, total) and done % 50:
        return
    width = 30
    filled = int(width * done / total) if total else width
    sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} "
                     f"{name[:40]:<40}")
    if done >= total:
        sys.stderr.write("\n")
    sys.stderr.flush()


def cmd_ingest(bot: QA, args: argparse.Namespace) -> int:
    report = bot.ingest(args.paths, progress=progress_bar, rebuild=args.rebuild)
    print(report.summary())
    for path, reason in report.skipped:
        print(f"  skipped {path}: {reason}", file=sys.stderr)
    nothing = not (report.added or report.updated or report.unchanged)
    return 1 if report.skipped and nothing else 0


def cmd_ask(bot: QA, args: argparse.Namespace) -> int:
    bot.ensure_corpus(progress=progress_bar)
    answer = bot.ask(args.question)
    if args.json:
        print(json.dumps(answer.to_dict(), ensure_ascii=False, indent=2))
        return 0
    print(answer.text)
    if answer.notice:
        print(f"\n({answer.notice})")
    for c in answer.citations:
        print(f"\n[{c.number}] {c.title} — {c.doc_id} ({c.source}, chars {c.start}-{c.end})")
        print(f"    « {c.quote} »")
    return 0


def cmd_eval(bot: QA, args: argparse.Namespace) -> int:
    bot.ensure_corpus(progress=progress_bar)
    questions = load_questions(args.set, args.split)
    summary, results = run_eval(
        questions, bot.ask, lambda q, k: bot.retrieve(q, k), k=5,
        progress=None if args.json else lambda n, t: progress_bar(n, t, "questions"))
    print(results_json(summary, results) if args.json else report_text(summary, results))
    return 0


def cmd_sources(bot: QA, args: argparse.Namespace) -> int:
    docs = bot.documents()
    info = bot.store.describe()
    if args.json:
        print(json.dumps({**info, "articles": [d.__dict__ for d in docs]}, ensure_ascii=False,
                         indent=2))
        return 0
    print(f"index: {info['location']} (collection {info['collection']})")
    print(f"embedder: {info['embedder']} (dim {info['dim']}); {len(docs)} articles, "
          f"{sum(d.n_chunks for d in docs)} chunks")
    for d in docs:
        added = datetime.fromtimestamp(d.added_at).strftime("%Y-%m-%d %H:%M")
        print(f"  {d.doc_id:<28} {d.n_chunks:>3} chunks  {added}  {d.title[:60]}")
    return 0


def cmd_remove(bot: QA, args: argparse.Namespace) -> int:
    known = {d.doc_id for d in bot.documents()}
    missing = [d for d in args.doc_ids if d not in known]
    if missing:
        print(f"error: not indexed: {', '.join(missing)} (see `qa sources`)", file=sys.stderr)
        return 1
    for doc_id in args.doc_ids:
        print(f"removed {doc_id} ({bot.remove(doc_id)} chunks)")
    return 0


def cmd_serve(bot: QA, args: argparse.Namespace) -> int:
    from qa.web import serve

    return serve(bot, host=args.host, port=args.port, insecure=args.insecure)


def cmd_migrate(bot: QA, args: argparse.Namespace) -> int:
    from pathlib import Path

    from qa.migrate import migrate

    settings = bot.settings
    local = settings.model_copy(update={
        "chroma_host": None, "store_path": Path(args.path) if args.path else settings.store_path})
    server = settings.model_copy(update={"chroma_host": args.host or settings.chroma_host,
                                         "chroma_port": args.port or settings.chroma_port})
    if not server.chroma_host:
        print("error: no Chroma server: pass --host (and --port) or set QA_CHROMA_HOST",
              file=sys.stderr)
        return 2
    source, target = (local, server) if args.to == "server" else (server, local)
    report = migrate(source, target, bot.embedder.name, bot.embedder.dim, replace=args.replace,
                     progress=progress_bar)
    print(report.summary())
    return 1 if report.incomplete else 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of `qa`."""
    parser = argparse.ArgumentParser(prog="qa", description="Cited answers from news articles.")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("ingest", help="index files or folders (.txt, .md, .html)")
    p.add_argument("paths", nargs="+")
    p.add_argument("--rebuild", action="store_true", help="drop the index first")
    p.set_defaults(func=cmd_ingest)
    p = sub.add_parser("ask", help="ask a question")
    p.add_argument("question")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_ask)
    p = sub.add_parser("eval", help="score a question set (JSONL)")
    p.add_argument("set")
    p.add_argument("--split", choices=["dev", "test"], default=None,
                   help="only the questions of this half of the set")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_eval)
    p = sub.add_parser("sources", help="list what is indexed")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_sources)
    p = sub.add_parser("remove", help="remove articles by id")
    p.add_argument("doc_ids", nargs="+")
    p.set_defaults(func=cmd_remove)
    p = sub.add_parser("serve", help="start the web chat")
    p.add_argument("--host", default=None)
    p.add_argument("--port", type=int, default=None)
    p.add_argument("--insecure", action="store_true",
                   help="allow a non-local host without QA_AUTH")
    p.set_defaults(func=cmd_serve)
    p = sub.add_parser("migrate", help="copy the index between the embedded store and a "
                                       "Chroma server (vectors included; safe to re-run)")
    p.add_argument("--to", choices=["server", "local"], required=True,
                   help="server: embedded store -> Chroma server; local: server -> embedded")
    p.add_argument("--path", default=None, help="embedded store folder (QA_STORE_PATH)")
    p.add_argument("--host", default=None, help="Chroma server host (QA_CHROMA_HOST)")
    p.add_argument("--port", type=int, default=None, help="Chroma server port (QA_CHROMA_PORT)")
    p.add_argument("--replace", action="store_true",
                   help="empty the target index first (default: merge, keeping its other "
                        "articles)")
    p.set_defaults(func=cmd_migrate)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `qa` console script."""
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    args = build_parser().parse_args(argv)
    try:
        bot = QA(get_settings())
        return int(args.func(bot, args) or 0)
    except (StoreError, IngestError, QuestionError, ValueError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("\ninterrupted; run the same command again to resume", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
