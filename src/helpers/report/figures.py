"""Figures for the notebooks and the brief: tables in, matplotlib Figures out, saved byte-for-byte reproducibly.

Every function here is pure (DataFrames in, a ``Figure`` out) and draws inside one style
(:func:`style`), so all figures share fonts, sizes and colours. Each figure has a
``finding_*`` function in :mod:`helpers.report.findings` that states its main result in one sentence computed from the same
data. Empty inputs give a figure that says "no data" instead of an error, so the pipeline
works on any corpus. :func:`save` writes PNG and SVG without dates or version stamps, so the
same tables give the same bytes.

Labels can hold text from articles (names, dates as written); matplotlib draws them as text
(never as markup) and math parsing is off, so a ``$`` in an article cannot break a figure.
"""
from __future__ import annotations

import contextlib
import functools
import os
import re
import textwrap
from pathlib import Path
from typing import Callable, Iterator

import matplotlib as mpl
import numpy as np
import pandas as pd
from matplotlib.colors import TwoSlopeNorm
from matplotlib.figure import Figure

from helpers.analyse.aggregate import vote_conflicts, vote_rows
from helpers.extract.actors import actor_names, group_members
from helpers.model.labels import humanise, name_of, short
from helpers.report.labels import NO_OUTLET, doc_labels, numeric, outlet_of

WIDTH = 9.0  # inches; every figure is this wide
DPI = 110
#: Okabe-Ito: distinguishable with colour blindness, in a fixed order.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")
KIND_COLOURS = {"state": "#0072B2", "person": "#E69F00", "organization": "#009E73", "group": "#CC79A7",
                "place": "#56B4E9"}
POSITION_COLOURS = {"in favor": "#009E73", "against": "#D55E00", "abstained": "#E69F00",
                    "did not vote": "#999999"}

RC = {
    "font.family": "DejaVu Sans",  # shipped with matplotlib: the same glyphs on every machine
    "font.size": 9,
    "axes.titlesize": 11,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
    "axes.labelsize": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.edgecolor": "#555555",
    "xtick.labelsize": 8,
    "ytick.labelsize": 8,
    "legend.fontsize": 8,
    "legend.frameon": False,
    "figure.dpi": DPI,
    "savefig.dpi": DPI,
    "figure.facecolor": "white",
    "savefig.facecolor": "white",
    "text.parse_math": False,  # article text is never mathtext
    "text.usetex": False,
    "svg.fonttype": "path",
    "svg.hashsalt": "briefing-notebooks",  # stable ids in SVG output
    "path.simplify": True,
    "image.cmap": "RdBu",
}


@contextlib.contextmanager
def style() -> Iterator[None]:
    """The one style every figure is drawn and saved in."""
    with mpl.rc_context(RC):
        yield


def styled(fn: Callable[..., Figure]) -> Callable[..., Figure]:
    """Decorator: build the figure inside :func:`style`."""
    @functools.wraps(fn)
    def wrapper(*args, **kwargs) -> Figure:
        with style():
            return fn(*args, **kwargs)
    return wrapper


def new_figure(height: float) -> Figure:
    """A blank figure of the house width and the given height (inches), laid out by constraint."""
    return Figure(figsize=(WIDTH, round(max(1.6, min(height, 16.0)), 2)), dpi=DPI, layout="constrained")


@styled
def no_data(title: str, message: str = "no data") -> Figure:
    """A small figure that says there is nothing to show."""
    fig = new_figure(1.8)
    ax = fig.add_subplot()
    ax.axis("off")
    ax.set_title(title)
    ax.text(0.5, 0.45, f"No data: {message}", ha="center", va="center", transform=ax.transAxes,
            color="#666666", fontsize=11)
    return fig


def safe_name(name: str) -> str:
    """A file-name stem of letters, digits, '-' and '_'."""
    stem = re.sub(r"[^A-Za-z0-9_-]+", "_", name).strip("_")
    return stem or "figure"


