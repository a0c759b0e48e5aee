"""An article's publication date, normalised to ISO (YYYY-MM-DD), and where it came from.

Sources, first found wins: the document's own metadata (Markdown front matter, HTML
``<meta>``/JSON-LD/``<time datetime>``, a table's date column), else a dateline or a date
standing on its own line at the top of the body ("Feb 3 (Reuters) -", "WASHINGTON, March 2,
2023 --", "Thursday, March 2, 2023"). Month names, weekday names, agencies and metadata keys
are vocabulary in data/dictionaries/dates.yaml. A date without a year (a Reuters dateline) is
completed only from a year in the article's URL path (a "/2023/" folder, or a full date ending a slug,
"...-2023-03-03/", as Reuters' addresses end); otherwise it is left empty.
"""
from __future__ import annotations

import datetime as _dt
import functools
import re

from helpers.model.resources import load_yaml

#: articles.date_source values.
FRONT_MATTER, HTML_META, DATELINE, COLUMN, NONE = "front_matter", "html_meta", "dateline", "column", "none"


@functools.lru_cache(maxsize=1)
def vocabulary() -> dict:
    return load_yaml("dates.yaml")


@functools.lru_cache(maxsize=1)
def _month_numbers() -> dict[str, int]:
    return {name.lower(): int(number) for number, names in vocabulary()["months"].items() for name in names}


def html_meta_keys() -> list[str]:
    return [k.lower() for k in vocabulary().get("html_meta_keys", [])]


