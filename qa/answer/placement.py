"""Names in their place: a name of a sentence clause must be in the passage clauses that say
what that clause says ('Geneva' for a meeting the passage holds in Brussels, Geneva being
another event's). Datelines ("EDINBURGH, 25 March 2025 - ") place only the main clause of
their own sentence.
"""

from __future__ import annotations

import re
from itertools import pairwise

import numpy as np

from qa.answer.claims import name_claims
from qa.answer.evidence import DATELINE_RE
from qa.answer.meaning import content_words, stems
from qa.answer.modifiers import moved_modifier
from qa.answer.names import name_found, name_source
from qa.answer.phrases import name_counterpart
from qa.answer.polarity import CLAUSE_SPLIT, NEAR_CLAUSES, clauses
from qa.answer.slots import ARTICLES, appositive, slots
from qa.answer.vectors import WordVectors
from qa.text import fold, split_sentences

# How much less like a sentence clause (e5 query cosine) a passage clause may be and still
# place its names (the clause's subject aside).
NEAR_MARGIN = 0.03  # dev: right answers lost below .02, wrong places kept above .04
# A passage word this close to a name (e5 query cosine) may be that name written another way.
NEAR_NAME_SIM = 0.89
# How much closer to the question the passage sentence of another name must be than every
# sentence naming a bare answer's name (e5 query cosine).
LOCATE_MARGIN = 0.02
_CAPITALISED_RUN = re.compile(r"[^\W\d_a-z][\w]*(?:[-‐ ][^\W\d_a-z][\w]*)*")


def misplaced_name(text: str, passage_texts: list[str], vectors: WordVectors | None,
                   given: dict[str, str]) -> str:
    """A name of a sentence clause absent from the passage clauses closest to that clause
    ('Geneva' for a meeting the passage holds in Brussels, Geneva being another event's).
    A given name (a key of `given`) is placed by its family name. The clause's subject (the
    names it opens with) may stand in any of the closest clauses (the passage often names it
    in another sentence, "le dirigeant russe" for "Vladimir Poutine"); any other name that
    fills a place or party slot ("in Geneva"), or for which the passage clauses about as
    close as the closest one (`NEAR_MARGIN`) name something else, must be in those clauses:
    a name the passage gives to a fact said less like the clause's belongs to that fact. Each
    cited passage is read on its own (a sentence citing two may take a name from each). A
    place set off by a comma after another ("à Lagos, au Nigeria") only says where that one
    is."""
    if vectors is None:
        return ""
    passages = [[t[a:b] for a, b in split_sentences(t)] for t in passage_texts]
    # A sentence of little but names ("Près de Bodmin.") is no guide to the passage clauses
    # that say the same: a bare answer is placed by its question (`unlocated_answer`).
    bare = len([w for w in content_words(text)
                if w not in {fold(c.text) for c in name_claims(text)}]) < 2
    for clause in name_clauses(text):
        names = [c for c in name_claims(clause) if c.kind == "name" and c.role == "name"]
        if not names:
            continue
        # The closest clauses, widened to their sentences: a relative clause ("qui a averti
        # mardi...") names its subject in the main one. A dateline ("EDINBURGH, 25 March
        # 2025 - ") places only what its own sentence says (where the report was filed).
        near: dict[float, list[str]] = {1.0: [], NEAR_MARGIN: []}
        for sentences in passages:
            theirs = sentences if _dateline_lead(clause, sentences, vectors) else [
                DATELINE_RE.sub(" ", s) for s in sentences]
            for margin, kept in near.items():
                kept += near_sentences(clause, theirs, vectors, margin)
        tight_text = "\n".join(near[NEAR_MARGIN])
        loose, tight = name_source("\n".join(near[1.0])), name_source(tight_text)
        spans = _CAPITALISED_RUN.findall(clause)
        subject = set(_subject(clause))
        found = slots(clause, window=len(clause), bounded=False)
        apposed = {s.name for k, s in enumerate(found) if appositive(clause, found, k)}
        slotted = {s.name for s in found}
        for claim in names:
            if (claim.text in given and given[claim.text] in clause) or claim.text in apposed:
                continue  # placed with its family name / says where the place before is
            if name_counterpart(claim.text, text, "\n".join(passage_texts), vectors,
                                translated=True):
                continue  # a translated name is one thing (the clauses of two languages are
                # too far apart for the closest-clause search)
            whole = next((s for s in spans if claim.text in re.split(r"[-‐ ]", s)), claim.text)
            for src in (loose,) if bare else (loose, tight):
                if name_found(claim.text, src, vectors) or name_found(whole, src, vectors):
                    continue
                if src is loose or (claim.text not in subject and (
                        claim.text in slotted or _stead(claim.text, tight_text, text, vectors))):
                    return claim.text
    return moved_modifier(text, passage_texts, vectors)  # "a Scottish utility"


