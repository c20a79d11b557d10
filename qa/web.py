"""The web chat (Gradio): questions in, streamed answers with [n] markers and a Sources panel.

A thin interface over `qa.service.QA`: it never touches the store or a model directly. Errors
become friendly messages in the chat; no traceback reaches the page.
"""

from __future__ import annotations

import html
import logging
import os
from collections.abc import Iterator
from typing import Any

import gradio as gr

from qa.results import Answer, Citation
from qa.service import QA, QuestionError
from qa.store import StoreError, StoreUnavailable

log = logging.getLogger(__name__)

EXAMPLES = [
    "Quand aura lieu la réunion du Conseil OTAN-Russie ?",
    "When is the NRC meeting?",
    "Qui est le secrétaire général de l'OTAN ?",
    "Combien de diplomates russes l'OTAN a-t-elle expulsés en octobre ?",
]
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}

CSS = """
.qa-source { border: 1px solid var(--border-color-primary); border-radius: 8px;
             padding: 8px 12px; margin: 6px 0; }
.qa-source mark { background: #ffe58f; padding: 0 2px; }
.qa-source .qa-meta { font-size: 0.85em; opacity: 0.8; }
.qa-refused { border-left: 4px solid #d48806; padding-left: 8px; }
"""


def sources_html(citations: list[Citation]) -> str:
    """The Sources panel: each cited passage with its supporting quote highlighted."""
    if not citations:
        return "<div class='qa-sources-empty'>No sources for this answer.</div>"
    parts = []
    for c in citations:
        passage = c.text
        span = c.quote_span
        if span:
            a, b = span
            body = (html.escape(passage[:a]) + "<mark>" + html.escape(passage[a:b]) +
                    "</mark>" + html.escape(passage[b:]))
        else:
            body = html.escape(passage)
        parts.append(
            f"<details class='qa-source' id='source-{c.number}' open>"
            f"<summary><b>[{c.number}]</b> {html.escape(c.title)}</summary>"
            f"<div class='qa-meta'>{html.escape(c.doc_id)} · characters {c.start}–{c.end}</div>"
            f"<p>{body.replace(chr(10), '<br>')}</p></details>")
    return "".join(parts)


def render_answer(answer: Answer) -> str:
    """The chat bubble text of an answer (Markdown)."""
    text = answer.text
    if answer.refused:
        text = f"⚠️ {text}"
    if answer.notice:
        text += f"\n\n_{answer.notice}_"
    return text


def friendly_error(exc: Exception) -> str:
    """A message for people, never a traceback."""
    if isinstance(exc, QuestionError):
        return f"⚠️ {exc}"
    if isinstance(exc, StoreUnavailable):
        return ("⚠️ The article index is unreachable right now (the Chroma server does not "
                "answer). Please try again in a moment.")
    if isinstance(exc, StoreError):
        return f"⚠️ The article index cannot be used: {exc}"
    return "⚠️ Something went wrong while answering. Please try again."


def respond(bot: QA, message: str, history: list[dict[str, Any]]
            ) -> Iterator[tuple[list[dict[str, Any]], str, str]]:
    """Chat handler: yields (history, sources panel, cleared textbox) as the answer streams."""
    history = list(history or [])
    prior = [dict(role=m["role"], content=_content_text(m["content"])) for m in history]
    history.append({"role": "user", "content": message})
    history.append({"role": "assistant", "content": "…"})
    yield history, "", ""
    try:
        for answer in bot.stream_ask(message, prior):
            history[-1] = {"role": "assistant", "content": render_answer(answer)}
            yield history, sources_html(answer.citations), ""
    except Exception as exc:
        log.warning("answer failed: %s", type(exc).__name__, exc_info=True)
        history[-1] = {"role": "assistant", "content": friendly_error(exc)}
        yield history, "", ""


def _content_text(content: Any) -> str:
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return " ".join(str(p.get("text", "")) if isinstance(p, dict) else str(p)
                        for p in content)
    return str(content)


def build_app(bot: QA) -> gr.Blocks:
    """The Gradio Blocks app of the chat."""
    with gr.Blocks(title="Questions sur les articles") as app:
        gr.Markdown("## Ask the articles · Interrogez les articles")
        with gr.Row():
            with gr.Column(scale=3):
                chatbot = gr.Chatbot(label="Chat", height=480, elem_id="chat")
                box = gr.Textbox(placeholder="Ask a question in French or English…",
                                 show_label=False, elem_id="question", submit_btn=True)
                gr.Examples(EXAMPLES, inputs=box)
                clear = gr.Button("New conversation", elem_id="new-chat")
            with gr.Column(scale=2):
                gr.Markdown("### Sources")
                sources = gr.HTML(elem_id="sources")
        box.submit(lambda m, h: (yield from respond(bot, m, h)), [box, chatbot],
                   [chatbot, sources, box], api_name="ask")
        clear.click(lambda: ([], "", ""), None, [chatbot, sources, box], api_name=False)
    return app


def parse_auth(value: str | None) -> list[tuple[str, str]] | None:
    """`user:password[,user2:password2]`, or a path to a file with one pair a line."""
    if not value:
        return None
    if os.path.isfile(value):
        with open(value, encoding="utf-8") as fh:
            value = ",".join(line.strip() for line in fh if line.strip())
    pairs = []
    for item in value.split(","):
        user, sep, password = item.partition(":")
        if not sep or not user or not password:
            raise ValueError("QA_AUTH must be user:password pairs separated by commas, "
                             "or a file of such lines")
        pairs.append((user.strip(), password))
    return pairs


def serve(bot: QA, host: str | None = None, port: int | None = None,
          insecure: bool = False, block: bool = True) -> int:
    """Index the bundled corpus if needed, then serve the chat."""
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    settings = bot.settings
    host = host or settings.host
    port = port or settings.port
    auth = parse_auth(settings.auth)
    if host not in LOCAL_HOSTS and not auth and not insecure:
        raise ValueError(f"Refusing to serve on {host} without QA_AUTH: set QA_AUTH=user:password "
                         "or pass --insecure.")
    report = bot.ensure_corpus()
    if report:
        print(f"indexed the bundled articles: {report.summary()}")
    app = build_app(bot)
    app.queue(default_concurrency_limit=4)
    print(f"chat on http://{host}:{port}")
    app.launch(server_name=host, server_port=port, auth=auth, show_error=False,
               prevent_thread_lock=not block, css=CSS, footer_links=[], ssr_mode=False)
    return 0
