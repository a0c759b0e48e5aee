#!/usr/bin/env python
"""What the cyclic garbage collector costs the pool's work, at given thresholds.

    PYTHONPATH=<tree>/src .venv/bin/python scripts/worker_gc.py FOLDER [N] [--thresholds A,B,C]

Does in this one process what the two ``PartPool`` workers do between them with a folder's
documents (the first N of its .md, .txt and .html files, sorted): analyses them in the runs
``chunk_sizes`` gives two workers, keeps each run's rows and writes them as a part (into a
temporary folder). One document is analysed first and not counted (dictionaries and lexicons
load then; the sentiment memo is emptied after it). Unlike a worker, this process was not forked
from a kernel, so it lacks the heap a worker inherits. ``--thresholds`` sets
``gc.set_threshold`` before the timed pass (default: the pipeline's ``WORKER_GC_THRESHOLDS``;
``700,10,10`` is CPython's default). Prints the CPU seconds of analysing and of writing, the
collector's own time (``gc.callbacks``, start to stop of every collection; part of the two CPU
times, not added to them), the collections per
generation and the process's peak resident memory. Run two settings at once, one per core, so
both see the same state of the machine; swap them and run again. The process's own thresholds
are restored at the end.
"""
from __future__ import annotations

import gc
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # the sibling script, run as a file or loaded by a test
from analyse_cpu import documents  # noqa: E402

from helpers.analyse import sentiment  # noqa: E402
from helpers.model.schema import empty_rows  # noqa: E402
from helpers.model.tables import write_part  # noqa: E402
from helpers.pipeline.corpus import DOCS_PER_PART, WORKER_GC_THRESHOLDS, chunk_sizes  # noqa: E402
from helpers.pipeline.document import analyse_file  # noqa: E402


def main(argv: list[str]) -> int:
    thresholds = WORKER_GC_THRESHOLDS
    if "--thresholds" in argv:
        i = argv.index("--thresholds")
        thresholds = tuple(int(x) for x in argv[i + 1].split(","))
        del argv[i:i + 2]
    files = documents(argv, __doc__)
    if not files:
        return 2
    analyse_file(files[0], "warm-up")
    sentiment.forget_sentences()
    default = gc.get_threshold()
    gc.set_threshold(*thresholds)
    try:
        return _timed(files, thresholds)
    finally:
        gc.set_threshold(*default)


def _timed(files: list[str], thresholds: tuple[int, ...]) -> int:
    spent, started, runs = [0.0], [0.0], [0, 0, 0]

    def on_gc(phase: str, info: dict) -> None:
        if phase == "start":
            started[0] = time.process_time()
        else:
            spent[0] += time.process_time() - started[0]
            runs[info["generation"]] += 1

    gc.callbacks.append(on_gc)
    try:
        analysing = writing = 0.0
        sentences = 0
        first = 0
        with tempfile.TemporaryDirectory() as staging:
            for part, size in enumerate(chunk_sizes(len(files), 2, DOCS_PER_PART)):
                rows = empty_rows()
                t = time.process_time()
                for path in files[first:first + size]:
                    result = analyse_file(path, Path(path).stem)
                    for table, table_rows in result.rows.items():
                        rows.setdefault(table, []).extend(table_rows)
                analysing += time.process_time() - t
                sentences += len(rows.get("sentences", []))
                t = time.process_time()
                write_part(Path(staging), part, rows)
                writing += time.process_time() - t
                first += size
    finally:
        gc.callbacks.remove(on_gc)
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"thresholds {','.join(map(str, thresholds))}: {len(files)} documents {sentences} sentences "
          f"analyse cpu {analysing:.2f} s write cpu {writing:.2f} s gc {spent[0]:.2f} s "
          f"collections {runs[0]}/{runs[1]}/{runs[2]} peak rss {peak_mib:.0f} MiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
