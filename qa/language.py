"""Language identification of questions and documents (py3langid, its model ships in the wheel).

Questions are classified between the languages the bot answers in (French, English); documents
among every language the Snowball stemmer handles, so an article in German gets German stems.
Very short questions ("Et Borrell ?") are ambiguous for any n-gram model: when the model is
unsure, function words of each answer language (language data, not corpus data) decide.
"""

from __future__ import annotations

import re
from functools import lru_cache

from py3langid.langid import LanguageIdentifier, _load_identifier

ANSWER_LANGUAGES = ("fr", "en")
# ISO 639-1 code -> Snowball stemmer name (PyStemmer), for the languages py3langid knows.
SNOWBALL = {
    "ar": "arabic", "hy": "armenian", "eu": "basque", "ca": "catalan", "cs": "czech",
    "da": "danish", "nl": "dutch", "en": "english", "eo": "esperanto", "et": "estonian",
    "fi": "finnish", "fr": "french", "de": "german", "el": "greek", "hi": "hindi",
    "hu": "hungarian", "id": "indonesian", "ga": "irish", "it": "italian", "lt": "lithuanian",
    "ne": "nepali", "no": "norwegian", "nb": "norwegian", "fa": "persian", "pl": "polish",
    "pt": "portuguese", "ro": "romanian", "ru": "russian", "sr": "serbian", "es": "spanish",
    "sv": "swedish", "ta": "tamil", "tr": "turkish",
}
_SURE = 0.8  # below this probability a short question is settled by function words
_MARKERS = {
    "fr": frozenset("""le la les des du un une est et que qui quel quelle quels quelles quand
        ou où dans pour avec sur pas combien comment pourquoi au aux ce cette sont depuis il
        elle ils elles son sa ses leur été était sera dit""".split()),
    "en": frozenset("""the is are was were what when where who whom which how why did does do
        of in on to and with from for many much long his her its their it he she they has
        have will about""".split()),
}


@lru_cache(maxsize=2)
def _identifier(scope: str) -> LanguageIdentifier:
    """The py3langid model restricted to the answer languages ('answer') or to Snowball's."""
    langs = list(ANSWER_LANGUAGES) if scope == "answer" else None
    identifier = _load_identifier(norm_probs=True)
    known = set(identifier.nb_classes)
    identifier.set_languages(langs or sorted(set(SNOWBALL) & known))
    return identifier


def _classify(text: str, scope: str) -> tuple[str, float]:
    label, prob = _identifier(scope).classify(text)
    return str(label), float(prob)


def _marker_vote(text: str) -> str | None:
    tokens = re.findall(r"[\w']+", text.lower())
    tokens += [t.split("'", 1)[0] for t in tokens if "'" in t]  # l'OTAN, qu'il
    counts = {lang: sum(t in words for t in tokens) for lang, words in _MARKERS.items()}
    counts["fr"] += sum(t in {"l", "d", "qu", "s", "n", "j"} for t in tokens)
    best = max(counts, key=lambda k: counts[k])
    if sorted(counts.values())[-1] == sorted(counts.values())[-2]:
        return None
    return best


def question_language(text: str, default: str = "en") -> str:
    """'fr' or 'en': the language to answer a question in."""
    if not re.search(r"[^\W\d_]", text):
        return default
    if not re.search(r"[A-Za-zÀ-ÿ]", text):
        return "en"  # another script (中文, العربية...): English is the likelier shared language
    label, prob = _classify(text, "answer")
    if prob < _SURE:
        return _marker_vote(text) or label
    return label


@lru_cache(maxsize=4096)
def document_language(text: str) -> str:
    """ISO code of a document's language among those with a Snowball stemmer ('en' if none)."""
    sample = text[:3000]
    if not re.search(r"[^\W\d_]", sample):
        return "en"
    label, _ = _classify(sample, "documents")
    return label if label in SNOWBALL else "en"


LANGUAGE_NAMES = {"fr": {"fr": "français", "en": "anglais", "de": "allemand", "es": "espagnol",
                         "it": "italien", "pt": "portugais", "nl": "néerlandais"},
                  "en": {"fr": "French", "en": "English", "de": "German", "es": "Spanish",
                         "it": "Italian", "pt": "Portuguese", "nl": "Dutch"}}


def language_name(code: str, in_language: str) -> str:
    """The name of language `code` written in `in_language` ('fr' in 'en' -> 'French')."""
    names = LANGUAGE_NAMES.get(in_language, LANGUAGE_NAMES["en"])
    return names.get(code, code)
