"""Exports: the co-mention network for Gephi, each figure's data as CSV, and the coverage figure."""
from __future__ import annotations

import io

import networkx as nx
import pandas as pd
import pytest

from helpers.report import export as E
from helpers.report import figures as F
from helpers.report import findings as FD
from tests.test_report import empty_tables, figure_args, small_tables


def test_every_figure_has_its_data_function():
    assert set(F.FIGURE_DATA) == set(FD.FIGURES)


@pytest.mark.parametrize("tables", [small_tables, empty_tables])
def test_figure_data_csvs_are_written_and_byte_stable(tables, tmp_path):
    t = tables()
    a = E.write_figure_data(t, tmp_path / "a")
    b = E.write_figure_data(t, tmp_path / "b")
    assert set(a) == set(FD.FIGURES)
    for name, path in a.items():
        assert path.name == f"{name}.csv"
        assert path.read_bytes() == b[name].read_bytes()
        assert b"\r\n" not in path.read_bytes()
        df = pd.read_csv(path)
        assert list(df.columns) == list(E.figure_data(name, t).columns)
    assert not list((tmp_path / "a").glob(".*.tmp"))


def test_mentions_data_is_what_the_bars_draw():
    t = small_tables()
    df = F.mentions_by_outlet_data(t.actors, t.articles)
    fig = F.mentions_by_outlet(t.actors, t.articles)
    widths = sorted(round(p.get_width(), 6) for p in fig.axes[0].patches)
    assert widths == sorted(float(v) for v in df["mentions"])
    totals = df.groupby("rank")["mentions"].sum()
    assert totals.is_monotonic_decreasing and df.iloc[0]["actor_id"] == "KAZ" and totals.iloc[0] == 3


def test_sentiment_and_stance_data_match_their_figures():
    t = small_tables()
    s = F.sentiment_by_actor_data(t.actor_sentiment)
    fig = F.sentiment_by_actor(t.actor_sentiment)
    offsets = fig.axes[0].collections[-1].get_offsets()
    assert [round(x, 6) for x, _ in offsets] == [round(v, 6) for v in s["mean_score"]]
    m = F.stance_matrix_data(t.stance_matrix, t.actors)
    texts = sorted(x.get_text() for x in F.stance_heatmap(t.stance_matrix, t.actors).axes[0].texts)
    assert sorted(m["cell"]) == texts
    assert m.iloc[0]["actor_id"] == "KAZ"  # the actor with most signals is the top row


def test_vote_and_timeline_data():
    t = small_tables()
    v = F.vote_breakdown_data(t.facts, t.actors)
    row = v.set_index("position").loc["abstained"]
    assert row["value"] == 32 and row["value_is"] == "tally" and "Kazakhstan" in row["named"]
    assert v.set_index("position").loc["did not vote", "value_is"] == "named"
    tl = F.event_timeline_data(t.events, t.articles, t.actors)
    assert list(tl["date_text"]) == ["last week", "Tuesday"]  # the articles' order, then text order


def test_co_mention_exports_hold_the_figures_network(tmp_path):
    t = small_tables()
    counts, edges = F.co_mentions(t.mentions)
    paths = E.write_co_mentions(t.mentions, tmp_path)
    assert {p.name for p in paths.values()} == {"co_mentions.graphml", "co_mentions_edges.csv",
                                                 "co_mentions_nodes.csv"}
    e = pd.read_csv(paths["edges"])
    n = pd.read_csv(paths["nodes"])
    assert list(e.columns) == ["source", "target", "weight"] and list(n.columns) == ["id", "label", "kind", "mentions"]
    assert sorted(zip(e.source, e.target, e.weight)) == sorted(zip(edges.a, edges.b, edges.weight))
    assert dict(zip(n.id, n.mentions)) == counts.to_dict()
    assert n.set_index("id").loc["KAZ", "label"] == "Kazakhstan" and n.set_index("id").loc["KAZ", "kind"] == "state"
    g = nx.read_graphml(paths["graphml"])
    assert not g.is_directed() and set(g.nodes) == set(counts.index)
    assert g.nodes["KAZ"] == {"label": "Kazakhstan", "kind": "state", "mentions": 3}
    assert {tuple(sorted(x)) for x in g.edges} == set(zip(edges.a, edges.b))
    assert all(d["weight"] == 1 for *_, d in g.edges(data=True))
    data = F.co_mention_network_data(t.mentions)
    assert (data["part"] == "node").sum() == len(n) and (data["part"] == "edge").sum() == len(e)
    again = E.write_co_mentions(t.mentions, tmp_path / "again")
    assert all(paths[k].read_bytes() == again[k].read_bytes() for k in paths)


