"""Account for every file in a corpus folder and map the per-document function over it.

``scan_corpus`` lists every file exactly once (hash, size, doc_id, or why it is
skipped); ``run_corpus`` maps ``document.analyse_file`` over the rest with an
executor (sequential, a local process pool, or dask) and streams rows into parts: the pool's
workers (``PartPool``) and dask's write them themselves, the sequential loop here.
"""
from __future__ import annotations

import errno
import functools
import gc
import hashlib
import logging
import os
import signal
import stat
import sys
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Iterable, Iterator

import pandas as pd

from helpers.pipeline.document import Result, Selection, analyse_file
from helpers.ingest import rows
from helpers.ingest.reading import SUPPORTED_SUFFIXES, UnreadableDocument, file_kind, read_bytes
from helpers.model.schema import empty_rows
from helpers.model.tables import Layout, PartWriter, default_workers, frame, write_part, write_table

log = logging.getLogger(__name__)

#: Skipped entries named one by one in the log (a notebook shows its log; the manifest has them all).
MAX_SKIPS_LOGGED = 50
#: Documents per Parquet part at most: bounds the memory a run (or a pool worker) holds at once.
DOCS_PER_PART = 500


@dataclass
class Entry:
    """One file (or one row of a table file) of the corpus as the manifest records it."""

    path: str  # relative to the corpus folder, POSIX separators; a table row is "table.csv#row=17"
    doc_id: str
    status: str  # "pending" until processed, then "processed" or "skipped"
    reason: str
    bytes: int
    sha256: str
    abspath: str = ""  # what the worker reads: the file, or the row's address
    signature: tuple = ()  # (size, mtime_ns, inode) at scan time: a change during the run is reported


def _sha256(path: Path) -> str:
    return hashlib.sha256(read_bytes(path)).hexdigest()


def _signature(st: os.stat_result) -> tuple:
    return (st.st_size, st.st_mtime_ns, st.st_ino)


def iter_paths(corpus_dir: Path, skipped: list[tuple[Path, str]]) -> Iterator[Path]:
    """Every name below the folder that is not a folder, in a stable (sorted) order.

    Symbolic links to folders are not followed (a link back up would loop): they go to
    ``skipped`` with a reason, as do sub-folders that cannot be listed.
    """
    def on_error(exc: OSError) -> None:
        skipped.append((Path(exc.filename or corpus_dir), f"cannot list folder ({exc.strerror or exc})"))

    for dirpath, dirnames, filenames in os.walk(corpus_dir, followlinks=False, onerror=on_error):
        here = Path(dirpath)
        for name in [d for d in dirnames if (here / d).is_symlink()]:
            dirnames.remove(name)
            skipped.append((here / name, "symbolic link to a folder (not followed)"))
        dirnames.sort()
        yield from (here / name for name in sorted(filenames))


def _classify(path: Path, root: Path | None = None) -> tuple[os.stat_result | None, str]:
    """(stat of what the path names, "") for a regular file (a symlink to one outside ``root`` is
    followed; one to a file inside is skipped, the file being read under its own name), else
    (None, why it is skipped). Never opens the file."""
    try:
        lst = os.lstat(path)
    except OSError as exc:
        return None, f"cannot read file ({exc.strerror or exc})"
    st = lst
    if stat.S_ISLNK(lst.st_mode):
        try:
            st = os.stat(path)
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                return None, "symbolic link loop (not followed)"
            if exc.errno == errno.ENOENT:
                return None, f"broken symbolic link (target {os.readlink(path)!r} missing)"
            return None, f"cannot follow symbolic link ({exc.strerror or exc})"
    kind = file_kind(st.st_mode)
    if kind:
        via = "symbolic link to a " if st is not lst else ""
        return None, f"not a regular file ({via}{kind}); not opened"
    if st is not lst and root is not None:
        target = path.resolve()
        if target.is_relative_to(root):
            return None, f"symbolic link to {target.relative_to(root).as_posix()} (read under that name)"
    return st, ""


