"""Proper names matched across languages and spellings, with no table of any corpus's names.

A name of a generated sentence ("Sergei", "Putin", "Brussels", "NATO") is found in a passage
when, after transliteration to ASCII and case folding:
- it is a word of the passage, or shares a long prefix with one ("Russian" ~ "russie");
- it is spelled alike (rapidfuzz ratio: "Sergei" ~ "Sergueï" 92, "Putin" ~ "Poutine" 83);
- an acronym has the same letters in another order ("NATO" ~ "OTAN", "EU" ~ "UE");
- or the multilingual embedder puts it next to a passage word ("Brussels" ~ "Bruxelles",
  "Kyiv" ~ "Kiev", "Norway" ~ "norvégien"); another name of the same kind stays below the bar
  ("Vienna" ~ "Genève", "Lavrov" ~ "Ryabkov", "Denmark" ~ "norvégien").
Title words inside a name ("Deputy" of "US Deputy Secretary of State") get a lower bar than
the name itself: they translate loosely ("vice-", "adjointe").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from anyascii import anyascii
from rapidfuzz import fuzz

from qa.answer.vectors import WordVectors
from qa.text import STOPWORDS

FUZZY_NAME = 80.0  # rapidfuzz ratio on transliterated forms
NAME_SIM = 0.905  # e5 query cosine, single-word names (dev: translations >= .92, swaps <= .89)
ACRONYM_SIM = 0.90  # "US" ~ "américaine" .90, "UK" ~ "États-Unis" .89
TITLE_SIM = 0.83  # title words: "Deputy" ~ "vice" .84, "adjointe" .83
_TOKEN = re.compile(r"[^\W\d_][\w]*(?:[-‐][^\W\d_][\w]*)*")


def translit(text: str) -> str:
    """ASCII, lower-case form of a text: 'Sergueï' -> 'serguei', 'Сергей' -> 'sergei'."""
    return anyascii(text).lower()


@dataclass(frozen=True)
class NameSource:
    """What a passage offers to name matching."""

    words: frozenset[str]  # transliterated words
    acronyms: frozenset[str]  # transliterated all-caps tokens
    tokens: tuple[str, ...]  # distinct non-stop-words as written (hyphen compounds kept too)


@lru_cache(maxsize=2048)
def name_source(text: str) -> NameSource:
    """The words, acronyms and candidate tokens of a passage."""
    raw = _TOKEN.findall(text)
    parts = [p for t in raw for p in re.split(r"[-‐]", t)]
    words = frozenset(translit(p) for p in parts)
    acronyms = frozenset(translit(p) for p in parts if len(p) >= 2 and p.isupper())
    tokens = tuple(dict.fromkeys(
        t for t in raw + parts if len(t) >= 3 and translit(t) not in STOPWORDS))
    return NameSource(words, acronyms, tokens)


def spelled_alike(key: str, src: NameSource) -> bool:
    """True when a transliterated word occurs in the passage or is spelled like one of it."""
    if key in src.words:
        return True
    if len(key) < 4:
        return False
    need = max(5, len(key) - 3)
    for w in src.words:
        if len(w) >= need and len(key) >= 5 and w[:need] == key[:need]:
            return True
        if len(w) >= 4 and abs(len(w) - len(key)) <= 4 and fuzz.ratio(key, w) >= FUZZY_NAME:
            return True
    return False


def acronym_found(key: str, src: NameSource) -> bool:
    """True for an acronym of the passage, possibly with its letters reordered by language."""
    letters = sorted(key)
    return key in src.acronyms or any(sorted(a) == letters for a in src.acronyms) or (
        len(key) > 3 and key in src.words)


def name_found(token: str, src: NameSource, vectors: WordVectors | None,
               title: bool = False) -> bool:
    """True when the passage names what `token` names (see the module docstring)."""
    key = translit(token)
    acronym = len(token) >= 2 and token.isupper()
    if acronym_found(key, src) if acronym else spelled_alike(key, src):
        return True
    if vectors is None:
        return False
    bar = TITLE_SIM if title else ACRONYM_SIM if acronym else NAME_SIM
    return vectors.best(token, list(src.tokens))[0] >= bar
