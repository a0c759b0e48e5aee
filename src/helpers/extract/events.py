"""Events: who did what to whom, from a typed verb lexicon (``data/dictionaries/events.csv``).

Source and target come from the mentions by position (no parser): the subject of a verb
cue and the first actor after it, or for a noun cue the possessor before it ("Russia’s
invasion of Ukraine"). Lists expand to one event per source actor. Each event carries
the date phrase its sentence gives, as written, and where that falls on the calendar when the
phrase and the article's date say so (``helpers.ingest.dates.resolve``: "yesterday", "last week",
"Tuesday" with a past or future verb, "March 3" without a year), with its precision.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from helpers.extract import grammar
from helpers.extract.actors import load_dictionary, tokenize
from helpers.ingest import dates
from helpers.model.resources import load_csv

#: Date phrases as written: weekdays, month-day, years, and relative expressions (a relative word
#: may open the sentence: "Today, the President...", "Last week, ...").
DATE = re.compile(
    r"\b(?:(?:[Ll]ate|[Ee]arly|[Mm]id|[Ll]ater|[Ee]arlier)\s+)?(?:(?:[Ll]ast|[Nn]ext|[Tt]his|later this|earlier this)\s+"
    r"(?:week|month|year|fall|autumn|spring|summer|winter|weekend|"
    r"January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"|(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)(?:\s+\d{1,2}(?:st|nd|rd|th)?)?(?:,?\s+\d{4})?"
    r"|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"|(?:in|since|until|by|from)\s+(?:19|20)\d{2}"
    r"|(?:a|one|two|three|\d+)\s+(?:day|week|month|year)s?\s+(?:before|after|ago|earlier|later)"
    r"|(?:[Yy]esterday|[Tt]oday|[Tt]omorrow))\b"
)


#: events.csv kind of a verb form that is also a plural noun ("attacks", "visits"): a verb only
#: right after its subject.
VERB_OR_NOUN = "verb+noun"


#: adverbs that may stand between a subject and its verb ("the United States strongly supports"),
#: besides -ly words of five letters or more; the same short list as grammar.is_passive's.
_ADVERBS = frozenset({"also", "still", "now", "again", "further", "already", "never", "not", "too"})


def _adjacent(end: int, cue: int, words: list[str]) -> bool:
    """Whether the subject ending at token ``end`` stands right before the cue at ``cue``, with at
    most two adverbs between ("Russia attacks", "the United States strongly supports")."""
    between = words[end:cue]
    return len(between) <= 2 and all(w in _ADVERBS or (len(w) > 4 and w.endswith("ly")) for w in between)


@dataclass(frozen=True)
class EventCue:
    tokens: tuple[str, ...]
    event: str
    kind: str


@functools.lru_cache(maxsize=None)
def load_event_cues(name: str = "events.csv") -> dict[str, tuple[EventCue, ...]]:
    index: dict[str, list[EventCue]] = {}
    for row in load_csv(name):
        for variant in row["cue"].split("|"):
            tokens = tuple(t.lower() for t, _, _ in tokenize(variant))
            if tokens:
                index.setdefault(tokens[0], []).append(EventCue(tokens, row["event"], row["kind"]))
    return {k: tuple(sorted(v, key=lambda c: -len(c.tokens))) for k, v in index.items()}


def date_text(text: str, near: int | None = None, within: int | None = None) -> str:
    """The date phrase of a sentence as written ("" when none): the first, or the one nearest to
    character ``near`` (and no further than ``within`` characters from it)."""
    found = date_phrase(text, near, within)
    return found[2] if found else ""


def date_phrase(text: str, near: int | None = None, within: int | None = None) -> tuple[int, int, str] | None:
    """``date_text`` with its place: (start, end, phrase), or None."""
    found = [(m.start(), m.end(), m.group(0)) for m in DATE.finditer(text)]
    if not found:
        return None
    if near is None:
        return found[0]
    def dist(f):
        return min(abs(f[0] - near), abs(f[1] - near))

    best = min(found, key=lambda f: (dist(f), f[2]))  # nearest; between equals, the first in the alphabet
    return best if within is None or dist(best) <= within else None


@functools.lru_cache(maxsize=1)
def _tense_words() -> tuple[frozenset[str], frozenset[str], frozenset[str], int]:
    vocab = dates.vocabulary()
    low = lambda key: frozenset(str(w).lower() for w in vocab.get(key, []))  # noqa: E731
    return low("future_markers"), low("past_markers"), low("irregular_past"), int(vocab.get("tense_window", 4))


def cue_tense(words: list[str], first: int, last: int, kind: str) -> str:
    """Whether the event of the cue ``words[first:last]`` (lower-case tokens) lies before the
    article ("past": the cue is a past form, -ed or irregular, or follows has/did/was...) or after it
    ("future": will, scheduled, upcoming... among the few words before it); "" when neither or both
    (a present-tense "visits" or a noun "visit" says nothing; "was scheduled to meet" says both)."""
    future, past_aux, irregular, window = _tense_words()
    before = words[max(0, first - window):first]
    ahead = not future.isdisjoint(before)
    head = words[first] if first < len(words) else ""
    behind = not past_aux.isdisjoint(before) or (kind != "noun" and (head.endswith("ed") or head in irregular))
    if ahead == behind:
        return ""
    return dates.FUTURE if ahead else dates.PAST


@functools.lru_cache(maxsize=None)
def _event_keys(name: str = "events.csv") -> frozenset[str]:
    """The longest word of every event cue: a sentence holding none of them has no cue (cues
    match word for word), so it skips the per-token loop."""
    return frozenset(max(c.tokens, key=len) for cues in load_event_cues(name).values() for c in cues)


def find_event_cues(words: list[str]) -> list[tuple[int, int, EventCue]]:
    """Cue matches, longest first at each position; a match consumes its tokens."""
    index = load_event_cues()
    found = []
    if _event_keys().isdisjoint(words):
        return found
    resume = 0
    for i in [i for i, w in enumerate(words) if w in index]:  # only where a cue can start
        if i < resume:
            continue
        hit = next((c for c in index[words[i]] if tuple(words[i:i + len(c.tokens)]) == c.tokens), None)
        if hit:
            found.append((i, i + len(hit.tokens), hit))
            resume = i + len(hit.tokens)
    return found


def analyse(doc, rows: dict) -> None:
    """Events of one document (needs mentions from ``actors.analyse``)."""
    dic = load_dictionary()
    anchor = (doc.meta or {}).get("date", "") or ""
    mentions_by_sent = doc.mentions
    tokens_by_sent = doc.tokens
    seen = set()
    for sent in doc.sentences:
        mentions = mentions_by_sent.get(sent.sent_id, [])
        if not mentions:
            continue
        tokens = tokens_by_sent.get(sent.sent_id) or tokenize(sent.text)
        words = doc.lower.get(sent.sent_id) or [t.lower().replace("’", "'") for t, _, _ in tokens]
        cues = find_event_cues(words)
        if not cues:
            continue
        outer = grammar.outer_mentions(mentions)
        for first, last, cue in cues:
            if cue.kind == "noun":
                src = [m for m in outer if first - 3 <= m.last_token <= first]
                sources = [max(src, key=lambda m: m.last_token)] if src else []
            else:
                subj = grammar.demonym_agent(first, tokens, mentions) or grammar.subject_of(first, tokens, mentions, dic)
                if subj and cue.kind == VERB_OR_NOUN and not _adjacent(subj.last_token, first, words):
                    subj = None  # "terrorist attacks", "threats or attacks": the noun, not the verb
                sources = grammar.subject_group(subj, tokens, mentions, dic) if subj else []
            # a verb's date is the sentence's nearest date phrase; a noun ("invasion") takes only one beside it
            found = date_phrase(sent.text, tokens[first][1], within=25 if cue.kind == "noun" else None)
            when, on, precision = "", "", ""
            if found:
                when = found[2]
                preceding = sent.text[:found[0]].split()[-2:]
                on, precision = dates.resolve(when, anchor, tense=cue_tense(words, first, last, cue.kind),
                                              preceding=" ".join(preceding))
            obj = grammar.object_of(last, tokens, [m for m in mentions if m.via != "demonym"], window=8)
            if obj is None and cue.event in ("vote_for", "vote_against", "abstain"):
                obj = next((m for ms in mentions_by_sent.values() for m in ms
                            if m.actor.actor_id in ("UNGA", "UNSC", "UN")), None)
            cue_text = sent.text[tokens[first][1]:tokens[last - 1][2]]
            for src in sources:
                target_id = obj.actor.actor_id if obj else ""
                if target_id == src.actor.actor_id:
                    continue
                key = (sent.sent_id, cue.event, src.actor.actor_id, target_id)
                if key in seen:
                    continue
                seen.add(key)
                rows["events"].append({
                    "doc_id": doc.doc_id, "sent_id": sent.sent_id, "event": cue.event,
                    "source_id": src.actor.actor_id, "target_id": target_id, "cue": cue_text,
                    "date_text": when, "date": on, "date_precision": precision,
                })
