"""HTML and Markdown for the web chat: answers, errors, the Sources panel, articles, exports.

Pure functions over plain data, so the page and its tests agree on one rendering. A *turn* is
the JSON-serialisable record of one answer kept in the browser (`turn_record`): the question,
the answer text, whether it was refused, and its citations as dicts. Markers [n] in a bubble
link to `#src-<turn>-<n>`, the id of the matching entry in the Sources panel.
"""

from __future__ import annotations

import html
import re
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from qa.answer.evidence import MONTHS_EN
from qa.manifest import DocRecord
from qa.results import Answer, Citation
from qa.service import QuestionError
from qa.store import StoreError, StoreUnavailable

ArticleLookup = Callable[[str], str | None]
MARKER = re.compile(r"\[(\d{1,3})\]")
MAX_ARTICLE_CHARS = 60_000

CSS = """
.qa-source { border: 1px solid var(--border-color-primary); border-radius: 10px;
             padding: 8px 12px; margin: 8px 0; background: var(--background-fill-primary); }
.qa-source > summary { cursor: pointer; font-weight: 600; font-size: 0.95em; }
.qa-title { display: -webkit-inline-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical;
            overflow: hidden; vertical-align: top; max-width: calc(100% - 3em); }
.qa-source.qa-flash { outline: 3px solid #1677ff; transition: outline 0.3s; }
.qa-num { display: inline-block; min-width: 2em; color: #1677ff; }
.qa-meta { font-size: 0.82em; opacity: 0.8; margin: 2px 0 6px; word-break: break-all; }
.qa-passage { margin: 4px 0; padding: 6px 10px; border-left: 3px solid #d9d9d9;
              white-space: pre-wrap; line-height: 1.45; }
.qa-sources mark, .qa-article mark { background: #ffe58f; color: #000; padding: 0 2px;
                                      border-radius: 2px; }
.qa-full > summary { cursor: pointer; font-size: 0.9em; color: #1677ff; }
.qa-article { position: relative; max-height: 320px; overflow-y: auto; white-space: pre-wrap;
              font-size: 0.9em; line-height: 1.45; padding: 6px 10px;
              border: 1px dashed var(--border-color-primary); border-radius: 8px; }
.qa-here { background: rgba(22, 119, 255, 0.12); border-radius: 3px; }
.qa-sources-head { font-size: 0.9em; margin-bottom: 6px; }
.qa-searched { font-size: 0.85em; opacity: 0.75; }
.qa-sources-empty { opacity: 0.75; font-size: 0.95em; padding: 8px 0; }
a.qa-cite { text-decoration: none; font-weight: 600; color: #1677ff; cursor: pointer; }
a.qa-cite:hover { text-decoration: underline; }
.qa-refused { border-left: 4px solid #d48806; background: rgba(250, 173, 20, 0.12);
              padding: 6px 10px; border-radius: 6px; }
.qa-refused-title { font-weight: 700; color: #ad6800; }
.qa-refused-title::before { content: "?"; display: inline-block; width: 1.3em; height: 1.3em;
  line-height: 1.3em; text-align: center; border-radius: 50%; background: #d48806; color: #fff;
  margin-right: 6px; font-size: 0.85em; }
.qa-error { border-left: 4px solid #cf1322; padding: 6px 10px; }
.qa-thinking { opacity: 0.7; font-style: italic; }
.qa-notice { font-size: 0.85em; opacity: 0.8; }
.qa-upload-ok { color: #389e0d; }
.qa-upload-bad { color: #cf1322; }
.qa-docs { width: 100%; border-collapse: collapse; font-size: 0.9em; }
.qa-docs th, .qa-docs td { text-align: left; padding: 4px 6px;
                           border-bottom: 1px solid var(--border-color-primary); }
.qa-docs td.qa-id { word-break: break-all; font-size: 0.85em; opacity: 0.8; }
@media (min-width: 641px) {
  #sources { max-height: 640px; overflow-y: auto; }
}
.qa-docs td:last-child { white-space: nowrap; }
@media (max-width: 640px) {
  #chat { height: 60vh !important; }
  .qa-article { max-height: 240px; }
  .qa-docs td.qa-id { display: none; }
  .qa-docs th.qa-id { display: none; }
  .qa-docs td:last-child { white-space: normal; }
  h2 { font-size: 1.15em !important; }
}
"""