def scan_corpus(corpus_dir: str | Path, text_column: str | None = None) -> list[Entry]:
    """The manifest before processing: every file (every row of a table file) once, unreadable
    kinds and duplicates skipped. ``corpus_dir`` may be a folder or a single file."""
    root = Path(corpus_dir).resolve()
    if root.is_dir():
        skipped_paths: list[tuple[Path, str]] = []
        paths = list(iter_paths(root, skipped_paths))
        base = root
    elif root.exists():
        skipped_paths, paths, base = [], [root], root.parent
    else:
        raise FileNotFoundError(f"corpus folder or file not found: {root}")
    entries: list[Entry] = []
    first_by_hash: dict[str, str] = {}
    used_ids: set[str] = set()

    n_skipped = [0]

    def skip(rel: str, reason: str, abspath: str = "", size: int = 0, digest: str = "") -> None:
        n_skipped[0] += 1
        if n_skipped[0] <= MAX_SKIPS_LOGGED:  # every skip is in the manifest; the log shows the first ones
            log.warning("skipped %s: %s", rel, reason)
        elif n_skipped[0] == MAX_SKIPS_LOGGED + 1:
            log.warning("more entries skipped: the manifest lists each with its reason")
        entries.append(Entry(rel, "", "skipped", reason, size, digest, abspath))

    def add(rel: str, stem: str, size: int, digest: str, abspath: str, signature: tuple) -> None:
        if digest in first_by_hash:
            skip(rel, f"duplicate of {first_by_hash[digest]}", abspath, size, digest)
            return
        first_by_hash[digest] = rel
        entries.append(Entry(rel, _unique_id(stem, digest, used_ids), "pending", "", size, digest, abspath,
                             signature))

    for path, reason in skipped_paths:
        skip(path.relative_to(base).as_posix() if path != base else path.name, reason, str(path))
    for path in paths:
        rel = path.relative_to(base).as_posix()
        st, reason = _classify(path, root if root.is_dir() else None)
        if st is None:
            skip(rel, reason, str(path))
            continue
        suffix = path.suffix.lower()
        if suffix in rows.TABLE_SUFFIXES:
            _scan_table(path, rel, st, text_column, skip, add)
            continue
        if suffix not in SUPPORTED_SUFFIXES:
            skip(rel, f"unsupported file type '{suffix or path.name}'", str(path), st.st_size)
            continue
        try:
            digest = _sha256(path)
        except (OSError, UnreadableDocument) as exc:
            skip(rel, f"cannot read file ({getattr(exc, 'strerror', None) or exc})", str(path), st.st_size)
            continue
        if st.st_size == 0:
            skip(rel, "empty file", str(path), 0, digest)
            continue
        add(rel, path.stem, st.st_size, digest, str(path), _signature(st))
    # a folder's own entries in path order, whatever was found first
    entries.sort(key=lambda e: _path_key(e.path))
    return entries


def _path_key(rel: str) -> tuple:
    """Sort key: folders' entries in name order, a table's rows by number."""
    name, mark, number = rel.partition(rows.ROW_MARK)
    return (name.split("/")[:-1], name, int(number) if mark and number.isdigit() else 0)


def _scan_table(path: Path, rel: str, st: os.stat_result, text_column: str | None, skip, add) -> None:
    """One manifest entry per row of a table file (or one for the file if it cannot be read)."""
    try:
        columns, table_rows = rows.read_rows(str(path))
        column = rows.text_column(columns, text_column)
    except (OSError, UnreadableDocument) as exc:
        skip(rel, f"table not read: {getattr(exc, 'strerror', None) or exc}", str(path), st.st_size)
        return
    n = 0
    try:
        for row in table_rows:
            n += 1
            row_rel = f"{rel}{rows.ROW_MARK}{row.number}"
            address = rows.row_address(str(path), row.number, column)
            if row.fields is None:
                skip(row_rel, row.error, address)
                continue
            text = rows.row_text(row, column)
            if not text:
                skip(row_rel, f"no text in column '{column}'", address)
                continue
            data = text.encode("utf-8", "surrogatepass")
            stem = rows.row_id(row.fields) or f"{path.stem}-row{row.number}"
            add(row_rel, stem, len(data), hashlib.sha256(data).hexdigest(), address, _signature(st))
    except Exception as exc:  # a table that breaks off part-way (truncated Parquet): the rows read are kept
        skip(f"{rel}{rows.ROW_MARK}{n + 1}", f"table unreadable from this row on ({exc.__class__.__name__}: {exc})",
             str(path))
    if n == 0:
        skip(rel, "table has no rows", str(path), st.st_size)


