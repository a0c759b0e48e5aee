"""The brief's findings: one function each, from the Context, each sentence citing its evidence."""
from __future__ import annotations

from typing import Callable

import pandas as pd

from helpers.analyse.aggregate import (MIXED_MIN_SENTENCES_LARGE, corpus_ids, evidence_identity, evidence_keys, explicit,
                                       group_positions, is_un_vote, mixed_states, sentences_phrase)
from helpers.extract.actors import actor_names
from helpers.model.labels import humanise, name_of
from helpers.report.figures import (co_mention_network, co_mentions, dated_events, event_names, event_phrase,
                                    event_timeline,
                                    TIMELINE_MARGIN_DAYS, mention_counts, mentions_by_outlet, placed_events, sentiment_by_actor, sentiment_rows,
                                    stance_grid, stance_heatmap, vote_breakdown, vote_chart_data, vote_disputes)
from helpers.model.labels import join_names
from helpers.report.context import SIDE_LABEL, VOTE_PHRASE, Context
from helpers.report.escape import md_inline
from helpers.report.labels import numeric, target_label




def key_findings(ctx: Context) -> list[str]:
    """3-6 findings, most specific first: votes, conflicts, mixed signals, divisions, actors, tone."""
    out = list(vote_findings(ctx)[:2])
    if ctx.conflicts:
        shown = "; ".join(ctx.conflict_text(c) for c in ctx.conflicts[:2])
        more = f" ({len(ctx.conflicts) - 2} more under Facts)" if len(ctx.conflicts) > 2 else ""
        n = len(ctx.conflicts)
        docs = {d for c in ctx.conflicts for d in c.docs}
        where = "within one document" if len(docs) == 1 and all(len(c.docs) == 1 for c in ctx.conflicts) \
            else "within and across documents" if any(len(c.docs) > 1 for c in ctx.conflicts) \
            else "each within one document"
        out.append(f"**The sources disagree on {n} vote point{'s' if n != 1 else ''}** ({where}): {shown}{more}.")
    for state in mixed_states(ctx.sig, min_sentences=MIXED_MIN_SENTENCES_LARGE if ctx.large else 1)[:2]:
        out.append(mixed_signal_text(ctx, state))
    out.append(divided_target(ctx))
    out.append(actor_finding(ctx))
    out.append(tone_finding(ctx))
    return [f for f in out if f][:6]


def vote_findings(ctx: Context) -> list[str]:
    """The tally of each vote, then where the text places the members of each group."""
    out = []
    rows = ctx.votes
    rows = rows[rows.vote.map(is_un_vote)] if len(rows) else rows  # headline votes are the UN's
    groups = sorted(rows.groupby("vote"), key=lambda kv: (-len(kv[1]), kv[0])) if len(rows) else []
    for vote, part in groups:
        t = part[part.kind == "tally"]
        if t.empty:
            continue
        pieces = [f"{' / '.join(dict.fromkeys(t[t.position == pos]['value']))} {md_inline(pos)}"
                  for pos in VOTE_PHRASE if (t.position == pos).any()]
        out.append(f"**The {ctx.vote_label(vote)} vote: {', '.join(pieces)}**{ctx.ev.cites(evidence_keys(t), 3)}.")
    for g in (g for g in group_positions(ctx.t.facts) if is_un_vote(g["vote"])):
        parts = []
        for pos, p in g["placed"].items():
            members = [ctx.name(a) for a in dict.fromkeys(p.actor_id)]
            parts.append(f"{len(members)} {VOTE_PHRASE.get(pos, md_inline(pos))} ({join_names(members)})"
                         f"{ctx.ev.cites(evidence_keys(p), 3)}")
        unplaced = (f"; it does not place {join_names([ctx.name(a) for a in g['unplaced']])}"
                    if g["unplaced"] else "")
        out.append(f"**Of {ctx.name(g['group'])}'s {g['size']} members**, the text places, on the "
                   f"{ctx.vote_label(g['vote'])} vote: {'; '.join(parts)}{unplaced}.")
    return out


