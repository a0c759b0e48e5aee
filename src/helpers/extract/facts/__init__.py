"""Numeric facts: vote tallies, counts, amounts, vague quantities, durations and dates.

Rule-based and cheap. Every sentence (the title is sent_id 0) is first reduced to the set
of trigger words it holds (bytes.translate + split, no regex), which says which kinds of
fact it may hold (a digit, a number word, an ordinal, a month, a time word, a vote word);
only the extractors for those kinds run, and they match anchored at the trigger words
instead of scanning the sentence. All vocabulary lives in ``data/dictionaries/facts.yaml``;
patterns are compiled once per process. Pure functions: :func:`parse_number`,
:func:`find_vote_tallies`, :func:`find_vote_positions`, :func:`find_quantities`,
:func:`find_dates`, :func:`extract_sentence`; :func:`analyse` is the analyser;
:func:`score_vote_tallies` and :func:`score_facts` compare with the gold.

Facts written to ``rows["facts"]`` (doc_id, sent_id, subject, predicate, value, unit, text):

======================  =====================================  ===========================
predicate               value                                  unit
======================  =====================================  ===========================
votes_in_favor,         the count ("141")                      "countries", "votes", ...
votes_against,                                                 as the text says
abstentions,
did_not_vote            (subject: UN_RESOLUTION, UNSC_RESOLUTION or VOTE)
vote_on_<RESOLUTION>    "in favor" / "against" / "abstained"   ""
                        / "did not vote" (subject: the state or group)
<position>_count        how many members of a group voted so   the counted noun
                        ("all five Central Asian republics ...
                        abstained" -> CENTRAL_ASIA abstained_count 5; four named
                        members of a group -> the group, 4)
named_<position>_count  named states in one vote group whose   "countries"
                        group is not a known actor
count                   an exact count ("7", "32")             the counted noun
approx_count            a vague quantity as "low-high"         the counted noun
                        ("tens of thousands" -> "10000-99999")
amount                  money, exact or "low-high"             currency code (USD, EUR)
percentage              the number                             "percent" / "percentage points"
ordinal                 1 for "first trip"                     the noun ("trip")
rank                    2 for "second-biggest", 1 for          superlative + noun
                        "the world's longest"                  ("biggest population")
duration                "20" ("20-year conflict") or a range   "years", "months", "days", ...
                        ("for decades" -> "20-99")
age                     "45" ("45-year-old")                   "years"
date                    as written ("February 24", "24 Feb. 2022")   "date"
month / year / weekday  as written ("November", "1991", "Tuesday")   same as predicate
relative_date           as written ("last week", "Two days after")   "relative date"
======================  =====================================  ===========================

Subjects are actor ids from the mentions the actor matcher already put in
``rows["mentions"]``: the first actor in the clause before the number (the head of its
noun phrase: "Kazakh President Kassym-Jomart Tokayev" -> TOKAYEV), the antecedent of a
relative clause (", which won independence ... in 1991"), a group the count is about
("five former Soviet republics in Central Asia"), or the previous sentence's subject
when the sentence opens with a pronoun ("It comes just days after ...").
"""
from __future__ import annotations

import functools
import re
from decimal import Decimal, InvalidOperation
from types import SimpleNamespace
from typing import Iterable, NamedTuple

from helpers.extract.actors import group_members
from helpers.model.resources import load_yaml

VOCAB_FILE = "facts.yaml"
POSITIONS = ("in_favor", "against", "abstained", "did_not_vote")


class Found(NamedTuple):
    """A fact located in a sentence, before its subject is known."""

    start: int
    end: int
    predicate: str
    value: str
    unit: str


class Tally(NamedTuple):
    """A vote count: ``value`` countries/votes in ``position``."""

    position: str  # in_favor | against | abstained | did_not_vote
    value: int
    unit: str  # the counted noun as written, "" when the text gives none
    start: int
    end: int


class VotePosition(NamedTuple):
    """A named actor placed in a vote group."""

    actor_id: str
    kind: str
    position: str
    start: int  # the mention's offsets in the sentence
    end: int
    cue: int  # index of the vote phrase it was assigned to


class Fact(NamedTuple):
    subject: str
    predicate: str
    value: str
    unit: str
    start: int


# --------------------------------------------------------------------------------------
# vocabulary and compiled patterns (once per process)
#
# Speed: Python's ``re`` is slow on case-insensitive alternations tried at every
# position, so word patterns are written in lower case and run on ``text.lower()``
# without re.IGNORECASE (same offsets), digits are found by one cheap scan and read in
# context with anchored ``match`` calls, and each pass runs only if the sentence's word
# set holds one of its trigger words.


def _alt(words: Iterable[str], escape: bool = True) -> str:
    items = sorted({str(w) for w in words if w}, key=len, reverse=True)
    return "|".join(re.escape(w) if escape else w for w in items)


@functools.lru_cache(maxsize=None)
def vocab() -> dict:
    """The curated vocabulary (data/dictionaries/facts.yaml)."""
    return load_yaml(VOCAB_FILE)


