"""Quantities: counts with the noun they count, money, percentages, vague quantities
("tens of thousands"), durations and ages, ordinals and ranks. Each reader adds what it finds
to the sentence's :class:`~helpers.extract.facts.scan.Scan`; a number next to a month or a
four-digit year is handed to :mod:`helpers.extract.facts.dates`."""
from __future__ import annotations

import re

from helpers.extract.facts.dates import read_numeric_date, read_year
from helpers.extract.facts.scan import (
    Scan, counted_noun, format_number, is_plural, number_tables, occurrences, parse_number, patterns,
    spelled_numbers,
)


def _after_determiner(text: str, pos: int) -> bool:
    """An ordinal at ``pos`` follows a determiner or a possessive ("his first", "Russia's second")."""
    before = text[max(0, pos - 12):pos].rstrip()
    if before.endswith(("'s", "’s", "s'", "s’")):
        return True
    word = before.rsplit(None, 1)[-1].lower() if before else ""
    return word in number_tables().ordinal_determiners


def _first_word_in(text: str, pos: int, words: frozenset) -> bool:
    m = patterns().word_after.match(text, pos)
    return bool(m) and m.group(1).lower() in words



def read_vague(scan: Scan) -> None:
    rx, tables = patterns(), number_tables()
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
    if not j or text[j - 1] not in patterns().symbol_last_chars:
        return None
    for sym, code in number_tables().symbols.items():
        if text.endswith(sym, 0, j):
            return j - len(sym), code
    return None


def _name_number(scan: Scan, s: int, e: int) -> bool:
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
    if nxt[:1].isalpha() and not patterns().number_suffix.match(scan.low, e):
        return True  # "1432px", "5G": a code, not a quantity
    if s == 0 and nxt[:1] in (".", ")") and (len(text) <= e + 1 or text[e + 1] == " "):
        return True  # "3." / "2)" list markers
    rx = patterns()
    if rx.name_prefixes is not None:  # "Article 5", "COVID 19": a prefix, then only spaces
        return text[max(0, s - 14):s].rstrip().endswith(rx.name_prefixes)
    return bool(rx.name_prefix.search(text, max(0, s - 14), s))


def _number_fact(scan: Scan, s: int, e: int, num: str, digits: bool, kinds: frozenset) -> None:
    """Read one number in context: money, percentage, date, ordinal, duration, year or count."""
    rx, tables = patterns(), number_tables()
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
        if "cal" in kinds and n_digits <= 4 and read_numeric_date(scan, s, e, n_digits):
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
    if digits and len(num) == 4 and 1600 <= value <= 2099 and read_year(scan, s, e):
        return
    noun, stop = counted_noun(text, end)
    compound = rx.hyphen_noun.match(low, end)
    if compound:  # "a 193-member assembly", "a 20-strong delegation"
        noun, stop = text[compound.start(1):compound.end(1)], compound.end()
    elif not digits and (not noun or (value != 1 and not is_plural(noun))):
        return  # "one of the", "the two met": a number word needs a counted noun
    scan.add(s, max(stop, end), "count", format_number(value), noun)


def read_numbers(scan: Scan, kinds: frozenset) -> None:
    rx = patterns()
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
    for p, q, num in spelled_numbers(scan):
        if scan.claims.free(p, q):
            _number_fact(scan, p, q, num, False, kinds)



def read_article_durations(scan: Scan) -> None:
    """ "for a month", "within a year": one time unit, read at the unit word."""
    rx = patterns()
    low = scan.low
    for p, w in occurrences(low, scan.words & rx.t_units_singular):
        m = rx.art_duration.search(low, max(0, p - 16), p + len(w))
        if m and m.end() == p + len(w):
            s, e = m.start(1), m.end()
            if scan.claims.free(s, e):
                scan.add(s, e, "duration", "1", rx.units[m.group(2)])


def read_ordinals(scan: Scan) -> None:
    rx, tables = patterns(), number_tables()
    text = scan.text
    for p, _ in occurrences(scan.low, scan.words & rx.t_ord):
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


def read_ranks(scan: Scan) -> None:
    rx = patterns()
    for p, _ in occurrences(scan.low, scan.words & rx.t_rank):
        m = rx.rank_one.match(scan.low, p)
        if m and scan.claims.free(m.start(), m.end()):
            noun, stop = counted_noun(scan.text, m.end())
            scan.add(m.start(), stop, "rank", "1", f"{m.group(1)} {noun}".strip())

