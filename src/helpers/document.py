"""The per-document function: one file in, rows for every table out.

``analyse_file`` is pure (it reads one file and the curated data files, and returns
rows), so any executor -- a loop, a process pool, dask -- can map it over a corpus.
"""
from __future__ import annotations

import functools
import logging
from dataclasses import dataclass, field
from typing import Callable
from urllib.parse import urlparse

from . import boilerplate, paragraphs, reading, sentences
from .schema import empty_rows

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Sentence:
    sent_id: int  # 0 is the title
    para_id: int  # 0 is the title
    start: int
    end: int
    text: str


@dataclass
class Document:
    """A parsed article: clean body text and its sentences (offsets into ``body``)."""

    doc_id: str
    title: str
    body: str
    paragraphs: list[str]
    sentences: list[Sentence]
    outlet: str = ""
    meta: dict = field(default_factory=dict)
    #: Structured results analysers share within one document (e.g. resolved mentions).
    cache: dict = field(default_factory=dict)

    @property
    def title_sentence(self) -> Sentence:
        return Sentence(0, 0, 0, len(self.title), self.title)

    def units(self) -> list[Sentence]:
        """The title (sent_id 0) then the body sentences: what extraction reads."""
        return ([self.title_sentence] if self.title else []) + self.sentences


@dataclass
class Result:
    """Everything one file yields: status for the manifest and rows per table."""

    status: str
    reason: str
    rows: dict[str, list[dict]] = field(default_factory=empty_rows)


#: Analysers run in order on a parsed Document and append rows to the tables they own;
#: a later analyser may read earlier rows (stance reads mentions and quotes).
Analyser = Callable[[Document, dict[str, list[dict]]], None]


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
    """Read, clean and split one file. Raises ``reading.UnreadableDocument`` on bad input."""
    return parse_source(reading.read_source(path), doc_id)


def parse_text(text: str, doc_id: str = "text") -> Document:
    """A Document from plain text (first line the title): for tests and interactive use."""
    return parse_source(reading.parse_plain(reading.normalise_text(text)), doc_id)[0]


def analyse_text(text: str, doc_id: str = "text") -> dict[str, list[dict]]:
    """Rows of every table for a piece of plain text (first line the title)."""
    doc = parse_text(text, doc_id)
    rows = empty_rows()
    for analyser in default_analysers():
        analyser(doc, rows)
    return rows


def parse_source(source: reading.Source, doc_id: str) -> tuple[Document, list[tuple[str, str]], list[str]]:
    """Clean and split a decoded source into a Document; returns it with removed boilerplate and notes."""
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
        outlet=outlet_from(source.meta, cleaned.outlet),
        meta=source.meta,
    )
    return doc, cleaned.removed, source.notes


@functools.lru_cache(maxsize=1)
def default_analysers() -> tuple[Analyser, ...]:
    """Extraction, sentiment and stance analysers, in dependency order."""
    from . import actors, events, facts, quotes, sentiment, stance

    return (actors.analyse, quotes.analyse, facts.analyse, events.analyse, sentiment.analyse, stance.analyse)


def analyse_file(path: str, doc_id: str, analysers: list[Analyser] | None = None) -> Result:
    """Parse one file and run every analyser on it; bad input gives a skipped Result, never an exception."""
    try:
        doc, removed, notes = parse_document(path, doc_id)
    except reading.UnreadableDocument as exc:
        log.warning("skipped %s: %s", path, exc)
        return Result("skipped", str(exc))
    except OSError as exc:
        log.warning("skipped %s: cannot read (%s)", path, exc)
        return Result("skipped", f"cannot read file ({exc.strerror or exc})")
    for note in notes:
        log.info("%s: %s", path, note)
    result = Result("processed", "; ".join(notes))
    rows = result.rows
    rows["articles"].append({
        "doc_id": doc_id,
        "title": doc.title,
        "outlet": doc.outlet,
        "date": doc.meta.get("date", ""),
        "source_url": doc.meta.get("source_url", ""),
        "n_paragraphs": len(doc.paragraphs),
        "n_sentences": len(doc.sentences),
        "n_boilerplate": len(removed),
        "n_chars": len(doc.body),
        "text": doc.body,
    })
    rows["boilerplate"].extend({"doc_id": doc_id, "line": line, "reason": reason} for line, reason in removed)
    rows["sentences"].extend(
        {"doc_id": doc_id, "sent_id": s.sent_id, "para_id": s.para_id, "start": s.start,
         "end": s.end, "text": s.text}
        for s in doc.sentences
    )
    for analyser in default_analysers() if analysers is None else analysers:
        try:
            analyser(doc, rows)
        except Exception as exc:  # one analyser's bug must not lose the document or the run
            name = getattr(analyser, "__module__", "analyser").rsplit(".", 1)[-1]
            log.exception("%s: %s analyser failed", path, name)
            result.reason = "; ".join(filter(None, [result.reason, f"error in {name}: {exc.__class__.__name__}: {exc}"]))
    return result