@functools.lru_cache(maxsize=None)
def _rx() -> SimpleNamespace:
    v = vocab()
    I = re.IGNORECASE
    low_words = lambda xs: {str(x).lower() for x in xs}  # noqa: E731
    words = _alt(low_words(v["number_words"]))
    scales = _alt(low_words(v["scale_words"]))
    ords = _alt(low_words(v["ordinal_words"]))
    word_seq = rf"(?:{words})\b(?:[\s-]+(?:{words}|{scales})\b|(?<=hundred)\s+and\s+(?:{words})\b)*"
    count = rf"(?:\d+|{word_seq}|an?)"

    months = v["months"]
    abbrs = [a for xs in months.values() for a in xs]
    month_alt = _alt(list(months) + abbrs)
    seasons = _alt(v["seasons"])
    unit_map = {str(k).lower(): u for k, u in v["time_units"].items()}
    time_units = _alt(unit_map)
    period = (rf"(?:weeks?|months?|years?|weekend|decade|century|{seasons}|{_alt(low_words(months))}"
              rf"|{_alt(low_words(v['weekdays']))})\b")
    rel = []
    for p in v["relative_date_patterns"]:
        p = p.replace("{period}", period)
        if "{count}" in p:
            p = p.replace("{count}", rf"(?P<n>{count})" if not any("(?P<n>" in q for q in rel) else count)
        rel.append(p)

    vp = v["vote_positions"]
    after_name = {p: "|".join(vp[p]["after_name"]) for p in POSITIONS}
    after_number = {p: "|".join(vp[p]["after_name"] + vp[p]["after_number"]) for p in POSITIONS}
    any_after_number = "|".join(f"(?:{after_number[p]})" for p in POSITIONS)
    vote_units = _alt(low_words(v["vote_units"]))
    by_phrases = [k for ks in v["vote_positions_before_number"].values() for k in ks]
    num_i = rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+|\b{word_seq})"
    num_low = rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+|{word_seq})"
    dash = r"(?:—|–|--|\s-\s)"
    gap = rf"(?:\s*{dash}[^—–]{{0,160}}?{dash}\s*|\s*\([^)]{{0,160}}\)\s*|,[^,;]{{0,80}},\s*|\s+)"

    cur_words = _alt(low_words(v["currency_words"]))
    not_sup = _alt(low_words(v["not_superlatives"]))
    superlative = rf"(?:most|least)\s+[a-z]+|best|worst|(?!(?:{not_sup})\b)[a-z]{{2,}}est"
    time_words = low_words(unit_map) | {u for u in unit_map.values()} | low_words(v["relative_date_anchors"])
    vague_heads = {k.split()[-1].lower() for k in v["vague_quantities"]} | low_words(v["vague_durations"])
    cal_words = low_words(list(months) + abbrs + list(v["weekdays"]))
    trigger_sets = {
        "num": low_words(v["number_words"]) | low_words(v["scale_words"]),
        "vague": vague_heads,
        "time": low_words(unit_map) | {str(u).lower() for u in unit_map.values()},
        "_timeword": time_words | low_words(v["seasons"]) | cal_words,
        "_relmark": low_words(v["relative_date_markers"]),
        "ord": low_words(v["ordinal_words"]),
        "_possessor": low_words(v["rank_one_possessors"]),
        "cal": cal_words,
        "vote": low_words(v["vote_cues"]),
    }
    after_name_words = low_words(v["vote_phrase_words"])
    trigger_kinds: dict[str, tuple[str, ...]] = {}
    for kind, ws in trigger_sets.items():
        for w in ws:
            trigger_kinds[w] = trigger_kinds.get(w, ()) + (kind,)
    return SimpleNamespace(
        group_kinds=frozenset(v["group_kinds"]),
        t_numwords=frozenset(trigger_sets["num"]),
        t_vote=frozenset(trigger_sets["vote"]),
        t_vote_strong=frozenset(trigger_sets["vote"]) - low_words(v["weak_vote_cues"]),
        trigger_kinds=trigger_kinds,
        rel_anchor_words=frozenset(trigger_sets["_timeword"]),
        scan_words=frozenset(w.encode() for w in set(trigger_kinds) | {"s", "a", "an", "margin", "tally", "count"}
                             | {k.split()[0].lower() for k in by_phrases} | after_name_words),
        digits=re.compile(r"[0-9]+(?:[,.][0-9]+)*"),
        # read around a digit run (lower-cased text unless noted)
        scale_after=re.compile(rf"\s?({scales})\b"),
        cur_after=re.compile(rf"\s+(?:(?:us|u\.s\.|american)\s+)?({cur_words})\b"),
        pct_after=re.compile(rf"\s?({_alt(low_words(v['percent_words']) | {'percentage point'})})(?![a-z])"),
        ord_suffix=re.compile(r"(?:st|nd|rd|th)\b"),
        superlative_after=re.compile(rf"[\s-]({superlative})\b"),
        dur_after=re.compile(rf"[\s-]({time_units})s?\b(?:[\s-](old|long)\b)?"),
        number_suffix=re.compile(rf"(?:st|nd|rd|th|s|k|m|b|{scales})\b"),
        year_prefix=re.compile(r"\b(?:early|late|mid)[\s-]$"),
        hyphen_noun=re.compile(r"-([a-z]+)\b(?!-)"),
        month_before=re.compile(rf"\b(?:{month_alt})\b\.?\s+$"),  # original case
        date_tail=re.compile(r"(?:st|nd|rd|th)?(?:,?\s+\d{4}\b)?"),  # original case
        day_month_after=re.compile(rf"(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{month_alt})\b\.?(?:,?\s+\d{{4}}\b)?"),
        name_prefix=re.compile(rf"(?:{_alt(v['number_name_prefixes'])})\s*$"),
        # passes over the lower-cased sentence
        word_number=re.compile(rf"(?:{word_seq}|an?\s+(?:dozen|{scales})\b)"),
        symbol_last_chars=frozenset(str(k)[-1] for k in v["currency_symbols"]),
        t_scale_words=frozenset(low_words(v["scale_words"]) | {"dozen"}),
        relative=re.compile(r"(?:" + "|".join(rel) + r")\b"),
        rel_count=re.compile(rf"(?P<n>{count})[\s-](?P<u>{time_units})s?\b"),
        art_duration=re.compile(
            rf"\b(?:for|within|over|after|nearly|almost|about|only|just) (an?) ({time_units})\b"),
        t_units_singular=frozenset(unit_map),
        vague=re.compile(rf"\b({_alt(k.lower() for k in v['vague_quantities'])})\b"
                         rf"(?:\s+of\s+(?:the\s+)?(?:(?:us|u\.s\.|american)\s+)?({cur_words})\b)?"),
        vague_duration=re.compile(
            rf"\b(?:{_alt(v['vague_duration_cues'])})\s+(?:(?:several|many|the past|the last)\s+)?"
            rf"({_alt(v['vague_durations'])})\b|\b({_alt(v['vague_durations'])})(?=[\s-](?:of|long|old)\b)"),
        ordinal=re.compile(rf"\b({ords})\b(?:[\s-]({superlative})\b)?"),
        rank_one=re.compile(rf"\b(?:{_alt(low_words(v['rank_one_possessors']))})['’]s\s+({superlative})\b"),
        t_cal_names=frozenset(low_words(list(months) + list(v["weekdays"]))),
        weekday_names=frozenset(v["weekdays"]),
        t_ord=frozenset(trigger_sets["ord"]),
        t_rank=frozenset(trigger_sets["_possessor"]),
        ambiguous_months=frozenset(v["ambiguous_months"]),
        date_preps=re.compile(rf"\b(?:{_alt(low_words(v['date_prepositions']))})[\s-]*$"),
        # votes (lower-cased sentence)
        tally_at=re.compile(
            rf"(?P<n>{num_low})(?:\s+(?P<unit>{vote_units}))?(?:\s+(?:that|which|who))?{gap}"
            rf"(?:(?:have|had|were|was|are)\s+)?(?P<pos>{any_after_number})\b"),
        tally_d3=re.compile(r"(\d{1,3})\s*[-–—]\s*(\d{1,3})(?:\s*[-–—]\s*(\d{1,3}))?(?![\d-])"),
        vote_of=re.compile(
            rf"(?:vote[sd]?|margin|tally|count)\s+(?:of\s+)?(?P<a>{num_low})(?:\s+(?P<unit>{vote_units}))?"
            rf"\s+(?:to|[-–])\s+(?P<b>{num_low})\b"
            rf"|by\s+(?P<a2>{num_low})\s+(?P<unit2>{vote_units})\s+to\s+(?P<b2>{num_low})\b"),
        tally_by=re.compile(rf"(?P<pos>{_alt(by_phrases)})\s+(?P<n>{num_low})\s+(?P<unit>{vote_units})\b"),
        by_position={k.lower(): p for p, ks in v["vote_positions_before_number"].items() for k in ks},
        t_vote_of=frozenset({"vote", "voted", "votes", "margin", "tally", "count"}),
        t_tally_by=frozenset(k.split()[0].lower() for k in by_phrases),
        t_after_name=frozenset(after_name_words),
        after_name=re.compile("|".join(f"(?P<{p}>{after_name[p]})" for p in POSITIONS)),
        position_of={p: re.compile(rf"(?:{after_number[p]})") for p in POSITIONS},
        vote_verb_near=re.compile(r"\b(?:vot\w*|ballot|passed|adopted|approved|rejected|tally)\b"),
        bodies=[(b["subject"], frozenset(b.get("actor_ids", [])), re.compile(b["words"]))
                for b in v["vote_bodies"]],
        tally_connector=re.compile(rf"\b(?:{_alt(v['tally_connectors'])})\b", I),
        introducer=re.compile(rf"^[\s,—–(-]*(?:{_alt(v['list_introducers'])})\b", I),
        blocker_words=frozenset(b.lower().encode() for b in v["vote_gap_blockers"] if b.isalpha()),
        blocker_chars=tuple(b for b in v["vote_gap_blockers"] if not b.isalpha()),
        voter_kinds=frozenset(v["voting_kinds"]) | frozenset(v["group_kinds"]),
        body_ids=frozenset(i for b in v["vote_bodies"] for i in b.get("actor_ids", [])),
        num_start=re.compile(num_i, I),
        # subjects (original case)
        word_after=re.compile(r"\s+([A-Za-z][A-Za-z'’-]*)"),
        clause=re.compile(rf"[;:—–(]| -{{1,2}} |, (?=(?:{_alt(v['clause_openers'])})\b)"),
        subordinators=tuple(f" {w} " for w in v["subordinators"]),
        relative_clause=re.compile(r",\s+(?:which|who|whose)\b"),
        possessive_before=re.compile(r"\b(its|his|her|their)\s+$", I),
        anaphor=re.compile(rf"(?:{_alt(v['anaphors'])})\b"),
        np_gap=re.compile(r"(?:['’]s)?(?:\s+[A-Z][\w.’'-]*)*\s+"),
        units=unit_map,
    )


