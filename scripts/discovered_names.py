#!/usr/bin/env python
"""People the dictionary lacks that person discovery finds, over a fixed random sample of a folder,
saved; optionally compared with a sample saved the same way by another tree (a rule change is read
by its removed and added names):

    PYTHONPATH=<tree>/src .venv/bin/python scripts/discovered_names.py OUT.pkl [FOLDER] [N] [SEED]
    .venv/bin/python scripts/discovered_names.py NEW.pkl FOLDER N SEED --compare REF.pkl

Defaults: /tmp/stress/wh, 400 documents, seed 11. Prints the number of distinct names, then the
names removed and added against REF.
"""
from __future__ import annotations

import glob
import pickle
import random
import sys

from helpers.extract import actors
from helpers.pipeline.document import analyse_file


def main(argv: list[str]) -> int:
    ref = None
    if "--compare" in argv:
        i = argv.index("--compare")
        ref = argv[i + 1]
        del argv[i:i + 2]
    if not argv:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    out, folder = argv[0], argv[1] if len(argv) > 1 else "/tmp/stress/wh"
    n, seed = int(argv[2]) if len(argv) > 2 else 400, int(argv[3]) if len(argv) > 3 else 11
    files = sorted(glob.glob(f"{folder}/**/*.md", recursive=True) + glob.glob(f"{folder}/**/*.txt", recursive=True))
    random.seed(seed)
    actors._EXPLAIN = []  # discover_people records (name, reason, sentence) here when it is a list
    for f in random.sample(files, min(n, len(files))):
        analyse_file(f, "x")
    found = actors._EXPLAIN
    with open(out, "wb") as fh:
        pickle.dump(found, fh)
    names = {name for name, _, _ in found}
    print(f"{len(names)} distinct names")
    if ref:
        with open(ref, "rb") as fh:
            before = {name for name, _, _ in pickle.load(fh)}
        print("removed:", sorted(before - names))
        print("added:", sorted(names - before))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
