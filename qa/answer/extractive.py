"""The offline answerer: quotes the sentence(s) of the passages that best answer the question.

For each sentence of the retrieved passages it combines the embedding similarity to the
question, the overlap with the question's discriminative terms, the presence of evidence of the
asked type (a date for "when", a number for "how many"...) and the passage's rank. It leads with
the short answer when one is found, then quotes the sentence with its [n] marker, framed in the
question's language. It refuses when no sentence is good enough.
"""

from __future__ import annotations

import math
import re
from collections import OrderedDict
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

from qa.answer import refusal
from qa.answer.conflicts import compatible, divergence, rival
from qa.answer.crosslang import cognate_shares, counted_across
from qa.answer.dates import date_evidence
from qa.answer.evidence import (
    NUMBER_RE,
    TYPED_KINDS,
    counted_noun,
    find_evidence,
    find_subject,
)
from qa.answer.followup import asks_beyond, on_topic
from qa.answer.kinds import QuestionKind, contrast_sides, question_kind
from qa.answer.lead import frame, lead_text
from qa.answer.meaning import unmentioned_terms
from qa.answer.rewrite import named_things, split_context
from qa.answer.vectors import word_vectors
from qa.calibrate import DEFAULT_BARS
from qa.embed import Embedder
from qa.language import document_language
from qa.results import Answer, Citation, Passage, Sentence
from qa.safety import addresses_model
from qa.syndication import same_text
from qa.text import detect_language, fold, index_terms, query_terms, split_sentences

# A sentence holding evidence of the asked type (a date for "when") may be this much less
# similar than the refusal bar (chosen on the dev half of eval/questions.jsonl).
TYPED_SLACK = 0.03
YESNO_SURE = 0.6
SIDE_FIGURE = 0.03  # a compared side is more likely stated by a sentence with a figure
W_LEXICAL, W_TYPE, W_RANK = 0.12, 0.05, 0.02
# Bonus for a sentence holding the question's focus word ("paid" in "who paid for X",
# "promises" in "what two promises...") in the question's language.
W_FOCUS = 0.05
# A follow-up's context (the previous turn, qa.answer.rewrite) weighs this much of its own words
# in the term overlap; its own words carry half the similarity when they say something.
W_CONTEXT_TERMS, W_OWN_SIMILARITY = 0.3, 0.5


@dataclass
class Candidate:
    """A sentence of a retrieved passage with its scores."""

    passage_rank: int
    passage: Passage
    start: int
    end: int
    text: str
    similarity: float = 0.0
    lexical: float = 0.0
    evidence: list | None = None
    score: float = 0.0
    focused: bool = False  # holds the question's focus word (same language only)


