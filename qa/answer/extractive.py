"""The offline answerer: quotes the sentence(s) of the passages that best answer the question.

For each sentence of the retrieved passages it combines the embedding similarity to the question,
the overlap with the question's discriminative terms, the presence of evidence of the asked type (a
date for "when", a number for "how many"...) and the passage's rank; a sentence opening with a
pronoun is also read after the sentence before it, and an article's headline or datelined opening
(which sum it up) ranks a little lower than a sentence stating a fact. It leads with the short
answer when one is found, then quotes the sentence with its [n] marker, framed in the question's
language. It refuses when no sentence is good enough.
"""

from __future__ import annotations

import math
import re
from collections import OrderedDict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from qa.answer import refusal
from qa.answer.conflicts import compatible, divergence, rival
from qa.answer.conversation import beyond_previous, in_conversation
from qa.answer.countries import countries_in
from qa.answer.crosslang import counted_across, cross_shares
from qa.answer.dates import date_evidence
from qa.answer.daycounts import counted_time_unit, time_count_evidence
from qa.answer.evidence import (
    NUMBER_RE,
    TYPED_KINDS,
    Evidence,
    counted_noun,
    find_evidence,
    find_subject,
)
from qa.answer.gate import (
    W_LEXICAL,
    antecedent,
    coverage,
    language_pair,
    passage_language,
    refusal_clause,
    term_rarity,
)
from qa.answer.kinds import QuestionKind, contrast_sides, question_kind
from qa.answer.lead import frame, lead_text
from qa.answer.order import dated_pair, dates_in, order_sides
from qa.answer.pick import W_TYPE, first_accepted, stronger_untyped, sums_up, typed_options
from qa.answer.rewrite import named_things, split_context
from qa.answer.vectors import word_vectors
from qa.calibrate import DEFAULT_BARS
from qa.embed import Embedder
from qa.results import Answer, Citation, Passage, Sentence
from qa.safety import addresses_model
from qa.syndication import same_text
from qa.text import detect_language, fold, index_terms, query_terms, split_sentences

