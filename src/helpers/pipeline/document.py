"""The per-document function: one file in, rows for every table out.

``analyse_file`` is pure (it reads one file and the curated data files, and returns
rows), so any executor -- a loop, a process pool, dask -- can map it over a corpus.
"""
from __future__ import annotations

import functools
import logging
import re
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


_PARTIAL_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


@dataclass(frozen=True)
class Selection:
    """Which documents a run keeps: a date range and a list of outlets (empty: no limit).

    ``since`` and ``until`` are ISO dates, whole or in part ("2022", "2022-02", "2022-02-24"),
    compared with as many characters of the document's date, so "until 2022-02" keeps all of
    February. ``outlets`` are matched whole, ignoring case and surrounding spaces. A document
    outside the selection is parsed (its date and outlet come from the text) but not analysed,
    and the manifest says why; an undated document is outside any date range.
    """

    since: str = ""
    until: str = ""
    outlets: tuple[str, ...] = ()

    @classmethod
    def parse(cls, since: str = "", until: str = "", outlets: str | tuple[str, ...] = "") -> "Selection":
        """From the run's parameters (outlets "|"-separated); a malformed date raises ValueError."""
        since, until = str(since or "").strip(), str(until or "").strip()
        for name, value in (("since", since), ("until", until)):
            if value and not _PARTIAL_DATE.fullmatch(value):
                raise ValueError(f"{name}={value!r} is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")
        if since and until and since[:min(len(since), len(until))] > until[:min(len(since), len(until))]:
            raise ValueError(f"since={since} is after until={until}: no document could be kept")
        names = outlets.split("|") if isinstance(outlets, str) else outlets
        return cls(since, until, tuple(dict.fromkeys(n.strip() for n in names if n and n.strip())))

    def __bool__(self) -> bool:
        return bool(self.since or self.until or self.outlets)

    def describe(self) -> str:
        """The selection in words, for the manifest's reasons and the brief."""
        parts = []
        if self.since or self.until:
            parts.append(f"dated {self.since or 'any time'} to {self.until or 'any time'}")
        if self.outlets:
            parts.append(f"from {', '.join(self.outlets)}")
        return " and ".join(parts)

    def excludes(self, date: str, outlet: str) -> str:
        """Why a document with this date and outlet is left out ("" when it is kept)."""
        if self.since or self.until:
            date = str(date or "").strip()
            if not _PARTIAL_DATE.match(date):
                return f"not selected: no date (the run keeps documents {self.describe()})"
            if (self.since and date[:len(self.since)] < self.since) or (self.until and date[:len(self.until)] > self.until):
                return f"not selected: outside the dates (the run keeps documents {self.describe()})"
        if self.outlets:
            wanted = {o.casefold() for o in self.outlets}
            if str(outlet or "").strip().casefold() not in wanted:
                return f"not selected: another outlet (the run keeps documents {self.describe()})"
        return ""


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


def analyse_file(path: str, doc_id: str, analysers: list[Analyser] | None = None, *,
                 select: Selection | None = None) -> Result:
    """Parse one file and run every analyser on it; bad input gives a skipped Result, never an exception.

    With ``select``, a document outside the selection (date range, outlets) is skipped with the reason."""
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
    if select:
        why = select.excludes(doc.meta.get("date", ""), doc.outlet)
        if why:
            return Result("skipped", why)
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
