"""The citation verifier: a generated sentence stays only if its sources back what it says.

Rules, applied to every sentence of a generated answer:
- it carries [n] markers, and every n names a passage that was given to the model;
- every number, date, month and weekday it states (`qa.answer.claims`) occurs in a passage it
  cites ("8" ~ "huit" ~ "eight"; French and English month and day names; a duration in
  another time unit or an hour on the other clock, `qa.answer.restated`), and every proper
  name is found there, near what the sentence says about it, across languages and spellings
  (`qa.answer.names`: transliteration, rapidfuzz, the multilingual embedder; no name table;
  a name of several words word by word, `qa.answer.phrases`; its place, `qa.answer.placement`);
- it says what the passage says (`qa.answer.meaning`): each content word is aligned to a
  passage word, each clause has the polarity of the passage clause closest to it
  (`qa.answer.polarity`); each name stands where the passage says the same thing
  (`qa.answer.placement`); a place or party fills its own slot there (`qa.answer.slots`); and,
  with a judge (`qa.entail`, QA_ENTAIL), the judge finds that the cited passage(s) state it;
- the answer as a whole states what the question asks (a time for "when", a number for "how
  many", a place for "where", a name for "who"), or describes it ("The judge...", "At a
  press conference", `qa.answer.described`), else it only restates the question.

Sentences that pass are kept, their markers renumbered in order of first use, and each cited
passage becomes a `Citation` whose quote is the passage sentence(s) that support the claims.
Every sentence is recorded as `Sentence(text, verified, citations)`.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from qa.answer.bindings import unbound_place
from qa.answer.claims import (
    MARKER_RE,
    NAME_TOKEN_RE,
    Claim,
    Facts,
    claims,
    counts_listed,
    facts,
    family_name_alone,
    given_names,
    strip_markers,
    supported,
)
from qa.answer.dates import implied_dates
from qa.answer.described import described
from qa.answer.judging import loose_words
from qa.answer.located import unlocated_adjective
from qa.answer.meaning import (
    asked_type,
    changed_words,
    states_asked,
    unaligned_words,
)
from qa.answer.names import name_source, translit
from qa.answer.phrases import name_counterpart, swapped_name_word
from qa.answer.placement import misplaced_name, unlocated_answer
from qa.answer.polarity import polarity_clash
from qa.answer.restated import restated, written_lowercase
from qa.answer.roles import swapped_roles
from qa.answer.slots import misplaced_slot
from qa.answer.spans import computed_span
from qa.answer.vectors import word_vectors
from qa.embed import Embedder
from qa.entail import Entailment
from qa.results import Citation, Passage, Sentence
from qa.text import STOPWORDS, fold, index_terms, split_sentences, words

log = logging.getLogger(__name__)
_BARE_REPLY = re.compile(r"(?i)\s*(yes|no|oui|non|si)\s*[.!:]?\s*")
_MARKER_GROUP = re.compile(
    r"\[\s*(?:passages?|sources?|n°)?\s*(\d{1,3}(?:\s*[,;]\s*\d{1,3})*)\s*\]", re.IGNORECASE)
_TRAILING = re.compile(r"([.!?…])((?:\s*\[\d{1,3}\])+)")
__all__ = ["Checked", "Claim", "Facts", "Verified", "check_sentence", "claims", "facts",
           "make_citation", "markers", "render_partial", "split_answer", "strip_markers",
           "supported", "verify_answer"]


@dataclass
class Checked:
    """The verdict on one generated sentence."""

    text: str
    markers: tuple[int, ...]
    verified: bool
    reason: str = ""


@dataclass
class Verified:
    """A verified answer: kept text (renumbered), citations, and every sentence's verdict."""

    text: str
    citations: list[Citation]
    sentences: list[Sentence]
    checked: list[Checked] = field(default_factory=list)

    @property
    def rejected(self) -> list[Checked]:
        """The sentences that failed."""
        return [c for c in self.checked if not c.verified]


