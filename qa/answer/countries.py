"""Countries in a sentence, named or given by their adjective ("les diplomates russes",
"ancien Premier ministre norvégien", "a Norwegian utility"), for "which country?" questions.

Country names come from the CLDR locale data shipped with Babel, in French and English (not a
list of ours). A word names a country when it is the name itself (capitalised), or when it
extends the stem the name shares with it by a nationality ending ("russ-es" / "Russ-ie",
"norvég-ien" / "Norvèg-e", "Ethiopia-n", "Norw-egian" / "Norw-ay"); the short answer is the
country's name in the question's language. Multi-word names ("États-Unis") are left to the
place patterns. The endings are French and English morphology (language data).
"""

from __future__ import annotations

import re
from functools import lru_cache

from babel import Locale

from qa.text import fold

# Nationality endings after the stem a word shares with a country's name (language data).
DEMONYM_ENDINGS = {
    "", "s", "e", "es", "n", "ns", "an", "ans", "ian", "ians", "ien", "iens", "ienne", "iennes",
    "en", "ens", "enne", "ennes", "ain", "ains", "aine", "aines", "in", "ins", "ine", "ines",
    "ais", "aise", "aises", "ois", "oise", "oises", "ese", "ish", "i", "is", "ol", "ols", "ole",
    "oles", "ique", "iques", "ic"}
# Endings that may follow a changed letter or two of the stem ("Norw-egian" for "Norw-ay").
_LOOSE = {"ian", "ians", "ien", "iens", "ienne", "iennes", "ese", "ish", "ais", "aise", "ois",
          "oise", "ain", "aine"}
_LANGUAGES = ("fr", "en")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


@lru_cache(maxsize=1)
def _countries() -> tuple[dict[str, str], dict[str, list[str]]]:
    """(folded one-word country name -> code, 4-letter stem -> names), from CLDR."""
    names: dict[str, str] = {}
    for language in _LANGUAGES:
        for code, name in Locale(language).territories.items():
            folded = fold(name).lower()
            if len(code) == 2 and code.isalpha() and folded.isalpha() and len(folded) >= 4:
                names.setdefault(folded, code)
    stems: dict[str, list[str]] = {}
    for name in names:
        stems.setdefault(name[:4], []).append(name)
    return names, stems


def country_code(word: str) -> str | None:
    """The CLDR code of the country a word names or qualifies ("russes" -> "RU"), or None."""
    folded = fold(word).lower()
    if len(folded) < 4 or not folded.isalpha():
        return None
    names, stems = _countries()
    if folded in names:
        return names[folded] if word[:1].isupper() else None  # "grenade", "turkey"
    best: tuple[int, str] | None = None
    for name in stems.get(folded[:4], []):
        shared = len(_common_prefix(folded, name))
        rest = folded[shared:]
        if shared < max(4, len(name) - 3) or folded == name:
            continue
        ending = rest in DEMONYM_ENDINGS or any(rest.endswith(e) and len(rest) <= len(e) + 2
                                         for e in _LOOSE)
        if ending and (best is None or shared > best[0]):
            best = (shared, names[name])
    return best[1] if best else None


def country_name(code: str, language: str) -> str:
    """The country's name in `language` (French or English)."""
    return Locale(language if language in _LANGUAGES else "en").territories.get(code, code)


def countries_in(sentence: str, asked: str,
                 language: str) -> list[tuple[str, int, int, bool]]:
    """(country name in `language`, start, end, qualifies) of each word of `sentence` naming
    a country the question (`asked`) does not already name, those next to a word of the
    question first ("diplomates russes" for "which country's diplomats": `qualifies`)."""
    asked_words = _WORD.findall(asked)
    held = {country_code(w) for w in asked_words}
    stems = {fold(w).lower()[:5] for w in asked_words if len(w) >= 4}
    words = list(_WORD.finditer(sentence))
    out: list[tuple[str, int, int, bool]] = []
    for i, m in enumerate(words):
        code = country_code(m.group(0))
        if code and code not in held:
            near = {fold(w.group(0)).lower()[:5] for w in words[max(0, i - 1):i + 2] if w != m}
            out.append((country_name(code, language), m.start(), m.end(), bool(near & stems)))
    return sorted(out, key=lambda found: not found[3])


def is_country_name(text: str, language: str) -> bool:
    """True when `text` is a country's name in `language` as CLDR writes it."""
    names, _ = _countries()
    code = names.get(fold(text).lower())
    return bool(code) and country_name(code, language) == text


def _common_prefix(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]
