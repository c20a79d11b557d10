"""Word overlap between a question and sentences in another language, through cognates.

Stems of one language do not meet the other's ("escalation" / "escalade", "Sergei" /
"Sergueï", "diplomats" / "diplomates"), so an English question over French sentences gets no
term overlap and is ranked on the embedding alone. Here a question word counts as found in a
sentence when the sentence holds the same word, the same French or English stem, a word
spelled alike (`qa.answer.meaning.lexically_aligned`: rapidfuzz on accent-folded words) or one
that starts alike ("russia" / "russes").
Rare words weigh more, as in the same-language overlap. A count asked in one language ("combien
d'infirmières") must stand by the counted noun in the other ("45 nurses"): a cognate or a word the
multilingual embedder puts close.
Across languages the refusal gate's confidence counts the cognates of the question's common
words (`common_words`: its names aside) as the term overlap it counts within one language.
"""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING

from qa.answer.meaning import PassageWords, content_words, lexically_aligned, passage_words

if TYPE_CHECKING:
    from qa.answer.evidence import Evidence
    from qa.answer.vectors import WordVectors

TRANSLATION = 0.88  # e5 query cosine of a word and its translation ("map"~"cartographier" .88)
# A translation of a counted noun is among the passage's nearest words to it: this close to the
# nearest ("foyers": "households" .910, "homes" .906; "personnes": "people" .93, "homes" .88).
NEAREST_MARGIN = 0.02

PREFIX = 5  # letters two words share at their start to be cognates ("diplomat-s/es")
SHORT = 7  # two words at most this long need one letter less ("russ-ia/es")


def cognate(word: str, src: PassageWords) -> bool:
    """The passage holds `word`, its stem, a word spelled alike or one with the same start."""
    if lexically_aligned(word, src):
        return True
    for w in src.words:
        need = PREFIX - 1 if max(len(w), len(word)) <= SHORT else PREFIX
        if len(w) >= need and len(word) >= need and w[:need] == word[:need]:
            return True
    return False


def cognate_shares(own: str, context: str, texts: list[str],
                   context_weight: float) -> list[float]:
    """For each text, the weighted share of the question's content words it holds as cognates
    (`own` words weigh 1, a follow-up's `context` words `context_weight`, each times its
    rarity among `texts`)."""
    asked = {w: 1.0 for w in content_words(own)}
    for w in content_words(context):
        asked.setdefault(w, context_weight)
    if not asked or not texts:
        return [0.0] * len(texts)
    held = [{w for w in asked if cognate(w, passage_words(t))} for t in texts]
    n = len(texts)
    weight = {w: asked[w] * math.log(1 + n / (1 + sum(w in h for h in held))) for w in asked}
    total = sum(weight.values()) or 1.0
    return [sum(weight[w] for w in h) / total for h in held]


def common_words(text: str) -> str:
    """`text` without its capitalised words (names: "Russia", "NATO-Russia", "Tomas"; and a
    sentence's first word): a sentence holding only the question's names is about its topic,
    not about what it asks ("Which NATO members opposed the NATO-Russia Council?" / any
    sentence on that Council), and a common word is not a name ("tomates" / "Tomas")."""
    return " ".join(w for w in re.findall(r"[\w'’-]+", text) if not w[:1].isupper())


def cross_shares(own: str, context: str, texts: list[str], context_weight: float
                 ) -> tuple[list[float], list[float]]:
    """`cognate_shares` of the question's words, and of its common words among the texts'
    common words (`common_words`: "tomates" is not met by a "Tomas" of the text)."""
    return (cognate_shares(own, context, texts, context_weight),
            cognate_shares(common_words(own), common_words(context),
                           [common_words(t) for t in texts], context_weight))


def translated(word: str, others: list[str], vectors: WordVectors | None) -> bool:
    """`word` has a cognate among `others`, or a translation the embedder puts close."""
    src = passage_words(" ".join(others))
    if cognate(word.lower(), src) or any(cognate(w, src) for w in content_words(word)):
        return True
    return vectors is not None and close_translation([word], list(src.originals), vectors)


def close_translation(words: list[str], others: list[str], vectors: WordVectors) -> bool:
    """Some word of `words` is as close to some word of `others` as a translation is."""
    if not words or not others:
        return False
    sims = vectors.vectors(words) @ vectors.vectors(others).T
    return float(sims.max()) >= TRANSLATION


def counted_across(counted: str, sentence: str, evidence: list[Evidence],
                   vectors: WordVectors | None, passage: str = "") -> list[Evidence]:
    """The counts of a sentence in another language right before (within two words) a cognate
    or translation of the counted noun ("45 nurses", "huit diplomates russes"). With the
    sentence's `passage`, a translation is also one of the passage's words nearest to the
    counted noun (`NEAREST_MARGIN`): e5 puts any two nouns of a topic near the translation
    floor ("personnes" / "homes" .88), so "38,000 homes" does not count "personnes" where
    the passage says "people" (.93)."""
    return [e for e in evidence if _counts(counted, re.findall(r"[^\W\d_]+", sentence[e.end:])[:2],
                                           vectors, passage)]


def _counts(counted: str, following: list[str], vectors: WordVectors | None,
            passage: str) -> bool:
    """A word of `following` is a cognate of the counted noun, or a translation at most
    `NEAREST_MARGIN` less close to it than the passage's nearest word (names aside)."""
    if not passage or vectors is None:
        return translated(counted, following, vectors)
    src = passage_words(" ".join(following))
    if cognate(counted.lower(), src) or any(cognate(w, src) for w in content_words(counted)):
        return True
    pool = [w for w in passage_words(passage).originals if not w[:1].isupper()]
    if not src.originals or not pool:
        return False
    said = vectors.vectors([counted]) @ vectors.vectors(list(src.originals)).T
    nearest = float((vectors.vectors([counted]) @ vectors.vectors(pool).T).max())
    return any(sim >= TRANSLATION and sim >= nearest - NEAREST_MARGIN for sim in said[0])
