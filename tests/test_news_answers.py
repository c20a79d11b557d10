"""Answers over fetched news: resolved dates (extractive and openai path), syndicated copies
quoted once with `also_in`, conflicting sources surfaced and agreeing ones not flagged."""

from __future__ import annotations

import re

import pytest

from qa import QA
from tests.llm_servers import LoopbackServer, scripted
from tests.news_site import news_bot_fixture, site_fixture  # noqa: F401 - fixtures

RIABKOV_FR = "Quand Sergueï Riabkov a-t-il averti que Moscou ne ferait aucune concession ?"
DIVERGE = ("Les sources divergent", "Sources differ")


def _ids(bot: QA) -> dict[str, str]:
    """Outlet (or 'blog') -> doc_id."""
    return {d.outlet or "blog": d.doc_id for d in bot.documents()}


@pytest.mark.parametrize(("question", "lead"), [
    (RIABKOV_FR, "Mardi 4 janvier 2022 [1]."),
    ("Quand les diplomates américains et russes se retrouveront-ils à Genève ?",
     "Lundi 10 janvier 2022 [1]."),
    ("Quand le Conseil OTAN-Russie se réunira-t-il à Bruxelles ?",
     "Mercredi 12 janvier 2022 [1]."),
    ("When will the Baltic foreign ministers meet in Riga?", "Tuesday 8 March 2022 [1]."),
    ("Quand les ministres de la Défense de l'UE se retrouveront-ils à Brest ?",
     "Samedi 8 janvier 2022 [1]."),
    # No publication date: the weekday as written, never a guessed date.
    ("Quand la Première ministre finlandaise a-t-elle parlé de l'adhésion à l'OTAN ?",
     "Jeudi [1]."),
])
def test_extractive_answer_gives_the_absolute_date(news_bot: QA, question: str,
                                                   lead: str) -> None:
    answer = news_bot.ask(question)
    assert answer.text.split("\n\n")[0] == lead
    assert not answer.refused


def test_citation_carries_outlet_date_url_and_syndicated_copies(news_bot: QA) -> None:
    ids = _ids(news_bot)
    answer = news_bot.ask(RIABKOV_FR)
    assert len(answer.citations) == 1  # the wire sentence is quoted once, not once per outlet
    cited = answer.citations[0]
    pair = {ids["Le Courrier de l'Europe"], ids["La Gazette du Nord"]}
    assert {cited.doc_id, *cited.also_in} == pair
    assert cited.outlet in {"Le Courrier de l'Europe", "La Gazette du Nord"}
    assert cited.published == "2022-01-07" and cited.url.startswith("https://")
    assert answer.text.count("Sergueï Riabkov") == 1


def test_non_syndicated_sentence_has_no_copies(news_bot: QA) -> None:
    answer = news_bot.ask("When will the Baltic foreign ministers meet in Riga?")
    assert answer.citations[0].also_in == ()
    assert answer.citations[0].outlet == "The Baltic Herald"
    assert "\n\nSource: «" in answer.text  # an English quote is not announced as French


def test_syndication_links_the_shared_wire_copy_only(news_bot: QA) -> None:
    ids = _ids(news_bot)
    linked: dict[str, set[str]] = {}
    for passage in news_bot.retriever.lexical().passages.values():
        for _a, _b, docs in passage.copies:
            linked.setdefault(passage.doc_id, set()).update(docs)
    courrier, gazette = ids["Le Courrier de l'Europe"], ids["La Gazette du Nord"]
    assert linked == {courrier: {gazette}, gazette: {courrier}}


@pytest.mark.parametrize("question", [
    "Combien de soldats russes sont massés près de la frontière ukrainienne ?",
    "How many Russian soldiers are massed near the Ukrainian border?",
])
def test_conflicting_numbers_are_surfaced_with_both_sources(news_bot: QA,
                                                            question: str) -> None:
    ids = _ids(news_bot)
    answer = news_bot.ask(question)
    lead = answer.text.split("\n\n")[0]
    assert lead.startswith(DIVERGE)
    assert re.search(r"120 000 \[\d\]", lead) and re.search(r"100 000 \[\d\]", lead)
    assert {c.doc_id for c in answer.citations} == {ids["Le Matin Continental"],
                                                    ids["Le Courrier de l'Europe"]}


@pytest.mark.parametrize("question", [
    "Où se retrouveront les délégations américaine et russe ?",  # Genève everywhere
    "Quand les délégations américaine et russe se retrouveront-elles à Genève ?",  # lundi = 10
    "Quand le Conseil OTAN-Russie se tiendra-t-il ?",  # mercredi prochain = mercredi = 12
])
def test_agreeing_sources_are_not_flagged(news_bot: QA, question: str) -> None:
    answer = news_bot.ask(question)
    assert not answer.text.startswith(DIVERGE) and not answer.refused


def _passage_number(messages: list[dict], needle: str) -> int:
    user = messages[-1]["content"]
    for m in re.finditer(r'<passage n="(\d+)"([^>]*)>(.*?)</passage>', user, re.DOTALL):
        if needle in m.group(3):
            assert 'published="2022-01-07"' in m.group(2)  # the model is told the date
            return int(m.group(1))
    raise AssertionError("passage not given to the model")


def test_openai_path_keeps_a_resolved_date_and_rejects_a_wrong_one(news_bot: QA) -> None:
    def right(messages: list[dict]) -> str:
        n = _passage_number(messages, "averti mardi")
        return f"Sergueï Riabkov a lancé cet avertissement le mardi 4 janvier 2022 [{n}]."

    def wrong(messages: list[dict]) -> str:
        n = _passage_number(messages, "averti mardi")
        return f"Sergueï Riabkov a lancé cet avertissement le mercredi 5 janvier 2022 [{n}]."

    for reply, kept in ((right, True), (wrong, False)):
        with LoopbackServer(scripted(reply)) as server:
            settings = news_bot.settings.model_copy(update={
                "llm": "openai", "llm_base_url": server.url, "llm_retries": 0})
            bot = QA(settings)
            answer = bot.ask(RIABKOV_FR)
        if kept:
            assert answer.mode == "openai" and "mardi 4 janvier 2022 [1]" in answer.text
            assert answer.sentences[0].verified and not answer.notice
            cited = answer.citations[0]
            assert cited.published == "2022-01-07" and cited.also_in
        else:  # the unsupported date is removed; the extractive answer is given instead
            assert "5 janvier" not in answer.text and answer.notice
            assert answer.text.startswith("Mardi 4 janvier 2022 [1].")
