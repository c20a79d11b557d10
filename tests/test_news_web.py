"""The web chat's news parts: Sources panel provenance, address field (real loopback site)."""

from __future__ import annotations

from qa import QA
from qa.results import Citation
from qa.web import respond
from qa.web_files import ingest_addresses
from qa.web_render import docs_html, origin_html, source_heading
from tests.news_site import NewsSite, news_bot_fixture, site_fixture  # noqa: F401 - fixtures


def _citation(**kw) -> Citation:
    base = {"number": 1, "doc_id": "d", "title": "Titre", "source": "s", "text": "t",
            "quote": "t", "start": 0, "end": 1, "score": 1.0}
    return Citation(**{**base, **kw})


def test_heading_shows_only_what_is_known() -> None:
    full = _citation(outlet="Le Courrier", published="2022-01-07")
    assert source_heading(full) == "Titre - Le Courrier, 7 January 2022"
    assert source_heading(_citation()) == "Titre"
    assert source_heading(_citation(published="2022-03-01")) == "Titre, 1 March 2022"


def test_only_http_links_are_rendered() -> None:
    assert "href='https://x.example/a'" in origin_html(_citation(url="https://x.example/a"))
    assert origin_html(_citation(url="javascript:alert(1)")) == ""
    html = origin_html(_citation(also_in=("g",), also_in_outlets=("La <b>Gazette</b>",)))
    assert "Also in: La &lt;b&gt;Gazette&lt;/b&gt;" in html


def test_sources_panel_of_a_syndicated_answer(news_bot: QA) -> None:
    *_, last = respond(news_bot, "Quand Sergueï Riabkov a-t-il averti que Moscou ne ferait "
                                 "aucune concession ?", [])
    panel = last[1]
    assert ", 7 January 2022" in panel and "Original article" in panel
    assert ("Also in: Le Courrier de l&#x27;Europe" in panel
            or "Also in: La Gazette du Nord" in panel)
    assert "Le Courrier de l" in docs_html(news_bot.documents())


def test_address_field_indexes_pages_and_reports_bad_ones(news_bot: QA, site: NewsSite) -> None:
    steps: list[tuple[int, int, str]] = []
    ok, bad = ingest_addresses(
        news_bot, f"{site.url('/courrier/otan-geneve.html')}\nnot-an-address "
                  f"{site.url('/missing.html')}", lambda d, t, n: steps.append((d, t, n)))
    assert ok == [f"{_id(news_bot, 'otan-geneve')}: already indexed, unchanged"]
    assert bad[0] == "not-an-address: not a web address (http:// or https://)"
    assert bad[1].startswith(site.url("/missing.html")) and "404" in bad[1]
    assert steps and steps[0][2] == "otan-geneve.html"
    assert ingest_addresses(news_bot, "  ")[1] == [
        "Type the address of a web page or of an RSS/Atom feed."]


def _id(bot: QA, part: str) -> str:
    return next(d.doc_id for d in bot.documents() if part in d.doc_id)
