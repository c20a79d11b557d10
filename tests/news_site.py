"""A real loopback web server for the news tests: serves tests/data/web/ and the bad cases.

Pages and feeds are served as files (`HOST` in feeds becomes this server's address); a few
paths misbehave on purpose: a redirect, a redirect loop, a redirect to a non-http scheme, a
404, a binary file served as HTML, a PDF, a "feed" that is not a feed, an oversized page.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from qa import QA
from tests.conftest import make_settings

WEB = Path(__file__).resolve().parent / "data" / "web"
TYPES = {".html": "text/html; charset=utf-8", ".rss": "application/rss+xml; charset=utf-8",
         ".atom": "application/atom+xml; charset=utf-8"}
PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00"
       b"\x00\x1f\xf3\xffa" + bytes(range(256)) * 8)


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a client that hung up on purpose (size cap) is not an error here


class NewsSite:
    """`with NewsSite() as site: site.url('/courrier/otan-geneve.html')`."""

    def __init__(self, port: int = 0) -> None:
        site = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:  # keep test output quiet
                pass

            def do_GET(self) -> None:  # http.server's name
                site.hits.append(self.path)
                status, headers, body = site.route(self.path)
                self.send_response(status)
                for key, value in headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.hits: list[str] = []
        self.server = _Server(("127.0.0.1", port), Handler)
        self.port = self.server.server_address[1]
        self.base = f"http://127.0.0.1:{self.port}"
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        """The full address of a path on this server."""
        return self.base + path

    def route(self, path: str) -> tuple[int, dict[str, str], bytes]:
        """(status, headers, body) for a request path."""
        html = {"Content-Type": "text/html; charset=utf-8"}
        special = {
            "/old/otan-geneve": (301, {"Location": "/courrier/otan-geneve.html"}, b""),
            "/loop": (302, {"Location": "/loop"}, b""),
            "/to-file": (302, {"Location": "file:///etc/passwd"}, b""),
            "/photo.html": (200, html, PNG),
            "/rapport.pdf": (200, {"Content-Type": "application/pdf"}, b"%PDF-1.7\n" + PNG),
            "/feeds/broken.rss": (200, {"Content-Type": "application/rss+xml"},
                                  b"Service temporarily unavailable, please retry later."),
            "/huge.html": (200, html, b"<html><body><p>" + b"mot " * 400_000 + b"</p></body>"),
        }
        if path in special:
            return special[path]
        file = (WEB / path.lstrip("/")).resolve()
        if WEB not in file.parents or not file.is_file() or file.suffix not in TYPES:
            return 404, html, b"<html><body><h1>404 Not Found</h1></body></html>"
        body = file.read_bytes().replace(b"http://HOST", self.base.encode())
        return 200, {"Content-Type": TYPES[file.suffix]}, body

    def __enter__(self) -> NewsSite:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


FEEDS = ["/feeds/revue-europe.rss", "/feeds/securite.atom"]
PAGES = ["/blog/carnet-diplomatique.html"]


@pytest.fixture(scope="module", name="site")
def site_fixture() -> Iterator[NewsSite]:
    """The loopback news site, for one test module."""
    with NewsSite() as running:
        yield running


@pytest.fixture(scope="module", name="news_bot")
def news_bot_fixture(site: NewsSite, tmp_path_factory: pytest.TempPathFactory) -> QA:
    """A bot that ingested both feeds (four articles) and the undated blog page over HTTP."""
    bot = QA(make_settings(tmp_path_factory.mktemp("news"), fetch_allow_private=True))
    report = bot.ingest([site.url(p) for p in FEEDS + PAGES])
    assert not report.skipped, report.skipped
    assert len(report.added) == 5, report.summary()
    return bot
