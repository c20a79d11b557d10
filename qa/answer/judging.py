"""What the verifier shows its meaning judge (`qa.entail`), and which sentences it asks about.

- Which sentences: only those with a loosely aligned content word, one that has no same word,
  stem or cognate spelled alike in the cited passage(s) (`qa.answer.meaning`): a translation,
  a paraphrase, or a changed word ("chemical" where the passage says "nucléaire") that the
  embedder put close. A sentence whose every content word is the passage's own (an exact
  restatement) is never put at risk, and costs no judge call.
- What it reads: the cited passage(s), or (`QA_ENTAIL_SENTENCES`) only the cited sentences
  nearest the claim (by the embedder): a shorter prompt, but on the dev half 2 sentences
  lowered the support of right answers whose facts span sentences (bench/entail_calibrate.py).
"""

from __future__ import annotations

from qa.answer.meaning import closest_sentences, content_words, lexically_aligned, passage_words
from qa.answer.vectors import WordVectors

JUDGE_SENTENCES = 2  # cited sentences the judge reads (nearest the claim)


def loose_words(statement: str, premise: str, skip: frozenset[str] = frozenset()) -> list[str]:
    """The statement's content words with no same word, stem or cognate in the premise (the
    words the word checks aligned only by the embedder, if at all); `skip` is left out."""
    src = passage_words(premise)
    return [w for w in dict.fromkeys(content_words(statement))
            if w not in skip and not lexically_aligned(w, src)]


def judge_premise(statement: str, premise: str, vectors: WordVectors | None,
                  k: int = JUDGE_SENTENCES) -> str:
    """The premise the judge reads: the k premise sentences nearest the statement, in their
    order (the whole premise without an embedder)."""
    if vectors is None:
        return premise
    return " ".join(s.strip() for s in closest_sentences(statement, premise, vectors, k))
