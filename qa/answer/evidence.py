"""What a question asks for (a date, a place, a person, a number...) and finding it in text.

Used by the extractive answerer to pick and lead with the short answer, and to refuse when the
best sentences hold no evidence of the asked type.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from qa.answer.implied import (
    apposition,
    counted_phrase,
    described_as,
    enumerated_count,
    named_object,
)
from qa.answer.kinds import QuestionKind, question_kind, without_context
from qa.text import fold

MONTHS_FR = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
             "septembre", "octobre", "novembre", "décembre"]
MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December"]
NUMBER_WORDS = {
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
    "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14,
    "quinze": 15, "seize": 16, "vingt": 20, "trente": 30, "cent": 100, "mille": 1000,
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "twenty": 20, "hundred": 100, "thousand": 1000,
}
EN_NUMBERS = {v: k for k, v in NUMBER_WORDS.items() if k.isascii() and k in
              "one two three four five six seven eight nine ten eleven twelve twenty".split()}
EN_NUMBERS[6] = "six"

_MONTH_ALT = "|".join(MONTHS_FR + [m.lower() for m in MONTHS_EN] + ["fevrier", "aout",
                                                                     "decembre"])
DATE_RE = re.compile(
    rf"\b(?:(?:les?|du|on|the)\s+)?(\d{{1,2}}(?:er)?(?:\s+(?:et|au|and|-)\s+\d{{1,2}})?\s+"
    rf"(?:{_MONTH_ALT})(?:\s+\d{{4}})?|(?:{_MONTH_ALT})\s+\d{{1,2}}(?:st|nd|rd|th)?"
    rf"(?:,?\s+\d{{4}})?|(?:{_MONTH_ALT})\s+\d{{4}})\b",
    re.IGNORECASE)
YEAR_RE = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_NUMBER_ALT = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
NUMBER_RE = re.compile(rf"\b(\d{{1,3}}(?:[ \u00a0\u202f]\d{{3}})+(?!\d)|\d+(?:[.,]\d+)?|"
                       rf"{_NUMBER_ALT})\b", re.IGNORECASE)  # '120 000' is one number
_UNITS = (r"heures?|hours?|h|minutes?|jours?|days?|semaines?|weeks?|mois|months?|ans|années?|"
          r"years?|saisons?|seasons?|décennies?|decennies?|decades?")
_UNITS += r"|secondes?|seconds?|min|s"
_ONE_DURATION = rf"(?:\d+(?:[.,]\d+)?|{_NUMBER_ALT})\s*(?:{_UNITS})\b"
# "plus de quatre heures", "2 hours 3 minutes 41 seconds", "2 h 19 min 5 s"
DURATION_RE = re.compile(rf"\b(?:plus de |more than |près de |about |environ )?"
                         rf"{_ONE_DURATION}(?:,?\s+(?:and\s+|et\s+)?{_ONE_DURATION})*",
                         re.IGNORECASE)
# One unit said with an article: "more than a decade", "plus d'une saison", "for a year".
ONE_UNIT_RE = re.compile(r"\b(?:plus d['’]|more than |over )?(?:an?|une?)\s+(?:hour|heure|day|"
                         r"jour|week|semaine|month|mois|year|an|année|season|saison|decade|"
                         r"décennie)\b", re.IGNORECASE)
# "How long is X?" asks for a length ("It will be 420 metres long"), "how long has she been
# mayor?" for a duration.
_LENGTH_UNITS = r"m[eè]tres?|meters?|kilom[eè]tres?|kilometers?|km|miles?|feet|foot"
LENGTH_RE = re.compile(rf"\b(?:\d[\d,.]*|{_NUMBER_ALT})\s?(?:{_LENGTH_UNITS})\b", re.IGNORECASE)
LENGTH_QUESTION_RE = re.compile(r"^(?!.*\b(?:last\w*|take|took|run|go on|stay|remain|durer|"
                                r"dure\w*)\b).*(?:\bhow long (?:is|are|was|were)\b|\bhow long "
                                r"(?:will|would|should|could|must) [^?]{1,60}\bbe\s*\?|\blength|"
                                r"longueur)")
# A news dateline ("KESTREL BAY, 14 February 2025 - ") dates the article, not the event.
DATELINE_RE = re.compile(r"^[A-ZÀ-Ý][A-ZÀ-Ý .'’-]+,\s[^-–—]{4,40}?\s[-–—]\s")
_SCALE = r"(?:millions?|billions?|milliards?|thousands?|mille|trillions?|bn|mn|m|k)"
_MONEY = r"(?:euros?|dollars?|pounds?|livres?|francs?|yens?|yuans?|roubles?|rubles?|€|\$|£)"
_PERCENT = r"(?:%|percent|per cent|pour cent)"
_CURRENCY = rf"(?:{_MONEY}|{_PERCENT})"
# Measures keep their unit too: "12 seconds", "420 metres", "900 megawatts" (language data).
_MEASURE = (r"(?:secondes?|seconds?|minutes?|hours?|heures?|days?|jours?|weeks?|semaines?|"
            r"months?|years?|ans|années?|m[eè]tres?|meters?|kilom[eè]tres?|kilometers?|km|"
            r"kilogram(?:me)?s?|kg|tonnes?|tons?|litres?|liters?|megawatts?|gigawatts?|MW|GW|"
            r"hectares?|miles?|feet|foot|points?|seats?|sièges?)")
_UNIT = rf"(?:{_CURRENCY}|{_MEASURE})"
# An amount keeps its currency, scale and unit: "$1,250,000", "12 million euros", "3,5 %".
AMOUNT_RE = re.compile(
    rf"(?:[$€£]\s?)?(?:\d{{1,3}}(?:[,\u202f\u00a0 ]\d{{3}})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)"
    rf"(?:\s?{_SCALE}\b)?(?:\s?(?:d['’]|de |of )?{_UNIT}(?!\w)"
    rf"(?:\s?(?:per|an?|par|à l['’]|/)\s?(?:hour|heure|h|second|seconde|s|day|jour|year|an)\b)?)?",
    re.IGNORECASE)  # a rate keeps its "per hour": "145 kilometres per hour"
NAME_RE = re.compile(r"\b([A-ZÀ-Ý][a-zà-ÿ]+(?:[- ](?:de |von |van |al-)?[A-ZÀ-Ý][a-zà-ÿ]+)+)\b")
PLACE_RE = re.compile(r"\b(?:à|au|aux|en|in|at|near|près de|outside|close to)\s+"
                      r"([A-ZÀ-Ý][\w-]+(?:[- ][A-ZÀ-Ý][\w-]+)?)")
# Where someone goes when it is no named place: "will visit the line of contact", "visitera la
# ligne de contact de l'Ukraine" (verbs of going, language data).
DESTINATION_RE = re.compile(
    r"\b(?:visit\w*|visiter\w*|go(?:es|ing)? to|went to|travel\w* to|head\w* to|"
    r"(?:se )?rend\w* (?:à|au|aux|sur)|(?:ira|iront|allait|va) (?:à|au|aux|sur))\s+"
    r"((?:the|la|le|les|l['’])\s?[^,;.()]{3,60}?)(?=\s(?:avec|with|pour|for|afin|où|where|"
    r"qui|which|to|on|le|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\b|[,;.()]|$)",
    re.IGNORECASE)
# A named place someone goes to: "travel to Moncton", "flew back to Lagos" (verbs of going).
GOING_TO_RE = re.compile(
    r"\b(?:travel\w*|go|goes|going|gone|went|head\w*|mov(?:e|es|ed|ing)|fl(?:y|ies|ew|own)|"
    r"driv(?:e|es|en|ing)|drove|sail\w*|return\w*|sen[dt]\w*|bound|moved)\s+(?:back\s+)?to\s+"
    r"([A-ZÀ-Ý][\w-]+(?:[- ][A-ZÀ-Ý][\w-]+)?)")
CAPITAL_RE = re.compile(r"\b([A-ZÀ-Ý][a-zà-ÿ]+(?:[- ][A-ZÀ-Ý][a-zà-ÿ]+)*)\b")
SINCE_RE = re.compile(r"\b(?:depuis|since)\s+((?:1[89]|20)\d\d|[^,.;:()]{3,30}?)(?=[,.;:)]|$)",
                      re.IGNORECASE)
COMPARE_RE = re.compile(r"\b(?:compar\w*|likened)\s+(?:\S+\s+){0,3}?(?:à|au|aux|to|with|avec)\s+"
                        r"([^,;.()]{3,80})", re.IGNORECASE)
QUOTE_RE = re.compile(r"«\s*([^»]{8,300}?)\s*»|“([^”]{8,300})”|\"([^\"]{8,300})\"")
# A quotation the sentence splitter cut: the sentence opens it, or closes one opened before.
OPEN_QUOTE_RE = re.compile(r"^\s*[«“\"]\s*([^«»“”\"]{8,300}?)\s*$")
CLOSE_QUOTE_RE = re.compile(r"^\s*([^«»“”\"]{8,300}?)\s*[,.]?\s*[»”\"]")
CAUSE_RE = re.compile(r"\b(because|since|due to|as a result of|in response to|following|after|"
                      r"en réponse à|en raison de|parce que|parce qu|car|à cause de|suite à|après|"
                      r"afin de|so that|in order to|led to|leads? to|caused|prompted|triggered|"
                      r"resulted in|conduit à|conduit au|mené à|provoqué|entraîné|déclenché|"
                      r"à l['’]origine de)(?!\w)", re.IGNORECASE)
# A reason reported with the act: "rejected the offer, saying it was below inflation".
REASON_GIVEN_RE = re.compile(r",\s(saying|arguing|citing|explaining|disant|estimant|invoquant|"
                             r"expliquant)(?!\w)", re.IGNORECASE)
NEGATION_RE = re.compile(r"\b(?:ne|n['’])\s*(?:\S+\s+){0,3}?(?:pas|jamais|aucune?|rien)\b|"
                         r"\b(?:not|never|cannot|none|nothing|nobody|neither|without|sans)\b|"
                         r"n['’]t\b|"
                         r"\bno\b(?!\.?\s*\d)", re.IGNORECASE)
_WEEKDAYS = ("lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday|"
             "thursday|friday|saturday|sunday")
WEEKDAY_RE = re.compile(rf"\b({_WEEKDAYS})\b", re.IGNORECASE)
# A month without a day: "plus tard en janvier", "in late January", "début 2022".
MONTH_RE = re.compile(rf"\b((?:(?:plus tard|fin|début|debut|mi|later|early|late|mid|end of|"
                      rf"au début de|à la fin de)[- ]\s*)?(?:en |in )?(?:{_MONTH_ALT})"
                      rf"(?:\s+\d{{4}})?|(?:début|fin|early|late) (?:de |d')?\d{{4}})\b",
                      re.IGNORECASE)
# A quarter or season of a year: "in the second quarter of 2026", "au printemps 2024".
PERIOD_RE = re.compile(r"\b((?:(?:the )?(?:first|second|third|fourth|last) quarter|"
                       r"(?:premier|deuxième|second|troisième|quatrième|dernier) trimestre|"
                       r"(?:spring|summer|autumn|fall|winter|printemps|été|automne|hiver))"
                       r"(?: of| de| d')?\s+\d{4})\b", re.IGNORECASE)
# What a measure question asks for (its cue words) and the units that answer it.
_MEASURE_FAMILIES = [
    (re.compile(r"\b(heavy|weigh\w*|mass|pese\w*|pes\w*|poids|lourd\w*)\b"),
     re.compile(r"\b(kilogram\w*|kg|tonnes?|tons?|grammes?|grams?|pounds?|livres?)\b", re.I)),
    (re.compile(r"\b(tall|high|height|wide|width|deep|depth|far|distance|length|hauteur|haut\w*|"
                r"largeur|large|profond\w*|loin|longueur|mesure\w*)\b"),
     re.compile(rf"\b({_LENGTH_UNITS})\b", re.I)),
    (re.compile(r"\b(power|capacity|puissance|capacite)\b"),
     re.compile(r"\b(megawatts?|gigawatts?|kilowatts?|MW|GW|kW)\b", re.I)),
    (re.compile(r"\b(fast|speed|vite|vitesse|rapide\w*)\b"),
     re.compile(r"\bper hour\b|\bà l'heure\b|km/h|mph", re.I)),
]
MONEY_QUESTION_RE = re.compile(r"\b(cost\w*|price\w*|prix|cout\w*|paid|pay|paye\w*|spen[dt]\w*|"
                               r"depens\w*|worth|vaut|budget\w*|salar\w*|earn\w*|gagn\w*|fine[ds]?|"
                               r"amende\w*|euros?|dollars?|pounds?|money|argent)\b")
RATE_QUESTION_RE = re.compile(r"\b(percent\w*|per cent|pourcentage|rate|taux|rise|hausse|"
                              r"increase|augmentation|share|part|proportion)\b")
AGE_QUESTION_RE = re.compile(r"\b(how old|age|ages|aged)\b")
AGE_RE = re.compile(r"\d+\s?-?\s?years?[- ]old|\baged\b|\b[aâ]g[ée]e?s? de\b|\d+ ans\b|"
                    r"\b(?:since|depuis) \d{4}\b", re.IGNORECASE)
_DETERMINER_RE = re.compile(r"(?<!\w)(?:le|la|les|l['’]|un|une|the|an?)(?:\s+|(?<=['’]))",
                            re.IGNORECASE)

# Kinds whose answer must show evidence of the asked type (the others only rank by it).
TYPED_KINDS = {"date", "year", "duration", "number", "place", "person", "compare", "definition"}


def question_type(question: str) -> str:
    """The kind of answer a question asks for (see `qa.answer.kinds`)."""
    return question_kind(question).kind


@dataclass(frozen=True)
class Evidence:
    """A short answer found in a sentence: its text and span."""

    text: str
    start: int
    end: int
    preferred: bool = True  # found by the kind's first pattern ("since 2019" for "last")


def _not_in_question(found: str, question: str, name: bool = True) -> bool:
    """False for a span the question already holds (whole, or, for a `name`, a word of it:
    "Vladimir Poutine" does not answer a question about Poutine)."""
    asked = fold(without_context(question))
    if fold(found) in asked:
        return False
    if name and found[:1].isupper():
        asked_words = set(re.findall(r"\w+", asked))
        return not any(len(w) >= 4 and w in asked_words for w in re.findall(r"\w+", fold(found)))
    return True


_KIND_REGEXES = {
    "duration": [DURATION_RE, ONE_UNIT_RE], "year": [YEAR_RE],
    "date": [DATE_RE, MONTH_RE, PERIOD_RE, YEAR_RE],
    "number": [AMOUNT_RE, NUMBER_RE], "country": [PLACE_RE, CAPITAL_RE],
    "place": [PLACE_RE, DESTINATION_RE, GOING_TO_RE],
    "person": [NAME_RE], "compare": [COMPARE_RE], "why": [CAUSE_RE, REASON_GIVEN_RE],
    "quote": [QUOTE_RE, OPEN_QUOTE_RE, CLOSE_QUOTE_RE],
}


def find_evidence(kind: QuestionKind | str, sentence: str, question: str,
                  same_language: bool = True, known: str = "") -> list[Evidence]:
    """Spans of `sentence` that answer a question of this kind (those already in the question
    or in `known`, what the conversation already said, and those in a dateline are left out,
    so the kind's next pattern is tried; a count must sit by the counted noun when question
    and sentence share a language)."""
    if isinstance(kind, str):
        kind = QuestionKind(kind)
    if kind.kind == "definition":
        found = describe(kind.subject, sentence)
        return [found] if found else []
    regexes = _KIND_REGEXES.get(kind.kind, [])
    if kind.since and kind.kind in {"year", "date"}:
        regexes = [SINCE_RE, *regexes]
    if kind.head in {"day", "days", "jour", "jours"}:
        regexes = [WEEKDAY_RE, *regexes]
    if kind.kind == "duration" and LENGTH_QUESTION_RE.search(fold(question)):
        regexes = [LENGTH_RE]  # a length is asked: a duration does not answer
    counted = counted_noun(question) if kind.kind == "number" and same_language else ""
    dateline = DATELINE_RE.match(sentence)
    skip_to = dateline.end() if dateline else 0
    out: list[Evidence] = []
    for n, rx in enumerate(regexes):
        for m in rx.finditer(sentence):
            if m.start() < skip_to:
                continue
            group = next((g for g in range(1, rx.groups + 1) if m.group(g)), 0)
            whole = kind.kind in {"duration", "why"} or rx is AMOUNT_RE
            start, end = m.span() if whole else m.span(group)
            if kind.kind == "why":
                end = len(sentence.rstrip(" .;"))
            text = sentence[start:end].strip()
            if not text or not _not_in_question(text, question, kind.kind != "quote") or (
                    known and not _not_in_question(text, known, kind.kind != "quote")):
                continue
            if kind.kind == "number" and not _good_number(text, sentence[end:], counted):
                continue
            if kind.kind == "place" and kind.head in _CITY_HEADS and re.match(
                    r"en\b", sentence[m.start():], re.IGNORECASE):
                continue  # "en Lettonie" names a country, not a city
            if kind.kind in {"person", "place", "country"} and rx is not DESTINATION_RE and (
                    _is_generic(text, sentence, start)):
                continue
            out.append(Evidence(text, start, start + len(text),
                                preferred=n == 0 or rx is REASON_GIVEN_RE))
        if out:
            break
    if not out:  # a count given as a list, an owner as a description (qa.answer.implied)
        out = implied_evidence(kind, sentence, question)
    if kind.kind == "quote":  # the words linked to the described thing, quoted or not
        span = described_as(question, sentence)
        if span and not any(e.start <= span[0] < e.end for e in out):
            out = [Evidence(sentence[span[0]:span[1]], *span), *out]
    if kind.kind == "number" and kind.amount:  # money or a measure: the unit must be there
        out = [e for e in out if not re.fullmatch(r"[\d.,\s\u202f\u00a0]+", e.text)
               and fold(e.text) not in NUMBER_WORDS]
        if MONEY_QUESTION_RE.search(fold(question)):  # "cost" asks for a sum, not a measure
            # nor a share ("salary" is not answered by "54.2 per cent"), unless a rate is asked
            unit = _CURRENCY if RATE_QUESTION_RE.search(fold(question)) else _MONEY
            out = [e for e in out if re.search(unit, e.text, re.IGNORECASE)]
        for cue, unit in _MEASURE_FAMILIES:  # "how heavy" asks for kilograms, not minutes
            if cue.search(fold(question)):
                out = [e for e in out if unit.search(e.text)]
                break
    if kind.kind == "number" and AGE_QUESTION_RE.search(fold(question)):
        # "how old is X?" asks for an age ("the 31-year-old", "âgé de 60 ans", "since 2002"),
        # not any count near X
        out = [e for e in out if AGE_RE.search(sentence[max(0, e.start - 12):e.end + 12])] or [
            Evidence(m.group(0), *m.span()) for m in SINCE_RE.finditer(sentence)
            if YEAR_RE.fullmatch(m.group(1))]
    return out


_CITY_HEADS = {"city", "cities", "town", "ville", "villes", "capital", "capitale"}


def counted_noun(question: str) -> str:
    """What a "how many X" question counts ("diplomates" in "combien de diplomates russes",
    "members" in "how many NATO members"), or ''."""
    for word in counted_phrase(question).split():
        if len(word) >= 3 and not word[:1].isupper():
            return word
    return ""


def _good_number(text: str, after: str, counted: str) -> bool:
    """A count: not a year, not the day of a date, next to the counted noun when there is one."""
    if YEAR_RE.fullmatch(text) or fold(text) in {"un", "une", "one"}:
        return False
    following = fold(after[:40])
    if re.match(rf"\s*(?:er\s+)?(?:{_MONTH_ALT})\b", following):
        return False  # "13 janvier" is a date
    if counted:
        stem = fold(counted)[:4]
        if not any(w.startswith(stem) for w in re.findall(r"\w+", following)[:4]):
            return False
    return bool(re.search(r"\d", text)) or fold(text) in NUMBER_WORDS


def implied_evidence(kind: QuestionKind, sentence: str, question: str) -> list[Evidence]:
    """What a sentence implies for a count or a "who VERB NAME?" question (non-preferred)."""
    if kind.kind == "number" and not kind.amount:
        found = enumerated_count(sentence, question)
        return [Evidence(str(found[0]), found[1], found[2], preferred=False)] if found else []
    span = apposition(named_object(question), sentence) if kind.kind == "person" else None
    return [Evidence(sentence[span[0]:span[1]], *span, preferred=False)] if span else []


def find_subject(subject: str, sentence: str) -> tuple[int, int] | None:
    """Where `subject` (or its last word, a surname) occurs in `sentence`, accents aside."""
    folded = fold(sentence)
    if len(folded) != len(sentence):
        return None
    for probe in (subject, subject.split()[-1] if subject.split() else ""):
        if len(probe) < 3:
            continue
        m = re.search(rf"(?<!\w){re.escape(fold(probe))}(?!\w)", folded)
        if m:
            if probe != subject:  # widen to the full name as written ("Josep Borrell")
                for named in NAME_RE.finditer(sentence):
                    if named.start() <= m.start() < named.end():
                        return named.span()
            return m.span()
    return None


def describe(subject: str, sentence: str) -> Evidence | None:
    """The role or description attached to `subject` in `sentence`: a title before the name
    ("la vice-secrétaire d'État américaine Wendy Sherman", "NATO Secretary General Jens
    Stoltenberg") or an apposition after it ("Maria Zakharova, porte-parole du ministère...,").
    """
    span = find_subject(subject, sentence) if subject else None
    if span is None:
        return None
    start, end = span
    before = sentence[:start].rstrip()
    before = before[:-1].rstrip() if before.endswith(",") else before
    dashes = [before.rfind(d) + 3 for d in (" - ", " – ", " — ") if d in before]  # datelines
    segment_start = max([max(before.rfind(c) for c in ",;:.!?«»\"(") + 1, *dashes])
    segment = before[segment_start:]
    det = _DETERMINER_RE.search(segment)
    modifier = re.search(r"(?<!\w)(?:the|le|la|les|l['’])\s*$", segment, re.IGNORECASE)
    if modifier:  # "the Selene-2 probe": the name modifies the noun that follows it
        noun = re.match(r"\s+([a-zà-ÿ][\w-]{2,})", sentence[end:])
        if not noun or fold(noun.group(1)) in STOP_NOUNS:
            return None
        offset = segment_start + modifier.start()
        return Evidence(sentence[offset:end + noun.end()], offset, end + noun.end())
    if det:
        phrase = segment[det.start():].strip()
    else:  # a capitalised title run: "US Deputy Secretary of State"
        run: list[str] = []
        for w in reversed(segment.split()):
            if not (w[:1].isupper() or w in {"of", "de", "du", "des", "for", "and", "et"}):
                break
            run.insert(0, w)
        phrase = " ".join(run).strip()
        if not phrase and 2 <= len(segment.split()) <= 5 and segment[:1].isupper():
            phrase = segment.strip()  # a title opening the sentence: "Harbour engineer X"
    ends_open = re.search(r"(?<!\w)(?:de|du|des|d['’]|of|for|pour|à|au|aux|with|avec|par|by|in|"
                          r"en|dans|from|to|and|et|a|an|un|une)\s*$", phrase, re.IGNORECASE)
    if ends_open:  # "une réunion du NAME": the name completes another noun, its apposition too
        return None
    if len(phrase.split()) >= 2 and re.search(r"[a-zà-ÿ]{3}", phrase):
        offset = sentence.find(phrase, segment_start)
        return Evidence(phrase, offset, offset + len(phrase))
    after = re.match(r"\s*(?:\([^)]*\)\s*)?,\s*([^,;.()]{3,140}?)\s*,", sentence[end:])
    if after and (not after.group(1)[:1].isupper() or _DETERMINER_RE.match(after.group(1))):
        offset = end + after.start(1)
        return Evidence(after.group(1), offset, offset + len(after.group(1)))
    return None


# Words after "the NAME" that are not the noun it modifies (language data).
STOP_NOUNS = {"and", "et", "or", "ou", "was", "is", "has", "had", "will", "said", "est", "a",
              "de", "du", "des", "of", "in", "on", "to", "for", "with", "que", "qui", "who",
              "which", "that", "dans", "pour", "avec", "sur", "par", "by", "at"}


def negated(sentence: str) -> bool:
    """True when the sentence holds a negation ("n'est pas", "not", "never", "sans renoncer")."""
    return bool(NEGATION_RE.search(sentence))


_INSTITUTIONS = {"conseil", "union", "comite", "ministere", "organisation", "etats", "nations",
                 "parlement", "commission", "gouvernement", "assemblee", "council", "committee",
                 "ministry", "department", "agence", "agency", "bureau", "office", "groupe",
                 "group", "maison", "alliance", "affaires", "premier", "president", "secretaire"}
_NOT_NAMES = {"le", "la", "les", "un", "une", "the", "a", "il", "elle", "ils", "plus", "d",
              "selon", "mardi", "lundi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
              "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}


def _is_generic(text: str, sentence: str, start: int) -> bool:
    tokens = [fold(t) for t in re.split(r"[- ]", text)]
    if start == 0 and len(tokens) == 1:  # a capitalised first word is not a name by itself
        return True
    if tokens[0] in _NOT_NAMES or any(t in _INSTITUTIONS for t in tokens):
        return True
    return fold(text) in {fold(m) for m in MONTHS_FR}

