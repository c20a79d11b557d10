"""What a language model is shown: fixed system prompts, numbered passages made inert, and for
small local models only the best sentences of those passages.

The system prompt of each mode is FIXED (no question, no language), so llama.cpp's prompt cache
keeps it between questions; everything that varies comes last, in the user message.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from qa.answer.verify import strip_markers
from qa.results import Passage
from qa.settings import PROJECT_ROOT
from qa.text import detect_language

PROMPTS = PROJECT_ROOT / "prompts"
LANGUAGES = {"fr": "French", "en": "English"}
_SPECIAL = re.compile(r"<\|[^|>]{0,40}\|>|</?s>|\[/?INST\]|<</?SYS>>|</?passages?\b[^>]*>",
                      re.IGNORECASE)


def load_prompt(name: str) -> str:
    """A prompt template from `prompts/`."""
    return (PROMPTS / f"{name}.txt").read_text(encoding="utf-8").strip()


def fill(template: str, **values: str) -> str:
    """Replace `{name}` placeholders (and nothing else: passages may hold braces)."""
    for key, value in values.items():
        template = template.replace("{" + key + "}", value)
    return template


def sanitize(text: str) -> str:
    """Passage text made inert: no chat-template tokens or tags, no [n] look-alike markers."""
    text = _SPECIAL.sub(" ", text)
    return re.sub(r"\[(\d{1,3})\]", r"(\1)", text)


def format_passages(passages: list[Passage], title_chars: int = 300) -> str:
    """Numbered, delimited passages (titles cut to `title_chars`; none when 0)."""
    def title(p: Passage) -> str:
        text = sanitize(p.title).replace(chr(34), chr(39))
        if len(text) > title_chars:
            text = text[:title_chars].rsplit(" ", 1)[0] + "…" if title_chars else ""
        return f' title="{text}"' if text else ""

    return "\n".join(f'<passage n="{i}"{title(p)}{passage_attributes(p)}>\n'
                     f"{sanitize(p.text).strip()}\n</passage>" for i, p in enumerate(passages, 1))


def format_excerpts(passages: list[Passage]) -> str:
    """One line a passage, `[n] text`, for a small local model: every prompt token costs time
    on 2 cores, so no tags and no titles; the article's outlet and date, when known, lead."""
    def known(p: Passage) -> str:
        facts = [sanitize(v) for v in (p.outlet, p.published) if v]
        return f"({', '.join(facts)}) " if facts else ""

    return "\n".join(f"[{i}] {known(p)}{' '.join(sanitize(p.text).split())}"
                      for i, p in enumerate(passages, 1))


def passage_attributes(p: Passage) -> str:
    """' outlet="..." published="YYYY-MM-DD"' for what is known of a passage's article."""
    known = {"outlet": p.outlet, "published": p.published}
    return "".join(f' {k}="{sanitize(v).replace(chr(34), chr(39))}"'
                   for k, v in known.items() if v)


def answer_messages(question: str, passages: list[Passage], language: str,
                    local: bool = False) -> list[dict]:
    """The chat messages asking for a cited answer: a fixed system prompt (cacheable), then
    the passages, the question and the answer language."""
    name = LANGUAGES.get(language, "English")
    system, user = ("system_local", "answer_local") if local else ("system", "answer")
    shown = format_excerpts(passages) if local else format_passages(passages)
    return [{"role": "system", "content": load_prompt(system)},
            {"role": "user", "content": fill(load_prompt(user), language=name, passages=shown,
                                             question=sanitize(question))}]


def rewrite_messages(question: str, history: list[dict[str, Any]]) -> list[dict]:
    """The chat messages asking for a standalone version of a follow-up question."""
    lines = []
    for turn in (history or [])[-6:]:
        content = turn.get("content") if isinstance(turn, dict) else None
        if isinstance(content, str) and content.strip():
            who = "User" if turn.get("role") == "user" else "Assistant"
            lines.append(f"{who}: {sanitize(strip_markers(content)).strip()[:400]}")
    language = LANGUAGES.get(detect_language(question), "English")
    return [{"role": "user", "content": fill(load_prompt("rewrite"), language=language,
                                             history="\n".join(lines),
                                             question=sanitize(question))}]


def within(spans: list[tuple[Passage, int, int]], chars: int, keep: int = 2
           ) -> list[tuple[Passage, int, int]]:
    """The sentence spans, best first, that fit in `chars` characters (0 = all); the first
    `keep` always, and a sentence that does not fit is skipped for a shorter one after it."""
    if not chars:
        return spans
    chosen, used = [], 0
    for span in spans:
        size = span[2] - span[1]
        if len(chosen) < keep or used + size <= chars:
            chosen.append(span)
            used += size
    return chosen


def excerpts(passages: list[Passage], best: list[tuple[Passage, int, int]],
             max_passages: int) -> tuple[list[Passage], list[Passage]]:
    """The passages holding the best sentences (`best`: passage and sentence span, best first),
    at most `max_passages`, numbered in order of their best sentence.

    Returns (shown, full): `shown[i]` holds only the chosen sentences of `full[i]`, in text
    order, so a small model reads a short prompt while its [i+1] still cites the whole passage
    (which the verifier checks and the citation quotes)."""
    spans: dict[str, list[tuple[int, int]]] = {}
    by_id = {p.id: p for p in passages}
    for passage, start, end in best:
        if passage.id in spans:
            spans[passage.id].append((start, end))
        elif len(spans) < max_passages:
            spans[passage.id] = [(start, end)]
    full = [by_id[pid] for pid in spans]
    shown = [replace(p, text=" ".join(p.text[a:b].strip() for a, b in sorted(spans[p.id])))
             for p in full]
    return shown, full