@functools.lru_cache(maxsize=None)
def _tables() -> SimpleNamespace:
    v = vocab()
    return SimpleNamespace(
        words={str(k).lower(): int(n) for k, n in v["number_words"].items()},
        scales={str(k).lower(): int(n) for k, n in v["scale_words"].items()},
        ordinals={str(k).lower(): int(n) for k, n in v["ordinal_words"].items()},
        stop=frozenset(str(w).lower() for w in v["noun_stop_words"]),
        irregular=frozenset(str(w).lower() for w in v["irregular_plurals"]),
        ordinal_stop=frozenset(str(w).lower() for w in v["ordinal_stop_words"]),
        ordinal_determiners=frozenset(str(w).lower() for w in v["ordinal_determiners"]),
        symbols=dict(sorted(v["currency_symbols"].items(), key=lambda kv: -len(kv[0]))),
        currencies={str(k).lower(): c for k, c in v["currency_words"].items()},
        vague={k.lower(): r for k, r in v["vague_quantities"].items()},
        vague_durations={k.lower(): s for k, s in v["vague_durations"].items()},
    )


# --------------------------------------------------------------------------------------
# numbers


def parse_number(text: str) -> int | float | None:
    """A number written in digits or words: "seven" -> 7, "1,500" -> 1500, "1.5 billion" ->
    1500000000, "one hundred and forty-one" -> 141, "a dozen" -> 12, "$2bn" -> 2000000000."""
    if text.isdigit():
        return int(text)
    tables = _tables()
    t = text.strip().lower().replace(",", "")
    if t.isdigit():
        return int(t)
    t = re.sub(r"^(?:us\$|[$€£¥₽₹])\s*", "", t)
    m = re.fullmatch(r"(\d+(?:\.\d+)?)\s*([a-z]+)?", t)
    if m:
        try:
            n = Decimal(m.group(1))
        except InvalidOperation:
            return None
        if m.group(2):
            if m.group(2) not in tables.scales:
                return None
            n *= tables.scales[m.group(2)]
        return int(n) if n == n.to_integral_value() else float(n)
    tokens = [tok for tok in re.split(r"[\s-]+", t) if tok and tok != "and"]
    if not tokens:
        return None
    total = current = 0
    for i, tok in enumerate(tokens):
        if tok in ("a", "an") and i == 0:
            current = 1
        elif tok == "dozen":
            current = (current or 1) * 12
        elif tok == "hundred":
            current = (current or 1) * 100
        elif tok in tables.scales:
            total += (current or 1) * tables.scales[tok]
            current = 0
        elif tok in tables.words:
            current += tables.words[tok]
        else:
            return None
    return total + current


def format_number(n: int | float) -> str:
    return str(int(n)) if float(n).is_integer() else f"{n:g}"


def _is_plural(word: str) -> bool:
    w = word.lower()
    if w in _tables().irregular:
        return True
    return len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is", "'s", "’s"))


