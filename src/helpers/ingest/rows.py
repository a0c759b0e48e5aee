"""Table corpora: each row of a CSV, JSON Lines or Parquet file is one document.

The text column is required: the one named (``TEXT_COLUMN=`` / the ``text_column``
parameter), else the first of ``text``, ``body``, ``content``. ``title``, ``date``,
``outlet`` and ``url`` (and common synonyms, below) are used when present, and ``id``
names the document. Rows are numbered from 1 (the first data row; a CSV header is not
counted) and are addressed as ``articles.csv#row=17``. A row that cannot be read (wrong
number of fields, invalid JSON, no text) is reported with a reason and never stops the
others.
"""
from __future__ import annotations

import csv
import functools
import io
import json
import os
import re
from dataclasses import dataclass
from typing import Iterator
from urllib.parse import quote, unquote

from helpers.ingest import reading

TABLE_SUFFIXES = {".csv", ".jsonl", ".ndjson", ".parquet"}
#: Text column names tried in order when none is named.
TEXT_COLUMNS = ("text", "body", "content")
#: Metadata columns: the Source field each fills, and the column names tried in order.
META_COLUMNS = {
    "title": ("title", "headline"),
    "date": ("date", "published", "published_at", "publication_date", "date_published", "pubdate"),
    "outlet": ("outlet", "source", "publisher", "site_name", "media"),
    "source_url": ("url", "source_url", "link"),
    "id": ("id", "doc_id", "article_id"),
}
ROW_MARK = "#row="


@dataclass
class Row:
    """One row of a table: its number, its fields (None when unreadable) and why not."""

    number: int
    fields: dict | None
    error: str = ""


def _column(columns, names) -> str:
    lowered = {str(c).strip().lower(): c for c in columns}
    for name in names:
        if name in lowered:
            return lowered[name]
    return ""


def text_column(columns: list[str], requested: str | None = None) -> str:
    """The text column's name as the table spells it; raises UnreadableDocument when there is none."""
    if requested:
        found = _column(columns, [requested.strip().lower()])
        if not found:
            raise reading.UnreadableDocument(
                f"text column '{requested}' not in the table (columns: {', '.join(map(str, columns))[:200]})")
        return found
    found = _column(columns, TEXT_COLUMNS)
    if not found:
        raise reading.UnreadableDocument(
            f"no text column (looked for {', '.join(TEXT_COLUMNS)}; name it with TEXT_COLUMN=); "
            f"columns: {', '.join(map(str, columns))[:200]}")
    return found


def _csv_rows(path: str) -> tuple[list[str], Iterator[Row]]:
    text, _, _ = reading.decode(reading.read_bytes(path))
    sample = text[:65536]
    try:  # only the delimiter is guessed, from the header line; quoting is the standard (RFC 4180) one:
        # a header says nothing about doubled quotes inside the text fields below it
        delimiter = csv.Sniffer().sniff(sample.split("\n", 1)[0], delimiters=",;\t|").delimiter
    except csv.Error:
        delimiter = ","
    csv.field_size_limit(1 << 30)
    reader = csv.reader(io.StringIO(text, newline=""), csv.excel, delimiter=delimiter)
    try:
        header = [h.strip() for h in next(reader)]
    except (StopIteration, csv.Error) as exc:
        raise reading.UnreadableDocument(f"no header row ({exc.__class__.__name__})") from None

    def rows() -> Iterator[Row]:
        number = 0
        while True:
            number += 1
            try:
                values = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                yield Row(number, None, f"malformed row ({exc})")
                continue
            if not any(v.strip() for v in values):
                number -= 1  # a blank line is not a row
                continue
            if len(values) != len(header):
                yield Row(number, None, f"malformed row ({len(values)} fields; the header has {len(header)})")
                continue
            yield Row(number, dict(zip(header, values)))

    return header, rows()


def _jsonl_rows(path: str) -> tuple[list[str], Iterator[Row]]:
    text, _, _ = reading.decode(reading.read_bytes(path))
    lines = [line for line in text.split("\n") if line.strip()]
    parsed: list[Row] = []
    columns: dict[str, None] = {}
    for number, line in enumerate(lines, start=1):
        try:
            value = json.loads(line)
        except ValueError as exc:
            parsed.append(Row(number, None, f"malformed row (not valid JSON: {exc.msg} at column {exc.colno})"))
            continue
        if not isinstance(value, dict):
            parsed.append(Row(number, None, f"malformed row (a JSON {type(value).__name__}, not an object)"))
            continue
        columns.update(dict.fromkeys(value))
        parsed.append(Row(number, value))
    return list(columns), iter(parsed)


