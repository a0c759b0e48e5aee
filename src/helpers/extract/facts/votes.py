"""Vote tallies ("141-5-35", "140 votes in favour, 5 against and 38 abstentions"), the
states and groups a sentence places in a vote group, and the body a vote is in
(:func:`vote_subject`, :func:`resolution_finder`)."""
from __future__ import annotations

import datetime
import functools
from dataclasses import dataclass, field
from typing import Iterable, NamedTuple

from helpers.extract.actors import group_members
from helpers.model.resources import load_csv
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

    def add(position: str, n: str, unit: str | None, start: int, end: int, total: str | None = None) -> None:
        value = 0 if n in rx.zero_words else parse_number(n)
        if value is not None and float(value).is_integer():
            whole = parse_number(total) if total else None
            out.append(Tally(position, int(value), "MPs" if unit == "mps" else (unit or ""), start, end,
                             total=int(whole) if whole is not None and float(whole).is_integer() else None))

    # "seven voted against rather than five": the count after a comparison is another vote's
    compared = []
    for m in rx.vote_comparison.finditer(low):
        claims.take(m.start("n"), m.end("n"))
        compared.append(m)

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
    numbers = sorted(set(digit_runs + word_numbers))
    by_to = [rx.vote_of.match(low, p - 3) for p in numbers if low.endswith("by ", 0, p)]  # "by 140 to 5"
    for m in [*anchored(rx.vote_of, low, scan.words & rx.t_vote_of, 3), *by_to]:
        if m and claims.free(m.start(), m.end()) and (m.group("a") or m.group("a2") or strong or vote_verb()):
            claims.take(m.start(), m.end())
            a, b = ("a", "b") if m.group("a") else ("a2", "b2") if m.group("a2") else ("a3", "b3")
            unit = m.group("unit") or m.group("unit2")
            add("in_favor", m.group(a), unit, m.start(a), m.end(a))
            add("against", m.group(b), unit, m.start(b), m.end(b))
    for m in anchored(rx.tally_by, low, scan.words & rx.t_tally_by, 0):
        if claims.free(m.start(), m.end()):
            after = rx.tally_at.match(low, m.start("n"))  # "passed with 5 votes against": not in favour
            if after and _position_of(low, after.start("pos"), after.end("pos")):
                continue
            claims.take(m.start(), m.end())
            add(rx.by_position[m.group("pos")], m.group("n"), m.group("unit"), m.start(), m.end())
    if not scan.words.isdisjoint(rx.zero_words):  # "141 in favour, none against"
        for m in rx.tally_zero.finditer(low):
            position = _position_of(low, m.start("pos"), m.end("pos"))
            if position and claims.free(m.start(), m.end()) and (strong or vote_verb()):
                claims.take(m.start(), m.end())
                add(position, m.group("n"), None, m.start(), m.end())
    for m in rx.vote_single.finditer(low):  # "cast the lone vote against"
        if claims.free(m.start(), m.end()):
            claims.take(m.start(), m.end())
            add(m.lastgroup, "1", None, m.start(), m.end())
    for start in numbers:
        if low.endswith(("of the ", "out of "), 0, start):
            continue  # "three-quarters of the 193 member states": the membership
        m = rx.tally_at.match(low, start)
        if m and claims.free(m.start(), m.end()) and (strong or m.group("unit") or vote_verb()):
            position = _position_of(low, m.start("pos"), m.end("pos"))
            if position:
                claims.take(m.start(), m.end())
                add(position, m.group("n"), m.group("unit"), m.start(), m.end(), m.group("total"))
    out.sort(key=lambda t: t.start)
    if out and compared:
        for m in compared:  # the position of the count it is compared with
            before = [t for t in out if not t.other and t.start < m.start()]
            if before:
                add(before[-1].position, m.group("n"), None, m.start("n"), m.end("n"))
                out[-1] = out[-1]._replace(other=True)
        for m in rx.vote_equal.finditer(low):  # "The 141 votes ... equalled the number from 2 March"
            before = [t for t in out if not t.other and t.start < m.start()]
            if before:
                out.append(before[-1]._replace(start=m.start(), end=m.end(), other=True))
        out.sort(key=lambda t: t.start)
    first_unit = next((_plural(t.unit) for t in out if t.unit), "votes")
    return [t._replace(unit=t.unit or first_unit) for t in out]



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
               members: dict[str, frozenset[str]] | None, groups_out: list | None = None) -> list[Fact]:
    """The vote facts of one sentence. Tallies and positions carry a sentence-local vote key
    ("#0", "#1": which of the sentence's votes they belong to; "#?" when the sentence has no
    tally); the vote groups are appended to ``groups_out`` for :func:`label_votes`, which
    names them (without ``groups_out`` they are named here, from this sentence alone)."""
    v = vocab()
    rx = patterns()
    text = scan.text
    if (scan.words.isdisjoint(rx.t_vote_strong) and scan.words.isdisjoint(rx.t_tally_by)
            and not rx.vote_verb_near.search(scan.low)):
        return []  # only a weak cue ("a diplomatic resolution of the conflict")
    tallies = find_vote_tallies(text, scan)
    positions = find_vote_positions(text, mentions, [t for t in tallies if not t.other], scan=scan)
    groups = group_tallies(text, tallies, positions)
    facts = []
    for g in groups:
        for t in g.tallies:
            scan.claims.take(t.start, t.end)
            facts.append(Fact(resolution, v["tally_predicates"][t.position], str(t.value), t.unit, t.start, g.key))
    voting, group_kinds = set(v["voting_kinds"]), set(v["group_kinds"])
    by_cue: dict[tuple[int, str], list[VotePosition]] = {}
    for p in positions:
        facts.append(Fact(p.actor_id, f"vote_on_{resolution}", v["position_values"][p.position], "", p.start,
                          _group_at(groups, p.start)))
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
                                  noun or "countries", start, _group_at(groups, p.start)))
    if groups_out is not None:
        groups_out.extend(groups)
    elif groups:
        facts = apply_labels(facts, label_votes([(0, text, g) for g in groups]), 0)
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
        containing = sorted((len(ms), g) for g, ms in members.items() if g in doc_ids and states <= ms)
        if containing:
            subject, predicate = containing[0][1], f"{position}_count"
        else:
            subject, predicate = resolution, f"named_{position}_count"
        facts.append(Fact(subject, predicate, str(len(states)), "countries", min(p.start for p in ps),
                          _group_at(groups, min(p.start for p in ps))))
    return facts