def save(fig: Figure, name: str, folder: str | Path) -> tuple[Path, Path]:
    """Write ``name.png`` and ``name.svg`` into ``folder`` (no dates or versions in the files)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    stem = safe_name(name)
    out = []
    with style():
        for fmt, metadata in (("png", {"Software": None}),
                              ("svg", {"Date": None, "Creator": None})):
            path = folder / f"{stem}.{fmt}"
            tmp = folder / f".{stem}.{fmt}.tmp"
            fig.savefig(tmp, format=fmt, metadata=metadata)
            os.replace(tmp, path)
            out.append(path)
    return out[0], out[1]


def show(fig: Figure, name: str, folder: str | Path):
    """Save the figure (PNG and SVG) and return the saved PNG for display, so it is drawn once."""
    from IPython.display import Image

    png, _ = save(fig, name, folder)
    return Image(filename=str(png))


# ---------------------------------------------------------------- small helpers


# ---------------------------------------------------------------- actor mentions by outlet

def mention_counts(actors: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Actor x outlet mention counts (rows: actor_id, columns: outlets by total, values: mentions)."""
    if actors is None or actors.empty:
        return pd.DataFrame()
    df = numeric(actors, ["n_mentions"])
    outlets = outlet_of(articles)
    df["outlet"] = df["doc_id"].map(lambda d: outlets.get(d, NO_OUTLET))
    table = df.pivot_table(index="actor_id", columns="outlet", values="n_mentions", aggfunc="sum", fill_value=0)
    table = table.loc[:, table.sum().sort_values(ascending=False, kind="stable").index]
    order = table.sum(axis=1).to_frame("n").assign(a=table.index).sort_values(["n", "a"], ascending=[False, True])
    return table.loc[order.index]


@styled
def mentions_by_outlet(actors: pd.DataFrame, articles: pd.DataFrame, top: int = 15, max_outlets: int = 7) -> Figure:
    """Stacked bars: the most-mentioned actors, mentions split by outlet."""
    title = "Who is in the news: actor mentions by outlet"
    table = mention_counts(actors, articles)
    if table.empty:
        return no_data(title, "no actor mentions")
    names = actor_names(actors)
    if table.shape[1] > max_outlets:
        rest = table.iloc[:, max_outlets - 1:].sum(axis=1)
        table = table.iloc[:, : max_outlets - 1].assign(**{"other outlets": rest})
    table = table.head(top).iloc[::-1]
    fig = new_figure(1.2 + 0.32 * len(table))
    ax = fig.add_subplot()
    left = np.zeros(len(table))
    y = np.arange(len(table))
    for i, outlet in enumerate(table.columns):
        values = table[outlet].to_numpy(dtype=float)
        ax.barh(y, values, left=left, color=PALETTE[i % len(PALETTE)], label=short(outlet, 30), height=0.7)
        left += values
    for yi, total in zip(y, left):
        ax.text(total, yi, f" {int(total)}", va="center", fontsize=8)
    ax.set_yticks(y, [short(name_of(a, names), 30) for a in table.index])
    ax.set_xlabel("mentions")
    ax.set_xlim(0, max(left.max(), 1) * 1.1)
    ax.set_title(title)
    ax.legend(title="outlet", loc="lower right")
    return fig


# ---------------------------------------------------------------- sentiment by actor

def sentiment_rows(actor_sentiment: pd.DataFrame, min_sentences: int = 2, top: int = 20) -> pd.DataFrame:
    """The actors in the most sentences (at least ``min_sentences``), sorted by mean score."""
    if actor_sentiment is None or actor_sentiment.empty:
        return pd.DataFrame(columns=["actor_id", "actor_name", "n_sentences", "mean_score", "ci_low", "ci_high"])
    df = numeric(actor_sentiment, ["n_sentences", "mean_score", "ci_low", "ci_high"])
    df = df[(df["n_sentences"] >= min_sentences) & df["mean_score"].notna()]
    df = df.sort_values(["n_sentences", "actor_id"], ascending=[False, True]).head(top)
    return df.sort_values(["mean_score", "actor_id"]).reset_index(drop=True)