@functools.lru_cache(maxsize=1)
def html_time_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The words marking an HTML ``<time>`` the publication or the last-modified time, and the page
    furniture whose ``<time>``s date other stories or comments (``html_time`` in dates.yaml)."""
    spec = vocabulary().get("html_time") or {}
    return tuple(frozenset(str(w).lower() for w in spec.get(key, [])) for key in ("published", "modified", "elsewhere"))


def front_matter_keys() -> list[str]:
    return [k.lower() for k in vocabulary().get("front_matter_keys", [])]


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@functools.lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    vocab = vocabulary()
    month = rf"(?P<month>{_alternation(_month_numbers())})\.?"
    weekday = rf"(?:(?:{_alternation(vocab.get('weekdays', []))})\.?,?\s+)?"
    day = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
    year = r"(?P<year>(?:19|20)\d\d)"
    mdy = rf"{weekday}{month}\s+{day}(?:,?\s+{year})?"  # March 2, 2023 / Feb 3
    dmy = rf"{weekday}{day}\s+{month},?\s+{year}"  # 2 March 2023
    agency = _alternation(vocab.get("wire_agencies", []))
    dash = r"(?:-{1,2}|[\u2013\u2014])"
    place = r"(?:[A-Z][A-Za-z.'\u2019-]*(?:[ ,]+[A-Z][A-Za-z.'\u2019-]*){0,4},\s*)?"
    return {
        "iso": re.compile(r"^\s*(?P<year>\d{4})[-/](?P<month>\d{1,2})[-/](?P<day>\d{1,2})(?:$|[T\s_])"),
        "compact": re.compile(r"^\s*(?P<year>(?:19|20)\d\d)(?P<month>\d\d)(?P<day>\d\d)\s*$"),
        "mdy": re.compile(rf"^\s*{mdy}\b", re.I),
        "dmy": re.compile(rf"^\s*{dmy}\b", re.I),
        # a date alone on its line (optionally a time after it: "March 2, 2023 10:15 AM EST")
        "line_mdy": re.compile(rf"^\s*{mdy}(?:\s+(?:at\s+)?\d{{1,2}}[:.]\d\d.*)?\s*$", re.I),
        "line_dmy": re.compile(rf"^\s*{dmy}(?:\s+(?:at\s+)?\d{{1,2}}[:.]\d\d.*)?\s*$", re.I),
        # CITY, Feb 3 (Reuters) -   /   Feb 3 (Reuters) -   /   WASHINGTON, March 2, 2023 --
        "wire": re.compile(rf"^\s*{place}{mdy}\s*\((?:{agency})\)\s*{dash}", re.I),
        "dated_place": re.compile(rf"^\s*{place}{mdy}\s*{dash}", re.I),
        # /2023/03/ folders (WordPress, most CMSs), or a slug ending in its date (Reuters: ".../x-2023-03-03/")
        "url_year": re.compile(r"/((?:19|20)\d\d)/(?:\d\d/)?|[-_/]((?:19|20)\d\d)-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?=[/._?#]|$)"),
    }


def _iso(year, month, day) -> str:
    try:
        return _dt.date(int(year), int(month), int(day)).isoformat()
    except (TypeError, ValueError):
        return ""


def _month(text: str) -> int:
    return int(text) if text.isdigit() else _month_numbers().get(text.lower().rstrip("."), 0)


def normalise(value) -> str:
    """An ISO date from a metadata value ("2023-03-01T10:00:00Z", "March 1, 2023", "1 Mar 2023",
    a datetime.date); "" when it is not a full date with a year."""
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.strftime("%Y-%m-%d")
    text = str(value or "").strip()
    if not text:
        return ""
    pats = _patterns()
    for name in ("iso", "compact", "mdy", "dmy"):
        m = pats[name].match(text)
        if m and m.group("year"):
            return _iso(m.group("year"), _month(m.group("month")), m.group("day"))
    return ""


def from_lines(lines: list[str], url: str = "") -> tuple[str, str]:
    """(ISO date, how it was found) from a dateline or a date line in the first few non-empty
    lines; a year-less dateline takes the year of the URL path. ("", note) when none."""
    pats = _patterns()
    window = int(vocabulary().get("date_line_window", 4))
    seen = 0
    for line in lines:
        if not line.strip():
            continue
        seen += 1
        if seen > window:
            break
        line = line[:300]  # a dateline is at the start of a line
        for name in ("line_mdy", "line_dmy", "wire", "dated_place"):
            m = pats[name].match(line)
            if not m:
                continue
            year = m.group("year")
            if not year:
                in_url = pats["url_year"].search(url or "")
                if not in_url:
                    return "", "dateline without a year; date left empty"
                year = in_url.group(1) or in_url.group(2)
            iso = _iso(year, _month(m.group("month")), m.group("day"))
            if iso:
                return iso, ""
    return "", ""


def publication_date(meta: dict, lines: list[str]) -> tuple[str, str, str]:
    """(ISO date, date_source, note) for a document's metadata and body lines."""
    html = [(k, v) for k, v in meta.items() if k.startswith("html_date:")]
    for key, value in html:
        iso = normalise(value)
        if iso:
            return iso, HTML_META, ""
    if meta.get("column_date"):
        iso = normalise(meta["column_date"])
        if iso:
            return iso, COLUMN, ""
    lowered = {str(k).lower(): v for k, v in meta.items()}
    for key in front_matter_keys():
        if lowered.get(key):
            iso = normalise(lowered[key])
            if iso:
                return iso, FRONT_MATTER, ""
    unread = [str(v) for k, v in html] + [meta.get("column_date", "")] + \
        [lowered.get(k, "") for k in front_matter_keys()]
    unread = [v for v in unread if v]
    iso, note = from_lines(lines, meta.get("source_url") or meta.get("url") or "")
    if iso:
        return iso, DATELINE, ""
    if unread:
        note = "; ".join(filter(None, [f"date {unread[0][:40]!r} not understood", note]))
    return "", NONE, note


# ---------------------------------------------------------------- placing a date phrase on the calendar

#: precision values of :func:`resolve`: the date is that day, or the first day of that week
#: (Monday), month or year.
DAY, WEEK, MONTH, YEAR = "day", "week", "month", "year"
PAST, FUTURE = "past", "future"


@functools.lru_cache(maxsize=1)
def _phrase_patterns() -> dict[str, re.Pattern]:
    vocab = vocabulary()
    month = rf"(?P<month>{_alternation(_month_numbers())})\.?"
    weekday = rf"(?P<weekday>{_alternation(_weekday_numbers())})"
    counts = _alternation(vocab.get("number_words", {}))
    return {
        "prefix": re.compile(r"^(?:late|early|mid|later|earlier)[\s-]+", re.I),
        "relative_day": re.compile(r"^(?P<word>today|yesterday|tomorrow)$", re.I),
        "ago": re.compile(rf"^(?P<n>{counts}|\d{{1,3}})\s+(?P<unit>day|week|month|year)s?\s+ago$", re.I),
        "in_year": re.compile(r"^(?P<prep>in|during|since|until|by|from)\s+(?P<year>(?:19|20)\d\d)$", re.I),
        "modified": re.compile(rf"^(?P<mod>last|next|this|later this|earlier this)\s+"
                               rf"(?:(?P<unit>week|month|year)|{weekday}|{month})$", re.I),
        "month_day": re.compile(rf"^{month}(?:\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?)?(?:,?\s+(?P<year>(?:19|20)\d\d))?$",
                                re.I),
        "weekday": re.compile(rf"^{weekday}$", re.I),
    }