def test_graphml_escapes_names_and_handles_no_mentions():
    t = small_tables()
    m = t.mentions.copy()
    m.loc[m.actor_id == "KAZ", "actor_name"] = 'K & <b>"Q"</b>\x07'
    g = nx.read_graphml(io.BytesIO(E.graphml_bytes(m)))
    assert g.nodes["KAZ"]["label"] == 'K & <b>"Q"</b>'
    empty = nx.read_graphml(io.BytesIO(E.graphml_bytes(empty_tables().mentions)))
    assert len(empty) == 0
    nodes, edges = E.co_mention_tables(empty_tables().mentions)
    assert nodes.empty and edges.empty


def articles(dates: list[str]) -> pd.DataFrame:
    return pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(dates))], "date": dates, "title": "t",
                         "outlet": ""})


@pytest.mark.parametrize("dates,unit,periods", [
    (["2023-02-01", "2023-02-03", "2023-02-03"], "day", 3),
    (["2023-01-02", "2023-05-29"], "week", 22),
    (["2022-01-15", "2024-03-02"], "month", 27),
])
def test_coverage_picks_its_period_by_the_span(dates, unit, periods):
    df = F.coverage_data(articles(dates))
    assert set(df["unit"]) == {unit} and len(df) == periods
    assert df["documents"].sum() == len(dates)
    assert df["period"].iloc[0] <= min(dates) and df["period"].is_monotonic_increasing


def test_coverage_tone_and_stance_per_period():
    a = articles(["2023-02-01", "2023-02-01", "2023-02-03", "", "not a date", "2023-02-02T10:00:00"])
    tone = pd.DataFrame({"doc_id": ["d0", "d1", "d2", "d3"], "mean_score": [0.5, -0.1, -0.4, 0.9]})
    stance = pd.DataFrame({"doc_id": ["d0", "d2", "d2", "d3"], "label": ["support", "oppose", "neutral", "support"]})
    df = F.coverage_data(a, tone, stance).set_index("period")
    assert list(df.index) == ["2023-02-01", "2023-02-02", "2023-02-03"]
    assert list(df["documents"]) == [2, 1, 1]  # undated documents are left out
    assert df.loc["2023-02-01", "mean_tone"] == pytest.approx(0.2) and df.loc["2023-02-01", "tone_documents"] == 2
    assert pd.isna(df.loc["2023-02-02", "mean_tone"])
    assert df.loc["2023-02-03", ["support", "oppose", "neutral"]].tolist() == [0, 1, 1]
    assert df.loc["2023-02-01", "support"] == 1  # d3's signal is undated
    sentence = FD.finding_coverage(a, tone, stance)
    assert sentence.startswith("4 of 6 articles carry a date, from 2023-02-01 to 2023-02-03")
    assert "+0.20" in sentence and "-0.40" in sentence


def test_coverage_without_dates_says_so():
    a = articles(["", "yesterday"])
    fig = F.coverage_over_time(a)
    texts = [x.get_text() for ax in fig.axes for x in ax.texts]
    assert any(x.startswith("No data") and "date" in x for x in texts)
    assert FD.finding_coverage(a) == "None of the 2 articles carries a date, so coverage over time cannot be shown."
    assert F.coverage_data(a).empty


def test_coverage_figure_draws_one_bar_per_period(tmp_path):
    a = articles(["2023-01-02", "2023-01-09", "2023-03-06"])
    fig = F.coverage_over_time(a, None, None)
    n = len(F.coverage_data(a))
    assert len(fig.axes[0].collections[0].get_paths()) == n == 10
    png, svg = F.save(fig, "coverage", tmp_path)
    again = F.save(F.coverage_over_time(a, None, None), "coverage", tmp_path / "b")
    assert png.read_bytes() == again[0].read_bytes() and svg.read_bytes() == again[1].read_bytes()
    assert figure_args(small_tables(), FD.FIGURES["coverage"][2])  # the registry names real tables
