"""Text processing per language: folding, tokens, stop words, stems and sentences.

Each text is processed with the rules of its own language (`qa.language` identifies it): the
Snowball stemmer of that language, its stop words (French and English lists; other languages
keep every word), and sentence splitting that knows its abbreviations and initials.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import Stemmer

from qa.language import SNOWBALL, document_language, question_language

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
    yourself yourselves does did will shall may might must whose many much anyone anybody
    anything someone somebody something everyone everybody everything""".split()
)
STOPWORDS_BY_LANGUAGE = {"fr": FRENCH_STOPWORDS, "en": ENGLISH_STOPWORDS}
# Both lists: only for matching text across French and English (e.g. a translated claim).
STOPWORDS = FRENCH_STOPWORDS | ENGLISH_STOPWORDS


def fold(text: str) -> str:
    """Lower-case and strip accents: 'Genève' -> 'geneve'."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def words(text: str) -> list[str]:
    """Folded word tokens of `text` (apostrophes and hyphens split words)."""
    return WORD_RE.findall(fold(text))


@lru_cache(maxsize=64)
def _stemmer(language: str) -> Stemmer.Stemmer:
    return Stemmer.Stemmer(SNOWBALL.get(language, "english"))


def content_words(text: str, language: str, also: str | None = None) -> list[str]:
    """Lower-cased words of `text` without the stop words of `language` (and of `also`).

    A stop word written as a name is kept: an acronym ("EU", "AI") or a capitalised word
    inside a sentence ("in May", "Theresa May"). Accents are kept (stemmers need them).
    """
    stops = STOPWORDS_BY_LANGUAGE.get(language, frozenset())
    if also:
        stops = stops | STOPWORDS_BY_LANGUAGE.get(also, frozenset())
    kept = []
    for m in WORD_RE.finditer(text):
        raw = m.group(0)
        word = raw.lower()
        if fold(word) in stops:
            before = text[:m.start()].rstrip()
            sentence_start = not before or before[-1] in ".!?:«\"“\n("
            name_like = (len(raw) > 1 and raw.isupper()) or (
                raw[:1].isupper() and not sentence_start)
            if not name_like:
                continue
        if len(word) > 1 or word.isdigit():
            kept.append(word)
    return kept


def _stems(kept: list[str], language: str) -> list[str]:
    """Snowball stems of accented words, then folded ('comparée' -> 'compar')."""
    return [fold(stem) for stem in _stemmer(language).stemWords(kept)]


def index_terms(text: str, language: str | None = None) -> list[str]:
    """Folded, stop-word-free terms stemmed for `language` (detected when not given)."""
    language = language or document_language(text)
    return _stems(content_words(text, language), language)


def query_terms(question: str, question_language: str, corpus_languages: set[str] | None
                ) -> list[str]:
    """A question's terms stemmed for each language of the corpus (a French question over an
    English corpus is matched with English stems; names match in every language)."""
    out: dict[str, None] = {}
    for language in sorted(corpus_languages or {question_language}):
        kept = content_words(question, question_language, also=language)
        out.update(dict.fromkeys(_stems(kept, language)))
    return list(out)


def detect_language(text: str) -> str:
    """'fr' or 'en': the language of a question (and of the answer to it)."""
    return question_language(text)


# Abbreviations after which a period does not end a sentence (language data).
_ABBREVIATIONS = {
    "fr": ("M", "MM", "Mme", "Mmes", "Mlle", "Dr", "Pr", "Me", "Mgr", "St", "Ste", "etc", "av",
           "apr", "J.-C", "cf", "p", "env", "vol", "n°", "art", "chap", "janv", "févr", "oct",
           "nov", "déc", "Gén", "Col"),
    "en": ("Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Sr", "Jr", "Gen", "Sen", "Rep", "Gov",
           "Lt", "Col", "Capt", "Sgt", "Adm", "Maj", "Rev", "Hon", "Pres", "Inc", "Corp", "Ltd",
           "Co", "vs", "etc", "e.g", "i.e", "No", "Nos", "Jan", "Feb", "Mar", "Apr", "Jun",
           "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "approx", "Fig", "Mt"),
}
# An end mark, possibly inside closing quotes ('... bold."' ends; '... bold," Desai' does not).
_SENTENCE_END = re.compile(r"(?:(?<=[.!?…])|(?<=[.!?…][\"”»])|(?<=[.!?…] »)|(?<=[.!?…]\u00a0»))"
                           r"\s+(?=[«\"“A-ZÀ-ÖØ-Þ0-9*])|\n+")
_LAST_TOKEN = re.compile(r"([\w.°-]+)\.$")


def _abbreviation_end(head: str, language: str) -> bool:
    """True when `head` ends with an abbreviation or an initial ("U.S.", "J.", "M.")."""
    m = _LAST_TOKEN.search(head)
    if not m:
        return False
    token = m.group(1)
    if re.fullmatch(r"(?:[A-Z]\.)*[A-Z]", token):  # initials: "U.S", "J", "F"
        return True
    return token in _ABBREVIATIONS.get(language, _ABBREVIATIONS["en"])


_QUOTE_PAIRS = (("«", "»"), ("“", "”"))
MAX_QUOTED = 600  # characters a quotation may run on after a sentence end inside it


def _inside_quote(head: str, rest: str) -> bool:
    """True when `head` (a sentence so far) has opened a quotation that closes later in the
    same paragraph: '"These objects were looted. Returning them is justice," said X.' is one
    sentence, so the words and their speaker are quoted together."""
    paragraph = rest[:MAX_QUOTED].split("\n", 1)[0]
    for opening, closing in _QUOTE_PAIRS:
        if head.count(opening) > head.count(closing):
            return closing in paragraph
    return head.count('"') % 2 == 1 and '"' in paragraph


def split_sentences(text: str, language: str | None = None) -> list[tuple[int, int]]:
    """Character spans of the sentences of `text`, with the abbreviations of its language."""
    language = language or document_language(text)
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        head = text[start : match.start()]
        if "\n" not in match.group(0) and (_abbreviation_end(head.rstrip(), language)
                                           or _inside_quote(head, text[match.end():])):
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
