"""Follow-up questions: turn "and where?" into a standalone question using the chat history.

A generator that can rewrite (an LLM) does it with the prompt in `prompts/rewrite.txt`;
otherwise rules keep the topic of the conversation: a follow-up that cannot stand alone (no
named thing of its own, a pronoun such as his/her/its/their/il/elle, "and where?", "et
Borrell ?") gets the previous question and the short answer given to it as context in
brackets, and "what about X?" swaps X into the previous question. A question that names its
own subject ("Who is Borrell?") is left as it is.
"""

from __future__ import annotations

import re
from typing import Any

from qa.answer import REFUSALS
from qa.answer.kinds import question_kind
from qa.text import STOPWORDS, words

_FOLLOW_UP_START = re.compile(
    r"^(and|et|also|aussi|what about|how about|et pour|et concernant|and about|et sur|then|"
    r"alors|puis|same for|pareil pour|idem pour)\b", re.IGNORECASE)
_SWAP = re.compile(r"^\W*(?:and|et|what about|how about|et pour|et concernant|and about|"
                   r"et sur|same for|pareil pour|idem pour)\s+(?:for\s+|pour\s+)?(.+?)\s*[?.!]*$",
                   re.IGNORECASE)
_PRONOUNS = {"it", "he", "she", "they", "them", "him", "his", "her", "its", "their", "theirs",
             "this", "that", "these", "those", "there", "il", "elle", "ils", "elles", "cela",
             "ca", "celle", "celui", "ceux", "lui", "leur", "leurs", "son", "sa", "ses", "y",
             "la-bas"}
_PERSONAL = {"he", "she", "him", "his", "her", "hers", "il", "elle", "lui"}  # a person named before
_DEMONSTRATIVES = {"ce", "cet", "cette", "ces", "this", "that", "these", "those", "such"}
_WH = {"who", "what", "when", "where", "which", "why", "how", "qui", "que", "quoi", "quand",
       "ou", "quel", "quelle", "quels", "quelles", "pourquoi", "comment", "combien"}
_MARKER = re.compile(r"\[\d+\]")
_FRAME = re.compile(r"^(source|the articles say|d'après les articles)\b", re.IGNORECASE)


def _turns(history: list[dict[str, Any]], role: str) -> list[str]:
    return [t["content"].strip() for t in history or []
            if isinstance(t, dict) and t.get("role") == role
            and isinstance(t.get("content"), str) and t["content"].strip()]


def last_user_question(history: list[dict[str, Any]]) -> str | None:
    """The most recent user turn of a role/content history."""
    turns = _turns(history, "user")
    return turns[-1] if turns else None


def last_short_answer(history: list[dict[str, Any]]) -> str:
    """The short answer of the most recent assistant turn (its lead, without markers); '' for a
    refusal or an answer that only quotes."""
    turns = _turns(history, "assistant")
    if not turns:
        return ""
    lead = turns[-1].split("\n\n", 1)[0].strip()
    if _FRAME.match(lead) or lead in REFUSALS.values() or len(lead) > 300:
        return ""  # a refusal or a quote-only answer: no short answer to carry over
    return _MARKER.sub("", lead).strip(" .")


def named_things(text: str) -> list[str]:
    """Capitalised words and acronyms of `text` other than its first word ("Borrell", "NRC")."""
    tokens = re.findall(r"[\w'’-]+", text)
    out = []
    for i, token in enumerate(tokens):
        bare = re.sub(r"^[lLdD]['’]", "", token)
        if not bare[:1].isupper() or (i == 0 and bare == token and not bare.isupper()):
            continue
        if bare.lower() in _WH or bare == "I":
            continue
        out.append(bare)
    return out


def needs_context(question: str) -> bool:
    """True for a question that cannot stand alone: no named thing of its own and too short,
    or a pronoun with nothing named to refer to, or a bare "and X?"."""
    tokens = words(question)
    folded = " ".join(tokens)
    names = named_things(question)
    bare = re.sub(r"\b\w+-(?:t-)?(?:il|elle|ils|elles|on)\b", " ", question)  # a-t-il, est-elle
    pronouns = [t for t in words(bare) if t in _PRONOUNS]
    content = [t for t in tokens if t not in STOPWORDS and len(t) > 2]
    if _FOLLOW_UP_START.match(folded) and not any(t in _WH for t in tokens[1:3]) and names:
        return True  # "et Borrell ?", "what about Lavrov?"
    if _FOLLOW_UP_START.match(folded):
        return True  # "and...", "et..." continues the conversation
    if names:  # named things of its own, unless a person is still referred to ("he chairs")
        return any(t in _PERSONAL for t in pronouns)
    demonstrative = any(t in _DEMONSTRATIVES for t in tokens[1:])
    return bool(pronouns) or demonstrative or len(content) <= 2


def standalone_question(question: str, history: list[dict[str, Any]], answerer: Any) -> str:
    """A question that can be retrieved and answered on its own, in the user's language."""
    previous = last_user_question(history)
    if not previous:
        return question
    rewrite = getattr(answerer, "rewrite", None)
    if rewrite is not None:
        rewritten = rewrite(question, history)
        if rewritten:
            return rewritten
    if not needs_context(question):
        return question
    swap = _SWAP.match(question)
    if swap and not any(t in _WH for t in words(swap.group(1))[:2]):
        swapped = _swap_subject(previous, swap.group(1))
        if swapped:
            return swapped
    context = previous
    short = last_short_answer(history)
    if short and question_kind(previous).kind != "yesno":
        context = f"{previous} {short}"
    return f"{question} ({context})"


def _swap_subject(previous: str, subject: str) -> str | None:
    """The previous question about `subject` instead of its own named thing, if it has one."""
    names = named_things(previous)
    if not names:
        return None
    first = previous.find(names[0])
    last = previous.find(names[-1]) + len(names[-1])
    run = previous[first:last]
    if len(run.split()) > 4:  # several separate names: swap only the first
        run = names[0]
    return previous.replace(run, subject.strip(), 1)