@styled
def sentiment_by_actor(actor_sentiment: pd.DataFrame, min_sentences: int = 2, top: int = 20) -> Figure:
    """Mean sentence score around each actor with its 95% interval."""
    title = "Tone around each actor: mean sentence score, 95% interval"
    df = sentiment_rows(actor_sentiment, min_sentences, top)
    if df.empty:
        return no_data(title, f"no actor in {min_sentences} or more scored sentences")
    fig = new_figure(1.2 + 0.3 * len(df))
    ax = fig.add_subplot()
    y = np.arange(len(df))
    mean = df["mean_score"].to_numpy(dtype=float)
    lo = df["ci_low"].fillna(df["mean_score"]).to_numpy(dtype=float)
    hi = df["ci_high"].fillna(df["mean_score"]).to_numpy(dtype=float)
    colours = [PALETTE[5] if m < 0 else PALETTE[0] for m in mean]
    ax.hlines(y, np.clip(lo, -1, 1), np.clip(hi, -1, 1), color="#999999", linewidth=1.6)
    ax.scatter(mean, y, color=colours, zorder=3, s=28)
    ax.axvline(0, color="#333333", linewidth=0.8)
    labels = [f"{short(n, 28)} (n={int(k)})" for n, k in zip(df["actor_name"], df["n_sentences"])]
    ax.set_yticks(y, labels)
    ax.set_xlim(-1, 1)
    ax.set_xlabel("news-adjusted sentence score (−1 negative … +1 positive); intervals clipped to ±1")
    ax.set_title(title)
    return fig


# ---------------------------------------------------------------- stance matrix

def stance_grid(matrix: pd.DataFrame, top: int = 25) -> pd.DataFrame:
    """The stance matrix as numbers, for the actors with the most signals."""
    cols = ["support", "oppose", "neutral", "n", "net"]
    if matrix is None or matrix.empty:
        return pd.DataFrame(columns=["actor_id", "target", *cols])
    df = numeric(matrix, cols)
    keep = df.groupby("actor_id")["n"].sum().reset_index().sort_values(["n", "actor_id"], ascending=[False, True])
    return df[df["actor_id"].isin(set(keep["actor_id"].head(top)))].reset_index(drop=True)


def cell_label(support: float, oppose: float, neutral: float) -> str:
    """Counts per label, zeros left out: "2S 1O", "1N"."""
    parts = [f"{int(v)}{k}" for v, k in ((support, "S"), (oppose, "O"), (neutral, "N")) if v and v > 0]
    return " ".join(parts)


@styled
def stance_heatmap(matrix: pd.DataFrame, actors: pd.DataFrame | None = None, top: int = 25) -> Figure:
    """Actor x target heatmap of net stance, each cell labelled with its counts (S support, O oppose, N neutral)."""
    title = "Who takes which side: stance signals, actor × target"
    df = stance_grid(matrix, top)
    if df.empty:
        return no_data(title, "no stance signals")
    names = actor_names(*(f for f in (actors,) if f is not None))
    a_order = (df.groupby("actor_id")["n"].sum().reset_index()
               .sort_values(["n", "actor_id"], ascending=[False, True])["actor_id"].tolist())
    t_order = (df.groupby("target")["n"].sum().reset_index()
               .sort_values(["n", "target"], ascending=[False, True])["target"].tolist())
    net = df.pivot_table(index="actor_id", columns="target", values="net", aggfunc="mean").reindex(
        index=a_order, columns=t_order)
    fig = new_figure(1.8 + 0.34 * len(a_order))
    ax = fig.add_subplot()
    image = ax.imshow(net.to_numpy(dtype=float), cmap="RdBu", norm=TwoSlopeNorm(0, -1, 1), aspect="auto")
    lookup = {(r.actor_id, r.target): r for r in df.itertuples()}
    for i, a in enumerate(a_order):
        for j, t in enumerate(t_order):
            r = lookup.get((a, t))
            if r is not None:
                colour = "white" if abs(r.net) > 0.6 else "black"
                ax.text(j, i, cell_label(r.support, r.oppose, r.neutral), ha="center", va="center",
                        fontsize=7, color=colour)
    ax.set_xticks(range(len(t_order)), [short(humanise(t), 24) for t in t_order], rotation=35, ha="right")
    ax.set_yticks(range(len(a_order)), [short(name_of(a, names), 28) for a in a_order])
    ax.set_xticks(np.arange(-0.5, len(t_order)), minor=True)
    ax.set_yticks(np.arange(-0.5, len(a_order)), minor=True)
    ax.grid(which="minor", color="white", linewidth=1.5)
    ax.tick_params(which="minor", length=0)
    for side in ax.spines.values():
        side.set_visible(False)
    fig.colorbar(image, ax=ax, shrink=0.6, label="net = (support − oppose) / signals")
    ax.set_title(title)
    return fig


