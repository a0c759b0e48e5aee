"""Separate an article's paragraphs from page furniture (ads, widgets, prompts, credits).

Patterns live in ``data/dictionaries/boilerplate.yaml``; every removal is kept with its
reason, so a reader can audit what was dropped.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from helpers.ingest.paragraphs import collapse_whitespace
from helpers.model.resources import load_yaml


@dataclass(frozen=True)
class Pattern:
    reason: str
    match: str  # "paragraph" or "inline"
    regex: re.Pattern
    #: Strings one of which every match holds (``required_literals``); () when none is known.
    needs: tuple[str, ...] = ()
    #: The longest paragraph the pattern can match (``max_chars`` in the data file; 0: no bound):
    #: a longer one is not tried, which spares most paragraphs most patterns.
    max_chars: int = 0


def required_literals(regex: re.Pattern) -> tuple[str, ...]:
    """Strings one of which is in every text ``regex`` matches, () when none is found: the literal
    openings of the alternatives of the first top-level group (or alternation) whose every
    alternative opens with a literal, as the credit line's ``(reports|reported by|writes|via)``.

    Every element of the top-level sequence takes part in a match, so a text holding none of
    these strings cannot match, and the expression (which may try every position of the
    paragraph, as a leading ``(.*?)`` does) need not run. A case-insensitive pattern, or group,
    gets none: its letters match more than themselves."""
    from re import _constants as sre, _parser

    if regex.flags & re.IGNORECASE:
        return ()
    try:
        tree = _parser.parse(regex.pattern, regex.flags)
    except Exception:  # a parser this code does not know: no shortcut
        return ()
    for op, av in tree:
        if op is sre.SUBPATTERN and not av[1] & re.IGNORECASE and len(av[3]) and av[3][0][0] is sre.BRANCH:
            op, av = av[3][0]
        if op is not sre.BRANCH:
            continue
        openings = []
        for alternative in av[1]:
            chars = []
            for item_op, item_av in alternative:
                if item_op is not sre.LITERAL:
                    break
                chars.append(chr(item_av))
            if not chars:
                break
            openings.append("".join(chars))
        else:
            return tuple(openings)
    return ()


@dataclass
class Cleaned:
    """Kept paragraphs, removed ones as (text, reason), and an outlet if a credit named it."""

    kept: list[str]
    removed: list[tuple[str, str]] = field(default_factory=list)
    outlet: str = ""


@functools.lru_cache(maxsize=None)
def load_patterns(name: str = "boilerplate.yaml") -> tuple[tuple[Pattern, ...], int, int, int]:
    """Compile the boilerplate patterns and standfirst settings from the data file."""
    spec = load_yaml(name)
    patterns = []
    for entry in spec.get("patterns", []):
        flags = re.IGNORECASE if "i" in str(entry.get("flags", "")) else 0
        regex = re.compile(entry["regex"], flags)
        needs = tuple(str(w) for w in entry.get("needs", []) or []) or required_literals(regex)
        patterns.append(Pattern(entry["reason"], entry.get("match", "paragraph"), regex, needs,
                                int(entry.get("max_chars", 0) or 0)))
    return (tuple(patterns), int(spec.get("standfirst_window", 3)),
            int(spec.get("standfirst_min_chars", 40)), int(spec.get("max_paragraph_chars", 400)))


@dataclass(frozen=True)
class CrossLinks:
    """How the headlines under a removed heading of links ("Read more:"), and the title over a
    sign-up box's pitch, are told from the story (``cross_link_*``, ``box_title_*`` and
    ``paragraph_endings`` in the data file)."""

    #: The reasons whose removed paragraph may be such a heading.
    headings: frozenset[str]
    #: The longest line that is a link's headline.
    max_chars: int
    #: The most headlines under one heading; the lines past them are the story's.
    max_lines: int
    #: The longest removed cross-link without a colon inside that is a heading, not a link itself.
    heading_chars: int
    #: How a paragraph of the story ends; a link's headline ends in none of these.
    endings: tuple[str, ...]
    #: The reasons whose removed paragraph is a box's pitch, the line just before it the box's title.
    box_pitches: frozenset[str] = frozenset()
    #: The longest line that is such a title.
    box_title_chars: int = 0


@functools.lru_cache(maxsize=None)
def cross_link_settings(name: str = "boilerplate.yaml") -> CrossLinks:
    """The settings of the headlines under a heading of links, read once from the data file."""
    spec = load_yaml(name)
    return CrossLinks(frozenset(spec.get("cross_link_headings", [])), int(spec.get("cross_link_max_chars", 150)),
                      int(spec["cross_link_max_lines"]), int(spec["cross_link_heading_chars"]),
                      tuple(str(e) for e in spec["paragraph_endings"]),
                      frozenset(spec.get("box_title_pitches", [])), int(spec.get("box_title_chars", 0)))


def _normal(text: str) -> str:
    """Text compared for a repeated standfirst: plain apostrophes and dots, single spaces, lower case."""
    return collapse_whitespace(text.replace("’", "'").replace("…", "...")).lower()


def remove_boilerplate(paras: list[str], name: str = "boilerplate.yaml") -> Cleaned:
    """Drop paragraphs that are boilerplate, cut inline widgets, drop a repeated standfirst."""
    patterns, window, min_chars, max_chars = load_patterns(name)
    out = Cleaned(kept=[])
    whole = [pat for pat in patterns if pat.match == "paragraph"]  # in file order: the first match names the reason
    inline = [pat for pat in patterns if pat.match == "inline"]
    links_spec = cross_link_settings(name)
    links = False  # under a removed heading of links ("Read more:"): its headlines follow
    run = 0  # the headlines removed under that heading
    kept_last = False  # the paragraph before was kept
    for para in paras:
        reason = None
        if len(para) <= max_chars:
            stripped = para.strip()
            for pat in whole:
                if pat.max_chars and len(stripped) > pat.max_chars:
                    continue  # longer than anything it matches
                if pat.needs and not any(w in stripped for w in pat.needs):
                    continue  # it cannot match (required_literals)
                m = pat.regex.fullmatch(stripped)
                if m:
                    reason = pat.reason
                    outlet = m.groupdict().get("outlet")
                    if outlet and not out.outlet:
                        out.outlet = outlet.strip().rstrip(".")
                    break
        line = para.strip()
        if reason:
            title = out.kept[-1].strip() if kept_last else ""
            if (reason in links_spec.box_pitches and title and len(title) <= links_spec.box_title_chars
                    and not title.endswith(links_spec.endings)):
                out.removed.append((out.kept.pop(), reason))  # the box's title ("Get the Morning Brief")
            kept_last = False
            out.removed.append((para, reason))
            # a bare heading ("Read more:", "Related Coverage") opens a list; "ALSO READ: <headline>" is a
            # link, and any other removal (an advertisement) ends the list
            links = reason in links_spec.headings and (
                line.endswith(":") or ":" not in line and len(line) <= links_spec.heading_chars)
            run = 0
            continue
        if (links and run < links_spec.max_lines and len(line) <= links_spec.max_chars
                and not line.endswith(links_spec.endings)):
            out.removed.append((para, "cross-link"))  # a link's headline under the heading
            run += 1
            kept_last = False
            continue
        links = False
        for pat in inline:
            if pat.regex.search(para):
                for m in pat.regex.finditer(para):
                    out.removed.append((m.group(0), pat.reason))
                para = re.sub(r"\s{2,}", " ", pat.regex.sub(" ", para)).strip()
        kept_last = bool(para)
        if para:
            out.kept.append(para)
    _drop_repeated_standfirst(out, window, min_chars)
    return out


def _drop_repeated_standfirst(out: Cleaned, window: int, min_chars: int) -> None:
    normal = [_normal(p) for p in out.kept]
    for i in range(min(window, len(out.kept))):
        para = out.kept[i]
        norm = normal[i]
        if len(norm) < min_chars:
            continue
        if any(norm in later for later in normal[i + 1:]):
            out.kept.pop(i)
            out.removed.append((para, "standfirst repeated"))
            return