@functools.lru_cache(maxsize=1)
def _weekday_numbers() -> dict[str, int]:
    """Full weekday names (and the abbreviations of dates.yaml) -> 0 for Monday ... 6 for Sunday."""
    full = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    out = {name: i for i, name in enumerate(full)}
    for name in vocabulary().get("weekdays", []):
        name = str(name).lower()
        hit = [i for i, f in enumerate(full) if f.startswith(name)]
        if name not in out and len(hit) == 1:
            out[name] = hit[0]
    return out


def _shift_month(year: int, month: int, by: int) -> tuple[int, int]:
    k = year * 12 + (month - 1) + by
    return k // 12, k % 12 + 1


def _nearest(anchor: _dt.date, candidates: list[_dt.date], tense: str) -> _dt.date | None:
    """The candidate a phrase without a year means: on or before the anchor for a past event, on or
    after it for a future one, else the nearest (None on a tie: half a year either way)."""
    if tense == PAST:
        before = [c for c in candidates if c <= anchor]
        return max(before) if before else None
    if tense == FUTURE:
        after = [c for c in candidates if c >= anchor]
        return min(after) if after else None
    ranked = sorted(candidates, key=lambda c: abs((c - anchor).days))
    if len(ranked) > 1 and abs((ranked[0] - anchor).days) == abs((ranked[1] - anchor).days):
        return None
    return ranked[0] if ranked else None


