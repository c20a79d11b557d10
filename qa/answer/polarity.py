"""Negation: does a sentence clause have the polarity of the passage clause it restates?

Each clause of the sentence is paired with the passage clause closest in meaning; their
polarities (ne/n' ... , not, no, never, without, sans; a verb of denial flips it) must agree.
A clause without the predicate a passage negation governs ("À des concessions unilatérales."
over "Moscou ne doit pas s'attendre à des concessions unilatérales") is what the predicate
governs: when the question carries the negation, the clause answers it and has no polarity
of its own. A negation said another way agrees: what "no longer" / "ne ... plus" holds was so
before ("had to travel" for "no longer have to travel"), a negative affix carries the
passage's "sans" ("unanswered" for "sans réponse"), "X rather than Y" is "X, not Y" (what it
sets aside is what the passage negates), and a bare "pas" negates ("mais pas les mots de
passe"); a negation counts as a word of its clause ("but not passwords" is a clause).
All word lists here are language data.
"""

from __future__ import annotations

import re
from itertools import pairwise

import numpy as np

from qa.answer.meaning import (
    BOUNDS,
    DENIALS,
    NEGATIONS,
    WORD_AS_WRITTEN,
    WORD_SIM,
    content_words,
    lexically_aligned,
    passage_words,
)
from qa.answer.opposites import bases
from qa.answer.vectors import WordVectors
from qa.text import fold, split_sentences, words

NEAR_CLAUSES = 4  # a name of a clause must be in one of the passage clauses closest to it
# (the most tolerant k that still catches the dev half's place-of-another-event answers)
_PAST = frozenset("""had was were used did before previously formerly earlier avait avaient
    devait devaient etait etaient fallait auparavant avant autrefois jadis""".split())
_CLOSING = frozenset("pas plus jamais rien aucun aucune guere point personne".split())  # ne...
_INFINITIVE = re.compile(r"(?:er|ir|re)$")  # French infinitive endings (language data)
_BARE_REPLY_START = re.compile(r"(?i)\s*(?:no|non)\b\s*(?:[,.!:;]|$)")
# "X rather than Y" says "X, not Y" (language data).
_CONTRAST = re.compile(
    r"\b(?:rather than|instead of|plut[oô]t qu(?:e\b|['’])|au lieu d(?:e\b|['’]))", re.IGNORECASE)
# "un pas en avant": "pas" the noun, after a determiner (language data).
_STEP = frozenset("un le ce du premier dernier grand petit".split())
_MORE_THAN = re.compile(r"\b(?:plus|more|davantage|moins|less|fewer) (?:de|d|than|que)\b")
CLAUSE_SPLIT = re.compile(
    r"[,;:()«»\"“”]|\s[-–—]\s|\b(?:but|mais|because|car|so|donc|while|whereas|although|"
    r"which|who|that|que|qu|qui|lorsque|when|quand|si|if|and|et)\b", re.IGNORECASE)


def negative(clause: str) -> bool:
    """The polarity of a clause: negated (an odd count of negation and denial)."""
    tokens = words(clause)
    reply = bool(_BARE_REPLY_START.match(clause))  # "No, ..." answers; "No farm will..." denies
    negations = sum(1 for i, t in enumerate(tokens) if t in NEGATIONS and t not in {
        "jamais", "aucun", "aucune"} and not (t in {"no", "non"} and i == 0 and reply)
        and not (t in {"non", "not"} and i and tokens[i - 1] in {"ou", "or"}))  # "or not"
    negations += sum(1 for i, t in enumerate(tokens) if t == "t" and i and
                     tokens[i - 1].endswith("n"))  # don't, isn't, can't
    if "ne" in tokens or "n" in tokens:  # ne ... pas/jamais/aucun is one negation
        negations = negations - (tokens.count("ne") + tokens.count("n")) + 1
    if "ne" not in tokens and "n" not in tokens and any(
            t == "pas" and not (i and tokens[i - 1] in _STEP) for i, t in enumerate(tokens)):
        negations += 1  # "mais pas les mots de passe": "pas" alone negates
    if any(t in BOUNDS for t in tokens) or _MORE_THAN.search(" ".join(tokens)):
        negations = 0  # "may not exceed a month", "pas plus de 25 %" state a maximum
    return (negations > 0) != (sum(t in DENIALS for t in tokens) % 2 == 1)


def clauses(text: str) -> list[str]:
    """The clauses of a text with at least two content words (a verb of denial counts)."""
    return [c.strip() for c in CLAUSE_SPLIT.split(text) if c and len(content_words(c)) + sum(
        w in DENIALS or w in NEGATIONS for w in words(c)) >= 2]


def closest_clauses(clause: str, passage_text: str, vectors: WordVectors,
                    k: int = NEAR_CLAUSES) -> list[str]:
    """The k passage clauses closest in meaning to a clause of the sentence."""
    theirs = [c.strip() for c in CLAUSE_SPLIT.split(passage_text) if c and c.strip()]
    if len(theirs) <= k:
        return theirs
    vecs = vectors.vectors([clause, *theirs])
    return [theirs[i] for i in np.argsort(-(vecs[1:] @ vecs[0]))[:k]]