HEAD = """
<script>
(() => {
  function focusSource(id) {
    let tries = 0;
    const timer = setInterval(() => {
      const el = document.getElementById(id);
      if (el || ++tries > 60) {
        clearInterval(timer);
        if (!el) return;
        el.open = true;
        el.scrollIntoView({block: "nearest", behavior: "smooth"});
        el.classList.add("qa-flash");
        setTimeout(() => el.classList.remove("qa-flash"), 1800);
      }
    }, 100);
  }
  document.addEventListener("click", (e) => {
    const a = e.target.closest ? e.target.closest("a.qa-cite") : null;
    if (!a) return;
    e.preventDefault();
    focusSource(a.getAttribute("href").slice(1));
  }, true);
  document.addEventListener("toggle", (e) => {
    const d = e.target;
    if (!d.classList || !d.classList.contains("qa-full") || !d.open) return;
    const box = d.querySelector(".qa-article");
    const here = d.querySelector(".qa-here");
    if (box && here) box.scrollTop = Math.max(0, here.offsetTop - 40);
  }, true);
})();
</script>
"""


# -- turns ---------------------------------------------------------------------------------
def turn_record(question: str, answer: Answer | None = None, error: str = "") -> dict[str, Any]:
    """The plain-JSON record of one answer (what the browser keeps)."""
    if answer is None:
        return {"question": question, "answer": error, "refused": False, "error": bool(error),
                "citations": [], "standalone": question, "language": "en"}
    return {"question": question, "answer": answer.text, "refused": answer.refused,
            "error": False, "citations": [c.to_dict() for c in answer.citations],
            "standalone": answer.standalone_question or question, "language": answer.language,
            "notice": answer.notice}


def citations_of(turn: dict[str, Any] | None) -> list[Citation]:
    """The citations of a turn record, as `Citation` objects."""
    out = []
    for c in (turn or {}).get("citations") or []:
        try:
            out.append(Citation(**c))
        except TypeError:
            continue
    return out


# -- answer bubbles ------------------------------------------------------------------------
def link_markers(text: str, turn: int, numbers: Sequence[int]) -> str:
    """Escape `text` and turn each cited [n] into a link to its entry in the Sources panel."""
    known = set(numbers)

    def link(m: re.Match[str]) -> str:
        n = int(m.group(1))
        if n not in known:
            return m.group(0)
        return (f'<a class="qa-cite" href="#src-{turn}-{n}" title="Show source {n}">'
                f"[{n}]</a>")

    return MARKER.sub(link, html.escape(text, quote=False))


def render_answer(answer: Answer, turn: int = 0) -> str:
    """The chat bubble of an answer: linked markers, or the distinct no-answer look."""
    if answer.refused:
        title = ("Pas de réponse dans les articles" if answer.language == "fr"
                 else "No answer in the articles")
        text = (f'<div class="qa-refused" role="status"><span class="qa-refused-title">'
                f"{title}</span><br>{html.escape(answer.text, quote=False)}</div>")
    else:
        text = link_markers(answer.text, turn, [c.number for c in answer.citations])
    if answer.notice:
        text += f'\n\n<span class="qa-notice">{html.escape(answer.notice)}</span>'
    return text


def friendly_error(exc: Exception) -> str:
    """A message for people, never a traceback."""
    if isinstance(exc, QuestionError):
        return f"⚠️ {exc}"
    if isinstance(exc, StoreUnavailable):
        return ("⚠️ The article index is unreachable right now (the Chroma server does not "
                "answer). Please try again in a moment.")
    if isinstance(exc, StoreError):
        return f"⚠️ The article index cannot be used: {exc}"
    return "⚠️ Something went wrong while answering. Please try again."


