"""The handlers of the web chat's Articles tab: upload files, add page or feed addresses, remove
an article, and the list of indexed articles that each of them shows afterwards.

Each handler returns the tab's outputs (status, article table, removal choices, and the cleared
input where it has one); failures become a line in the status, never a traceback. Checking and
saving files and fetching addresses live in `qa.web_files`, the HTML in `qa.web_render`.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import gradio as gr

from qa.ingest import Progress
from qa.service import QA
from qa.web_files import ingest_addresses, save_uploads, status_html
from qa.web_render import docs_html, friendly_error

log = logging.getLogger(__name__)
ArticlesView = tuple[str, str, Any]  # status HTML, article table HTML, removal choices update


def articles_view(bot: QA, status: str) -> ArticlesView:
    """The status line, the table of indexed articles and the choices of the removal list."""
    try:
        docs = bot.documents()
    except Exception as exc:
        return status + status_html([], [friendly_error(exc)]), "", gr.update()
    choices = [(f"{d.title or d.doc_id} ({d.doc_id})", d.doc_id) for d in docs]
    return status, docs_html(docs), gr.update(choices=choices, value=None)


def indexing_progress(progress: gr.Progress) -> Progress:
    """An ingest progress callback that moves Gradio's progress bar, one step an article."""
    def step(done: int, total: int, name: str) -> None:
        progress((done - 1, max(total, 1)), desc=f"Indexing {name} ({done}/{total})")
    return step


def upload_articles(bot: QA, paths: list[str] | None, progress: gr.Progress
                    ) -> tuple[str, str, Any, None]:
    """Check, save and index uploaded files; the view, and None to clear the upload box."""
    paths = [str(p) for p in paths or []]
    if not paths:
        return (*articles_view(bot, ""), None)
    progress(0, desc="Checking files")
    good, bad = save_uploads(bot, paths)
    ok: list[str] = []
    if good:
        try:
            report = bot.ingest(good, progress=indexing_progress(progress))
        except Exception as exc:
            log.warning("upload ingest failed", exc_info=True)
            return (*articles_view(bot, status_html([], [friendly_error(exc)])), None)
        for doc_id in report.added:
            ok.append(f"{doc_id}: added")
        for doc_id in report.updated:
            ok.append(f"{doc_id}: updated")
        for doc_id in report.unchanged:
            ok.append(f"{doc_id}: already indexed, unchanged")
        for source, why in report.skipped:
            bad.append(why)
            Path(source).unlink(missing_ok=True)
    return (*articles_view(bot, status_html(ok, bad)), None)


def add_addresses(bot: QA, text: str, progress: gr.Progress) -> tuple[str, str, Any, str]:
    """Fetch and index the pages and feeds typed in; the view, and '' to clear the field."""
    progress(0, desc="Fetching")
    try:
        ok, bad = ingest_addresses(bot, text or "", indexing_progress(progress))
    except Exception as exc:
        log.warning("address ingest failed", exc_info=True)
        ok, bad = [], [friendly_error(exc)]
    return (*articles_view(bot, status_html(ok, bad)), "")


def remove_article(bot: QA, doc_id: str | None) -> ArticlesView:
    """Remove an article from the index (and its uploaded file); the view."""
    if not doc_id:
        return articles_view(bot, status_html([], ["Choose an article to remove."]))
    try:
        record = {d.doc_id: d for d in bot.documents()}.get(doc_id)
        chunks = bot.remove(doc_id)
    except Exception as exc:
        return articles_view(bot, status_html([], [friendly_error(exc)]))
    if record and record.source:
        source = Path(record.source).resolve()
        if source.parent == Path(bot.settings.upload_dir).resolve():
            source.unlink(missing_ok=True)
    return articles_view(bot, status_html([f"{doc_id}: removed ({chunks} chunks)"], []))
