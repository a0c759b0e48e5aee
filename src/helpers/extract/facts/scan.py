"""The machinery every kind of fact shares: the records (:class:`Found`, :class:`Tally`,
:class:`VotePosition`, :class:`Fact`), the vocabulary of ``data/dictionaries/facts.yaml`` and
the patterns compiled from it once per process (:func:`patterns`), reading numbers
(:func:`parse_number`, :func:`counted_noun`), and one sentence's :class:`Scan`: its trigger
words (bytes.translate + split, no regex), which say which kinds of fact it may hold
(:func:`kinds_of`), and the spans already read."""
from __future__ import annotations

import functools
import re
from decimal import Decimal, InvalidOperation
from types import SimpleNamespace
from typing import Iterable, NamedTuple

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
    other: bool = False  # a count of another vote the sentence compares with ("rather than five")
    total: int | None = None  # the membership the text gives with it ("93 out of 193")


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
    vote: str = ""  # which vote a tally or a vote position belongs to (votes.label_votes)



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


def _literal_suffixes(words: list) -> tuple[str, ...] | None:
    """``words`` for str.endswith after rstrip, or None when that would not match as the regex
    "(?:words)\\s*$" does (no words, an empty word, a word ending in whitespace)."""
    out = tuple(str(w) for w in words or ())
    if not out or any(not w or w[-1].isspace() for w in out):
        return None
    return out


@functools.lru_cache(maxsize=None)
def vocab() -> dict:
    """The curated vocabulary (data/dictionaries/facts.yaml)."""
    return load_yaml(VOCAB_FILE)


