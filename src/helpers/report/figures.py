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

from helpers.analyse.aggregate import corpus_ids, explicit, keyed_column, vote_conflicts, vote_facts, vote_rows
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
    """Actor x outlet mention counts (rows: actor ids as :func:`corpus_ids` keys them, columns: outlets
    by total, values: mentions)."""
    if actors is None or actors.empty:
        return pd.DataFrame()
    df = corpus_ids(numeric(actors, ["n_mentions"]))
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
    names = actor_names(corpus_ids(actors))
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
    df = corpus_ids(numeric(matrix, cols))  # a surname id of several people: a row each
    if df.duplicated(["actor_id", "target"]).any():  # one cell per actor and target, counts pooled
        named = "actor_name" in df.columns
        agg = {c: "sum" for c in ("support", "oppose", "neutral", "n")}
        if named:
            agg["actor_name"] = "first"
        df = df.groupby(["actor_id", "target"], as_index=False, sort=False).agg(agg)
        df["net"] = (df["support"] - df["oppose"]) / df["n"].where(df["n"] > 0)
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
    # a voter the text introduces is named per document; only the vote facts need naming
    rows = vote_rows(keyed_column(vote_facts(facts), actors, "subject"))
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
    keyed = keyed_column(vote_facts(facts), actors, "subject")  # two Senators Brown in two documents are no dispute
    return [f"{c.topic} ({' / '.join(cl.text for cl in c.claims)})" for c in vote_conflicts(keyed, names)]


# ---------------------------------------------------------------- co-mention network

def actor_kinds(mentions: pd.DataFrame) -> dict:
    """actor_id -> kind, the last row's kind for an actor (each distinct pair looked at once)."""
    if "kind" not in mentions.columns:
        return {}
    pairs = mentions[["actor_id", "kind"]].drop_duplicates(keep="last")
    return dict(zip(pairs["actor_id"].tolist(), pairs["kind"].tolist()))


def co_mentions(mentions: pd.DataFrame, top: int = 25) -> tuple[pd.Series, pd.DataFrame]:
    """(mentions per actor for the ``top`` actors, edges a-b-weight: sentences mentioning both); actors
    as :func:`corpus_ids` keys them, so a surname id of several people is several nodes."""
    if mentions is None or mentions.empty:
        return pd.Series(dtype=float), pd.DataFrame(columns=["a", "b", "weight"])
    mentions = corpus_ids(mentions)
    counts = mentions.groupby("actor_id").size()
    counts = counts.reset_index(name="n").sort_values(["n", "actor_id"], ascending=[False, True]).head(top)
    keep = set(counts["actor_id"])
    # One row per (sentence, actor), joined with itself on the sentence: each pair a < b once per sentence.
    m = mentions.loc[mentions["actor_id"].isin(keep), ["doc_id", "sent_id", "actor_id"]]
    m = m.dropna(subset=["doc_id", "sent_id"]).drop_duplicates()
    both = m.merge(m, on=["doc_id", "sent_id"], suffixes=("_a", "_b"))
    both = both[both["actor_id_a"] < both["actor_id_b"]]
    pairs = both.groupby(["actor_id_a", "actor_id_b"]).size()
    edges = pd.DataFrame(sorted((a, b, int(w)) for (a, b), w in pairs.items()), columns=["a", "b", "weight"])
    return counts.set_index("actor_id")["n"], edges


@styled
def co_mention_network(mentions: pd.DataFrame, top: int = 25, seed: int = 7) -> Figure:
    """Actors as nodes (size: mentions, colour: kind), linked when mentioned in the same sentence."""
    import networkx as nx

    title = "Who appears with whom: actors mentioned in the same sentence"
    counts, edges = co_mentions(mentions, top)
    if counts.empty:
        return no_data(title, "no actor mentions")
    keyed = corpus_ids(mentions)
    names = actor_names(keyed)
    kinds = actor_kinds(keyed)
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


def event_names(actors: pd.DataFrame | None) -> dict:
    """Names for event rows (:func:`event_phrase`): ``(doc_id, actor_id)`` -> the actor's name in that
    document, since a surname id names different people in different documents; then
    ``actor_id`` -> a name, for ids no actors row of the document holds."""
    names: dict = actor_names(*(f for f in (actors,) if f is not None))
    if actors is not None and len(actors) and {"doc_id", "actor_id", "actor_name"} <= set(actors.columns):
        names.update(zip(zip(actors["doc_id"].tolist(), actors["actor_id"].tolist()), actors["actor_name"].tolist()))
    return names


