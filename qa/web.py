"""The web chat (Gradio): streamed answers with [n] markers, a Sources panel, uploads, history.

A thin interface over `qa.service.QA`: it never touches the store or a model directly. Errors
become friendly messages in the chat; no traceback reaches the page. Each browser keeps its own
conversation in `gr.BrowserState` (encrypted localStorage), so a reload restores it and no other
browser ever sees it. Rendering lives in `qa.web_render`, the Articles tab's handlers in
`qa.web_articles`.
"""

from __future__ import annotations

import html
import logging
import os
import re
import secrets
import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import gradio as gr

from qa.results import Answer
from qa.service import QA, QuestionError
from qa.web_articles import add_addresses, articles_view, remove_article, upload_articles
from qa.web_render import (
    CSS,
    EMPTY_SOURCES,
    HEAD,
    MARKER,
    THINKING,
    export_markdown,
    friendly_error,
    render_answer,
    render_error,
    sources_html,
    turn_record,
    turn_sources_html,
)

__all__ = ["CSS", "build_app", "launch_options", "parse_auth", "render_answer", "respond",
           "serve", "sources_html"]

log = logging.getLogger(__name__)

EXAMPLES = [
    "Quand aura lieu la réunion du Conseil OTAN-Russie ?",
    "When is the NRC meeting?",
    "Qui est le secrétaire général de l'OTAN ?",
    "Combien de diplomates russes l'OTAN a-t-elle expulsés en octobre ?",
]
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}
STATE_VERSION = 1
MAX_SAVED_TURNS = 50  # what the browser keeps (localStorage is small)
EXPORT_TTL_S = 24 * 3600
Turns = list[dict[str, Any]]
History = list[dict[str, Any]]


# -- chat ----------------------------------------------------------------------------------
def content_text(content: Any) -> str:
    """The text of a chat message's content (a string, or Gradio's list of text parts)."""
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return " ".join(str(p.get("text", "")) if isinstance(p, dict) else str(p)
                        for p in content)
    if isinstance(content, dict):
        return str(content.get("text", ""))
    return str(content or "")


def _normalize(history: History | None) -> History:
    """Role/content dicts with string content (Gradio may send content as a list of parts)."""
    out = []
    for m in history or []:
        if isinstance(m, dict) and m.get("role") in {"user", "assistant"}:
            out.append({"role": m["role"], "content": content_text(m.get("content"))})
    return out


def _align(turns: Turns | None, history: History) -> Turns:
    """One turn record per assistant message (records missing for API callers are filled in)."""
    turns = list(turns or [])
    answers = [i for i, m in enumerate(history) if m["role"] == "assistant"]
    if len(turns) > len(answers):
        turns = turns[: len(answers)]
    for i in answers[len(turns):]:
        question = history[i - 1]["content"] if i and history[i - 1]["role"] == "user" else ""
        plain = re.sub(r"<[^>]+>", "", history[i]["content"])
        turns.append({"question": question, "answer": plain, "refused": False, "error": False,
                      "citations": [], "standalone": question})
    return turns


def _prior(turns: Turns) -> History:
    """The conversation so far, as plain text for the follow-up rewriter; each question as the
    bot understood it (a follow-up of a follow-up keeps the first question's topic)."""
    prior: History = []
    for t in turns:
        prior.append({"role": "user", "content": t.get("standalone") or t.get("question", "")})
        prior.append({"role": "assistant", "content": t.get("answer", "")})
    return prior


def respond(bot: QA, message: str, history: History | None, turns: Turns | None = None
            ) -> Iterator[tuple[History, str, str, Turns]]:
    """Chat handler: yields (history, Sources panel, cleared textbox, turns) as the answer grows.

    The bubble and the panel of each yield come from the same partial `Answer`, so markers and
    sources always agree while streaming.
    """
    history = _normalize(history)
    turns = _align(turns, history)
    prior = _prior(turns)
    turn = len(turns)
    message = message if isinstance(message, str) else ""
    history.append({"role": "user", "content": message})
    history.append({"role": "assistant", "content": THINKING})
    pending = [*turns, turn_record(message, error="…")]
    yield list(history), EMPTY_SOURCES, "", pending
    articles: dict[str, str | None] = {}

    def article(doc_id: str) -> str | None:
        if doc_id not in articles:
            articles[doc_id] = bot.article_text(doc_id)
        return articles[doc_id]

    panel, shown, quick = EMPTY_SOURCES, None, None
    try:
        answer: Answer
        for answer in bot.stream_ask(message, prior):
            if answer.provisional and quick is None:
                quick = answer  # the extractive answer, shown while the model writes
            if answer.provisional and quick is not None and answer is not quick:
                # The model's growing text under the quick answer, until the final replaces both.
                history[-1] = {"role": "assistant", "content": render_draft(quick, answer, turn)}
                yield list(history), panel, "", [*turns, turn_record(message, quick)]
                continue
            history[-1] = {"role": "assistant", "content": render_answer(answer, turn)}
            key = (answer.refused, tuple((c.number, c.passage_id, c.quote)
                                         for c in answer.citations))
            if key != shown:
                panel = sources_html(answer.citations, turn, message,
                                     answer.standalone_question, article, answer.refused)
                shown = key
            yield list(history), panel, "", [*turns, turn_record(message, answer)]
    except Exception as exc:
        if not isinstance(exc, QuestionError):
            log.warning("answer failed: %s", type(exc).__name__, exc_info=True)
        text = friendly_error(exc)
        history[-1] = {"role": "assistant", "content": render_error(text)}
        yield history, EMPTY_SOURCES, "", [*turns, turn_record(message, error=text)]


