"""Refusal bars fitted to the user's own index (corpus and embedder), at the end of ingest.

The extractive answerer refuses when its best sentence is not confident enough
(`qa.answer.gate.confidence`: similarity + term overlap). Where that bar lies depends on the
embedder (e5 puts any two texts near 0.75) and on the corpus (its languages, how alike its
articles are). So the bars are measured on the index itself, cheaply:
- far questions: generic questions on unrelated subjects, in French and English (language
  data, below), give for each question language the confidence of an answer that is not there;
- near questions: keyword questions made from sentences of the indexed articles give the
  confidence of an answer that is there (in the corpus's own language).
The bar for a question language is the high end of its far confidences (the second highest,
about the 90th percentile); for the corpus's own language it is raised by a share of the gap
to the near level (`GAP_SHARE`, chosen on the dev halves of eval/questions.jsonl and
eval/english/questions.jsonl with bench/refusal.py's SPF questions asked of the articles).
Results are stored with the index (`Store.set_calibration`) with the generation they were
measured on.
"""

from __future__ import annotations

import random
import statistics
from collections import Counter
from typing import TYPE_CHECKING, Any

from qa.text import content_words, split_sentences

if TYPE_CHECKING:
    from qa.answer.extractive import ExtractiveAnswerer
    from qa.retrieve import HybridRetriever
    from qa.store import Store

FAR_QUESTIONS = {
    "en": ["How long should pasta be boiled?", "What is the boiling point of water?",
           "Who won the football world cup final?", "How do I reset my router password?",
           "What is the best fertiliser for tomatoes?", "How many moons does Jupiter have?",
           "Which vitamins are found in carrots?", "How do you knit a scarf?",
           "What time does the museum open on Sundays?", "How much does a guitar cost?",
           "Who painted the ceiling of the chapel?", "What is the recipe for pancakes?"],
    "fr": ["Combien de temps faut-il cuire des pâtes ?", "À quelle température l'eau bout-elle ?",
           "Qui a gagné la finale de la coupe du monde de football ?",
           "Comment réinitialiser le mot de passe de ma box ?",
           "Quel engrais utiliser pour les tomates ?", "Combien de lunes a Jupiter ?",
           "Quelles vitamines trouve-t-on dans les carottes ?", "Comment tricoter une écharpe ?",
           "À quelle heure ouvre le musée le dimanche ?", "Combien coûte une guitare ?",
           "Qui a peint le plafond de la chapelle ?", "Quelle est la recette des crêpes ?"],
}
NEAR_QUESTIONS = 16
CALIBRATION_PASSAGES = 4  # passages read per calibration question (the answerer reads 8)
GAP_SHARE = 0.1
# Used before an index has been calibrated (measured on the bundled articles, fast embedder).
DEFAULT_BARS = {"fr": 0.86, "en": 0.83}


def near_questions(retriever: HybridRetriever, n: int = NEAR_QUESTIONS,
                   seed: int = 7) -> list[tuple[str, str]]:
    """(question, language) pairs made from sentences of the indexed articles: 4 to 8 of each
    sentence's content words, a keyword question whose answer is in the index."""
    passages = list(retriever.lexical().passages.values())
    rng = random.Random(seed)
    rng.shuffle(passages)
    out: list[tuple[str, str]] = []
    for passage in passages:
        language = passage.language or "en"
        spans = split_sentences(passage.text, language)
        sentences = [passage.text[a:b] for a, b in spans if len(passage.text[a:b].split()) >= 8]
        if not sentences:
            continue
        words = content_words(rng.choice(sentences), language)
        if len(words) < 4:
            continue
        start = rng.randrange(0, max(1, len(words) - 6))
        out.append((" ".join(words[start:start + rng.randint(4, 8)]) + " ?", language))
        if len(out) >= n:
            break
    return out


def _best_confidence(question: str, retriever: HybridRetriever,
                     answerer: ExtractiveAnswerer) -> float:
    from qa.answer.gate import confidence

    passages = retriever.retrieve(question, CALIBRATION_PASSAGES)
    ranked = answerer.candidates(question, passages)
    return confidence(ranked[0]) if ranked else 0.0


def calibrate(store: Store, retriever: HybridRetriever,
              answerer: ExtractiveAnswerer) -> dict[str, Any]:
    """Measure far and near confidence on this index, store and return the bars per question
    language ({} for an empty index)."""
    lex = retriever.lexical()
    if not lex.passages:
        return {}
    near = [_best_confidence(q, retriever, answerer) for q, _ in near_questions(retriever)]
    far = {lang: [_best_confidence(q, retriever, answerer) for q in qs]
           for lang, qs in FAR_QUESTIONS.items()}
    corpus_language = Counter(p.language or "en" for p in lex.passages.values()).most_common(1)
    main = corpus_language[0][0]
    near_level = statistics.median(near) if near else max(DEFAULT_BARS.values())
    far_levels = {lang: sorted(v)[-2] for lang, v in far.items()}
    gap = max(0.0, near_level - far_levels.get(main, min(far_levels.values())))
    # near questions exist only in the corpus's own language: the gap raises that bar only
    bars = {lang: round(level + (GAP_SHARE * gap if lang == main else 0.0), 4)
            for lang, level in far_levels.items()}
    values = {"generation": lex.generation, "embedder": retriever.embedder.name,
              "bars": bars, "near": round(near_level, 4),
              "far": {k: round(v, 4) for k, v in far_levels.items()}, "language": main}
    store.set_calibration(values)
    return values