@functools.lru_cache(maxsize=None)
def patterns() -> SimpleNamespace:
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
    zero = _alt(low_words(v.get("vote_zero_words", [])))
    dash = r"(?:—|–|--|\s-\s)"
    gap = (rf"(?:\s*{dash}[^—–]{{0,160}}?{dash}\s*|\s*\([^)]{{0,160}}\)\s*|,[^,;]{{0,80}},\s*"
           rf"|,(?:[^,;\d]{{1,40}},){{2,5}}\s*|\s+)")
    totals = _alt(low_words(v["vote_total_phrases"]))
    single = "|".join(f"(?P<{p}>{'|'.join(ps)})" for p, ps in v["vote_single_phrases"].items())
    body_specs = [dict(b) for b in v["vote_body_names"]]

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
        private_kinds=frozenset(k for k in trigger_sets if k[0] == "_"),  # helpers of kinds_of, no kinds
        group_kinds=frozenset(v["group_kinds"]),
        t_numwords=frozenset(trigger_sets["num"]),
        t_vote=frozenset(trigger_sets["vote"]),
        t_vote_strong=frozenset(trigger_sets["vote"]) - low_words(v["weak_vote_cues"]),
        trigger_kinds=trigger_kinds,
        rel_anchor_words=frozenset(trigger_sets["_timeword"]),
        scan_words=frozenset(w.encode() for w in set(trigger_kinds) | {"s", "a", "an", "margin", "tally", "count"}
                             | {k.split()[0].lower() for k in by_phrases} | after_name_words
                             | low_words(v.get("vote_zero_words", []))),
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
        # the same test without a regex: the text before the number, less its trailing spaces,
        # ends with a prefix. Exact while every prefix is literal text ending in a non-space
        # (None otherwise: the regex is used).
        name_prefixes=_literal_suffixes(v["number_name_prefixes"]),
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
            rf"(?P<n>{num_low})(?:\s+(?:{totals})\s+(?P<total>{num_low}))?"
            rf"(?:\s+(?:[a-z]+\s+){{0,2}}(?P<unit>{vote_units}))?(?:\s+(?:that|which|who))?{gap}"
            rf"(?:(?:have|had|were|was|are)\s+)?(?P<pos>{any_after_number})\b"),
        # "none against", "nil abstentions": a zero count right before its position (no unit, no gap)
        tally_zero=re.compile(rf"\b(?P<n>{zero})\s+(?P<pos>{any_after_number})\b"),
        zero_words=frozenset(low_words(v.get("vote_zero_words", []))),
        tally_d3=re.compile(r"(\d{1,3})\s*[-–—]\s*(\d{1,3})(?:\s*[-–—]\s*(\d{1,3}))?(?![\d-])"),
        vote_of=re.compile(
            rf"(?:vote[sd]?|margin|tally|count)\s+(?:of\s+)?(?P<a>{num_low})(?:\s+(?P<unit>{vote_units}))?"
            rf"\s+(?:to|[-–])\s+(?P<b>{num_low})\b"
            rf"|by\s+(?P<a2>{num_low})\s+(?P<unit2>{vote_units})\s+to\s+(?P<b2>{num_low}|{zero})\b"
            rf"|by\s+(?:a\s+(?:vote|margin|tally)\s+of\s+)?(?P<a3>{num_low})\s+to\s+(?P<b3>{num_low}|{zero})\b"
            rf"(?![.,]\d|\s*(?:%|percent|per cent|percentage|points?|years?|months?|days?|weeks?)\b)"),
        tally_by=re.compile(rf"(?P<pos>{_alt(by_phrases)})\s+(?P<n>{num_low})\s+(?P<unit>{vote_units})\b"),
        by_position={k.lower(): p for p, ks in v["vote_positions_before_number"].items() for k in ks},
        t_vote_of=frozenset({"vote", "voted", "votes", "margin", "tally", "count"}),
        t_tally_by=frozenset(k.split()[0].lower() for k in by_phrases),
        t_after_name=frozenset(after_name_words),
        after_name=re.compile("|".join(f"(?P<{p}>{after_name[p]})" for p in POSITIONS)),
        position_of={p: re.compile(rf"(?:{after_number[p]})") for p in POSITIONS},
        vote_verb_near=re.compile(r"\b(?:vot\w*|ballot|passed|adopted|approved|rejected|tally|margin)\b"),
        vote_single=re.compile(rf"\b(?:{single})\b"),
        vote_comparison=re.compile(rf"\b(?:{_alt(low_words(v['vote_comparisons']))})\s+(?P<n>{num_low})\b"),
        vote_equal=re.compile(rf"\b(?:{_alt(low_words(v['vote_equal_phrases']))})\b"),
        vote_complete_before=re.compile(rf"\b(?:{_alt(low_words(v['vote_list_complete_words']))})\s+$"),
        vote_side_with=re.compile(
            rf"\b(?P<n>{num_low})\s+(?:[a-z]+\s+)?(?:{vote_units})\b"
            rf"(?:\s*{dash}[^—–]{{0,120}}?{dash}\s*|\s+)(?:have\s+|had\s+)?"
            rf"(?:{_alt(low_words(v['vote_side_with']))})\s+(?:it|him|her)\b"),
        vote_rest=re.compile(rf"\b(?:{_alt(low_words(v['vote_rest_words']))})\s+{num_low}\b"),
        body_names=re.compile("|".join(f"(?P<b{i}>{b['words']})" for i, b in enumerate(body_specs))),
        body_specs={f"b{i}": b for i, b in enumerate(body_specs)},
        # dates as written, for telling votes apart (original case)
        label_date=re.compile(
            rf"\b(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>{month_alt})\b\.?(?:,?\s+(?P<y1>\d{{4}}))?"
            rf"|(?P<m2>{month_alt})\b\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y2>\d{{4}}))?"
            rf"|(?P<m3>{month_alt})\b\.?(?:\s+(?P<y3>\d{{4}}))?"
            rf"|(?P<w>{_alt(v['weekdays'])})"
            rf"|(?<![/\d-])(?P<y4>(?:19|20)\d\d)(?![/\d-]))"),
        month_number={**{str(m).lower(): i + 1 for i, m in enumerate(months)},
                      **{str(a).lower(): i + 1 for i, m in enumerate(months) for a in months[m]}},
        label_purpose=re.compile(r"\bto (?!\d)([a-z][\w'’-]*(?:\s+(?!by\b|with\b|and\b|after\b)[\w'’$-]+){0,5})"),
        label_object=re.compile(
            r"\b(?:passed|approved|adopted|backed|rejected|condemned|endorsed|confirmed)\s+"
            r"((?:the|a|an|its|their)\s+[\w'’$ -]{3,60}?)\s+(?:by|with|in|on)\b"),
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
def number_tables() -> SimpleNamespace:
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
    tables = number_tables()
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


def is_plural(word: str) -> bool:
    w = word.lower()
    if w in number_tables().irregular:
        return True
    return len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is", "'s", "’s"))


def counted_noun(text: str, pos: int, max_words: int = 4, first_common: bool = False) -> tuple[str, int]:
    """The noun a number counts, read from ``pos``: the first plural in the next few words
    ("five former Soviet republics" -> "republics"), else the last word before a function
    word or verb form ("first trip to" -> "trip"). With ``first_common`` (ordinals: "the first
    phase ends"), the first lower-case word ends the phrase. Returns (noun, end offset)."""
    stop = number_tables().stop
    word = patterns().word_after
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
        if is_plural(w) or possessive or text[pos:pos + 1] in (",", ";", ":", ".", "—", "–", ")", "?", "!"):
            break
        if first_common and w[:1].islower():
            break
    return found, end