# ---------------------------------------------------------------- votes

def vote_chart_data(facts: pd.DataFrame, actors: pd.DataFrame | None = None) -> list[dict]:
    """Per vote (most-reported first): for each position the tally(ies) and the names the text places there."""
    rows = vote_rows(facts)
    if rows.empty:
        return []
    names = actor_names(*(f for f in (actors,) if f is not None))
    groups = group_members()
    out = []
    for vote, part in sorted(rows.groupby("vote"), key=lambda kv: (-len(kv[1]), kv[0])):
        positions = {}
        for pos in POSITION_COLOURS:
            p = part[part["position"] == pos]
            tallies = [int(v) for v in dict.fromkeys(p.loc[p["kind"] == "tally", "value"])]
            named = list(dict.fromkeys(p.loc[p["kind"] == "named", "actor_id"]))
            labels = [name_of(a, names) + (" (group)" if a in groups else "") for a in named]
            positions[pos] = {"tallies": tallies, "named": labels}
        out.append({"vote": vote, "label": name_of(vote, names) if vote in names else humanise(vote),
                    "positions": positions})
    return out


@styled
def vote_breakdown(facts: pd.DataFrame, actors: pd.DataFrame | None = None, max_votes: int = 3) -> Figure:
    """Per vote: the tally in each position, with the states the text places there."""
    title = "How they voted: tallies and the states named in each group"
    data = vote_chart_data(facts, actors)[:max_votes]
    if not data:
        return no_data(title, "no vote tallies or positions in the facts")
    fig = new_figure(0.8 + 1.9 * len(data))
    axes = fig.subplots(len(data), 1, squeeze=False)[:, 0]
    for ax, vote in zip(axes, data):
        positions = list(POSITION_COLOURS)
        y = np.arange(len(positions))[::-1]
        widest = 1
        for yi, pos in zip(y, positions):
            info = vote["positions"][pos]
            named = info["named"]
            if info["tallies"]:
                value, hatch, alpha = info["tallies"][0], None, 1.0
                count = "/".join(str(t) for t in info["tallies"])
                if len(info["tallies"]) > 1:
                    count += " (sources differ)"
            elif named:
                value, hatch, alpha = len(named), "///", 0.45
                count = f"{len(named)} named, no total given"
            else:
                value, hatch, alpha, count = 0, None, 1.0, "not reported"
            widest = max(widest, value)
            ax.barh(yi, value, color=POSITION_COLOURS[pos], hatch=hatch, alpha=alpha, height=0.6,
                    edgecolor="white")
            who = textwrap.shorten(", ".join(named), 90, placeholder=" …") if named else ""
            ax.text(value, yi, f"  {count}" + (f" — {who}" if who else ""), va="center", fontsize=8)
        ax.set_yticks(y, positions)
        ax.set_xlim(0, widest * 2.2)
        ax.set_xlabel("countries (as reported)")
        ax.set_title(f"{title}: {short(vote['label'], 40)}" if ax is axes[0] else short(vote["label"], 40),
                     fontsize=10 if ax is not axes[0] else None)
    disputes = vote_disputes(facts, actors)
    if disputes:
        note = "The sentences disagree on: " + "; ".join(disputes)
        fig.supxlabel(textwrap.fill(short(note, 400), 150), x=0.01, ha="left", fontsize=8, color=PALETTE[5])
    return fig


