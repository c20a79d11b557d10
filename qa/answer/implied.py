"""Answers a sentence implies without stating them as the asked type.

- A count given as a list: "the talks this week: on the 12th at the NRC, today in Geneva and
  later at the OSCE" answers "how many rounds of talks?" with 3 (the items after the colon), as
  "Britain, France and Germany sent envoys" answers "how many countries sent envoys?".
- A description given without quotation marks: "la discussion a été franche et ouverte"
  answers "how did he describe the discussion?" with "franche et ouverte" (the words after
  the described thing and a linking verb).
- An owner or maker given as a description: "by the developer Norsea Energy, a joint venture
  between a Norwegian utility and a Scottish pension fund" answers "who owns Norsea Energy?"
  with the apposition, where no person is named.
The words matched here are function words of French and English (language data).
"""

from __future__ import annotations

import re

from qa.answer.kinds import without_context
from qa.text import fold

_COUNTED_PHRASE = re.compile(r"\b(?:combien d['’]|combien de |how many |quel nombre de |"
                             r"what number of |the number of |le nombre de )((?:[\w'’-]+ ?){1,3})",
                             re.IGNORECASE)
_LAST_ITEM = re.compile(r"^\s*(?:et|and|ou|or)\s", re.IGNORECASE)
_JOINED = re.compile(r"\s(?:et|and)\s", re.IGNORECASE)
MAX_ITEM_WORDS = 14
_OF = {"de", "d", "des", "du", "of"}


def counted_phrase(question: str) -> str:
    """The up to three words after "how many" / "combien de" ("diplomates russes", "NATO
    members"), or '' when the question counts nothing: the one parser of what a question
    counts (`counted_words` here, `qa.answer.evidence.counted_noun`)."""
    m = _COUNTED_PHRASE.search(without_context(question))
    return m.group(1) if m else ""


def counted_words(question: str) -> list[str]:
    """The plain words of what a "how many X of Y" question counts, folded ("series",
    "pourparlers" in "combien de séries de pourparlers"); [] for other questions."""
    phrase = counted_phrase(question)
    if not phrase:
        return []
    tokens = re.findall(r"[\w-]+", phrase.replace("'", " ").replace("’", " "))
    while len(tokens) > 1 and tokens[0][:1].isupper():  # "NATO members", "États baltes"
        tokens.pop(0)
    nouns = tokens[:1] + (tokens[2:3] if tokens[1:2] and fold(tokens[1]) in _OF else [])
    return [fold(w) for w in nouns if len(w) >= 4 and not w[:1].isupper()]


def enumerated_count(sentence: str, question: str) -> tuple[int, int, int] | None:
    """(count, start, end) of the list after a colon that enumerates what the question counts
    (a word of the counted phrase stands before the colon); None when there is no such list.
    Items are separated by commas or semicolons, the last one may open with "et"/"and"
    ("A, B and C" has three)."""
    wanted = counted_words(question)
    colon = sentence.find(":")
    if not wanted:
        return None
    if colon < 0:
        return _named_list(sentence, wanted)
    before = re.findall(r"\w+", fold(sentence[:colon]))
    if not any(w.startswith(c[:5]) for c in wanted for w in before):
        return None
    tail = sentence[colon + 1:]
    end = len(tail.rstrip(" .»\"”"))
    body = tail[:end]
    separator = ";" if ";" in body else ","
    items = [i for i in body.split(separator) if i.strip()]
    if not items or any(len(re.sub(r"\([^)]*\)", "", i).split()) > MAX_ITEM_WORDS
                        for i in items):  # an item is a short phrase (asides aside)
        return None
    count = len(items)
    if not _LAST_ITEM.match(items[-1]) and _JOINED.search(items[-1]) and (
            count >= 2 or len(items[-1].split()) <= 8):
        count += 1  # "A, B and C": the last comma holds two items
    if count < 2:
        return None
    start = colon + 1 + (len(body) - len(body.lstrip()))
    return count, start, colon + 1 + end


_ITEM = (r"(?:(?:the|le|la|les|l['’]|de|du|des|d['’]|of)\s?)?"
         r"[A-ZÀ-Ý][\w'’-]*(?:\s+[A-ZÀ-Ý][\w'’-]*)*")
_NAMED_LIST = re.compile(rf"{_ITEM}(?:\s*,\s*{_ITEM})*\s*,?\s+(?:and|et)\s+{_ITEM}")


