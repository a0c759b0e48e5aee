#!/usr/bin/env python
"""Every row analyse_file gives for every document of some folders, saved; optionally compared with a
reference saved the same way. A speed change must leave the output byte-identical:

    PYTHONPATH=<tree>/src .venv/bin/python scripts/compare_rows.py REF.pkl FOLDER...      # before
    .venv/bin/python scripts/compare_rows.py NEW.pkl FOLDER... --compare REF.pkl           # after

Documents are the folders' .md, .txt and .html files (sorted), analysed with two processes.
With ``--compare`` it prints the first differences (document, table, first differing row) and
"IDENTICAL" when every status, reason and row is equal; the exit code is 1 on a difference.
"""
from __future__ import annotations

import argparse
import pickle
import sys
import time
from multiprocessing import Pool
from pathlib import Path

from helpers.pipeline.document import analyse_file


def one(path: str):
    result = analyse_file(path, path)
    return path, result.status, result.reason, result.rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out")
    parser.add_argument("folders", nargs="+")
    parser.add_argument("--compare", metavar="REF")
    args = parser.parse_args(argv)
    files = sorted(str(p) for f in args.folders for p in Path(f).rglob("*")
                   if p.is_file() and p.suffix.lower() in {".md", ".txt", ".html"})
    start = time.time()
    with Pool(2) as pool:
        out = pool.map(one, files, chunksize=20)
    print(f"{len(out)} files in {time.time() - start:.1f} s")
    with open(args.out, "wb") as fh:
        pickle.dump(out, fh)
    if not args.compare:
        return 0
    with open(args.compare, "rb") as fh:
        ref = pickle.load(fh)
    bad = 0 if len(out) == len(ref) else 1
    if bad:
        print(f"{len(out)} documents here, {len(ref)} in the reference")
    for (path, status, reason, rows), (path2, status2, reason2, rows2) in zip(out, ref):
        if (path, status, reason) != (path2, status2, reason2):
            bad += 1
            print("status differs:", path, status, reason, "|", path2, status2, reason2)
            continue
        for table in sorted(set(rows) | set(rows2)):
            a, b = rows.get(table, []), rows2.get(table, [])
            if a != b:
                bad += 1
                if bad <= 5:
                    k = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
                    print("differs:", path, table, len(a), len(b), a[k:k + 1], b[k:k + 1])
    print("IDENTICAL" if not bad else f"{bad} differences")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
