"""The per-document function: one file in, rows for every table out.

``analyse_file`` is pure (it reads one file and the curated data files, and returns
rows), so any executor -- a loop, a process pool, dask -- can map it over a corpus.
"""
from __future__ import annotations

import functools
import logging
from dataclasses import dataclass, field
from typing import Callable

from helpers.analyse import sentiment, stance
from helpers.extract import actors, events, facts, quotes
from helpers.ingest import reading
from helpers.ingest.parse import parse_document, parse_text
from helpers.model.schema import empty_rows
from helpers.model.types import Document

log = logging.getLogger(__name__)


@dataclass
class Result:
    """Everything one file yields: status for the manifest and rows per table."""

    status: str
    reason: str
    rows: dict[str, list[dict]] = field(default_factory=empty_rows)


#: Analysers run in order on a parsed Document and append rows to the tables they own;
#: a later analyser may read earlier rows (stance reads mentions and quotes).
Analyser = Callable[[Document, dict[str, list[dict]]], None]


def analyse_text(text: str, doc_id: str = "text") -> dict[str, list[dict]]:
    """Rows of every table for a piece of plain text (first line the title)."""
    doc = parse_text(text, doc_id)
    rows = empty_rows()
    for analyser in default_analysers():
        analyser(doc, rows)
    return rows


@functools.lru_cache(maxsize=1)
def default_analysers() -> tuple[Analyser, ...]:
    """Extraction, sentiment and stance analysers, in dependency order."""
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
        "date_source": doc.meta.get("date_source", "none"),
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
