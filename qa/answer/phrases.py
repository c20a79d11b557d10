"""Multi-word names aligned word by word, across languages, with no table of any corpus's names.

A translated name ("Grande Tempête" for "Great Storm", "Centre spatial guyanais" for "Guiana
Space Centre", "Syndicat des travailleurs des transports" for "Transport Workers' Union") has
words that are not names on their own: "Tempête" is no word of the passage, and the embedder
puts it no closer to "Storm" (.87) than a swapped word ("Flood" ~ "Storm" .87). Whole-phrase
similarity does not separate them either. So a name is aligned word by word to a passage
name (a capitalised run and up to two content words either side, in one clause):
- one word of it is the passage name's own (same word, stem, cognate, or an embedder match as
  close as a name's: the anchor);
- every other content word has its own counterpart there, in any order, function words
  dropped: a cognate, or, only across languages, a word the embedder puts close (a
  translation); a same-language word that differs is a swap ("Great Flood" / "Great Storm").
- A swapped word often comes from elsewhere in the passage ("NATO Defence Committee" over
  "Comité militaire de l'OTAN ... chefs de la défense"): a word the passage spells elsewhere
  but whose counterpart in the name is only an embedder match is a word taken from
  elsewhere.
All word lists here are language data (function words joining a name's words).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from qa.answer.meaning import LIGHT_WORDS, lexically_aligned, passage_words
from qa.answer.names import NAME_SIM, acronym_found, name_source, translit
from qa.answer.vectors import WordVectors
from qa.language import document_language, question_language
from qa.text import STOPWORDS, fold

PHRASE_SIM = 0.86  # e5 query cosine of a translated name word ("Tempête"~"Storm" .867,
# "Syndicat"~"Union" .869; a word of another thing: "Inondation"~"Storm" .847)
EDGE = 2  # content words either side of a passage's capitalised run that belong to its name
TRAILING = 3  # lowercase content words a French name carries ("Centre spatial guyanais")
_JOINS = frozenset("of for the de des du d l la le les pour s".split())  # not "and": a list
_SEGMENT = re.compile(r"[,;:()«»\"“”.!?\[\]\n]|\s[-–—]\s")
_GAP = re.compile(r"\s*['’]?\s*")  # words of one name: a space or an elision apart
_WORD = re.compile(r"[^\W\d_][\w]*(?:[-‐][^\W\d_][\w]*)*")


@dataclass(frozen=True)
class Phrase:
    """A name of several words: its content words as written."""

    words: tuple[str, ...]


def _content(token: str) -> bool:
    key = fold(token)
    return (len(token) >= 2 and token.isupper()) or (
        len(key) >= 3 and key not in STOPWORDS and key not in LIGHT_WORDS and key not in _JOINS)


def _capital(token: str) -> bool:
    return token[0].isupper() and _content(token)


@lru_cache(maxsize=1024)
def sentence_names(text: str) -> tuple[Phrase, ...]:
    """The names of two or more content words of a sentence: capitalised words joined by
    spaces or function words ("Royal Society for the Protection of Birds"); in French, with
    the lowercase words that follow a capitalised one ("Agence spatiale européenne")."""
    french = question_language(text) == "fr"
    out = []
    for n, segment in enumerate(_SEGMENT.split(text)):
        found = list(_WORD.finditer(segment))
        tokens = [m.group(0) for m in found]
        # Words of one name stand next to each other: "Selene-2 jeudi" is two things.
        joined = [i > 0 and _GAP.fullmatch(segment[found[i - 1].end():m.start()]) is not None
                  for i, m in enumerate(found)]
        i = 0
        while i < len(tokens):
            if not _capital(tokens[i]):
                i += 1
                continue
            kept, lower, j = [tokens[i]], 0, i + 1
            while j < len(tokens) and joined[j]:
                t = tokens[j]
                if _capital(t):
                    kept.append(t)
                elif fold(t) in _JOINS:
                    nxt = next((u for u in tokens[j + 1:] if fold(u) not in _JOINS), "")
                    if not nxt or not (_capital(nxt) or (french and _content(nxt)
                                                         and lower < TRAILING)):
                        break
                    if n == 0 and i == 0 and len(kept) == 1:
                        kept = []  # "Depuis la Grande Tempête": capitalised as the first word
                elif french and _content(t) and lower < TRAILING:
                    kept.append(t)
                    lower += 1
                else:
                    break
                j += 1
            if len(kept) >= 2:
                out.append(Phrase(tuple(kept)))
            i = j
    return tuple(out)


@lru_cache(maxsize=1024)
def passage_names(text: str) -> tuple[tuple[str, ...], ...]:
    """The names of a passage with their surroundings: each capitalised run and up to EDGE
    content words before and after it in the same clause ("Comité militaire de l'OTAN",
    "secrétaire général de l'OTAN"), as written."""
    out = []
    for segment in _SEGMENT.split(text):
        tokens = [t for t in _WORD.findall(segment) if _content(t)]
        i = 0
        while i < len(tokens):
            if not tokens[i][0].isupper():
                i += 1
                continue
            j = i
            while j + 1 < len(tokens) and tokens[j + 1][0].isupper():
                j += 1
            out.append(tuple(tokens[max(0, i - EDGE):j + 1 + EDGE]))
            i = j + 1
    return tuple(out)


def _lexical(word: str, others: tuple[str, ...]) -> bool:
    """The same word, stem, cognate or acronym is among `others`."""
    key = translit(word)
    if len(word) >= 2 and word.isupper():
        return acronym_found(key, name_source(" ".join(others)))
    return lexically_aligned(fold(word), passage_words(" ".join(others)))


@dataclass(frozen=True)
class Alignment:
    """How the words of a sentence name meet one passage name."""

    anchored: bool  # one word is the passage name's own
    aligned: tuple[str, ...]  # words with a counterpart (lexical, or a translation)
    borrowed: tuple[str, ...]  # words met only by translation, but spelled elsewhere
    missing: tuple[str, ...]  # words with no counterpart


def align(phrase: Phrase, window: tuple[str, ...], vectors: WordVectors | None,
          across: bool, elsewhere: tuple[str, ...] = ()) -> Alignment:
    """Align each word of a sentence name to a word of a passage name (one-to-one for
    translations; see the module docstring). `across`: the two are in different languages;
    `elsewhere`: the passage's words outside this name."""
    lexical = [w for w in phrase.words if _lexical(w, window)]
    rest = [w for w in phrase.words if w not in lexical]
    free = [u for u in window if not any(_lexical(w, (u,)) for w in lexical)]
    anchored = bool(lexical)
    translated: list[str] = []
    borrowed: list[str] = []
    if vectors is not None and rest and free:
        sims = vectors.vectors(rest) @ vectors.vectors(free).T
        for a, w in sorted(enumerate(rest), key=lambda p: -float(sims[p[0]].max())):
            b = int(sims[a].argmax())
            if float(sims[a, b]) >= NAME_SIM:
                anchored = True
            if float(sims[a, b]) >= (PHRASE_SIM if across else NAME_SIM):
                # An acronym stands for the words of a name ("UE" ~ "Union européenne"),
                # it is no word taken from elsewhere.
                taken = elsewhere and not w.isupper() and _lexical(w, elsewhere)
                (borrowed if taken else translated).append(w)
                sims[:, b] = -1.0  # each passage word is the counterpart of one word
    missing = tuple(w for w in rest if w not in translated and w not in borrowed)
    return Alignment(anchored, tuple(lexical + translated), tuple(borrowed), missing)