def polarity_clash(sentence: str, passage_text: str, vectors: WordVectors | None,
                   question: str = "") -> str:
    """A sentence clause whose closest passage clause, and that clause's whole sentence, have
    the other polarity ('' if none): a negation added or dropped. A clause without the
    negated predicate is exempt when the question carries the negation (it is negative, or
    says the predicate): the clause answers it ("À quoi Moscou ne doit-elle pas s'attendre ?"
    -> "À des concessions unilatérales")."""
    ours = clauses(_CONTRAST.sub(", not ", sentence))
    # What a sentence sets aside ("rather than generosity") is what a passage negation
    # may govern ("Returning them is not generosity, it is justice").
    set_aside = [CLAUSE_SPLIT.split(sentence[m.end():])[0] for m in _CONTRAST.finditer(sentence)]
    theirs = [(c, passage_text[a:b]) for a, b in split_sentences(passage_text)
              for c in clauses(passage_text[a:b])]
    if not ours or not theirs:
        return ""
    for clause in ours:
        if vectors is not None:
            vecs = vectors.vectors([clause, *(c for c, _ in theirs)])
            sims = vecs[1:] @ vecs[0]
        else:
            mine = set(content_words(clause))
            sims = np.array([len(mine & set(content_words(c))) for c, _ in theirs], dtype=float)
        closest, whole = theirs[int(np.argmax(sims))]
        if negative(clause) != negative(closest) and negative(clause) != negative(whole):
            if not negative(clause) and (formerly(clause, closest) or affix_negated(
                    clause, negated_words(closest), vectors) or any(
                    restates(y, negated_words(closest), vectors) for y in set_aside
                    if negative(closest))):
                continue
            governed = negated_words(closest if negative(closest) else whole)
            if negative(clause) or restates(clause, governed, vectors) or not question or not (
                    negative(question) or restates(question, governed, vectors)):
                return clause
    return ""


def negated_words(text: str) -> list[str]:
    """The words the first negation of a text governs, as written: its verb ("ne transigera
    jamais sur le droit" -> transigera; "ne doit pas s'attendre à" -> doit, attendre; "will
    not appeal" -> appeal). None when a verb of denial negates it (what is denied is the whole
    clause)."""
    tokens = WORD_AS_WRITTEN.findall(text)
    folded = [fold(t) for t in tokens]
    if any(t in DENIALS for t in folded):
        return []
    at = next((i for i, t in enumerate(folded) if t in NEGATIONS), None)
    if at is None:
        return []
    if folded[at] in {"ne", "n"}:  # ne ... pas: the verb stands between, an infinitive after
        end = next((i for i in range(at + 1, len(folded)) if folded[i] in _CLOSING), len(folded))
        verb = [t for t in tokens[at + 1:end] if content_words(t)]
        after = [t for t in tokens[end + 1:] if content_words(t)][:1]
        return verb + [t for t in after if not verb or _INFINITIVE.search(fold(t))]
    return [t for t in tokens[at + 1:] if content_words(t)][:1]


def restates(clause: str, governed: list[str], vectors: WordVectors | None) -> bool:
    """True when a clause says the negated predicate (a word aligned to one of `governed`),
    i.e. states the polarity itself. A clause without it is what the predicate governs, an
    answer to a question that carries the predicate ("À quoi Moscou ne doit-elle pas
    s'attendre ?" -> "À des concessions unilatérales"): it has no polarity of its own."""
    if not governed:
        return True
    src = passage_words(" ".join(governed))
    mine = content_words(clause)
    if any(lexically_aligned(w, src) for w in mine):
        return True
    written = [w for w in WORD_AS_WRITTEN.findall(clause) if content_words(w)]
    return vectors is not None and any(
        vectors.best(w, governed)[0] >= WORD_SIM for w in written)


def formerly(clause: str, ceased: str) -> bool:
    """True when a passage clause says something stopped ("no longer have to travel", "ne
    doivent plus") and the sentence clause says, in the past, that it held ("had to
    travel"): what ceased was once so."""
    theirs, mine = words(ceased), set(words(clause))
    pairs = set(pairwise(theirs))
    stopped = bool(pairs & {("no", "longer"), ("any", "more"), ("any", "longer")}) or (
        "anymore" in theirs) or (
        ("ne" in theirs or "n" in theirs) and "plus" in theirs and not _MORE_THAN.search(
            " ".join(theirs)))
    return stopped and bool(mine & _PAST)


def affix_negated(clause: str, governed: list[str], vectors: WordVectors | None) -> bool:
    """True when a word of the clause carries the passage's negation as a negative affix:
    "unanswered" for "sans réponse" (its base "answered" is aligned to the governed word)."""
    if vectors is None or not governed:
        return False
    return any(vectors.best(base, governed)[0] >= WORD_SIM
               for w in words(clause) for base in bases(w))
