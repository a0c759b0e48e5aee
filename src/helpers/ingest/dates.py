"""An article's publication date, normalised to ISO (YYYY-MM-DD), and where it came from.

Sources, first found wins: the document's own metadata (Markdown front matter, HTML
``<meta>``/JSON-LD/``<time datetime>``, a table's date column), else a dateline or a date
standing on its own line at the top of the body ("Feb 3 (Reuters) -", "WASHINGTON, March 2,
2023 --", "Thursday, March 2, 2023"). Month names, weekday names, agencies and metadata keys
are vocabulary in data/dictionaries/dates.yaml. A date without a year (a Reuters dateline) is
completed only from a year in the article's URL path; otherwise it is left empty.
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
        "url_year": re.compile(r"/((?:19|20)\d\d)/(?:\d\d/)?"),
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
                year = in_url.group(1)
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