def _parquet_rows(path: str) -> tuple[list[str], Iterator[Row]]:
    import pyarrow.parquet as pq

    try:
        pf = pq.ParquetFile(path)
    except Exception as exc:  # pyarrow raises ArrowInvalid and others for a damaged file
        raise reading.UnreadableDocument(f"not a readable Parquet file ({exc.__class__.__name__})") from None
    columns = list(pf.schema_arrow.names)

    def rows() -> Iterator[Row]:
        number = 0
        for batch in pf.iter_batches(batch_size=1000):
            for record in batch.to_pylist():
                number += 1
                yield Row(number, record)

    return columns, rows()


def read_rows(path: str) -> tuple[list[str], Iterator[Row]]:
    """A table's columns and its rows, by suffix; raises UnreadableDocument when the file is unreadable."""
    suffix = os.path.splitext(path)[1].lower()
    if suffix == ".csv":
        return _csv_rows(path)
    if suffix in (".jsonl", ".ndjson"):
        return _jsonl_rows(path)
    if suffix == ".parquet":
        return _parquet_rows(path)
    raise reading.UnreadableDocument(f"unsupported table type '{suffix}'")


def cell(value) -> str:
    """A field as text ("" for missing values: None, NaN)."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return str(value)


def row_text(row: Row, column: str) -> str:
    return cell((row.fields or {}).get(column)).strip()


def row_id(fields: dict) -> str:
    """The row's own id, made safe as a doc_id ("" when it has none)."""
    column = _column(fields, META_COLUMNS["id"])
    value = cell(fields.get(column)).strip() if column else ""
    return re.sub(r"[^\w.-]+", "_", value)[:120].strip("_")


def row_address(path: str, number: int, column: str) -> str:
    """How a worker finds a row again: the table's path, the row number and the text column."""
    return f"{path}{ROW_MARK}{number}&column={quote(column)}"


def is_row_address(path: str) -> bool:
    path = str(path)
    return ROW_MARK in path and os.path.splitext(path.rsplit(ROW_MARK, 1)[0])[1].lower() in TABLE_SUFFIXES


def _parse_address(address: str) -> tuple[str, int, str]:
    path, rest = address.rsplit(ROW_MARK, 1)
    number, _, column = rest.partition("&column=")
    return path, int(number), unquote(column)


@functools.lru_cache(maxsize=2)
def _rows_of(path: str, size: int, mtime_ns: int) -> dict[int, Row]:
    """Every row of a table, by number: read once per process (keyed on the file's size and mtime)."""
    _, rows = read_rows(path)
    return {row.number: row for row in rows}


def row_source(address: str) -> reading.Source:
    """The Source of one table row (raises UnreadableDocument for a missing, malformed or empty row)."""
    path, number, column = _parse_address(address)
    st = os.stat(path)
    row = _rows_of(path, st.st_size, st.st_mtime_ns).get(number)
    if row is None:
        raise reading.UnreadableDocument(f"row {number} is no longer in the table")
    if row.fields is None:
        raise reading.UnreadableDocument(row.error)
    text = reading.normalise_text(row_text(row, column))
    if not text:
        raise reading.UnreadableDocument(f"no text in column '{column}'")
    fields = row.fields
    meta: dict[str, str] = {}
    for name in ("outlet", "source_url"):
        found = _column(fields, META_COLUMNS[name])
        if found and cell(fields[found]).strip():
            meta[name] = reading.normalise_text(cell(fields[found])).strip()
    found = _column(fields, META_COLUMNS["date"])
    if found and cell(fields[found]).strip():
        meta["column_date"] = cell(fields[found]).strip()
    found = _column(fields, META_COLUMNS["title"])
    title = reading.normalise_text(cell(fields[found])).strip() if found else ""
    if title:
        return reading.Source(lines=text.split("\n"), title=title, meta=meta)
    if re.search(r"\S[^\n]*\n[ \t]*\n\s*\S", text):  # no title column: a first line apart is the title
        source = reading.parse_plain(text)
        source.meta = meta
        return source
    return reading.Source(lines=text.split("\n"), title="", meta=meta)