def mixed_signal_text(ctx: Context, state: str) -> str:
    """A state whose explicit signals point both ways, each side with its sentences cited."""
    s = explicit(ctx.sig)
    s = s[s.state == state]
    groups, counts = [], []
    for side in ("west", "russia", "neutral"):
        part = s[s.side == side]
        if part.empty:
            continue
        n = len(part.drop_duplicates(evidence_identity(part)))
        counts.append(f"{sentences_phrase(n)} {SIDE_LABEL[side]}")
        shown, more = ctx.top_signals(part, len(part))
        items = [f"{ctx.stance_phrase(r, cues)}{ctx.ev.cites(c, 3)}" for r, cues, c in shown]
        groups.append(f"*{SIDE_LABEL[side]}*: " + "; ".join(items) + more)
    return (f"**{ctx.name(state)} sends mixed signals** ({', '.join(counts)}, counting its officials and "
            f"ministries; explicit statements only) — " + " — ".join(groups) + ".")


def divided_target(ctx: Context) -> str:
    """The target with the most actors on each side, from explicit rows, each actor's position
    netted over its sentences (an actor resting on one sentence is marked so)."""
    s = ctx.keyed(explicit(ctx.t.stance))  # actors across documents by key, not by a shared surname id
    if s is None or s.empty:
        return ""
    sides = s[s.label.isin(["support", "oppose"])].drop_duplicates(["actor_id", "target", "label",
                                                                     *evidence_identity(s)])
    best = None
    for target, part in sides.groupby("target", sort=True):
        votes = part.assign(v=part.label.map({"support": 1, "oppose": -1}))
        net = votes.groupby("actor_id")["v"].sum()
        # an actor counts on a side when its net position rests on at least two sentences,
        # or on its only sentence when that is all the corpus has on the target from anyone
        firm = net[net.abs() >= 2] if (net.abs() >= 2).any() else net
        fors, againsts = sorted(firm[firm > 0].index), sorted(firm[firm < 0].index)
        score = min(len(fors), len(againsts))  # one dissenter against many is not a division
        if score >= 2 and (best is None or score > best[0]):
            best = (score, target, fors, againsts, part)
    if best is None:
        return ""
    _, target, fors, againsts, part = best

    def who(actors: list[str], label: str) -> str:
        items = []
        for a in actors[:6]:
            rows = part[(part.actor_id == a) & (part.label == label)]
            one = " (one sentence)" if len(rows) == 1 else ""
            items.append(f"{ctx.name(a)}{one}{ctx.ev.cites(evidence_keys(rows), 2)}")
        return join_names(items + ([f"{len(actors) - 6} more"] if len(actors) > 6 else []))

    return (f"**{md_inline(target_label(target))}** divides the actors most (explicit statements): "
            f"{len(fors)} on balance for it ({who(fors, 'support')}) and {len(againsts)} against "
            f"({who(againsts, 'oppose')}).")


def actor_finding(ctx: Context) -> str:
    tot = ctx.mentions_total
    n_docs = len(ctx.t.articles)
    if tot.empty:
        return f"{n_docs} article(s) processed; no known actor is mentioned." if n_docs else ""
    items = []
    for r in tot.head(3).itertuples():
        first = ctx.mentions_of(r.actor_id)
        cite = ctx.ref(first.iloc[0].doc_id, first.iloc[0].sent_id) if len(first) else ""
        items.append(f"{ctx.name(r.actor_id)} ({int(r.mentions)} mentions in {r.docs} document(s)){cite}")
    return (f"{n_docs} article{'s' if n_docs != 1 else ''} mention {tot.actor_id.nunique()} distinct actors; "
            f"the most mentioned are {join_names(items)}.")


