"""Read and write the pipeline's tables: Parquet parts in data/interim, CSV (+ Parquet) in data/processed.

Parts let documents stream through: each batch of documents is written as it
finishes, and readers concatenate parts in order, so no stage holds the corpus text.
"""
from __future__ import annotations

import contextlib
import os
import shutil
from pathlib import Path
from typing import Iterable, Iterator

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from helpers.model.schema import FLOAT_COLUMNS, INT_COLUMNS, TABLES


def frame(table: str, rows: Iterable[dict] | pd.DataFrame) -> pd.DataFrame:
    """Rows as a DataFrame with the table's columns, in order, with stable dtypes."""
    df = rows if isinstance(rows, pd.DataFrame) else pd.DataFrame(list(rows))
    columns = TABLES.get(table, list(df.columns))
    for col in columns:
        if col not in df.columns:
            df[col] = pd.Series(dtype="object")
    df = df[columns + [c for c in df.columns if c not in columns]].copy()
    known = set(TABLES.get(table, ()))
    for col in df.columns:
        dtype = str(df[col].dtype)
        if col in INT_COLUMNS:
            if dtype != "int64":
                df[col] = pd.to_numeric(df[col], errors="coerce").fillna(0).astype("int64")
        elif col in FLOAT_COLUMNS:
            if dtype != "float64":
                df[col] = pd.to_numeric(df[col], errors="coerce").astype("float64")
        elif col in known or dtype in ("object", "str", "string"):
            if dtype != "str" or df[col].hasnans:  # a str column without missing values is already right
                df[col] = df[col].astype("object").where(df[col].notna(), "").astype(str)
        # other columns of derived tables keep the numeric types they were written with
    return df


class Layout:
    """Where a run's files live under its build root (``BUILD``)."""

    def __init__(self, build_dir: str | Path):
        self.root = Path(build_dir).resolve()
        self.interim = self.root / "data" / "interim"
        self.parts = self.interim / "tables"
        self.processed = self.root / "data" / "processed"
        self.reports = self.root / "reports"
        self.figures = self.reports / "figures"

    def __repr__(self) -> str:
        return f"Layout(root={str(self.root)!r})"

    def make(self) -> "Layout":
        for folder in (self.interim, self.processed, self.reports, self.figures):
            folder.mkdir(parents=True, exist_ok=True)
        return self

    def csv(self, table: str) -> Path:
        return self.processed / f"{table}.csv"


class PartWriter:
    """Writes numbered Parquet parts per table into a staging folder, then publishes atomically."""

    def __init__(self, parts_dir: Path):
        self.final = parts_dir
        self.staging = parts_dir.with_name(parts_dir.name + ".tmp")
        shutil.rmtree(self.staging, ignore_errors=True)
        self.staging.mkdir(parents=True)

    def write(self, index: int, rows: dict[str, list[dict]]) -> None:
        write_part(self.staging, index, rows)

    def publish(self) -> None:
        old = self.final.with_name(self.final.name + ".old")
        shutil.rmtree(old, ignore_errors=True)
        if self.final.exists():
            os.replace(self.final, old)
        os.replace(self.staging, self.final)
        shutil.rmtree(old, ignore_errors=True)


def write_part(parts_dir: Path, index: int, rows: dict[str, list[dict]]) -> None:
    """One Parquet file per table for one batch of documents (written even when empty)."""
    for table, table_rows in rows.items():
        folder = parts_dir / table
        folder.mkdir(parents=True, exist_ok=True)
        df = frame(table, table_rows)
        tmp = folder / f".part-{index:06d}.parquet.tmp"
        df.to_parquet(tmp, index=False)
        os.replace(tmp, folder / f"part-{index:06d}.parquet")


def part_files(parts_dir: Path, table: str) -> list[Path]:
    return sorted((parts_dir / table).glob("part-*.parquet"))


def iter_parts(parts_dir: Path, table: str, columns: list[str] | None = None) -> Iterator[pd.DataFrame]:
    """Each part of a table as a DataFrame, in document order."""
    for path in part_files(parts_dir, table):
        yield frame(table, pd.read_parquet(path, columns=columns))


