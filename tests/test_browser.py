"""The web chat in a real Chromium (Playwright): ask, open sources, refuse, upload, follow up.

Needs Debian's `chromium` (`make test` installs it with `.ci/browser-deps.sh`); the tests FAIL,
never skip, when it is missing. The app runs in-process on a free 127.0.0.1 port over a copy of
the seeded index, so uploads here do not leak into other tests. Screenshots go to the untracked
`test-output/` only (a test run changes no tracked file; copy `test-output/chat.png` to
docs/screenshot.png by hand when the look changes).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from qa import QA
from qa.web import build_app, launch_options
from tests.conftest import ROOT, free_port, make_settings

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
OUTPUT = ROOT / "test-output"
TIMEOUT = 90_000  # ms for an answer on a busy 2-core machine

import playwright.sync_api as playwright_api  # noqa: E402

expect = playwright_api.expect
MISSING = ("chromium is not installed: run `bash .ci/browser-deps.sh` (what `make test` does), "
           "or deselect the browser tests explicitly with -m 'not browser'")

ARTICLE = """Tromsø prépare son festival des phares

Le festival des phares de Tromsø aura lieu le 14 mars 2022 dans le port de la ville norvégienne,
ont annoncé les organisateurs. Quelque 3 000 visiteurs sont attendus pour l'événement.