def tone_finding(ctx: Context) -> str:
    s = numeric(ctx.t.sentiment, ["score"])
    s = s[s.score.notna()]
    if s.empty:
        return ""
    low = s.sort_values(["score", "doc_id", "sent_id"]).iloc[0]
    mean = s.score.mean()
    word = "negative" if mean < -0.05 else "positive" if mean > 0.05 else "close to neutral"
    return (f"The tone is {word} on balance: mean sentence score {mean:+.2f} over {len(s)} sentences; "
            f"the most negative sentence scores {low.score:+.2f}{ctx.ref(low.doc_id, low.sent_id)}.")


def finding_mentions_by_outlet(actors: pd.DataFrame, articles: pd.DataFrame) -> str:
    """One sentence: the most-mentioned actor overall and in each outlet."""
    table = mention_counts(actors, articles)
    if table.empty:
        return "No actor is mentioned in these articles."
    names = actor_names(corpus_ids(actors))
    lead = table.index[0]
    total = int(table.iloc[0].sum())
    tops = {o: table[o].idxmax() for o in table.columns if table[o].max() > 0}
    n_out = len(table.columns)
    if all(a == lead for a in tops.values()):
        where = "in every outlet" if n_out > 1 else "in the one outlet"
        return (f"{name_of(lead, names)} is the most-mentioned actor {where} "
                f"({total} mentions in {n_out} outlet{'s' if n_out != 1 else ''}).")
    others = [f"{o} mentions {name_of(a, names)} most" for o, a in tops.items() if a != lead][:4]
    return f"{name_of(lead, names)} is the most-mentioned actor overall ({total} mentions), but {join_names(others)}."


def finding_sentiment_by_actor(actor_sentiment: pd.DataFrame, min_sentences: int = 3) -> str:
    """One sentence: the actors with the most negative and most positive coverage."""
    df = sentiment_rows(actor_sentiment, min_sentences, top=10**6)
    if df.empty:
        return f"No actor appears in {min_sentences} or more scored sentences; actor sentiment is too thin to compare."

    def describe(r) -> str:
        ci = (f", 95% interval {r.ci_low:+.2f} to {r.ci_high:+.2f}" if pd.notna(r.ci_low) and pd.notna(r.ci_high)
              else "")
        return f"{r.actor_name} ({r.mean_score:+.2f}{ci}, {int(r.n_sentences)} sentences)"

    lo, hi = df.iloc[0], df.iloc[-1]
    if len(df) == 1:
        return f"Only one actor appears in {min_sentences} or more sentences: {describe(lo)}."
    sig = [r.actor_name for r in df.itertuples() if pd.notna(r.ci_high) and r.ci_high < 0]
    tail = (f"; the interval lies wholly below zero for {join_names(sig, 5)}" if sig else
            "; no actor's interval lies wholly below zero")
    return (f"Among actors in at least {min_sentences} sentences, coverage is most negative around {describe(lo)} "
            f"and most positive around {describe(hi)}{tail}.")


def finding_stance_heatmap(matrix: pd.DataFrame, actors: pd.DataFrame | None = None) -> str:
    """One sentence: how many signals, and the target that divides the actors most."""
    df = stance_grid(matrix, top=10**6)
    if df.empty:
        return "No actor takes a recognisable position on any target in these articles."
    names = actor_names(*(f for f in (actors,) if f is not None))
    pro = df[df["net"] > 0].groupby("target")["actor_id"].apply(list)
    con = df[df["net"] < 0].groupby("target")["actor_id"].apply(list)
    split = sorted(((min(len(pro.get(t, [])), len(con.get(t, []))), t) for t in set(pro.index) & set(con.index)),
                   key=lambda x: (-x[0], x[1]))
    n = int(df["n"].sum())
    head = f"{n} stance signals from {df['actor_id'].nunique()} actors on {df['target'].nunique()} targets"
    if not split:
        t = df.groupby("target")["n"].sum().sort_values(ascending=False).index[0]
        return f"{head}; no target has actors on both sides, and most signals concern {humanise(t)}."
    t = split[0][1]
    fors = [name_of(a, names) for a in sorted(pro[t])]
    againsts = [name_of(a, names) for a in sorted(con[t])]
    return (f"{head}; {humanise(t)} divides them most: {len(fors)} on balance for ({join_names(fors, 5)}) "
            f"and {len(againsts)} against ({join_names(againsts, 5)}).")


