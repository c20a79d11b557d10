"""Short-text vectors for the verifier and the gate: words and names embedded as queries,
sentences embedded as passages (`WordVectors.passage`), both cached.

The multilingual embedder puts a word and its translation close together ("Bruxelles" ~
"Brussels", "nucléaire" ~ "nuclear"); the verifier compares single words and names with it.
Vectors are cached per embedder, so a passage's words are embedded once per process.
"""

from __future__ import annotations

from collections import OrderedDict
from threading import Lock

import numpy as np

from qa.embed import Embedder

_CACHE_SIZE = 50000


class WordVectors:
    """Cosine similarities between short texts, through one embedder, with a bounded cache."""

    def __init__(self, embedder: Embedder) -> None:
        self.embedder = embedder
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._passages: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = Lock()

    def vectors(self, texts: list[str]) -> np.ndarray:
        """Unit vectors (len(texts), dim), embedding only the texts not seen before."""
        with self._lock:
            missing = list(dict.fromkeys(t for t in texts if t not in self._cache))
        if missing:
            batch = getattr(self.embedder, "embed_queries", None)
            found = (batch(missing) if batch else
                     np.stack([self.embedder.embed_query(t) for t in missing]))
            with self._lock:
                for text, vec in zip(missing, found, strict=True):
                    self._cache[text] = np.asarray(vec, dtype=np.float32)
                while len(self._cache) > _CACHE_SIZE:
                    self._cache.popitem(last=False)
        with self._lock:
            return np.stack([self._cache[t] for t in texts]) if texts else np.zeros((0, 1))

    def passage(self, text: str) -> np.ndarray:
        """Unit vector of a sentence embedded as a passage (not a query), cached like words:
        the refusal gate compares one best sentence with several variants of a question."""
        with self._lock:
            if text in self._passages:
                return self._passages[text]
        vec = np.asarray(self.embedder.embed_passages([text])[0], dtype=np.float32)
        with self._lock:
            self._passages[text] = vec
            while len(self._passages) > _CACHE_SIZE // 10:
                self._passages.popitem(last=False)
        return vec

    def best(self, text: str, candidates: list[str]) -> tuple[float, str]:
        """The highest similarity of `text` to any candidate, and that candidate."""
        if not candidates:
            return 0.0, ""
        vecs = self.vectors([text, *candidates])
        sims = vecs[1:] @ vecs[0]
        i = int(np.argmax(sims))
        return float(sims[i]), candidates[i]


_SHARED: dict[int, WordVectors] = {}


def word_vectors(embedder: Embedder | None) -> WordVectors | None:
    """The process-wide `WordVectors` of an embedder (None without one)."""
    if embedder is None:
        return None
    key = id(embedder)
    if key not in _SHARED:
        _SHARED[key] = WordVectors(embedder)
    return _SHARED[key]
