"""News ingestion over a real loopback web server: pages, feeds, metadata, bad addresses."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from qa import QA
from qa.cli import main as cli_main
from qa.extract import extract_text
from qa.fetch import FetchError, GuardedBackend, check_address
from tests.conftest import make_settings
from tests.news_site import WEB, NewsSite, news_bot_fixture, site_fixture  # noqa: F401

EXPECTED = json.loads((WEB / "expected.json").read_text(encoding="utf-8"))
PAGES = list(EXPECTED)


def _doc_for(bot: QA, path: str):
    return next(d for d in bot.documents() if d.source.endswith(path))


@pytest.mark.parametrize("path", PAGES)
def test_indexed_text_is_the_article_and_nothing_else(news_bot: QA, path: str) -> None:
    doc = _doc_for(news_bot, path)
    paragraphs = [p for p in news_bot.article_text(doc.doc_id).split("\n\n") if p.strip()]
    expected = EXPECTED[path]
    assert paragraphs[0] == expected["title"] == doc.title
    assert paragraphs[1:] == expected["content"]  # no boilerplate kept, no content lost


@pytest.mark.parametrize("path", PAGES)
def test_metadata_of_each_page(news_bot: QA, site: NewsSite, path: str) -> None:
    doc = _doc_for(news_bot, path)
    expected = EXPECTED[path]
    assert (doc.outlet, doc.author, doc.published) == (
        expected["outlet"], expected["author"], expected["published"])
    assert doc.url == (expected["url"] or site.url(path))


def test_feed_entries_become_articles_with_their_pages_fetched(news_bot: QA,
                                                              site: NewsSite) -> None:
    for path in ["/courrier/otan-geneve.html", "/gazette/depeche-geneve.html",
                 "/herald/riga-ministers.html", "/matin/troupes-frontiere.html"]:
        assert path in site.hits
    # The JSON-LD-only page: the date came from JSON-LD, not from the feed entry's <updated>.
    assert _doc_for(news_bot, "/herald/riga-ministers.html").published == "2022-03-03"


def test_undated_page_stays_undated(news_bot: QA) -> None:
    doc = _doc_for(news_bot, "/blog/carnet-diplomatique.html")
    assert doc.outlet is None and doc.published is None and doc.author is None


def test_sources_json_lists_metadata(news_bot: QA, capsys: pytest.CaptureFixture,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QA_STORE_PATH", str(news_bot.settings.store_path))
    monkeypatch.setenv("QA_UPLOAD_DIR", str(news_bot.settings.upload_dir))
    from qa.settings import get_settings
    get_settings.cache_clear()
    try:
        assert cli_main(["sources", "--json"]) == 0
    finally:
        get_settings.cache_clear()
    listed = json.loads(capsys.readouterr().out)["articles"]
    courrier = next(a for a in listed if a["outlet"] == "Le Courrier de l'Europe")
    assert {"doc_id", "title", "outlet", "published", "url"} <= courrier.keys()
    assert courrier["published"] == "2022-01-07"
    assert courrier["url"] == "https://courrier-europe.example/monde/otan-russie-geneve-bruxelles"


def test_cli_ingests_a_feed(site: NewsSite, tmp_path: Path, capsys: pytest.CaptureFixture,
                           monkeypatch: pytest.MonkeyPatch) -> None:
    from qa.settings import get_settings

    monkeypatch.setenv("QA_STORE_PATH", str(tmp_path / "store"))
    monkeypatch.setenv("QA_FETCH_ALLOW_PRIVATE", "1")
    get_settings.cache_clear()
    try:
        assert cli_main(["ingest", site.url("/feeds/securite.atom")]) == 0
        assert "2 added" in capsys.readouterr().out
        assert cli_main(["sources"]) == 0
        listing = capsys.readouterr().out
        monkeypatch.setenv("QA_FETCH_ALLOW_PRIVATE", "0")
        get_settings.cache_clear()
        assert cli_main(["ingest", site.url("/herald/riga-ministers.html")]) == 1
        assert "refused" in capsys.readouterr().err
    finally:
        get_settings.cache_clear()
    assert "(The Baltic Herald, 2022-03-03)" in listing
    assert "(Le Matin Continental, 2022-01-08)" in listing


def test_redirect_lands_on_the_same_article(news_bot: QA, site: NewsSite) -> None:
    before = {d.doc_id: d.doc_hash for d in news_bot.documents()}
    report = news_bot.ingest([site.url("/old/otan-geneve")])
    assert report.unchanged and not report.added and not report.skipped
    assert {d.doc_id: d.doc_hash for d in news_bot.documents()} == before


@pytest.mark.parametrize(("path", "reason"), [
    ("/missing.html", "HTTP 404"),
    ("/photo.html", "binary"),
    ("/rapport.pdf", "not a web page or a feed (content type application/pdf)"),
    ("/feeds/broken.rss", "not a readable RSS or Atom feed"),
    ("/loop", "more than 5 redirects"),
    ("/to-file", "redirected to file:///etc/passwd: only http and https"),
])
def test_bad_addresses_give_one_line_and_lose_nothing(news_bot: QA, site: NewsSite,
                                                      path: str, reason: str) -> None:
    before = {d.doc_id: d.doc_hash for d in news_bot.documents()}
    report = news_bot.ingest([site.url(path)])
    assert len(report.skipped) == 1
    where, message = report.skipped[0]
    assert where == site.url(path) and message.startswith(site.url(path))
    assert reason in message and "\n" not in message
    assert {d.doc_id: d.doc_hash for d in news_bot.documents()} == before


def test_dead_host_and_size_cap(tmp_path: Path, site: NewsSite) -> None:
    from tests.conftest import free_port

    bot = QA(make_settings(tmp_path, fetch_allow_private=True, max_upload_mb=1))
    dead = f"http://127.0.0.1:{free_port()}/page.html"
    report = bot.ingest([dead, site.url("/huge.html")])
    messages = dict(report.skipped)
    assert messages[dead] == f"{dead}: cannot connect to {dead.split('/')[2]} (host down or " \
                             "unreachable)"
    assert "over the 1 MB limit (QA_MAX_UPLOAD_MB)" in messages[site.url("/huge.html")]
    assert not report.added


def test_private_addresses_are_refused_without_the_setting(tmp_path: Path,
                                                           site: NewsSite) -> None:
    bot = QA(make_settings(tmp_path))
    url = site.url("/courrier/otan-geneve.html")
    hits = len(site.hits)
    report = bot.ingest([url])
    assert len(site.hits) == hits and not report.added  # refused before any request
    assert report.skipped[0][1].startswith(f"{url}: 127.0.0.1 resolves to 127.0.0.1")
    assert "QA_FETCH_ALLOW_PRIVATE=1" in report.skipped[0][1]
    for address in ["http://10.1.2.3/", "http://169.254.169.254/latest/meta-data/",
                    "http://[::1]/", "http://[::ffff:127.0.0.1]/", "http://0.0.0.0/",
                    "http://192.168.1.10/", "http://localhost/"]:
        with pytest.raises(FetchError, match="refused"):
            check_address(address)
    with pytest.raises(FetchError, match="only http and https"):
        check_address("ftp://example.org/feed.xml")
    check_address("http://8.8.8.8/")  # a public address passes
    # The socket itself is only opened to a checked address (no DNS rebinding in between).
    with pytest.raises(FetchError, match="refused"):
        GuardedBackend(allow_private=False).connect_tcp("127.0.0.1", site.port)
    GuardedBackend(allow_private=True).connect_tcp("127.0.0.1", site.port).close()


def test_front_matter_of_text_files(tmp_path: Path) -> None:
    article, meta = extract_text(
        "---\ntitle: Les ministres se réunissent\noutlet: Le Courrier de l'Europe\n"
        "author: Claire Martin\npublished: 2022-01-07\nurl: https://courrier.example/a\n---\n"
        "Les ministres se retrouveront lundi à Bruxelles pour parler de défense.\n")
    assert article.title == "Les ministres se réunissent"
    assert article.text.startswith("Les ministres se réunissent\n\nLes ministres se retrouv")
    assert (meta.outlet, meta.author, meta.published, meta.url) == (
        "Le Courrier de l'Europe", "Claire Martin", "2022-01-07", "https://courrier.example/a")
    _, unknown = extract_text("Les ministres se retrouveront lundi à Bruxelles.\n")
    assert (unknown.outlet, unknown.published, unknown.url) == (None, None, None)
    assert "---" not in article.text


def test_local_html_goes_through_the_same_extractor(tmp_path: Path) -> None:
    page = tmp_path / "otan.html"
    page.write_bytes((WEB / "courrier" / "otan-geneve.html").read_bytes())
    bot = QA(make_settings(tmp_path))
    bot.ingest([page])
    doc = bot.documents()[0]
    assert (doc.outlet, doc.published) == ("Le Courrier de l'Europe", "2022-01-07")
    text = bot.article_text(doc.doc_id)
    assert "cookies" not in text and "Partager" not in text and "Mentions" not in text