def finding_vote_breakdown(facts: pd.DataFrame, actors: pd.DataFrame | None = None) -> str:
    """One sentence: the tally of the most-reported vote and who the text places where."""
    data = vote_chart_data(facts, actors)
    if not data:
        return "The articles report no vote tallies or vote positions."
    vote = data[0]
    counts = [f"{'/'.join(map(str, i['tallies']))} {p}" for p, i in vote["positions"].items() if i["tallies"]]
    named = [f"{join_names(i['named'], 6)} {'as not voting' if p == 'did not vote' else p}"
             for p, i in vote["positions"].items() if i["named"]]
    parts = []
    if counts:
        parts.append(f"{vote['label']}: {join_names(counts)}")
    else:
        parts.append(f"{vote['label']}: no tally is given")
    if named:
        parts.append(f"the text names {'; '.join(named)}")
    disputes = vote_disputes(facts, actors)
    if disputes:
        parts.append(f"the sentences disagree on {len(disputes)} point{'s' if len(disputes) != 1 else ''}: "
                     + "; ".join(disputes[:2]))
    return "; ".join(parts) + "."


def finding_co_mention_network(mentions: pd.DataFrame, top: int = 25) -> str:
    """One sentence: the strongest tie and the best-connected actor."""
    counts, edges = co_mentions(mentions, top)
    if counts.empty:
        return "No actor is mentioned in these articles."
    names = actor_names(corpus_ids(mentions))
    if edges.empty:
        return f"No two of the {len(counts)} most-mentioned actors share a sentence."
    strongest = edges.sort_values(["weight", "a", "b"], ascending=[False, True, True]).iloc[0]
    degree = pd.concat([edges["a"], edges["b"]]).value_counts()
    degree = degree.reset_index().set_axis(["actor_id", "d"], axis=1).sort_values(["d", "actor_id"],
                                                                                 ascending=[False, True])
    hub = degree.iloc[0]
    return (f"The strongest tie is {name_of(strongest.a, names)}–{name_of(strongest.b, names)} "
            f"(in {int(strongest.weight)} sentences together); {name_of(hub.actor_id, names)} shares sentences "
            f"with the most others ({int(hub.d)} of the {len(counts) - 1} other top actors).")


def finding_event_timeline(events: pd.DataFrame, articles: pd.DataFrame | None = None,
                           actors: pd.DataFrame | None = None) -> str:
    """One sentence: how many events carry a date; when some were placed on the calendar, their span
    and busiest month, else the first and last in text order."""
    df = dated_events(events, articles)
    total = 0 if events is None else len(events)
    if df.empty:
        return f"None of the {total} events carries a date in the text."
    names = event_names(actors)
    placed = placed_events(events, articles, TIMELINE_MARGIN_DAYS)
    if not placed.empty:
        first, last = placed.iloc[0], placed.iloc[-1]
        months = placed["when"].dt.strftime("%Y-%m").value_counts()
        months = months.reset_index().set_axis(["month", "n"], axis=1).sort_values(["n", "month"],
                                                                                   ascending=[False, True])
        busiest = months.iloc[0]
        return (f"{len(df)} of {total} events carry a date as written; {len(placed)} of them, in "
                f"{placed['doc_id'].nunique()} document(s), fall on the calendar within the articles' period "
                f"(placed against each article's date), from {first.date} ({event_phrase(first, names)}, “{first.date_text}”) to "
                f"{last.date} ({event_phrase(last, names)}, “{last.date_text}”); the busiest month is "
                f"{busiest.month} ({int(busiest.n)} events).")
    first, last = df.iloc[0], df.iloc[-1]
    common = df["date_text"].value_counts()
    return (f"{len(df)} of {total} events carry a date as written, in {df['doc_id'].nunique()} document(s); "
            f"in text order they run from “{first.date_text}” ({event_phrase(first, names)}) to "
            f"“{last.date_text}” ({event_phrase(last, names)}), and the commonest is “{common.index[0]}” "
            f"({int(common.iloc[0])}).")