def resolution_finder(units: list, by_sent: dict[int, list[dict]]):
    """Per unit index, the resolution a vote there is on: the body named in the sentence, else
    in the nearest sentence before, else after, else the default (VOTE). Lazy and memoised."""
    named: dict[int, str | None] = {}
    found: dict[int, str] = {}
    default = vocab()["default_vote_subject"]

    def body(j: int) -> str | None:
        if j not in named:
            named[j] = vote_subject(units[j].text, by_sent.get(units[j].sent_id, ()))
        return named[j]

    def search(i: int) -> str:
        for j in range(i, -1, -1):
            if body(j):
                return named[j]
        for j in range(i + 1, len(units)):
            if body(j):
                return named[j]
        return default

    def find(i: int) -> str:  # memoised in a dict: an lru_cache per document costs more to set up
        if i not in found:
            found[i] = search(i)
        return found[i]

    return find



# --------------------------------------------------------------------------------------
# which vote: grouping a sentence's counts into votes, and naming them


class Body(NamedTuple):
    """A voting body named in a sentence (facts.yaml ``vote_body_names``)."""

    name: str  # "UNGA", "UNSC", "UNHRC", "US Senate", "European Parliament", ...
    un: bool
    subject: str  # the facts' subject for its tallies
    members: int | None
    weak: bool
    start: int
    end: int


def bodies_in(text: str) -> list[Body]:
    """Every voting body the sentence names, in text order."""
    rx = patterns()
    default = vocab()["default_vote_subject"]
    out = []
    for m in rx.body_names.finditer(text):
        spec = rx.body_specs[m.lastgroup]
        un = bool(spec.get("un"))
        out.append(Body(spec["body"], un, spec.get("subject", default) if un else default,
                        spec.get("members"), bool(spec.get("weak")), m.start(), m.end()))
    return out


class VoteDate(NamedTuple):
    """A date as written, read for telling votes apart: any part may be missing."""

    start: int
    text: str
    day: int | None
    month: int | None
    year: int | None
    weekday: str | None

    def agrees(self, when: datetime.date) -> bool:
        if self.weekday:
            return when.strftime("%A") == self.weekday
        return ((self.day is None or self.day == when.day) and (self.month is None or self.month == when.month)
                and (self.year is None or self.year == when.year))