Le festival des phares de Tromsø présentera les lanternes historiques de la côte arctique.
"""


@pytest.fixture(scope="module")
def web_bot(seeded_bot: QA, tmp_path_factory: pytest.TempPathFactory) -> QA:
    """A bot over a private copy of the seeded index."""
    tmp = tmp_path_factory.mktemp("browser")
    shutil.copytree(seeded_bot.settings.store_path, tmp / "store")
    return QA(make_settings(tmp))


@pytest.fixture(scope="module")
def web_url(web_bot: QA) -> Iterator[str]:
    """The chat served on a free loopback port."""
    bot = web_bot
    port = free_port()
    app = build_app(bot)
    app.queue()
    app.launch(server_name="127.0.0.1", server_port=port, prevent_thread_lock=True,
               **launch_options(bot))
    yield f"http://127.0.0.1:{port}/"
    app.close()


@pytest.fixture(scope="module")
def browser() -> Iterator:
    if not CHROMIUM.exists():  # a failure, never a silent skip
        pytest.fail(MISSING, pytrace=False)
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser, web_url: str):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(TIMEOUT)
    page.goto(web_url, wait_until="load")
    page.wait_for_selector("#question textarea")
    yield page
    context.close()


def ask(page, question: str) -> object:
    """Type a question and wait until its answer is complete; returns the answer bubble."""
    before = page.locator("#chat [data-testid='bot']").count()
    page.fill("#question textarea", question)
    page.press("#question textarea", "Enter")
    return wait_answer(page, before + 1)


def wait_answer(page, n: int) -> object:
    """Wait for the `n`-th answer to be final (its Sources panel shown, export refreshed)."""
    bubbles = page.locator("#chat [data-testid='bot']")
    expect(bubbles).to_have_count(n)
    bubble = bubbles.nth(n - 1)
    expect(bubble.locator(".qa-thinking")).to_have_count(0)
    expect(page.locator("#sources")).to_contain_text(f"Answer {n}:")
    expect(page.locator("#export")).to_be_enabled()
    page.wait_for_timeout(500)  # the last streamed chunk and the browser-state write
    return bubble


def test_answer_with_marker_opens_its_source(page, tmp_path):
    chat = page.locator("#chat")
    expect(chat.get_by_text("When is the NRC meeting?")).to_be_visible()  # example questions
    chat.get_by_text("When is the NRC meeting?").click()
    bubble = wait_answer(page, 1)
    expect(chat.locator("[data-testid='user']")).to_have_count(1)
    expect(bubble).to_contain_text("12 January")
    marker = bubble.locator("a.qa-cite", has_text="[1]").first
    expect(marker).to_be_visible()
    marker.click()
    source = page.locator("#src-0-1")
    expect(source).to_be_visible()
    expect(source.locator("> summary")).to_contain_text("[1]")
    expect(source.locator(".qa-meta")).to_contain_text("File:")
    quote = source.locator(".qa-passage mark")
    expect(quote).to_contain_text("12 janvier")
    source.locator(".qa-full > summary").click()
    article = source.locator(".qa-article")
    expect(article).to_be_visible()
    expect(article.locator(".qa-here mark")).to_contain_text("12 janvier")
    OUTPUT.mkdir(exist_ok=True)
    page.wait_for_timeout(2000)  # let the "jumped here" outline fade
    page.screenshot(path=str(OUTPUT / "chat.png"))
    with page.expect_download() as download:
        page.click("#export")
    text = Path(download.value.path()).read_text(encoding="utf-8")
    assert "## 1. When is the NRC meeting?" in text and "[1]" in text and "> " in text
    page.set_viewport_size({"width": 390, "height": 844})
    page.wait_for_timeout(500)
    page.screenshot(path=str(OUTPUT / "chat-phone.png"), full_page=True)
    box = page.locator("#chat").bounding_box()
    panel = page.locator("#sources").bounding_box()
    assert box and panel and panel["y"] > box["y"] + box["height"] - 1  # sources under chat
    assert box["width"] <= 390


def test_unanswerable_question_shows_refusal(page):
    bubble = ask(page, "What was the result of the UN Security Council vote on Ukraine?")
    expect(bubble.locator(".qa-refused")).to_contain_text("No answer in the articles")
    expect(bubble.locator("a.qa-cite")).to_have_count(0)
    expect(page.locator("#sources")).to_contain_text("No source")
    OUTPUT.mkdir(exist_ok=True)
    page.screenshot(path=str(OUTPUT / "refusal.png"))


def test_upload_article_then_ask_about_it(page, tmp_path):
    good = tmp_path / "festival des phares.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    bad = tmp_path / "scan.pdf"
    bad.write_bytes(b"%PDF-1.4\x00\x01binary")
    broken = tmp_path / "broken.txt"
    broken.write_bytes(b"\x00\x01\x02\x03 not text")
    page.get_by_role("tab", name="Articles").click()
    expect(page.locator("#articles")).to_contain_text("5 articles")
    page.locator("#upload input[type=file]").set_input_files([str(good), str(bad), str(broken)])
    status = page.locator("#upload-status")
    expect(status).to_contain_text("festival_des_phares: added")
    expect(status).to_contain_text("scan.pdf: unsupported type .pdf")
    expect(status).to_contain_text("broken.txt: looks like a binary file")
    expect(page.locator("#articles")).to_contain_text("6 articles")
    expect(page.locator("#articles")).to_contain_text("Tromsø prépare son festival des phares")
    OUTPUT.mkdir(exist_ok=True)
    page.screenshot(path=str(OUTPUT / "articles.png"))
    page.set_viewport_size({"width": 390, "height": 844})
    page.screenshot(path=str(OUTPUT / "articles-phone.png"), full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.get_by_role("tab", name="Chat").click()
    bubble = ask(page, "Quand aura lieu le festival des phares de Tromsø ?")
    expect(bubble).to_contain_text("14 mars")
    expect(page.locator("#sources")).to_contain_text("festival_des_phares")
    # ...and remove it again from the list of indexed articles.
    page.get_by_role("tab", name="Articles").click()
    page.locator("#remove-pick input").click()
    page.get_by_role("option", name="festival_des_phares", exact=False).click()
    page.click("#remove")
    expect(status).to_contain_text("festival_des_phares: removed")
    expect(page.locator("#articles")).to_contain_text("5 articles")
    expect(page.locator("#articles")).not_to_contain_text("Tromsø")


def test_follow_up_uses_history_and_reload_keeps_it(page, browser, web_url):
    first = ask(page, "Who is NATO's secretary general?")
    expect(first).to_contain_text("Stoltenberg")
    second = ask(page, "When will the Council he chairs meet Russia?")  # "he": from the history
    expect(second).to_contain_text("12 January")
    expect(page.locator("#sources")).to_contain_text("Searched as:")
    expect(page.locator("#sources")).to_contain_text("secretary general")
    # A marker of the first answer brings its sources back; selecting an answer too.
    first.locator("a.qa-cite").first.click()
    expect(page.locator("#sources")).to_contain_text("Answer 1:")
    expect(page.locator("#src-0-1")).to_be_visible()
    second.click()
    expect(page.locator("#sources")).to_contain_text("Answer 2:")
    page.reload(wait_until="load")
    bubbles = page.locator("#chat [data-testid='bot']")
    expect(bubbles).to_have_count(2)
    expect(bubbles.nth(1)).to_contain_text("12 January")
    expect(page.locator("#sources")).to_contain_text("Answer 2:")
    # Another browser sees none of it.
    other = browser.new_context()
    try:
        stranger = other.new_page()
        stranger.goto(web_url, wait_until="load")
        stranger.wait_for_selector("#question textarea")
        stranger.wait_for_timeout(1000)
        expect(stranger.locator("#chat [data-testid='user']")).to_have_count(0)
        expect(stranger.locator("#chat")).not_to_contain_text("Stoltenberg")
    finally:
        other.close()
    # A new conversation empties the chat, also after a reload.
    page.click("#new-chat")
    expect(page.locator("#chat [data-testid='bot']")).to_have_count(0)
    page.wait_for_timeout(800)
    page.reload(wait_until="load")
    page.wait_for_selector("#question textarea")
    page.wait_for_timeout(1000)
    expect(page.locator("#chat [data-testid='bot']")).to_have_count(0)


def test_login_when_auth_is_configured(browser, web_bot):
    port = free_port()
    app = build_app(web_bot)
    app.queue()
    app.launch(server_name="127.0.0.1", server_port=port, prevent_thread_lock=True,
               auth=[("ann", "s3cret")], **launch_options(web_bot))
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(f"http://127.0.0.1:{port}/", wait_until="load")
        expect(page.locator("#question textarea")).to_have_count(0)
        page.get_by_label("username").fill("ann")
        page.get_by_label("password").fill("wrong")
        page.get_by_role("button", name="Login").click()
        expect(page.get_by_text("Incorrect Credentials")).to_be_visible()
        page.reload(wait_until="load")
        page.get_by_label("username").fill("ann")
        page.get_by_label("password").fill("s3cret")
        page.get_by_role("button", name="Login").click()
        expect(page.locator("#question textarea")).to_be_visible()
    finally:
        context.close()
        app.close()
