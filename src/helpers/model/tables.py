"""Read and write the pipeline's tables: Parquet parts in data/interim, CSV (+ Parquet) in data/processed.

Parts let documents stream through: each batch of documents is written as it
finishes, and readers concatenate parts in order, so no stage holds the corpus text.
"""
from __future__ import annotations

import contextlib
import csv as csv_module
import io
import operator
import os
import shutil
from pathlib import Path
from typing import Iterable, Iterator

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
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
    """One Parquet file per table for one batch of documents (written even when empty).

    The same file as ``frame(table, rows).to_parquet(path, index=False)`` (tests/test_tables.py
    compares the bytes); rows of exactly the table's columns and of the types ``frame`` keeps go
    to Arrow directly (:func:`_rows_arrow`), without building a DataFrame: a pool worker writes
    every row of the corpus, and the DataFrame was most of that cost."""
    for table, table_rows in rows.items():
        folder = parts_dir / table
        folder.mkdir(parents=True, exist_ok=True)
        tmp = folder / f".part-{index:06d}.parquet.tmp"
        arrow = _rows_arrow(table, table_rows)
        if arrow is None:
            frame(table, table_rows).to_parquet(tmp, index=False)
        else:
            pq.write_table(arrow, tmp, compression="snappy")
        os.replace(tmp, folder / f"part-{index:06d}.parquet")


def _column_kind(col: str) -> type:
    """The one Python type a column's values must all have for :func:`_rows_arrow`."""
    return int if col in INT_COLUMNS else float if col in FLOAT_COLUMNS else str


_PART_SCHEMAS: dict[str, pa.Schema] = {}


def _rows_arrow(table: str, rows: list[dict]) -> pa.Table | None:
    """``rows`` as the Arrow table (pandas metadata included) that ``frame(table, rows)`` gives,
    or None when ``frame`` might change a value: a row whose keys are not exactly the table's
    columns, a value that is not the column's type (an int for INT_COLUMNS, a float or int for
    FLOAT_COLUMNS, a str otherwise: no None, no bool), or no rows. NaN is null, as pandas makes it."""
    columns = TABLES.get(table)
    if not columns or not rows:
        return None
    if set(map(len, rows)) != {len(columns)}:
        return None  # (rows of the columns' number that hold each column hold exactly the columns)
    data = {}
    for col in columns:
        try:
            values = list(map(operator.itemgetter(col), rows))
        except KeyError:
            return None
        kind = _column_kind(col)
        types = set(map(type, values))
        if not (types <= {int, float} if kind is float else types == {kind}):
            return None
        data[col] = values
    schema = _PART_SCHEMAS.get(table)
    if schema is None:
        schema = _PART_SCHEMAS[table] = pa.Table.from_pandas(frame(table, rows[:1]), preserve_index=False).schema
    try:
        arrays = [pa.array(data[f.name], type=f.type, from_pandas=True) for f in schema]
    except (pa.ArrowException, OverflowError):  # an int beyond int64: pandas' path decides
        return None
    return pa.Table.from_arrays(arrays, schema=schema)


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
    try:
        data = arrow_csv(table, pa.Table.from_pandas(df, preserve_index=False), True)
    except (pa.ArrowException, TypeError, ValueError):  # a column Arrow cannot type (mixed objects)
        data = None
    if data is None:
        df.to_csv(tmp, index=False, encoding="utf-8")
    else:
        tmp.write_bytes(data)
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
    with (open(tmp, "wb") if csv else contextlib.nullcontext()) as fh:
        header = True
        for df in iter_parts(layout.parts, table):
            if df.empty:
                continue
            arrow = pa.Table.from_pandas(df, preserve_index=False)
            if csv:
                data = arrow_csv(table, arrow, header)
                fh.write(data if data is not None else df.to_csv(index=False, header=header).encode("utf-8"))
            header = False
            if writer is None:
                schema = arrow.schema
                writer = pq.ParquetWriter(ptmp, schema)
            writer.write_table(arrow.cast(schema))
            n += len(df)
        if header and csv:
            fh.write(frame(table, []).to_csv(index=False).encode("utf-8"))
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


#: The dialect ``DataFrame.to_csv`` hands Python's csv module with its defaults (pandas'
#: ``CSVFormatter``).
_CSV_DIALECT = dict(lineterminator="\n", delimiter=",", quoting=csv_module.QUOTE_MINIMAL, doublequote=True,
                    escapechar=None, quotechar='"')


def _csv_quoted_characters() -> str:
    """The characters that make this Python's csv module quote a field in that dialect, found by
    asking it about every ASCII character (the only ones it treats specially: the delimiter, the
    quote and the line end's; whether "\r" is one has changed between Python versions)."""
    found = []
    for code in range(0x80):
        out = io.StringIO()
        csv_module.writer(out, **_CSV_DIALECT).writerow([f"a{chr(code)}b", "c"])
        if out.getvalue().startswith('"'):
            found.append(chr(code))
    return "".join(found)


