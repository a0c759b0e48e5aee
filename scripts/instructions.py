#!/usr/bin/env python
"""Run the first K stages of analyse_file over 60 statements, for an instruction count under callgrind.

    PYTHONPATH=<tree>/src valgrind --tool=callgrind --callgrind-out-file=/dev/null \\
        .venv/bin/python scripts/instructions.py K [FOLDER]

K = -1 runs nothing past the warm-up (the baseline to subtract), 0 only parsing, k parsing and
the first k analysers of document.default_analysers(). Timing on a shared 2-core machine drifts by
20-30% from run to run; the instruction count callgrind reports ("Collected") does not, so two
trees compare stage by stage: (count at k) - (count at k-1) is stage k, over the same documents.
scripts/instructions.sh runs every K for some trees.
"""
import glob
import random
import sys

from helpers.ingest.parse import parse_document
from helpers.model.schema import empty_rows
from helpers.pipeline.document import analyse_file, default_analysers

upto = int(sys.argv[1])
folder = sys.argv[2] if len(sys.argv) > 2 else "/tmp/stress/wh"
files = sorted(glob.glob(f"{folder}/**/*.md", recursive=True))
random.seed(1)
files = random.sample(files, min(600, len(files)))
for f in files[:20]:  # warm-up: dictionaries, lexicons, Punkt parameters
    analyse_file(f, "x")
analysers = default_analysers()
sentences = 0
for f in files[100:160]:
    if upto < 0:
        continue
    doc, _, _ = parse_document(f, f)
    rows = empty_rows()
    sentences += len(doc.sentences)
    for a in analysers[:upto]:
        a(doc, rows)
print(f"{sentences} sentences", file=sys.stderr)
