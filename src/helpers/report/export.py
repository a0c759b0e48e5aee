"""Exports for other tools: the co-mention network for Gephi (GraphML, edge and node lists) and
the data behind every figure as CSV beside it.

Everything is written with fixed formatting (UTF-8, ``\\n`` line ends, floats to six decimals,
no dates or versions), through a temporary file and a rename, so the same tables give the same
bytes and a reader never sees half a file.

- ``co_mentions.graphml``: nodes with label, kind and mentions; undirected edges with weight
  (sentences in which both actors appear), from :func:`helpers.report.figures.co_mention_graph`,
  the same data the co-mention figure draws.
- ``co_mentions_edges.csv`` (source,target,weight) and ``co_mentions_nodes.csv``
  (id,label,kind,mentions): Gephi's spreadsheet import (Data Laboratory > Import Spreadsheet).
- ``<name>.csv`` for every figure in :data:`helpers.report.findings.FIGURES`: exactly the rows the
  figure plots (:data:`helpers.report.figures.FIGURE_DATA`).
"""
from __future__ import annotations

import os
import re
from pathlib import Path
from xml.sax.saxutils import escape as xml_escape

import pandas as pd

from helpers.report.figures import FIGURE_DATA, co_mention_graph, safe_name
from helpers.report.findings import FIGURES

EDGE_COLUMNS = ["source", "target", "weight"]
NODE_COLUMNS = ["id", "label", "kind", "mentions"]
FLOAT_DECIMALS = 6


def _replace(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)
    return path


def csv_bytes(df: pd.DataFrame) -> bytes:
    """A frame as CSV bytes: no index, ``\\n`` line ends, floats rounded to six decimals, NaN empty."""
    out = df.copy()
    for col in out.columns:
        if pd.api.types.is_float_dtype(out[col]):
            out[col] = out[col].round(FLOAT_DECIMALS)
    return out.to_csv(index=False, lineterminator="\n", na_rep="").encode("utf-8")


def write_csv(df: pd.DataFrame, path: str | Path) -> Path:
    """Write ``df`` as deterministic CSV at ``path``."""
    return _replace(Path(path), csv_bytes(df))


def co_mention_tables(mentions: pd.DataFrame, top: int = 25) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(nodes id,label,kind,mentions; edges source,target,weight) of the co-mention network."""
    g = co_mention_graph(mentions, top)
    nodes = pd.DataFrame([(n, d["label"], d["kind"], d["mentions"]) for n, d in g.nodes(data=True)],
                         columns=NODE_COLUMNS)
    edges = pd.DataFrame(sorted((*sorted((a, b)), d["weight"]) for a, b, d in g.edges(data=True)),
                         columns=EDGE_COLUMNS)
    return nodes, edges


#: GraphML attribute keys: (id, for, name, type).
GRAPHML_KEYS = (("d0", "node", "label", "string"), ("d1", "node", "kind", "string"),
                ("d2", "node", "mentions", "long"), ("d3", "edge", "weight", "long"))
#: Characters XML 1.0 does not allow (control characters other than tab, newline, return).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml(text) -> str:
    return xml_escape(_NOT_XML.sub("", str(text)), {'"': "&quot;"})


def graphml_bytes(mentions: pd.DataFrame, top: int = 25,
                  tables: tuple[pd.DataFrame, pd.DataFrame] | None = None) -> bytes:
    """The co-mention network as GraphML: undirected, nodes sorted by id (label, kind, mentions),
    edges sorted (weight); ``tables`` is :func:`co_mention_tables`'s result when already at hand.
    Written here rather than by networkx so the bytes are fixed."""
    nodes, edges = tables if tables is not None else co_mention_tables(mentions, top)
    lines = ["<?xml version='1.0' encoding='utf-8'?>",
             '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
             'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
             'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
             'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">']
    lines += [f'  <key id="{k}" for="{f}" attr.name="{n}" attr.type="{t}" />' for k, f, n, t in GRAPHML_KEYS]
    lines.append('  <graph id="co_mentions" edgedefault="undirected">')
    for r in nodes.itertuples():
        lines += [f'    <node id="{_xml(r.id)}">', f'      <data key="d0">{_xml(r.label)}</data>',
                  f'      <data key="d1">{_xml(r.kind)}</data>', f'      <data key="d2">{int(r.mentions)}</data>',
                  "    </node>"]
    for r in edges.itertuples():
        lines += [f'    <edge source="{_xml(r.source)}" target="{_xml(r.target)}">',
                  f'      <data key="d3">{int(r.weight)}</data>', "    </edge>"]
    lines += ["  </graph>", "</graphml>"]
    return ("\n".join(lines) + "\n").encode("utf-8")


def write_co_mentions(mentions: pd.DataFrame, folder: str | Path, top: int = 25, name: str = "co_mentions"
                      ) -> dict[str, Path]:
    """Write ``name.graphml``, ``name_edges.csv`` and ``name_nodes.csv`` into ``folder``."""
    folder = Path(folder)
    stem = safe_name(name)
    nodes, edges = co_mention_tables(mentions, top)
    return {
        "graphml": _replace(folder / f"{stem}.graphml", graphml_bytes(mentions, top, (nodes, edges))),
        "edges": write_csv(edges, folder / f"{stem}_edges.csv"),
        "nodes": write_csv(nodes, folder / f"{stem}_nodes.csv"),
    }


def figure_data(name: str, tables) -> pd.DataFrame:
    """The data figure ``name`` draws, from ``tables`` (an object with one attribute per table,
    e.g. :class:`helpers.report.context.Tables`), with the figure's own table arguments."""
    _, _, needs = FIGURES[name]
    return FIGURE_DATA[name](*(getattr(tables, t) for t in needs))


def write_figure_data(tables, folder: str | Path, names: list[str] | None = None) -> dict[str, Path]:
    """``<name>.csv`` beside each figure: every figure in FIGURES (or ``names``) that has a data function."""
    folder = Path(folder)
    out = {}
    for name in (names if names is not None else list(FIGURES)):
        if name in FIGURE_DATA:
            out[name] = write_csv(figure_data(name, tables), folder / f"{safe_name(name)}.csv")
    return out