_QUOTED = _csv_quoted_characters()
_EMPTY = pa.scalar("", pa.large_string())
_NEEDS_QUOTES = "[" + "".join(f"\\x{ord(c):02x}" for c in _QUOTED) + "]"


def _csv_cells(column: pa.ChunkedArray, kind: str) -> pa.Array | None:
    """One column's cells as ``to_csv`` writes them, as an Arrow string array, or None for a type
    it does not handle: a string as it is (a null as ""), quoted as the csv module quotes it
    (around it, inner quotes doubled, when it holds a character of ``_QUOTED``); an int64 as its
    decimal digits (``str``); a float64 as NumPy's ``astype(str)``, what pandas uses with no
    ``float_format`` (NaN as "")."""
    typ = column.type
    if kind == "int":
        if typ != pa.int64() or column.null_count:
            return None
        return pc.cast(column.combine_chunks(), pa.large_string())
    if kind == "float":
        if typ != pa.float64():
            return None
        values = column.to_numpy()
        cells = values.astype(str)
        cells[np.isnan(values)] = ""
        return pa.array(cells, type=pa.large_string())
    if not (pa.types.is_string(typ) or pa.types.is_large_string(typ)):
        return None
    cells = column.combine_chunks().cast(pa.large_string())
    if cells.null_count:
        cells = cells.fill_null("")
    needs = pc.match_substring_regex(cells, _NEEDS_QUOTES)
    if pc.any(needs).as_py():
        quote = pa.scalar('"', pa.large_string())
        quoted = pc.binary_join_element_wise(quote, pc.replace_substring(cells, '"', '""'), quote, _EMPTY)
        cells = pc.if_else(needs, quoted, cells)
    return cells


def arrow_csv(table: str, arrow: pa.Table, header: bool) -> bytes | None:
    """``arrow`` (a part, a row group or a whole ``table``) as the UTF-8 bytes of
    ``frame(table, arrow.to_pandas()).to_csv(index=False, header=header)``: the same columns in the
    same order, each cell formatted and quoted as pandas and the csv module do (``_csv_cells``),
    joined into lines by Arrow without a DataFrame or a Python string per cell (under half the
    time on the statements' tables). None when a column has a type it does not handle, or the
    table has one column (the csv module quotes a lone empty field): then pandas writes it."""
    known = TABLES.get(table, [])
    columns = list(known) + [c for c in arrow.column_names if c not in known]
    if len(columns) < 2:
        return None
    n = arrow.num_rows
    cells = []
    for col in columns:
        if col not in arrow.column_names:  # frame() adds it empty
            cells.append(pa.array([""] * n, type=pa.large_string()))
            continue
        kind = "int" if col in INT_COLUMNS else "float" if col in FLOAT_COLUMNS else "str"
        column = _csv_cells(arrow.column(col), kind)
        if column is None:
            return None
        cells.append(column)
    head = b""
    if header:
        out = io.StringIO()
        csv_module.writer(out, **_CSV_DIALECT).writerow(columns)
        head = out.getvalue().encode("utf-8")
    if n == 0:
        return head
    lines = pc.binary_join_element_wise(pc.binary_join_element_wise(*cells, pa.scalar(",", pa.large_string())),
                                        _EMPTY, pa.scalar("\n", pa.large_string()))
    offsets = np.frombuffer(lines.buffers()[1], dtype=np.int64)
    first, last = int(offsets[lines.offset]), int(offsets[lines.offset + n])
    return head + lines.buffers()[2].to_pybytes()[first:last]


def csv_bytes(table: str, arrow: pa.Table, header: bool) -> bytes:
    """:func:`arrow_csv`, or pandas' ``to_csv`` of the same rows where that declines."""
    data = arrow_csv(table, arrow, header)
    if data is None:
        data = frame(table, arrow.to_pandas()).to_csv(index=False, header=header).encode("utf-8")
    return data


def csv_from_parquet(layout: Layout, table: str) -> Path:
    """The processed CSV of a table from its processed Parquet file, one row group at a time: the
    bytes :func:`stream_table` writes (the row groups are its parts, in order)."""
    path = layout.csv(table)
    tmp = path.with_suffix(".csv.tmp")
    source = pq.ParquetFile(path.with_suffix(".parquet"))
    with open(tmp, "wb") as fh:
        header = True
        for i in range(source.num_row_groups):
            group = source.read_row_group(i)
            if group.num_rows == 0:
                continue
            fh.write(csv_bytes(table, group, header))
            header = False
        if header:
            fh.write(frame(table, []).to_csv(index=False).encode("utf-8"))
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
