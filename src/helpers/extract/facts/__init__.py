"""Numeric facts: vote tallies, counts, amounts, vague quantities, durations and dates.

Rule-based and cheap. Every sentence (the title is sent_id 0) is first reduced to the set
of trigger words it holds (bytes.translate + split, no regex), which says which kinds of
fact it may hold (a digit, a number word, an ordinal, a month, a time word, a vote word);
only the extractors for those kinds run, and they match anchored at the trigger words
instead of scanning the sentence. All vocabulary lives in ``data/dictionaries/facts.yaml``;
patterns are compiled once per process.

One module per kind of fact: ``scan`` (vocabulary, compiled patterns, numbers, the
per-sentence trigger scan), ``votes`` (tallies, positions, the body voting), ``quantities``
(counts, amounts, vague quantities, durations, ordinals, ranks), ``dates``, ``subjects``
(which actor a fact is about) and ``sentence`` (all facts of one sentence); this module
holds the analyser and the public names. Pure functions: :func:`parse_number`,
:func:`find_vote_tallies`, :func:`find_vote_positions`, :func:`find_quantities`,
:func:`find_dates`, :func:`extract_sentence`; :func:`analyse` is the analyser;
:func:`score_vote_tallies` and :func:`score_facts` compare with the gold.

Facts written to ``rows["facts"]`` (doc_id, sent_id, subject, predicate, value, unit, vote, text):

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

``vote`` says which vote a tally, a per-state position or a group count belongs to (empty for
other facts): a vote of the curated reference file ``data/dictionaries/un_votes.csv`` when the
counts the text gives, its date as written and its subject words pick out exactly one ("UNGA
ES-11/4 annexation resolution (12 Oct 2022)"), else a label from the vote's own sentence: the
body (facts.yaml ``vote_body_names``: UNGA, UNSC, UNHRC, US Senate, European Parliament, ...),
subject words and the date as written ("US House approve nearly $40 billion in new (Tuesday)").
Two votes in one passage get two labels; the same vote mentioned again gets the same one. Only
UN bodies' tallies take a UN subject (UN_RESOLUTION, UNSC_RESOLUTION, UNHRC_RESOLUTION); a
Congress, parliament, party or election vote has the default subject (VOTE). The reference file
names votes, it never fills a count the text does not give.

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

from helpers.extract.facts.dates import DATE_PREDICATES
from helpers.extract.facts.scan import (
    POSITIONS, VOCAB_FILE, Fact, Found, Scan, Tally, TopLevel, VotePosition, counted_noun,
    format_number, kinds_of, parse_number, top_level, triggers, vocab,
)
from helpers.extract.facts.sentence import (
    extract_sentence, extract_spans, find_dates, find_quantities, sentence_facts,
)
from helpers.extract.facts.subjects import main_subject
from helpers.extract.facts.votes import (
    apply_labels, body_finder, find_vote_positions, find_vote_tallies, is_un_vote, label_votes,
    reference_votes, resolution_finder, vote_subject,
)

__all__ = [
    "DATE_PREDICATES", "POSITIONS", "VOCAB_FILE", "Fact", "Found", "Tally", "VotePosition",
    "analyse", "counted_noun", "extract_sentence", "extract_spans", "find_dates",
    "find_quantities", "find_vote_positions", "find_vote_tallies", "format_number", "is_un_vote",
    "reference_votes",
    "main_subject", "normalise_value", "parse_number", "triggers", "vocab",
    "vote_subject",
]


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
    return top_level([dict(m) for m in raw])


def _raw_main_subject(text: str, raw: list[dict]) -> str:
    """The main subject of a sentence whose mentions were not needed before (read only when a
    later sentence's pronoun asks for it)."""
    return main_subject(text, _relative_mentions(raw))



def analyse(doc, rows: dict) -> None:
    """Analyser: append this document's numeric facts to ``rows["facts"]``."""
    units = doc.units()
    by_sent = _mentions_by_sentence(doc)
    ids: list[frozenset[str]] = []

    def doc_ids() -> frozenset[str]:
        """The document's actor ids, computed on first use (a closure, not an lru_cache per document)."""
        if not ids:
            ids.append(frozenset(m.get("actor_id") for ms in by_sent.values() for m in ms if m.get("actor_id")))
        return ids[0]

    find_resolution = resolution_finder(units, by_sent)
    facts_rows = rows.setdefault("facts", [])
    previous = ""
    per_sentence: list[tuple[int, list]] = []
    groups: list = []
    for i, unit in enumerate(units):
        raw = by_sent.get(unit.sent_id)
        text = unit.text
        scan = Scan(text)
        kinds = kinds_of(scan)
        mentions = None
        if kinds:
            mentions = _relative_mentions(raw) if raw else TopLevel()
            resolution = functools.partial(find_resolution, i)
            found: list = []
            facts = sentence_facts(scan, kinds, mentions, resolution, previous, doc_ids, None, found)
            if found:
                groups.extend((i, text, g) for g in found)
            if facts:
                per_sentence.append((i, facts))
        if raw:
            previous = (functools.partial(main_subject, text, mentions) if mentions is not None
                        else functools.partial(_raw_main_subject, text, raw))
    labels = label_votes(groups, body_finder(units)) if groups else {}
    by_unit = sorted({i: (label, body) for (i, _), (label, body) in labels.items()}.items())
    for i, facts in per_sentence:
        if any(f.vote for f in facts):
            facts = [g for f in facts for g in apply_labels([f], labels, i, _nearest_label(by_unit, i, _body_of(f)))]
        unit = units[i]
        for f in facts:
            facts_rows.append({
                "doc_id": doc.doc_id, "sent_id": unit.sent_id, "subject": f.subject,
                "predicate": f.predicate, "value": f.value, "unit": f.unit, "vote": f.vote, "text": unit.text,
            })


def _body_of(fact) -> str:
    """The subject whose vote a position fact is on ("vote_on_UNSC_RESOLUTION": UNSC_RESOLUTION), else ""."""
    return fact.predicate[len("vote_on_"):] if fact.predicate.startswith("vote_on_") else ""


def _nearest_label(by_unit: list[tuple[int, tuple[str, str | None]]], i: int, body: str = "") -> str:
    """The vote a position in sentence ``i`` without a tally is on: the nearest vote named
    before it in the document, else after it, else none; for a position on one body's vote
    ("vetoed a similar resolution in the Security Council"), the nearest vote of that body only."""
    units = [(j, label) for j, (label, subject) in by_unit if not body or not subject or subject == body]
    before = [label for j, label in units if j <= i]
    if before:
        return before[-1]
    return units[0][1] if units else ""


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


