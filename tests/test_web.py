"""The web chat served on a free loopback port and queried with gradio_client."""

import threading

import pytest
from gradio_client import Client

from qa.web import build_app, parse_auth, serve
from tests.conftest import free_port


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
