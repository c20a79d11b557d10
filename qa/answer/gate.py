"""The extractive answerer's refusal gate: is the best sentence a good enough answer?

`answers_enough` decides; `confidence` is the score compared with the refusal bars that
`qa.calibrate` fits to each index (similarity to the question plus overlap with its terms,
counting the question's names that the sentence's passage holds and the words of its article's
title: "The project will cost..." in an article headed "Council backs Larch Hill solar park"
answers "How much will the Larch Hill solar park cost?"). `supports` and `coverage` compare
the question's words with the sentence's (same language only).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from qa.answer.asked import absent_names
from qa.answer.crosslang import translated
from qa.answer.evidence import TYPED_KINDS, counted_noun, find_evidence
from qa.answer.kinds import QuestionKind, without_context
from qa.answer.meaning import ELSEWHERE_GAIN, paraphrased, unmentioned_terms
from qa.answer.othertime import unheld_times
from qa.answer.rewrite import named_things
from qa.answer.subjects import distant_names
from qa.answer.valuekind import value_mismatch
from qa.language import document_language
from qa.results import Passage
from qa.text import detect_language, fold, index_terms, split_sentences

if TYPE_CHECKING:
    from qa.answer.extractive import Candidate
    from qa.answer.vectors import WordVectors

# A sentence holding evidence of the asked type (a date for "when") may be this much less
# similar than the refusal bar (chosen on the dev half of eval/questions.jsonl).
TYPED_SLACK = 0.03
YESNO_SURE = 0.6
W_LEXICAL = 0.12  # weight of the term overlap, in the ranking and in `confidence`


def answers_enough(kind: QuestionKind, question: str, best: Candidate,
                   bars: dict[str, float], passages: list[Passage],
                   vectors: WordVectors | None = None) -> bool:
    """True when the best sentence is a good enough answer (`refusal_clause` finds none)."""
    return not refusal_clause(kind, question, best, bars, passages, vectors)


def refusal_clause(kind: QuestionKind, question: str, best: Candidate,
                   bars: dict[str, float], passages: list[Passage],
                   vectors: WordVectors | None = None) -> str:
    """The clause of the refusal gate that refuses the best sentence ('' when none does:
    "supports", "names", "not a count", "time: 2021", "subject: Ilse Marten", "absent: France",
    "unmentioned: salary", "quote", "confidence").
    In the question's language, the sentence must state what is asked
    (`supports`) and, for a question asking for a fact (a date, number, place, person...),
    every specific word of the question must occur in some passage: one near the articles'
    topic but about something they never mention (a salary, the head of a delegation they
    don't name) would get a fact of the right type about something else
    (`qa.answer.meaning.unmentioned_terms`; how/why/yes-no questions paraphrase too freely
    for it: SPF questions on the SPF fiches lost 17 of 105 answers). Only the things the
    question names (a word after a determiner or a preposition: "la délégation", "in total")
    and its focus verb ("qui a signé") count: its other verbs and adjectives are paraphrased
    ("veut voir partir" for "le retrait", "préparatoires" for "préliminaires"). In any
    language, the sentence must be close enough to the question (the index's calibrated bar
    for the question's language); one holding evidence of the asked type (a date for "when",
    the words used for "how did X describe", the asserted predicate of a yes/no question) may
    be `TYPED_SLACK` less close. Across languages, where no word is compared, a question
    asking for the words used ("what did X say...?") needs a quotation in the sentence, and
    any question in another language than the sentence needs a name its article holds,
    translated names counted through `vectors` (`names_held`). A "what is the X of...?"
    question needs X mentioned (`_asked_noun`). In any language, a name of the question
    that the sentence's article holds must be in the sentence, the one before it or the title
    (`qa.answer.subjects.distant_names`): else the fact is of something else; and a name of
    the question that no passage holds, even translated, shows the question is about
    something the articles never mention (`qa.answer.asked.absent_names`)."""
    same = language_pair(question, best.passage) == "same"
    if same and not supports(kind, question, best):
        return "supports"
    if not same and not names_held(question, best.passage, vectors):
        return "names"  # "le mandat de Priya Desai" is not answered by an article on a marathon
    mismatch = value_mismatch(kind, question, best)  # a share for a count (qa.answer.valuekind)
    if mismatch:
        return mismatch
    language = passage_language(best.passage)
    other_time = unheld_times(question, best, passages, language)  # "in 2021" (qa.answer.othertime)
    if other_time:
        return "time: " + ", ".join(other_time)
    # "How old is Ilse Marten?" is not answered by "said the 31-year-old" about another runner
    distant = distant_names(question, best, passages, language, None if same else vectors)
    if distant:
        return "subject: " + ", ".join(distant)
    # "Who represented France...?" where no passage names France (`qa.answer.asked`)
    absent = absent_names(question, passages, vectors)
    if absent:
        return "absent: " + ", ".join(absent)
    # "how did X describe Y": the speaker and the thing described must be in the quote's
    # article
    quoted = kind.kind == "quote"
    # "what was the temperature at...": the thing a what/which question asks about must be
    # mentioned too (only its head noun: the rest of such questions paraphrases freely)
    named_head = kind.kind == "other" and bool(_asked_noun(question))
    if same and (kind.kind in TYPED_KINDS or quoted or named_head):
        texts = [f"{p.title}\n{p.text}" for p in passages if passage_language(p) == language
                 and (not quoted or p.doc_id == best.passage.doc_id)]
        missing = unmentioned_terms(_asked_noun(question) if named_head else question,
                                    language, texts)
        # "who owns X?" answered by what X is ("a joint venture between..."): the verb is
        # what the description stands for, not a word the sentence repeats
        implied = kind.kind == "person" and best.evidence and not best.evidence[0].preferred
        if implied:
            missing = [w for w in missing if fold(w) != kind.focus]
        if not named_head:  # only the things it names and its focus verb: the rest paraphrases
            missing = [w for w in missing if things_or_focus(question, w, kind.focus, language)]
        if vectors is not None:  # "stock" is said by "shares rose": a paraphrase, not unmentioned
            head = without_context(question)
            missing = [w for w in missing if not paraphrased(head, w, best.text, vectors)]
        if missing:
            # the question is about something no passage mentions
            return "unmentioned: " + ", ".join(missing)
        if kind.kind == "number":
            elsewhere = counted_elsewhere(kind, question, best, passages, vectors)
            if elsewhere:
                return "elsewhere: " + ", ".join(elsewhere)
    if quoted and not same and not best.evidence and not REPORTED_RE.search(best.text):
        return "quote"  # across languages the words used are a quotation or reported speech
    # a yes/no sentence holding nearly all the question's words is as sure as a typed one
    stated = kind.kind in TYPED_KINDS or (kind.kind == "quote" and bool(best.evidence)) or (
        kind.kind == "yesno" and same and coverage(question, best) >= YESNO_SURE)
    bar = bars.get(detect_language(without_context(question)), max(bars.values()))
    return "" if confidence(best) >= bar - (TYPED_SLACK if stated else 0.0) else "confidence"


# Reported speech: a verb of saying, then what was said ("a déclaré que certaines des
# propositions étaient inacceptables", "insiste sur le fait que", "said that"; language data).
_SAYING = (r"\b(?:déclar\w*|affirm\w*|dit|disent|estim\w*|insist\w*|soulign\w*|assur\w*|"
           r"said|says|stated|declared|claim\w*|argu\w*|told \w+)"
           r"(?:\s+(?:sur le fait|[\w’']+)){0,2}\s+(?:que|qu['’]|that)\b")
# ... or found by its structure whatever the verb (grammar, not a list of verbs): an auxiliary
# and a past participle then "que"/"that" ("a également réitéré que", "ont fait savoir qu'",
# "has reiterated that"), a past form in -ed or a verb after a subject pronoun ("warned that",
# "il ajoute que"), or a quotation closed or introduced by a verb ("», a-t-il dit", ": «",
# "described as “").
_ADVERB = (r"(?:\s+(?:\w+ment|\w+ly|aussi|déjà|encore|toujours|pas|jamais|also|again|already|"
           r"not|never))?")
_THAT = r"\s+(?:que|qu['’]|that)\b"
_STRUCTURE = "|".join((
    r"\b(?:a|ai|as|avons|avez|ont|avait|avaient|aurait|auraient)(?:\s+(?:il|elle|on))?" + _ADVERB
    + r"\s+\w+(?:é|i|u|it|is)(?:\s+(?:à\s+)?\w+(?:er|ir|re))?" + _THAT,
    r"\b(?:has|have|had)" + _ADVERB + r"\s+\w+" + _THAT,
    r"\b\w{2,}ed" + _ADVERB + _THAT,
    r"\b(?:found|wrote|thought|felt|held|knew|warns|notes|adds|insists)" + _THAT,
    r"\b(?:il|elle|ils|elles|on|he|she|they|we)" + _ADVERB + r"\s+\w+" + _THAT,
    r"[»”\"]\s*,\s*(?:\w+-t-(?:il|elle)|\w+-(?:il|elle|ils|elles)|\w+ed|a|ont|has|had)\b",
    r"\w\s*:\s*[«“\"]",
    r"\b(?:as|comme|de)\s+[«“\"]",
))
REPORTED_RE = re.compile(f"{_SAYING}|{_STRUCTURE}", re.IGNORECASE)


def counted_elsewhere(kind: QuestionKind, question: str, best: Candidate,
                      passages: list[Passage], vectors: WordVectors | None) -> list[str]:
    """Things a number question names ("the radar", "their accounts") that the best
    sentence's article mentions only in other sentences giving no number of the asked kind,
    while the sentence, the one before it and the title do not hold them: the article never
    counts or prices that thing, and the sentence's number is of something else ("the
    mission cost..." for "how much did the radar cost?", where the radar's sentence has no
    sum). Only words no other retrieved article holds count; the counted noun and words the
    sentence paraphrases (`paraphrased`) aside."""
    language = passage_language(best.passage)
    here = [best.text, antecedent(best), best.passage.title]
    missing_here = unmentioned_terms(question, language, here)
    if not missing_here:
        return []
    others = [p.text[a:b] for p in passages if p.doc_id == best.passage.doc_id
              for a, b in split_sentences(p.text, language) if p.text[a:b] != best.text]
    numbered = [s for s in others if find_evidence(kind, s, question)]
    unnumbered = [s for s in others if s not in numbered]
    # a word other articles use too ("les pays", "new") is not a thing of this article
    elsewhere = [f"{p.title}\n{p.text}" for p in passages if language == passage_language(p)
                 and p.doc_id != best.passage.doc_id]
    only_unnumbered = (set(missing_here) - set(unmentioned_terms(question, language, unnumbered))
                       ) & set(unmentioned_terms(question, language, numbered + elsewhere))
    counted = set(index_terms(counted_noun(question), language))
    head = without_context(question)
    return [w for w in missing_here if w in only_unnumbered
            and things_or_focus(question, w, kind.focus, language)
            and not set(index_terms(w, language)) & counted
            and not (vectors is not None
                    and paraphrased(head, w, best.text, vectors, ELSEWHERE_GAIN))]


_ASKED_NOUN_RE = re.compile(r"^\W*(?:what|which|quel|quelle|quels|quelles)\s+(?:is|was|are|were|"
                            r"est|était|etait|sont|étaient|etaient)\s+(?:the|le|la|les|l['’])\s*"
                            r"([^\W\d_]{4,})\b", re.IGNORECASE)


def _asked_noun(question: str) -> str:
    """The noun a "what is the X of...?" question asks for ("temperature"), or ''."""
    m = _ASKED_NOUN_RE.match(question)
    noun = m.group(1) if m and not m.group(1)[:1].isupper() else ""
    return "" if fold(noun) in _GENERIC_NOUNS else noun


# Nouns that ask for something a sentence states without naming it (language data).
_GENERIC_NOUNS = frozenset("""name names role roles job jobs position title meaning purpose
    reason reasons goal goals aim aims point status situation result results outcome answer
    nom noms role roles poste fonction metier titre sens but buts objectif objectifs raison
    raisons statut resultat resultats issue reponse""".split())


# Words after which a word names a thing (determiners, possessives, prepositions; language data;
# French "a" is a verb: "a signé").
_NOUN_INTRODUCERS = {
    "fr": frozenset("""le la les l un une des du de d au aux ce cet cette ces son sa ses leur
        leurs mon ma mes notre nos votre vos chaque en dans sur sous par pour avec sans entre
        parmi""".split()),
    "en": frozenset("""the a an this these those his her its their our your my each every any
        some of in on at for with by from about s""".split())}


def things_or_focus(question: str, word: str, focus: str, language: str) -> bool:
    """True when `word` names a thing in the question (it follows a determiner or a
    preposition: "la délégation", "in total") or is the question's focus word ("signé" in
    "qui a signé ?")."""
    tokens = [fold(t) for t in re.findall(r"[^\W\d_]+", without_context(question))]
    target = fold(word)
    if target == focus:
        return True
    introducers = _NOUN_INTRODUCERS.get(language, frozenset())
    return any(t == target and i > 0 and tokens[i - 1] in introducers
               for i, t in enumerate(tokens))


def supports(kind: QuestionKind, question: str, best: Candidate) -> bool:
    """Checks that need question and sentence in one language (words compared as stems):
    a yes/no sentence holds most of what the question asserts besides its names ("signé" must
    be there for "l'ont-ils signé ?"); a typed answer sits in a sentence that shares at least
    one word with the question besides the answer itself."""
    language = passage_language(best.passage)
    sentence = set(index_terms(best.text, language))
    if not names_held(question, best.passage):
        return False  # the article is about none of the things the question names
    if kind.kind == "yesno":
        return coverage(question, best) >= 0.5
    if kind.kind in TYPED_KINDS and kind.kind != "definition":
        answer = {t for e in best.evidence or [] for t in index_terms(e.text, language)}
        counted = set(index_terms(counted_noun(question), language))
        asked = set(index_terms(question, language)) - answer - counted
        return not asked or bool(asked & (sentence - answer - counted))
    return True


def names_held(question: str, passage: Passage, vectors: WordVectors | None = None) -> bool:
    """True when the passage's article holds one of the things the question names, or the
    question names nothing. "Brightwater-Calloway" is named by either part; with `vectors`
    (a question in another language), a name's translation counts ("OTAN" / "NATO")."""
    names = [part for n in named_things(question) for part in re.split(r"[-‐]", n)
             if len(part) >= 3]
    where = fold(f"{passage.title} {passage.text}")
    if not names or any(re.search(rf"\b{re.escape(p)}", where) for n in names
                        for p in name_prefixes(n)):
        return True
    if vectors is None:
        return False
    written = re.findall(r"[^\W\d_]{3,}", f"{passage.title} {passage.text}")
    capitals = list(dict.fromkeys(w for w in written if w[:1].isupper()))
    return any(translated(n, capitals, vectors) for n in names)


