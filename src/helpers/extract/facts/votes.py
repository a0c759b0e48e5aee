"""Vote tallies ("141-5-35", "140 votes in favour, 5 against and 38 abstentions"), the
states and groups a sentence places in a vote group, and the body a vote is in
(:func:`vote_subject`, :func:`resolution_finder`)."""
from __future__ import annotations

import functools
from typing import Iterable

from helpers.extract.actors import group_members
from helpers.extract.facts.scan import (
    WORD_BYTES, Claims, Fact, Scan, Tally, VotePosition, anchored, counted_noun, format_number,
    parse_number, patterns, spelled_numbers, top_level, vocab,
)


# --------------------------------------------------------------------------------------
# vote tallies


def _position_of(low: str, start: int, end: int) -> str | None:
    """Which position the vote phrase low[start:end] states (lookaheads may read past it)."""
    for p, rx in patterns().position_of.items():
        m = rx.match(low, start)
        if m and m.end() == end:
            return p
    return None


def _plural(noun: str) -> str:
    if noun.endswith("s"):
        return noun
    return noun[:-1] + "ies" if noun.endswith("y") else noun + "s"


def find_vote_tallies(text: str, scan: Scan | None = None) -> list[Tally]:
    """Vote counts in a sentence, in their usual phrasings: "141 countries voting in favor",
    "seven countries -- including China -- voting against", "32 countries that abstained",
    "141-7-32", "by a vote of 99 to 12", "143 in favor, 5 against and 35 abstentions",
    "backed by 100 countries". Units left empty by the text take the sentence's first
    explicit unit (plural), else "votes"."""
    rx = patterns()
    scan = scan or Scan(text)
    if not scan.has(rx.t_vote):
        return []
    low = scan.low
    digit_runs = [m.start() for m in rx.digits.finditer(text)]
    word_numbers = [p for p, _, _ in spelled_numbers(scan)]
    if not digit_runs and not word_numbers:
        return []
    claims = Claims()
    out: list[Tally] = []

    def add(position: str, n: str, unit: str | None, start: int, end: int) -> None:
        value = parse_number(n)
        if value is not None and float(value).is_integer():
            out.append(Tally(position, int(value), "MPs" if unit == "mps" else (unit or ""), start, end))

    # "favor" and "resolution" alone are weak cues ("stand as one against coercion and in favor
    # of ..."): a bare count then needs a vote word, a vote verb or a counted unit.
    strong = not scan.words.isdisjoint(rx.t_vote_strong)
    verb = None

    def vote_verb() -> bool:
        nonlocal verb
        if verb is None:
            verb = bool(rx.vote_verb_near.search(low))
        return verb

    for start in digit_runs:
        if start and low[start - 1] in ".,":
            continue
        m = rx.tally_d3.match(low, start)
        if not m or not claims.free(m.start(), m.end()):
            continue
        a, b, c = m.group(1), m.group(2), m.group(3)
        if c is None and not rx.vote_verb_near.search(low, max(0, m.start() - 30), m.end() + 30):
            continue
        if c is not None and not (strong or vote_verb()):
            continue
        claims.take(m.start(), m.end())
        add("in_favor", a, None, m.start(1), m.end(1))
        add("against", b, None, m.start(2), m.end(2))
        if c is not None:
            add("abstained", c, None, m.start(3), m.end(3))
    for m in anchored(rx.vote_of, low, scan.words & rx.t_vote_of, 3):
        if claims.free(m.start(), m.end()):
            claims.take(m.start(), m.end())
            a, b = ("a", "b") if m.group("a") else ("a2", "b2")
            unit = m.group("unit") or m.group("unit2")
            add("in_favor", m.group(a), unit, m.start(a), m.end(a))
            add("against", m.group(b), unit, m.start(b), m.end(b))
    for m in anchored(rx.tally_by, low, scan.words & rx.t_tally_by, 0):
        if claims.free(m.start(), m.end()):
            claims.take(m.start(), m.end())
            add(rx.by_position[m.group("pos")], m.group("n"), m.group("unit"), m.start(), m.end())
    for start in sorted(set(digit_runs + word_numbers)):
        m = rx.tally_at.match(low, start)
        if m and claims.free(m.start(), m.end()) and (strong or m.group("unit") or vote_verb()):
            position = _position_of(low, m.start("pos"), m.end("pos"))
            if position:
                claims.take(m.start(), m.end())
                add(position, m.group("n"), m.group("unit"), m.start(), m.end())
    out.sort(key=lambda t: t.start)
    first_unit = next((_plural(t.unit) for t in out if t.unit), "votes")
    seen: set[tuple[str, int]] = set()
    result = []
    for t in out:
        if (t.position, t.value) not in seen:
            seen.add((t.position, t.value))
            result.append(t._replace(unit=t.unit or first_unit))
    return result