def render_draft(quick: Answer, draft: Answer, turn: int) -> str:
    """The quick (extractive) answer with the model's unverified growing text below it."""
    text = html.escape(MARKER.sub("", draft.text).strip(), quote=False)
    return (render_answer(quick, turn) + f'\n\n<div class="qa-thinking qa-draft">✎ {text}…</div>')


def _turn_of(index: Any, turns: Turns) -> int | None:
    """The turn shown by a click on chat message `index` (a question shows its answer)."""
    if isinstance(index, (list, tuple)):
        index = index[0] if index else None
    if not isinstance(index, int):
        return None
    return min(max(index // 2, 0), len(turns) - 1) if turns else None


# -- persistence ---------------------------------------------------------------------------
def _user(request: gr.Request | None) -> str:
    return str(getattr(request, "username", "") or "") if request is not None else ""


def _export_file(turns: Turns) -> str | None:
    """Write the conversation as Markdown to a fresh temporary file (None when empty)."""
    if not turns:
        return None
    root = Path(tempfile.gettempdir()) / "qa-exports"
    try:
        for old in root.iterdir() if root.is_dir() else []:
            if old.is_dir() and time.time() - old.stat().st_mtime > EXPORT_TTL_S:
                shutil.rmtree(old, ignore_errors=True)
    except OSError:
        pass
    folder = root / secrets.token_hex(12)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"conversation-{time.strftime('%Y%m%d-%H%M', time.gmtime())}.md"
    path.write_text(export_markdown(turns), encoding="utf-8")
    return str(path)


def _web_secret(bot: QA) -> str:
    """A stable secret for the browser-side state, so conversations survive a server restart."""
    path = Path(bot.settings.store_path) / ".web_secret"
    try:
        if path.is_file():
            value = path.read_text(encoding="utf-8").strip()
            if len(value) >= 16:
                return value
        path.parent.mkdir(parents=True, exist_ok=True)
        value = secrets.token_urlsafe(24)
        path.write_text(value, encoding="utf-8")
        path.chmod(0o600)
        return value
    except OSError:
        return secrets.token_urlsafe(24)


# -- app -----------------------------------------------------------------------------------
def build_app(bot: QA) -> gr.Blocks:
    """The Gradio Blocks app of the chat."""
    with gr.Blocks(title="Questions sur les articles") as app:
        saved = gr.BrowserState({"v": STATE_VERSION, "user": "", "history": [], "turns": []},
                                storage_key="qa-news-conversation", secret=_web_secret(bot))
        turns = gr.State([])
        gr.Markdown("## Ask the articles · Interrogez les articles")
        with gr.Tabs():
            with gr.Tab("Chat", id="chat-tab"), gr.Row(equal_height=False):
                with gr.Column(scale=3, min_width=320):
                    chatbot = gr.Chatbot(
                        label="Chat", height=520, elem_id="chat", feedback_options=None,
                        buttons=["copy", "copy_all"],
                        examples=[{"text": q} for q in EXAMPLES],
                        placeholder="Ask in French or English. Every claim is cited [1] "
                                    "with the passage it comes from.")
                    box = gr.Textbox(placeholder="Ask a question in French or English…",
                                     show_label=False, elem_id="question", submit_btn=True)
                    with gr.Row():
                        new_chat = gr.Button("New conversation", elem_id="new-chat",
                                             size="sm")
                        export = gr.DownloadButton("Export (Markdown)", elem_id="export",
                                                   size="sm", interactive=False)
                with gr.Column(scale=2, min_width=300):
                    gr.Markdown("### Sources")
                    sources = gr.HTML(EMPTY_SOURCES, elem_id="sources")
            with gr.Tab("Articles", id="articles-tab"):
                files = gr.File(label="Add articles (.txt, .md, .html)", file_count="multiple",
                                elem_id="upload", height=140)
                gr.Markdown(f"Several files at once, up to {bot.settings.max_upload_mb} MB "
                            "each. They are stored on this server and indexed right away.",
                            elem_classes=["qa-meta"])
                with gr.Row():  # pages and feeds (qa.fetch, qa.remote)
                    address = gr.Textbox(label="Add a web page or an RSS/Atom feed",
                                         placeholder="https://…", scale=4, elem_id="address")
                    fetch_btn = gr.Button("Fetch and index", scale=1, elem_id="fetch")
                status = gr.HTML(elem_id="upload-status")
                gr.Markdown("### Indexed articles")
                docs_table = gr.HTML(elem_id="articles")
                with gr.Row():
                    pick = gr.Dropdown(label="Remove an article", choices=[], scale=4,
                                       elem_id="remove-pick")
                    remove_btn = gr.Button("Remove", variant="stop", scale=1,
                                           elem_id="remove")

        chat_out = [chatbot, sources, box, turns]

        def ask(message: str, history: History, turn_list: Turns):
            yield from respond(bot, message, history, turn_list)

        def ask_example(history: History, turn_list: Turns, evt: gr.SelectData):
            value = evt.value if isinstance(evt.value, dict) else {"text": str(evt.value)}
            yield from respond(bot, str(value.get("text", "")), history, turn_list)

        def persist(history: History, turn_list: Turns, request: gr.Request):
            kept = turn_list[-MAX_SAVED_TURNS:]
            messages = _normalize(history)[-2 * len(kept):] if kept else []
            state = {"v": STATE_VERSION, "user": _user(request), "history": messages,
                     "turns": kept}
            path = _export_file(turn_list)
            return state, gr.update(value=path, interactive=path is not None)

        def restore(state: dict[str, Any] | None, request: gr.Request):
            state = state if isinstance(state, dict) else {}
            if state.get("v") != STATE_VERSION or state.get("user", "") != _user(request):
                state = {}
            history = _normalize(state.get("history"))
            turn_list = _align(state.get("turns"), history)
            path = _export_file(turn_list)
            return (history, turn_list, turn_sources_html(turn_list, None, _article),
                    gr.update(value=path, interactive=path is not None))

        def _article(doc_id: str) -> str | None:
            return bot.article_text(doc_id)

        def show_turn(turn_list: Turns, evt: gr.SelectData):
            turn = _turn_of(evt.index, turn_list)
            return gr.skip() if turn is None else turn_sources_html(turn_list, turn, _article)

        def new_conversation():
            return [], [], EMPTY_SOURCES, ""

        def upload(paths: list[str] | None, progress: gr.Progress = gr.Progress()):  # noqa: B008
            return upload_articles(bot, paths, progress)

        def add_address(text: str, progress: gr.Progress = gr.Progress()):  # noqa: B008
            return add_addresses(bot, text, progress)

        def remove(doc_id: str | None):
            return remove_article(bot, doc_id)

        box.submit(ask, [box, chatbot, turns], chat_out, api_name="ask").then(
            persist, [chatbot, turns], [saved, export], api_name=False)
        chatbot.example_select(ask_example, [chatbot, turns], chat_out, api_name=False).then(
            persist, [chatbot, turns], [saved, export], api_name=False)
        chatbot.clear(new_conversation, None, chat_out, api_name=False).then(
            persist, [chatbot, turns], [saved, export], api_name=False)
        chatbot.select(show_turn, [turns], [sources], api_name=False)
        new_chat.click(new_conversation, None, chat_out, api_name=False).then(
            persist, [chatbot, turns], [saved, export], api_name=False)
        files.upload(upload, [files], [status, docs_table, pick, files], api_name=False,
                     show_progress_on=files)
        for trigger in (fetch_btn.click, address.submit):
            trigger(add_address, [address], [status, docs_table, pick, address], api_name=False,
                    show_progress_on=status)
        remove_btn.click(remove, [pick], [status, docs_table, pick], api_name=False)
        app.load(restore, [saved], [chatbot, turns, sources, export], api_name=False)
        app.load(lambda: articles_view(bot, ""), None, [status, docs_table, pick],
                 api_name=False)
    return app


def launch_options(bot: QA) -> dict[str, Any]:
    """Keyword arguments for `Blocks.launch` that the page needs (style, script, limits)."""
    return {"css": CSS, "head": HEAD, "show_error": False, "footer_links": [],
            "ssr_mode": False, "max_file_size": f"{bot.settings.max_upload_mb}mb"}


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
    bot.warm_up()  # a configured model loads while the page opens, not on the first question
    app = build_app(bot)
    app.queue(default_concurrency_limit=4)
    print(f"chat on http://{host}:{port}")
    app.launch(server_name=host, server_port=port, auth=auth, prevent_thread_lock=not block,
               **launch_options(bot))
    return 0