def counted_noun(text: str, pos: int, max_words: int = 4, first_common: bool = False) -> tuple[str, int]:
    """The noun a number counts, read from ``pos``: the first plural in the next few words
    ("five former Soviet republics" -> "republics"), else the last word before a function
    word or verb form ("first trip to" -> "trip"). With ``first_common`` (ordinals: "the first
    phase ends"), the first lower-case word ends the phrase. Returns (noun, end offset)."""
    stop = _tables().stop
    word = _rx().word_after
    found, end = "", pos
    for i in range(max_words):
        m = word.match(text, pos)
        if not m:
            break
        w = m.group(1)
        if w.endswith("-"):
            break  # "COVID-19": a name glued to a number
        possessive = w.endswith(("'s", "’s"))
        if possessive:
            w = w[:-2]
        lw = w.lower()
        if lw in stop or (i and lw.endswith(("ed", "ing"))):
            break
        found, end, pos = w, m.end(), m.end()
        if _is_plural(w) or possessive or text[pos:pos + 1] in (",", ";", ":", ".", "—", "–", ")", "?", "!"):
            break
        if first_common and w[:1].islower():
            break
    return found, end


def _after_determiner(text: str, pos: int) -> bool:
    """An ordinal at ``pos`` follows a determiner or a possessive ("his first", "Russia's second")."""
    before = text[max(0, pos - 12):pos].rstrip()
    if before.endswith(("'s", "’s", "s'", "s’")):
        return True
    word = before.rsplit(None, 1)[-1].lower() if before else ""
    return word in _tables().ordinal_determiners


def _first_word_in(text: str, pos: int, words: frozenset) -> bool:
    m = _rx().word_after.match(text, pos)
    return bool(m) and m.group(1).lower() in words


# --------------------------------------------------------------------------------------
# one sentence's scan


class _Claims:
    """Character spans already used by a more specific extractor."""

    __slots__ = ("spans",)

    def __init__(self) -> None:
        self.spans: list[tuple[int, int]] = []

    def free(self, start: int, end: int) -> bool:
        for s, e in self.spans:
            if start < e and end > s:
                return False
        return True

    def take(self, start: int, end: int) -> None:
        self.spans.append((start, end))


def _lower(text: str) -> str:
    """Lower case with the same offsets (a few characters lower-case to two: "İ")."""
    low = text.lower()
    if len(low) != len(text):
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return low


#: bytes.translate table: ASCII letters to lower case, digits to "#", everything else to space.
_WORD_BYTES = bytes(c + 32 if 65 <= c <= 90 else c if 97 <= c <= 122 else 35 if 48 <= c <= 57 else 32
                    for c in range(256))


class _Scan:
    """A sentence, its lower-cased copy (same offsets), the trigger words it holds, and the
    spans already read. The word set comes from bytes.translate + split, several times
    cheaper than a regex over the sentence."""

    __slots__ = ("text", "_low", "words", "has_digit", "claims", "out", "word_numbers")

    def __init__(self, text: str) -> None:
        self.text = text
        self._low: str | None = None
        folded = text.encode("utf-8", "ignore").translate(_WORD_BYTES)
        self.has_digit = 35 in folded
        hits = _rx().scan_words.intersection(folded.split())
        self.words = {w.decode() for w in hits} if hits else set()
        self.claims = _Claims()
        self.out: list[Found] = []
        self.word_numbers: list[tuple[int, int, str]] | None = None

    @property
    def low(self) -> str:
        if self._low is None:
            self._low = _lower(self.text)
        return self._low

    def has(self, trigger: frozenset) -> bool:
        return not self.words.isdisjoint(trigger)

    def add(self, start: int, end: int, predicate: str, value: str, unit: str, claim: bool = True) -> None:
        if claim:
            self.claims.take(start, end)
        self.out.append(Found(start, end, predicate, value, unit))


def triggers(text: str) -> frozenset[str]:
    """Which kinds of fact a sentence may hold (num, vague, rel, ord, rank, cal, vote)."""
    return _kinds(_Scan(text))


def _kinds(scan: _Scan) -> frozenset[str]:
    rx = _rx()
    flags: set[str] = set()
    for w in scan.words:
        flags.update(rx.trigger_kinds.get(w, ()))
    if scan.has_digit:
        flags.add("num")
    if "_timeword" in flags and "_relmark" in flags:
        flags.add("rel")
    if "_possessor" in flags and "s" in scan.words:
        flags.add("rank")
    return frozenset(f for f in flags if f[0] != "_")


# --------------------------------------------------------------------------------------
# vote tallies


def _position_of(low: str, start: int, end: int) -> str | None:
    """Which position the vote phrase low[start:end] states (lookaheads may read past it)."""
    for p, rx in _rx().position_of.items():
        m = rx.match(low, start)
        if m and m.end() == end:
            return p
    return None


def _plural(noun: str) -> str:
    if noun.endswith("s"):
        return noun
    return noun[:-1] + "ies" if noun.endswith("y") else noun + "s"


def find_vote_tallies(text: str, scan: _Scan | None = None) -> list[Tally]:
    """Vote counts in a sentence, in their usual phrasings: "141 countries voting in favor",
    "seven countries -- including China -- voting against", "32 countries that abstained",
    "141-7-32", "by a vote of 99 to 12", "143 in favor, 5 against and 35 abstentions",
    "backed by 100 countries". Units left empty by the text take the sentence's first
    explicit unit (plural), else "votes"."""
    rx = _rx()
    scan = scan or _Scan(text)
    if not scan.has(rx.t_vote):
        return []
    low = scan.low
    digit_runs = [m.start() for m in rx.digits.finditer(text)]
    word_numbers = [p for p, _, _ in _word_numbers(scan)]
    if not digit_runs and not word_numbers:
        return []
    claims = _Claims()
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
    for m in _anchored(rx.vote_of, low, scan.words & rx.t_vote_of, 3):
        if claims.free(m.start(), m.end()):
            claims.take(m.start(), m.end())
            a, b = ("a", "b") if m.group("a") else ("a2", "b2")
            unit = m.group("unit") or m.group("unit2")
            add("in_favor", m.group(a), unit, m.start(a), m.end(a))
            add("against", m.group(b), unit, m.start(b), m.end(b))
    for m in _anchored(rx.tally_by, low, scan.words & rx.t_tally_by, 0):
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


class _TopLevel(list):
    """A sentence's mentions already reduced to the top level and sorted."""


def _top_level(mentions: list[dict]) -> list[dict]:
    """Mentions not nested inside another mention, by start."""
    if isinstance(mentions, _TopLevel):
        return mentions
    ms = sorted(mentions, key=lambda m: (m["start"], -m["end"]))
    out = _TopLevel()
    for m in ms:
        if out and m["start"] >= out[-1]["start"] and m["end"] <= out[-1]["end"]:
            continue
        out.append(m)
    return out