# -- parsing ------------------------------------------------------------------------------
def normalize_markers(text: str) -> str:
    """'[1, 2]' -> '[1][2]', '[Passage 3]' -> '[3]', and unless the text puts its markers
    before its sentences ('[1] Fact.'), 'fact. [1]' -> 'fact [1].'."""
    text = _MARKER_GROUP.sub(
        lambda m: "".join(f"[{n}]" for n in re.split(r"\s*[,;]\s*", m.group(1).strip())), text)
    if re.match(r"\s*\[\d", text):
        return re.sub(r"([.!?…])[ \t]+(?=\[\d)", "\\1\n", text)
    return _TRAILING.sub(lambda m: " " + m.group(2).strip() + m.group(1), text)


def markers(text: str) -> tuple[int, ...]:
    """The marker numbers of a text, in order, without repeats."""
    return tuple(dict.fromkeys(int(n) for n in MARKER_RE.findall(text)))


def split_answer(text: str) -> list[str]:
    """The sentences of a generated answer (list bullets removed, marker-only bits dropped)."""
    text = normalize_markers(text)
    out = []
    for a, b in split_sentences(text):
        sentence = re.sub(r"^\s*(?:[-*•]|\d+[.)])\s+", "", text[a:b]).strip()
        lead = re.match(r"^((?:\[\d{1,3}\]\s*)+)(.+?)([.!?…]?)$", sentence, re.DOTALL)
        if lead:  # '[1] Fact.' -> 'Fact [1].'
            sentence = f"{lead.group(2).strip()} {lead.group(1).strip()}{lead.group(3)}"
        if out and _BARE_REPLY.fullmatch(out[-1]):  # "Yes. It is [1]." is one sentence
            sentence = f"{out.pop()} {sentence}"
        if words(strip_markers(sentence)):
            out.append(sentence)
    return out


def _passage_text(p: Passage) -> str:
    # Dates the passage implies ("lundi" in an article of 7 January 2022): qa.answer.dates
    return f"{p.title}\n{p.text}\n{implied_dates(p.text, p.published)}"


def check_sentence(sentence: str, passages: list[Passage], question: str = "",
                   embedder: Embedder | None = None, entail: Entailment | None = None
                   ) -> Checked:
    """Verify one sentence against the passages (numbered from 1) that it cites: markers,
    stated facts, names, content words and negation, then the judge (if any) last. When the
    question asks for a place or a person, a lone capitalised first word ("Geneva will
    host...") is checked as a name."""
    cited = markers(sentence)
    if not cited:
        return Checked(sentence, cited, False, "no [n] citation")
    bad = [n for n in cited if not 1 <= n <= len(passages)]
    if bad:
        return Checked(sentence, cited, False,
                       f"cites [{bad[0]}], but only {len(passages)} passages were given")
    vectors = word_vectors(embedder)
    texts = [_passage_text(passages[n - 1]) for n in cited]
    sources = [(facts(t), name_source(t)) for t in texts]
    stated = claims(sentence)
    given = given_names(strip_markers(sentence))  # "Josep Borrell" over a passage's "Borrell"
    if asked_type(question) in {"place", "name"}:  # a lone first word may be the answer
        asked = {translit(w) for w in NAME_TOKEN_RE.findall(question)}
        stated = [replace(c, role="name") if c.role == "initial" and c.key not in asked
                  and not written_lowercase(c.text, texts, vectors) else c for c in stated]
    for claim in stated:
        if claim.role == "initial":
            continue  # a capitalised first word: checked below as a content word
        if not any(supported(claim, f, src, vectors) for f, src in sources) and not (
                counts_listed(claim, sentence) or computed_span(claim, sentence, texts)) and not (
                claim.text in given and any(family_name_alone(given[claim.text], t)
                                            for t in texts)) and not any(  # translated name
                name_counterpart(claim.text, strip_markers(sentence), t, vectors) for t in texts
        ) and not restated(claim, sentence, texts):
            return Checked(sentence, cited, False,
                           f"{claim.kind} '{claim.text}' is not in the cited passage(s)")
    # Names are placed against what the passages say, not the dates they imply.
    joined = "\n".join(f"{passages[n - 1].title}\n{passages[n - 1].text}" for n in cited)
    swapped = swapped_name_word(strip_markers(sentence), joined, vectors)
    if swapped:
        return Checked(sentence, cited, False, f"name word '{swapped}' is not in the cited "
                       "passage(s)' name, only elsewhere in them")
    misplaced = misplaced_name(strip_markers(sentence), [
        f"{passages[n - 1].title}\n{passages[n - 1].text}" for n in cited], vectors, given)
    if misplaced:
        return Checked(sentence, cited, False, f"name '{misplaced}' is in the cited passage(s), "
                       "but not where they say what the sentence says")
    bare = unlocated_answer(strip_markers(sentence), joined, question, vectors) or (
        unlocated_adjective(strip_markers(sentence), joined, question, vectors))
    if bare:
        return Checked(sentence, cited, False, f"'{bare}' is in the cited passage(s), but not "
                       "where they say what the question asks")
    slot = misplaced_slot(strip_markers(sentence), joined, vectors, question)
    if slot:
        return Checked(sentence, cited, False, f"'{slot}' is in the cited passage(s), but in "
                       "another role (another place or party fills that slot there)")
    swapped_role = swapped_roles(strip_markers(sentence), joined, vectors)
    if swapped_role:
        return Checked(sentence, cited, False, f"'{swapped_role}' is in the cited passage(s), "
                       "but another name of the sentence does what it does there")
    unbound = unbound_place(strip_markers(sentence), joined, vectors)
    if unbound:
        return Checked(sentence, cited, False, f"'{unbound}' is in the cited passage(s), but "
                       "they state the sentence's date or figure elsewhere, not with it")
    checked_names = {fold(c.text) for c in stated if c.role != "initial"}
    text = strip_markers(sentence)
    skip = checked_names | _list_frame(stated, text)
    changed = changed_words(unaligned_words(text, joined, vectors, skip))
    if changed:
        listed = ", ".join(f"'{w}'" for w in changed[:3])
        return Checked(sentence, cited, False, f"{listed}: nothing like it in the cited passage(s)")
    clash = polarity_clash(text, joined, vectors, question)
    if clash:
        return Checked(sentence, cited, False,
                       f"'{clash}' has the opposite polarity (negation) of the cited passage(s)")
    if not stated and not any(_shares_terms(text, f) for f, _ in sources) and not vectors:
        return Checked(sentence, cited, False, "it shares no words with the cited passage(s)")
    return judged(Checked(sentence, cited, True), joined, text, entail, frozenset(skip))


