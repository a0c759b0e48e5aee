"""Direct quotations and their speakers.

Quotes are found in each paragraph between curly or straight double quotes (so a quote
may span sentences); the speaker comes from a reporting cue (``data/dictionaries/
quote_cues.yaml``) next to the quote -- "..., Nozirov said", "said Anvar Nozirov",
"the ministry described as '...'" -- resolved to an actor through the mentions.
An unattributed quote is kept with an empty speaker.
"""
from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

from helpers.extract import grammar
from helpers.extract.actors import Dictionary, load_dictionary, tokenize
from helpers.model.types import Mention, Quote
from helpers.model.resources import load_yaml

QUOTE = re.compile(r"“([^“”]+)(?:”|$)|\"([^\"]+)(?:\"|$)", re.M)
PRONOUNS = {"he", "she"}


@dataclass(frozen=True)
class Cues:
    verbs: frozenset[str]
    speaker_after: tuple[tuple[str, ...], ...]
    statement: tuple[tuple[str, ...], ...]


@functools.lru_cache(maxsize=None)
def load_cues(name: str = "quote_cues.yaml") -> Cues:
    spec = load_yaml(name)
    return Cues(
        verbs=frozenset(spec.get("verbs", [])),
        speaker_after=tuple(tuple(p.split()) for p in spec.get("speaker_after", [])),
        statement=tuple(tuple(p.split()) for p in spec.get("statement_markers", [])),
    )


def find_quotes(doc) -> list[Quote]:
    """Quoted spans of the body with the sentences they start and end in."""
    starts = [s.start for s in doc.sentences]
    quotes: list[Quote] = []
    offset = 0
    for para in doc.paragraphs:
        for m in QUOTE.finditer(para):
            group = 1 if m.group(1) is not None else 2
            text = m.group(group).strip()
            if len(text) < 2:
                continue
            start = offset + m.start(group) + (len(m.group(group)) - len(m.group(group).lstrip()))
            end = start + len(text)
            first = max(0, bisect.bisect_right(starts, start) - 1)
            last = max(0, bisect.bisect_right(starts, end - 1) - 1)
            quotes.append(Quote(start, end, text, doc.sentences[first].sent_id, doc.sentences[last].sent_id))
        offset += len(para) + 2
    return quotes


def _kind(q: Quote, doc) -> str:
    """Full when the quote is a sentence of its own (opens its sentence or follows a colon)."""
    sent = doc.sentences[q.sent_id - 1]
    before = doc.body[sent.start:q.start].rstrip("“\" ")
    opens_sentence = before == "" or before.endswith(":")
    return "full" if opens_sentence and q.text[:1].isupper() else "partial"


def _token_index(tokens: list, offset: int) -> int:
    """Index of the first token starting at or after a character offset (within the sentence)."""
    for i, (_, start, _) in enumerate(tokens):
        if start >= offset:
            return i
    return len(tokens)


def _match_phrase(words: list[str], i: int, phrase: tuple[str, ...]) -> bool:
    return tuple(w.lower() for w in words[i:i + len(phrase)]) == phrase


def _last_person_before(doc, sent_id: int, offset: int, blocked_spans: list[tuple[int, int]]) -> Mention | None:
    mentions = doc.mentions
    best = None
    for sid in range(1, sent_id + 1):
        base = doc.sentences[sid - 1].start
        for m in mentions.get(sid, []):
            pos = base + m.start
            if m.actor.kind == "person" and pos < offset and not any(a <= pos < b for a, b in blocked_spans):
                best = m
    return best