def dates_in(text: str) -> list[VoteDate]:
    rx = patterns()
    out = []
    for m in rx.label_date.finditer(text):
        g = m.groupdict()
        month = next((g[k] for k in ("m1", "m2", "m3") if g[k]), None)
        day = g["d1"] or g["d2"]
        year = g["y1"] or g["y2"] or g["y3"] or g["y4"]
        out.append(VoteDate(m.start(), m.group(), int(day) if day else None,
                            rx.month_number.get(month.lower()) if month else None,
                            int(year) if year else None, g["w"]))
    return out


@dataclass
class VoteGroup:
    """The counts of one vote in one sentence."""

    key: str
    tallies: list[Tally] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    other: bool = False  # the vote a comparison refers to ("rather than five")
    body: Body | None = None  # named before its first count, in its sentence
    body_after: Body | None = None
    dates: list[VoteDate] = field(default_factory=list)  # nearest first, in its clause
    text: str = ""

    @property
    def start(self) -> int:
        return self.tallies[0].start if self.tallies else 0


TALLY_POSITIONS = ("in_favor", "against", "abstained")


def _group_at(groups: list[VoteGroup], pos: int) -> str:
    """The key of the sentence's vote nearest to ``pos`` (a position or count there belongs to it)."""
    best = min(((abs(t.start - pos), g.key) for g in groups if not g.other for t in g.tallies), default=None)
    return best[1] if best else "#?"


def group_tallies(text: str, tallies: list[Tally], positions: list[VotePosition] = ()) -> list[VoteGroup]:
    """A sentence's counts as votes: a count whose position the current vote already holds
    with another number, or after another body is named, starts a new vote ("by 141 votes to 5
    ...; on 24 March ... by 140 to 5"); the same number again is the same vote. Compared counts
    ("rather than five") form the other vote. Counts the text implies are added (T4): a list
    of named voters after "only", or one that fills the body's membership with the counts;
    the last count when "the other N" makes the counts all the members."""
    bodies = bodies_in(text) if tallies else []
    strong = [b for b in bodies if not b.weak] or bodies
    groups: list[VoteGroup] = []
    current: VoteGroup | None = None
    other: VoteGroup | None = None
    for t in tallies:
        if t.other:
            if other is None:
                other = VoteGroup(f"#{len(groups)}", other=True)
                groups.append(other)
            g = other
        else:
            before = [b for b in strong if b.end <= t.start]
            body = before[-1] if before else None
            if current is None or (t.position in current.counts and current.counts[t.position] != t.value) or (
                    body is not None and current.body is not None and body.start > current.start
                    and body.name != current.body.name):
                current = VoteGroup(f"#{len(groups)}", body=body)
                current.body_after = next((b for b in strong if b.start >= t.start), None)
                groups.append(current)
            g = current
        if g.counts.get(t.position) == t.value:
            g.tallies.append(t)  # a repeat: the same vote
            continue
        g.counts[t.position] = t.value
        g.tallies.append(t)
    if not groups:
        return groups
    clauses = [0] + [i + 1 for i, c in enumerate(text) if c == ";"]
    dates = dates_in(text)
    main = [g for g in groups if not g.other]
    for g in groups:
        g.text = text
        if g.other:
            g.body, g.body_after = (main[0].body, main[0].body_after) if main else (None, None)
            used = {d.start for m in main for d in m.dates[:1]}
            g.dates = sorted((d for d in dates if d.start not in used), key=lambda d: abs(d.start - g.start))
            continue
        lo = max(c for c in clauses if c <= g.start)
        hi = min([c for c in clauses if c > g.start] + [len(text) + 1])

        def distance(d: VoteDate, group: VoteGroup) -> int:
            return min(abs(d.start - t.start) for t in group.tallies)

        # a date in the clause, unless another vote's count is nearer to it
        g.dates = sorted((d for d in dates if lo <= d.start < hi
                          and all(distance(d, g) <= distance(d, o) for o in main if o is not g)),
                         key=lambda d: distance(d, g))
    for g in main:
        _derive(text, g, [p for p in positions if _group_at(groups, p.start) == g.key])
    return groups