def read_parts_arrow(parts_dir: Path, table: str, columns: list[str] | None = None) -> pa.Table:
    """A whole interim table as one Arrow table (no pandas objects: for counting large tables)."""
    columns = columns or TABLES[table]
    tables = [pq.read_table(path, columns=columns) for path in part_files(parts_dir, table)]
    if not tables:
        return pa.Table.from_pandas(frame(table, [])[columns], preserve_index=False)
    return pa.concat_tables(tables)


def read_parts(parts_dir: Path, table: str, columns: list[str] | None = None) -> pd.DataFrame:
    """A whole interim table (use for tables that fit in memory; stream the large ones)."""
    frames = list(iter_parts(parts_dir, table, columns))
    if not frames:
        return frame(table, [])
    return pd.concat(frames, ignore_index=True)


def write_table(layout: Layout, table: str, df: pd.DataFrame) -> Path:
    """Write a processed table as CSV (UTF-8, header) and Parquet beside it, atomically."""
    df = frame(table, df)
    path = layout.csv(table)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".csv.tmp")
    df.to_csv(tmp, index=False, encoding="utf-8")
    os.replace(tmp, path)
    ptmp = path.with_suffix(".parquet.tmp")
    df.to_parquet(ptmp, index=False)
    os.replace(ptmp, path.with_suffix(".parquet"))
    return path


def stream_table(layout: Layout, table: str, csv: bool = True) -> tuple[Path, int]:
    """Copy an interim table to processed CSV + Parquet part by part; returns (path, rows).

    With ``csv=False`` only the Parquet file is written (and a CSV left from an earlier run is
    removed, so no stale copy is seen): :func:`csv_from_parquet` writes the same CSV from it later."""
    path = layout.csv(table)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".csv.tmp")
    ptmp = path.with_suffix(".parquet.tmp")
    if not csv:
        return _copy_parts(layout, table, path, ptmp)
    n = 0
    writer = None
    schema = None
    with (open(tmp, "w", encoding="utf-8", newline="") if csv else contextlib.nullcontext()) as fh:
        header = True
        for df in iter_parts(layout.parts, table):
            if df.empty:
                continue
            if csv:
                df.to_csv(fh, index=False, header=header)
            header = False
            arrow = pa.Table.from_pandas(df, preserve_index=False)
            if writer is None:
                schema = arrow.schema
                writer = pq.ParquetWriter(ptmp, schema)
            writer.write_table(arrow.cast(schema))
            n += len(df)
        if header and csv:
            frame(table, []).to_csv(fh, index=False)
    if writer is None:
        frame(table, []).to_parquet(ptmp, index=False)
    else:
        writer.close()
    if csv:
        os.replace(tmp, path)
    else:
        path.unlink(missing_ok=True)
    os.replace(ptmp, path.with_suffix(".parquet"))
    return path, n


def _copy_parts(layout: Layout, table: str, path: Path, ptmp: Path) -> tuple[Path, int]:
    """``stream_table(csv=False)``: the parts' Arrow tables, one row group each, into one Parquet
    file, without a pass through pandas. Every part was written by :func:`write_part` from a
    :func:`frame`, so its schema (pandas metadata included) is the one a pass through pandas gives;
    a part whose schema differs anyway is normalised through :func:`frame` first."""
    n = 0
    writer = None
    schema = None
    try:
        for part in part_files(layout.parts, table):
            arrow = pq.read_table(part)
            if arrow.num_rows == 0:
                continue
            if schema is not None and not arrow.schema.equals(schema, check_metadata=True):
                arrow = pa.Table.from_pandas(frame(table, arrow.to_pandas()), preserve_index=False).cast(schema)
            if writer is None:
                schema = arrow.schema
                writer = pq.ParquetWriter(ptmp, schema)
            writer.write_table(arrow)
            n += arrow.num_rows
    except BaseException:
        if writer is not None:
            writer.close()
        ptmp.unlink(missing_ok=True)
        raise
    if writer is None:
        frame(table, []).to_parquet(ptmp, index=False)
    else:
        writer.close()
    path.unlink(missing_ok=True)  # no stale CSV copy: csv_from_parquet writes it from this file
    os.replace(ptmp, path.with_suffix(".parquet"))
    return path, n


