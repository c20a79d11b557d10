"""Facts a generated sentence restates in another form than its passages: a duration in another
time unit or an hour on the other clock ("trois décennies" for "thirty years", "3pm" for "15h",
`qa.answer.timeunits`), and a common word capitalised only because it opens the sentence
("Digital points..." for "des points numériques"). Each is checked against what the cited
passages state, never assumed.
"""

from __future__ import annotations

from qa.answer.claims import Claim
from qa.answer.meaning import WORD_SIM
from qa.answer.names import name_source
from qa.answer.timeunits import converted_time
from qa.answer.vectors import WordVectors


def restated(claim: Claim, sentence: str, texts: list[str]) -> bool:
    """True when the cited passages' texts state the claim in another form (docstring)."""
    return converted_time(claim, sentence, texts)


def written_lowercase(word: str, texts: list[str], vectors: WordVectors | None) -> bool:
    """True when a capitalised first word is a common word of the cited passages: its
    nearest passage word is written in lower case there, aligned as a content word would be
    ("Digital" ~ "numériques"), and no capitalised word (a name) is nearer ("Vienna" is
    nearest to "Vienne", "Lyon" to "Paris": they stay names)."""
    if vectors is None:
        return False
    tokens = [t for text in texts for t in name_source(text).tokens]
    lower = vectors.best(word, [t for t in tokens if t[0].islower()])[0]
    upper = vectors.best(word, [t for t in tokens if t[0].isupper()])[0]
    return lower >= WORD_SIM and lower > upper
