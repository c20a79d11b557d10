"""Text that talks to a language model (prompt injection), recognised by generic patterns.

Such passages are marked at ingest (`addresses_model` in each chunk's metadata); the generator
withholds them from the model and the extractive answerer never quotes them. The patterns are
language data (imperatives addressed to an assistant, in French and English), not phrases of
any corpus.
"""

from __future__ import annotations

import re

_INJECTION = re.compile(
    r"\b(ignore[sz]?|ignoring|disregard|forget|override|oublie[sz]?|ignorer|oublier)\b.{0,40}"
    r"\b(instructions?|consignes?|rules|r[eè]gles|prompt|directives?|guidelines)\b"
    r"|\b(reveal|print|show|display|repeat|output|leak|r[ée]v[eè]le[sz]?|affiche[sz]?|"
    r"donne[sz]?|montre[sz]?|r[ée]p[eè]te[sz]?)\b.{0,30}\b(system prompt|prompt syst[eè]me|"
    r"instructions?|consignes?|hidden prompt|initial prompt)\b"
    r"|\b(system prompt|prompt syst[eè]me|you are now|tu es d[ée]sormais|vous [eê]tes d[ée]sormais"
    r"|new instructions|nouvelles instructions|as an ai( language)? model|en tant qu.ia)\b"
    r"|\b(assistant|chatbot|ai model|language model|llm|mod[eè]le de langage)\b.{0,30}"
    r"\b(must|should|shall|doit|devez|dois)\b.{0,30}\b(answer|reply|say|respond|r[ée]pondre|"
    r"dire)\b"
    r"|^\s*#*\s*(system|syst[eè]me|assistant)\s*:",
    re.IGNORECASE | re.MULTILINE)


def addresses_model(text: str) -> bool:
    """True for text that talks to the model (prompt injection)."""
    return bool(_INJECTION.search(text))