# --------------------------------------------------------------------------------------
# one sentence's scan


class Claims:
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


def lower_keep_offsets(text: str) -> str:
    """Lower case with the same offsets (a few characters lower-case to two: "İ")."""
    low = text.lower()
    if len(low) != len(text):
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return low


#: bytes.translate table: ASCII letters to lower case, digits to "#", everything else to space.
WORD_BYTES = bytes(c + 32 if 65 <= c <= 90 else c if 97 <= c <= 122 else 35 if 48 <= c <= 57 else 32
                    for c in range(256))


class Scan:
    """A sentence, its lower-cased copy (same offsets), the trigger words it holds, and the
    spans already read. The word set comes from bytes.translate + split, several times
    cheaper than a regex over the sentence."""

    __slots__ = ("text", "_low", "words", "has_digit", "claims", "out", "word_numbers")

    def __init__(self, text: str) -> None:
        self.text = text
        self._low: str | None = None
        folded = text.encode("utf-8", "ignore").translate(WORD_BYTES)
        self.has_digit = 35 in folded
        hits = patterns().scan_words.intersection(folded.split())
        self.words = {w.decode() for w in hits} if hits else set()
        self.claims = Claims()
        self.out: list[Found] = []
        self.word_numbers: list[tuple[int, int, str]] | None = None

    @property
    def low(self) -> str:
        if self._low is None:
            self._low = lower_keep_offsets(self.text)
        return self._low

    def has(self, trigger: frozenset) -> bool:
        return not self.words.isdisjoint(trigger)

    def add(self, start: int, end: int, predicate: str, value: str, unit: str, claim: bool = True) -> None:
        if claim:
            self.claims.take(start, end)
        self.out.append(Found(start, end, predicate, value, unit))


def triggers(text: str) -> frozenset[str]:
    """Which kinds of fact a sentence may hold (num, vague, rel, ord, rank, cal, vote)."""
    return kinds_of(Scan(text))


_NO_KINDS: frozenset[str] = frozenset()
_DIGITS_ONLY = frozenset({"num"})


def kinds_of(scan: Scan) -> frozenset[str]:
    """The kinds of fact the scanned sentence may hold. Most sentences hold no trigger word (the
    word set has only "a", "s", ...): their answer is "num" or nothing, from the digit test alone."""
    rx = patterns()
    trigger_kinds = rx.trigger_kinds
    if trigger_kinds.keys().isdisjoint(scan.words):
        return _DIGITS_ONLY if scan.has_digit else _NO_KINDS
    flags: set[str] = set()
    for w in scan.words:
        flags.update(trigger_kinds.get(w, ()))
    if scan.has_digit:
        flags.add("num")
    if "_timeword" in flags and "_relmark" in flags:
        flags.add("rel")
    if "_possessor" in flags and "s" in scan.words:
        flags.add("rank")
    return frozenset(flags.difference(rx.private_kinds))



class TopLevel(list):
    """A sentence's mentions already reduced to the top level and sorted."""


def top_level(mentions: list[dict]) -> list[dict]:
    """Mentions not nested inside another mention, by start."""
    if isinstance(mentions, TopLevel):
        return mentions
    ms = sorted(mentions, key=lambda m: (m["start"], -m["end"]))
    out = TopLevel()
    for m in ms:
        if out and m["start"] >= out[-1]["start"] and m["end"] <= out[-1]["end"]:
            continue
        out.append(m)
    return out



# --------------------------------------------------------------------------------------
# quantities and dates


def occurrences(low: str, words: Iterable[str]) -> list[tuple[int, str]]:
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


def anchored(pattern: re.Pattern, low: str, words: Iterable[str], n_before: int):
    """Matches of ``pattern`` that start at a trigger word or at one of the ``n_before`` words
    before it and reach the trigger word: one anchored try per start instead of a scan."""
    last_end = -1
    for p, w in occurrences(low, words):
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



def spelled_numbers(scan: Scan) -> list[tuple[int, int, str]]:
    """Numbers written in words ("seven", "forty-one", "a dozen"), found from the word set."""
    if scan.word_numbers is not None:
        return scan.word_numbers
    rx = patterns()
    present = scan.words & rx.t_numwords
    scan.word_numbers = out = []
    if not present:
        return out
    low, last = scan.low, -1
    for p, w in occurrences(low, present):
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