def attribute(q: Quote, doc, dic: Dictionary, cues: Cues, quote_spans: list[tuple[int, int]]) -> None:
    """Set the quote's speaker and cue from the sentence it closes in, then the one it opens in."""
    mentions_by_sent = doc.mentions
    tokens_by_sent = doc.tokens
    # 1. After the closing mark: "..., Nozirov said" / "..., said Anvar Nozirov" / "the ministry said".
    sent = doc.sentences[q.end_sent_id - 1]
    tokens = tokens_by_sent.get(sent.sent_id) or tokenize(sent.text)
    mentions = grammar.outer_mentions(mentions_by_sent.get(sent.sent_id, []))
    words = [t for t, _, _ in tokens]
    i = _token_index(tokens, q.end - sent.start)
    while i < len(words) and words[i] in (",", "”", '"', ".", "!", "?", "—"):
        i += 1
    starts = {m.first_token: m for m in mentions}
    if i < len(words) and words[i].lower() in cues.verbs:  # said Anvar Nozirov
        j = i + 1
        while j < len(words) and (words[j].lower() in ("the", "by") or words[j] in dic.title_words):
            j += 1
        if j in starts and starts[j].via != "demonym":
            q.speaker, q.cue = starts[j], words[i]
            return
    j = i
    while j < len(words) and words[j].lower() == "the":
        j += 1
    if j < len(words) and words[j].lower() in PRONOUNS and j + 1 < len(words) and words[j + 1].lower() in cues.verbs:
        person = _last_person_before(doc, q.sent_id, q.start, quote_spans)
        if person:
            q.speaker, q.cue = person, words[j + 1]
            return
    speaker = starts.get(j)
    if speaker is None:  # the mention may begin with words the dictionary skips ("U.S. President ...")
        speaker = next((m for m in mentions if j <= m.first_token <= j + 3 and m.via != "demonym"), None)
    if speaker is not None:
        k = speaker.last_token
        while k < len(words) and words[k].lower() in ("has", "had", "later", "also", "then", "earlier"):
            k += 1
        if k < len(words) and words[k].lower() in cues.verbs:
            q.speaker, q.cue = speaker, words[k]
            if any(_match_phrase(words, k + 1, p) for p in cues.statement):
                q.cue = words[k] + " in a statement"
            return
    # 2. A cue before the opening mark, in the sentence the quote opens in.
    sent = doc.sentences[q.sent_id - 1]
    tokens = tokens_by_sent.get(sent.sent_id) or tokenize(sent.text)
    mentions = mentions_by_sent.get(sent.sent_id, [])
    words = [t for t, _, _ in tokens]
    open_at = _token_index(tokens, q.start - sent.start)
    here = [(a, b) for a, b in quote_spans if a < sent.end and sent.start < b]
    blocked = {i for i, (_, s, _) in enumerate(tokens) if any(a <= sent.start + s < b for a, b in here)}
    for i in range(open_at - 1, -1, -1):
        if i in blocked:
            continue
        for phrase in cues.speaker_after:
            if len(phrase) > 1 and _match_phrase(words, i, phrase):
                obj = grammar.object_of(i + len(phrase), tokens, mentions, window=4, blocked=blocked)
                if obj is not None:
                    q.speaker, q.cue = obj, " ".join(phrase)
                    return
        if words[i].lower() in cues.verbs:
            subj = grammar.subject_of(i, tokens, mentions, dic, blocked)
            if subj is not None:
                q.speaker = subj
                q.cue = words[i] + (" … as" if "as" in [w.lower() for w in words[i + 1:open_at]] else "")
                return


def analyse(doc, rows: dict) -> None:
    """Quotes of one document with speakers (needs the mentions from ``actors.analyse``)."""
    if "“" not in doc.body and '"' not in doc.body:
        return
    dic = load_dictionary()
    cues = load_cues()
    quotes = find_quotes(doc)
    spans = [(q.start, q.end) for q in quotes]
    for q in quotes:
        q.kind = _kind(q, doc)
        attribute(q, doc, dic, cues, spans)
        rows["quotes"].append({
            "doc_id": doc.doc_id, "sent_id": q.sent_id, "quote": q.text, "kind": q.kind,
            "speaker_id": q.speaker.actor.actor_id if q.speaker else "",
            "speaker_name": q.speaker.actor.name if q.speaker else "", "cue": q.cue,
        })
    doc.quotes = quotes