def render_error(message: str) -> str:
    """The chat bubble of a failure (never a traceback)."""
    message = message.removeprefix("⚠️").strip()
    return f'<div class="qa-error" role="alert">{html.escape(message, quote=False)}</div>'


THINKING = '<span class="qa-thinking">Searching the articles…</span>'


# -- Sources panel -------------------------------------------------------------------------
def _highlight(text: str, span: tuple[int, int] | None) -> str:
    if not span:
        return html.escape(text)
    a, b = span
    return (html.escape(text[:a]) + "<mark>" + html.escape(text[a:b]) + "</mark>"
            + html.escape(text[b:]))


def _full_article(c: Citation, article: str | None, anchor: str) -> str:
    """The whole cleaned article with the cited passage marked, or '' if unavailable."""
    if not article:
        return ""
    start, end = c.start, c.end
    if article[start:end] != c.text:
        found = article.find(c.text)
        if found < 0:
            return ""
        start, end = found, found + len(c.text)
    lo, hi = 0, len(article)
    if hi > MAX_ARTICLE_CHARS:
        lo = max(0, start - MAX_ARTICLE_CHARS // 2)
        hi = min(len(article), lo + MAX_ARTICLE_CHARS)
    before = ("…" if lo else "") + html.escape(article[lo:start])
    after = html.escape(article[end:hi]) + ("…" if hi < len(article) else "")
    here = _highlight(c.text, c.quote_span)
    return (f"<details class='qa-full'><summary>Read the whole article at this passage"
            f"</summary><div class='qa-article'>{before}<span class='qa-here' id='{anchor}'>"
            f"{here}</span>{after}</div></details>")


def sources_html(citations: list[Citation], turn: int = 0, question: str = "",
                 searched: str = "", article: ArticleLookup | None = None,
                 refused: bool = False) -> str:
    """The Sources panel of one answer: each cited passage with its quote highlighted."""
    head = ""
    if question:
        head = (f"<div class='qa-sources-head'>Answer {turn + 1}: "
                f"<q>{html.escape(question)}</q>")
        if searched and searched != question:
            head += f"<div class='qa-searched'>Searched as: {html.escape(searched)}</div>"
        head += "</div>"
    if not citations:
        why = ("No source: the articles do not answer this question." if refused
               else "No sources for this answer.")
        return f"<div class='qa-sources'>{head}<div class='qa-sources-empty'>{why}</div></div>"
    texts: dict[str, str | None] = {}
    parts = [head]
    for c in citations:
        if article is not None and c.doc_id not in texts:
            try:
                texts[c.doc_id] = article(c.doc_id)
            except Exception:
                texts[c.doc_id] = None
        name = Path(c.source).name if c.source else ""
        file_label = html.escape(c.doc_id + (f" · {name}" if name and name != c.doc_id else ""))
        heading = source_heading(c)
        parts.append(
            f"<details class='qa-source' id='src-{turn}-{c.number}' open>"
            f"<summary><span class='qa-num'>[{c.number}]</span><span class='qa-title' "
            f"title='{html.escape(heading)}'>{html.escape(heading)}</span></summary>"
            f"{origin_html(c)}"
            f"<div class='qa-meta'>File: {file_label} · characters {c.start}–{c.end}</div>"
            f"<div class='qa-passage'>{_highlight(c.text, c.quote_span)}</div>"
            f"{_full_article(c, texts.get(c.doc_id), f'art-{turn}-{c.number}')}</details>")
    return "<div class='qa-sources'>" + "".join(parts) + "</div>"


def long_date(iso: str | None) -> str:
    """'2022-01-07' -> '7 January 2022' ('' when unknown or unreadable)."""
    try:
        year, month, day = (int(x) for x in (iso or "")[:10].split("-"))
        return f"{day} {MONTHS_EN[month - 1]} {year}"
    except (ValueError, IndexError):
        return ""


def source_heading(c: Citation) -> str:
    """'Title - Outlet, 7 January 2022', with only what is known."""
    when = long_date(c.published)
    by = " - ".join(x for x in (c.title, c.outlet or "") if x)
    return ", ".join(x for x in (by, when) if x)


def origin_html(c: Citation) -> str:
    """A link to the original page (http/https only) and the outlets carrying the same text."""
    bits = []
    if c.url and c.url.lower().startswith(("http://", "https://")):
        bits.append(f"<a class='qa-origin' href='{html.escape(c.url, quote=True)}' "
                    "target='_blank' rel='noopener noreferrer nofollow'>Original article</a>")
    also = c.also_in_outlets or c.also_in
    if also:
        bits.append("Also in: " + html.escape(", ".join(also)))
    return f"<div class='qa-meta qa-provenance'>{' · '.join(bits)}</div>" if bits else ""


def turn_sources_html(turns: list[dict[str, Any]], turn: int | None = None,
                      article: ArticleLookup | None = None) -> str:
    """The Sources panel for turn `turn` (default: the last one)."""
    if not turns:
        return EMPTY_SOURCES
    if turn is None or not 0 <= turn < len(turns):
        turn = len(turns) - 1
    record = turns[turn]
    return sources_html(citations_of(record), turn, record.get("question", ""),
                        record.get("standalone", ""), article, bool(record.get("refused")))


EMPTY_SOURCES = ("<div class='qa-sources'><div class='qa-sources-empty'>Ask a question: the "
                 "passages that support the answer appear here, with the quote highlighted. "
                 "Click a marker like [1] to jump to its source.</div></div>")


# -- articles list -------------------------------------------------------------------------
def docs_html(docs: list[DocRecord]) -> str:
    """The "Indexed articles" table: title (outlet, date), file, chunks, date added."""
    if not docs:
        return "<div class='qa-sources-empty'>No article is indexed yet.</div>"
    rows = []
    for d in docs:
        added = time.strftime("%Y-%m-%d %H:%M", time.gmtime(d.added_at)) if d.added_at else "—"
        known = ", ".join(x for x in (d.outlet or "", long_date(d.published)) if x)
        rows.append(f"<tr><td>{html.escape(d.title or d.doc_id)}"
                    f"{f' <span class=qa-meta>({html.escape(known)})</span>' if known else ''}"
                    "</td>"
                    f"<td class='qa-id'>{html.escape(d.doc_id)}</td>"
                    f"<td>{d.n_chunks}</td><td>{added} UTC</td></tr>")
    return ("<table class='qa-docs'><thead><tr><th>Title</th><th class='qa-id'>File</th>"
            "<th>Chunks</th><th>Added</th></tr></thead><tbody>" + "".join(rows)
            + f"</tbody></table><div class='qa-meta'>{len(docs)} articles</div>")


# -- export --------------------------------------------------------------------------------
def export_markdown(turns: list[dict[str, Any]]) -> str:
    """A conversation as Markdown, each answer followed by its sources."""
    lines = ["# Conversation with the news articles", "",
             f"_Exported {time.strftime('%Y-%m-%d %H:%M', time.gmtime())} UTC_", ""]
    for i, t in enumerate(turns, 1):
        lines += [f"## {i}. {t.get('question', '')}", ""]
        if t.get("refused"):
            lines += ["**No answer in the articles.**", ""]
        lines += [str(t.get("answer", "")), ""]
        cites = citations_of(t)
        if cites:
            lines += ["**Sources**", ""]
            for c in cites:
                lines.append(f"- [{c.number}] **{c.title}** — `{c.doc_id}`, "
                             f"characters {c.start}–{c.end}")
                lines.append(f"  > {' '.join((c.quote or c.text).split())}")
            lines.append("")
    return "\n".join(lines)