def judged(checked: Checked, premise: str, text: str, entail: Entailment | None,
           skip: frozenset[str] = frozenset()) -> Checked:
    """A checked sentence after the judge: rejected when the judge's support is below its
    threshold; kept as it was when there is no judge, the judge fails (logged), or every
    content word of it (`skip` aside) is the premise's own (`qa.answer.judging`)."""
    if entail is None or not loose_words(text, premise, skip):
        return checked
    try:
        support = entail.support(premise, text)
    except Exception as exc:  # the judge's server failed: the word checks still stand
        log.warning("the meaning judge failed: %s", type(exc).__name__)
        return checked
    if support < entail.threshold:
        return replace(checked, verified=False, reason="the judge finds that the cited "
                       f"passage(s) do not state it (support {support:.2f})")
    return checked


def _list_frame(stated: list[Claim], text: str) -> set[str]:
    """The words between a count and the items it counts ("Two cities were named, A and B"):
    they describe the sentence's own list, like the count, not a fact of the passage."""
    for claim in stated:
        if counts_listed(claim, text):
            after = text[fold(text).find(fold(claim.text)) + len(claim.text):]
            return set(words(re.split(r"[:,]", after, maxsplit=1)[0]))
    return set()


def _shares_terms(text: str, f: Facts) -> bool:
    """True when a claim-free sentence is about its passage: a common term (or, across
    languages, a word with the same long prefix: 'diplomats' ~ 'diplomates')."""
    if set(index_terms(text)) & f.stems:
        return True
    return any(w[:5] == v[:5] for w in words(text) if len(w) >= 5 and w not in STOPWORDS
               for v in f.words if len(v) >= 5)


def answers_question(question: str, sentences: list[str]) -> str:
    """'' when the sentences state what the question asks for, else what is missing."""
    kind = asked_type(question)
    if not kind or not sentences:
        return ""
    asked = {translit(w) for w in NAME_TOKEN_RE.findall(question)}
    text = " ".join(strip_markers(s) for s in sentences)
    stated = claims(text)
    new_names = sum(1 for c in stated if c.kind in {"name", "acronym"}
                    and not any(fuzz_same(str(c.key), a) for a in asked))
    if states_asked(kind, text, {c.kind for c in stated}, new_names) or described(
            kind, text, question):
        return ""
    return f"it does not state the {kind} the question asks for"


