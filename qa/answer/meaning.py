"""Does a sentence say what its passage says? Content words and the asked type.

- Content words: every content word of the sentence must be aligned to a word of the cited
  passage(s): the same word or stem (French or English stemmer), a cognate spelled alike
  (rapidfuzz on accent-folded forms: "nuclear" ~ "nucléaire"), or a translation the
  multilingual embedder puts close ("talks" ~ "pourparlers"). A word with nothing close
  ("chemical" where the passage says "nucléaire") is a changed claim.
- Negation: `qa.answer.polarity` (the negation words are here: content words leave them out).
- Asked type: an answer to "when/quand" states a time, to "how many/combien" a number, to
  "where/où" a place, to "who/qui" a name: a sentence that restates the question without it
  is not an answer.
- Specific terms: a question's words that no retrieved passage holds (asking words and the
  asked-for thing aside) show it is about something the articles never mention.
All word lists here are language data (function words, negation, question words).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import Stemmer
from rapidfuzz import fuzz

from qa.answer.kinds import without_context
from qa.answer.opposites import aligned_opposite, spelled_opposite
from qa.answer.vectors import WordVectors
from qa.text import STOPWORDS, fold, index_terms, split_sentences, words

NUMBER_WORDS = frozenset("""one two three four five six seven eight nine ten eleven twelve
    twenty hundred thousand million billion deux trois quatre cinq sept huit neuf dix onze
    douze vingt cent cents mille million millions milliard milliards""".split())

WORD_SIM = 0.89  # e5 query cosine at which a word is aligned: "spying"~"espionnage" .92
# A word below this is a changed claim ("cyberattack"~"espionnage" .84). Translations reach
# down to .84 too ("brink"~"bord"): on the dev half, a higher floor drops right answers.
CONTENT_FLOOR = 0.845
NEAR_SENTENCES = 3  # translations of a sentence's words are looked for in this many sentences
FUZZY_WORD = 80.0
# Words that carry no checkable content (reporting verbs, hedges, connectives), both languages.
LIGHT_WORDS = frozenset(
    """said says say told tell according also including include includes notably well like
    such then would could should can may might must yes still already just only even
    there here thus therefore however instead rather whether either neither nor which whose
    dit dite dits affirme affirmé declare déclaré selon aussi ainsi notamment dont donc oui
    non alors encore deja bien tres plus moins tout toute tous toutes cela ceci
    about around approximately roughly nearly almost environ approximativement presque
    quelque""".split())  # hedges on an amount ("environ 1 800" for "about 1,800")
NEGATIONS = frozenset("""not no never none nothing nobody without cannot ne n sans non
    jamais aucun aucune""".split())
DENIALS = frozenset("""deny denies denied denying nie nient nier nié niait dement dementent
    dementi demenait""".split())
# Verbs of an upper bound: "ne peut pas excéder 1 mois" says "1 mois au maximum".
BOUNDS = frozenset("""exceed exceeds exceeding exceder excede depasser depasse depassent
    surpass""".split())


WORD_AS_WRITTEN = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=2)
def _stemmer(language: str) -> Stemmer.Stemmer:
    return Stemmer.Stemmer(language)


def stems(word: str) -> set[str]:
    """The French and English stems of a folded word."""
    return {_stemmer("french").stemWord(word), _stemmer("english").stemWord(word)}


def content_words(text: str) -> list[str]:
    """Folded words that carry content: no stop words, light words, numbers or short words."""
    return [w for w in words(text) if len(w) >= 3 and w.isalpha() and w not in STOPWORDS
            and w not in LIGHT_WORDS and w not in NEGATIONS and w not in DENIALS
            and w not in BOUNDS and w not in NUMBER_WORDS]


@dataclass(frozen=True)
class PassageWords:
    """A passage's content words, with their stems, for alignment."""

    words: frozenset[str]
    stems: frozenset[str]
    originals: tuple[str, ...]  # distinct content words as written, for the embedder


