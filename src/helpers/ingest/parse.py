"""File or text -> Document: decode, find the title, paragraphs, boilerplate and sentences."""
from __future__ import annotations

from urllib.parse import urlparse

from helpers.ingest import boilerplate, dates, paragraphs, reading, rows, sentences
from helpers.model.types import Document, Sentence


def outlet_from(meta: dict, credit: str) -> str:
    """The outlet: front matter or HTML metadata, else a credit line, else the URL's host."""
    for key in ("outlet", "publisher", "site_name", "source"):
        if meta.get(key):
            return meta[key]
    if credit:
        return credit
    url = meta.get("source_url") or meta.get("url") or ""
    host = urlparse(url).hostname or ""
    return host.removeprefix("www.")


def parse_document(path: str, doc_id: str) -> tuple[Document, list[tuple[str, str]], list[str]]:
    """Read, clean and split one file (or one table row, ``table.csv#row=N...``). Raises ``reading.UnreadableDocument`` on bad input."""
    source = rows.row_source(path) if rows.is_row_address(path) else reading.read_source(path)
    return parse_source(source, doc_id)


def parse_text(text: str, doc_id: str = "text") -> Document:
    """A Document from plain text (first line the title): for tests and interactive use."""
    return parse_source(reading.parse_plain(reading.normalise_text(text)), doc_id)[0]


def parse_source(source: reading.Source, doc_id: str) -> tuple[Document, list[tuple[str, str]], list[str]]:
    """Clean and split a decoded source into a Document; returns it with removed boilerplate and notes."""
    date, date_source, date_note = dates.publication_date(source.meta, source.lines)
    meta = {k: v for k, v in source.meta.items() if not k.startswith("html_date:") and k != "column_date"}
    meta["date"], meta["date_source"] = date, date_source
    notes = source.notes + ([date_note] if date_note else [])
    cleaned = boilerplate.remove_boilerplate(paragraphs.paragraphs(source.lines))
    if not cleaned.kept:
        raise reading.UnreadableDocument("no body text after removing boilerplate")
    body = sentences.join_paragraphs(cleaned.kept)
    sents = [
        Sentence(i, para_id, start, end, body[start:end])
        for i, (para_id, start, end) in enumerate(sentences.sentence_spans(cleaned.kept), start=1)
    ]
    doc = Document(
        doc_id=doc_id,
        title=source.title,
        body=body,
        paragraphs=cleaned.kept,
        sentences=sents,
        outlet=outlet_from(meta, cleaned.outlet),
        meta=meta,
    )
    return doc, source.removed + cleaned.removed, notes