def _vote_cues(scan: Scan, tallies: list[Tally]) -> list[tuple[int, int, str]]:
    """(start, end, position) of every phrase that places voters: tallies and vote verbs."""
    rx = patterns()
    cues = [(t.start, t.end, t.position) for t in tallies]
    low = scan.low
    words = scan.words & rx.t_after_name
    for m in anchored(rx.after_name, low, words, 3):
        s0 = m.start()
        if all(not (s <= s0 < e) for s, e, _ in cues):
            cues.append((s0, m.end(), m.lastgroup))
    cues.sort()
    return cues


def find_vote_positions(text: str, mentions: list[dict], tallies: list[Tally] | None = None,
                        kinds: Iterable[str] | None = None, scan: Scan | None = None) -> list[VotePosition]:
    """States (and groups) the sentence places in a vote group. A mention inside a tally
    ("seven countries -- including China, Belarus, and Russia -- voting against") takes
    that tally's position; a list introduced right after a vote phrase ("voted in favor,
    including France") takes that phrase's; otherwise a mention takes the next vote phrase
    after it ("Turkmenistan, recognized as neutral, did not vote") unless a clause word
    ("where", "because", ";"), another subject ("he") or reported speech sits between, and a
    name before a counted group must join it ("were among just 32 countries that abstained"). Mention offsets are sentence offsets;
    the voting bodies themselves (UN, UNGA, UNSC) are never voters."""
    rx = patterns()
    kinds = set(kinds) if kinds is not None else rx.voter_kinds
    bodies = rx.body_ids
    candidates = [m for m in top_level(mentions)
                  if m.get("kind") in kinds and m.get("actor_id") and m["actor_id"] not in bodies]
    if not candidates:
        return []
    scan = scan or Scan(text)
    if tallies is None:
        tallies = find_vote_tallies(text, scan)
    if not tallies and scan.words.isdisjoint(rx.t_after_name):
        return []
    cues = _vote_cues(scan, tallies)
    if not cues:
        return []
    tally_spans = {(t.start, t.end) for t in tallies}
    out: list[VotePosition] = []
    seen: set[tuple[str, int]] = set()
    for m in candidates:
        s, e = m["start"], m["end"]
        chosen = next((i for i, (cs, ce, _) in enumerate(cues) if cs <= s and e <= ce), None)
        if chosen is None:
            prev = [i for i, (_, ce, _) in enumerate(cues) if ce <= s]
            if prev:
                between = text[cues[prev[-1]][1]:s]
                if len(between) < 160 and rx.introducer.match(between) and not _blocked(between):
                    chosen = prev[-1]
        if chosen is None:
            nxt = next((i for i, (cs, _, _) in enumerate(cues) if cs >= e), None)
            if nxt is not None:
                gap = text[e:cues[nxt][0]]
                if len(gap) < 200 and not _blocked(gap) and (
                        cues[nxt][:2] not in tally_spans or rx.tally_connector.search(gap)):
                    chosen = nxt  # before a counted group, a name needs "were among", "joined", ...
        if chosen is None or (m["actor_id"], chosen) in seen:
            continue
        seen.add((m["actor_id"], chosen))
        out.append(VotePosition(m["actor_id"], m.get("kind", ""), cues[chosen][2], s, e, chosen))
    return out


def _blocked(gap: str) -> bool:
    """A clause word ("where", "because"), another subject ("he"), reported speech or
    a quotation mark ("said “...") in the text between a name and a vote phrase."""
    rx = patterns()
    if any(c in gap for c in rx.blocker_chars):
        return True
    return not rx.blocker_words.isdisjoint(gap.encode("utf-8", "ignore").translate(WORD_BYTES).split())