def event_phrase(r, names: dict) -> str:
    """"Antony Blinken — visit → Kazakhstan" for an event row; ``names`` from :func:`event_names`."""
    doc = getattr(r, "doc_id", None)

    def who(actor_id: str) -> str:
        return names.get((doc, actor_id)) or name_of(actor_id, names)

    source = who(r.source_id) if r.source_id else "?"
    target = f" → {who(r.target_id)}" if r.target_id else ""
    return f"{source} — {r.event}{target}"


#: the precisions of an event's calendar date that the timeline draws (a year is too coarse to place).
PLACED_PRECISIONS = ("day", "week", "month")


def placed_events(events: pd.DataFrame | None, articles: pd.DataFrame | None = None,
                  margin_days: int | None = None) -> pd.DataFrame:
    """Dated events whose date phrase was placed on the calendar to the day, week or month
    (``events.date``, ``events.date_precision``), by date, then document and sentence order.

    With ``margin_days``, only those within that many days of the articles' own dates (their first
    to their last): history recalled in the text ("in 1991", "80 years ago") would otherwise stretch
    a timeline of the coverage period to decades. Articles without dates leave every event in."""
    df = dated_events(events, articles)
    if df.empty or "date" not in df.columns or "date_precision" not in df.columns:
        return df.iloc[0:0].assign(when=pd.Series(dtype="datetime64[ns]"))
    df = df[df["date_precision"].astype(str).isin(PLACED_PRECISIONS)].copy()
    df["when"] = pd.to_datetime(df["date"].astype(str), format="%Y-%m-%d", errors="coerce")
    df = df[df["when"].notna()]
    if margin_days is not None:
        dates = article_dates(articles)
        if not dates.empty:
            pad = pd.Timedelta(days=margin_days)
            df = df[(df["when"] >= dates.min() - pad) & (df["when"] <= dates.max() + pad)]
    df["_row"] = range(len(df))
    return df.sort_values(["when", "doc_rank", "doc_id", "sent_id", "_row"]).drop(columns="_row").reset_index(drop=True)


#: how far before the first and after the last article date the timeline reaches (days).
TIMELINE_MARGIN_DAYS = 92


#: how wide a date of each precision is drawn, in days (its first day to its last).
_SPAN_DAYS = {"day": 0, "week": 6, "month": 29}


@styled
def event_timeline(events: pd.DataFrame, articles: pd.DataFrame | None = None,
                   actors: pd.DataFrame | None = None, top: int = 40) -> Figure:
    """Events on the calendar when their date phrases could be placed against their articles' dates
    (one labelled row per event up to ``top``, else one row per event type); otherwise the dated
    events in text order per document, each labelled with its date as written."""
    placed = placed_events(events, articles, TIMELINE_MARGIN_DAYS)
    if not placed.empty:
        return _calendar_timeline(placed, dated_events(events, articles), actors, top)
    title = "When: events with a date, as the text gives it (text order, not calendar order)"
    df = dated_events(events, articles).head(top)
    if df.empty:
        return no_data(title, "no event carries a date")
    names = event_names(actors)
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


def _calendar_timeline(placed: pd.DataFrame, dated: pd.DataFrame, actors: pd.DataFrame | None, top: int) -> Figure:
    import matplotlib.dates as mdates

    left = len(dated) - len(placed)
    note = f" ({left} other dated events not placed or outside the articles' period)" if left else ""
    x0 = mdates.date2num(placed["when"].to_numpy())
    span = placed["date_precision"].map(_SPAN_DAYS).fillna(0).to_numpy(dtype=float)
    fig = new_figure(1.2 + 0.24 * (len(placed) if len(placed) <= top else placed["event"].nunique()))
    ax = fig.add_subplot()
    if len(placed) <= top:
        names = event_names(actors)
        ys = -np.arange(len(placed))
        for y, a, w in zip(ys, x0, span):
            if w:
                ax.plot([a, a + w], [y, y], color=PALETTE[0], linewidth=3, alpha=0.45, solid_capstyle="butt")
        ax.plot(x0 + span / 2, ys, "o", color=PALETTE[0], markersize=4)
        ax.set_yticks(ys, [short(f"{event_phrase(r, names)} (“{r.date_text}”)", 60) for r in placed.itertuples()])
        title = f"When: {len(placed)} events by date"
    else:
        kinds = placed["event"].value_counts()
        kinds = kinds.reset_index().set_axis(["event", "n"], axis=1).sort_values(["n", "event"], ascending=[False, True])
        row = {e: -i for i, e in enumerate(kinds["event"])}
        ys = placed["event"].map(row).to_numpy(dtype=float)
        ax.plot(x0 + span / 2, ys, "|", color=PALETTE[0], markersize=9, alpha=0.5)
        ax.set_yticks(list(row.values()), [f"{humanise(e)} ({n})" for e, n in zip(kinds["event"], kinds["n"])])
        title = f"When: {len(placed)} events by date and type"
    ax.set_ylim(min(ys) - 0.7, 0.7)
    locator = mdates.AutoDateLocator(minticks=3, maxticks=9)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    lo, hi = float(x0.min()), float((x0 + span).max())
    pad = max(1.0, (hi - lo) * 0.03)
    ax.set_xlim(lo - pad, hi + pad)
    ax.grid(axis="x", color="#dddddd", linewidth=0.6)
    ax.set_axisbelow(True)
    ax.set_title(title)
    how = "a bar spans a week or a month" if len(placed) <= top else "a week or month is marked at its middle"
    ax.set_xlabel(f"dates as written (“Tuesday”, “last week”) placed against each article's date; {how}"
                  + (f"\n{note.strip(' ()')}" if note else ""), fontsize=8, color="#555555")
    return fig