def fuzz_same(a: str, b: str) -> bool:
    """Two transliterated words that are the same word (or plural/inflection of it)."""
    return a == b or (min(len(a), len(b)) >= 4 and a[:4] == b[:4]
                      and abs(len(a) - len(b)) <= 2)


def verify_answer(text: str, passages: list[Passage], question: str = "",
                  embedder: Embedder | None = None, entail: Entailment | None = None
                  ) -> Verified:
    """Check every sentence; keep the verified ones, renumbered, with their citations.
    With the question, an answer that does not state what it asks keeps nothing; with the
    embedder (multilingual), names and words are also matched across languages; with the
    judge, a sentence must also be stated by its cited passage(s) in the judge's reading."""
    checked = [check_sentence(s, passages, question, embedder, entail)
               for s in split_answer(text)]
    missing = answers_question(question, [c.text for c in checked if c.verified])
    if missing:
        for c in checked:
            if c.verified:
                c.verified, c.reason = False, missing
    kept = [c for c in checked if c.verified]
    order = list(dict.fromkeys(n for c in kept for n in c.markers))
    new = {old: i + 1 for i, old in enumerate(order)}
    sentences: list[Sentence] = []
    renumbered: dict[int, str] = {}
    for i, c in enumerate(checked):
        if c.verified:
            renumbered[i] = renumber(c.text, new)
            sentences.append(Sentence(renumbered[i], True, tuple(new[n] for n in c.markers)))
        else:
            sentences.append(Sentence(c.text, False, ()))
    citations = [
        make_citation(new[old], passages[old - 1],
                      [c.text for c in kept if old in c.markers])
        for old in order]
    return Verified(" ".join(renumbered.values()), citations, sentences, checked)


def renumber(text: str, new: dict[int, int]) -> str:
    """Rewrite [old] markers as [new]; markers absent from `new` are removed."""
    out = MARKER_RE.sub(lambda m: f"[{new[int(m.group(1))]}]" if int(m.group(1)) in new
                        else "", text)
    return re.sub(r"\s+([.!?,;:])", r"\1", re.sub(r"[ \t]{2,}", " ", out)).strip()


def render_partial(text: str, passages: list[Passage]) -> tuple[str, list[Citation]]:
    """A growing, unverified answer for display: markers renumbered by first use."""
    text = normalize_markers(text)
    order = [n for n in dict.fromkeys(int(n) for n in MARKER_RE.findall(text))
             if 1 <= n <= len(passages)]
    new = {old: i + 1 for i, old in enumerate(order)}
    return renumber(text, new), [make_citation(new[o], passages[o - 1], []) for o in order]


# -- quotes -------------------------------------------------------------------------------
def _support_score(candidate: str, sentences: Iterable[str]) -> float:
    f, src = facts(candidate), name_source(candidate)
    terms = set(index_terms(candidate))
    score = 0.0
    for s in sentences:
        score += 3 * sum(supported(c, f, src) for c in claims(s))
        score += len(terms & set(index_terms(strip_markers(s))))
    return score


def make_citation(number: int, passage: Passage, supported_sentences: list[str]) -> Citation:
    """A citation whose quote is the passage sentence(s) that best support the sentences."""
    spans = split_sentences(passage.text) or [(0, len(passage.text))]
    scores = [_support_score(passage.text[a:b], supported_sentences) for a, b in spans]
    best = max(range(len(spans)), key=lambda i: scores[i])
    first = last = best
    if scores[best] > 0:
        # Extend to adjacent sentences that also support the claims (a contiguous quote).
        strong = max(3.0, scores[best] / 2)
        while first > 0 and scores[first - 1] >= strong:
            first -= 1
        while last + 1 < len(spans) and scores[last + 1] >= strong:
            last += 1
        if spans[last][1] - spans[first][0] > 700:
            first = last = best
    a, b = spans[first][0], spans[last][1]
    return Citation(number=number, doc_id=passage.doc_id, title=passage.title,
                    source=passage.source, text=passage.text, quote=passage.text[a:b],
                    start=passage.start, end=passage.end, score=round(passage.score, 4),
                    passage_id=passage.id)
