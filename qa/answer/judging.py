"""What the verifier shows its meaning judge (`qa.entail`), and which sentences it asks about.

- Which sentences: only those with a loosely aligned content word, one that has no same word,
  stem or cognate spelled alike in the cited passage(s) (`qa.answer.meaning`): a translation,
  a paraphrase, or a changed word ("chemical" where the passage says "nucléaire") that the
  embedder put close. A sentence whose every content word is the passage's own (an exact
  restatement) is never put at risk, and costs no judge call.
- What it reads: the whole cited passage(s). Only the 2 cited sentences nearest the claim
  would be a shorter prompt, but on the dev half they lowered the support of right answers
  whose facts span sentences (bench/entail_calibrate.py, variant "near").
"""

from __future__ import annotations

from qa.answer.meaning import content_words, lexically_aligned, passage_words


def loose_words(statement: str, premise: str, skip: frozenset[str] = frozenset()) -> list[str]:
    """The statement's content words with no same word, stem or cognate in the premise (the
    words the word checks aligned only by the embedder, if at all); `skip` is left out."""
    src = passage_words(premise)
    return [w for w in dict.fromkeys(content_words(statement))
            if w not in skip and not lexically_aligned(w, src)]

