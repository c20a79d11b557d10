"""Place adjectives on what they qualify: "a Scottish utility" over a passage's "a Norwegian
utility and a Scottish pension fund", "les pourparlers genevois" over "les pourparlers de
Bruxelles, après avoir rencontré ... à Genève", "La Kényane Femke Bosman" over "the Dutch
runner Femke Bosman ... Kenyan runner Daniel Kiprotich".

A place may be written as a modifier: a capitalised word between a determiner and what it
qualifies ("the Dutch runner", "La Kényane Femke Bosman", "the Brussels talks"), or a French
adjective after its noun that names a place of the passage by its stem and a demonym ending
("genevois" / "Genève", "nantais" / "Nantes", "russes" / "Russie"; the endings are
morphology, `qa.answer.countries`). Such a word says where the thing it qualifies belongs. When
the passage mentions that thing (same word, same stem, or its translation by the embedder) and
never with the place within a few words of it in the same phrase, the place was moved onto it.
A predicative adjective ("le radar est italien") qualifies a subject told apart by grammar this
module does not parse: it is left to the clause checks (`qa.answer.placement`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from qa.answer.claims import name_claims
from qa.answer.countries import DEMONYM_ENDINGS, country_code
from qa.answer.names import name_found, name_source, translit
from qa.answer.slots import ARTICLES, CLAUSE_BOUNDARY, LINKED_PREPOSITIONS, SLOT_PREPOSITIONS
from qa.answer.vectors import WordVectors
from qa.text import STOPWORDS, split_sentences

# Words that open a noun phrase before a capitalised modifier (language data).
# ("du", "des" are left out: "du Nigeria" is "of Nigeria", a complement.)
DETERMINERS = ARTICLES | frozenset("a an un une its their his her sa son ses leur leurs this "
                                   "ce cette".split())
PHRASE_REACH = 5  # words of the passage phrase on each side of the qualified word
SAME_WORD_SIM = 0.90  # e5 query cosine: a word and its translation ("talks" ~ "pourparlers")
# Words and punctuation; quotes and apostrophes are skipped (they do not end a phrase: "l'« ordre
# de sécurité » européen").
_TOKEN = re.compile(r"[^\W_]+(?:[-‐][^\W_]+)*|[^\w\s'’«»\"“”]")


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def _boundary(token: str) -> bool:
    """True for punctuation or a word that opens another clause ("and", "qui")."""
    return not token[:1].isalnum() or bool(CLAUSE_BOUNDARY.fullmatch(token))


def _content(token: str) -> bool:
    return token[:1].isalpha() and len(token) >= 3 and translit(token) not in (
        STOPWORDS | SLOT_PREPOSITIONS | LINKED_PREPOSITIONS)  # "vers la Lune depuis ..."


def _stem_of(word: str, name: str) -> bool:
    """True when a word is a transliterated name's stem plus a demonym ending ("genevoises" /
    "geneve", "nantais" / "nantes")."""
    n = 0
    while n < min(len(word), len(name)) and word[n] == name[n]:
        n += 1
    return n >= 4 and n >= len(name) - 2 and word[n:] in DEMONYM_ENDINGS and word != name


def _demonym(word: str, capitalised: set[str]) -> bool:
    """True when a lower-case word names a place: a country's adjective (CLDR) or a
    capitalised passage word's stem followed by a demonym ending ("genevois" / "Genève")."""
    if len(word) < 5 or not word[:1].islower() or translit(word) in STOPWORDS:
        return False
    return bool(country_code(word)) or any(_stem_of(translit(word), n) for n in capitalised)


def demonym_place(word: str, text: str) -> str:
    """The capitalised word of a text (as written) of which a lower-case word is the stem
    plus a demonym ending ("nantais" / "Nantes"); '' if none."""
    if len(word) < 5 or not word[:1].islower() or translit(word) in STOPWORDS:
        return ""
    key = translit(word)
    return next((t for t in dict.fromkeys(_tokens(text)) if t[:1].isupper() and len(t) >= 4
                 and _stem_of(key, translit(t))), "")


def _names(place: str, text: str, vectors: WordVectors) -> bool:
    """True when a text names a place: the name itself (`qa.answer.names`) or a word of
    which the place is a demonym."""
    key = translit(place)
    return name_found(place, name_source(text), vectors) or any(
        _stem_of(key, translit(t)) for t in _tokens(text) if t[:1].isupper())


