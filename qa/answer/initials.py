"""Country acronyms matched to the words a passage names the country by: "US nuclear weapons"
over "les armes nucléaires américaines", "UK" over "le gouvernement britannique".

An acronym stands for a country when it is the country's CLDR code or the initials of its
CLDR name in the sentence's language ("US" = United States, "UK" = United Kingdom, "UE" =
Union européenne); names come from the CLDR locale data shipped with Babel (not a list of
ours). The passage names that country when it writes one of its names, when one of its words
qualifies it by a nationality ending (`qa.answer.countries`), or when the multilingual
embedder puts one of its words nearest to that country's names among all the countries' names
("américaines" is nearest to "États-Unis", never to "Royaume-Uni"). Nearest among all, not
above a bar: adjectives of different countries sit close together ("UK" ~ "américain" .89).
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np
from babel import Locale

from qa.answer.countries import country_code
from qa.answer.vectors import WordVectors
from qa.text import STOPWORDS, fold

_LANGUAGES = ("en", "fr")
# Function words that initials skip ("United States of America", "Union des Comores").
_SKIP = frozenset("of the and de des du la le les et d l".split())
_PART = re.compile(r"[^\W\d_]+")
# A passage word must be at least this close to one of the country's names to be compared
# with all the others (cheap filter; the nearest-name test decides).
_NEAR = 0.88
# A compound's first part in its combining form ("américano-russes", "Anglo-French") is read
# with the adjective endings it stands for (French and English morphology, language data).
_COMBINING = re.compile(r"([^\W\d_]{3,})o[-‐]", re.IGNORECASE)
_ADJECTIVE_ENDINGS = ("ain", "aine", "an", "ais", "ien", "e")


@lru_cache(maxsize=1)
def _names() -> tuple[tuple[str, str, str], ...]:
    """(name, code, language) of every CLDR territory with a two-letter code."""
    return tuple((name, code, lang) for lang in _LANGUAGES
                 for code, name in Locale(lang).territories.items()
                 if len(code) == 2 and code.isalpha())


def initials(name: str) -> str:
    """The initials of a name, function words skipped: 'United States' -> 'US',
    'Royaume-Uni' -> 'RU'."""
    return "".join(p[0] for p in _PART.findall(name) if fold(p).lower() not in _SKIP).upper()


def acronym_countries(acronym: str, language: str) -> set[str]:
    """The codes of the countries an acronym stands for in `language` (code or initials)."""
    if not (2 <= len(acronym) <= 4 and acronym.isalpha() and acronym.isupper()):
        return set()
    lang = language if language in _LANGUAGES else "en"
    out = {code for name, code, n_lang in _names()
           if n_lang == lang and len(_PART.findall(name)) >= 2 and initials(name) == acronym}
    if any(code == acronym for _, code, _ in _names()):
        out.add(acronym)
    return out


def _nearest_country(word: str, vectors: WordVectors, codes: set[str]) -> bool:
    """True when `word` is close to a name of `codes` and nearest to one of them among the
    names of all countries."""
    table = _names()
    own = [name for name, code, _ in table if code in codes]
    if vectors.best(word, own)[0] < _NEAR:
        return False
    names = [name for name, _, _ in table]
    sims = vectors.vectors(names) @ vectors.vectors([word])[0]
    return table[int(np.argmax(sims))][1] in codes


def acronym_place(acronym: str, passage: str, language: str,
                  vectors: WordVectors | None) -> bool:
    """True when the passage names the country the acronym stands for (module docstring)."""
    codes = acronym_countries(acronym, language)
    if not codes:
        return False
    folded = fold(passage).lower()
    own = [fold(name).lower() for name, code, _ in _names() if code in codes]
    if any(re.search(rf"(?<!\w){re.escape(n)}(?!\w)", folded) for n in own):
        return True
    tokens = [t for t in dict.fromkeys(re.findall(r"[^\W\d_]{4,}", passage))
              if fold(t).lower() not in STOPWORDS]
    tokens += [m.group(1) + e for m in _COMBINING.finditer(passage) for e in _ADJECTIVE_ENDINGS]
    if any(country_code(t) in codes for t in tokens):
        return True
    return vectors is not None and any(_nearest_country(t, vectors, codes) for t in tokens)