def _vote_cues(scan: _Scan, tallies: list[Tally]) -> list[tuple[int, int, str]]:
    """(start, end, position) of every phrase that places voters: tallies and vote verbs."""
    rx = _rx()
    cues = [(t.start, t.end, t.position) for t in tallies]
    low = scan.low
    words = scan.words & rx.t_after_name
    for m in _anchored(rx.after_name, low, words, 3):
        s0 = m.start()
        if all(not (s <= s0 < e) for s, e, _ in cues):
            cues.append((s0, m.end(), m.lastgroup))
    cues.sort()
    return cues


def find_vote_positions(text: str, mentions: list[dict], tallies: list[Tally] | None = None,
                        kinds: Iterable[str] | None = None, scan: _Scan | None = None) -> list[VotePosition]:
    """States (and groups) the sentence places in a vote group. A mention inside a tally
    ("seven countries -- including China, Belarus, and Russia -- voting against") takes
    that tally's position; a list introduced right after a vote phrase ("voted in favor,
    including France") takes that phrase's; otherwise a mention takes the next vote phrase
    after it ("Turkmenistan, recognized as neutral, did not vote") unless a clause word
    ("where", "because", ";"), another subject ("he") or reported speech sits between, and a
    name before a counted group must join it ("were among just 32 countries that abstained"). Mention offsets are sentence offsets;
    the voting bodies themselves (UN, UNGA, UNSC) are never voters."""
    rx = _rx()
    kinds = set(kinds) if kinds is not None else rx.voter_kinds
    bodies = rx.body_ids
    candidates = [m for m in _top_level(mentions)
                  if m.get("kind") in kinds and m.get("actor_id") and m["actor_id"] not in bodies]
    if not candidates:
        return []
    scan = scan or _Scan(text)
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
    rx = _rx()
    if any(c in gap for c in rx.blocker_chars):
        return True
    return not rx.blocker_words.isdisjoint(gap.encode("utf-8", "ignore").translate(_WORD_BYTES).split())


def vote_subject(text: str, mentions: Iterable[dict] = ()) -> str | None:
    """The body a sentence names: UNSC_RESOLUTION, UN_RESOLUTION (per facts.yaml), else None."""
    ids = {m.get("actor_id") for m in mentions}
    for subject, actor_ids, words in _rx().bodies:
        if ids & actor_ids or words.search(text):
            return subject
    return None


# --------------------------------------------------------------------------------------
# quantities and dates


def _occurrences(low: str, words: Iterable[str]) -> list[tuple[int, str]]:
    """Every whole-word occurrence of ``words`` in the lower-cased text, by position (str.find
    is much cheaper than a regex over the sentence)."""
    out = []
    n = len(low)
    for w in words:
        p = low.find(w)
        while p >= 0:
            q = p + len(w)
            if (p == 0 or not low[p - 1].isalpha()) and (q == n or not low[q].isalpha()):
                out.append((p, w))
            p = low.find(w, q)
    out.sort()
    return out


def _starts_before(low: str, p: int, n: int) -> list[int]:
    """``p`` and the starts of up to ``n`` space-separated words before it, farthest first."""
    starts = [p]
    j = p
    for _ in range(n):
        k = low.rfind(" ", 0, j - 1)
        if j <= 1:
            break
        j = k + 1
        starts.append(j)
        if k < 0:
            break
    starts.reverse()
    return starts


def _anchored(pattern: re.Pattern, low: str, words: Iterable[str], n_before: int):
    """Matches of ``pattern`` that start at a trigger word or at one of the ``n_before`` words
    before it and reach the trigger word: one anchored try per start instead of a scan."""
    last_end = -1
    for p, w in _occurrences(low, words):
        q = p + len(w)
        for start in _starts_before(low, p, n_before):
            if start < last_end:
                continue
            if start < len(low) and not low[start].isalnum():
                start += 1
            m = pattern.match(low, start)
            if m and m.end() >= q:
                last_end = m.end()
                yield m
                break


def _relative_dates(scan: _Scan) -> None:
    # Every relative phrase holds a time word ("week", "days", "February", "today"), so the
    # pattern only runs in a window around those words.
    rx = _rx()
    for m in _anchored(rx.relative, scan.low, scan.words & rx.rel_anchor_words, 6):
        s, e = m.span()
        if not scan.claims.free(s, e):
            continue
        scan.add(s, e, "relative_date", scan.text[s:e], "relative date")
        c = rx.rel_count.match(scan.low, s, e)
        if c:
            n = parse_number(c.group("n"))
            if n is not None:
                scan.add(s, e, "duration", format_number(n), rx.units[c.group("u")], claim=False)


def _vague(scan: _Scan) -> None:
    rx, tables = _rx(), _tables()
    for m in rx.vague.finditer(scan.low):
        s, e = m.span()
        if not scan.claims.free(s, e):
            continue
        value = tables.vague[m.group(1)]
        if m.group(2):
            scan.add(s, e, "amount", value, tables.currencies[m.group(2)])
            continue
        of = re.match(r"\s+of(?:\s+the)?(?=\s)", scan.text[e:e + 12])
        if not of and m.group(1) in ("scores",):
            continue  # "scores" alone is usually a score
        noun, end = counted_noun(scan.text, e + of.end()) if of else ("", e)
        scan.add(s, max(e, end), "approx_count", value, noun)
    for m in rx.vague_duration.finditer(scan.low):
        g = 1 if m.group(1) else 2
        s, e = m.span(g)
        if scan.claims.free(s, e):
            spec = tables.vague_durations[m.group(g)]
            scan.add(s, e, "duration", spec["range"], spec["unit"])


def _symbol_before(text: str, s: int) -> tuple[int, str] | None:
    """The currency symbol right before a number ("$1.5", "US$ 2", "€ 300")."""
    j = s - 1 if s and text[s - 1] == " " else s
    if not j or text[j - 1] not in _rx().symbol_last_chars:
        return None
    for sym, code in _tables().symbols.items():
        if text.endswith(sym, 0, j):
            return j - len(sym), code
    return None


def _name_number(scan: _Scan, s: int, e: int) -> bool:
    """Digits that are part of a name, code, time or numeric date rather than a quantity."""
    text = scan.text
    prev = text[s - 1] if s else " "
    if prev.isalpha() or prev in "/:#_@":
        return True
    if prev in "-+" and s >= 2 and text[s - 2].isalpha():
        j = s - 2
        while j >= 0 and text[j].isalpha():
            j -= 1
        if scan.low[j + 1:s - 1] not in ("mid", "pre", "post", "early", "late"):
            return True
    nxt = text[e:e + 2]
    if len(nxt) == 2 and nxt[0] in "/:+" and nxt[1].isdigit():
        return True
    if nxt[:1].isalpha() and not _rx().number_suffix.match(scan.low, e):
        return True  # "1432px", "5G": a code, not a quantity
    if s == 0 and nxt[:1] in (".", ")") and (len(text) <= e + 1 or text[e + 1] == " "):
        return True  # "3." / "2)" list markers
    return bool(_rx().name_prefix.search(text, max(0, s - 14), s))