def _derive(text: str, g: VoteGroup, positions: list[VotePosition]) -> None:
    """Counts the text implies for one vote (data/rules/README.md T4)."""
    rx = patterns()
    low = text.lower()
    named: dict[str, list[VotePosition]] = {}
    for p in positions:
        if p.kind in vocab()["voting_kinds"]:
            named.setdefault(p.position, [])
            if p.actor_id not in {q.actor_id for q in named[p.position]}:
                named[p.position].append(p)
    body = g.body or g.body_after
    membership = next((t.total for t in g.tallies if t.total), None) or (body.members if body else None)
    added = []
    for pos in TALLY_POSITIONS:
        ps = named.get(pos)
        if pos in g.counts or not ps:
            continue
        first = min(p.start for p in ps)
        if rx.vote_complete_before.search(low, max(0, first - 10), first):  # "Only Russia and China voted for"
            added.append((pos, len(ps), first))
            g.counts[pos] = len(ps)
    missing = [p for p in TALLY_POSITIONS if p not in g.counts]
    if membership and len(missing) == 1:
        pos, known = missing[0], sum(g.counts.get(p, 0) for p in TALLY_POSITIONS)
        ps = named.get(pos)
        if ps and known + len(ps) == membership:  # "10 in favour, Russia vetoed, four abstained" (of 15)
            added.append((pos, len(ps), min(p.start for p in ps)))
            g.counts[pos] = len(ps)
        elif not ps and known <= membership and rx.vote_rest.search(low):  # "the other 13 ... abstained"
            added.append((pos, membership - known, g.tallies[-1].start))
            g.counts[pos] = membership - known
    missing = [p for p in TALLY_POSITIONS if p not in g.counts]
    if len(missing) == 1 and len(g.counts) >= 2:
        side = rx.vote_side_with.search(low)  # "only four countries ... sided with it": the voter + 4
        if side:
            n = parse_number(side.group("n"))
            if n is not None and float(n).is_integer():
                added.append((missing[0], int(n) + 1, side.start()))
                g.counts[missing[0]] = int(n) + 1
    unit = g.tallies[0].unit if g.tallies else "votes"
    for pos, n, start in added:
        g.tallies.append(Tally(pos, n, unit, start, start))
    g.tallies.sort(key=lambda t: t.start)


class ReferenceVote(NamedTuple):
    label: str
    body: str
    date: datetime.date
    counts: dict
    keywords: tuple[str, ...]


@functools.lru_cache(maxsize=None)
def reference_votes() -> tuple[ReferenceVote, ...]:
    """The curated UN votes (data/dictionaries/un_votes.csv)."""
    out = []
    for r in load_csv("un_votes.csv"):
        counts = {"in_favor": int(r["in_favor"]), "against": int(r["against"]), "abstained": int(r["abstentions"])}
        out.append(ReferenceVote(r["label"], r["body"], datetime.date.fromisoformat(r["date"]), counts,
                                 tuple(k.strip() for k in r["keywords"].split("|") if k.strip())))
    return tuple(out)


def un_body_names() -> frozenset[str]:
    """The names of the UN's voting bodies (UNGA, UNSC, UNHRC)."""
    return frozenset(b["body"] for b in vocab()["vote_body_names"] if b.get("un"))


def is_un_vote(label: str) -> bool:
    """Whether a facts ``vote`` label names a UN vote: a reference vote, or a label that
    starts with a UN body's name."""
    label = str(label or "").strip()
    if not label:
        return False
    if label in {r.label for r in reference_votes()}:
        return True
    return label.split(" ", 1)[0] in un_body_names()


def match_reference(counts: dict, body: str | None, dates: list[VoteDate], low: str) -> ReferenceVote | None:
    """The reference vote a vote's counts, body, date and subject words pick out, if exactly
    one: every count given must agree; a date as written narrows (and one count alone needs a
    date or a subject word to back it); subject words break a tie."""
    given = {p: n for p, n in counts.items() if p in TALLY_POSITIONS}
    if not given:
        return None
    cands = [r for r in reference_votes() if (body is None or r.body == body)
             and all(r.counts[p] == n for p, n in given.items())]
    if not cands:
        return None
    backed = False
    if dates:
        dated = [r for r in cands if any(d.agrees(r.date) for d in dates[:2])]
        if dated:
            cands, backed = dated, True
        elif len(given) < 3:
            return None
    if len(cands) > 1 or len(given) < 2:
        scored = sorted(((sum(k in low for k in r.keywords), i) for i, r in enumerate(cands)), reverse=True)
        if scored[0][0] > 0 and (len(scored) == 1 or scored[1][0] < scored[0][0]):
            cands, backed = [cands[scored[0][1]]], True
    if len(cands) != 1 or (len(given) < 2 and not backed):
        return None
    return cands[0]


