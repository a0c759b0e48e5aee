"""Account for every file in a corpus folder and map the per-document function over it.

``scan_corpus`` lists every file exactly once (hash, size, doc_id, or why it is
skipped); ``run_corpus`` maps ``document.analyse_file`` over the rest with an
executor (sequential, a local process pool, or dask) and streams rows into parts.
"""
from __future__ import annotations

import hashlib
import logging
import os
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Iterable, Iterator

import pandas as pd

from helpers.pipeline.document import Result, analyse_file
from helpers.ingest.reading import SUPPORTED_SUFFIXES
from helpers.model.schema import empty_rows
from helpers.model.tables import Layout, PartWriter, frame, write_part, write_table

log = logging.getLogger(__name__)

#: Documents per Parquet part: bounds the memory a run holds at once.
DOCS_PER_PART = 500


@dataclass
class Entry:
    """One file of the corpus as the manifest records it."""

    path: str  # relative to the corpus folder, POSIX separators
    doc_id: str
    status: str  # "pending" until processed, then "processed" or "skipped"
    reason: str
    bytes: int
    sha256: str
    abspath: str = ""


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def iter_files(corpus_dir: Path) -> Iterator[Path]:
    """Every regular file below the folder, in a stable (sorted) order."""
    for dirpath, dirnames, filenames in os.walk(corpus_dir, followlinks=False):
        dirnames.sort()
        for name in sorted(filenames):
            yield Path(dirpath) / name


def scan_corpus(corpus_dir: str | Path) -> list[Entry]:
    """The manifest before processing: every file once, unreadable kinds and duplicates skipped."""
    corpus_dir = Path(corpus_dir).resolve()
    if not corpus_dir.is_dir():
        raise FileNotFoundError(f"corpus folder not found: {corpus_dir}")
    entries: list[Entry] = []
    first_by_hash: dict[str, str] = {}
    used_ids: set[str] = set()
    for path in iter_files(corpus_dir):
        rel = path.relative_to(corpus_dir).as_posix()
        try:
            size = path.stat().st_size
            digest = _sha256(path)
        except OSError as exc:
            log.warning("skipped %s: cannot read (%s)", rel, exc)
            entries.append(Entry(rel, "", "skipped", f"cannot read file ({exc})", 0, "", str(path)))
            continue
        entry = Entry(rel, "", "pending", "", size, digest, str(path))
        suffix = path.suffix.lower()
        if suffix not in SUPPORTED_SUFFIXES:
            entry.status, entry.reason = "skipped", f"unsupported file type '{suffix or path.name}'"
        elif size == 0:
            entry.status, entry.reason = "skipped", "empty file"
        elif digest in first_by_hash:
            entry.status, entry.reason = "skipped", f"duplicate of {first_by_hash[digest]}"
        else:
            first_by_hash[digest] = rel
            entry.doc_id = _unique_id(path.stem, digest, used_ids)
        if entry.status == "skipped":
            log.warning("skipped %s: %s", rel, entry.reason)
        entries.append(entry)
    return entries


def _unique_id(stem: str, digest: str, used: set[str]) -> str:
    doc_id = stem
    if doc_id in used:
        doc_id = f"{stem}__{digest[:8]}"
        log.warning("doc_id %s is taken by another file; using %s", stem, doc_id)
    used.add(doc_id)
    return doc_id


def manifest_frame(entries: Iterable[Entry]) -> pd.DataFrame:
    return frame("manifest", [{k: v for k, v in asdict(e).items() if k != "abspath"} for e in entries])


def _analyse(item: tuple[str, str]) -> Result:
    return analyse_file(*item)


def default_workers() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def map_local(items: list[tuple[str, str]], workers: int) -> Iterator[Result]:
    """Results in input order; a process pool when it pays (more than a few documents)."""
    if workers <= 1 or len(items) < 4 * workers:
        yield from map(_analyse, items)
        return
    import multiprocessing as mp

    chunksize = max(1, min(64, len(items) // (workers * 8)))
    with mp.get_context("fork").Pool(workers) as pool:
        yield from pool.imap(_analyse, items, chunksize=chunksize)


def _progress(iterable, total: int, desc: str):
    try:
        from tqdm import tqdm
    except ImportError:  # pragma: no cover
        return iterable
    return tqdm(iterable, total=total, desc=desc, unit="doc", mininterval=1.0)


def run_corpus(
    corpus_dir: str | Path,
    build_dir: str | Path,
    executor: str = "local",
    workers: int | None = None,
    dask_address: str | None = None,
    docs_per_part: int = DOCS_PER_PART,
    progress: bool = True,
) -> pd.DataFrame:
    """Scan, analyse every readable file, write interim parts and the manifest; return the manifest."""
    layout = Layout(build_dir).make()
    entries = scan_corpus(corpus_dir)
    pending = [e for e in entries if e.status == "pending"]
    items = [(e.abspath, e.doc_id) for e in pending]
    log.info("%d files: %d to analyse, %d skipped", len(entries), len(pending), len(entries) - len(pending))
    writer = PartWriter(layout.parts)
    if executor == "local":
        statuses = _run_local(items, writer, workers or default_workers(), docs_per_part, progress)
    elif executor == "dask":
        from helpers.pipeline.distributed import run_dask

        statuses = run_dask(items, writer.staging, dask_address, docs_per_part)
    elif executor == "sequential":
        statuses = _run_local(items, writer, 1, docs_per_part, progress)
    else:
        raise ValueError(f"unknown executor {executor!r}: use local, sequential or dask")
    for entry, (status, reason) in zip(pending, statuses):
        entry.status, entry.reason = status, reason
    if not pending:
        write_part(writer.staging, 0, empty_rows())
    writer.publish()
    manifest = manifest_frame(entries)
    write_table(layout, "manifest", manifest)
    return manifest


def _run_local(items, writer: PartWriter, workers: int, docs_per_part: int, progress: bool) -> list[tuple[str, str]]:
    statuses: list[tuple[str, str]] = []
    buffer = empty_rows()
    in_buffer = 0
    part = 0
    results = map_local(items, workers)
    if progress:
        results = _progress(results, len(items), "documents")
    for result in results:
        statuses.append((result.status, result.reason))
        for table, rows in result.rows.items():
            buffer[table].extend(rows)
        in_buffer += 1
        if in_buffer >= docs_per_part:
            writer.write(part, buffer)
            part, buffer, in_buffer = part + 1, empty_rows(), 0
    if in_buffer:
        writer.write(part, buffer)
    return statuses