# Endings that make a place's name an adjective or its people's name ("Cornish" / "Cornwall",
# "Ukrainian" / "Ukraine", "British" / "Britain", "ukrainien", "français"; language data).
_DEMONYM_RE = re.compile(r"(?:ish|ian|ians|an|ans|ese|i|ais|aise|ois|oise|ien|ienne|iens|"
                         r"iennes|ain|aine|ains|aines|en|enne|ens|ennes)$")


def name_prefixes(name: str) -> list[str]:
    """How a name is looked for in a text, as folded word starts: the name without its last two
    letters ("Russ" of "Russia" meets "russes"), and the place a demonym is made of ("Corn" of
    "Cornish" meets "Cornwall")."""
    folded = fold(name)
    out = [folded[:max(4, len(folded) - 2)]]
    stem = _DEMONYM_RE.sub("", folded)
    if stem != folded and len(stem) >= 4:
        out.append(stem)
    return out


def asked_terms(question: str, language: str) -> list[str]:
    """The question's words as stems, in order, names and its first word aside."""
    head = without_context(question)
    plain = " ".join(w for w in re.findall(r"[\w'’-]+", head)[1:] if not w[:1].isupper())
    return list(dict.fromkeys(index_terms(plain, language)))


def term_rarity(question: str, ranked: list[Candidate]) -> dict[str, float]:
    """1 / (number of candidate sentences holding it) for each asked stem."""
    out: dict[str, float] = {}
    for c in ranked:
        terms = set(index_terms(c.text, passage_language(c.passage)))
        for t in asked_terms(question, passage_language(c.passage)):
            out[t] = out.get(t, 0.0) + (t in terms)
    return {t: 1.0 / (1.0 + n) for t, n in out.items()}


