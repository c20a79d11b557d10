"""The web chat served on a free loopback port and queried with gradio_client, and its helpers."""

import re
import threading

import pytest
from gradio_client import Client

from qa import QA
from qa.web import build_app, parse_auth, respond, serve
from qa.web_files import safe_name, save_uploads
from qa.web_render import export_markdown
from tests.conftest import free_port, make_settings
from tests.llm_servers import LoopbackServer, scripted


@pytest.fixture(scope="module")
def chat_url(seeded_bot):
    port = free_port()
    app = build_app(seeded_bot)
    app.queue()
    app.launch(server_name="127.0.0.1", server_port=port, prevent_thread_lock=True,
               ssr_mode=False)
    yield f"http://127.0.0.1:{port}/"
    app.close()


def test_chat_answers_with_sources(chat_url):
    client = Client(chat_url, verbose=False)
    history, sources, box = client.predict("When is the NRC meeting?", [], api_name="/ask")
    last = history[-1]["content"]
    text = last if isinstance(last, str) else " ".join(p.get("text", "") for p in last)
    assert "12 January" in text and "[1]" in text
    assert "<mark>" in sources and "[1]" in sources
    assert box == ""


def test_chat_shows_friendly_message_for_empty_question(chat_url):
    client = Client(chat_url, verbose=False)
    history, _, _ = client.predict("   ", [], api_name="/ask")
    last = history[-1]["content"]
    text = last if isinstance(last, str) else " ".join(p.get("text", "") for p in last)
    assert "Please type a question" in text and "Traceback" not in text


def test_non_local_host_without_auth_is_refused(seeded_bot):
    with pytest.raises(ValueError, match="QA_AUTH"):
        serve(seeded_bot, host="0.0.0.0", port=free_port(), block=False)


def test_auth_parsing():
    assert parse_auth("ann:pw1,bob:pw2") == [("ann", "pw1"), ("bob", "pw2")]
    with pytest.raises(ValueError):
        parse_auth("nopassword")
    assert threading.active_count() >= 1


def test_markers_and_sources_agree_while_streaming_and_after_follow_up(seeded_bot):
    history, turns = [], []
    for question in ["When will the US-Russia security talks take place?", "And where?"]:
        steps = list(respond(seeded_bot, question, history, turns))
        assert len(steps) >= 2
        for chat, panel, box, state in steps:
            turn = len(state) - 1
            markers = set(re.findall(r'href="#src-(\d+)-(\d+)"', chat[-1]["content"]))
            shown = set(re.findall(r"id='src-(\d+)-(\d+)'", panel))
            assert markers <= shown, (markers, shown)
            assert all(int(t) == turn for t, _ in markers)
            assert box == ""
        history, _, _, turns = steps[-1]
    assert len(turns) == 2 and turns[1]["standalone"] != "And where?"
    assert "Gen" in turns[1]["answer"] and turns[1]["citations"]
    *_, (history, _, _, third) = respond(seeded_bot, "And on which day?", history, turns)
    assert "US-Russia" in third[2]["standalone"]  # a follow-up of a follow-up keeps the topic
    md = export_markdown(turns)
    assert "## 2. And where?" in md and "**Sources**" in md and "> " in md


def test_safe_name_keeps_uploads_in_their_folder():
    assert safe_name("../../etc/passwd.txt") == "passwd.txt"
    assert safe_name("..\\..\\evil.MD") == "evil.md"
    assert safe_name("Le monde: été 2022?.html") == "Le_monde_été_2022.html"
    assert safe_name(".bashrc.txt") == "bashrc.txt"
    assert safe_name("...") == "article"


def test_uploads_are_checked_before_anything_is_written(tmp_path):
    bot = QA(make_settings(tmp_path, max_upload_mb=1))
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    good = inbox / "good article.txt"
    good.write_text("Un article de test. Il parle de Genève et de Vienne en janvier.",
                    encoding="utf-8")
    binary = inbox / "broken.txt"
    binary.write_bytes(b"\x00\x01\x02 binary")
    empty = inbox / "empty.md"
    empty.write_text("  ", encoding="utf-8")
    big = inbox / "big.txt"
    big.write_text("mot " * 400_000, encoding="utf-8")
    pdf = inbox / "scan.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    saved, errors = save_uploads(bot, [str(p) for p in (good, binary, empty, big, pdf)])
    assert [p.name for p in saved] == ["good_article.txt"]
    assert saved[0].parent == bot.settings.upload_dir.resolve()
    assert sorted(p.name for p in bot.settings.upload_dir.iterdir()) == ["good_article.txt"]
    text = " | ".join(errors)
    assert "broken.txt" in text and "binary" in text
    assert "empty.md" in text and "big.txt" in text and "limit" in text
    assert "scan.pdf: unsupported type .pdf" in text
    assert str(inbox) not in text


def test_upload_never_writes_through_a_symlink(tmp_path):
    """A symbolic link already in the upload folder is not followed: the upload is refused."""
    bot = QA(make_settings(tmp_path))
    outside = tmp_path / "outside.txt"
    outside.write_text("keep me", encoding="utf-8")
    bot.settings.upload_dir.mkdir(parents=True, exist_ok=True)
    (bot.settings.upload_dir / "note.txt").symlink_to(outside)
    upload = tmp_path / "note.txt"
    upload.write_text("Un article de test sur Genève, Vienne et Bruxelles.", encoding="utf-8")
    saved, errors = save_uploads(bot, [str(upload)])
    assert saved == [] and "outside the upload folder" in errors[0]
    assert outside.read_text(encoding="utf-8") == "keep me"


def test_quick_answer_then_model_draft_then_verified_answer(seeded_bot, tmp_path):
    """QA_LLM=openai: the extractive answer shows at once, the model's text grows under it,
    and the model's verified answer replaces both."""

    def model(messages: list[dict]) -> str:
        n = next(n for n, text in re.findall(r'<passage n="(\d+)"[^>]*>\n(.*?)\n</passage>',
                                             messages[-1]["content"], re.S)
                 if "12 janvier" in text)
        return f"The NATO-Russia Council will meet on 12 January [{n}]."

    with LoopbackServer(scripted(model, delay=0.05)) as server:
        bot = QA(make_settings(tmp_path, llm="openai", llm_base_url=server.url, llm_retries=0))
        bot.__dict__.update(embedder=seeded_bot.embedder, store=seeded_bot.store,
                            retriever=seeded_bot.retriever)
        steps = list(respond(bot, "When is the NRC meeting?", [], []))
    bubbles = [chat[-1]["content"] for chat, _, _, _ in steps]
    quick = next(i for i, b in enumerate(bubbles) if "is writing an answer" in b)
    assert "12 January" in bubbles[quick] and 'class="qa-cite"' in bubbles[quick]
    drafts = [b for b in bubbles[quick + 1:] if "qa-draft" in b]
    assert drafts and all("12 January" in b for b in drafts)  # the quick answer stays above
    final, panel = bubbles[-1], steps[-1][1]
    assert "qa-draft" not in final and "is writing" not in final
    assert "The NATO-Russia Council will meet on 12 January" in final
    assert "src-0-1" in panel and "12 janvier" in panel