def csv_from_parquet(layout: Layout, table: str) -> Path:
    """The processed CSV of a table from its processed Parquet file, one row group at a time: the
    bytes :func:`stream_table` writes (the row groups are its parts, in order)."""
    path = layout.csv(table)
    tmp = path.with_suffix(".csv.tmp")
    source = pq.ParquetFile(path.with_suffix(".parquet"))
    with open(tmp, "w", encoding="utf-8", newline="") as fh:
        header = True
        for i in range(source.num_row_groups):
            df = frame(table, source.read_row_group(i).to_pandas())
            if df.empty:
                continue
            df.to_csv(fh, index=False, header=header)
            header = False
        if header:
            frame(table, []).to_csv(fh, index=False)
    os.replace(tmp, path)
    return path


#: The tables analyse_file writes that go to data/processed as they are (``names`` is aggregated
#: into ``unknown_names`` by notebook 02 instead).
ANALYSED_TABLES = ("articles", "boilerplate", "sentences", "mentions", "quotes", "facts", "events",
                   "sentiment", "stance")


def default_workers() -> int:
    """The cores this process may run on (its CPU affinity), at least 1."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def _stream_one(args: tuple[str, str, bool]) -> tuple[str, Path, int]:
    root, table, csv = args
    path, n = stream_table(Layout(root), table, csv=csv)
    return table, path, n


def stream_tables(layout: Layout, tables: Iterable[str] = ANALYSED_TABLES,
                  workers: int | None = None, csv: bool = True) -> dict[str, int]:
    """``stream_table`` for several tables at once, one process per table (largest first); returns rows per table.

    Writing CSV is most of the cost of publishing a large corpus's tables and each table is
    independent, so the tables are written side by side on the machine's cores. The files are
    the ones ``stream_table`` writes one at a time. With ``csv=False`` only the Parquet files
    (``helpers.model.csvjob.publish`` leaves the CSV copies to a background process), on threads:
    copying Arrow tables between Parquet files runs outside the GIL.
    """
    tables = list(tables)
    size = {t: sum(p.stat().st_size for p in part_files(layout.parts, t)) for t in tables}
    order = sorted(tables, key=lambda t: (-size[t], t))
    workers = max(1, min(workers or default_workers(), len(order)))
    now = bool(csv)
    if workers == 1:
        done = [_stream_one((str(layout.root), t, now)) for t in order]
    elif not now:  # Arrow reads and writes Parquet without holding the GIL: threads, no processes to start
        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(workers, thread_name_prefix="publish") as pool:
            done = list(pool.map(_stream_one, [(str(layout.root), t, now) for t in order]))
    else:
        import multiprocessing as mp
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(workers, mp_context=mp.get_context("fork")) as pool:
            done = list(pool.map(_stream_one, [(str(layout.root), t, now) for t in order]))
    rows = {table: n for table, _, n in done}
    return {t: rows[t] for t in tables}


def read_table(layout: Layout, table: str, columns: list[str] | None = None,
               filters: list | None = None) -> pd.DataFrame:
    """A processed table, from Parquet when present (exact types), else CSV.

    ``columns`` and ``filters`` (pyarrow syntax, e.g. ``[("doc_id", "in", ids)]``) are pushed
    down to the Parquet reader, so a notebook need not hold a large table's text.
    """
    parquet = layout.csv(table).with_suffix(".parquet")
    if filters and any(isinstance(f, tuple) and len(f) == 3 and f[1] == "in" and not len(f[2]) for f in filters):
        df = frame(table, [])  # "in" an empty list keeps nothing (pyarrow cannot type an empty list)
        return df[columns] if columns else df
    if parquet.exists():
        # One chunk per column: the file holds one row group per part, and a pandas column backed by
        # a many-chunked Arrow array copies the whole column on every boolean filter or take (10x
        # slower on a 65,000-row facts table); combining once at read costs less than one such filter.
        df = pq.read_table(parquet, columns=columns, filters=filters).combine_chunks().to_pandas()
    else:
        df = pd.read_csv(layout.csv(table), dtype=str, keep_default_na=False, usecols=columns)
    df = frame(table, df)
    return df[columns] if columns else df


def head_table(layout: Layout, table: str, n: int = 10) -> pd.DataFrame:
    """The first ``n`` rows of a processed table, reading only the first row group."""
    parquet = layout.csv(table).with_suffix(".parquet")
    if not parquet.exists():
        return read_table(layout, table).head(n)
    pf = pq.ParquetFile(parquet)
    if pf.num_row_groups == 0:
        return frame(table, [])
    return frame(table, pf.read_row_group(0).slice(0, n).to_pandas())