def vote_disputes(facts: pd.DataFrame, actors: pd.DataFrame | None = None) -> list[str]:
    """Conflicting vote counts and positions, one short phrase each ("how many of Central Asia abstained: 5 / 4")."""
    names = actor_names(*(f for f in (actors,) if f is not None))
    return [f"{c.topic} ({' / '.join(cl.text for cl in c.claims)})" for c in vote_conflicts(facts, names)]


# ---------------------------------------------------------------- co-mention network

def co_mentions(mentions: pd.DataFrame, top: int = 25) -> tuple[pd.Series, pd.DataFrame]:
    """(mentions per actor for the ``top`` actors, edges a-b-weight: sentences mentioning both)."""
    if mentions is None or mentions.empty:
        return pd.Series(dtype=float), pd.DataFrame(columns=["a", "b", "weight"])
    counts = mentions.groupby("actor_id").size()
    counts = counts.reset_index(name="n").sort_values(["n", "actor_id"], ascending=[False, True]).head(top)
    keep = set(counts["actor_id"])
    pairs: dict[tuple[str, str], int] = {}
    m = mentions[mentions["actor_id"].isin(keep)]
    for _, ids in m.groupby(["doc_id", "sent_id"])["actor_id"]:
        ids = sorted(set(ids))
        for i, a in enumerate(ids):
            for b in ids[i + 1:]:
                pairs[(a, b)] = pairs.get((a, b), 0) + 1
    edges = pd.DataFrame([(a, b, w) for (a, b), w in sorted(pairs.items())], columns=["a", "b", "weight"])
    return counts.set_index("actor_id")["n"], edges


@styled
def co_mention_network(mentions: pd.DataFrame, top: int = 25, seed: int = 7) -> Figure:
    """Actors as nodes (size: mentions, colour: kind), linked when mentioned in the same sentence."""
    import networkx as nx

    title = "Who appears with whom: actors mentioned in the same sentence"
    counts, edges = co_mentions(mentions, top)
    if counts.empty:
        return no_data(title, "no actor mentions")
    names = actor_names(mentions)
    kinds = dict(zip(mentions["actor_id"], mentions["kind"])) if "kind" in mentions.columns else {}
    g = nx.Graph()
    for a in sorted(counts.index):
        g.add_node(a)
    for r in edges.itertuples():
        g.add_edge(r.a, r.b, weight=float(r.weight))
    pos = nx.spring_layout(g, seed=seed, weight="weight", k=1.6 / np.sqrt(max(len(g), 1)), iterations=200)
    fig = new_figure(6.4)
    ax = fig.add_subplot()
    ax.axis("off")
    nodes = sorted(g.nodes)
    if len(edges):
        w = edges["weight"].to_numpy(dtype=float)
        nx.draw_networkx_edges(g, pos, ax=ax, edgelist=list(zip(edges["a"], edges["b"])),
                               width=0.5 + 3.0 * w / w.max(), edge_color="#BBBBBB", alpha=0.8)
    sizes = [80 + 900 * counts[a] / counts.max() for a in nodes]
    colours = [KIND_COLOURS.get(kinds.get(a, ""), "#777777") for a in nodes]
    nx.draw_networkx_nodes(g, pos, ax=ax, nodelist=nodes, node_size=sizes, node_color=colours,
                           edgecolors="white", linewidths=0.8)
    for a in nodes:
        x, y = pos[a]
        ax.text(x, y, short(name_of(a, names), 22), fontsize=7, ha="center", va="center",
                bbox=dict(boxstyle="round,pad=0.15", fc="white", ec="none", alpha=0.7))
    for kind, colour in KIND_COLOURS.items():
        if kind in {kinds.get(a) for a in nodes}:
            ax.scatter([], [], color=colour, label=kind, s=40)
    ax.legend(loc="lower left", title="kind")
    ax.set_title(title)
    ax.margins(0.08)
    return fig


