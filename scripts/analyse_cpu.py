#!/usr/bin/env python
"""CPU seconds of ``analyse_file`` over the first N documents of a folder, in this one process.

    PYTHONPATH=<tree>/src .venv/bin/python scripts/analyse_cpu.py FOLDER [N]

Documents are the folder's .md, .txt and .html files, sorted; one document is analysed first and
not counted (dictionaries, lexicons and Punkt parameters load then), and the sentence memo of
the sentiment analyser is emptied before the timed pass. Prints the documents, their sentences,
the CPU seconds and microseconds per sentence. ``scripts/cython_trial.sh`` runs it in two trees
at once, so that both see the same state of this shared machine.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

from helpers.analyse import sentiment
from helpers.pipeline.document import analyse_file


def documents(argv: list[str], usage: str) -> list[str]:
    """The first N (``argv`` = FOLDER [N]) .md, .txt and .html files under FOLDER, sorted; [] after
    printing ``usage`` or the reason when there are none to analyse (scripts/worker_gc.py too)."""
    if not argv or len(argv) > 2:
        print(usage.strip(), file=sys.stderr)
        return []
    files = sorted(str(p) for p in Path(argv[0]).rglob("*")
                   if p.is_file() and p.suffix.lower() in {".md", ".txt", ".html"})
    files = files[:int(argv[1])] if len(argv) > 1 else files
    if not files:
        print(f"no documents in {argv[0]}", file=sys.stderr)
    return files


def main(argv: list[str]) -> int:
    files = documents(argv, __doc__)
    if not files:
        return 2
    analyse_file(files[0], "warm-up")
    sentiment.forget_sentences()
    sentences = 0
    cpu = time.process_time()
    for path in files:
        sentences += len(analyse_file(path, path).rows.get("sentences", []))
    cpu = time.process_time() - cpu
    print(f"{len(files)} documents {sentences} sentences cpu {cpu:.2f} s "
          f"{cpu / max(1, sentences) * 1e6:.1f} us/sent")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