def _own_label(g: VoteGroup, body: Body | None) -> str:
    """A label from the vote's own sentence: body, subject words, date as written."""
    rx = patterns()
    text = g.text
    o = rx.label_object.search(text, 0, g.start + 12)  # "passed the Lend-Lease Act by 417 votes"
    words = o.group(1) if o else ""
    if not words:
        # "voted 368-57 on Tuesday to approve ...", read after the counts ("by 120 votes to none")
        m = rx.label_purpose.search(text, max([g.start] + [t.end for t in g.tallies]))
        words = m.group(1) if m and m.start() - g.start <= 40 else ""
    date = f" ({g.dates[0].text.rstrip('.')})" if g.dates else ""
    name = body.name if body else "vote"
    return " ".join(f"{name} {words.strip()}".split()) + date


def label_votes(groups: list[tuple[int, str, VoteGroup]], find_body=None) -> dict[tuple[int, str], tuple[str, str | None]]:
    """Names every vote of a document: ``groups`` holds (sentence index, text, group) in text
    order; ``find_body(i)`` gives the body the nearest sentence names when the vote's own does
    not. A vote continued in the next sentence (no count of it given twice with different
    numbers, no other body named) is the same vote. Returns (sentence index, key) -> label, and
    sets each group's ``body`` to the body it was found in."""
    roots: list[tuple[int, VoteGroup, list]] = []
    for i, _, g in groups:
        prev = roots[-1] if roots else None
        if (prev and not g.other and not prev[1].other and i - prev[0] <= 1 and i != prev[0]
                and (g.body is None or prev[1].body is None or g.body.name == prev[1].body.name)
                and all(prev[1].counts.get(p, n) == n for p, n in g.counts.items())
                and not (g.dates and prev[1].dates)):
            merged = prev[1]
            merged.counts = {**merged.counts, **g.counts}
            merged.body = merged.body or g.body
            merged.dates = merged.dates or g.dates
            prev[2].append((i, g))
            roots[-1] = (i, merged, prev[2])
            continue
        roots.append((i, VoteGroup(g.key, list(g.tallies), dict(g.counts), g.other, g.body, g.body_after,
                                   list(g.dates), g.text), [(i, g)]))
    labels: dict[tuple[int, str], tuple[str, str | None]] = {}
    own: list[tuple[str, dict, str]] = []
    for i, root, members in roots:
        body = root.body or root.body_after or (find_body(i) if find_body else None)
        ref = None
        if body is None or body.un:
            ref = match_reference(root.counts, root.body.name if root.body and root.body.un else None,
                                  root.dates, root.text.lower())
        if ref is not None:
            label = ref.label
            body = next((b for b in bodies_in(ref.body) if b.un), body)
        else:
            label = _own_label(root, body)
            for other, counts, name in own:  # the same vote named again in the document
                if name == (body.name if body else "") and all(counts.get(p, n) == n for p, n in root.counts.items()) \
                        and any(counts.get(p) == n for p, n in root.counts.items()):
                    label = other
                    break
            own.append((label, root.counts, body.name if body else ""))
        for j, g in members:
            labels[(j, g.key)] = (label, body.subject if body else None)
    return labels


def body_finder(units: list):
    """Per unit index, the (non-election) body the sentence names, else the nearest sentence
    before, else after; None if no sentence names one. Lazy and memoised."""
    named: dict[int, Body | None] = {}

    def body(j: int) -> Body | None:
        if j not in named:
            bs = [b for b in bodies_in(units[j].text) if not b.weak]
            named[j] = bs[0] if bs else None
        return named[j]

    @functools.lru_cache(maxsize=None)
    def find(i: int) -> Body | None:
        for j in list(range(i, -1, -1)) + list(range(i + 1, len(units))):
            if body(j):
                return named[j]
        return None

    return find


def apply_labels(facts: list[Fact], labels: dict, i: int, fallback: str = "") -> list[Fact]:
    """The sentence's vote facts with their vote keys replaced by labels (``fallback`` for a
    position in a sentence without a tally); a tally takes its body's subject."""
    tally_predicates = set(vocab()["tally_predicates"].values())
    out = []
    for f in facts:
        if f.vote:
            label, subject = labels.get((i, f.vote), (fallback, None))
            f = f._replace(vote=label)
            if subject and f.predicate in tally_predicates:
                f = f._replace(subject=subject)
        out.append(f)
    return out