# ---------------------------------------------------------------- coverage over time

COVERAGE_UNITS = ("day", "week", "month")
STANCE_COLOURS = {"support": "#009E73", "oppose": "#D55E00", "neutral": "#999999"}
_ISO_DATE = re.compile(r"^\s*(\d{4}-\d{2}-\d{2})")


def article_dates(articles: pd.DataFrame | None) -> pd.Series:
    """doc_id -> the article's date (a Timestamp), for the articles whose ``date`` starts YYYY-MM-DD."""
    if articles is None or articles.empty or "date" not in articles.columns:
        return pd.Series(dtype="datetime64[ns]")
    text = articles["date"].fillna("").astype(str).str.extract(_ISO_DATE, expand=False)
    dates = pd.to_datetime(text, format="%Y-%m-%d", errors="coerce")
    out = pd.Series(dates.to_numpy(), index=articles["doc_id"].astype(str).to_numpy())
    return out[out.notna()]


def coverage_unit(first: pd.Timestamp, last: pd.Timestamp) -> str:
    """The period for a span of dates: by day up to 60 days, by month beyond two years, else by week."""
    span = (last - first).days
    return "day" if span <= 60 else "month" if span > 730 else "week"


def period_start(dates: pd.Series, unit: str) -> pd.Series:
    """Each date's period, as the period's first day: the day, the Monday of its week, the 1st of its month."""
    if unit == "day":
        return dates.dt.normalize()
    if unit == "week":
        return (dates - pd.to_timedelta(dates.dt.day_of_week, unit="D")).dt.normalize()
    return dates.dt.to_period("M").dt.start_time