# ---------------------------------------------------------------- timeline of dated events

def dated_events(events: pd.DataFrame, articles: pd.DataFrame | None = None) -> pd.DataFrame:
    """Events that carry a date as written, in document order (the articles table's order) and sentence order."""
    cols = ["doc_id", "sent_id", "event", "source_id", "target_id", "cue", "date_text"]
    if events is None or events.empty or "date_text" not in events.columns:
        return pd.DataFrame(columns=cols + ["doc_rank"])
    df = events[events["date_text"].astype(str).str.strip() != ""].copy()
    order = list(articles["doc_id"]) if articles is not None and "doc_id" in articles.columns else []
    rank = {d: i for i, d in enumerate(order)}
    df["doc_rank"] = df["doc_id"].map(lambda d: rank.get(d, len(rank)))
    df["sent_id"] = pd.to_numeric(df["sent_id"], errors="coerce").fillna(0).astype(int)
    df["_row"] = range(len(df))
    df = df.sort_values(["doc_rank", "doc_id", "sent_id", "_row"]).drop(columns="_row")
    return df.reset_index(drop=True)


def event_phrase(r, names: dict[str, str]) -> str:
    """"Antony Blinken — visit → Kazakhstan" for an event row."""
    source = name_of(r.source_id, names) if r.source_id else "?"
    target = f" → {name_of(r.target_id, names)}" if r.target_id else ""
    return f"{source} — {r.event}{target}"


@styled
def event_timeline(events: pd.DataFrame, articles: pd.DataFrame | None = None,
                   actors: pd.DataFrame | None = None, top: int = 40) -> Figure:
    """Dated events in text order per document, each labelled with its date as written."""
    title = "When: events with a date, as the text gives it (text order, not calendar order)"
    df = dated_events(events, articles).head(top)
    if df.empty:
        return no_data(title, "no event carries a date")
    names = actor_names(*(f for f in (actors,) if f is not None))
    docs = list(dict.fromkeys(df["doc_id"]))
    labels = doc_labels(articles, docs)
    colour = {d: PALETTE[i % len(PALETTE)] for i, d in enumerate(docs)}
    rows: list[tuple[str, object]] = []
    for d in docs:
        rows.append(("doc", d))
        rows.extend(("event", r) for r in df[df["doc_id"] == d].itertuples())
    fig = new_figure(0.9 + 0.26 * len(rows))
    ax = fig.add_subplot()
    ax.axis("off")
    n = len(rows)
    ax.set_xlim(0, 1)
    ax.set_ylim(-n, 1)
    for i, (kind, item) in enumerate(rows):
        y = -i
        if kind == "doc":
            ax.text(0.0, y, labels[item], fontsize=9, fontweight="bold", va="center", color=colour[item])
            continue
        ax.plot([0.3], [y], marker="o", color=colour[item.doc_id], markersize=5)
        ax.text(0.28, y, short(item.date_text, 30), ha="right", va="center", fontsize=8)
        ax.text(0.32, y, short(f"{event_phrase(item, names)}  (sentence {item.sent_id})", 70), va="center",
                fontsize=8, color="#333333")
    for d in docs:
        ys = [-i for i, (k, it) in enumerate(rows) if k == "event" and it.doc_id == d]
        ax.plot([0.3, 0.3], [min(ys), max(ys)], color=colour[d], linewidth=1, alpha=0.5, zorder=0)
    ax.set_title(title)
    return fig


