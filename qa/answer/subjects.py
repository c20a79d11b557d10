"""Is the best sentence's fact about the thing the question names, or about something else?

A sentence holding every word of a question may say them of another subject: "How old is
Ilse Marten?" gets "said the 29-year-old, who trains in the hills" from an article that names her
further down but speaks of another runner there; "Qui représentait l'Ukraine à la réunion ?"
gets a sentence about the expelled diplomats. A sentence that states a fact about a named thing
names it, or follows a sentence that does (it says "he", "the 31-year-old"), or sits in an
article headed by it ("The project will cost..." under "Council backs Larch Hill solar park").
So a name of the question that its article holds, but neither the sentence, the sentence
before it nor the title, shows the fact is of something else (`distant_names`). Names the
question attributes a claim to ("according to X", "selon X") are its source, not its subject,
and one after an indefinite article ("un Français") is anyone of a kind.
Across languages a name is matched through its translation (`qa.answer.crosslang.translated`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from qa.answer.crosslang import translated
from qa.answer.dates import WEEKDAYS_EN, WEEKDAYS_FR
from qa.answer.evidence import MONTHS_EN, MONTHS_FR
from qa.answer.kinds import without_context
from qa.answer.rewrite import name_runs
from qa.results import Passage
from qa.text import detect_language, fold, split_sentences

if TYPE_CHECKING:
    from qa.answer.extractive import Candidate
    from qa.answer.vectors import WordVectors

# A claim's source, not its subject (language data): "according to X", "selon X".
_ATTRIBUTED = re.compile(r"\b(?:according to|selon|d['’]apr[eè]s|in the view of)\s+[^,?]*",
                         re.IGNORECASE)
# Indefinite articles (language data; French "a" is a verb: "Quel âge a X ?").
_INDEFINITE = {"fr": "un|une|Un|Une", "en": "a|an|A|An"}
# Capitalised words that are not names of things (language data).
_NOT_NAMES = frozenset(fold(m) for m in MONTHS_FR + MONTHS_EN + WEEKDAYS_FR + WEEKDAYS_EN)


def distant_names(question: str, best: Candidate, passages: list[Passage],
                  language: str, vectors: WordVectors | None = None) -> list[str]:
    """The names of the question (runs of capitalised words) that the best sentence's article
    holds in its retrieved passages but neither the sentence, the sentence before it nor the
    article's title: the sentence speaks of something else. Empty when the sentence opens its
    passage past the article's start (the sentence before it is not at hand)."""
    previous = sentence_before(best, language)
    if previous is None:
        return []
    own = _ATTRIBUTED.sub(" ", without_context(question))
    # "un Français", "an American": anyone of a kind, not a thing the article names
    indefinite = _INDEFINITE.get(detect_language(own), "")
    own = re.sub(rf"\b(?:{indefinite})\s+[^\W\d_][\w'’-]*", " ", own) if indefinite else own
    names = [n for n in name_runs(own) if fold(n) not in _NOT_NAMES]
    if not names:
        return []
    near = f"{best.passage.title}\n{previous}\n{best.text}"
    article = "\n".join(f"{p.title}\n{p.text}" for p in passages
                        if p.doc_id == best.passage.doc_id)
    # the article must hold it as a name (capitalised): "un Français" asks about anyone
    # French, and a fiche saying "français" of its subject never names that as a thing
    return [n for n in names
            if not _holds(near, n, vectors) and _holds(article, n, vectors, as_name=True)]


def sentence_before(best: Candidate, language: str) -> str | None:
    """The sentence before the candidate in its passage ('' at the article's start, None when
    the passage starts past it and the sentence before is in another passage)."""
    head = best.passage.text[:best.start]
    spans = [(a, b) for a, b in split_sentences(head, language) if head[a:b].strip()]
    if spans:
        return head[spans[-1][0]:spans[-1][1]]
    return "" if best.passage.start == 0 else None


def _holds(text: str, name: str, vectors: WordVectors | None, as_name: bool = False) -> bool:
    """Some part of the name (3+ letters) starts a word of the text (capitalised when
    `as_name`), allowing two letters of inflection ("Poutine" / "Putin" aside), or, with
    `vectors`, a capitalised word of the text translates it ("Norvège" / "Norwegian")."""
    parts = [p for p in re.split(r"[\s'’&-]+", name) if len(p) >= 3]
    written = re.findall(r"[^\W\d_]+", text)
    for part in parts:
        start = fold(part)[:max(4, len(part) - 2)]
        if any(fold(w).startswith(start) and (not as_name or w[:1].isupper())
               for w in written):
            return True
    if vectors is None:
        return False
    capitals = list(dict.fromkeys(w for w in re.findall(r"[^\W\d_]{3,}", text)
                                  if w[:1].isupper()))
    return any(translated(p, capitals, vectors) for p in parts)