def coverage_data(articles: pd.DataFrame | None, article_sentiment: pd.DataFrame | None = None,
                  stance: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per period from the first dated article to the last (empty periods included): documents,
    the mean of the articles' mean sentence score (``mean_tone``, over ``tone_documents``) and the
    stance signals by label. Empty when no article has a date."""
    cols = ["period", "unit", "documents", "tone_documents", "mean_tone", *STANCE_COLOURS]
    dates = article_dates(articles)
    if dates.empty:
        return pd.DataFrame(columns=cols)
    unit = coverage_unit(dates.min(), dates.max())
    periods = period_start(pd.Series(dates.to_numpy(), index=dates.index), unit)
    freq = {"day": "D", "week": "W-MON", "month": "MS"}[unit]
    index = pd.date_range(periods.min(), periods.max(), freq=freq)
    out = pd.DataFrame(index=index)
    out["documents"] = periods.value_counts().reindex(index, fill_value=0).astype(int)
    tone = numeric(article_sentiment if article_sentiment is not None else pd.DataFrame(columns=["doc_id"]),
                   ["mean_score"])
    tone = tone[tone["doc_id"].astype(str).isin(periods.index) & tone["mean_score"].notna()]
    by_period = pd.Series(tone["mean_score"].to_numpy(dtype=float),
                          index=periods.reindex(tone["doc_id"].astype(str)).to_numpy())
    grouped = by_period.groupby(level=0)
    out["tone_documents"] = grouped.size().reindex(index, fill_value=0).astype(int)
    out["mean_tone"] = grouped.mean().reindex(index)
    for label in STANCE_COLOURS:
        out[label] = 0
    stance = explicit(stance)  # signals stated in the text, not coding conventions
    if stance is not None and len(stance) and {"doc_id", "label"} <= set(stance.columns):
        s = stance[stance["doc_id"].astype(str).isin(periods.index) & stance["label"].isin(list(STANCE_COLOURS))]
        if len(s):
            p = periods.reindex(s["doc_id"].astype(str)).to_numpy()
            counts = pd.crosstab(p, s["label"].to_numpy())
            for label in STANCE_COLOURS:
                if label in counts.columns:
                    out[label] = counts[label].reindex(index, fill_value=0).astype(int)
    out.insert(0, "unit", unit)
    out.insert(0, "period", [d.date().isoformat() for d in index])
    return out.reset_index(drop=True)[cols]


def period_bars(ax, x: np.ndarray, heights: np.ndarray, width: float, *, bottom: np.ndarray | None = None,
                color: str, label: str | None = None):
    """Bars from ``x`` to ``x + width``, ``bottom`` to ``bottom + heights``, as one collection: what
    ``ax.bar(align="edge")`` draws, but one artist rather than a patch per bar, so a figure of a year
    by day draws and saves in a fraction of the time. The bars stand on the axis (y = 0 is a sticky edge)."""
    from matplotlib.collections import PolyCollection

    base = np.zeros(len(x)) if bottom is None else np.asarray(bottom, dtype=float)
    top = base + heights
    verts = [[(a, b), (a + width, b), (a + width, t), (a, t)] for a, b, t in zip(x, base, top)]
    bars = PolyCollection(verts, facecolors=color, edgecolors="none", label=label)
    bars.sticky_edges.y.append(0)
    ax.add_collection(bars)
    ax.autoscale_view()
    return bars


@styled
def coverage_over_time(articles: pd.DataFrame | None, article_sentiment: pd.DataFrame | None = None,
                       stance: pd.DataFrame | None = None) -> Figure:
    """Documents per day, week or month (by the span of the dates), with the mean tone and the stance
    signals per period; a figure that says so when the articles carry no dates."""
    import matplotlib.dates as mdates

    title = "Coverage over time"
    df = coverage_data(articles, article_sentiment, stance)
    if df.empty:
        n = 0 if articles is None else len(articles)
        return no_data(title, f"none of the {n} articles carries a date (articles.date, YYYY-MM-DD)")
    unit = df["unit"].iloc[0]
    x = mdates.date2num(pd.to_datetime(df["period"]).to_numpy())
    width = {"day": 0.8, "week": 5.6, "month": 24.0}[unit]
    # Fixed margins, not new_figure's constrained layout: with three stacked axes its solution varies
    # in the last bits from run to run, and the SVG's clip ids (hashes of the axes' boxes) with it.
    fig = Figure(figsize=(WIDTH, 6.2), dpi=DPI)
    fig.subplots_adjust(left=0.085, right=0.985, top=0.94, bottom=0.07, hspace=0.18)
    ax_docs, ax_tone, ax_stance = fig.subplots(3, 1, height_ratios=[1.3, 1.0, 1.0])
    docs = df["documents"].to_numpy(dtype=float)
    period_bars(ax_docs, x, docs, width, color=PALETTE[0])
    ax_docs.set_ylabel(f"documents per {unit}")
    undated = (0 if articles is None else len(articles)) - int(docs.sum())
    note = f" ({undated} undated not shown)" if undated > 0 else ""
    ax_docs.set_title(f"{title}: documents per {unit}, mean article tone, stance signals{note}")
    tone = df["mean_tone"].to_numpy(dtype=float)
    ax_tone.axhline(0, color="#333333", linewidth=0.8)
    ax_tone.plot(x + width / 2, tone, color=PALETTE[5], marker="o", markersize=2.5, linewidth=1.0)
    finite = tone[np.isfinite(tone)]
    bound = max(0.1, float(np.abs(finite).max()) * 1.15) if finite.size else 1.0
    ax_tone.set_ylim(-min(bound, 1.0), min(bound, 1.0))
    ax_tone.set_ylabel("mean article tone")
    bottom = np.zeros(len(df))
    for label, colour in STANCE_COLOURS.items():
        values = df[label].to_numpy(dtype=float)
        period_bars(ax_stance, x, values, width, bottom=bottom, color=colour, label=label)
        bottom += values
    ax_stance.set_ylabel("stance signals")
    if bottom.max() > 0:
        ax_stance.legend(loc="upper left", ncols=3)
    else:
        ax_stance.text(0.5, 0.5, "no stance signals", transform=ax_stance.transAxes, ha="center",
                       va="center", color="#666666")
    locator = mdates.AutoDateLocator(minticks=4, maxticks=10)
    ax_stance.xaxis.set_major_locator(locator)
    ax_stance.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    for ax in (ax_docs, ax_tone, ax_stance):
        ax.set_xlim(x[0] - width * 0.5, x[-1] + width * 1.5)
    for ax in (ax_docs, ax_tone):
        ax.xaxis.set_major_locator(locator)
        ax.tick_params(axis="x", labelbottom=False)
    return fig


# ---------------------------------------------------------------- the data each figure draws
#
# One function per figure, taking the figure function's arguments: the rows it plots, in the
# order it plots them, with the labels it writes. Notebook 06 saves each as <name>.csv beside
# the figure (helpers.report.export.write_figure_data).


def mentions_by_outlet_data(actors: pd.DataFrame, articles: pd.DataFrame, top: int = 15,
                            max_outlets: int = 7) -> pd.DataFrame:
    """Long form of the stacked bars: rank (1 = top bar), actor_id, actor, outlet (as stacked), mentions."""
    cols = ["rank", "actor_id", "actor", "outlet", "mentions"]
    table = mention_counts(actors, articles)
    if table.empty:
        return pd.DataFrame(columns=cols)
    names = actor_names(corpus_ids(actors))
    if table.shape[1] > max_outlets:
        rest = table.iloc[:, max_outlets - 1:].sum(axis=1)
        table = table.iloc[:, : max_outlets - 1].assign(**{"other outlets": rest})
    table = table.head(top)
    rows = [(rank, a, name_of(a, names), outlet, int(table.at[a, outlet]))
            for rank, a in enumerate(table.index, start=1) for outlet in table.columns]
    return pd.DataFrame(rows, columns=cols)


def sentiment_by_actor_data(actor_sentiment: pd.DataFrame, min_sentences: int = 2, top: int = 20) -> pd.DataFrame:
    """The points and intervals, bottom to top: actor_id, actor_name, n_sentences, mean_score, ci_low, ci_high."""
    cols = ["actor_id", "actor_name", "n_sentences", "mean_score", "ci_low", "ci_high"]
    return sentiment_rows(actor_sentiment, min_sentences, top).reindex(columns=cols)


def stance_matrix_data(matrix: pd.DataFrame, actors: pd.DataFrame | None = None, top: int = 25) -> pd.DataFrame:
    """The cells, rows top to bottom and columns left to right: counts, net and the cell's label."""
    cols = ["actor_id", "actor", "target", "target_label", "support", "oppose", "neutral", "n", "net", "cell"]
    df = stance_grid(matrix, top)
    if df.empty:
        return pd.DataFrame(columns=cols)
    names = actor_names(*(f for f in (actors,) if f is not None))
    a_rank = {a: i for i, a in enumerate(df.groupby("actor_id")["n"].sum().reset_index()
                                         .sort_values(["n", "actor_id"], ascending=[False, True])["actor_id"])}
    t_rank = {t: i for i, t in enumerate(df.groupby("target")["n"].sum().reset_index()
                                         .sort_values(["n", "target"], ascending=[False, True])["target"])}
    df = df.assign(_a=df["actor_id"].map(a_rank), _t=df["target"].map(t_rank)).sort_values(["_a", "_t"], kind="stable")
    df["actor"] = [name_of(a, names) for a in df["actor_id"]]
    df["target_label"] = [humanise(t) for t in df["target"]]
    df["cell"] = [cell_label(s, o, n) for s, o, n in zip(df["support"], df["oppose"], df["neutral"])]
    return df.reindex(columns=cols).reset_index(drop=True)


def vote_breakdown_data(facts: pd.DataFrame, actors: pd.DataFrame | None = None, max_votes: int = 3) -> pd.DataFrame:
    """One row per vote and position as drawn: the bar's value, whether it is a tally or a count of
    the states named, the tallies ('/'-joined when sources differ) and the names ('; '-joined)."""
    cols = ["vote", "vote_label", "position", "value", "value_is", "tallies", "named"]
    rows = []
    for vote in vote_chart_data(facts, actors)[:max_votes]:
        for pos in POSITION_COLOURS:
            info = vote["positions"][pos]
            if info["tallies"]:
                value, what = info["tallies"][0], "tally"
            elif info["named"]:
                value, what = len(info["named"]), "named"
            else:
                value, what = 0, "not reported"
            rows.append((vote["vote"], vote["label"], pos, value, what, "/".join(map(str, info["tallies"])),
                         "; ".join(info["named"])))
    return pd.DataFrame(rows, columns=cols)


def co_mention_graph(mentions: pd.DataFrame, top: int = 25, network: tuple[pd.Series, pd.DataFrame] | None = None):
    """The co-mention network as a networkx Graph, from :func:`co_mentions` (or its result, ``network``):
    nodes (the ``top`` actors, sorted) with label, kind and mentions; edges with weight (sentences shared)."""
    import networkx as nx

    counts, edges = network if network is not None else co_mentions(mentions, top)
    g = nx.Graph()
    if counts.empty:
        return g
    keyed = corpus_ids(mentions)
    names = actor_names(keyed)
    kinds = actor_kinds(keyed)
    for a in sorted(counts.index):
        g.add_node(a, label=name_of(a, names), kind=str(kinds.get(a, "") or ""), mentions=int(counts[a]))
    for r in edges.itertuples():
        g.add_edge(r.a, r.b, weight=int(r.weight))
    return g


def co_mention_network_data(mentions: pd.DataFrame, top: int = 25, seed: int = 7) -> pd.DataFrame:
    """Nodes (part=node: id, label, kind, mentions and the drawn position x, y) then edges
    (part=edge: source, target, weight), as the network figure draws them."""
    import networkx as nx

    cols = ["part", "id", "label", "kind", "mentions", "x", "y", "source", "target", "weight"]
    counts, edges = co_mentions(mentions, top)
    if counts.empty:
        return pd.DataFrame(columns=cols)
    g = co_mention_graph(mentions, top, (counts, edges))
    layout = nx.Graph()  # the figure's own graph: float weights, nodes then edges in its order
    layout.add_nodes_from(sorted(counts.index))
    layout.add_weighted_edges_from((r.a, r.b, float(r.weight)) for r in edges.itertuples())
    pos = nx.spring_layout(layout, seed=seed, weight="weight", k=1.6 / np.sqrt(max(len(layout), 1)), iterations=200)
    rows = [{"part": "node", "id": a, "label": d["label"], "kind": d["kind"], "mentions": d["mentions"],
             "x": round(float(pos[a][0]), 6), "y": round(float(pos[a][1]), 6)} for a, d in g.nodes(data=True)]
    rows += [{"part": "edge", "source": r.a, "target": r.b, "weight": int(r.weight)} for r in edges.itertuples()]
    df = pd.DataFrame(rows, columns=cols)
    for c in ("mentions", "weight"):
        df[c] = df[c].astype("Int64")
    return df


def event_timeline_data(events: pd.DataFrame, articles: pd.DataFrame | None = None,
                        actors: pd.DataFrame | None = None, top: int = 40) -> pd.DataFrame:
    """The events as drawn, top to bottom: on the calendar (date, its precision) when any date phrase
    was placed, else the dated events in text order; with document label, sentence, date as written."""
    cols = ["doc_id", "doc_label", "sent_id", "date_text", "date", "date_precision", "event", "source_id",
            "target_id", "phrase"]
    placed = placed_events(events, articles, TIMELINE_MARGIN_DAYS)
    df = placed if not placed.empty else dated_events(events, articles).head(top)
    if df.empty:
        return pd.DataFrame(columns=cols)
    names = event_names(actors)
    labels = doc_labels(articles, list(dict.fromkeys(df["doc_id"])))
    if placed.empty:
        docs = list(dict.fromkeys(df["doc_id"]))
        df = pd.concat([df[df["doc_id"] == d] for d in docs])  # grouped by document, as drawn
    df = df.copy()
    df["doc_label"] = df["doc_id"].map(labels)
    df["phrase"] = [event_phrase(r, names) for r in df.itertuples()]
    return df.reindex(columns=cols).reset_index(drop=True)


#: figure name (as in helpers.report.findings.FIGURES) -> the data it draws, same arguments as the figure.
FIGURE_DATA: dict[str, Callable[..., pd.DataFrame]] = {
    "mentions_by_outlet": mentions_by_outlet_data,
    "sentiment_by_actor": sentiment_by_actor_data,
    "stance_matrix": stance_matrix_data,
    "votes": vote_breakdown_data,
    "co_mentions": co_mention_network_data,
    "timeline": event_timeline_data,
    "coverage": coverage_data,
}
