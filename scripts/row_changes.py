#!/usr/bin/env python
"""What an instrument change did to the rows: every row of some tables found only before or only
after, between two pickles written by ``scripts/compare_rows.py``, with a count per table.

    .venv/bin/python scripts/row_changes.py OLD.pkl NEW.pkl [--tables mentions,quotes,stance] [--quiet]
        [--only /tmp/stress/wh] [--show evidence,cue]

Rows are compared on the fields a reader checks (surface, actor, quote and speaker, target and
label, name), as multisets per document, so a row that only moved is no change. Each changed
row is printed as ``-``/``+``, the document and those fields; the last lines give the documents
changed and, per table, the rows removed and added. Read the rows by eye: a count says how much
changed, not whether it is right. ``--only`` keeps the documents whose path holds one of the given
strings; ``--show`` prints more fields of each changed row (its first such row: "evidence" for
stance), which are not compared.
"""
from __future__ import annotations

import argparse
import pickle
import sys
from collections import Counter

FIELDS = ("surface", "actor_id", "actor_name", "quote", "speaker_name", "target", "label", "name", "subject", "predicate",
          "value", "event", "source_id", "target_id", "text")


def _key(row: dict) -> tuple:
    return tuple((k, row[k]) for k in FIELDS if k in row)


def changes(old: list, new: list, tables: list[str], only: list[str] | None = None, show: list[str] | None = None):
    """(document, table, sign, fields) for every row only in ``old`` (-) or only in ``new`` (+);
    ``only``: documents whose path holds one of these strings; ``show``: fields added to each row."""
    before = {doc[0]: doc[3] or {} for doc in old}
    after = {doc[0]: doc[3] or {} for doc in new}
    for path in sorted(set(before) | set(after)):
        if only and not any(o in path for o in only):
            continue
        for table in tables:
            rows_a, rows_b = before.get(path, {}).get(table, []), after.get(path, {}).get(table, [])
            extra = {}
            for r in rows_a + rows_b:
                extra.setdefault(_key(r), {k: r[k] for k in show or () if k in r})
            a = Counter(_key(r) for r in rows_a)
            b = Counter(_key(r) for r in rows_b)
            for row in sorted((a - b).elements()):
                yield path, table, "-", {**dict(row), **extra[row]}
            for row in sorted((b - a).elements()):
                yield path, table, "+", {**dict(row), **extra[row]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("old")
    parser.add_argument("new")
    parser.add_argument("--tables", default="mentions,quotes,stance,facts,events")
    parser.add_argument("--quiet", action="store_true", help="only the counts")
    parser.add_argument("--only", action="append", default=[], help="documents whose path holds this (repeatable)")
    parser.add_argument("--show", default="", help="more fields to print for each changed row, comma-separated")
    args = parser.parse_args(argv)
    with open(args.old, "rb") as fh:
        old = pickle.load(fh)
    with open(args.new, "rb") as fh:
        new = pickle.load(fh)
    tables = [t for t in args.tables.split(",") if t]
    docs: set[str] = set()
    counts: Counter = Counter()
    show = [f for f in args.show.split(",") if f]
    for path, table, sign, fields in changes(old, new, tables, args.only, show):
        docs.add(path)
        counts[(table, sign)] += 1
        if not args.quiet:
            print(sign, table, path.rsplit("/", 1)[-1], fields)
    total = len([d for d in new if not args.only or any(o in d[0] for o in args.only)])
    print(f"{len(docs)} of {total} documents changed")
    for table in tables:
        print(f"  {table}: -{counts[(table, '-')]} +{counts[(table, '+')]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