def vote_subject(text: str, mentions: Iterable[dict] = ()) -> str | None:
    """The body a sentence names: UNSC_RESOLUTION, UN_RESOLUTION (per facts.yaml), else None."""
    ids = {m.get("actor_id") for m in mentions}
    for subject, actor_ids, words in patterns().bodies:
        if ids & actor_ids or words.search(text):
            return subject
    return None



def _number_just_before(text: str, pos: int) -> tuple[str | None, int]:
    """The number written as the word right before ``pos`` ("all five | Central Asian ..."), with its start."""
    head = text[max(0, pos - 30):pos]
    if not head.endswith(" "):
        return None, pos
    words = head.split()
    if not words:
        return None, pos
    word = words[-1]
    if parse_number(word) is None:
        return None, pos
    return word, pos - len(head) + head.rstrip().rfind(word)


def vote_facts(scan: Scan, mentions: list[dict], resolution: str, doc_actor_ids: Iterable[str],
                members: dict[str, frozenset[str]] | None) -> list[Fact]:
    v = vocab()
    rx = patterns()
    text = scan.text
    if (scan.words.isdisjoint(rx.t_vote_strong) and scan.words.isdisjoint(rx.t_tally_by)
            and not rx.vote_verb_near.search(scan.low)):
        return []  # only a weak cue ("a diplomatic resolution of the conflict")
    tallies = find_vote_tallies(text, scan)
    facts = []
    for t in tallies:
        scan.claims.take(t.start, t.end)
        facts.append(Fact(resolution, v["tally_predicates"][t.position], str(t.value), t.unit, t.start))
    positions = find_vote_positions(text, mentions, tallies, scan=scan)
    voting, group_kinds = set(v["voting_kinds"]), set(v["group_kinds"])
    by_cue: dict[tuple[int, str], list[VotePosition]] = {}
    for p in positions:
        facts.append(Fact(p.actor_id, f"vote_on_{resolution}", v["position_values"][p.position], "", p.start))
        if p.kind in voting:
            by_cue.setdefault((p.cue, p.position), []).append(p)
        elif p.kind in group_kinds:
            surface = text[p.start:p.end]
            num_text, start = _number_just_before(text, p.start)
            if num_text is None:
                inner = rx.num_start.match(surface)  # "five Central Asian republics" as one mention
                num_text, start = (inner.group(), p.start) if inner else (None, p.start)
            value = parse_number(num_text) if num_text else None
            if value is not None:
                noun, _ = counted_noun(" " + surface, 0, max_words=6)
                scan.claims.take(start, p.end)
                facts.append(Fact(p.actor_id, f"{p.position}_count", format_number(value),
                                  noun or "countries", start))
    if not by_cue:
        return facts
    if members is None:
        members = group_members()
    doc_ids = set(doc_actor_ids() if callable(doc_actor_ids) else doc_actor_ids)
    doc_ids |= {m.get("actor_id") for m in mentions}
    for (_, position), ps in by_cue.items():
        states = {p.actor_id for p in ps}
        if len(states) < 2:
            continue
        groups = sorted((len(ms), g) for g, ms in members.items() if g in doc_ids and states <= ms)
        if groups:
            subject, predicate = groups[0][1], f"{position}_count"
        else:
            subject, predicate = resolution, f"named_{position}_count"
        facts.append(Fact(subject, predicate, str(len(states)), "countries", min(p.start for p in ps)))
    return facts



def resolution_finder(units: list, by_sent: dict[int, list[dict]]):
    """Per unit index, the resolution a vote there is on: the body named in the sentence, else
    in the nearest sentence before, else after, else the default (VOTE). Lazy and memoised."""
    named: dict[int, str | None] = {}
    default = vocab()["default_vote_subject"]

    def body(j: int) -> str | None:
        if j not in named:
            named[j] = vote_subject(units[j].text, by_sent.get(units[j].sent_id, ()))
        return named[j]

    @functools.lru_cache(maxsize=None)
    def find(i: int) -> str:
        for j in range(i, -1, -1):
            if body(j):
                return named[j]
        for j in range(i + 1, len(units)):
            if body(j):
                return named[j]
        return default

    return find