def _unique_id(stem: str, digest: str, used: set[str]) -> str:
    doc_id = stem
    if doc_id in used:
        doc_id = f"{stem}__{digest[:8]}"
        log.warning("doc_id %s is taken by another file; using %s", stem, doc_id)
    used.add(doc_id)
    return doc_id


def manifest_frame(entries: Iterable[Entry]) -> pd.DataFrame:
    return frame("manifest", [{k: v for k, v in asdict(e).items() if k not in ("abspath", "signature")}
                              for e in entries])


#: The time budget of one document: a floor plus so many seconds per 100 KB of input (see
#: scripts/bench.py "cost_per_char": analysis costs well under a second per 100 KB of prose).
BUDGET_FLOOR_S = 10.0
BUDGET_PER_100KB_S = 5.0


def time_budget(size: int, floor: float = BUDGET_FLOOR_S, per_100kb: float = BUDGET_PER_100KB_S) -> float:
    """Seconds one document of ``size`` bytes may take before it is skipped as timed out."""
    return floor + per_100kb * max(0, size) / 100_000


def _timed_out(budget: float) -> Result:
    return Result("skipped", f"timed out after {budget:.0f} s" if budget >= 1 else f"timed out after {budget:g} s")


def _analyse(item: tuple[str, str]) -> Result:
    return analyse_file(*item)


def _analyse_selected(item: tuple[str, str], select: Selection) -> Result:
    return analyse_file(*item, select=select)


class DocumentTimeout(BaseException):
    """Raised by the alarm in the sequential executor (a BaseException: analysers catch Exception)."""


def _run_with_alarm(func, item, budget: float) -> Result:
    """``func(item)`` in this process, interrupted after ``budget`` seconds by SIGALRM where that
    works (the main thread of a Unix process); elsewhere without a limit. An alarm interrupts Python
    code, not a long call inside a C extension: the process pool kills such a worker instead."""
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable or budget <= 0:
        return func(item)

    def on_alarm(signum, frame):
        raise DocumentTimeout()

    previous = signal.signal(signal.SIGALRM, on_alarm)
    try:
        signal.setitimer(signal.ITIMER_REAL, budget)
        try:
            return func(item)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
    except DocumentTimeout:
        log.warning("skipped %s: timed out after %g s", item[0], budget)
        return _timed_out(budget)
    finally:
        signal.signal(signal.SIGALRM, previous)


