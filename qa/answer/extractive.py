"""The offline answerer: quotes the sentence(s) of the passages that best answer the question.

For each sentence of the retrieved passages it combines the embedding similarity to the
question, the overlap with the question's discriminative terms, the presence of evidence of the
asked type (a date for "when", a number for "how many"...) and the passage's rank. It leads with
the short answer when one is found, then quotes the sentence with its [n] marker, framed in the
question's language. It refuses when no sentence is good enough.
"""

from __future__ import annotations

import math
from collections import OrderedDict
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

from qa.answer import refusal
from qa.answer.conflicts import compatible, divergence, rival
from qa.answer.dates import date_evidence
from qa.answer.evidence import closest_to_terms, find_evidence, question_type, render_short
from qa.embed import Embedder
from qa.results import Answer, Citation, Passage, Sentence
from qa.syndication import same_text
from qa.text import detect_language, index_terms, split_sentences

# Bars on confidence (similarity + term overlap), calibrated by bench/refusal.py: answerable =
# seed questions on the articles and SPF questions on the fiches; unanswerable = the seed's own
# plus each set's questions asked of the other corpus. A question in the passages' language
# scores higher than a translated one, hence bars per language pair. Measured (fast embedder):
# same-language answerable >= 0.897, unanswerable <= 0.878; cross-language answerable >= 0.806
# (typed) and >= 0.827 (untyped), unanswerable 0.806 (untyped).
MIN_CONFIDENCE = {("same", "typed"): 0.887, ("same", "other"): 0.887,
                  ("cross", "typed"): 0.79, ("cross", "other"): 0.815}
SOFT_TYPES = {"country"}  # evidence helps ranking but its absence does not refuse
W_LEXICAL, W_TYPE, W_RANK = 0.12, 0.05, 0.02


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


class ExtractiveAnswerer:
    """Sentence-selection answerer; needs only the embedder."""

    mode = "extractive"

    def __init__(self, embedder: Embedder, cache_size: int = 20000) -> None:
        self.embedder = embedder
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
            for a, b in split_sentences(passage.text):
                text = passage.text[a:b]
                if len(text.split()) >= 3:
                    out.append(Candidate(rank, passage, a, b, text))
        if not out:
            return out
        q_vec = self.embedder.embed_query(question)
        vectors = self._embed([c.text for c in out])
        sims = vectors @ q_vec
        kind = question_type(question)
        q_terms = set(index_terms(question))
        sent_terms = [set(index_terms(c.text)) for c in out]
        n = len(out)
        weight = {t: math.log(1 + n / (1 + sum(t in s for s in sent_terms))) for t in q_terms}
        total = sum(weight.values()) or 1.0
        for c, sim, terms in zip(out, sims, sent_terms, strict=True):
            c.similarity = float(sim)
            c.lexical = sum(weight[t] for t in q_terms & terms) / total
            c.evidence = find_evidence(kind, c.text, question)
            if kind == "date" and not c.evidence:  # "lundi", "demain"... (qa.answer.dates)
                c.evidence = date_evidence(c.text, c.passage.published, question)
            c.score = (c.similarity + W_LEXICAL * c.lexical + W_TYPE * bool(c.evidence)
                       + W_RANK / (1 + c.passage_rank))
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
        ranked = self.candidates(question, passages)
        if not ranked:
            return []
        kind = question_type(question)
        typed = kind not in SOFT_TYPES and kind != "other"
        best = ranked[0]
        if typed:  # the answer must contain evidence of the asked type
            with_evidence = [c for c in ranked[:8] if c.evidence]
            if not with_evidence:
                return []
            best = with_evidence[0]
        bar = MIN_CONFIDENCE[language_pair(question, best.passage.text),
                             "typed" if typed else "other"]
        if confidence(best) < bar:
            return []
        chosen = [best]
        # A second quote from another article when it says nearly as much.
        for c in ranked[1:6]:
            if (c.passage.doc_id != best.passage.doc_id and c.score >= best.score - 0.02
                    and (kind == "other" or c.evidence)
                    and not same_text(c.text, best.text)  # copies quoted once (also_in)
                    and compatible(kind, best, c, index_terms(question))):
                chosen.append(c)
                break
        other = rival(kind, best, ranked[:8], index_terms(question))  # qa.answer.conflicts
        return [best, other] if other is not None else chosen

    # -- writing --------------------------------------------------------------------------
    def answer(self, question: str, passages: list[Passage], language: str) -> Answer:
        """The final answer (or a refusal)."""
        chosen = self.choose(question, passages)
        if not chosen:
            return refusal(question, language, self.mode)
        kind = question_type(question)
        citations = [
            Citation(number=i + 1, doc_id=c.passage.doc_id, title=c.passage.title,
                     source=c.passage.source, text=c.passage.text, quote=c.text,
                     start=c.passage.start, end=c.passage.end, score=round(c.score, 4),
                     passage_id=c.passage.id)
            for i, c in enumerate(chosen)
        ]
        markers = "".join(f"[{c.number}]" for c in citations)
        sentences: list[Sentence] = []
        lead = ""
        best = chosen[0]
        if best.evidence and kind not in SOFT_TYPES:
            terms = index_terms(question)
            short = closest_to_terms(best.evidence, best.text, terms).text
            short = render_short(kind, short, language)
            lead = f"{short[:1].upper()}{short[1:]} {markers}."
            # Two articles answering differently are both given (qa.answer.conflicts).
            lead = divergence(kind, chosen, terms, language) or lead
            sentences.append(Sentence(lead, True, tuple(c.number for c in citations)))
        quotes = " ".join(f"« {c.quote} » [{c.number}]" for c in citations)
        if language == "en":
            # "(in French)" only when a quote is French (news pages may be English).
            french = " (in French)" if any(detect_language(c.quote) == "fr"
                                           for c in citations) else ""
            frame = f"The articles say{french}: " if not lead else f"Source{french}: "
        else:
            frame = "D'après les articles : " if not lead else "Source : "
        body = frame + quotes
        sentences.append(Sentence(body, True, tuple(c.number for c in citations)))
        text = f"{lead}\n\n{body}" if lead else body
        return Answer(question=question, text=text, citations=citations, refused=False,
                      mode=self.mode, language=language, sentences=sentences)


def confidence(candidate: Candidate) -> float:
    """How well a sentence answers an untyped question: similarity plus term overlap."""
    return candidate.similarity + W_LEXICAL * candidate.lexical


def language_pair(question: str, passage_text: str) -> str:
    """'same' when question and passage share a language, else 'cross'."""
    return "same" if detect_language(question) == detect_language(passage_text) else "cross"
