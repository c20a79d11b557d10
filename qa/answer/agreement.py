"""What a follow-up's pronoun agrees with: the number of the thing it stands for ("Who took
them?" is not about "The Kelvinhall Museum") and, in French, the subject an inverted il/elle
merely repeats ("Comment la foule l'a-t-elle accueillie ?": elle is the crowd, not a pointer).
Used by `qa.answer.rewrite`."""
from __future__ import annotations

import re

from qa.text import STOPWORDS, fold, words

PLURAL_POINTERS = {"they", "them", "their", "theirs", "these", "those", "ils", "elles", "leur",
                   "leurs", "ceux"}
_PLURAL_DETERMINERS = {"des", "les", "ces", "these", "those", "some", "plusieurs",
                       "quelques", "two", "three", "deux", "trois"}
_LEAD_INS = {"et", "and", "alors", "mais", "puis"}
_FRENCH_PREPOSITIONS = {"a", "de", "d", "pour", "dans", "en", "avec", "contre", "depuis", "par",
                        "sur", "chez", "vers", "pendant", "selon", "apres", "avant", "jusqu"}
_FRENCH_ASKING = {"quel", "quelle", "quels", "quelles", "combien", "que", "qu", "quoi", "qui",
                  "quand", "ou", "comment", "pourquoi", "lequel", "laquelle"}
_FRENCH_ASKING_NOUN = {"quel", "quelle", "quels", "quelles", "combien"}
_CLITICS = {"l", "le", "la", "les", "lui", "leur", "en", "y", "ne", "n", "s", "se", "me", "m",
            "te", "t", "nous", "vous"}


def own_subject(head: str) -> bool:
    """True when the words before a French inverted verb hold a subject of their own, which
    the il/elle repeats ("Comment la foule l'a-t-elle...", "à qui le texte avait-il...",
    "Dans quelle ville Borrell s'est-il..."); not when they are only the asking words and
    what they ask about ("Quelle sorte de membres de l'OTAN refuse-t-il...")."""
    tokens = words(head)
    i = 0
    while i < len(tokens) and (tokens[i] in _LEAD_INS or tokens[i] in _FRENCH_PREPOSITIONS):
        i += 1
    if i < len(tokens) and tokens[i] in _FRENCH_ASKING:
        asking = tokens[i]
        i += 1
        if asking in _FRENCH_ASKING_NOUN:  # "quelle sorte de membres de l'OTAN", "combien d'ans"
            i += tokens[i:i + 1] in (["de"], ["d"])
            i += 1
            while i + 1 < len(tokens) and tokens[i] in {"de", "d", "du", "des"}:
                i += 2 + (tokens[i + 1] in {"l", "la", "le", "les"})
    rest = tokens[i:]
    while rest and rest[-1] in _CLITICS:  # "l'a-t-elle", "s'est-il", "ne doit-elle"
        rest.pop()
    return bool(rest)


def plural(short: str) -> bool:
    """True when a short answer names several things ("Ardley and Brum", "Des ambassadeurs",
    "NATO's members"): a coordination, a plural determiner, or a plural common noun near its
    start."""
    tokens = re.findall(r"[\w'’]+", short)
    folded = [fold(t) for t in tokens]
    if any(t in {"and", "et", "or", "ou"} for t in folded) or _named_parts(short) > 1:
        return True
    if folded and folded[0] in _PLURAL_DETERMINERS:
        return True
    common = [t for t in tokens[:4] if t[:1].islower() and fold(t) not in STOPWORDS]
    return any(len(t) > 3 and t[-1] in "sx" and not t.endswith(("ss", "us", "is"))
               for t in common[:1])


def _named_parts(text: str) -> int:
    """How many comma-separated parts of `text` open on a name ("Ardley, Brum" -> 2)."""
    return sum(part.strip()[:1].isupper() for part in text.split(","))