class _Collect(logging.Handler):
    """A worker's log records, kept as (logger, level, text) to be sent back with its result: the
    parent logs them in input order, so a run's log (and a notebook's output) does not depend on
    which worker finished first."""

    def __init__(self) -> None:
        super().__init__(logging.NOTSET)
        self.records: list[tuple[str, int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        text = record.getMessage()
        if record.exc_info:
            text += "\n" + logging.Formatter().formatException(record.exc_info)
        self.records.append((record.name, record.levelno, text))

    def take(self) -> list[tuple[str, int, str]]:
        records, self.records = self.records, []
        return records


def _replay(records: list[tuple[str, int, str]]) -> None:
    for name, level, text in records:
        logging.getLogger(name).log(level, "%s", text)


#: The cyclic collector's thresholds in a pool worker (CPython's default: 700, 10, 10). A worker
#: allocates millions of short-lived containers (tokens, spans, mentions); with the default every
#: 700 net allocations start a young collection, and each tenth of those an older one over the
#: long-lived heap (dictionaries, lexicons, memos). A larger first threshold makes both rarer. The
#: rows a worker keeps for a part are dicts of strings and numbers, which the collector does not
#: track, so they cost it nothing either way. No result depends on it. Measured with
#: scripts/worker_gc.py (the collector's own time, from gc.callbacks). Dask workers keep the default.
WORKER_GC_THRESHOLDS = (10_000, 10, 10)


def _worker_start() -> "_Collect":
    """In a pool worker: leave Ctrl-C to the parent (which kills the workers), set the collector's
    thresholds (:data:`WORKER_GC_THRESHOLDS`) and collect the log records, to be sent back with
    each result."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    gc.set_threshold(*WORKER_GC_THRESHOLDS)
    collect = _Collect()
    root = logging.getLogger()
    level = root.getEffectiveLevel()
    root.handlers = [collect]
    root.setLevel(level)
    return collect


def _messages(conn) -> Iterator:
    """What the parent sends a worker, until None or a closed pipe."""
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        yield message


def _worker_loop(conn, func) -> None:
    """A pool worker: analyse each item sent, send the result back with its log; stop on None."""
    collect = _worker_start()
    for message in _messages(conn):
        index, item = message
        try:
            result = func(item)
        except Exception as exc:  # analyse_file never raises; a custom func might
            result = Result("skipped", f"error: {exc.__class__.__name__}: {exc}")
        conn.send((index, result, collect.take()))


def _kill_worker(worker: dict) -> None:
    """End a pool worker (killed if still running) and close its pipe."""
    proc = worker["proc"]
    if proc.is_alive():
        proc.kill()
    proc.join(5)
    worker["conn"].close()


def _stop_workers(idle: list[dict], busy: list[dict]) -> None:
    """Ask the idle workers to stop, give them a moment, and end every worker."""
    for worker in idle:
        try:
            worker["conn"].send(None)
        except OSError:
            pass
    for worker in idle + busy:
        worker["proc"].join(0.5 if worker in idle else 0)
        _kill_worker(worker)


def _in_order(done: dict, next_out: int):
    """Yield the finished results from ``next_out`` on while they follow each other (replaying
    each one's log first); return the index of the first still missing."""
    while next_out in done:
        result, records = done.pop(next_out)
        _replay(records)
        yield result
        next_out += 1
    return next_out


class WatchdogPool:
    """Worker processes, one document at a time each, with a deadline per document.

    A worker that overruns its document's budget is killed and replaced (a stuck regex
    cannot be interrupted from inside), and the document is skipped as timed out; a worker
    that dies is replaced and its document skipped with the exit code. Results come back
    in input order.
    """

    def __init__(self, workers: int, func=_analyse):
        import multiprocessing as mp

        self.ctx = mp.get_context("fork")
        self.func = func
        self.workers = max(1, workers)
        self.procs: list = []

    def _spawn(self):
        parent, child = self.ctx.Pipe()
        proc = self.ctx.Process(target=_worker_loop, args=(child, self.func), daemon=True)
        proc.start()
        child.close()
        return {"proc": proc, "conn": parent, "task": None, "deadline": 0.0, "budget": 0.0}


    def imap(self, items: list[tuple[str, str]], budgets: list[float]) -> Iterator[Result]:
        from multiprocessing.connection import wait

        pending = iter(range(len(items)))
        done: dict[int, Result] = {}
        next_out = 0
        idle = [self._spawn() for _ in range(min(self.workers, len(items)))]
        busy: list[dict] = []
        self.procs = idle + busy
        try:
            while next_out < len(items):
                while idle:
                    index = next(pending, None)
                    if index is None:
                        break
                    worker = idle.pop()
                    worker["task"], worker["budget"] = index, budgets[index]
                    worker["deadline"] = time.monotonic() + budgets[index]
                    worker["conn"].send((index, items[index]))
                    busy.append(worker)
                if not busy:
                    break
                first = min(w["deadline"] for w in busy)
                timeout = None if first == float("inf") else max(0.0, first - time.monotonic())  # no budget: wait
                ready = wait([w["conn"] for w in busy], timeout=timeout)
                now = time.monotonic()
                for worker in list(busy):
                    index = worker["task"]
                    if worker["conn"] in ready:
                        try:
                            got, result, records = worker["conn"].recv()
                        except (EOFError, OSError):
                            worker["proc"].join(5)
                            code = worker["proc"].exitcode
                            done[index] = (Result("skipped", f"worker process died while analysing (exit code {code})"),
                                           [(log.name, logging.WARNING, f"skipped {items[index][0]}: worker process "
                                             f"died (exit code {code}); worker replaced")])
                            busy.remove(worker)
                            _kill_worker(worker)
                            idle.append(self._spawn())
                            continue
                        done[got] = (result, records)
                        busy.remove(worker)
                        idle.append(worker)
                    elif now >= worker["deadline"]:
                        done[index] = (_timed_out(worker["budget"]),
                                       [(log.name, logging.WARNING, f"skipped {items[index][0]}: timed out after "
                                         f"{worker['budget']:g} s; worker replaced")])
                        busy.remove(worker)
                        _kill_worker(worker)
                        idle.append(self._spawn())
                self.procs = idle + busy
                next_out = yield from _in_order(done, next_out)
        finally:
            _stop_workers(idle, busy)


def map_local(items: list[tuple[str, str]], workers: int, budgets: list[float] | None = None,
              func=_analyse) -> Iterator[Result]:
    """Results (with their rows) in input order; a process pool when it pays (more than a few documents).

    Each document gets its budget (seconds, ``budgets[i]``; none when ``budgets`` is None):
    a pool worker that overruns is killed and replaced, the sequential loop uses an alarm.
    (``run_corpus`` uses :class:`PartPool` instead, whose workers write the parts themselves.)
    """
    if budgets is None:
        budgets = [0.0] * len(items)
    if not uses_pool(len(items), workers):
        for item, budget in zip(items, budgets):
            yield _run_with_alarm(func, item, budget)
        return
    yield from WatchdogPool(workers, func).imap(items, [b if b > 0 else float("inf") for b in budgets])


def uses_pool(n_items: int, workers: int) -> bool:
    """Whether a process pool pays for ``n_items`` documents (else they are analysed in this process)."""
    return workers > 1 and n_items >= 4 * workers


#: The smallest run of documents a pool worker is given at once (see :func:`chunk_sizes`).
MIN_CHUNK = 20


def chunk_sizes(n_items: int, workers: int, docs_per_part: int, min_chunk: int = MIN_CHUNK) -> list[int]:
    """The lengths of the consecutive runs of documents (one part each) a pool of ``workers`` is given.

    Guided scheduling (as OpenMP's ``schedule(guided)``): each run is the remaining documents
    divided by twice the workers, at most ``docs_per_part`` (the memory bound) and at least
    ``min_chunk`` (a part costs a fixed few milliseconds per table to write). Runs shrink towards
    the end, so no worker is left with a long run while the others have nothing to do."""
    sizes: list[int] = []
    cap = max(1, docs_per_part)
    floor = min(cap, max(1, min_chunk))
    remaining = n_items
    while remaining > 0:
        size = min(remaining, cap, max(floor, -(-remaining // (2 * max(1, workers)))))
        sizes.append(size)
        remaining -= size
    return sizes


def _part_worker_loop(conn, func, staging: str) -> None:
    """A part-pool worker: for each run of documents sent, analyse them one by one (sending each
    one's status and log back as it finishes, so the parent can keep the time budget), then write
    their rows as one part; stop on None. Rows never travel to the parent."""
    collect = _worker_start()
    for message in _messages(conn):
        part, run = message
        buffer = empty_rows()
        for index, item, preset in run:
            if preset is not None:  # decided by the parent (timed out or crashed in an earlier attempt)
                result = preset
            else:
                try:
                    result = func(item)
                except Exception as exc:  # analyse_file never raises; a custom func might
                    result = Result("skipped", f"error: {exc.__class__.__name__}: {exc}")
                for table, table_rows in result.rows.items():
                    buffer.setdefault(table, []).extend(table_rows)
            conn.send(("doc", index, result.status, result.reason, collect.take()))
        try:
            write_part(Path(staging), part, buffer)
        except Exception as exc:  # a full disk: the parent raises it
            conn.send(("failed", part, exc))
            continue
        conn.send(("part", part, None))


class PartPool:
    """Worker processes that analyse runs of consecutive documents and write each run as a part.

    The parent sends a run (see :func:`chunk_sizes`) to an idle worker and gets back only each
    document's status, reason and log; the worker writes the run's rows itself (``write_part``),
    so the parent neither unpickles rows nor builds tables, and never keeps the workers waiting.
    Each document still has its deadline: a worker that overruns one is killed and replaced,
    the document is skipped as timed out, and its run is given again with that document's
    verdict fixed (the documents before it are analysed again: the same rows). A worker that
    dies is handled the same way, its document skipped with the exit code. Statuses come back
    in input order.
    """

    def __init__(self, workers: int, func=_analyse, staging: Path | str = ""):
        import multiprocessing as mp

        self.ctx = mp.get_context("fork")
        self.func = func
        self.staging = str(staging)
        self.workers = max(1, workers)

    def _spawn(self) -> dict:
        parent, child = self.ctx.Pipe()
        proc = self.ctx.Process(target=_part_worker_loop, args=(child, self.func, self.staging), daemon=True)
        proc.start()
        child.close()
        return {"proc": proc, "conn": parent, "run": None, "next": 0, "deadline": 0.0}


    def imap(self, items: list[tuple[str, str]], budgets: list[float], sizes: list[int]) -> Iterator[Result]:
        """Results without rows (status and reason), in input order; every part written when it ends."""
        from collections import deque
        from multiprocessing.connection import wait

        runs: deque = deque()
        start = 0
        for part, size in enumerate(sizes):
            runs.append((part, list(range(start, start + size))))
            start += size
        presets: dict[int, Result] = {}
        preset_logs: dict[int, list] = {}
        done: dict[int, tuple[Result, list]] = {}
        parts_left = len(sizes)
        next_out = 0
        idle = [self._spawn() for _ in range(min(self.workers, len(sizes)))]
        busy: list[dict] = []

        def deadline(index: int) -> float:
            return time.monotonic() + budgets[index]

        def give(worker: dict) -> None:
            part, indices = runs.popleft()
            worker["run"], worker["next"] = (part, indices), 0
            worker["deadline"] = deadline(indices[0]) if indices[0] not in presets else float("inf")
            worker["conn"].send((part, [(i, items[i], presets.get(i)) for i in indices]))
            busy.append(worker)

        def lost(worker: dict, why: Result, note: str) -> None:
            """The worker is gone mid-run: fix the verdict of the document it was on, give the run again."""
            part, indices = worker["run"]
            if worker["next"] < len(indices):
                index = indices[worker["next"]]
                presets[index] = why
                preset_logs[index] = [(log.name, logging.WARNING, f"skipped {items[index][0]}: {note}")]
            else:  # it died writing the part: that is not a document's fault
                raise RuntimeError(f"a worker died writing part {part} (exit code {worker['proc'].exitcode})")
            runs.appendleft((part, indices))
            busy.remove(worker)
            _kill_worker(worker)
            idle.append(self._spawn())

        try:
            while next_out < len(items) or parts_left:
                while idle and runs:
                    give(idle.pop())
                if not busy:
                    break
                first = min(w["deadline"] for w in busy)
                timeout = None if first == float("inf") else max(0.0, first - time.monotonic())
                ready = wait([w["conn"] for w in busy], timeout=timeout)
                now = time.monotonic()
                for worker in list(busy):
                    if worker["conn"] in ready:
                        try:
                            message = worker["conn"].recv()
                        except (EOFError, OSError):
                            worker["proc"].join(5)
                            code = worker["proc"].exitcode
                            lost(worker, Result("skipped", f"worker process died while analysing (exit code {code})"),
                                 f"worker process died (exit code {code}); worker replaced")
                            continue
                        kind, key, *rest = message
                        if kind == "doc":
                            status, reason, records = rest
                            if key >= next_out:  # not a document given again after its result was out
                                done[key] = (Result(status, reason), preset_logs.get(key, records))
                            part, indices = worker["run"]
                            worker["next"] += 1
                            following = indices[worker["next"]] if worker["next"] < len(indices) else None
                            worker["deadline"] = (float("inf") if following is None or following in presets
                                                  else deadline(following))
                        elif kind == "part":
                            parts_left -= 1
                            worker["run"] = None
                            busy.remove(worker)
                            idle.append(worker)
                        else:  # "failed": writing the part raised; so does the run
                            raise rest[0]
                    elif now >= worker["deadline"]:
                        budget = budgets[worker["run"][1][worker["next"]]]
                        lost(worker, _timed_out(budget), f"timed out after {budget:g} s; worker replaced")
                next_out = yield from _in_order(done, next_out)
        finally:
            _stop_workers(idle, busy)


def _progress(iterable, total: int, desc: str):
    """A progress bar on a terminal only: in a notebook its timings would make every run's output differ."""
    if not getattr(sys.stderr, "isatty", lambda: False)():
        return iterable
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
    text_column: str | None = None,
    budget_floor: float = BUDGET_FLOOR_S,
    budget_per_100kb: float = BUDGET_PER_100KB_S,
    func=None,
    select: Selection | None = None,
) -> pd.DataFrame:
    """Scan, analyse every readable file, write interim parts and the manifest; return the manifest.

    ``corpus_dir`` is a folder (of article files and table files, mixed) or one file; a table's
    text column is ``text_column`` or the first of text/body/content. Each document has a time
    budget of ``budget_floor + budget_per_100kb * size / 100 KB`` seconds (local and sequential
    executors; 0 for both means none). ``func`` replaces ``analyse_file`` (for tests). ``select``
    (``document.Selection``) keeps only the documents of a date range or of some outlets; the
    others are listed in the manifest as skipped, with the selection in the reason."""
    layout = Layout(build_dir).make()
    entries = scan_corpus(corpus_dir, text_column or None)
    pending = [e for e in entries if e.status == "pending"]
    items = [(e.abspath, e.doc_id) for e in pending]
    budgets = [time_budget(e.bytes, budget_floor, budget_per_100kb) if (budget_floor or budget_per_100kb) else 0.0
               for e in pending]
    log.info("%d entries: %d to analyse, %d skipped", len(entries), len(pending), len(entries) - len(pending))
    writer = PartWriter(layout.parts)
    if select:
        log.info("selection: documents %s", select.describe())
    func = func or (functools.partial(_analyse_selected, select=select) if select else _analyse)
    if executor == "local":
        statuses = _run_local(items, writer, workers or default_workers(), docs_per_part, progress, budgets, func)
    elif executor == "dask":
        from helpers.pipeline.distributed import run_dask

        statuses = run_dask(items, writer.staging, dask_address, docs_per_part, select=select or None)
    elif executor == "sequential":
        statuses = _run_local(items, writer, 1, docs_per_part, progress, budgets, func)
    else:
        raise ValueError(f"unknown executor {executor!r}: use local, sequential or dask")
    for entry, (status, reason) in zip(pending, statuses):
        entry.status, entry.reason = status, reason
        change = _changed(entry)
        if change:
            log.warning("%s: %s", entry.path, change)
            entry.reason = "; ".join(filter(None, [entry.reason, change]))
    if not pending:
        write_part(writer.staging, 0, empty_rows())
    writer.publish()
    manifest = manifest_frame(entries)
    write_table(layout, "manifest", manifest)
    return manifest


def _changed(entry: Entry) -> str:
    """Why a file is not what the scan saw ("" when unchanged): removed or modified during the run."""
    path = entry.abspath.rsplit(rows.ROW_MARK, 1)[0] if rows.is_row_address(entry.abspath) else entry.abspath
    try:
        now = _signature(os.stat(path))
    except OSError:
        return "file removed during the run"
    if entry.signature and now != entry.signature:
        return "file changed during the run (the tables hold the version analysed; sha256 is of the scan)"
    return ""


def _run_local(items, writer: PartWriter, workers: int, docs_per_part: int, progress: bool,
               budgets: list[float] | None = None, func=_analyse) -> list[tuple[str, str]]:
    """Statuses in input order. With a pool (:class:`PartPool`) the workers write the parts;
    in this process (one worker, or a few documents) the rows are gathered and written here."""
    if budgets is None:
        budgets = [0.0] * len(items)
    if uses_pool(len(items), workers):
        sizes = chunk_sizes(len(items), workers, docs_per_part)
        results = PartPool(workers, func, writer.staging).imap(
            items, [b if b > 0 else float("inf") for b in budgets], sizes)
        if progress:
            results = _progress(results, len(items), "documents")
        return [(result.status, result.reason) for result in results]
    statuses: list[tuple[str, str]] = []
    buffer = empty_rows()
    in_buffer = 0
    part = 0
    results = map_local(items, 1, budgets, func)
    if progress:
        results = _progress(results, len(items), "documents")
    for result in results:
        statuses.append((result.status, result.reason))
        for table, table_rows in result.rows.items():
            buffer[table].extend(table_rows)
        in_buffer += 1
        if in_buffer >= docs_per_part:
            writer.write(part, buffer)
            part, buffer, in_buffer = part + 1, empty_rows(), 0
    if in_buffer:
        writer.write(part, buffer)
    return statuses