def _named_list(sentence: str, wanted: list[str]) -> tuple[int, int, int] | None:
    """(count, start, end) of a list of names ("Britain, France and Germany", "d'Estonie, de
    Lettonie et de Lituanie") in a sentence that holds the counted word; None otherwise."""
    held = re.findall(r"\w+", fold(sentence))
    if not any(w.startswith(c[:5]) for c in wanted for w in held):
        return None
    best = max(_NAMED_LIST.finditer(sentence), key=lambda m: m.group(0).count(","), default=None)
    if best is None:
        return None
    return best.group(0).count(",") + 2 - bool(re.search(r",\s*(?:and|et)\s", best.group(0))), \
        *best.span()


_APPOSITION = re.compile(r"\s*,\s*((?:an?|the|une?|le|la|les|l['’])\s?[^,;.()]{3,160}?)\s*"
                         r"(?:[,;.]|$)", re.IGNORECASE)
# "Who owns Norsea Energy?", "Qui possède X ?": a verb, then only a name
_WHO_VERB_NAME = re.compile(r"^\W*(?:[Ww]ho|[Qq]ui)\s+(?:a\s+)?"
                            r"(?!(?:was|were|are|est|etait|était|sont)\s)[a-zà-ÿ-]{3,}\s+"
                            r"((?:[A-ZÀ-Ý][\w'’&-]*\s*)+)[?.!\s]*$")


def named_object(question: str) -> str:
    """The name a "who VERB NAME?" question asks about ("Norsea Energy"), or ''."""
    m = _WHO_VERB_NAME.match(without_context(question).strip())
    return m.group(1).strip() if m else ""


def apposition(name: str, sentence: str) -> tuple[int, int] | None:
    """The span of the description after `name` in `sentence` ("Norsea Energy, a joint venture
    between ..."), or None."""
    at = fold(sentence).find(fold(name)) if len(fold(sentence)) == len(sentence) else -1
    if not name or at < 0:
        return None
    m = _APPOSITION.match(sentence, at + len(name))
    return m.span(1) if m else None


# "How did X describe / call Y?": Y is what follows the verb of describing (language data).
_DESCRIBED = re.compile(r"\b(?:describ\w*|call(?:ed)?|characteri[sz]\w*|term\w*|d[ée]cri\w*|"
                        r"qualifi\w*|appel\w*)\s+(?:(?:the|le|la|les|l['’]|son|sa|ses|his|her|its|"
                        r"their)\s*)?((?:[^\W\d_]+\s*){1,3})", re.IGNORECASE)
# Linking verbs between a thing and what it is said to be (language data).
_LINKING = (r"(?:est|était|etait|a été|a ete|avait été|s['’](?:est|était|etait) av[ée]r[ée]e?s?|"
            r"semblait|semble|restait|reste|is|was|were|has been|had been|proved|seemed|remained)")


def described_as(question: str, sentence: str) -> tuple[int, int] | None:
    """The span of what the thing a "how did X describe Y?" question names is said to be in
    `sentence` ("franche et ouverte" in "la discussion a été franche et ouverte, ..."), up to
    four words; None when the sentence links no such words to it."""
    asked = _DESCRIBED.search(without_context(question))
    if not asked:
        return None
    stems = [fold(w)[:5] for w in asked.group(1).split() if len(w) >= 4]
    for word in re.finditer(r"[^\W\d_]+", sentence):
        if not any(fold(word.group(0)).startswith(stem) for stem in stems):
            continue
        m = re.compile(rf"(?:\s+\S+){{0,6}}?\s+{_LINKING}\s+((?:[^\W\d_][\w'’-]*\s?){{1,4}})",
                       re.IGNORECASE).match(sentence, word.end())
        if m:
            words = m.group(1).split()
            cut = next((i for i, w in enumerate(words) if fold(w) in _STOP_DESCRIPTION),
                       len(words))
            while cut and fold(words[cut - 1]) in {"et", "and", "ou", "or"}:
                cut -= 1  # "futile et que...": the description ends before the clause
            if cut:
                start = m.start(1)
                return start, start + len(" ".join(words[:cut]))
    return None


_STOP_DESCRIPTION = {"que", "qu", "qui", "that", "which", "who", "mais", "but", "car", "because"}
