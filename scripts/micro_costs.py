#!/usr/bin/env python
"""The cost of three steps of a run, each against the way it was done before, on one build:

    .venv/bin/python scripts/micro_costs.py BUILD [--reps 3]

1. the processed CSV copies of the analysed tables (what the background CSV job writes): pandas'
   ``frame(...).to_csv`` per row group, as before, against ``tables.arrow_csv``; the bytes are
   compared too;
2. naming the facts' subjects per document (``aggregate.keyed_column``) for the vote chart: every
   fact, as before, against only the vote facts (``aggregate.vote_facts``);
3. loading the curated YAML files: PyYAML's pure-Python SafeLoader against libyaml's CSafeLoader
   (``resources.SAFE_LOADER``), with the loaded objects compared.

Each pair alternates, ``--reps`` times; the minimum of each is printed (this machine's speed
drifts, and the minimum is the least disturbed run).
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

import pyarrow.parquet as pq
import yaml

from helpers.analyse.aggregate import keyed_column, vote_facts
from helpers.model.resources import SAFE_LOADER, data_dir
from helpers.model.tables import ANALYSED_TABLES, Layout, csv_bytes, frame
from helpers.report.context import load_tables


def timed(fn) -> tuple[float, object]:
    start = time.perf_counter()
    out = fn()
    return time.perf_counter() - start, out


def csv_pandas(layout: Layout, table: str) -> bytes:
    source = pq.ParquetFile(layout.csv(table).with_suffix(".parquet"))
    parts, header = [], True
    for i in range(source.num_row_groups):
        df = frame(table, source.read_row_group(i).to_pandas())
        if not df.empty:
            parts.append(df.to_csv(index=False, header=header).encode("utf-8"))
            header = False
    return b"".join(parts)


def csv_arrow(layout: Layout, table: str) -> bytes:
    source = pq.ParquetFile(layout.csv(table).with_suffix(".parquet"))
    parts, header = [], True
    for i in range(source.num_row_groups):
        group = source.read_row_group(i)
        if group.num_rows:
            parts.append(csv_bytes(table, group, header))  # what csv_from_parquet writes
            header = False
    return b"".join(parts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("build", type=Path)
    parser.add_argument("--reps", type=int, default=3)
    args = parser.parse_args(argv)
    layout = Layout(args.build)

    best = {"pandas": float("inf"), "arrow": float("inf")}
    same = True
    for _ in range(args.reps):
        for name, fn in (("pandas", csv_pandas), ("arrow", csv_arrow)):
            total, outputs = 0.0, []
            for table in ANALYSED_TABLES:
                seconds, data = timed(lambda: fn(layout, table))
                total += seconds
                outputs.append(data)
            best[name] = min(best[name], total)
            if name == "pandas":
                reference = outputs
            else:
                same = same and outputs == reference
    print(f"1. CSV copies of {len(ANALYSED_TABLES)} tables: pandas {best['pandas']:.2f} s, "
          f"arrow {best['arrow']:.2f} s; bytes {'identical' if same else 'DIFFER'}")

    tables = load_tables(layout)
    facts, actors = tables.facts, tables.actors
    votes = vote_facts(facts)
    every = min(timed(lambda: keyed_column(facts, actors, "subject"))[0] for _ in range(args.reps))
    only = min(timed(lambda: keyed_column(vote_facts(facts), actors, "subject"))[0] for _ in range(args.reps))
    print(f"2. subjects named per document: all {len(facts)} facts {every:.3f} s, "
          f"the {0 if votes is None else len(votes)} vote facts {only:.3f} s (a call; notebook 06 makes six)")

    files = sorted((data_dir() / "dictionaries").glob("*.yaml")) + [data_dir() / "targets.yaml"]
    texts = [p.read_text(encoding="utf-8") for p in files]
    slow = min(timed(lambda: [yaml.load(t, Loader=yaml.SafeLoader) for t in texts])[0] for _ in range(args.reps))
    fast = min(timed(lambda: [yaml.load(t, Loader=SAFE_LOADER) for t in texts])[0] for _ in range(args.reps))
    equal = all(yaml.load(t, Loader=yaml.SafeLoader) == yaml.load(t, Loader=SAFE_LOADER) for t in texts)
    print(f"3. {len(files)} YAML files: SafeLoader {slow:.3f} s, {SAFE_LOADER.__name__} {fast:.3f} s; "
          f"loaded objects {'equal' if equal else 'DIFFER'}")
    return 0 if same and equal else 1


if __name__ == "__main__":
    raise SystemExit(main())
