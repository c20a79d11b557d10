"""Opposites that look alike: a word and the same word with a negative affix.

Spelling and the embedder both put "acceptable" next to "inacceptables" and "useless" next to
"utile": the verifier would align them as the same word (`qa.answer.meaning`), while they say
the opposite. A word of the sentence is the opposite of a passage word when one of the two
is the other with a negative affix (language data: un-, in-, im-, ir-, il-, dis-, non-, -less,
French in-, im-, ir-, il-, non-):
- spelled alike: stripped of its affix, one is spelled like the other (rapidfuzz) better than
  the two are spelled like each other ("acceptable" / "in|acceptables");
- across languages: the sentence word's base ("useless" -> "useful", "use") is what the
  embedder aligns to a passage word, closer than the word itself, and that passage word is
  neither negated itself nor preceded by a negation ("unanswered" ~ "sans réponse" agree).
No list of words of any corpus: only the affixes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from rapidfuzz import fuzz

from qa.answer.vectors import WordVectors
from qa.text import fold

NEGATIVE_PREFIXES = ("non", "dis", "un", "in", "im", "ir", "il")
NEGATIVE_SUFFIXES = (("less", "ful"), ("less", ""))  # "useless": "useful", "use"
MIN_BASE = 5  # letters left once the affix is off: "in|formed" is checked, "un|ion" is not
SAME_SPELLING = 88.0  # rapidfuzz ratio at which a base and a word are one word
BASE_MARGIN = 0.02  # how much closer (e5 cosine) the base must be to the passage word
_NEGATORS = frozenset("""not no never without sans pas non ni jamais aucun aucune""".split())


def bases(word: str) -> list[str]:
    """The folded word without a negative affix ([] when it has none)."""
    out = [word[len(p):] for p in NEGATIVE_PREFIXES
           if word.startswith(p) and len(word) - len(p) >= MIN_BASE]
    out += [word[:-len(s)] + r for s, r in NEGATIVE_SUFFIXES
            if word.endswith(s) and len(word) - len(s) + len(r) >= MIN_BASE - 2]
    return out


def _same(a: str, b: str) -> float:
    return 100.0 if a == b else fuzz.ratio(a, b) if min(len(a), len(b)) >= MIN_BASE else 0.0


def spelled_opposite(word: str, passage_words: Iterable[str]) -> str:
    """The passage word that is `word` with a negative affix added or removed ('' if none):
    both folded; stripped of the affix, one is spelled like the other better than as is."""
    for other in passage_words:
        direct = _same(word, other)
        for a, b in ((word, other), (other, word)):
            if any(_same(base, b) >= max(SAME_SPELLING, direct + 1) for base in bases(a)) and (
                    not bases(b)):
                return other
    return ""


def aligned_opposite(written: str, near: list[str], passage_text: str,
                     vectors: WordVectors, floor: float) -> str:
    """The passage word (of `near`, as written) that the embedder aligns to a sentence word
    with a negative affix and, closer, to its base, when that passage
    word says it without negation ('' if none): "useless" -> "utile". `floor` is the cosine
    at which the embedder aligns two words."""
    word = fold(written)
    options = bases(word)
    if not options or not near:
        return ""
    own, target = vectors.best(written, near)
    for base in options:
        sim, other = vectors.best(base, near)
        # The base and the word point at the same passage word, the base closer ("dis|missed"
        # points elsewhere: its affix is not a negation).
        if other != target or sim < max(floor, own + BASE_MARGIN):
            continue
        if bases(fold(other)) or _negated(other, passage_text):
            continue  # "unanswered" ~ "sans réponse": the passage says it negated too
        return other
    return ""


def _negated(word: str, text: str) -> bool:
    """True when a negation stands within two words before `word` in the text."""
    for m in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", text):
        before = re.findall(r"[^\W\d_]+", fold(text[max(0, m.start() - 30):m.start()]))[-2:]
        if set(before) & _NEGATORS:
            return True
    return False