@lru_cache(maxsize=2048)
def passage_words(text: str) -> PassageWords:
    """The content words of a passage text."""
    folded = content_words(text)
    originals = tuple(dict.fromkeys(
        w for w in re.findall(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", text)
        if fold(w) in set(folded) or any(p in set(folded) for p in words(w))))
    return PassageWords(frozenset(folded), frozenset(s for w in folded for s in stems(w)),
                        originals)


def lexically_aligned(word: str, src: PassageWords) -> bool:
    """The same word, stem or a cognate spelled alike is in the passage."""
    if word in src.words or stems(word) & src.stems:
        return True
    return len(word) >= 4 and any(
        abs(len(w) - len(word)) <= 4 and fuzz.ratio(word, w) >= FUZZY_WORD for w in src.words)


def unaligned_words(sentence: str, passage_text: str, vectors: WordVectors | None,
                    skip: set[str]) -> list[tuple[str, float]]:
    """Content words of the sentence with nothing close in the passage, with their best
    embedder similarity (none are checked without an embedder); `skip` holds words checked
    elsewhere. Translations are looked for in the passage sentences closest to it."""
    src = passage_words(passage_text)
    mine = [w for w in dict.fromkeys(content_words(sentence)) if w not in skip]
    # A word spelled like the passage's but for a negative affix says the opposite.
    out = [(w, 0.0) for w in mine if w not in src.words and spelled_opposite(w, src.words)]
    loose = [w for w in mine if not lexically_aligned(w, src) and (w, 0.0) not in out]
    if not loose or vectors is None:  # no embedder: a paraphrase can't be told from a change
        return out
    near = list(dict.fromkeys(w for part in closest_sentences(sentence, passage_text, vectors)
                              for w in passage_words(part).originals))
    # The embedder reads words as written: accents carry meaning ("tempête" ~ "storm" .88,
    # "tempete" .83).
    written = {fold(w): w for w in WORD_AS_WRITTEN.findall(sentence)}
    for word in loose:
        sim = vectors.best(written.get(word, word), near)[0]
        if aligned_opposite(written.get(word, word), near, passage_text, vectors, WORD_SIM):
            out.append((word, 0.0))
        elif sim < WORD_SIM:
            out.append((word, round(sim, 3)))
    return out


def closest_sentences(sentence: str, passage_text: str, vectors: WordVectors,
                      k: int = NEAR_SENTENCES) -> list[str]:
    """The k passage sentences closest in meaning to the sentence."""
    parts = [passage_text[a:b] for a, b in split_sentences(passage_text)]
    if len(parts) <= k:
        return parts
    vecs = vectors.vectors([sentence, *parts])
    order = np.argsort(-(vecs[1:] @ vecs[0]))[:k]
    return [parts[i] for i in sorted(order)]


def changed_words(loose: list[tuple[str, float]]) -> list[str]:
    """The loosely aligned words that make a sentence say something else (below the floor)."""
    return [w for w, sim in loose if sim < CONTENT_FLOOR]


# -- asked type ---------------------------------------------------------------------------
_ASKED = [
    ("time", r"(when|what date|what day|since when|what year|which year|in what year|quand|"
             r"depuis quand|a quelle date|quel jour|en quelle annee|quelle annee)\b"),
    ("number", r"(how many|how much|how long|how old|from what age|at what age|combien|"
               r"quelle duree|a partir de quel age|quel age|(what|which) is the (duration|"
               r"amount|number|price|cost|fine|rate|deadline|age)|quel(le)? est (la|le|l) ?"
               r"(duree|montant|nombre|prix|cout|taux|amende|age|delai))\b"),
    ("place", r"(where|in which (city|country|town|place)|which (city|country|town)|ou|"
              r"dans quel(le)? (ville|pays|lieu)|quelle ville|quel pays)\b"),
    ("", r"(who|qui) (is|was|are|were|est|etait|sont|etaient)\b"),  # a description will do
    ("name", r"(who|qui)\b"),
]
_TIME_WORDS = frozenset("""today yesterday tomorrow tonight immediately week weeks month months
    year years day days hour hours annual aujourd hui hier demain immediatement semaine
    semaines mois an ans annee annees jour jours heure heures""".split())
_QUANTITY = re.compile(
    r"\b(?:one|half|third|quarter|dozen|moitie|tiers|quart|douzaine|(?:un|une|a|an)\s+(?:mois|an|"
    r"annee|jour|heure|semaine|month|year|day|hour|week|minute|minutes))\b")


def asked_type(question: str) -> str:
    """What the question asks for: 'time', 'number', 'place', 'name' or '' (anything)."""
    q = " ".join(words(question))
    for kind, pattern in _ASKED:
        if re.match(pattern, q):
            return kind
    return ""


def states_asked(kind: str, text: str, claim_kinds: set[str], new_names: int) -> bool:
    """True when an answer text states the asked type. `claim_kinds` are the kinds of the
    claims it makes (number, date, month, weekday), `new_names` its names absent from the
    question. Relative dates ("last Tuesday") will be resolved by `qa.answer.dates` here."""
    tokens = set(words(text))
    if kind == "time":
        years = any(re.fullmatch(r"1[89]\d\d|2[01]\d\d", t) for t in tokens)
        return bool(claim_kinds & {"date", "month", "weekday"} or years or tokens & _TIME_WORDS)
    if kind == "number":
        return "number" in claim_kinds or bool(_QUANTITY.search(" ".join(words(text))))
    if kind in {"place", "name"}:
        return new_names > 0 or (kind == "name" and "number" in claim_kinds)
    return True


# -- specific terms ------------------------------------------------------------------------
# Words of a question that say how it asks, not what it is about: verbs of saying, describing,
# comparing or changing, light verbs ("serve as", "take place", "se tenir"), modals,
# "else/besides", references to the text itself, elided function words (language data, French
# and English).
ASKING_WORDS = frozenset("""describe described describes description call called calls say
    said says saying tell told respond responded responds reply replied answer answered
    compare compared comparison change changes changed get got happen happened happens do
    does did make made else besides other mean means meant must should exactly article text
    kind kinds type types sort sorts decrire decrit decrite qualifier qualifie qualifiee
    qualifient appeler appele appelle dire disant repondre repond repondu comparer compare
    comparee changer change passer passe faire fait autre outre signifier signifie doivent
    doit devoir devait texte exactement sorte genre lorsqu puisqu quoiqu jusqu serve serves
    served serving use used uses take takes took taken become became play plays played
    servir sert servent servi utiliser utilise utilisee prendre prend prennent pris devenir
    devient devenu jouer joue speak speaks spoke spoken mention mentions mentioned state
    stated characterise characterised characterises characterize characterized
    characterizes announce announced report reported indicate indicated parler parle parlent parlait
    mentionner mentionne evoquer evoque annoncer annonce declarer declare affirmer affirme
    indiquer indique hold holds held occur occurs occurred place tenir tient tiennent tiendra
    tiendront tenu tenue lieu last lasts lasted latest durer dure durera dureront go goes
    going gone went come comes came coming aller va vont allait venir vient""".split()
                         ) | LIGHT_WORDS


_WH_WORDS = frozenset("which what quel quelle quels quelles".split())
_MEASURE_WH = frozenset({"how"})  # "how heavy": the adjective names the asked measure
# A count of time asks for its unit ("pendant combien d'années", "how many days"; language data).
_COUNT_WH = frozenset("combien many much long".split())
_TIME_UNITS = frozenset("""temps annees ans jours mois semaines heures minutes time years days
    months weeks hours""".split())


def unmentioned_terms(question: str, language: str, texts: list[str]) -> list[str]:
    """The question's specific words that no text holds (compared as stems of `language`), as
    written: what the question is about but the passages never mention ("salary", "ransom",
    "delegation"). Names are checked elsewhere; asking words and the asked-for thing (the two
    words right after which/what/quel: "which historic event") are not specific.
    Synonyms are not looked for: single-word embedder similarities put "délégation" as close
    to "négociations" (.917) as "demand" to "asking" (.916)."""
    head = without_context(question)
    tokens = re.findall(r"[^\W\d_]+", head)
    asked_for: set[int] = set()
    for i, token in enumerate(tokens):
        if fold(token) in _WH_WORDS:
            asked_for.update(range(i + 1, i + 3))
        elif fold(token) in _MEASURE_WH:  # "how tall", "how strong": the asked measure
            asked_for.add(i + 1)
        if fold(token) in _COUNT_WH:  # "combien de temps", "how many years": the asked unit
            asked_for.update(j for j in range(i + 1, min(i + 4, len(tokens)))
                             if fold(tokens[j]) in _TIME_UNITS)
    held: set[str] = set()
    for text in texts:
        held.update(index_terms(text, language))
    out: list[str] = []
    for i, token in enumerate(tokens):
        stem = index_terms(token, language)
        if not stem or i in asked_for or fold(token) in ASKING_WORDS or token[:1].isupper():
            continue
        if not held_form(stem[0], held) and token not in out:
            out.append(token)
    return out


def held_form(stem: str, held: set[str]) -> bool:
    """True when `stem`, a degree of the same adjective or an inflection the stemmer left whole
    is held: stemmers leave "strong" and "strongest", "large" and "larger", "poursuivre" and
    "poursuivront" apart (English degree endings, language data)."""
    if stem in held:
        return True
    if len(stem) < 4:
        return False
    return any(len(h) >= 4 and (_degree_of(h, stem) or _degree_of(stem, h)
                                or _inflected(h, stem)) for h in held)


def _inflected(held: str, stem: str) -> bool:
    """True when `held` is `stem` with a short ending the stemmer kept: French future and
    conditional forms stay whole ("poursuivront" for "poursuivre", stemmed "poursuivr")."""
    return len(stem) >= 6 and held.startswith(stem) and len(held) - len(stem) <= 5


def _degree_of(longer: str, base: str) -> bool:
    """True when `longer` is `base` with a degree ending ("strongest" of "strong")."""
    return longer.startswith(base) and longer[len(base):] in _DEGREE_ENDINGS


_DEGREE_ENDINGS = frozenset({"er", "est", "r", "st"})


# How much closer (cosine, e5) the best sentence must be to the question with a word than
# without it for the sentence to say what the word means. On the dev halves the paraphrased
# words pulled it +.0059 to +.016 ("stock" / "shares", "elderly" / "in her seventies",
# "rencontre" / "la réunion", "the old wards" / "it replaces wards built in 1964"), the words
# of things the articles never mention +.0050 at most ("president" where the sentence names a
# director, "soldats" / "militaire"; "délégation": -.012): the bar sits between the two
# (round 12 re-measured every question the "unmentioned" clause refused on both dev halves,
# bench/results/para12_dev.txt; it was .0075, from fewer rows).
# A conservative test: on an article of our own (tests/test_paraphrase.py), paraphrases pass
# it and unmentioned words do not, where single-word similarity let "injured" (.919 to
# "rescued") through.
PARAPHRASE_GAIN = 0.0055
# A word the sentence's own article holds in other sentences (`qa.answer.gate.counted_elsewhere`)
# is a thing that article speaks of elsewhere: a sentence without it is said to paraphrase it
# only on the stronger pull measured before round 12 ("accounts" / "customers closed..." pulls
# between the two bars and is counted elsewhere).
ELSEWHERE_GAIN = 0.0075


def paraphrased(question: str, word: str, sentence: str, vectors: WordVectors,
                gain: float = PARAPHRASE_GAIN) -> bool:
    """True when `sentence` says what `word` of the question means without holding it: the
    embedder puts the sentence closer to the question with the word than without it. A word
    for something the sentence does not speak of ("temperature", "finance director") leaves
    the question as close or pulls it away. Whole-sentence meaning, not single words, which
    e5 puts close at random ("délégation" ~ "négociations" .917)."""
    without = " ".join(re.sub(rf"\b{re.escape(word)}\b", " ", question).split())
    if without == question:
        return False
    asked = vectors.vectors([question, without])
    said = vectors.passage(sentence)
    return float(asked[0] @ said - asked[1] @ said) >= gain