SIDE_FIGURE = 0.03  # a compared side is more likely stated by a sentence with a figure
W_RANK = 0.02
# Bonus for a sentence holding the question's focus word ("paid" in "who paid for X",
# "promises" in "what two promises...") in the question's language.
W_FOCUS = 0.05
# A follow-up's context (the previous turn, qa.answer.rewrite) weighs this much of its own words
# in the term overlap; its own words carry half the similarity when they say something.
W_CONTEXT_TERMS, W_OWN_SIMILARITY = 0.3, 0.5
# An article's headline and its datelined opening sentence sum the article up: they are near
# any question about it, so they rank this much lower than a sentence stating one fact (not
# for "who is X?", answered where the article introduces X, often its opening).
W_SUMMARY = 0.03


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
    topical: float = 0.0  # `lexical` with the question's names its passage holds, its title
    # a follow-up's sentence whose only evidence is what the conversation named (its "he")
    known_only: bool = False
    cognates: float = 0.0  # share of the question's words it holds as cognates (crosslang)
    spelled: float = 0.0  # that share for its common words (names aside; crosslang)


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
        sims = self._with_antecedents(out, vectors @ q_vec, q_vec)
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
        names = q_terms & set(query_terms(" ".join(named_things(question)), q_language, languages))
        cognates, common = cross_shares(own, context, [c.text for c in out], W_CONTEXT_TERMS)
        counted = counted_noun(question) if kind.kind == "number" else ""
        unit = counted_time_unit(question) if kind.kind == "number" else ""  # "how many days"
        vectors = word_vectors(self.embedder) if counted else None
        for c, sim, rank_sim, terms, cognate, shared in zip(
                out, sims, ranking, sent_terms, cognates, common, strict=True):
            c.similarity = float(sim)
            c.lexical = sum(weight[t] for t in q_terms & terms) / total
            held = q_terms & (terms | (names & passage_terms(c.passage))
                              | title_terms(c.passage))
            c.topical = sum(weight[t] for t in held) / total
            same = passage_language(c.passage) == q_language
            # another language: words spelled alike rank it (qa.answer.crosslang), pick a yes/no
            # sentence and, where no typed evidence is asked for, count in the gate's confidence
            spelled = 0.0 if same else max(0.0, cognate - c.lexical)
            c.cognates, c.spelled = cognate, 0.0 if same or kind.kind in TYPED_KINDS else shared
            # what the conversation already said is not what a follow-up asks
            c.evidence = find_evidence(kind, c.text, question, same, known=context)
            if unit:  # time is counted by a duration or by dates (qa.answer.daycounts)
                c.evidence = time_count_evidence(unit, c.text, passage_language(c.passage))
            if kind.kind == "country":  # a country named or given by its adjective first
                c.evidence = [Evidence(*found) for found in countries_in(
                    c.text, question, q_language)] or c.evidence
            if kind.kind == "date" and not c.evidence:  # "lundi", "demain"... (qa.answer.dates)
                c.evidence = date_evidence(c.text, c.passage.published, question)
            if context:
                c.evidence = [e for e in c.evidence if fold(e.text) not in fold(context)]
                # "who is he going with? (Kuleba)": a sentence naming only him is quoted
                c.known_only = kind.kind == "person" and not c.evidence and bool(
                    find_evidence(kind, c.text, question, same))
            if counted and not same and not unit:  # "combien d'infirmières" / "45 nurses"
                c.evidence = counted_across(counted, c.text, c.evidence, vectors, c.passage.text)
            strength = (1.0 if c.evidence[0].preferred else 0.5) if c.evidence else (
                0.5 * c.known_only)  # it names whom the follow-up asks about
            c.focused = same and bool(focus & terms)
            c.score = (float(rank_sim) + W_LEXICAL * (c.lexical + spelled) + W_TYPE * strength
                       + W_FOCUS * c.focused + W_RANK / (1 + c.passage_rank)
                       - W_SUMMARY * (kind.kind != "definition" and sums_up(c)))
        return sorted(out, key=lambda c: -c.score)

    def _with_antecedents(self, out: list[Candidate], sims: np.ndarray,
                          q_vec: np.ndarray) -> np.ndarray:
        """Similarities with a sentence that opens with a pronoun ("She has promised...") read
        after the sentence before it, when that is closer to the question."""
        before = {i: antecedent(c) for i, c in enumerate(out)}
        read = {i: f"{b} {out[i].text}" for i, b in before.items() if b}
        if not read:
            return sims
        closer = self._embed(list(read.values())) @ q_vec
        sims = sims.copy()
        for (i, _), sim in zip(read.items(), closer, strict=True):
            sims[i] = max(sims[i], sim)
        return sims

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
        return self.select(question, passages)[0]

    def select(self, question: str, passages: list[Passage]) -> tuple[list[Candidate], str]:
        """The sentence(s) to quote, best first, and when there are none the clause that
        refused ("no sentence", "no evidence", "asks beyond", or the gate's clause)."""
        vectors = word_vectors(self.embedder)
        ranked = in_conversation(question, self.candidates(question, passages), vectors)
        if not ranked:
            return [], "no sentence"
        kind = question_kind(question)
        typed = kind.kind in TYPED_KINDS
        best = ranked[0]
        pool = ranked[:8]
        if kind.kind == "definition":  # the thing to define must be named in the sentence
            pool = [c for c in ranked[:12] if c.evidence] or [
                c for c in ranked[:12] if mentions(kind.subject, c.text)]
            if not pool:
                return [], "no evidence"
            best = pool[0]
            options = pool
        elif kind.kind == "yesno":  # the sentence that holds most of what is asked (as stems,
            pool = ranked[:5]  # or as cognates across languages)
            rarity = term_rarity(question, ranked)
            best = max(pool, key=lambda c: (round(coverage(question, c, rarity), 2)
                                            if language_pair(question, c.passage) == "same"
                                            else round(c.cognates, 2), c.score))
        elif typed:  # the answer must hold evidence of the asked type (qa.answer.pick)
            options = typed_options(kind, question, ranked, pool, passages)
            if not options:
                return [], "no evidence"
        if typed:  # the first sentence holding evidence that the gate accepts (qa.answer.pick)
            accepted, clause, rejected = first_accepted(kind, question, options, self.bars,
                                                        passages, vectors)
            if accepted is None:
                return [], clause
            best = stronger_untyped(kind, question, ranked, accepted, self.bars, passages,
                                    vectors)
            ranked = [c for c in ranked if all(c is not r for r in rejected)]
        else:
            clause = refusal_clause(kind, question, best, self.bars, passages, vectors) or (
                beyond_previous(question, best, vectors))
            if clause:
                return [], clause
        sides = contrast_sides(question) if kind.kind == "contrast" else None
        if kind.kind == "order":  # "A before or after B?": each event's dated sentence
            sides = order_sides(question)
        if sides:
            return self.sides(sides, ranked, dated=kind.kind == "order"), ""
        chosen = [best]
        if kind.plural:  # a list: gather from up to three sentences
            for c in ranked[1:8]:
                if len(chosen) == 3:
                    break
                margin = 0.02 if c.evidence else 0.04
                if c.score >= best.score - margin and (c.evidence or not typed) and all(
                        c.text != d.text for d in chosen):
                    chosen.append(c)
            return chosen, ""
        # A second quote from another article when it says nearly as much.
        for c in ranked[1:6]:
            if (c.passage.doc_id != best.passage.doc_id and c.score >= best.score - 0.02
                    and (not typed or c.evidence) and not same_text(c.text, best.text)
                    and compatible(kind.kind, best, c, index_terms(question))):
                chosen.append(c)  # copies are quoted once (also_in); see qa.answer.conflicts
                break
        other = rival(kind.kind, best, ranked[:8], index_terms(question))
        return ([best, other] if other is not None else chosen), ""

    def sides(self, sides: tuple[str, str], ranked: list[Candidate],
              dated: bool = False) -> list[Candidate]:
        """For "how does A compare with B?": the sentence of the best article nearest to each
        side (a sentence with a figure preferred), each quoted once. `dated` ("A before or
        after B?"): the pair of dated sentences nearest to both events whose dates settle
        their order (one sentence may date both; qa.answer.order.dated_pair)."""
        pool = [c for c in ranked[:12] if c.passage.doc_id == ranked[0].passage.doc_id]
        if dated:
            pool = [c for c in pool if dates_in(c.text)] or pool
        vectors = self._embed([c.text for c in pool])
        chosen: list[Candidate] = []
        scores = []
        for side in sides:
            sims = vectors @ self.embedder.embed_query(side)
            scores.append([s + SIDE_FIGURE * bool(NUMBER_RE.search(c.text))
                           + W_LEXICAL * _share(side, c) - (c in chosen and not dated)
                           for s, c in zip(sims, pool, strict=True)])
            pick = pool[int(np.argmax(scores[-1]))]
            if pick not in chosen:
                chosen.append(pick)
        if dated:
            return dated_pair(sides, pool, scores) or chosen
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


def passage_terms(passage: Passage) -> set[str]:
    """The stems of a passage and its article's title (in its language)."""
    return _passage_terms(f"{passage.title}\n{passage.text}", passage_language(passage))


def title_terms(passage: Passage) -> set[str]:
    """The stems of the title of a passage's article (in its language)."""
    return _passage_terms(passage.title or "", passage_language(passage))


@lru_cache(maxsize=512)
def _passage_terms(text: str, language: str) -> set[str]:
    return set(index_terms(text, language))


def mentions(subject: str, sentence: str) -> bool:
    """True when the sentence names the subject (or its last word)."""
    return bool(subject) and find_subject(subject, sentence) is not None
