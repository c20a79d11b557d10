"""A follow-up's sentences as the conversation orders them, and what the previous answer's
sentence cannot answer.

The ranked sentences of a follow-up are kept on its person's articles (`qa.answer.followup`),
rid of the previous answer's sentence when it says nothing new of the asked type
(`qa.answer.previous`), and led by that sentence when the follow-up asks who said it
(`qa.answer.speaker`).

The context a follow-up is read with (the previous question and answer) says where the
conversation is, not which sentence answers: the sentence nearest to it is the one that
answered already. So a sentence holding none of the follow-up's own words (as such, as a cognate
or a close translation) yields to one of the next few, nearly as high, that holds some ("How
did the crowd greet her?": the crowd's sentence, not the race result); and when an untyped
follow-up ("why?", "pour quelle raison ?") still ranks the previous answer's sentence first,
the sentence continuing it (opening on a pronoun or demonstrative that stands for it: "Cette
décision est intervenue en réponse à...") answers when, read after it, it is at least as close
to the follow-up.

A follow-up asking no typed fact ("what did they decide?", "why?") whose best sentence is still
the one that answered the previous turn, in its own language, while holding none of its own
words (not even as a cognate or a word the embedder puts close, "launch" / "went perfectly":
`qa.answer.followup.asks_beyond`), was ranked there by the conversation's context alone: the
articles do not say what it asks, and it is refused. Across languages it is not: the embedder
cannot tell a translation from a neighbour there (qa.answer.crosslang).
"""

from __future__ import annotations

from typing import Any

from qa.answer.evidence import TYPED_KINDS
from qa.answer.followup import asks_beyond, on_topic
from qa.answer.gate import antecedent, language_pair
from qa.answer.kinds import question_kind
from qa.answer.previous import fresh, said_before
from qa.answer.speaker import speaker_first
from qa.answer.vectors import WordVectors

# How far below the best sentence one holding the follow-up's own words may rank
# and still answer it instead.
OWN_WORDS_MARGIN = 0.03
# How many of the next sentences are read for one holding the follow-up's own words.
OWN_WORDS_DEPTH = 4


def in_conversation(question: str, ranked: list[Any],
                    vectors: WordVectors | None = None) -> list[Any]:
    """The ranked sentences of a (possibly resolved) question as its conversation orders
    them (see the module docstring); a question without history is returned as ranked."""
    ranked = speaker_first(question, fresh(question, on_topic(question, ranked)))
    return continued(question, own_words_first(question, ranked, vectors), vectors)


def continued(question: str, ranked: list[Any], vectors: WordVectors | None) -> list[Any]:
    """The ranked sentences with the one continuing the previous answer's sentence first
    ("Cette décision est intervenue en réponse à..." after "Moscou a annoncé qu'il
    suspendrait..."), when an untyped follow-up's best sentence is that previous one and the
    continuation, read after it, is at least as close to the follow-up."""
    if not ranked or question_kind(question).kind in TYPED_KINDS or not said_before(
            ranked[0].text):
        return ranked
    top = ranked[0]
    for i, c in enumerate(ranked[1:], start=1):
        if (c.passage.doc_id == top.passage.doc_id and antecedent(c).strip() == top.text.strip()
                and c.similarity >= top.similarity and not asks_beyond(question, c.text, vectors)):
            return [c, *ranked[:i], *ranked[i + 1:]]
    return ranked


def own_words_first(question: str, ranked: list[Any],
                    vectors: WordVectors | None) -> list[Any]:
    """The ranked sentences with the first of the next few (within `OWN_WORDS_MARGIN`) that
    holds the follow-up's own words (as such, as cognates or close translations) ahead of
    the best one, when that one leads only by the context: it holds none of them."""
    if not ranked or not asks_beyond(question, ranked[0].text, vectors):
        return ranked
    for i, c in enumerate(ranked[1:OWN_WORDS_DEPTH + 1], start=1):
        if c.score < ranked[0].score - OWN_WORDS_MARGIN:
            break
        if not asks_beyond(question, c.text, vectors):
            return [c, *ranked[:i], *ranked[i + 1:]]
    return ranked


def beyond_previous(question: str, best: Any, vectors: WordVectors | None) -> str:
    """'asks beyond' when an untyped follow-up's best sentence answered the previous turn,
    is in the follow-up's language and holds none of its own words; else ''."""
    if (said_before(best.text) and language_pair(question, best.passage) == "same"
            and asks_beyond(question, best.text, vectors)):
        return "asks beyond"
    return ""