#: name -> (figure function, finding function, the tables each takes, in order)
FIGURES: dict[str, tuple[Callable, Callable, tuple[str, ...]]] = {
    "mentions_by_outlet": (mentions_by_outlet, finding_mentions_by_outlet, ("actors", "articles")),
    "sentiment_by_actor": (sentiment_by_actor, finding_sentiment_by_actor, ("actor_sentiment",)),
    "stance_matrix": (stance_heatmap, finding_stance_heatmap, ("stance_matrix", "actors")),
    "votes": (vote_breakdown, finding_vote_breakdown, ("facts", "actors")),
    "co_mentions": (co_mention_network, finding_co_mention_network, ("mentions",)),
    "timeline": (event_timeline, finding_event_timeline, ("events", "articles", "actors")),
}


# ---------------------------------------------------------------- coverage over time

from helpers.report.figures import (STANCE_COLOURS, article_dates, coverage_data,  # noqa: E402  (with its finding)
                                    coverage_over_time)


def _period_phrase(period: str, unit: str) -> str:
    """"2023-02-28", "the week of 2023-02-27", "2023-02" for a period's first day."""
    return f"the week of {period}" if unit == "week" else period[:7] if unit == "month" else period


def finding_coverage(articles: pd.DataFrame | None, article_sentiment: pd.DataFrame | None = None,
                     stance: pd.DataFrame | None = None) -> str:
    """One sentence: the dated span, the busiest period, the tone's range and where the stance signals fall."""
    n_docs = 0 if articles is None else len(articles)
    df = coverage_data(articles, article_sentiment, stance)
    if df.empty:
        return (f"None of the {n_docs} articles carries a date, so coverage over time cannot be shown."
                if n_docs else "There are no articles, so coverage over time cannot be shown.")
    unit = df["unit"].iloc[0]
    dates = article_dates(articles)
    dated = int(df["documents"].sum())
    busiest = df.sort_values(["documents", "period"], ascending=[False, True]).iloc[0]
    k = int(busiest.documents)
    parts = [f"{dated} of {n_docs} articles carry a date, from {dates.min().date().isoformat()} to "
             f"{dates.max().date().isoformat()}; counted by {unit}, the busiest is "
             f"{_period_phrase(busiest.period, unit)} ({k} document{'s' if k != 1 else ''})"]
    tone = df[df["tone_documents"] > 0]
    if len(tone) > 1:
        lo = tone.sort_values(["mean_tone", "period"]).iloc[0]
        hi = tone.sort_values(["mean_tone", "period"], ascending=[False, True]).iloc[0]
        parts.append(f"the mean article tone runs from {lo.mean_tone:+.2f} ({_period_phrase(lo.period, unit)}) "
                     f"to {hi.mean_tone:+.2f} ({_period_phrase(hi.period, unit)})")
    signals = df[list(STANCE_COLOURS)].sum(axis=1)
    if signals.sum() > 0:
        top = df.assign(s=signals).sort_values(["s", "period"], ascending=[False, True]).iloc[0]
        n = int(signals.sum())
        parts.append(f"{n} stance signal{'s' if n != 1 else ''}, most in {_period_phrase(top.period, unit)} "
                     f"({int(top.s)})")
    return "; ".join(parts) + "."


FIGURES["coverage"] = (coverage_over_time, finding_coverage, ("articles", "article_sentiment", "stance"))
