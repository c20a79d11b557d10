"""Uploads and web addresses for the web chat: files become checked, sanitised copies under
`settings.upload_dir`; page and feed addresses are fetched by `qa.fetch` and indexed.

A file is refused (and nothing is written) when its type is unsupported, it is over
`settings.max_upload_mb`, or it is not readable article text; names lose any folder part and
every character outside letters, digits, `.`, `_` and `-`, and the result goes through
`qa.ingest.safe_upload_path`, so nothing lands outside the folder.
"""

from __future__ import annotations

import html
import os
import re
import shutil
import unicodedata
from pathlib import Path

from qa.fetch import is_url
from qa.ingest import (
    SUPPORTED_SUFFIXES,
    IngestError,
    Progress,
    clean,
    read_file,
    safe_upload_path,
)
from qa.service import QA

MAX_ADDRESSES = 20


def safe_name(name: str) -> str:
    """A file name safe to store: no folders, no traversal, only plain characters."""
    base = unicodedata.normalize("NFKC", Path(str(name).replace("\\", "/")).name)
    stem, suffix = os.path.splitext(base)
    stem = re.sub(r"[^\w.-]+", "_", stem, flags=re.UNICODE).strip("._")[:100] or "article"
    suffix = re.sub(r"[^\w.]", "", suffix.lower())
    return stem + suffix


def save_uploads(bot: QA, paths: list[str]) -> tuple[list[Path], list[str]]:
    """Check uploaded files and copy the good ones under `upload_dir`; returns (saved, errors)."""
    folder = Path(bot.settings.upload_dir).resolve()
    limit = bot.settings.max_upload_mb * 1024 * 1024
    saved: list[Path] = []
    errors: list[str] = []
    for raw in paths:
        src = Path(raw)
        name = safe_name(src.name)
        suffix = Path(name).suffix
        if suffix not in SUPPORTED_SUFFIXES:
            errors.append(f"{src.name}: unsupported type {suffix or '(none)'}; use .txt, .md "
                          "or .html")
            continue
        try:
            size = src.stat().st_size
            if size > limit:
                errors.append(f"{src.name}: {size / 1e6:.1f} MB is over the "
                              f"{bot.settings.max_upload_mb} MB limit")
                continue
            clean(read_file(src))  # refuses binary, empty or text-less files up front
            target = safe_upload_path(folder, name)  # the one guard on where uploads land
            folder.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(src, target)
            saved.append(target)
        except IngestError as exc:
            errors.append(str(exc).replace(str(src.parent) + os.sep, ""))
        except OSError as exc:
            errors.append(f"{src.name}: cannot be read ({exc.strerror or exc})")
    return saved, errors


def ingest_addresses(bot: QA, text: str, progress: Progress | None = None
                     ) -> tuple[list[str], list[str]]:
    """Fetch and index the page or feed addresses typed in `text` (separated by spaces or
    lines); returns (lines for what was indexed, one-line errors)."""
    words = text.split()
    urls = [w for w in words if is_url(w)][:MAX_ADDRESSES]
    bad = [f"{w[:100]}: not a web address (http:// or https://)" for w in words
           if not is_url(w)]
    if len(words) > MAX_ADDRESSES:
        bad.append(f"only the first {MAX_ADDRESSES} addresses are read at once")
    if not urls:
        return [], bad or ["Type the address of a web page or of an RSS/Atom feed."]
    report = bot.ingest(urls, progress=progress)
    ok = ([f"{d}: added" for d in report.added] + [f"{d}: updated" for d in report.updated]
          + [f"{d}: already indexed, unchanged" for d in report.unchanged])
    return ok, bad + [why for _, why in report.skipped]


def status_html(lines_ok: list[str], lines_bad: list[str]) -> str:
    """The upload/remove status lines."""
    ok = "".join(f"<div class='qa-upload-ok'>✓ {html.escape(x)}</div>" for x in lines_ok)
    bad = "".join(f"<div class='qa-upload-bad'>✗ {html.escape(x)}</div>" for x in lines_bad)
    return ok + bad