def _across(sentence: str, passage: str) -> bool:
    return question_language(sentence) != document_language(passage)


def name_counterpart(word: str, sentence: str, passage: str, vectors: WordVectors | None,
                     translated: bool = False) -> bool:
    """True when `word` belongs to a name of the sentence whose every word has a counterpart
    in one name of the passage (a translated name: "Tempête" of "Grande Tempête" over "Great
    Storm"); with `translated`, one word at least a translation, not a cognate."""
    across = _across(sentence, passage)
    for phrase in sentence_names(sentence):
        if word not in phrase.words:
            continue
        for window in passage_names(passage):
            found = align(phrase, window, vectors, across)
            if _whole(found) and not (translated and all(
                    _lexical(w, window) for w in found.aligned)):
                return True
    return False


def _whole(found: Alignment) -> bool:
    return found.anchored and not found.missing and not found.borrowed


def swapped_name_word(sentence: str, passage: str, vectors: WordVectors | None) -> str:
    """A word of a sentence name that its passage counterpart does not have, but that the
    passage spells elsewhere ('' if none): "Defence" of "NATO Defence Committee" over
    "Comité militaire de l'OTAN", where "défense" is another phrase's word. The counterpart
    is the passage name meeting the most words of the sentence name lexically (two at
    least)."""
    across = _across(sentence, passage)
    names = passage_names(passage)
    tokens = tuple(t for t in _WORD.findall(passage) if _content(t))
    for phrase in sentence_names(sentence):
        best: Alignment | None = None
        for window in names:
            found = align(phrase, window, vectors, across,
                          tuple(t for t in tokens if t not in window))
            if _whole(found):
                best = None
                break
            lexical = sum(1 for w in found.aligned if _lexical(w, window))
            if lexical >= 2 and (best is None or len(found.aligned) > len(best.aligned)):
                best = found
        if best is not None and best.borrowed:
            return best.borrowed[0]
    return ""
