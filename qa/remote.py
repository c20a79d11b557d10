"""Web pages and feeds as raw documents: a page is one article, a feed one article per entry.

A feed (RSS or Atom, read by feedparser) names its entries' pages; each page is fetched and
read like any page, and the entry's date, author and the feed's title fill in what the page
itself does not state. Failures become (address, one-line reason) pairs, never exceptions.
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import re
from collections.abc import Iterator
from urllib.parse import urlsplit

import feedparser

from qa.extract import ArticleMeta
from qa.fetch import FEED_TYPES, HTML_TYPES, Fetched, FetchError, fetch
from qa.ingest import IngestError, RawDocument, decode_text
from qa.settings import Settings

Skipped = list[tuple[str, str]]


def url_doc_id(url: str) -> str:
    """A stable, readable id for an address: host and last path part, plus a short hash."""
    parts = urlsplit(url)
    tail = [p for p in parts.path.split("/") if p][-1:] or ["index"]
    slug = re.sub(r"[^a-z0-9]+", "-", f"{parts.hostname or ''}-{tail[0]}".lower()).strip("-")
    return f"{slug[:60]}_{hashlib.sha256(url.encode('utf-8')).hexdigest()[:10]}"


def _looks_like_feed(fetched: Fetched, text: str) -> bool:
    head = text[:2000].lstrip().lower()
    if fetched.content_type in HTML_TYPES and "<html" in head:
        return False
    return fetched.content_type in FEED_TYPES or bool(re.search(r"<(rss|feed|rdf:rdf)\b", head))


def _decode(fetched: Fetched) -> str:
    try:
        if fetched.charset and fetched.charset.lower() not in {"utf-8", "utf8"}:
            if b"\x00" in fetched.body[:8192]:
                raise IngestError(f"{fetched.url}: looks like a binary file, not text")
            return fetched.body.decode(fetched.charset, errors="replace")
        return decode_text(fetched.body, fetched.url)
    except LookupError as exc:
        raise FetchError(f"{fetched.url}: unknown character set {fetched.charset}") from exc
    except IngestError as exc:
        raise FetchError(str(exc)) from exc


def page_document(fetched: Fetched, fallback: ArticleMeta | None = None,
                  text: str | None = None) -> RawDocument:
    """A fetched HTML page as a raw document (extracted at cleaning time)."""
    if fetched.content_type and fetched.content_type not in HTML_TYPES:
        raise FetchError(f"{fetched.url}: not a web page (content type "
                         f"{fetched.content_type})")
    text = text if text is not None else _decode(fetched)
    if "<" not in text[:4096]:
        raise FetchError(f"{fetched.url}: not a web page (no HTML in it)")
    url = fetched.final_url
    meta = (fallback or ArticleMeta()).fill(ArticleMeta(url=url))
    return RawDocument(doc_id=url_doc_id(url), source=url, raw=text, is_html=True, meta=meta)


def _entry_meta(entry: dict, feed_title: str | None) -> ArticleMeta:
    published = None
    for key in ("published_parsed", "updated_parsed"):
        if entry.get(key):
            published = dt.datetime.fromtimestamp(calendar.timegm(entry[key]),
                                                  dt.UTC).date().isoformat()
            break
    return ArticleMeta(outlet=feed_title, author=entry.get("author") or None,
                       published=published, url=entry.get("link") or None)


def feed_documents(fetched: Fetched, text: str, settings: Settings, skipped: Skipped
                   ) -> Iterator[RawDocument]:
    """One raw document per feed entry, each entry's page fetched."""
    parsed = feedparser.parse(text)
    if not parsed.entries and (parsed.bozo or not parsed.feed):
        raise FetchError(f"{fetched.url}: not a readable RSS or Atom feed")
    feed_title = (parsed.feed.get("title") or "").strip() or None
    for entry in parsed.entries[: settings.feed_max_entries]:
        link = entry.get("link")
        if not link:
            skipped.append((fetched.url, "a feed entry has no link"))
            continue
        try:
            page = fetch(link, settings)
            yield page_document(page, _entry_meta(entry, feed_title))
        except FetchError as exc:
            skipped.append((link, str(exc)))


def url_documents(url: str, settings: Settings, skipped: Skipped) -> Iterator[RawDocument]:
    """The articles at an address: one for a page, one per entry for a feed."""
    try:
        fetched = fetch(url, settings)
        if fetched.content_type and fetched.content_type not in HTML_TYPES | FEED_TYPES:
            raise FetchError(f"{url}: not a web page or a feed (content type "
                             f"{fetched.content_type})")
        text = _decode(fetched)
        if _looks_like_feed(fetched, text):
            yield from feed_documents(fetched, text, settings, skipped)
        else:
            yield page_document(fetched, text=text)
    except FetchError as exc:
        skipped.append((url, str(exc)))
