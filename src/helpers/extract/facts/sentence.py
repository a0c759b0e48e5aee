"""All facts of one sentence: the readers of :mod:`~helpers.extract.facts.dates`,
:mod:`~helpers.extract.facts.quantities` and :mod:`~helpers.extract.facts.votes` run on the
kinds of fact its trigger words allow, and each fact gets its subject
(:mod:`~helpers.extract.facts.subjects`)."""
from __future__ import annotations

from typing import Iterable

from helpers.extract.facts.dates import DATE_PREDICATES, read_calendar, read_relative_dates
from helpers.extract.facts.quantities import (
    read_article_durations, read_numbers, read_ordinals, read_ranks, read_vague,
)
from helpers.extract.facts.scan import Fact, Found, Scan, kinds_of, patterns, top_level
from helpers.extract.facts.subjects import Subjects, about_group
from helpers.extract.facts.votes import vote_facts


def extract(scan: Scan, kinds: frozenset) -> list[Found]:
    if "rel" in kinds:
        read_relative_dates(scan)
    if "vague" in kinds:
        read_vague(scan)
    if "num" in kinds:
        read_numbers(scan, kinds)
    if "time" in kinds and ("a" in scan.words or "an" in scan.words):
        read_article_durations(scan)
    if "ord" in kinds:
        read_ordinals(scan)
    if "rank" in kinds:
        read_ranks(scan)
    if "cal" in kinds:
        read_calendar(scan)
    out = scan.out
    if len(out) > 1:
        out.sort(key=lambda f: f.start)
    return out


def extract_spans(text: str) -> list[Found]:
    """Every non-vote fact in a sentence, most specific first (a span one kind has read is
    not read again by a later kind)."""
    scan = Scan(text)
    return extract(scan, kinds_of(scan))


def find_quantities(text: str) -> list[Found]:
    """Money, percentages, vague quantities, durations, ordinals, ranks and counts."""
    return [f for f in extract_spans(text) if f.predicate not in DATE_PREDICATES]


def find_dates(text: str) -> list[Found]:
    """Dates, months, years, weekdays and relative dates, kept as written."""
    return [f for f in extract_spans(text) if f.predicate in DATE_PREDICATES]



# --------------------------------------------------------------------------------------
# one sentence


def extract_sentence(text: str, mentions: list[dict] = (), vote_subject_id: str = "VOTE",
                     previous_subject: str = "", doc_actor_ids: Iterable[str] = (),
                     members: dict[str, frozenset[str]] | None = None) -> list[Fact]:
    """All facts of one sentence. ``mentions`` carry sentence offsets (start, end), actor_id and
    kind; ``vote_subject_id`` names the resolution a vote here is on (see :func:`vote_subject`)."""
    scan = Scan(text)
    kinds = kinds_of(scan)
    if not kinds:
        return []
    return sentence_facts(scan, kinds, top_level(list(mentions)), lambda: vote_subject_id,
                          previous_subject, doc_actor_ids, members)


def sentence_facts(scan: Scan, kinds: frozenset, mentions: list[dict], resolution, previous,
                   doc_actor_ids: Iterable[str], members: dict[str, frozenset[str]] | None,
                   vote_groups: list | None = None) -> list[Fact]:
    """All facts of one sentence; with ``vote_groups`` the sentence's votes are appended there
    and its vote facts keep their sentence-local keys (see :func:`~.votes.vote_facts`)."""
    if not kinds:
        return []
    facts: list[Fact] = []
    if "vote" in kinds:
        facts.extend(vote_facts(scan, mentions, resolution(), doc_actor_ids, members, vote_groups))
    found = extract(scan, kinds)
    if found:
        if mentions or previous:
            subjects = Subjects(scan.text, mentions, previous, found[-1].start + 1)
            group_kinds = patterns().group_kinds
            for f in found:
                subject = about_group(f, mentions, group_kinds) if f.predicate == "count" and mentions else ""
                facts.append(Fact(subject or subjects.at(f.start), f.predicate, f.value, f.unit, f.start))
        else:
            facts.extend(Fact("", f.predicate, f.value, f.unit, f.start) for f in found)
    if len(facts) < 2:
        return facts
    facts.sort(key=lambda f: f.start)
    seen: set[tuple] = set()
    out = []
    for f in facts:
        key = (*f[:4], f.vote)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out