def _number_fact(scan: _Scan, s: int, e: int, num: str, digits: bool, kinds: frozenset) -> None:
    """Read one number in context: money, percentage, date, ordinal, duration, year or count."""
    rx, tables = _rx(), _tables()
    text, low = scan.text, scan.low
    value = parse_number(num)
    if value is None:
        return
    end = e
    sc = rx.scale_after.match(low, e) if digits else None
    if sc:
        value = parse_number(f"{num} {sc.group(1)}")
        end = sc.end()
    if digits:
        sym = _symbol_before(text, s)
        if sym:
            scan.add(sym[0], end, "amount", format_number(value), sym[1])
            return
    cur = rx.cur_after.match(low, end)
    if cur:
        scan.add(s, cur.end(), "amount", format_number(value), tables.currencies[cur.group(1)])
        return
    pct = rx.pct_after.match(low, end)
    if pct:
        unit = "percentage points" if pct.group(1).startswith("percentage") else "percent"
        scan.add(s, pct.end(), "percentage", format_number(value), unit)
        return
    if digits and not sc:
        n_digits = len(num)
        suffix = rx.ord_suffix.match(low, e)
        if "cal" in kinds and n_digits <= 4:
            before = rx.month_before.search(text, max(0, s - 12), s)
            if before and (n_digits <= 2 or n_digits == 4):
                tail = rx.date_tail.match(text, e) if n_digits <= 2 else None
                stop = tail.end() if tail else e
                scan.add(before.start(), stop, "date", text[before.start():stop], "date")
                return
            after = rx.day_month_after.match(text, e) if n_digits <= 2 else None
            if after:
                scan.add(s, after.end(), "date", text[s:after.end()], "date")
                return
        if suffix:
            sup = rx.superlative_after.match(low, suffix.end())
            if sup:
                noun, stop = counted_noun(text, sup.end())
                scan.add(s, stop, "rank", str(int(value)), f"{sup.group(1)} {noun}".strip())
                return
            noun, stop = counted_noun(text, suffix.end(), first_common=True)
            if noun and _after_determiner(text, s) and not _first_word_in(text, suffix.end(), tables.ordinal_stop):
                scan.add(s, stop, "ordinal", str(int(value)), noun)
            else:
                scan.claims.take(s, suffix.end())
            return
    if "time" in kinds:
        dur = rx.dur_after.match(low, end)
        if dur:
            predicate = "age" if dur.group(2) == "old" else "duration"
            scan.add(s, dur.end(), predicate, format_number(value), rx.units[dur.group(1)])
            return
    if digits and low[e:e + 1] == "s" and not low[e + 1:e + 2].isalpha() and len(num) != 4:
        scan.claims.take(s, e + 1)  # "the '30s", "in their 20s": a decade or an age bracket
        return
    if digits and len(num) == 4 and 1600 <= value <= 2099:
        plural_s = low[e:e + 1] == "s" and not low[e + 1:e + 2].isalpha()
        noun, _ = counted_noun(text, e, max_words=1)
        if plural_s or not (noun and _is_plural(noun)):
            start = s
            pre = rx.year_prefix.search(low, max(0, s - 6), s)
            if pre:
                start = pre.start()
            stop = e + 1 if plural_s else e
            scan.add(start, stop, "year", text[start:stop], "year")
            return
    noun, stop = counted_noun(text, end)
    compound = rx.hyphen_noun.match(low, end)
    if compound:  # "a 193-member assembly", "a 20-strong delegation"
        noun, stop = text[compound.start(1):compound.end(1)], compound.end()
    elif not digits and (not noun or (value != 1 and not _is_plural(noun))):
        return  # "one of the", "the two met": a number word needs a counted noun
    scan.add(s, max(stop, end), "count", format_number(value), noun)


def _numbers(scan: _Scan, kinds: frozenset) -> None:
    rx = _rx()
    for m in rx.digits.finditer(scan.text):
        s, e = m.span()
        if not scan.claims.free(s, e):
            continue
        if _name_number(scan, s, e):
            text = scan.text
            while e < len(text) and (text[e].isalnum() or text[e] in "+-/:." and e + 1 < len(text)
                                     and text[e + 1].isalnum()):
                e += 1  # the whole code: "C5+1", "3/14/23", "COVID-19"
            scan.claims.take(s, e)
            continue
        _number_fact(scan, s, e, m.group(), True, kinds)
    for p, q, num in _word_numbers(scan):
        if scan.claims.free(p, q):
            _number_fact(scan, p, q, num, False, kinds)


def _word_numbers(scan: _Scan) -> list[tuple[int, int, str]]:
    """Numbers written in words ("seven", "forty-one", "a dozen"), found from the word set."""
    if scan.word_numbers is not None:
        return scan.word_numbers
    rx = _rx()
    present = scan.words & rx.t_numwords
    scan.word_numbers = out = []
    if not present:
        return out
    low, last = scan.low, -1
    for p, w in _occurrences(low, present):
        if w in rx.t_scale_words:  # "a dozen", "a hundred"; "1.5 billion" is read with its digits
            if low.endswith("a ", 0, p):
                p -= 2
            elif low.endswith("an ", 0, p):
                p -= 3
            else:
                continue
        if p < last:
            continue  # inside a sequence already read ("forty-one")
        m = rx.word_number.match(low, p)
        if m:
            last = m.end()
            out.append((p, last, m.group()))
    return out


def _article_durations(scan: _Scan) -> None:
    """ "for a month", "within a year": one time unit, read at the unit word."""
    rx = _rx()
    low = scan.low
    for p, w in _occurrences(low, scan.words & rx.t_units_singular):
        m = rx.art_duration.search(low, max(0, p - 16), p + len(w))
        if m and m.end() == p + len(w):
            s, e = m.start(1), m.end()
            if scan.claims.free(s, e):
                scan.add(s, e, "duration", "1", rx.units[m.group(2)])


