"""Events: who did what to whom, from a typed verb lexicon (``data/dictionaries/events.csv``).

Source and target come from the mentions by position (no parser): the subject of a verb
cue and the first actor after it, or for a noun cue the possessor before it ("Russia’s
invasion of Ukraine"). Lists expand to one event per source actor. Each event carries
the date phrase its sentence gives, as written.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from helpers.extract import grammar
from helpers.extract.actors import load_dictionary, tokenize
from helpers.model.resources import load_csv

#: Date phrases as written: weekdays, month-day, years, and relative expressions.
DATE = re.compile(
    r"\b(?:(?:late|early|mid|later|earlier)\s+)?(?:(?:last|next|this|later this|earlier this)\s+"
    r"(?:week|month|year|fall|autumn|spring|summer|winter|weekend|"
    r"January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"|(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)(?:\s+\d{1,2}(?:st|nd|rd|th)?)?(?:,?\s+\d{4})?"
    r"|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"|(?:in|since|until|by|from)\s+(?:19|20)\d{2}"
    r"|(?:a|one|two|three|\d+)\s+(?:day|week|month|year)s?\s+(?:before|after|ago|earlier|later)"
    r"|(?:yesterday|today|tomorrow))\b"
)


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
    found = [(m.start(), m.end(), m.group(0)) for m in DATE.finditer(text)]
    if not found:
        return ""
    if near is None:
        return found[0][2]
    dist, phrase = min((min(abs(s - near), abs(e - near)), g) for s, e, g in found)
    return phrase if within is None or dist <= within else ""


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
                sources = grammar.subject_group(subj, tokens, mentions, dic) if subj else []
            # a verb's date is the sentence's nearest date phrase; a noun ("invasion") takes only one beside it
            when = date_text(sent.text, tokens[first][1], within=25 if cue.kind == "noun" else None)
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
                    "date_text": when,
                })
