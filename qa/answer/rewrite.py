"""Follow-up questions: turn "and where?" into a question the pipeline can answer alone.

A generator that can rewrite (an LLM) does it with the prompt in `prompts/rewrite.txt`;
otherwise rules keep the topic of the conversation (`resolve` returns a `Turn`):
- a he/she/il/elle stands for the person of the previous turn (the subject of "who is X?",
  the name a who-question got as its answer, or the one person the question named): the
  answerer reads the follow-up with that surname ("When will she be sworn in? (Desai)");
- an it/its/they (or an elle/il after "which country?") stands for the thing the previous turn
  answered when that answer names one ("By how much did its shares rise? (Calloway Dairy)");
  a pronoun before the question's own names, or ending it ("after that"), still points back;
- "what about X?" swaps X into the previous question (not "what about its X?");
- "and X?" naming its own subject is answered as asked;
- any other follow-up (ellipsis, it/that/cette/y) gets the previous question and its short
  answer as context in brackets ("and in which city? (When will the NRC meet? 12 January)").
Retrieval always reads the follow-up with that context and prefers the article that answered
the previous turn (qa.service). The answerer weighs a follow-up's own words above its context
(`split_context`) and never answers with what the context already says. A question that names
its own subject ("Who is Borrell?") is left as it is.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from qa.answer import REFUSALS
from qa.answer.agreement import PLURAL_POINTERS, own_subject, plural
from qa.answer.kinds import question_kind
from qa.text import STOPWORDS, fold, words

_FOLLOW_UP_START = re.compile(
    r"^(and|et|also|aussi|what about|how about|et pour|et concernant|and about|et sur|then|"
    r"alors|puis|same for|pareil pour|idem pour)\b", re.IGNORECASE)
_SWAP = re.compile(r"^\W*(?:and|et|what about|how about|et pour|et concernant|and about|"
                   r"et sur|same for|pareil pour|idem pour)\s+(?:for\s+|pour\s+)?(.+?)\s*[?.!]*$",
                   re.IGNORECASE)
_PRONOUNS = {"it", "he", "she", "they", "them", "him", "his", "her", "its", "their", "theirs",
             "this", "that", "these", "those", "there", "il", "elle", "ils", "elles", "cela",
             "ca", "celle", "celui", "ceux", "lui", "leur", "leurs", "son", "sa", "ses", "y",
             "la-bas", "c"}  # "c" : the ce of "c'est"
_PERSONAL = {"he", "she", "him", "his", "her", "hers", "il", "elle", "lui"}  # a person named before
_DEMONSTRATIVES = {"ce", "cet", "cette", "ces", "this", "that", "these", "those", "such"}
_WH = {"who", "what", "when", "where", "which", "why", "how", "qui", "que", "quoi", "quand",
       "ou", "quel", "quelle", "quels", "quelles", "pourquoi", "comment", "combien"}
_INVERTED = re.compile(r"\b\w+-(?:t-)?(il|elle|ils|elles|on)\b", re.IGNORECASE)  # a-t-elle
_OBJECT = re.compile(r"\b[lL]['’]\w+-(?:t-)?(?:il|elle|ils|elles|on)\b")  # "l'a-t-elle reçu"
_WHICH = re.compile(r"\b(which|quel|quelle|quels|quelles)\s+(?!est\b|sont\b|is\b|are\b)\w")
_NOT_THINGS = {"yesno", "date", "year", "number", "duration", "why", "how", "quote", "contrast"}
_ENGLISH_DEMONSTRATIVES = {"this", "that", "these", "those"}
_NAME_LINKS = {"&", "de", "del", "van", "von", "da", "di", "bin", "al", "of"}
_FRENCH_THING = re.compile(r"\b(il|elle)\b", re.IGNORECASE)  # a thing or a person in French
_CONTEXT = re.compile(r"^(.*?[?.!])\s\((.+)\)$", re.DOTALL)  # "When will she...? (Desai)"
_MARKER = re.compile(r"\[\d+\]")
_FRAME = re.compile(r"^(source|the articles say|d'après les articles)\b", re.IGNORECASE)


def _turns(history: list[dict[str, Any]], role: str) -> list[str]:
    return [t["content"].strip() for t in history or []
            if isinstance(t, dict) and t.get("role") == role
            and isinstance(t.get("content"), str) and t["content"].strip()]


def last_user_question(history: list[dict[str, Any]]) -> str | None:
    """The most recent user turn of a role/content history."""
    turns = _turns(history, "user")
    return turns[-1] if turns else None


def last_short_answer(history: list[dict[str, Any]]) -> str:
    """The short answer of the most recent assistant turn (its lead, without markers); '' for a
    refusal or an answer that only quotes."""
    turns = _turns(history, "assistant")
    if not turns:
        return ""
    lead = turns[-1].split("\n\n", 1)[0].strip()
    if _FRAME.match(lead) or lead in REFUSALS.values() or len(lead) > 300:
        return ""  # a refusal or a quote-only answer: no short answer to carry over
    return _MARKER.sub("", lead).strip(" .")


def last_answer(history: list[dict[str, Any]]) -> str:
    """The most recent assistant turn without its [n] markers (its quotes name the passage
    that answered)."""
    turns = _turns(history, "assistant")
    return _MARKER.sub("", turns[-1])[:1000].strip() if turns else ""


def named_things(text: str) -> list[str]:
    """Capitalised words and acronyms of `text` other than its first word ("Borrell", "NRC")."""
    tokens = re.findall(r"[\w'’-]+", text)
    out = []
    for i, token in enumerate(tokens):
        bare = re.sub(r"^[lLdD]['’]", "", token)
        if not bare[:1].isupper() or (i == 0 and bare == token and not bare.isupper()):
            continue
        if bare.lower() in _WH or bare == "I":
            continue
        out.append(bare)
    return out


def name_runs(text: str, first: bool = False) -> list[str]:
    """Runs of capitalised words ("Priya Desai", "Aldous & Pryce"); the first word of `text`
    opens a run only when `first` (an answer usually starts with the name it gives)."""
    tokens = re.findall(r"[\w'’&-]+|[^\w\s]", text)  # punctuation ends a run
    runs: list[list[str]] = []
    current: list[str] = []
    for i, token in enumerate(tokens):
        bare = re.sub(r"^[lLdD]['’]", "", token)
        capital = bare[:1].isupper() and bare.lower() not in _WH and bare != "I" and (
            first or i > 0 or bare.isupper())
        if capital and not (not current and bare.lower() in STOPWORDS):
            current.append(bare)
        elif current and token.lower() in _NAME_LINKS and i + 1 < len(tokens) and (
                tokens[i + 1][:1].isupper()):
            current.append(token)
        else:
            if current:
                runs.append(current)
            current = []
    if current:
        runs.append(current)
    return [" ".join(run) for run in runs]


def pronouns(question: str) -> list[str]:
    """The words of `question` that point outside it: pronouns, an inverted il/elle
    ("a-t-elle") when the question names no subject of its own, an object "l'" ("l'a-t-il"),
    and this/that before a noun or at the end."""
    raw = re.findall(r"\w+", _INVERTED.sub(" ", question))
    found = []
    for i, token in enumerate(raw):
        folded = fold(token)
        nxt = raw[i + 1] if i + 1 < len(raw) else ""
        if folded in _ENGLISH_DEMONSTRATIVES and nxt and (
                fold(nxt) in STOPWORDS or nxt[:1].isupper()):
            continue  # "said that the talks...", "said that NATO...": a conjunction
        if folded in _PRONOUNS:
            found.append(folded)
    inverted = _INVERTED.search(question)
    if inverted and not own_subject(question[:inverted.start()]):
        found += [m.lower() for m in _INVERTED.findall(question)]  # "Est-elle membre de X ?"
    if _OBJECT.search(question):
        found.append("l'")
    return found


def referent(question: str, previous: str, short: str) -> str:
    """The person a he/she/il/elle of `question` stands for: the subject of a previous "who is
    X?", the name a previous who-question got as its answer, or the one person the previous
    question named; '' when there is no such pronoun or no single candidate."""
    if not any(t in _PERSONAL for t in pronouns(question)):
        return ""
    previous, context = split_context(previous)  # an earlier follow-up: its own words
    kind = question_kind(previous)
    if kind.kind == "definition" and name_runs(kind.subject, first=True) == [kind.subject]:
        return kind.subject  # "who is Jens Stoltenberg?" (not "who is NATO's chief?")
    if kind.kind in {"person", "definition"}:  # the name opening the answer, or a full name
        runs = name_runs(short, first=True)
        named = next((r for r in runs if short.startswith(r) or len(r.split()) > 1), "")
        if named or kind.kind == "definition":
            return named
        # "Whom did Stoltenberg blame...? The Russian side": no person answered, so the he
        # is the person who asked about, the question's subject
        return _question_subject(previous)
    if _thing_answer(previous, short):
        return ""  # "Quel pays...? L'Ukraine" -> "Est-elle membre ?": the thing (see below)
    runs = name_runs(previous) or name_runs(context)
    return runs[0] if len(runs) == 1 else _question_subject(previous)


def _question_subject(question: str) -> str:
    """The name a question opens on right after its asking words and auxiliary or verb
    ("Whom did Stoltenberg blame...?", "Qu'a dit Stoltenberg sur...?"), or ''."""
    runs = name_runs(question)
    if not runs:
        return ""
    head = words(question[:question.find(runs[0])])
    asking = [t for t in head if t not in _WH and t not in STOPWORDS and t not in {"qu", "whom"}]
    if head and head[-1] in {"the", "le", "la", "les", "l"}:
        return ""  # "the West", "l'OTAN": a body, not the person a he/il stands for
    return runs[0] if len(asking) <= 1 else ""  # one verb may come first: "Qu'a dit X"


def _thing_answer(previous: str, short: str) -> bool:
    """True when the previous turn asked which thing ("which company", "quel pays") and its
    short answer names one (no number, not a sentence)."""
    return bool(short and _WHICH.search(fold(previous)) and not re.search(r"\d", short)
                and len(short.split()) <= 8)


def _subject_pointer(question: str) -> bool:
    """True when a pronoun comes before every named thing of the question, so it cannot
    stand for one of them ("What do they have with Russia?", "Est-elle membre de l'OTAN ?"),
    unlike "When did NATO say it would meet?"."""
    names = named_things(question)
    if not names:
        return False
    head = question[:question.find(names[0])]
    inverted = _INVERTED.search(question)
    if inverted and inverted.start() < len(head):
        return True
    return any(fold(t) in _PRONOUNS - _DEMONSTRATIVES for t in re.findall(r"\w+", head))


def _ends_with_pointer(question: str) -> bool:
    """True when the question ends on a pronoun, after its own names ("What did Moscow close
    after that?", "Qu'en pense Moscou, de cela ?"): what it points at comes before it."""
    tokens = re.findall(r"\w+", question)
    return bool(tokens) and fold(tokens[-1]) in _PRONOUNS - {"son", "sa", "ses", "c"}


def thing_referent(question: str, previous: str, short: str) -> str:
    """What an it/its/they/elle of `question` stands for: the previous turn's short answer when
    it names a thing ("Calloway Dairy", "A road bridge across the harbour", "L'Ukraine"); ''
    when the question points at a person, or the answer is a date, a number, a yes/no or a
    sentence (then the previous question's subject is the referent)."""
    if not short or referent(question, previous, short):
        return ""
    if not _refers_to_things(question) and not (pronouns(question) and _thing_answer(
            split_context(previous)[0], short)):
        return ""
    if re.search(r"\d", short) or len(short.split()) > 8 or question_kind(
            split_context(previous)[0]).kind in _NOT_THINGS:
        return ""
    if _plural_only(question) and not plural(short):
        return ""  # "Who took them? / The Kelvinhall Museum": they are what was asked about
    return short


def _plural_only(question: str) -> bool:
    """True when every pronoun of the question that points back is a plural one."""
    found = [t for t in pronouns(question) if t not in {"that", "this", "c"}]
    return bool(found) and all(t in PLURAL_POINTERS for t in found)


def _points_out_to_things(question: str) -> bool:
    """Like `_refers_to_things`, but an its/son after a name of the question's own points to
    that name ("what is Moscow carrying out on its neighbour's borders?")."""
    if not _refers_to_things(question):
        return False
    names = named_things(question)
    if not names or _demonstrative(words(question)) or _ends_with_pointer(question):
        return True
    head = words(question[:question.find(names[0])])
    return any(t in _PRONOUNS and t not in _PERSONAL for t in head)


def _refers_to_things(question: str) -> bool:
    """True when the question points back to something other than a person ("it", "l'",
    "cette réunion", "before that")."""
    return any(t not in _PERSONAL for t in pronouns(question)) or _demonstrative(
        words(question))


def _demonstrative(tokens: list[str]) -> bool:
    """A determiner such as "cette" or "such" after the first word ("est-ce" aside)."""
    determiners = _DEMONSTRATIVES - _ENGLISH_DEMONSTRATIVES  # this/that: see `pronouns`
    return any(t in determiners and not (t == "ce" and tokens[i - 1] == "est")
               for i, t in enumerate(tokens) if i > 0)


def needs_context(question: str) -> bool:
    """True for a question that cannot stand alone: no named thing of its own and too short,
    or a pronoun with nothing named to refer to, or a bare "and X?"."""
    tokens = words(question)
    names = named_things(question)
    pointers = pronouns(question)
    content = [t for t in tokens if t not in STOPWORDS and len(t) > 2]
    if _FOLLOW_UP_START.match(" ".join(tokens)):
        return True  # "and...", "et...", "what about Lavrov?" continues the conversation
    if names:  # named things of its own, unless a person is still referred to ("he chairs")
        return any(t in _PERSONAL for t in pointers) or _subject_pointer(question) or (
            _ends_with_pointer(question))
    return bool(pointers) or _demonstrative(tokens) or len(content) <= 2


@dataclass(frozen=True)
class Turn:
    """A question as the pipeline reads it once the conversation is taken into account.

    `question` is what the answerer reads, `query` what retrieval reads (the question with the
    topic of the conversation), `topic` the previous question and answer whose article
    retrieval prefers ('' when the question stands alone)."""

    question: str
    query: str
    topic: str = ""


def resolve(question: str, history: list[dict[str, Any]], answerer: Any) -> Turn:
    """The question to answer and the query to retrieve with, in the user's language.

    A model that can rewrite does it; otherwise a he/she of the follow-up becomes the person
    the previous turn named, "what about X?" swaps X into the previous question, and any other
    follow-up gets the previous question and its short answer as context. Retrieval always
    reads that context and prefers the article that answered the previous turn."""
    previous = last_user_question(history)
    if not previous:
        return Turn(question, question)
    topic = f"{previous} {last_answer(history)}".strip()
    rewrite = getattr(answerer, "rewrite", None)
    if rewrite is not None:
        rewritten = rewrite(question, history)
        if rewritten:
            return Turn(rewritten, rewritten, topic if rewritten != question else "")
    if not needs_context(question):
        return Turn(question, question)
    swap = _SWAP.match(question)
    if swap and not _a_question(swap.group(1)):
        swapped = _swap_subject(previous, swap.group(1))
        if swapped:
            return Turn(swapped, swapped)
    context = previous
    short = last_short_answer(history)
    if short and question_kind(previous).kind != "yesno":
        context = f"{previous} {short}"
    query = f"{question} ({context})"
    person = referent(question, previous, short)
    if person and not _points_out_to_things(question):
        # the surname, as articles refer back to a person ("Desai will...", "She called...");
        # an il/elle after a question about no person may be a thing: its whole name
        about_person = question_kind(split_context(previous)[0]).kind in {"person",
                                                                          "definition"}
        name = person.split()[-1] if about_person or not _FRENCH_THING.search(question) else (
            person)
        return Turn(f"{question} ({name})", query, topic)
    thing = thing_referent(question, previous, short)
    if thing:  # "By how much did its shares rise? (Calloway Dairy)": not the merger's asker
        return Turn(f"{question} ({thing})", query, topic)
    if named_things(question) and not pronouns(question) and not _demonstrative(words(question)):
        return Turn(question, query, topic)  # "et que répond la Russie ?": its own subject
    return Turn(query, query, topic)


def _a_question(rest: str) -> bool:
    """True when what follows "and"/"et" is a question of its own, not a subject to swap in:
    it asks (which, qu'...), inverts a pronoun (ont-ils) or opens on a pronoun ("its X")."""
    tokens = words(rest)
    return (any(t in _WH or t == "qu" for t in tokens) or bool(_INVERTED.search(rest))
            or any(t in _PRONOUNS for t in tokens[:2]))


def split_context(question: str) -> tuple[str, str]:
    """A resolved follow-up's own words and the context `resolve` added in brackets at its end
    ('' when there is none)."""
    m = _CONTEXT.match(question.strip())
    return (m.group(1), m.group(2)) if m else (question, "")


def standalone_question(question: str, history: list[dict[str, Any]], answerer: Any) -> str:
    """The question the answerer reads (see `resolve`)."""
    return resolve(question, history, answerer).question


def _swap_subject(previous: str, subject: str) -> str | None:
    """The previous question about `subject` instead of its own named thing, if it has one:
    the whole noun phrase of that name goes ("the US-Russian talks" for "the OSCE talks",
    "NATO's secretary general" for "the EU's top diplomat")."""
    names = named_things(previous)
    if not names:
        return None
    subject = subject.strip()
    first = previous.find(names[0])
    last = previous.find(names[-1]) + len(names[-1])
    if len(previous[first:last].split()) > 4:  # several separate names: swap only the first
        last = first + len(names[0])
    before = re.search(r"(?:\b(?:the|le|la|les)\s+|\b[lL]['’])$", previous[:first])
    if before and re.match(r"(?:the|le|la|les)\s|[lL]['’]", subject, re.IGNORECASE):
        first = before.start()  # the subject brings its own determiner
    possessive = re.search(r"['’]s$", previous[first:last])
    if possessive and not re.search(r"['’]s\b", subject):
        last -= 2  # "NATO's chief" about Moscow: "Moscow's chief"
    own_nouns = re.search(r"((?:\s+[a-z][\w-]*)+)$", subject)  # "top diplomat", "wind farm"
    follows = re.match(r"(?:\s+[a-z][\w-]*)+", previous[last:])  # "secretary general"
    if follows and own_nouns:
        theirs, ours = follows.group(0).split(), own_nouns.group(1).split()
        if possessive and re.search(r"['’]s\b", subject) and len(theirs) >= len(ours):
            last += len(" ".join(theirs[:len(ours)])) + 1  # as many nouns as the subject's
        elif theirs[:len(ours)] == ours:
            last += len(" ".join(ours)) + 1
    return previous[:first] + subject + previous[last:]
