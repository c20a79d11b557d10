"""Language helpers shared by retrieval and answering: folding, tokens, stop words, languages."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import Stemmer

WORD_RE = re.compile(r"\w+", re.UNICODE)

FRENCH_STOPWORDS = frozenset(
    """a afin ai aie aient ainsi alors apres as au aucun aupres auquel aussi autre autres aux
    auxquelles auxquels avaient avais avait avant avec avez aviez avions avoir avons ayant c
    ca car ce ceci cela celle celles celui cependant ces cet cette ceux chaque chez ci comme
    comment d dans de des desquelles desquels deja donc dont du duquel elle elles en encore
    entre es est et etaient etais etait etant ete etes etiez etions etre eu eue eues eurent
    eus eut eux fait faut fut furent il ils j je jusqu l la laquelle le lequel les
    lesquelles lesquels leur leurs lors lui m ma mais me meme memes mes moi mon n ne ni nos
    notre nous on ont ou par parce pas peu peut plus pour pourquoi qu quand que quel quelle
    quelles quels qui quoi s sa sans se selon ses si sien soi soit sommes son sont sous suis
    sur t ta te tes toi ton tous tout toute toutes tres tu un une unes uns vers voici voila
    vos votre vous y est-ce lorsque aura auront sera seront ete fera font dit dits cet cette
    quelle quels combien ou""".split()
)
ENGLISH_STOPWORDS = frozenset(
    """a about above after again against all am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for
    from further had has have having he her here hers herself him himself his how i if in
    into is it its itself just me more most my myself no nor not of off on once only or
    other our ours ourselves out over own same she should so some such than that the their
    theirs them themselves then there these they this those through to too under until up
    very was we were what when where which while who whom why will with would you your yours
    yourself yourselves does did will shall may might must whose many much""".split()
)
STOPWORDS = FRENCH_STOPWORDS | ENGLISH_STOPWORDS

_FR_MARKERS = frozenset(
    """le la les des du un une est et que qui quel quelle quand ou dans pour avec sur pas
    combien comment pourquoi au aux ce cette sont a-t-il a-t-elle depuis""".split()
)
_EN_MARKERS = frozenset(
    """the is are was were what when where who which how why did does do of in on to and with
    from for many much long""".split()
)


def fold(text: str) -> str:
    """Lower-case and strip accents: 'Genève' -> 'geneve'."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def words(text: str) -> list[str]:
    """Folded word tokens of `text` (apostrophes and hyphens split words)."""
    return WORD_RE.findall(fold(text))


@lru_cache(maxsize=1)
def _stemmer() -> Stemmer.Stemmer:
    return Stemmer.Stemmer("french")


def index_terms(text: str) -> list[str]:
    """Folded, stop-word-free, stemmed terms used by BM25 and lexical matching."""
    kept = [w for w in words(text) if w not in STOPWORDS and (len(w) > 1 or w.isdigit())]
    return _stemmer().stemWords(kept)


def detect_language(text: str) -> str:
    """'fr' or 'en', by counting function words (French wins ties on accented text)."""
    tokens = re.findall(r"[\w'-]+", text.lower())
    fr = sum(t in _FR_MARKERS for t in tokens) + sum(
        1 for c in text if c in "éèêàùçôîâœ"
    )
    fr += sum(1 for t in tokens if t.startswith(("l'", "d'", "qu'", "s'", "n'")))
    en = sum(t in _EN_MARKERS for t in tokens)
    if fr == en == 0 and not re.search(r"[A-Za-zÀ-ÿ]", text):
        return "en"  # another script (中文, العربية...): English is the likelier shared language
    return "en" if en > fr else "fr"


_SENTENCE_END = re.compile(r"(?<=[.!?…»\"])\s+(?=[«\"A-ZÀ-ÖØ-Þ0-9*])|\n+")
_ABBREVIATIONS = ("M.", "Mme.", "Dr.", "St.", "Mr.", "Mrs.", "etc.", "av.", "J.-C.")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of `text` (a light rule-based splitter)."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        head = text[start : match.start()]
        if head.rstrip().endswith(_ABBREVIATIONS) and "\n" not in match.group(0):
            continue
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    out = []
    for a, b in spans:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            out.append((a, b))
    return out
