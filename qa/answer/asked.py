"""Is the thing a question names there at all? A check of the extractive refusal gate.

`absent_names`: a name the question gives ("France", "la Biélorussie", "the German
chancellor") that no retrieved passage holds, spelled alike, as an acronym or translated: the
question is about something the articles never mention, and any sentence of the asked type is
about something else ("Who represented France at the Council?" met by the one spokesperson
the articles name; "Quelle position la Biélorussie a-t-elle prise ?" met by what Putin said).
A run of capitalised words ("United States", "British Museum") counts as held when one of its
words is, or the whole run is translated ("United States" / "États-Unis"). English writes the
names of days and months with a capital, French does not: "Sunday" is held by "dimanche".
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from qa.answer.claims import MONTH_INDEX, WEEKDAY_INDEX
from qa.answer.kinds import without_context
from qa.answer.meaning import lexically_aligned, passage_words
from qa.answer.rewrite import name_runs
from qa.results import Passage
from qa.text import fold

if TYPE_CHECKING:
    from qa.answer.vectors import WordVectors

# e5 query cosine of a name and its translation: "Brussels" / "Bruxelles" .97, "German" /
# "allemand" .96, "Cornouailles" / "Cornwall" .91 (same initial), while "France" / "Europe"
# .91 and "Biélorussie" / "Russie" .87 are other places.
NAME_TRANSLATION = 0.95
NAME_TRANSLATION_SAME_INITIAL = 0.90


def absent_names(question: str, passages: list[Passage],
                 vectors: WordVectors | None) -> list[str]:
    """The names (runs of capitalised words) of the question that no passage holds, as
    written. A word is held when a capitalised word of the passages starts like it (as
    `qa.answer.gate.names_held` matches), is spelled alike (rapidfuzz, accents folded:
    "Putin" / "Poutine"), spells it as an acronym ("NATO" / "OTAN", "RSPB" / "Royal Society
    for the Protection of Birds") or, with `vectors`, translates it (`NAME_TRANSLATION`)."""
    runs = [[re.sub(r"['’]s$", "", w) for w in run.split()]
            for run in name_runs(without_context(question))]
    runs = [[w for w in run if len(w) >= 3] for run in runs]
    runs = [run for run in runs if run]
    if not runs or not passages:
        return []
    texts = [f"{p.title or ''} {p.text}" for p in passages]
    # names are compared with the capitalised words ("France" is not "franche")
    capitals = " ".join(w for w in re.findall(r"[\w-]+", " ".join(texts)) if w[:1].isupper())
    folded = fold(capitals)
    written = passage_words(" ".join(texts)).originals
    missing = []
    for run in runs:
        if any(_held(word, folded, capitals, texts) or _same_day(word, texts) for word in run):
            continue
        if vectors is not None and any(_translated(n, written, vectors)
                                       for n in dict.fromkeys([" ".join(run), *run])):
            continue
        missing.append(" ".join(run))
    return list(dict.fromkeys(missing))


def _held(word: str, folded: str, capitals: str, texts: list[str]) -> bool:
    """A capitalised word of the passages starts like `word`, is spelled alike, or spells it
    as an acronym."""
    parts = [p for p in re.split(r"[-‐]", word) if len(p) >= 3] or [word]
    if any(re.search(rf"\b{re.escape(fold(p)[:max(4, len(p) - 2)])}", folded) for p in parts):
        return True
    return lexically_aligned(fold(word), passage_words(capitals)) or _acronym_held(word, texts)


def _same_day(word: str, texts: list[str]) -> bool:
    """`word` names a weekday or a month that the passages name in any language ("Sunday" /
    "dimanche", "January" / "janvier")."""
    key = fold(word)
    for table in (WEEKDAY_INDEX, MONTH_INDEX):
        if key in table:
            said = re.findall(r"\w+", fold(" ".join(texts)))
            return any(table.get(w) == table[key] for w in said)
    return False


def _acronym_held(name: str, texts: list[str]) -> bool:
    """An acronym written in another language's order ("NATO" / "OTAN") or spelled out
    ("RSPB" / "the Royal Society for the Protection of Birds")."""
    if not (name.isupper() and name.isalpha()):
        return False
    letters = sorted(name)
    for text in texts:
        if any(sorted(w) == letters for w in re.findall(r"\b[A-Z]{2,}\b", text)):
            return True
        for run in re.findall(r"[A-Z][\w'’-]*(?:\s+(?:[a-z]{1,3}\s+)*[A-Z][\w'’-]*)+", text):
            if name in "".join(w[0] for w in run.split() if w[:1].isupper()):
                return True
    return False


def _translated(name: str, written: tuple[str, ...], vectors: WordVectors) -> bool:
    """A word of the passages is as close to `name` as a translation (`NAME_TRANSLATION`;
    a little less with the same initial, accents folded)."""
    if not written:
        return False
    vecs = vectors.vectors([name, *written])
    sims = vecs[1:] @ vecs[0]
    initial = fold(name)[:1]
    return any(s >= NAME_TRANSLATION or (s >= NAME_TRANSLATION_SAME_INITIAL
                                         and fold(w)[:1] == initial)
               for s, w in zip(sims.tolist(), written, strict=True))