def _ordinals(scan: _Scan) -> None:
    rx, tables = _rx(), _tables()
    text = scan.text
    for p, _ in _occurrences(scan.low, scan.words & rx.t_ord):
        m = rx.ordinal.match(scan.low, p)
        if not m:
            continue
        s, e = m.span()
        if not scan.claims.free(s, e):
            continue
        if text[s].isupper() and s > 0 and not text[:s].rstrip().endswith(("“", '"', "(", "‘")):
            continue  # "First Deputy Prime Minister": part of a title
        value = tables.ordinals[m.group(1)]
        if m.group(2):
            noun, stop = counted_noun(text, e)
            scan.add(s, stop, "rank", str(value), f"{m.group(2)} {noun}".strip())
        elif _after_determiner(text, s) and not _first_word_in(text, e, tables.ordinal_stop):  # "first time"
            noun, stop = counted_noun(text, e, first_common=True)
            if noun:
                scan.add(s, stop, "ordinal", str(value), noun)


def _ranks(scan: _Scan) -> None:
    rx = _rx()
    for p, _ in _occurrences(scan.low, scan.words & rx.t_rank):
        m = rx.rank_one.match(scan.low, p)
        if m and scan.claims.free(m.start(), m.end()):
            noun, stop = counted_noun(scan.text, m.end())
            scan.add(m.start(), stop, "rank", "1", f"{m.group(1)} {noun}".strip())


def _calendar(scan: _Scan) -> None:
    rx = _rx()
    text = scan.text
    for s, w in _occurrences(scan.low, scan.words & rx.t_cal_names):
        e = s + len(w)
        name = text[s:e]
        if not name[0].isupper() or name[1:].isupper() or not scan.claims.free(s, e):
            continue
        if name in rx.weekday_names:
            scan.add(s, e, "weekday", name, "weekday")
            continue
        if name in rx.ambiguous_months and not rx.date_preps.search(scan.low, max(0, s - 12), s):
            continue
        scan.add(s, e, "month", name, "month")


_DATE_PREDICATES = frozenset({"date", "month", "year", "weekday", "relative_date"})


def _extract(scan: _Scan, kinds: frozenset) -> list[Found]:
    if "rel" in kinds:
        _relative_dates(scan)
    if "vague" in kinds:
        _vague(scan)
    if "num" in kinds:
        _numbers(scan, kinds)
    if "time" in kinds and ("a" in scan.words or "an" in scan.words):
        _article_durations(scan)
    if "ord" in kinds:
        _ordinals(scan)
    if "rank" in kinds:
        _ranks(scan)
    if "cal" in kinds:
        _calendar(scan)
    out = scan.out
    if len(out) > 1:
        out.sort(key=lambda f: f.start)
    return out


def extract_spans(text: str) -> list[Found]:
    """Every non-vote fact in a sentence, most specific first (a span one kind has read is
    not read again by a later kind)."""
    scan = _Scan(text)
    return _extract(scan, _kinds(scan))


def find_quantities(text: str) -> list[Found]:
    """Money, percentages, vague quantities, durations, ordinals, ranks and counts."""
    return [f for f in extract_spans(text) if f.predicate not in _DATE_PREDICATES]


def find_dates(text: str) -> list[Found]:
    """Dates, months, years, weekdays and relative dates, kept as written."""
    return [f for f in extract_spans(text) if f.predicate in _DATE_PREDICATES]


# --------------------------------------------------------------------------------------
# subjects


class _Subjects:
    """Picks the actor a fact is about, from one sentence's mentions (computed lazily)."""

    def __init__(self, text: str, mentions: list[dict], previous="", limit: int | None = None) -> None:
        self.text = text
        self.ms = _top_level(mentions)
        self._previous = previous  # the previous sentence's subject, or a function giving it
        self.limit = len(text) if limit is None else limit
        self._breaks: list[tuple[int, int, bool]] | None = None
        self._anaphor: bool | None = None
        self.cache: dict[int, str] = {}

    @property
    def previous(self) -> str:
        if callable(self._previous):
            self._previous = self._previous()
        return self._previous

    @property
    def anaphoric(self) -> bool:
        if self._anaphor is None:
            self._anaphor = bool(_rx().anaphor.match(self.text))
        return self._anaphor

    @property
    def breaks(self) -> list[tuple[int, int, bool]]:
        """Clause boundaries before ``limit``: (start, end, opens a relative clause)."""
        if self._breaks is None:
            rx, text, limit = _rx(), self.text, self.limit
            out = [(m.start(), m.end(), bool(rx.relative_clause.match(text, m.start())))
                   for m in rx.clause.finditer(text, 0, limit)]
            low = _lower(text[:limit])
            for w in rx.subordinators:  # "... three times since Russian troops rolled in"
                p = low.find(w)
                while p >= 0:
                    out.append((p + 1, p + 1, False))
                    p = low.find(w, p + 1)
            out.sort()
            self._breaks = out
        return self._breaks

    def head(self, i: int, limit: int) -> dict:
        """From mention ``i``, walk to the head of its noun phrase ("Kazakh President Tokayev")."""
        ms, np_gap = self.ms, _rx().np_gap
        while i + 1 < len(ms) and ms[i + 1]["start"] < limit:
            gap = self.text[ms[i]["end"]:ms[i + 1]["start"]]
            if not gap or not np_gap.fullmatch(gap):
                break
            i += 1
        return ms[i]

    def main(self) -> str:
        return self.head(0, len(self.text))["actor_id"] if self.ms else ""

    def at(self, anchor: int) -> str:
        if anchor not in self.cache:
            self.cache[anchor] = self._pick(anchor)
        return self.cache[anchor]

    def _pick(self, anchor: int) -> str:
        ms, text = self.ms, self.text
        if not ms:
            return self.previous if self.anaphoric else ""
        pronoun = _rx().possessive_before.search(text, max(0, anchor - 8), anchor)
        if pronoun:  # "during its 20-year conflict": its = the nearest fitting actor before
            word = pronoun.group(1).lower()
            for m in reversed(ms):
                if m["end"] <= pronoun.start() and (
                        word == "their" or (m.get("kind") == "person") == (word in ("his", "her"))):
                    return m["actor_id"]
        before_anchor = 0
        for m in ms:
            if m["start"] >= anchor:
                break
            before_anchor += 1
        if before_anchor == 1:
            return ms[0]["actor_id"]  # the only actor before the fact: no need to read clauses
        clause_start, relative_at = 0, -1
        for s, e, is_relative in (self.breaks if before_anchor else ()):
            if s >= anchor:
                break
            clause_start, relative_at = e, (s if is_relative else -1)
        starts: tuple[int, ...] = (clause_start, 0)
        if relative_at >= 0:
            if "," in text[clause_start:anchor]:
                starts = (0,)  # the relative clause has closed: back in the main clause
            else:
                before = [m for m in ms if m["end"] <= relative_at]
                if before and relative_at - before[-1]["end"] <= 2:
                    return before[-1]["actor_id"]
        for lo in starts:
            for i, m in enumerate(ms):
                if m["start"] >= anchor:
                    break
                if m["start"] >= lo:
                    return self.head(i, anchor)["actor_id"]
        if self.anaphoric and self.previous:
            return self.previous
        return self.main()