def resolve(phrase: str, anchor: str = "", *, tense: str = "", preceding: str = "") -> tuple[str, str]:
    """Where a date phrase of an article falls on the calendar: (ISO date, precision), or ("", "")
    when the phrase does not say.

    ``anchor`` is the article's publication date (ISO); phrases relative to it ("yesterday", "last
    week", "Tuesday", "March 3" without a year) are placed only when it is given. ``tense`` is
    ``"past"``, ``"future"`` or "" (unknown) for the event the phrase dates; a weekday alone needs
    it (the Tuesday before or after the anchor, within seven days, as news style uses weekdays), and
    a month without a year uses it to choose the year. ``preceding`` is the word before the phrase
    in the text (or the two words before it): a month or day after "by", "until", "since"... is a
    deadline or a start, not when the event happened; a month named alone is placed only after "in",
    "during" or "of"; and a phrase after a determiner ("the October 7 attacks", "the horrific
    October 7 attacks") names another event than the one it is the nearest date of.
    Precision is "day", "week" (the date is that week's Monday; on a Sunday, as US news counts weeks
    from Sunday, "this week" is the one starting the next day), "month" (its first day) or "year"
    (1 January; "20 years ago" is a rounded count, so only its year). Early/mid/late before a phrase keeps its period ("late February" is February).
    """
    vocab = vocabulary()
    pats = _phrase_patterns()
    text = " ".join(str(phrase or "").split())
    words_before = str(preceding or "").lower().split()
    if not frozenset(vocab.get("attributive_before", [])).isdisjoint(words_before):
        return "", ""  # "the October 7 attacks": the date names another event
    bare = pats["prefix"].sub("", text)
    before = words_before[-1].strip(" ,") if words_before else ""
    if bare != text:
        text, before = bare, "in"  # "late February" says when, as "in February" does
    try:
        day0 = _dt.date.fromisoformat(anchor[:10]) if anchor else None
    except ValueError:
        day0 = None
    if not text:
        return "", ""

    def out(date: _dt.date | None, precision: str) -> tuple[str, str]:
        return (date.isoformat(), precision) if date else ("", "")

    m = pats["in_year"].match(text)
    if m:
        if m.group("prep").lower() not in ("in", "during"):
            return "", ""  # since/until/by/from a year: a start or a deadline
        return out(_dt.date(int(m.group("year")), 1, 1), YEAR)
    m = pats["month_day"].match(text)
    if m:
        month = _month(m.group("month"))
        day, year = m.group("day"), m.group("year")
        if before in vocab.get("not_point_prepositions", []):
            return "", ""
        if not day and not year and before not in vocab.get("point_prepositions", []):
            return "", ""  # "June" alone: "in June" says when, "Theresa May" does not
        if year:
            iso = _iso(year, month, day or 1)
            return (iso, DAY if day else MONTH) if iso else ("", "")
        if day0 is None:
            return "", ""
        dates = [d for d in (_safe_date(day0.year + k, month, int(day or 1)) for k in (-1, 0, 1)) if d]
        if not day:
            this_month = day0.replace(day=1)
            if tense == PAST:
                dates = [d for d in dates if d <= this_month]
            elif tense == FUTURE:
                dates = [d for d in dates if d >= this_month]
            return out(_nearest(this_month, dates, ""), MONTH)
        return out(_nearest(day0, dates, tense), DAY)
    if day0 is None:
        return "", ""
    m = pats["relative_day"].match(text)
    if m:
        return out(day0 + _dt.timedelta(days={"today": 0, "yesterday": -1, "tomorrow": 1}[m.group("word").lower()]),
                   DAY)
    m = pats["ago"].match(text)
    if m:
        n = m.group("n").lower()
        n = int(n) if n.isdigit() else int(vocab["number_words"][n])
        unit = m.group("unit").lower()
        if unit == "day":
            return out(day0 - _dt.timedelta(days=n), DAY)
        if unit == "week":
            d = day0 - _dt.timedelta(days=7 * n)
            return out(d - _dt.timedelta(days=d.weekday()), WEEK)
        if unit == "month":
            y, mo = _shift_month(day0.year, day0.month, -n)
            return out(_dt.date(y, mo, 1), MONTH)
        return out(_dt.date(day0.year - n, 1, 1), YEAR)  # "20 years ago" is rounded: the year, no closer
    m = pats["modified"].match(text)
    if m:
        mod = m.group("mod").lower().split()[-1]  # "later this" is "this"
        step = {"last": -1, "this": 0, "next": 1}[mod]
        if m.group("unit"):
            unit = m.group("unit").lower()
            if unit == "week":
                # Weeks are dated by their Monday; US news counts a week from Sunday, so on a Sunday
                # "this week" is the one starting the next day.
                monday = day0 - _dt.timedelta(days=day0.weekday()) if day0.weekday() < 6 else day0 + _dt.timedelta(days=1)
                return out(monday + _dt.timedelta(days=7 * step), WEEK)
            if unit == "month":
                y, mo = _shift_month(day0.year, day0.month, step)
                return out(_dt.date(y, mo, 1), MONTH)
            return out(_dt.date(day0.year + step, 1, 1), YEAR)
        if m.group("weekday"):
            wd = _weekday_numbers()[m.group("weekday").lower()]
            if step == -1:
                back = (day0.weekday() - wd) % 7 or 7
                return out(day0 - _dt.timedelta(days=back), DAY)
            if step == 1:
                ahead = (wd - day0.weekday()) % 7 or 7
                return out(day0 + _dt.timedelta(days=ahead), DAY)
            return _weekday(day0, wd, tense)
        month = _month(m.group("month"))
        if step == 0:
            return out(_dt.date(day0.year, month, 1), MONTH)
        this_month = day0.replace(day=1)
        dates = [_dt.date(day0.year + k, month, 1) for k in (-1, 0, 1)]
        dates = [d for d in dates if (d < this_month if step < 0 else d > this_month)]
        return out((max(dates) if step < 0 else min(dates)) if dates else None, MONTH)
    m = pats["weekday"].match(text)
    if m:
        return _weekday(day0, _weekday_numbers()[m.group("weekday").lower()], tense)
    return "", ""


def _weekday(day0: _dt.date, wd: int, tense: str) -> tuple[str, str]:
    """A weekday named alone: the one on or before the anchor for a past event, on or after it for a
    future one; unplaced when the tense is unknown."""
    if tense == PAST:
        return (day0 - _dt.timedelta(days=(day0.weekday() - wd) % 7)).isoformat(), DAY
    if tense == FUTURE:
        return (day0 + _dt.timedelta(days=(wd - day0.weekday()) % 7)).isoformat(), DAY
    return "", ""


def _safe_date(year: int, month: int, day: int) -> _dt.date | None:
    try:
        return _dt.date(year, month, day)
    except ValueError:
        return None