def coverage(question: str, candidate: Candidate, rarity: dict[str, float] | None = None
             ) -> float:
    """Share of the question's words (names and first word aside, weighted by rarity when
    given) found in the sentence as stems of its language; 1.0 when there is no such word."""
    language = passage_language(candidate.passage)
    ordered = asked_terms(question, language)
    if not ordered:
        return 1.0
    # the first word after the names is usually the predicate ("appeal", "signé"): it counts
    # twice
    weight = {t: (rarity or {}).get(t, 1.0) * (2.0 if i == 0 else 1.0)
              for i, t in enumerate(ordered)}
    found = set(ordered) & set(index_terms(candidate.text, language))
    # "They copied..." : what the pronoun stands for is in the sentence before (half weight)
    before = set(ordered) & set(index_terms(antecedent(candidate), language)) - found
    return (sum(weight[t] for t in found) + 0.5 * sum(weight[t] for t in before)
            ) / sum(weight.values())


# Subject pronouns and demonstratives that open a sentence and stand for something named
# before (language data).
_ANAPHORS = {"en": {"they", "it", "he", "she", "we", "this", "these", "those", "that"},
             "fr": {"il", "elle", "ils", "elles", "cela", "ceci", "ce", "cet", "cette", "ces"}}


def antecedent(candidate: Candidate) -> str:
    """The sentence before the candidate in its passage when the candidate opens with a
    subject pronoun ("They copied names..."), else ''."""
    language = passage_language(candidate.passage)
    first = re.match(r"[\W_]*(\w+)", candidate.text)
    if not first or first.group(1).lower() not in _ANAPHORS.get(language, set()):
        return ""
    head = candidate.passage.text[:candidate.start]
    spans = split_sentences(head, language)
    return head[spans[-1][0]:spans[-1][1]] if spans else ""


def passage_language(passage: Passage) -> str:
    """The language of a passage's article (stored at ingest, else identified)."""
    return passage.language or document_language(passage.text)


def confidence(candidate: Candidate) -> float:
    """How well a sentence answers the question: similarity plus term overlap, counting the
    question's names its passage holds and its article title's words (the sentence says "the
    project", its article names it); across languages, its cognates of the question's common
    words (`Candidate.spelled`, qa.answer.crosslang) when more."""
    return candidate.similarity + W_LEXICAL * max(candidate.topical, candidate.spelled)


def language_pair(question: str, passage: Passage) -> str:
    """'same' when question and passage share a language, else 'cross'."""
    return "same" if detect_language(question) == passage_language(passage) else "cross"
