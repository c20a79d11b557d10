"""Article text and metadata: one extractor for web pages and local files.

HTML (fetched pages and local .html files) goes through trafilatura for the main text and its
metadata (title, site name, author, publication date, canonical URL), with htmldate looking
for the date where trafilatura found none (e.g. only in JSON-LD); both are told not to guess
dates from free text. Plain text and Markdown may open with YAML front matter (`title`,
`outlet`, `author`, `published`, `url`). What is not stated stays None.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from urllib.parse import urlsplit

import htmldate
import trafilatura
import yaml

from qa.clean import CleanArticle, clean_html, clean_text

_DATE_PARAMS = {"extensive_search": False, "original_date": True}
_FRONT_MATTER_RE = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)",
                              re.DOTALL)


@dataclass(frozen=True)
class ArticleMeta:
    """What is known of an article besides its text; None where unknown."""

    outlet: str | None = None
    author: str | None = None
    published: str | None = None  # ISO date, YYYY-MM-DD
    url: str | None = None

    def fill(self, other: ArticleMeta) -> ArticleMeta:
        """These values, with `other`'s where ours are unknown."""
        return ArticleMeta(**{k: getattr(self, k) or getattr(other, k)
                              for k in ("outlet", "author", "published", "url")})


def iso_date(value: object) -> str | None:
    """A date or date-time (object or ISO-like text) as YYYY-MM-DD; None when unreadable."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        m = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", value)
        if m:
            try:
                return dt.date(*map(int, m.groups())).isoformat()
            except ValueError:
                return None
    return None


def _text(value: object) -> str | None:
    text = " ".join(str(value).split()) if value is not None else ""
    return text or None


def extract_html(html: str, url: str | None = None, fallback_title: str = ""
                 ) -> tuple[CleanArticle, ArticleMeta]:
    """Main text and metadata of an HTML page (boilerplate left out)."""
    doc = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, favor_precision=True, include_comments=False,
        include_tables=False, date_extraction_params=_DATE_PARAMS)
    if doc is None or not (doc.text or "").strip():
        return clean_html(html, fallback_title), ArticleMeta(url=url)
    body = clean_text(doc.text, fallback_title)
    title = _text(doc.title) or body.title
    text = body.text
    if title and not text.startswith(title):
        text = f"{title}\n\n{text}"
    published = iso_date(doc.date) or iso_date(
        htmldate.find_date(html, url=url, **_DATE_PARAMS))
    outlet = _text(doc.sitename)
    host = urlsplit(url).netloc.lower() if url else ""
    if outlet and host and outlet.lower() in {host, host.split(":")[0]}:
        outlet = None  # trafilatura names the host when the page names no outlet: not a fact
    meta = ArticleMeta(outlet=outlet, author=_text(doc.author), published=published,
                       url=_text(doc.url) or url)
    return CleanArticle(title=title, text=text), meta


def split_front_matter(raw: str) -> tuple[dict[str, str | None], str]:
    """(front matter fields, the rest of the text) of a .txt/.md file; ({}, raw) without it.

    Known keys: title, outlet (or site, publisher, source), author, published (or date), url.
    """
    m = _FRONT_MATTER_RE.match(raw)
    if not m:
        return {}, raw
    try:
        data = yaml.safe_load(m.group(1))
    except yaml.YAMLError:
        return {}, raw
    if not isinstance(data, dict):
        return {}, raw
    data = {str(k).lower(): v for k, v in data.items()}

    def pick(*keys: str) -> object:
        return next((data[k] for k in keys if data.get(k) not in (None, "")), None)

    fields = {"title": _text(pick("title")),
              "outlet": _text(pick("outlet", "site", "publisher", "source")),
              "author": _text(pick("author", "authors")),
              "published": iso_date(pick("published", "date")),
              "url": _text(pick("url", "link"))}
    return fields, raw[m.end():]


def extract_text(raw: str, fallback_title: str = "") -> tuple[CleanArticle, ArticleMeta]:
    """Clean text or Markdown and the metadata of its front matter (if any)."""
    fields, body = split_front_matter(raw)
    article = clean_text(body, fallback_title)
    title = fields.get("title")
    if title:
        text = article.text if article.text.startswith(title) else f"{title}\n\n{article.text}"
        article = replace(article, title=title, text=text)
    meta = ArticleMeta(outlet=fields.get("outlet"), author=fields.get("author"),
                       published=fields.get("published"), url=fields.get("url"))
    return article, meta
