"""The Arrow CSV writer (tables.arrow_csv) writes the bytes pandas' to_csv writes, cell for cell.

The processed CSV copies are what researchers open in their own tools; the writer that makes them
faster must not change a byte. Each case is compared with ``frame(table, df).to_csv`` on the same
rows, including the cells the csv module quotes (commas, quotes, line breaks) and those it does
not (carriage returns with a "\\n" line end, tabs, leading spaces, non-ASCII)."""
from __future__ import annotations

import math

import pandas as pd
import pyarrow as pa
import pytest

from helpers.model.tables import Layout, arrow_csv, csv_bytes, csv_from_parquet, frame, write_table

TRICKY = ["plain", "", "a,b", 'say "yes"', "line\nbreak", "carriage\rreturn", "tab\tbed", "  lead", "trail  ",
          "\u2028sep", "Zürich — “quoted”", '"', ",", "\n", "'single'", "x" * 500, "comma, and \"both\"\nlines"]


def pandas_bytes(table: str, df: pd.DataFrame, header: bool = True) -> bytes:
    return frame(table, df).to_csv(index=False, header=header).encode("utf-8")


def arrow_of(table: str, df: pd.DataFrame) -> pa.Table:
    return pa.Table.from_pandas(frame(table, df), preserve_index=False)


def test_sentences_with_every_kind_of_text_cell():
    df = pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(TRICKY))], "sent_id": range(len(TRICKY)),
                       "para_id": [0] * len(TRICKY), "start": range(0, 10 * len(TRICKY), 10),
                       "end": [-1] + list(range(1, len(TRICKY))), "text": TRICKY})
    data = arrow_csv("sentences", arrow_of("sentences", df), True)
    assert data is not None  # the fast path was taken
    assert data == pandas_bytes("sentences", df)


def test_float_cells_as_pandas_formats_them():
    values = [0.0, -0.0, 0.1, 1.0, -0.6908, 1e-05, 0.0001, 123456789012345678.0, 1 / 3, math.nan, 2.5e-300, 7.0]
    df = pd.DataFrame({"doc_id": ["d"] * len(values), "sent_id": range(len(values)), "compound": values,
                       "pos": values[::-1], "neu": values, "neg": values, "score": values})
    data = arrow_csv("sentiment", arrow_of("sentiment", df), True)
    assert data is not None
    assert data == pandas_bytes("sentiment", df)


def test_without_header_and_with_missing_columns():
    df = pd.DataFrame({"doc_id": ["a", "b"], "text": ["x, y", "z"]})  # sentences without the int columns
    framed = frame("sentences", df)
    assert csv_bytes("sentences", arrow_of("sentences", df), False) == framed.to_csv(index=False, header=False).encode()


def test_empty_part_is_the_header_only():
    df = frame("quotes", [])
    assert csv_bytes("quotes", pa.Table.from_pandas(df, preserve_index=False), True) == pandas_bytes("quotes", df)


@pytest.mark.parametrize("column, values", [
    ("flag", [True, False]),  # a type the fast path leaves to pandas
    ("n", [1.5, math.nan]),  # an int column that is not int64
])
def test_other_types_are_declined_and_written_by_pandas(column, values):
    df = pd.DataFrame({"name": ["a", "b"], column: values})
    arrow = pa.Table.from_pandas(df, preserve_index=False)
    assert arrow_csv("derived_table", arrow, True) is None
    assert csv_bytes("derived_table", arrow, True) == pandas_bytes("derived_table", df)


def test_write_table_and_csv_from_parquet_give_pandas_bytes(tmp_path):
    layout = Layout(tmp_path).make()
    names = pd.DataFrame({"name": TRICKY, "n": range(len(TRICKY)), "example_doc_id": ["d"] * len(TRICKY),
                          "example_sentence": TRICKY[::-1]})
    path = write_table(layout, "unknown_names", names)
    assert path.read_bytes() == frame("unknown_names", names).to_csv(index=False).encode()
    sentences = pd.DataFrame({"doc_id": ["d"] * len(TRICKY), "sent_id": range(len(TRICKY)), "para_id": 0,
                              "start": 0, "end": 1, "text": TRICKY})
    write_table(layout, "sentences", sentences)
    expected = layout.csv("sentences").read_bytes()
    layout.csv("sentences").unlink()
    csv_from_parquet(layout, "sentences")
    assert layout.csv("sentences").read_bytes() == expected == pandas_bytes("sentences", sentences)