def _stead(name: str, passage_text: str, sentence: str, vectors: WordVectors) -> bool:
    """True when passage text names something the sentence does not, besides the word
    closest to `name` when that one is near it (`NEAR_NAME_SIM`: the same name written
    another way, just under the name bar: "Lune" ~ "Moon")."""
    said = name_source(sentence)
    tokens = list(name_source(passage_text).tokens)
    sim, closest = vectors.best(name, tokens) if tokens else (0.0, "")
    return any(not name_found(c.text, said, vectors) for c in name_claims(passage_text)
               if c.kind == "name" and c.role != "initial"
               and not (c.text == closest and sim >= NEAR_NAME_SIM))


def _subject(clause: str) -> list[str]:
    """The capitalised words a clause opens with, unless an article comes first ("Vladimir
    Putin said ..." -> Vladimir, Putin)."""
    out = []
    for word in clause.split():
        word = word.strip(",.;:'’s")
        if not word[:1].isupper() or (not out and fold(word) in ARTICLES):
            break
        out.append(word)
    return out


def near_sentences(clause: str, sentences: list[str], vectors: WordVectors,
                   margin: float = 1.0) -> list[str]:
    """The passage sentences holding the passage clauses closest in meaning to a clause: at
    most `NEAR_CLAUSES`, within `margin` of the closest (each passage clause is cut within
    its own sentence, so that it widens to that one)."""
    pieces = [(c.strip(), i) for i, s in enumerate(sentences) for c in CLAUSE_SPLIT.split(s)
              if c and c.strip()]
    if not pieces:
        return []
    vecs = vectors.vectors([clause, *(c for c, _ in pieces)])
    sims = vecs[1:] @ vecs[0]
    order = [i for i in np.argsort(-sims)[:NEAR_CLAUSES] if sims[i] >= sims.max() - margin]
    return [sentences[j] for j in dict.fromkeys(pieces[i][1] for i in order)]


def name_clauses(text: str) -> list[str]:
    """The clauses of a text (`qa.answer.polarity.clauses`) as written, with every piece too
    short to be a clause joined to the clause before it (or, first, to the one after): a name
    in "and France", "De Lagos," or "en 1897" is checked with what the clause says of it."""
    whole = set(clauses(text))
    cuts = [0, *(m.start() for m in CLAUSE_SPLIT.finditer(text)), len(text)]
    out: list[tuple[int, int]] = []
    start = None  # where a run of short pieces before the first clause begins
    for a, b in pairwise(cuts):
        piece = CLAUSE_SPLIT.sub(" ", text[a:b], count=1) if a else text[a:b]
        if not piece.strip():
            continue
        if piece.strip() in whole:
            out.append((a if start is None else start, b))
            start = None
        elif out:
            out[-1] = (out[-1][0], b)
        elif start is None:
            start = a
    if start is not None:
        out.append((start, len(text)))
    return [text[a:b].strip(" ,;:") for a, b in out]


