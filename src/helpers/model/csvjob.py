"""Write the processed CSV copies of some tables in a background process.

Notebook 01 publishes each analysed table as Parquet, which every later notebook reads, and
the CSV copy for researchers' own tools. Writing CSV is most of the cost of publishing a large
corpus (pandas formats every value), and nothing in the run reads it; so notebook 01 can leave it
to a process of its own, which runs on the core the later notebooks (one kernel at a time) leave
idle. The runner waits for it before it calls the run done, so ``make`` still ends with every
file written, and a failure still fails the run.

The job holds an exclusive ``flock`` on ``data/processed/.csv-job.lock`` from before it starts
(the starting process takes the lock and hands the descriptor over) until it exits, however it
exits; :func:`wait` takes the same lock, so it returns exactly when the job is over, and then
reads ``.csv-job.failed``, which the job writes when a table could not be written. A second job
on the same build waits for the first.

    python -m helpers.model.csvjob BUILD TABLE [TABLE...]     (what start() runs)
"""
from __future__ import annotations

import fcntl
import os
import subprocess
import sys
import traceback
from pathlib import Path

from helpers.model.tables import ANALYSED_TABLES, Layout, csv_from_parquet, stream_tables

LOCK = ".csv-job.lock"
FAILED = ".csv-job.failed"


def _paths(layout: Layout) -> tuple[Path, Path]:
    layout.processed.mkdir(parents=True, exist_ok=True)
    return layout.processed / LOCK, layout.processed / FAILED


def publish(layout: Layout, tables=ANALYSED_TABLES, workers: int | None = None) -> dict[str, int]:
    """``stream_tables`` for the Parquet files now, and the CSV copies in the background (:func:`start`;
    :func:`wait` returns when they are written); returns rows per table."""
    sizes = stream_tables(layout, tables, workers, csv=False)
    start(layout, sorted(sizes, key=lambda t: -sizes[t]))
    return sizes


def start(layout: Layout, tables: list[str]) -> subprocess.Popen:
    """Start writing the CSV copies of ``tables`` (their Parquet files must be written) and return
    at once; the process runs in a session of its own, so it outlives the kernel that started it."""
    lock, failed = _paths(layout)
    fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)  # an earlier job on this build finishes first
        failed.unlink(missing_ok=True)
        env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(Path(__file__).parents[2]),
                                                                         os.environ.get("PYTHONPATH", "")])))
        return subprocess.Popen([sys.executable, "-m", "helpers.model.csvjob", str(layout.root), *tables,
                                 "--lock-fd", str(fd)], pass_fds=(fd,), start_new_session=True, env=env,
                                stdin=subprocess.DEVNULL)
    finally:
        os.close(fd)  # the job's inherited descriptor keeps the lock


def wait(layout: Layout) -> None:
    """Block until no CSV job runs on this build; raise RuntimeError if the last one failed."""
    lock, failed = _paths(layout)
    fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        if failed.exists():
            raise RuntimeError(f"writing the CSV tables failed: {failed.read_text(encoding='utf-8').strip()}")
    finally:
        os.close(fd)


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if "--lock-fd" in args:  # the lock the starter took, held until this process exits
        i = args.index("--lock-fd")
        del args[i:i + 2]
    root, tables = args[0], args[1:]
    layout = Layout(root)
    try:
        for table in tables:
            csv_from_parquet(layout, table)
    except BaseException as exc:  # recorded for wait(); the partial file is a .tmp nothing reads
        (layout.processed / FAILED).write_text(f"{exc.__class__.__name__}: {exc}\n{traceback.format_exc()}",
                                               encoding="utf-8")
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