class ExtractiveAnswerer:
    """Sentence-selection answerer; needs only the embedder."""

    mode = "extractive"

    def __init__(self, embedder: Embedder, cache_size: int = 20000,
                 bars: dict[str, float] | None = None) -> None:
        self.embedder = embedder
        # Refusal bar per question language, fitted to the index (qa/calibrate.py).
        self.bars = dict(bars or DEFAULT_BARS)
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._cache_size = cache_size

    def stream(self, question: str, passages: list[Passage], language: str) -> Iterator[Answer]:
        """Yield the answer in a few growing steps (the last one is final)."""
        answer = self.answer(question, passages, language)
        words = answer.text.split(" ")
        step = max(1, len(words) // 4)
        for n in range(step, len(words), step):
            partial = Answer(**{**answer.__dict__, "text": " ".join(words[:n])})
            yield partial
        yield answer

    # -- selection ------------------------------------------------------------------------
    def candidates(self, question: str, passages: list[Passage]) -> list[Candidate]:
        """Every sentence of the passages, scored against the question."""
        out: list[Candidate] = []
        for rank, passage in enumerate(passages):
            language = passage_language(passage)
            for a, b in split_sentences(passage.text, language):
                text = passage.text[a:b]
                if len(text.split()) < 3:
                    continue
                if addresses_model(text):  # talks to a model (marked at ingest): never quoted
                    continue
                out.append(Candidate(rank, passage, a, b, text))
        if not out:
            return out
        q_vec = self.embedder.embed_query(question)
        vectors = self._embed([c.text for c in out])
        sims = vectors @ q_vec
        kind = question_kind(question)
        languages = {passage_language(c.passage) for c in out}
        q_language = detect_language(question)
        q_terms = set(query_terms(question, q_language, languages))
        own, context = split_context(question)
        own_terms = set(query_terms(own, q_language, languages))
        ranking = sims  # a follow-up that says what it asks: its own words lead the ranking
        if context and own_terms:
            own_sims = vectors @ self.embedder.embed_query(own)
            ranking = (1 - W_OWN_SIMILARITY) * sims + W_OWN_SIMILARITY * own_sims
        sent_terms = [set(index_terms(c.text, passage_language(c.passage))) for c in out]
        n = len(out)
        weight = {t: math.log(1 + n / (1 + sum(t in s for s in sent_terms)))
                  * (1.0 if t in own_terms else W_CONTEXT_TERMS) for t in q_terms}
        total = sum(weight.values()) or 1.0
        focus = focus_terms(kind, question, q_language)
        cognates = cognate_shares(own, context, [c.text for c in out], W_CONTEXT_TERMS)
        counted = counted_noun(question) if kind.kind == "number" else ""
        vectors = word_vectors(self.embedder) if counted else None
        for c, sim, rank_sim, terms, cognate in zip(out, sims, ranking, sent_terms, cognates,
                                                    strict=True):
            c.similarity = float(sim)
            c.lexical = sum(weight[t] for t in q_terms & terms) / total
            same = passage_language(c.passage) == q_language
            # another language: words spelled alike rank it (qa.answer.crosslang); the
            # refusal gate's confidence keeps the plain overlap it was calibrated with
            spelled = 0.0 if same else max(0.0, cognate - c.lexical)
            # what the conversation already said is not what a follow-up asks
            c.evidence = find_evidence(kind, c.text, question, same, known=context)
            if kind.kind == "date" and not c.evidence:  # "lundi", "demain"... (qa.answer.dates)
                c.evidence = date_evidence(c.text, c.passage.published, question)
            if context:
                c.evidence = [e for e in c.evidence if fold(e.text) not in fold(context)]
            if counted and not same:  # "combien d'infirmières" / "45 nurses"
                c.evidence = counted_across(counted, c.text, c.evidence, vectors)
            strength = (1.0 if c.evidence[0].preferred else 0.5) if c.evidence else 0.0
            c.focused = same and bool(focus & terms)
            c.score = (float(rank_sim) + W_LEXICAL * (c.lexical + spelled) + W_TYPE * strength
                       + W_FOCUS * c.focused + W_RANK / (1 + c.passage_rank))
        return sorted(out, key=lambda c: -c.score)

    def _embed(self, texts: list[str]) -> np.ndarray:
        missing = [t for t in dict.fromkeys(texts) if t not in self._cache]
        if missing:
            for text, vec in zip(missing, self.embedder.embed_passages(missing), strict=True):
                self._cache[text] = vec
                if len(self._cache) > self._cache_size:
                    self._cache.popitem(last=False)
        return np.vstack([self._cache[t] for t in texts])

    def choose(self, question: str, passages: list[Passage]) -> list[Candidate]:
        """The sentence(s) to quote, best first; empty when the passages don't answer."""
        ranked = on_topic(question, self.candidates(question, passages))
        if not ranked:
            return []
        kind = question_kind(question)
        typed = kind.kind in TYPED_KINDS
        best = ranked[0]
        pool = ranked[:8]
        if kind.kind == "definition":  # the thing to define must be named in the sentence
            pool = [c for c in ranked[:12] if c.evidence] or [
                c for c in ranked[:12] if mentions(kind.subject, c.text)]
            if not pool:
                return []
            best = pool[0]
        elif kind.kind == "yesno":  # the sentence that holds most of what is asked
            pool = ranked[:5]
            rarity = term_rarity(question, ranked)
            best = max(pool, key=lambda c: (round(coverage(question, c, rarity), 2)
                                            if language_pair(question, c.passage) == "same"
                                            else 0.0, c.score))
        elif typed:  # the answer must contain evidence of the asked type
            # "who paid for X?" may be answered by "the province had paid...": no name, but
            # the asked verb; such a sentence is quoted without a short lead
            with_evidence = [c for c in pool if c.evidence or (
                kind.kind == "person" and c.focused)]
            if kind.kind in {"person", "date"} and any(c.focused for c in with_evidence):
                with_evidence = [c for c in with_evidence if c.focused]  # who did the verb
            if not with_evidence:
                return []
            best = with_evidence[0]
        if typed and asks_beyond(question, best.text, word_vectors(self.embedder)):
            return []  # a follow-up about something its answer never says (qa.answer.followup)
        if not answers_enough(kind, question, best, self.bars, passages):
            return []
        sides = contrast_sides(question) if kind.kind == "contrast" else None
        if sides:
            return self.sides(sides, ranked)
        chosen = [best]
        if kind.plural:  # a list: gather from up to three sentences
            for c in ranked[1:8]:
                if len(chosen) == 3:
                    break
                margin = 0.02 if c.evidence else 0.04
                if c.score >= best.score - margin and (c.evidence or not typed) and all(
                        c.text != d.text for d in chosen):
                    chosen.append(c)
            return chosen
        # A second quote from another article when it says nearly as much.
        for c in ranked[1:6]:
            if (c.passage.doc_id != best.passage.doc_id and c.score >= best.score - 0.02
                    and (not typed or c.evidence) and not same_text(c.text, best.text)
                    and compatible(kind.kind, best, c, index_terms(question))):
                chosen.append(c)  # copies are quoted once (also_in); see qa.answer.conflicts
                break
        other = rival(kind.kind, best, ranked[:8], index_terms(question))
        return [best, other] if other is not None else chosen

    def sides(self, sides: tuple[str, str], ranked: list[Candidate]) -> list[Candidate]:
        """For "how does A compare with B?": the sentence of the best article nearest to each
        side (a sentence with a figure preferred), each quoted once."""
        pool = [c for c in ranked[:12] if c.passage.doc_id == ranked[0].passage.doc_id]
        vectors = self._embed([c.text for c in pool])
        chosen: list[Candidate] = []
        for side in sides:
            sims = vectors @ self.embedder.embed_query(side)
            scores = [s + SIDE_FIGURE * bool(NUMBER_RE.search(c.text))
                      + W_LEXICAL * _share(side, c) - (c in chosen)
                      for s, c in zip(sims, pool, strict=True)]
            pick = pool[int(np.argmax(scores))]
            if pick not in chosen:
                chosen.append(pick)
        return chosen

    # -- writing --------------------------------------------------------------------------
    def answer(self, question: str, passages: list[Passage], language: str) -> Answer:
        """The final answer (or a refusal)."""
        chosen = self.choose(question, passages)
        if not chosen:
            return refusal(question, language, self.mode)
        kind = question_kind(question)
        citations = [
            Citation(number=i + 1, doc_id=c.passage.doc_id, title=c.passage.title,
                     source=c.passage.source, text=c.passage.text, quote=c.text,
                     start=c.passage.start, end=c.passage.end, score=round(c.score, 4),
                     passage_id=c.passage.id)
            for i, c in enumerate(chosen)
        ]
        markers = "".join(f"[{c.number}]" for c in citations)
        sentences: list[Sentence] = []
        short = lead_text(kind, question, chosen, language)
        lead = f"{short[:1].upper()}{short[1:]} {markers}." if short else ""
        # Two articles answering differently are both given (qa.answer.conflicts).
        lead = divergence(kind.kind, chosen, index_terms(question), language) or lead
        if lead:
            sentences.append(Sentence(lead, True, tuple(c.number for c in citations)))
        quotes = " ".join(f"« {c.quote} » [{c.number}]" for c in citations)
        body = frame(language, passage_language(chosen[0].passage), bool(lead)) + quotes
        sentences.append(Sentence(body, True, tuple(c.number for c in citations)))
        text = f"{lead}\n\n{body}" if lead else body
        return Answer(question=question, text=text, citations=citations, refused=False,
                      mode=self.mode, language=language, sentences=sentences)


def answers_enough(kind: QuestionKind, question: str, best: Candidate,
                   bars: dict[str, float], passages: list[Passage]) -> bool:
    """The refusal gate. In the question's language, the sentence must state what is asked
    (`supports`) and, for a question asking for a fact (a date, number, place, person...),
    every specific word of the question must occur in some passage: one near the articles'
    topic but about something they never mention (a salary, the head of a delegation they
    don't name) would get a fact of the right type about something else
    (`qa.answer.meaning.unmentioned_terms`; how/why/yes-no questions paraphrase too freely
    for it: SPF questions on the SPF fiches lost 17 of 105 answers). In any language, the sentence
    must be close enough to the question (the index's calibrated bar for the question's
    language); one holding evidence of the asked type (a date for "when", the words used for
    "how did X describe", the asserted predicate of a yes/no question) may be `TYPED_SLACK`
    less close."""
    same = language_pair(question, best.passage) == "same"
    if same and not supports(kind, question, best):
        return False
    language = passage_language(best.passage)
    if same and kind.kind in TYPED_KINDS and unmentioned_terms(question, language, [
            f"{p.title}\n{p.text}" for p in passages if passage_language(p) == language]):
        return False  # the question is about something no passage mentions
    # a yes/no sentence holding nearly all the question's words is as sure as a typed one
    stated = kind.kind in TYPED_KINDS or (kind.kind == "quote" and bool(best.evidence)) or (
        kind.kind == "yesno" and same and coverage(question, best) >= YESNO_SURE)
    bar = bars.get(detect_language(question), max(bars.values()))
    return confidence(best) >= bar - (TYPED_SLACK if stated else 0.0)


def supports(kind: QuestionKind, question: str, best: Candidate) -> bool:
    """Checks that need question and sentence in one language (words compared as stems):
    a yes/no sentence holds most of what the question asserts besides its names ("signé" must
    be there for "l'ont-ils signé ?"); a typed answer sits in a sentence that shares at least
    one word with the question besides the answer itself."""
    language = passage_language(best.passage)
    sentence = set(index_terms(best.text, language))
    names = [fold(n) for n in named_things(question) if len(n) >= 3]
    where = fold(f"{best.passage.title} {best.passage.text}")
    if names and not any(re.search(rf"\b{re.escape(n[:max(4, len(n) - 2)])}", where)
                         for n in names):
        return False  # the article is about none of the things the question names
    if kind.kind == "yesno":
        return coverage(question, best) >= 0.5
    if kind.kind in TYPED_KINDS and kind.kind != "definition":
        answer = {t for e in best.evidence or [] for t in index_terms(e.text, language)}
        counted = set(index_terms(counted_noun(question), language))
        asked = set(index_terms(question, language)) - answer - counted
        return not asked or bool(asked & (sentence - answer - counted))
    return True


def _asked_terms(question: str, language: str) -> list[str]:
    """The question's words as stems, in order, names and its first word aside."""
    head = question.split(" (")[0]
    plain = " ".join(w for w in re.findall(r"[\w'’-]+", head)[1:] if not w[:1].isupper())
    return list(dict.fromkeys(index_terms(plain, language)))


def focus_terms(kind: QuestionKind, question: str, language: str) -> set[str]:
    """Stems of the question's focus words, taken as written (accents matter to stemmers)."""
    wanted = set(kind.focus.split())
    written = [w for w in re.findall(r"[\w'’-]+", question) if fold(w) in wanted]
    return set(index_terms(" ".join(written), language)) if written else set()


def _share(text: str, candidate: Candidate) -> float:
    """Share of the stems of `text` found in the candidate sentence (its language's stems)."""
    language = passage_language(candidate.passage)
    wanted = set(index_terms(text, language))
    return len(wanted & set(index_terms(candidate.text, language))) / len(wanted) if wanted else 0.0


def term_rarity(question: str, ranked: list[Candidate]) -> dict[str, float]:
    """1 / (number of candidate sentences holding it) for each asked stem."""
    out: dict[str, float] = {}
    for c in ranked:
        terms = set(index_terms(c.text, passage_language(c.passage)))
        for t in _asked_terms(question, passage_language(c.passage)):
            out[t] = out.get(t, 0.0) + (t in terms)
    return {t: 1.0 / (1.0 + n) for t, n in out.items()}


def coverage(question: str, candidate: Candidate, rarity: dict[str, float] | None = None
             ) -> float:
    """Share of the question's words (names and first word aside, weighted by rarity when
    given) found in the sentence as stems of its language; 1.0 when there is no such word."""
    language = passage_language(candidate.passage)
    ordered = _asked_terms(question, language)
    if not ordered:
        return 1.0
    # the first word after the names is usually the predicate ("appeal", "signé"): it counts
    # twice
    weight = {t: (rarity or {}).get(t, 1.0) * (2.0 if i == 0 else 1.0)
              for i, t in enumerate(ordered)}
    found = set(ordered) & set(index_terms(candidate.text, language))
    return sum(weight[t] for t in found) / sum(weight.values())


def passage_language(passage: Passage) -> str:
    """The language of a passage's article (stored at ingest, else identified)."""
    return passage.language or document_language(passage.text)


def mentions(subject: str, sentence: str) -> bool:
    """True when the sentence names the subject (or its last word)."""
    return bool(subject) and find_subject(subject, sentence) is not None


def confidence(candidate: Candidate) -> float:
    """How well a sentence answers an untyped question: similarity plus term overlap."""
    return candidate.similarity + W_LEXICAL * candidate.lexical


def language_pair(question: str, passage: Passage) -> str:
    """'same' when question and passage share a language, else 'cross'."""
    return "same" if detect_language(question) == passage_language(passage) else "cross"