def _dateline_lead(clause: str, sentences: list[str], vectors: WordVectors) -> bool:
    """True when the passage clause closest to a sentence clause is the main clause of a
    dateline's sentence ("EDINBURGH, 25 March 2025 - The Scottish government approved ..."):
    the dateline places that clause only, not a clause after it ("... to residents who fell
    ill after drinking contaminated tap water")."""
    pieces: list[str] = []
    leads: list[int] = []
    for sentence in sentences:
        m = DATELINE_RE.match(sentence.strip())
        body = sentence.strip()[m.end():] if m else sentence
        parts = [c.strip() for c in CLAUSE_SPLIT.split(body) if c and c.strip()]
        if m and parts:
            leads.append(len(pieces))
        pieces += parts
    if not leads:
        return False
    vecs = vectors.vectors([clause, *pieces])
    return int(np.argmax(vecs[1:] @ vecs[0])) in leads


def unlocated_answer(sentence: str, passage_text: str, question: str,
                     vectors: WordVectors | None, bare: bool = False) -> str:
    """A name of a bare answer ("À Moscou.", "Le président du tribunal de Paris.") that the
    passage does not give to the fact the question asks about ('' if none). A bare answer
    says little beyond its names, so the question says what it is about: the passage
    sentence closest to the question (its names kept: they locate the event), among those
    naming the answer's names or another name, must name them. A sentence without final
    punctuation before another ("Pour un Français") heads it (a list's case). `bare`: the
    caller found that the sentence's other words do not locate it (`qa.answer.located`)."""
    if vectors is None or not question or not (bare or _bare(sentence, question)):
        return ""
    mine = [c.text for c in name_claims(sentence) if c.kind == "name" and c.role != "title"]
    asked = name_source(question)
    if not mine:
        return ""
    units = _units(passage_text, sectioned=bare)
    holding = []
    for unit in units:
        src = name_source(unit)
        names = {c.text for c in name_claims(unit) if c.kind == "name" and c.role != "initial"}
        has_mine = any(name_found(n, src, vectors) for n in mine)
        others = [n for n in names if not name_found(n, asked, vectors)
                  and not any(name_found(n, name_source(m), vectors) for m in mine)]
        if has_mine or others:
            holding.append((unit, has_mine))
    if all(has for _, has in holding) or not any(has for _, has in holding):
        return ""  # nothing to tell apart, or the names are checked elsewhere
    # Read with and without its names ("Putin" pulls toward the sentence naming him, not
    # toward "le dirigeant russe a déclaré ..."): both readings must miss the answer's names.
    unnamed = " ".join(w for i, w in enumerate(question.split()) if not i or not w[:1].isupper())
    vecs = vectors.vectors([question, unnamed, *(u for u, _ in holding)])
    for k in (0, 1):
        sims = vecs[2:] @ vecs[k]
        own = max(float(sims[i]) for i, (_, has) in enumerate(holding) if has)
        other = max(float(sims[i]) for i, (_, has) in enumerate(holding) if not has)
        if other < own + LOCATE_MARGIN:
            return ""
    return mine[-1]


def _units(passage_text: str, sectioned: bool = False) -> list[str]:
    """The passage sentences, each with the heading over it: lines without final punctuation
    head the sentence after them. `sectioned`: of two or more such lines in a row, all but
    the last head every sentence up to the next such run ("Erreur substantielle / Pour un
    Français / ... / Pour un réfugié / ...": the first heads both cases)."""
    units: list[str] = []
    heads: list[str] = []
    section = ""
    for a, b in split_sentences(passage_text):
        part = passage_text[a:b].strip()
        if part and part[-1] not in ".!?…»\"”":
            heads.append(part)
            continue
        if sectioned and len(heads) >= 2:
            section = "\n".join(heads[:-1])
            heads = heads[-1:]
        head = "\n".join([section, *heads]) if sectioned else " ".join(heads)
        units.append(f"{head}\n{part}".strip())
        heads = []
    return units


def _bare(sentence: str, question: str) -> bool:
    """True when a sentence says nothing but names and words of the question (fewer than
    two other content words)."""
    asked = {s for w in content_words(question) for s in stems(w)}
    names = {fold(c.text) for c in name_claims(sentence)}
    return len([w for w in content_words(sentence) if w not in names
                and not stems(w) & asked]) < 2


__all__ = ["misplaced_name", "unlocated_answer"]
