"""Word overlap between a question and sentences in another language, through cognates.

Stems of one language do not meet the other's ("escalation" / "escalade", "Sergei" /
"Sergueï", "diplomats" / "diplomates"), so an English question over French sentences gets no
term overlap and is ranked on the embedding alone. Here a question word counts as found in a
sentence when the sentence holds the same word, the same French or English stem, a word
spelled alike (`qa.answer.meaning.lexically_aligned`: rapidfuzz on accent-folded words) or one
that starts alike ("russia" / "russes").
Rare words weigh more, as in the same-language overlap.
"""

from __future__ import annotations

import math

from qa.answer.meaning import PassageWords, content_words, lexically_aligned, passage_words

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
