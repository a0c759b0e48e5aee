"""Dates as written: numeric dates ("February 24", "24 Feb. 2022"), years, month and weekday
names, relative dates ("last week", "Two days after"). Each reader adds what it finds to the
sentence's :class:`~helpers.extract.facts.scan.Scan`."""
from __future__ import annotations

from helpers.extract.facts.scan import (
    Scan, anchored, counted_noun, format_number, is_plural, occurrences, parse_number, patterns,
)


def read_numeric_date(scan: Scan, s: int, e: int, n_digits: int) -> bool:
    """A date around the digits text[s:e] ("February 24", "Feb. 2022", "24 February"):
    added, and True; else False."""
    rx, text = patterns(), scan.text
    before = rx.month_before.search(text, max(0, s - 12), s)
    if before and (n_digits <= 2 or n_digits == 4):
        tail = rx.date_tail.match(text, e) if n_digits <= 2 else None
        stop = tail.end() if tail else e
        scan.add(before.start(), stop, "date", text[before.start():stop], "date")
        return True
    after = rx.day_month_after.match(text, e) if n_digits <= 2 else None
    if after:
        scan.add(s, after.end(), "date", text[s:after.end()], "date")
        return True
    return False


def read_year(scan: Scan, s: int, e: int) -> bool:
    """The four digits text[s:e] (1600-2099) as a year ("1991", "the 1990s", "mid-2022"),
    unless they count a plural noun ("2000 soldiers"): added, and True; else False."""
    rx, text, low = patterns(), scan.text, scan.low
    plural_s = low[e:e + 1] == "s" and not low[e + 1:e + 2].isalpha()
    noun, _ = counted_noun(text, e, max_words=1)
    if plural_s or not (noun and is_plural(noun)):
        start = s
        pre = rx.year_prefix.search(low, max(0, s - 6), s)
        if pre:
            start = pre.start()
        stop = e + 1 if plural_s else e
        scan.add(start, stop, "year", text[start:stop], "year")
        return True
    return False


def read_relative_dates(scan: Scan) -> None:
    # Every relative phrase holds a time word ("week", "days", "February", "today"), so the
    # pattern only runs in a window around those words.
    rx = patterns()
    for m in anchored(rx.relative, scan.low, scan.words & rx.rel_anchor_words, 6):
        s, e = m.span()
        if not scan.claims.free(s, e):
            continue
        scan.add(s, e, "relative_date", scan.text[s:e], "relative date")
        c = rx.rel_count.match(scan.low, s, e)
        if c:
            n = parse_number(c.group("n"))
            if n is not None:
                scan.add(s, e, "duration", format_number(n), rx.units[c.group("u")], claim=False)



def read_calendar(scan: Scan) -> None:
    rx = patterns()
    text = scan.text
    for s, w in occurrences(scan.low, scan.words & rx.t_cal_names):
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


DATE_PREDICATES = frozenset({"date", "month", "year", "weekday", "relative_date"})