def _modifiers(sentence: str, capitalised: set[str]) -> list[tuple[str, list[str]]]:
    """(place modifier, the words it qualifies) for each modifier of a sentence."""
    toks = _tokens(sentence)
    out: list[tuple[str, list[str]]] = []
    for i, tok in enumerate(toks):
        if not tok[:1].isalpha() or tok.isupper():
            continue
        if tok[:1].isupper() and i > 0 and translit(toks[i - 1]) in DETERMINERS and _content(
                toks[i + 1] if i + 1 < len(toks) else ""):
            qualified = []
            for nxt in toks[i + 1:i + 3]:
                if _boundary(nxt):
                    break
                if _content(nxt):
                    qualified.append(nxt)
            if qualified:
                out.append((tok, qualified))
        elif i > 0 and _content(toks[i - 1]) and not _boundary(toks[i - 1]) and _demonym(
                tok, capitalised):
            out.append((tok, [toks[i - 1]]))
    return out


@dataclass(frozen=True)
class Phrase:
    """A passage phrase around a mention of what a modifier qualifies."""

    covered: int  # how many of the qualified words it mentions
    text: str
    sentence: str  # the passage sentence holding it
    others: bool  # it holds another capitalised word (a name of its own: "the Dutch runner")


def _phrases(qualified: list[str], sentences: list[str], vectors: WordVectors) -> list[Phrase]:
    """The passage phrases around the mentions of the qualified words (same word or stem, or
    its translation), `PHRASE_REACH` words each side, cut at clause boundaries."""
    candidates = [t for t in dict.fromkeys(t for s in sentences for t in _tokens(s))
                  if _content(t)]
    if not candidates:
        return []
    vecs = vectors.vectors([*qualified, *candidates])
    sims = vecs[len(qualified):] @ vecs[:len(qualified)].T  # (candidates, qualified)
    close = {t: {j for j in range(len(qualified)) if sims[i, j] >= SAME_WORD_SIM}
             for i, t in enumerate(candidates)}
    keys = [translit(w) for w in qualified]

    def mentions(tok: str) -> set[int]:
        other = translit(tok)
        return close.get(tok, set()) | {j for j, key in enumerate(keys) if other == key or (
            len(key) >= 5 and other[:5] == key[:5])}

    found: list[Phrase] = []
    for sentence in sentences:
        toks = _tokens(sentence)
        for i, tok in enumerate(toks):
            if not mentions(tok):
                continue
            a = i
            while a > 0 and i - a < PHRASE_REACH and not _boundary(toks[a - 1]):
                a -= 1
            b = i + 1
            while b < len(toks) and b - i <= PHRASE_REACH and not _boundary(toks[b]):
                b += 1
            covered = set().union(*(mentions(t) for t in toks[a:b]))
            others = any(t[:1].isupper() and k and not mentions(t) and _content(t)
                         for k, t in enumerate(toks[a:b], a))
            found.append(Phrase(len(covered), " ".join(toks[a:b]), sentence, others))
    return found


def moved_modifier(sentence: str, passage_texts: list[str], vectors: WordVectors | None) -> str:
    """A place modifier of the sentence that the passages put on something else ('' if
    none). Of the passage phrases that mention most of what it qualifies, none names the
    place, and none stands in a sentence naming the place without a name of its own ("aura
    lieu ... après que les responsables ... auront tenu des pourparlers ... à Genève" backs
    "the Geneva talks"; "a Norwegian utility" in a sentence naming Scotland does not back "a
    Scottish utility")."""
    if vectors is None:
        return ""
    passages = [[t[a:b] for a, b in split_sentences(t)] for t in passage_texts]
    capitalised = {translit(t) for text in passage_texts for t in _tokens(text)[1:]
                   if t[:1].isupper() and len(t) >= 4}
    whole = "\n".join(passage_texts)
    for place, qualified in _modifiers(sentence, capitalised):
        if not _names(place, whole, vectors):
            continue  # not a place of the passages: checked as a name elsewhere
        found = [p for sentences in passages for p in _phrases(qualified, sentences, vectors)]
        most = max((p.covered for p in found), default=0)
        best = [p for p in found if p.covered == most]
        if not best or any(_names(place, p.text, vectors) or (
                not p.others and _names(place, p.sentence, vectors)) for p in best):
            continue
        # A modifier may describe a name of the sentence ("Gebru is an Ethiopian runner"
        # over "the Ethiopian Haile Gebru"): a phrase naming both backs it.
        names = [c.text for c in name_claims(sentence) if c.role != "initial"
                 and c.text != place and c.text not in qualified]
        if not any(_names(place, p.text, vectors) for sentences in passages
                   for p in _phrases(names, sentences, vectors)):
            return place
    return ""


__all__ = ["demonym_place", "moved_modifier"]
