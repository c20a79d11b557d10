"""What a question asks for, read from its structure rather than from a list of phrasings.

The question is parsed left to right: leading conjunctions are dropped, then the interrogative
word that opens it (after an optional preposition: "in which", "depuis quand", "à quelle
date") and, for which/what/quel, the head noun after it ("which city" -> place, "quels pays"
-> a list of countries). A question with no interrogative word that opens with an auxiliary
("Is...", "Did...", "Est-ce que...", "L'Ukraine est-elle...?") is yes/no. Verbs of the question
add what it wants from the sentence: a comparison, the words used, "last"/"first since".
Only the opening interrogative counts: "What did X say when Y called?" asks what was said.
The word lists are language data (French and English function words and head nouns).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from qa.text import STOPWORDS, fold

_LEAD_IN = {"and", "et", "so", "alors", "mais", "but", "also", "aussi", "then", "puis", "ok",
            "okay", "donc", "now", "maintenant", "tell", "me", "dis", "moi", "dites", "please",
            "stp", "svp"}
_PREPOSITIONS = {"in", "at", "on", "from", "to", "for", "since", "until", "by", "with",
                 "about", "a", "au", "aux", "en", "dans", "de", "du", "des", "depuis", "pour",
                 "par", "avec", "jusqu", "vers", "sur", "of", "into", "over", "after", "before",
                 "apres", "avant", "pendant", "during", "entre", "between", "chez", "against",
                 "contre", "under", "sous"}
_AUXILIARIES = {"is", "are", "was", "were", "do", "does", "did", "can", "could", "will",
                "would", "has", "have", "had", "should", "may", "might", "must", "shall", "isn",
                "aren", "wasn", "didn", "doesn", "don", "won", "hasn", "haven"}
# Head nouns after which/what/quel(le)(s): the kind of thing asked for (language data).
_HEADS = {
    "place": """city cities town towns ville villes place places lieu lieux location locations
        endroit endroits capital capitale capitales venue site region regions""",
    "country": "country countries pays nation nations",
    "date": "date dates day days jour jours month mois",
    "year": "year years annee annees",
    "person": """person people persons personne personnes official officials responsable
        responsables leader leaders dirigeant dirigeants minister ministers ministre ministres
        diplomat diplomats diplomate diplomates president spokesman spokeswoman spokesperson
        porte-parole man woman homme femme chief chef name names nom noms""",
    "number": """number nombre amount montant price prix cost cout sum somme percentage
        pourcentage share part proportion total quantity quantite population budget budgets
        salary salaire revenue revenu income fortune margin marge gap ecart difference age ages""",
    "duration": "duration duree period periode",
}
# Roles that ask for a person when they are the head noun itself ("which lawyer...", not
# "what promises has the mayor made?"); the answer sentence should hold them (language data).
_ROLE_HEADS = set("""lawyer lawyers attorney avocat avocate avocats judge judges juge juges
    director directors directeur directrice directeurs executive executives dirigeante chairman
    chair chairwoman mayor maire candidate candidates candidat candidats winner winners
    vainqueur vainqueurs gagnant gagnante coach entraineur manager managers engineer ingenieur
    secretary secretaire commissioner commissaire runner runners coureur coureuse athlete
    athletes player players joueur joueuse founder fondateur""".split())
# "D'où", "par où", "jusqu'où": "où" after these asks for a place ("ou" alone is "or")
_WHERE_FROM = {"d", "par", "jusqu"}
_HEAD_KIND = {w: kind for kind, ws in _HEADS.items() for w in ws.split()}
_WHICH = {"which", "what", "whom", "quel", "quelle", "quels", "quelles", "lequel", "laquelle",
          "lesquels", "lesquelles"}
# "what was her time?" asks for something of a person, not what "her time" is (language data)
_POSSESSIVES = {"his", "her", "its", "their", "my", "your", "our", "son", "sa", "ses", "leur",
                "leurs", "mon", "ma", "mes", "ton", "ta", "tes", "notre", "votre", "nos", "vos"}
_NUMBER_HEADS = {"two", "three", "four", "five", "deux", "trois", "quatre", "cinq", "several",
                 "plusieurs", "all", "tous", "toutes"}
_TYPE_WORDS = {"kind", "kinds", "type", "types", "sort", "sorts", "sorte", "sortes", "genre",
               "genres", "categorie", "categories"}
_CAUSE_VERB = re.compile(r"(est ce qui a |est-ce qui a |a )?(led|lead|leads|caused|causes|prompted|"
                         r"triggered|explains?|drove|motivated|provoque|cause|conduit|pousse|"
                         r"explique|motive)\b")
# "A before or after B?": which of two events came first (qa.answer.order)
ORDER_RE = re.compile(r"\b(?:before or after|after or before|earlier or later|"
                      r"avant ou apr[eè]s|apr[eè]s ou avant|plus t[oô]t ou plus tard)\b",
                      re.IGNORECASE)
_IN_SITU = {"quoi", "quand", "pourquoi", "combien"}
_COMPARE = re.compile(r"\bcompar\w*|\blikened\b|\bcompare\w*|\bsimilar to\b|\bsemblable\b")
_DESCRIBE = re.compile(r"\b(describ\w*|decri\w*|qualifi\w*|call(ed)?|appel\w*|characteri[sz]\w*|"
                       r"term\w*|say|said|dit|dire|declare\w*|words?|mots?|quote\w*)\b")
_LAST = re.compile(r"\b(last|latest|derniere fois|dernier|derniere|first since|premiere depuis|"
                   r"since when|depuis quand)\b")
_SINCE_IN_SITU = re.compile(r"\b(depuis|since) (quand|when|laquelle|lequel|lesquel\w*|which|"
                            r"what)\b")
_AMOUNT = re.compile(r"\b(cost|costs|price|prix|coute\w*|cout\w*|budget\w*|revenue|revenu|income|"
                     r"worth|vaut|paid|pay|"
                     r"payé|paye|earn\w*|gagne\w*|salar\w*|spend|spent|depense\w*|euros?|"
                     r"dollars?|much)\b")


@dataclass(frozen=True)
class QuestionKind:
    """What a question asks for.

    kind: date, year, duration, number, place, country, person, definition, why, how, yesno,
    order ("A before or after B?"), quote, compare ("compared to what?"), contrast ("how does
    A compare with B?") or other.
    `subject` is the thing to define ("Wendy Sherman"), `plural` is set for lists ("which two
    countries"), `since` for "last / first since" questions, `amount` when the number is money
    or a quantity with its unit and `focus` the word the answer sentence should hold.
    """

    kind: str
    subject: str = ""
    plural: bool = False
    since: bool = False
    amount: bool = False
    head: str = ""  # the head noun of which/what/quel questions ("city", "day")
    focus: str = ""  # the word the answer sentence should hold: "paid" in "who paid for X"


_ATTRIBUTION = re.compile(r"^\W*(according to|selon|d'après|d’après|in the view of|pour)"
                          r"\s[^,?]{2,60},\s*", re.IGNORECASE)


def without_context(question: str) -> str:
    """A question without the context a resolved follow-up carries in brackets at its end
    ("When will she present it? (the mayor)" -> "When will she present it?"); the
    whole question when it has none. Cut at the first " (", as `qa.answer.rewrite` appends it."""
    return question.split(" (")[0]


def _tokens(question: str) -> list[str]:
    question = _ATTRIBUTION.sub("", question)  # "According to Russia, what led to...?"
    head = fold(question.split("(")[0]).replace("'", " ").replace("’", " ")
    tokens = re.findall(r"[\w-]+", head)
    while tokens and tokens[0] in _LEAD_IN:
        tokens.pop(0)
    return tokens


_DEFINITION_RE = re.compile(
    r"^\W*(?:(?:and|et|so|alors|but|mais)\s+)?(?:who|qui|what|qu['’]est-ce\s+qu[e'’]?|"
    r"c['’]est\s+quoi|que)\s*(?:['’]s|is|was|are|est|était|etait|sont)?\s+"
    r"(?:l['’]|the\s+|le\s+|la\s+|les\s+|an?\s+|une?\s+)?(.+?)\s*[?.!]*$", re.IGNORECASE)


def definition_subject(question: str) -> str:
    """The thing a "who is X / what is X / qu'est-ce que X" question asks to define."""
    m = _DEFINITION_RE.match(without_context(question).strip())
    return m.group(1).strip() if m else ""


def question_kind(question: str) -> QuestionKind:
    """Parse what `question` asks for (see the module docstring)."""
    tokens = _tokens(question)
    folded = " ".join(tokens)
    since = bool(_LAST.search(folded))
    if not tokens:
        return QuestionKind("other")
    if ORDER_RE.search(without_context(question)):
        return QuestionKind("order")
    i = 0
    while i < len(tokens) - 1 and (tokens[i] in _PREPOSITIONS or tokens[i] in _WHERE_FROM
                                   ) and tokens[i] not in {"a"}:
        i += 1
    if tokens[i] == "a" and i + 1 < len(tokens) and tokens[i + 1] in {"quel", "quelle", "qui"}:
        i += 1
    # "près de quelle ville", "next to which town": a word and its prepositions before which
    for j in range(i + 1, min(i + 3, len(tokens))):
        if tokens[j] in _WHICH and tokens[i] not in _AUXILIARIES and all(
                t in _PREPOSITIONS for t in tokens[i + 1:j]) and j > i + 1:
            i = j
            break
    wh = tokens[i]
    nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
    rest = tokens[i + 1:]
    if wh in {"quand", "when"}:
        return QuestionKind("year" if since else "date", since=since, focus=_last_word(question))
    if wh == "depuis" or (wh == "since" and nxt == "when"):
        return QuestionKind("year", since=True)
    if wh in {"where"} or (wh == "ou" and (i == 0 or tokens[i - 1] in _WHERE_FROM)):
        return QuestionKind("place")
    if wh in {"why", "pourquoi"}:
        return QuestionKind("why")
    if wh == "how" or wh == "comment" or wh == "combien":
        return _how(wh, nxt, rest, folded, since)
    if wh in {"who", "whom", "qui"} or (wh == "whose"):
        if nxt in {"is", "was", "est", "etait"} and len(rest) <= 5:
            subject = definition_subject(question)
            if subject[:1].isupper():
                return QuestionKind("definition", subject=subject)
        return QuestionKind("person", plural=nxt in {"are", "were", "sont", "etaient"},
                            focus=_verb(rest))
    if wh in {"what", "qu"} and _CAUSE_VERB.match(" ".join(rest)):
        return QuestionKind("why")  # "what led to...", "qu'est-ce qui a provoqué..."
    if wh in {"which", "what", "quel", "quelle", "quels", "quelles", "que", "qu", "quoi"}:
        return _which(question, wh, i, rest, folded, since)
    if _SINCE_IN_SITU.search(folded):  # "...la première depuis laquelle ?"
        return QuestionKind("year", since=True)
    asked = next((j for j in range(i + 1, len(tokens)) if tokens[j - 1] in _PREPOSITIONS
                  and tokens[j - 1] not in {"depuis", "since"}  # "la première depuis quelle"
                  and tokens[j] in _WHICH | {"qui", "who"}), 0)
    if asked and wh not in _AUXILIARIES and wh != "est-ce":
        # "de la part de qui ... ?", "Vienna is the capital of which country?": the asking
        # word after a preposition says what is asked, not the opening words
        kind = question_kind(" ".join(tokens[asked:]) + " ?")
        return replace(kind, since=kind.since or since)
    in_situ = next((t for t in tokens[i + 1:] if t in _IN_SITU), "")
    if in_situ:  # "pour discuter de quoi ?", "il est parti quand ?"
        return question_kind(in_situ.replace("quoi", "what") + "?") if in_situ != "quoi" else (
            QuestionKind("other", since=since))
    if wh == "est-ce" or wh in _AUXILIARIES or re.search(
            r"\b\w+-(t-)?(il|elle|ils|elles|on)\b", folded):
        if _COMPARE.search(folded):
            return QuestionKind("compare")
        return QuestionKind("yesno")
    if wh in {"name", "list", "cite", "citez", "nomme", "nommez", "enumerate", "enumere"}:
        return QuestionKind("other", plural=True)
    if _COMPARE.search(folded):
        return QuestionKind("compare")
    return QuestionKind("other", since=since)


_SIDES_RE = re.compile(r"^\W*(?:how|comment)\s+(?:does|did|do|will|would|is|are|was|were)?\s*"
                       r"(.+?)\s+(?:se\s+)?compar\w*(?:-t-\w+)?\s+(?:with|to|against|avec|à|au|"
                       r"aux)\s+(.+?)\s*[?.!]*$", re.IGNORECASE)


def contrast_sides(question: str) -> tuple[str, str] | None:
    """The two things a "how does A compare with B?" question sets side by side, or None."""
    m = _SIDES_RE.match(without_context(question).strip())
    return (m.group(1), m.group(2)) if m else None


def _how(wh: str, nxt: str, rest: list[str], folded: str, since: bool) -> QuestionKind:
    if wh in {"how", "comment"} and _COMPARE.search(folded):
        return QuestionKind("contrast")  # "how does A compare with B?": both sides' facts
    if wh == "combien":
        if rest[:2] == ["de", "temps"]:
            return QuestionKind("duration")
        # "combien de X" / "combien d'X" counts X; "combien coûte..." asks for an amount
        return QuestionKind("number", amount=bool(_AMOUNT.search(folded))
                            or rest[:1] not in (["de"], ["d"]))
    if nxt in {"many", "much", "old", "far", "big", "large", "high"}:
        return QuestionKind("number", amount=nxt == "much" or bool(_AMOUNT.search(folded)))
    if nxt in _MEASURE_ADJECTIVES:  # "how heavy / tall / fast": a measure with its unit
        return QuestionKind("number", amount=True)
    if nxt == "long" and "ago" not in rest:
        return QuestionKind("duration")
    verb = re.search(r"\b(?:describ|decri|qualifi|call|appel|characteri)\w*", folded)
    if _DESCRIBE.search(folded) and verb:  # the sentence using that verb is the likely quote
        return QuestionKind("quote", focus=verb.group(0))
    return QuestionKind("how", since=since)


def _which(question: str, wh: str, i: int, rest: list[str], folded: str,
           since: bool) -> QuestionKind:
    """which/what/quel...: the head noun decides; else the verb (say, compare, mean)."""
    words = [w for w in rest if w not in {"the", "a", "an", "le", "la", "les", "l", "de", "d",
                                         "des", "of", "du"}]
    plural = wh in {"quels", "quelles"}
    head = ""
    for w in words[:3]:
        if w in _NUMBER_HEADS:
            plural = True
            continue
        if w in _TYPE_WORDS:
            plural = plural or w.endswith("s")
            continue
        head = head or w
    # the first known head noun among the next words ("which Russian officials", "what is
    # the name of"), else the first word; the wh-phrase ends at its verb ("in what form did
    # the diplomats meet": not "diplomats") and a noun of a noun is not the head ("quelle
    # partie du pays": a part, not a country)
    phrase = _wh_phrase(rest)
    known = next((w for w in phrase[:4] if w in _HEAD_KIND), "")
    head = known or head
    kind = _HEAD_KIND.get(head) or ("person" if head in _ROLE_HEADS else None)
    if kind:
        plural = plural or (head.endswith("s") and not head.endswith("ss") and kind != "country"
                            and head not in {"pays", "mois", "prix", "cost", "dates"})
        plural = plural or head in {"countries", "people"}
        if kind == "date" and since:
            kind = "year"
        # "by what date must she present her budget?": its verb or object, as for "when"
        focus = _last_word(question) if kind in {"date", "year"} else ""
        if head in _ROLE_HEADS:
            focus = head  # "which lawyer...": the name the sentence calls a lawyer
        return QuestionKind(kind, plural=plural, since=since, head=head, focus=focus,
                            amount=kind == "number" and bool(_AMOUNT.search(folded)))
    if _COMPARE.search(folded):
        return QuestionKind("compare")
    if wh in {"what", "que", "qu", "quoi"} and _DESCRIBE.search(folded):
        return QuestionKind("quote")
    if head in {"is", "est", "est-ce", "was", "are", "does", "signifie", "mean", "means"} or (
            wh == "qu" and rest[:2] == ["est", "ce"]):
        subject = definition_subject(question)
        if 0 < len(subject.split()) <= 5 and not re.search(r"\b(de|of)\b", fold(subject)) and (
                _names_a_thing(question, subject)):
            return QuestionKind("definition", subject=subject)
    if since:
        return QuestionKind("year", since=True)
    # the head noun: "promises" in "what two promises has she made?" ("promised" holds it)
    focus = head if len(head) > 3 and head.isalpha() and head not in _VAGUE_HEADS and (
        head not in _VERB_AUXILIARIES) else ""  # "what will...": no head noun to hold
    # "which companies...": a plural head asks for a list
    plural = plural or bool(focus and wh in {"which", "what"} and re.search(r"[^siu]s$", head))
    return QuestionKind("other", plural=plural, focus=focus)


_OF_WORDS = {"of", "de", "du", "des", "d"}
_ARTICLES = {"the", "a", "an", "le", "la", "les", "l"}


def _wh_phrase(rest: list[str]) -> list[str]:
    """The words of a which/what phrase after the wh-word, without articles and "of": up to
    its verb or the article of the next phrase, and up to an unknown noun's "of" ("partie du
    pays" -> ["partie"]); none when a verb other than "be" follows the wh-word."""
    if rest and rest[0] in _VERB_AUXILIARIES - _COPULAS and rest[1:2] not in (["ete"], ["been"]):
        return []  # "what did the minister say?", "qu'a signalé le responsable ?": the wh-word
        # is the verb's object and the noun after it its subject, no head noun
    out: list[str] = []
    for i, w in enumerate(rest):
        if i == 1 and w in {"ete", "been"}:
            continue  # "quel a été le montant": the verb "be"
        if (w in _VERB_AUXILIARIES or w in _ARTICLES) and out:
            break  # "sous quelle forme les diplomates...": an article opens the next phrase
        if w in _OF_WORDS:
            if out and out[-1] not in _HEAD_KIND and out[-1] not in _TYPE_WORDS | _NUMBER_HEADS:
                break
            continue
        if w not in _ARTICLES and not (w in _VERB_AUXILIARIES and i == 0):
            out.append(w)
    return out


_MEASURE_ADJECTIVES = {"heavy", "tall", "deep", "wide", "fast", "powerful", "expensive",
                       "strong", "hot", "cold", "heavily", "big", "long-distance"}
_VAGUE_HEADS = {"else", "other", "others", "autre", "autres", "thing", "things", "chose",
                "choses"}


_COPULAS = {"is", "are", "was", "were", "est", "sont", "etait", "etaient", "fut"}
_VERB_AUXILIARIES = _AUXILIARIES | {"a", "ont", "est", "sont", "etait", "etaient", "avait",
                                    "avaient", "va", "vont", "sera", "seront", "fut", "peut",
                                    "doit", "not", "pas", "n", "ne", "y", "been", "be", "being",
                                    "t", "il", "elle", "ils", "elles", "t-il", "t-elle"}


def _names_a_thing(question: str, subject: str) -> bool:
    """True when the subject of "what is X?" is a thing to define: a name ("Selene-2") or a
    noun after a determiner ("the NRC", "a stablecoin"); not "her time" (a possessive: what
    was her time?) nor "stolen in the attack" (what was stolen?)."""
    first = fold(subject.split()[0])
    if first in _POSSESSIVES:
        return False
    before = without_context(question)[:question.find(subject)] if subject in question else ""
    introduced = re.search(r"(?:\b(?:the|an?|le|la|les|une?)\s+|\bl['’])$", before,
                           re.IGNORECASE)
    return subject[:1].isupper() or bool(introduced)


def _last_word(question: str) -> str:
    """The last plain word of a "when...?" question (names and function words after it
    skipped), usually its verb: "completed" in "when is the deal expected to be completed?"."""
    for word in reversed(re.findall(r"[\w'’-]+", without_context(question))[1:][-4:]):
        if word[:1].isupper() or fold(word) in STOPWORDS:
            continue  # "...delivered from Dunmore?"
        return fold(word) if word.isalpha() and len(word) >= 3 else ""
    return ""


def _verb(rest: list[str]) -> str:
    """The verb of a "who VERB..." question ("paid" in "who paid for...", "averti" in "qui a
    averti..."), auxiliaries skipped; '' when the word after them is not a plain word."""
    for w in rest[:3]:
        if w not in _VERB_AUXILIARIES:
            return w if len(w) >= 3 and w.isalpha() and w not in STOPWORDS else ""
    return ""