def main_subject(text: str, mentions: list[dict]) -> str:
    """The first actor of a sentence (head of its noun phrase), or ""."""
    return _Subjects(text, mentions).main()


def pick_subject(text: str, mentions: list[dict], anchor: int, previous: str = "") -> str:
    """The actor a fact at ``anchor`` is about: the nearest fitting actor for a possessive
    ("its 20-year conflict"), the antecedent of a relative clause (", which won independence
    in 1991"), the first actor of the fact's clause before it (head of its noun phrase), the
    first actor of the sentence before it, the previous sentence's subject if the sentence
    opens with a pronoun ("It comes just days after"), else the sentence's first actor."""
    return _Subjects(text, mentions, previous).at(anchor)


def _about_group(found: Found, mentions: list[dict], group_kinds: frozenset) -> str:
    """A group mention that a count counts ("five former Soviet republics in Central Asia")."""
    for m in mentions:
        if m.get("kind") in group_kinds and (m["start"] <= found.start < m["end"]
                                             or found.end - 1 <= m["start"] <= found.end + 1):
            return m["actor_id"]
    return ""


# --------------------------------------------------------------------------------------
# one sentence


def extract_sentence(text: str, mentions: list[dict] = (), vote_subject_id: str = "VOTE",
                     previous_subject: str = "", doc_actor_ids: Iterable[str] = (),
                     members: dict[str, frozenset[str]] | None = None) -> list[Fact]:
    """All facts of one sentence. ``mentions`` carry sentence offsets (start, end), actor_id and
    kind; ``vote_subject_id`` names the resolution a vote here is on (see :func:`vote_subject`)."""
    scan = _Scan(text)
    kinds = _kinds(scan)
    if not kinds:
        return []
    return _sentence_facts(scan, kinds, _top_level(list(mentions)), lambda: vote_subject_id,
                           previous_subject, doc_actor_ids, members)


def _sentence_facts(scan: _Scan, kinds: frozenset, mentions: list[dict], resolution, previous,
                    doc_actor_ids: Iterable[str], members: dict[str, frozenset[str]] | None) -> list[Fact]:
    if not kinds:
        return []
    facts: list[Fact] = []
    if "vote" in kinds:
        facts.extend(_vote_facts(scan, mentions, resolution(), doc_actor_ids, members))
    found = _extract(scan, kinds)
    if found:
        if mentions or previous:
            subjects = _Subjects(scan.text, mentions, previous, found[-1].start + 1)
            group_kinds = _rx().group_kinds
            for f in found:
                subject = _about_group(f, mentions, group_kinds) if f.predicate == "count" and mentions else ""
                facts.append(Fact(subject or subjects.at(f.start), f.predicate, f.value, f.unit, f.start))
        else:
            facts.extend(Fact("", f.predicate, f.value, f.unit, f.start) for f in found)
    if len(facts) < 2:
        return facts
    facts.sort(key=lambda f: f.start)
    seen: set[tuple] = set()
    out = []
    for f in facts:
        key = f[:4]
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


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


def _vote_facts(scan: _Scan, mentions: list[dict], resolution: str, doc_actor_ids: Iterable[str],
                members: dict[str, frozenset[str]] | None) -> list[Fact]:
    v = vocab()
    rx = _rx()
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


# --------------------------------------------------------------------------------------
# the analyser


def _mentions_by_sentence(doc) -> dict[int, list[dict]]:
    """The document's resolved mentions (``doc.mentions``, offsets into their sentence) as the
    small records the fact rules read."""
    return {sid: [{"start": m.start, "end": m.end, "actor_id": m.actor.actor_id, "kind": m.actor.kind}
                  for m in ms]
            for sid, ms in doc.mentions.items() if ms}


def _relative_mentions(raw: list[dict]) -> list[dict]:
    """A sentence's mentions, top level only, by start."""
    return _top_level([dict(m) for m in raw])


def _resolution_finder(units: list, by_sent: dict[int, list[dict]]):
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


def analyse(doc, rows: dict) -> None:
    """Analyser: append this document's numeric facts to ``rows["facts"]``."""
    units = doc.units()
    by_sent = _mentions_by_sentence(doc)

    @functools.lru_cache(maxsize=None)
    def doc_ids() -> frozenset[str]:
        return frozenset(m.get("actor_id") for ms in by_sent.values() for m in ms if m.get("actor_id"))

    find_resolution = _resolution_finder(units, by_sent)
    facts_rows = rows.setdefault("facts", [])
    previous = ""
    for i, unit in enumerate(units):
        raw = by_sent.get(unit.sent_id)
        text = unit.text
        scan = _Scan(text)
        kinds = _kinds(scan)
        mentions = None
        if kinds:
            mentions = _relative_mentions(raw) if raw else _TopLevel()
            resolution = functools.partial(find_resolution, i)
            for f in _sentence_facts(scan, kinds, mentions, resolution, previous, doc_ids, None):
                facts_rows.append({
                    "doc_id": doc.doc_id, "sent_id": unit.sent_id, "subject": f.subject,
                    "predicate": f.predicate, "value": f.value, "unit": f.unit, "text": text,
                })
        if raw:
            previous = (functools.partial(main_subject, text, mentions) if mentions is not None
                        else functools.partial(lambda t, r: main_subject(t, _relative_mentions(r)), text, raw))


# --------------------------------------------------------------------------------------
# scoring against gold (validation notebook)


def normalise_value(value) -> str:
    """A comparable form of a fact value: numbers as ints ("141", "seven" -> "7", "1,500" ->
    "1500"), vague phrases as their range ("tens of thousands" -> "10000-99999", "decades" ->
    "20-99"), other text lower-case with spaces collapsed."""
    text = re.sub(r"\s+", " ", str(value).strip()).lower()
    if not text:
        return ""
    n = parse_number(text)
    if n is not None:
        return format_number(n)
    v = vocab()
    vague = {k.lower(): r for k, r in v["vague_quantities"].items()}
    if text in vague:
        return vague[text]
    durations = {k.lower(): s["range"] for k, s in v["vague_durations"].items()}
    if text in durations:
        return durations[text]
    return text


