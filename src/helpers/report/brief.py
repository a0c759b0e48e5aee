"""The written brief: Markdown generated from the tables, every claim linked to its evidence sentence.

Nothing here is hand-typed about the corpus: findings are computed (vote tallies and who the
text places in each group, conflicting counts and positions, states whose signals point both
ways, tone, what each source reports that the others do not). Each claim carries footnote-style
links ``[n](#ev-<doc_id>-<sent_id>)`` to an appendix listing the sentence.

Article text is untrusted: every string that comes from an article (names, titles, outlets,
sentences, cues, dates as written, doc ids from file names) goes through :func:`helpers.report.escape.md_inline`, which
HTML-escapes it and neutralises Markdown; anchors are built from a slug of the doc id.
"""
from __future__ import annotations

import html
import re
from pathlib import Path

import pandas as pd

from helpers.analyse.aggregate import MIXED_MIN_SENTENCES_LARGE, VOTED, evidence_keys, is_un_vote, explicit, mixed_states, vote_vocab
from helpers.extract.facts import normalise_value
from helpers.model.labels import join_names, short
from helpers.model.schema import VALIDATION
from helpers.model.tables import Layout
from helpers.report.context import (DATE_PREDICATES, MAX_COMPARE, MAX_ROWS, MAX_SOURCES_LISTED, SIDE_LABEL, STANCE_VERB,
                                    VOTE_PHRASE, Context, Tables, brief_date, load_tables, only_here,
                                    FACT_KEY, RELATIVE_PREDICATES, STANCE_KEY, MAX_AGREE, doc_counts,
                                    shared_groups)
from helpers.report.escape import md_inline, md_quoted
from helpers.report.findings import finding_coverage, finding_sentiment_by_actor, key_findings
from helpers.report.labels import numeric, target_label




def title(ctx: Context, run_date: str) -> list[str]:
    top = join_names([ctx.name(x) for x in ctx.mentions_total["actor_id"].head(3)]) or "no known actors"
    n = len(ctx.t.articles)
    date, source = brief_date(ctx.t.articles, run_date)
    return [f"# Brief: {top} in {n} article{'s' if n != 1 else ''}", "",
            f"*{md_inline(date)} — {md_inline(source)}. Generated from this run's tables; the numbers in brackets link "
            f"to the evidence sentences in the appendix.*"]


def section_findings(ctx: Context) -> list[str]:
    items = key_findings(ctx)
    if not items:
        return ["## Key findings", "", "No articles were processed, so there is nothing to report."]
    return ["## Key findings", "", *[f"{i}. {f}" for i, f in enumerate(items, 1)]]


def section_actors(ctx: Context) -> list[str]:
    out = ["## Actors", ""]
    tot = ctx.mentions_total
    if tot.empty:
        return out + ["No known actor is mentioned."]
    out += ["| actor | kind | documents | mentions | first mention |", "|---|---|---:|---:|---|"]
    for r in tot.head(12).itertuples():
        first = ctx.mentions_of(r.actor_id)
        cite = ctx.ev.cite(first.iloc[0].doc_id, first.iloc[0].sent_id) if len(first) else ""
        out.append(f"| {ctx.name(r.actor_id)} | {md_inline(r.kind)} | {r.docs} | {int(r.mentions)} | {cite} |")
    if len(tot) > 12:
        out.append(f"\n{len(tot) - 12} more actors are in `actors.csv`.")
    out.append(ctx.figure("mentions_by_outlet", "Actor mentions by outlet"))
    q = ctx.t.quotes
    if len(q):
        spoken = q[q.speaker_id != ""]
        spoken = spoken.assign(speaker=ctx.key(spoken.speaker_id, spoken.speaker_name))
        out += ["", f"**Who is quoted.** {len(q)} quotes, {len(spoken)} attributed to a speaker.", ""]
        for speaker, part in sorted(spoken.groupby("speaker"), key=lambda kv: (-len(kv[1]), kv[0]))[:8]:
            r = representative_quote(part)
            out.append(f"- {ctx.name(speaker)} ({len(part)}): {md_quoted(short(r.quote, 160))}"
                       f"{ctx.ref(r.doc_id, r.sent_id)}")
    return out


#: A quote shown for a speaker should say something: a full quotation of at least this many words.
MIN_SHOWN_WORDS = 6


def representative_quote(part: pd.DataFrame):
    """The quote shown for a speaker: the first (in document order) full quotation of at least
    ``MIN_SHOWN_WORDS`` words, else the first quote. A two-word partial quote ("great difficulty,")
    says little of what the speaker said; taking the first that qualifies, not the longest, keeps
    the choice from favouring any one kind of statement."""
    words = part["quote"].astype(str).str.split().str.len()
    full = part[(part["kind"].astype(str) == "full") & (words >= MIN_SHOWN_WORDS)] if "kind" in part else part.iloc[:0]
    return (full if len(full) else part).iloc[0]


def section_coverage(ctx: Context) -> list[str]:
    """Coverage, tone and stance over time, when the articles carry dates (the title gives the
    run date only when none does)."""
    if ctx.t.articles.empty or not ctx.t.articles.date.astype(str).str.strip().any():
        return []
    return ["## Coverage over time", "",
            md_inline(finding_coverage(ctx.t.articles, ctx.t.article_sentiment, ctx.t.stance)),
            ctx.figure("coverage", "Documents, tone and stance signals over time")]


def section_stances(ctx: Context) -> list[str]:
    out = ["## Stances", ""]
    s = ctx.sig
    if s.empty:
        return out + ["No actor takes a recognisable position in these articles."]
    out.append("Each state's signals include those of its officials and ministries. A signal leans toward "
               "the West or toward Russia by the target's alignment in the stance codebook (opposing flips "
               "it); *hedging* is 1 for an even split and 0 for all on one side. Repeated signals (same actor, "
               "target and label) are merged; the first evidence sentence is quoted.")
    h = numeric(ctx.t.hedging, ["west", "russia", "neutral", "n", "hedging", "lean"])
    order = list(h.sort_values(["n", "state"], ascending=[False, True])["state"]) if len(h) else []
    order += sorted(set(s.state) - set(order) - {""})
    mixed = set(mixed_states(s, min_sentences=MIXED_MIN_SENTENCES_LARGE if ctx.large else 1))
    shown = [st for st in order if (s.state == st).any()]
    for state in shown[:12]:
        part = s[s.state == state]
        row = h[h.state == state]
        stats = ""
        if len(row):
            r = row.iloc[0]
            hed = f", hedging {r.hedging:.2f}, lean {r.lean:+.2f}" if pd.notna(r.hedging) else ""
            stats = (f" — {int(r.west)} toward the West, {int(r.russia)} toward Russia, "
                     f"{int(r.neutral)} neutral{hed}")
        flag = " (mixed signals)" if state in mixed else ""
        out += ["", f"### {ctx.name(state)}{flag}{stats}", ""]
        for side in ("west", "russia", "neutral", "other"):
            shown_signals, more = ctx.top_signals(part[part.side == side], len(part))
            if more:
                out.append(f"- *{SIDE_LABEL[side]}*: the {len(shown_signals)} best-supported signals{more}:")
            for r, cues, cites in shown_signals:
                n = f" ({len(cites)} sentences)" if len(cites) > 1 else ""
                out.append(f"- *{SIDE_LABEL[side]}*: {ctx.stance_phrase(r, cues)}{n}: {md_quoted(r.evidence)}"
                           f"{ctx.ev.cites(cites, 10)}")
    if len(shown) > 12:
        out.append(f"\n{len(shown) - 12} more states are in `hedging.csv`.")
    rest = s[s.state == ""]
    if len(rest):
        out += ["", "### Other actors (no state)", "", "| actor | position | evidence |", "|---|---|---|"]
        for r, cues, cites in ctx.grouped_signals(rest)[:20]:
            out.append(f"| {ctx.name(r.actor_id)} | {STANCE_VERB.get(r.label, md_inline(r.label))} "
                       f"{md_inline(target_label(r.target))} ({', '.join(md_quoted(c) for c in cues)}) |"
                       f"{ctx.ev.cites(cites, 6)} |")
    out.append(ctx.figure("stance_matrix", "Stance matrix, actor by target"))
    return out


def section_facts(ctx: Context) -> list[str]:
    out = ["## Facts", ""]
    rows = ctx.votes
    tally_preds, count_preds, _ = vote_vocab()
    if rows.empty:
        out.append("The articles report no vote tallies or vote positions.")
    else:
        out += ["### Vote tallies", "", "| vote | " + " | ".join(VOTE_PHRASE) + " |",
                "|---|" + "---:|" * len(VOTE_PHRASE)]
        for vote, part in sorted(rows.groupby("vote"), key=lambda kv: (-len(kv[1]), kv[0])):
            cells = []
            for pos in VOTE_PHRASE:
                t = part[(part.kind == "tally") & (part.position == pos)]
                cells.append(" / ".join(f"{v}{ctx.ev.cites(evidence_keys(p), 2)}"
                                        for v, p in t.groupby("value", sort=False)) or "–")
            body = "UN" if is_un_vote(vote) else "other"
            out.append(f"| {ctx.vote_label(vote)} ({body}) | " + " | ".join(cells) + " |")
        out += ["", "### Who the text places where", ""]
        for vote, part in sorted(rows[rows.kind == "named"].groupby("vote"), key=lambda kv: kv[0]):
            for pos in VOTE_PHRASE:
                p = part[part.position == pos]
                if p.empty:
                    continue
                items = [f"{ctx.name(a)}{ctx.ev.cites(evidence_keys(p[p.actor_id == a]), 2)}"
                         for a in dict.fromkeys(p.actor_id)]
                out.append(f"- {ctx.vote_label(vote)}, **{md_inline(pos)}**: " + ", ".join(items))
        gc = rows[rows.kind == "group_count"]
        if len(gc):
            out += ["", "### Group counts", ""]
            for (g, pos), p in gc.groupby(["actor_id", "position"], sort=True):
                vals = "; ".join(f"{v}{ctx.ev.cites(evidence_keys(q), 3)}" for v, q in p.groupby("value", sort=False))
                out.append(f"- how many of {ctx.name(g)} {md_inline(VOTED.get(pos, pos))}: {vals}")
        out += ["", "### Do the sources agree?", ""]
        if ctx.conflicts:
            n = len(ctx.conflicts)
            out.append(f"{n} conflict{'s' if n != 1 else ''} between sentences (counts or positions that "
                       f"cannot all be right):")
            out += ["", *[f"- {ctx.conflict_text(c)}" for c in ctx.conflicts]]
        else:
            out.append("No two sentences give different vote counts or positions.")
        keys = rows.assign(k=rows.vote + "|" + rows.position + "|" + rows.kind + "|" + rows.actor_id + "|"
                           + rows.value)
        repeated = keys.groupby("k").filter(lambda p: len(set(zip(p.doc_id, p.sent_id))) > 1)
        out.append(f"\nOf {keys.k.nunique()} distinct vote facts, {repeated.k.nunique()} are repeated "
                   f"consistently in more than one sentence and {keys.k.nunique() - repeated.k.nunique()} "
                   f"are reported once; they come from {keys.doc_id.nunique()} of {len(ctx.t.articles)} "
                   f"document(s).")
    out.append(ctx.figure("votes", "Vote breakdown"))
    f = ctx.t.facts
    if len(f):
        f = f[~f.predicate.isin(DATE_PREDICATES | set(tally_preds) | set(count_preds))
              & ~f.predicate.str.startswith("vote_on_") & ~f.predicate.str.startswith("named_")]
    if len(f):
        out += ["", "### Other numbers reported", "", "| about | what | value | unit | evidence |",
                "|---|---|---|---|---|"]
        for r in ctx.keyed(f.head(15), "subject").itertuples():  # a surname id: named in its own document
            out.append(f"| {ctx.name(r.subject)} | {md_inline(r.predicate.replace('_', ' '))} | {md_inline(r.value)} | "
                       f"{md_inline(r.unit)} | {ctx.ev.cite(r.doc_id, r.sent_id)} |")
        if len(f) > 15:
            out.append(f"\n{len(f) - 15} more in `facts.csv`.")
    return out


def section_sentiment(ctx: Context) -> list[str]:
    out = ["## Sentiment", ""]
    s = numeric(ctx.t.sentiment, ["score"])
    if s.empty:
        return out + ["No sentence was scored."]
    out.append(f"Sentences are scored from −1 (negative) to +1 (positive) with the project's news-adjusted "
               f"score; over {len(s)} sentences the mean is {s.score.mean():+.2f}.")
    a = numeric(ctx.t.article_sentiment, ["mean_score", "ci_low", "ci_high", "share_negative", "n_sentences"])
    if len(a):
        out += ["", "| document | sentences | mean score | 95% interval | share negative | most negative |",
                "|---|---:|---:|---|---:|---|"]
        ranked = a.sort_values(["mean_score", "doc_id"])
        if len(ranked) > 2 * MAX_ROWS:  # a large corpus: the most negative and the most positive documents
            out[-2] = f"The {MAX_ROWS} most negative and {MAX_ROWS} most positive of {len(ranked)} documents:\n\n" + out[-2]
            ranked = pd.concat([ranked.head(MAX_ROWS), ranked.tail(MAX_ROWS)])
        worst = s[s.doc_id.isin(set(ranked.doc_id))].sort_values(["score", "sent_id"]).drop_duplicates("doc_id")
        worst = worst.set_index("doc_id")
        for r in ranked.itertuples():
            sent = worst.loc[[r.doc_id]].reset_index() if r.doc_id in worst.index else worst.head(0)
            cite = ctx.ev.cite(sent.iloc[0].doc_id, sent.iloc[0].sent_id) if len(sent) else ""
            ci = f"{r.ci_low:+.2f} to {r.ci_high:+.2f}" if pd.notna(r.ci_low) else "–"
            share = f"{r.share_negative:.0%}" if pd.notna(r.share_negative) else "–"
            n = int(r.n_sentences) if pd.notna(r.n_sentences) else ""
            out.append(f"| {ctx.doc_label(r.doc_id)} | {n} | {r.mean_score:+.2f} | {ci} | {share} | {cite} |")
    out += ["", md_inline(finding_sentiment_by_actor(ctx.t.actor_sentiment))]
    out.append(ctx.figure("sentiment_by_actor", "Sentiment by actor"))
    return out


def section_sources_compared(ctx: Context) -> list[str]:
    out = ["## Cross-source comparison", ""]
    docs = list(ctx.t.articles["doc_id"])
    if len(docs) < 2:
        return out + [f"{len(docs)} document{'s' if len(docs) != 1 else ''}, so there is nothing to compare."]
    if len(docs) > MAX_COMPARE:  # document by document is for a handful of sources
        counts = ctx.t.actors.groupby("doc_id")["actor_id"].nunique() if len(ctx.t.actors) else pd.Series()
        docs = sorted(docs, key=lambda d: (-int(counts.get(d, 0)), d))[:MAX_COMPARE]
        out.append(f"{len(ctx.t.articles)} documents: compared here are the {MAX_COMPARE} that name the most "
                   f"actors.")
        out.append("")
    a = ctx.t.actors
    f = ctx.keyed_facts.copy()  # the same actor across documents, not the same surname id
    if len(f):
        values = f["value"].tolist()
        norm = {v: normalise_value(v) for v in set(values)}  # many facts share a value: normalise each once
        f["norm"] = [norm[v] for v in values]
        dates = dict(zip(ctx.t.articles["doc_id"].tolist(), ctx.t.articles["date"].astype(str).tolist())) \
            if "date" in ctx.t.articles.columns else {}
        f["anchor"] = [dates.get(d, "") if p in RELATIVE_PREDICATES else ""
                       for d, p in zip(f["doc_id"].tolist(), f["predicate"].tolist())]
    tally_preds, count_preds, _ = vote_vocab()
    vote_preds = set(tally_preds) | set(count_preds)
    stance = ctx.keyed(ctx.t.stance)  # the same actor across documents, not the same surname id
    # How many documents give each fact and each position: counted once, not once per document compared.
    fact_docs = doc_counts(f, FACT_KEY)
    fact_rows = f.groupby("doc_id", sort=False).indices if len(f) else {}  # each document's facts, found once
    a = ctx.keyed(a)  # "only this document": the same actor, not the same surname id
    actor_docs = a.groupby("actor_id")["doc_id"].nunique() if len(a) else pd.Series(dtype=int)
    stance_docs = doc_counts(stance, STANCE_KEY)
    for d in docs:
        lines = []
        mine = ctx.keyed(ctx.rows_where("actors", "doc_id", d))
        only = numeric(mine[mine.actor_id.map(actor_docs) <= 1], ["n_mentions"]).sort_values(
            ["n_mentions", "actor_id"], ascending=[False, True])
        if len(only):
            lines.append(f"- Actors only this document mentions: "
                         f"{join_names([ctx.name(x) for x in only.actor_id], 10)}.")
        if len(f):
            uniq = only_here(f.iloc[fact_rows.get(d, [])], FACT_KEY, fact_docs)
            is_vote = uniq.predicate.isin(vote_preds) | uniq.predicate.str.startswith("vote_on_") \
                | uniq.predicate.str.startswith("named_")
            votes = uniq[is_vote]
            if len(votes):
                lines.append(f"- Vote facts only this document reports: {len(votes)}, in "
                             f"{votes.sent_id.nunique()} sentence(s){ctx.ev.cites(evidence_keys(votes), 4)}.")
            rest = uniq[~is_vote & ~uniq.predicate.isin(DATE_PREDICATES) & (uniq.subject.astype(str) != "")]
            if len(rest):
                items = [f"{ctx.name(r.subject)}: {md_inline(r.predicate.replace('_', ' '))} {md_inline(r.value)} "
                         f"{md_inline(r.unit)}{ctx.ref(r.doc_id, r.sent_id)}" for r in rest.head(6).itertuples()]
                more = f" and {len(rest) - 6} more" if len(rest) > 6 else ""
                lines.append(f"- Other numbers only here: {'; '.join(items)}{more}.")
        if len(stance):
            uniq = only_here(ctx.keyed(ctx.rows_where("stance", "doc_id", d)), STANCE_KEY, stance_docs)
            grouped, more = ctx.top_signals(uniq, 8)
            if grouped:
                items = [f"{ctx.stance_phrase(r, cues)}{ctx.ev.cites(c, 3)}" for r, cues, c in grouped]
                lines.append(f"- Positions only this document reports: {'; '.join(items)}{more}.")
        title = ctx.rows_where("articles", "doc_id", d)["title"]
        out += ["", f"### {md_inline(short(title.iloc[0], 90)) if len(title) else ''} — {ctx.doc_label(d)}", ""]
        out += lines or ["- Nothing that the other documents do not also report."]
    out += ["", "### Where they agree", ""]
    agree = []
    if ctx.large:
        # Across many documents the same number beside the same actor is mostly about different
        # things ("$1 billion" for the United States in 61 statements); only positions are compared.
        agree.append(f"- Numbers are not compared across {len(ctx.t.articles)} documents (the same number "
                     f"beside the same actor is mostly about different things); vote tallies are compared "
                     f"under Facts.")
    else:
        # A number with no subject ("age 100", from "a 100-year-old bridge") is no shared finding: two
        # documents giving it may speak of different things.
        with_subject = {k: n for k, n in fact_docs.items() if k[0] != ""}
        for (subj, pred, *_), p in shared_groups(f, FACT_KEY, with_subject, MAX_AGREE):
            agree.append(f"- {ctx.name(subj)}: {md_inline(pred.replace('_', ' '))} {md_quoted(p.iloc[0].value)}"
                         f"{ctx.ev.cites(evidence_keys(p.drop_duplicates('doc_id')), 4)}")
    for key, p in shared_groups(stance, STANCE_KEY, stance_docs, MAX_AGREE - len(agree)):
        n = f" ({stance_docs[key]} documents)" if ctx.large else ""
        agree.append(f"- {ctx.stance_phrase(p.iloc[0], list(p.cue))}{n}"
                     f"{ctx.ev.cites(evidence_keys(p.drop_duplicates('doc_id')), 4)}")
    out += agree or ["No fact or position appears in more than one document."]
    out += ["", "### Where they conflict", ""]
    across = [c for c in ctx.conflicts if len(c.docs) > 1]
    out += ([f"- {ctx.conflict_text(c)}" for c in across] or
            ["No vote count or position differs between documents"
             + (" (the conflicts within a document are listed under Facts)." if ctx.conflicts else ".")])
    return out


def section_outlets(ctx: Context) -> list[str]:
    """Per outlet: documents, tone, who it quotes most and its explicit stance signals."""
    arts = ctx.t.articles
    outlet = {d: (str(o).strip() or "(outlet not given)") for d, o in zip(arts.doc_id.tolist(), arts.outlet.tolist())}
    if len(set(outlet.values())) < 2:
        return []
    out = ["## By outlet", "", "Who each outlet quotes, its tone and the positions it reports (explicit "
           "statements only), so the sources can be compared as a whole.", "",
           "| outlet | documents | mean tone | quoted most | stance signals (support / oppose / neutral) |",
           "|---|---:|---:|---|---|"]
    tone = numeric(ctx.t.article_sentiment, ["mean_score"]).assign(outlet=lambda d: d.doc_id.map(outlet))
    quotes = ctx.t.quotes.assign(outlet=lambda d: d.doc_id.map(outlet))
    stance = explicit(ctx.t.stance)
    stance = stance.assign(outlet=stance.doc_id.map(outlet)) if len(stance) else stance.assign(outlet=[])
    counts = pd.Series(list(outlet.values())).value_counts()
    for name in sorted(counts.index, key=lambda o: (-counts[o], o))[:20]:
        t_o = tone[tone.outlet == name].mean_score
        q = quotes[(quotes.outlet == name) & (quotes.speaker_id != "")]
        top = ctx.key(q.speaker_id, q.speaker_name).value_counts().head(3)
        quoted = join_names([f"{ctx.name(a)} ({n})" for a, n in top.items()]) or "–"
        s = stance[stance.outlet == name] if len(stance) else stance
        labels = s.label.value_counts() if len(s) else pd.Series(dtype=int)
        signals = (f"{int(labels.get('support', 0))} / {int(labels.get('oppose', 0))} / "
                   f"{int(labels.get('neutral', 0))}") if len(s) else "–"
        out.append(f"| {md_inline(name)} | {int(counts[name])} | "
                   f"{f'{t_o.mean():+.2f}' if t_o.notna().any() else '–'} | {quoted} | {signals} |")
    if len(counts) > 20:
        out.append(f"\n{len(counts) - 20} more outlets are in `articles.csv`.")
    return out


def section_method(ctx: Context) -> list[str]:
    m = ctx.t.manifest
    processed = int((m.status == "processed").sum()) if len(m) else len(ctx.t.articles)
    skipped = m[m.status == "skipped"] if len(m) else m
    reasons = skipped.reason.value_counts() if len(skipped) else pd.Series(dtype=int)
    why = f" ({'; '.join(f'{md_inline(k)}: {v}' for k, v in reasons.items())})" if len(reasons) else ""
    n_actors = len(ctx.mentions_total)  # actors by key: a surname id naming several people counts each
    return ["## Method", "",
            f"- **Corpus**: {len(m)} file(s), {processed} processed and {len(skipped)} skipped{why}; page "
            f"furniture removed by listed patterns; {ctx.n_sentences()} sentences split with nltk Punkt "
            "and the project's parameters.",
            f"- **Actors**: {len(ctx.t.mentions)} mentions of {n_actors} actors matched against a curated "
            "dictionary (names, demonyms, capitals standing for states).",
            f"- **Quotes, facts, events**: {len(ctx.t.quotes)} quotes attributed through reporting verbs; "
            f"{len(ctx.t.facts)} numeric facts (vote tallies, counts, dates as written); {len(ctx.t.events)} "
            "events (who did what to whom).",
            f"- **Stance**: {len(ctx.t.stance)} signals from a codebook of targets and a cue lexicon, each with "
            "its evidence sentence; states' signals include their officials' and ministries'.",
            "- **Sentiment**: per sentence, nltk VADER and a news-adjusted score; articles and actors average "
            "their sentences, with 95% t-intervals.",
            "- **This brief**: every number in it is computed from those tables. Conflicts are found by "
            "comparing vote counts and positions across sentences, and against group membership in the actor "
            "dictionary. Dates are kept as written."]


def section_validation(ctx: Context) -> list[str]:
    out = ["## Validation", ""]
    v = ctx.t.validation
    if v is None or v.empty:
        return out + ["No validation scores in this build (reports/validation.csv is missing or empty)."]
    for col in VALIDATION:
        if col not in v.columns:
            v = v.assign(**{col: ""})
    with_target = v[v.passed.astype(str) != ""]
    passed = int((with_target.passed.astype(str) == "True").sum())
    out.append(f"Scores against hand-coded gold and human sentiment ratings, from notebook 05: the seeds "
               f"(the documents the gold covers), the development gold (18 White House releases the "
               f"instruments were not written from), the golden rules (constructed passages, one convention "
               f"each) and NYT editorials; {passed} of {len(with_target)} scores with a target meet it.")
    out += ["", "| instrument | set | metric | value | target | met |", "|---|---|---|---:|---:|---|"]
    for r in v.itertuples():
        value = pd.to_numeric(pd.Series([r.value]), errors="coerce").iloc[0]
        shown = f"{value:.3f}" if pd.notna(value) else md_inline(r.value)
        met = {"True": "yes", "False": "**no**"}.get(str(r.passed), "")
        out.append(f"| {md_inline(r.instrument)} | {md_inline(r.set)} | {md_inline(r.metric)} | {shown} | "
                   f"{md_inline(r.target)} | {met} |")
    return out


def sources_by_outlet(arts: pd.DataFrame) -> list[str]:
    """Documents per outlet with the span of their dates: the sources of a large corpus at a glance."""
    a = arts.assign(outlet=arts.outlet.where(arts.outlet.astype(str).str.strip() != "", "(outlet not given)"),
                    date=arts.date.astype(str))
    out = [f"{len(a)} documents from {a.outlet.nunique()} outlet(s).", "",
           "| outlet | documents | first date | last date |", "|---|---:|---|---|"]
    for outlet, part in sorted(a.groupby("outlet"), key=lambda kv: (-len(kv[1]), kv[0]))[:20]:
        dates = sorted(d for d in part.date if d)
        out.append(f"| {md_inline(outlet)} | {len(part)} | {md_inline(dates[0]) if dates else '–'} | "
                   f"{md_inline(dates[-1]) if dates else '–'} |")
    return out


def section_sources(ctx: Context) -> list[str]:
    out = ["## Sources", ""]
    arts = ctx.t.articles
    if arts.empty:
        return out + ["No article was processed."]
    m = ctx.t.manifest
    paths = dict(zip(m.doc_id, m.path)) if len(m) else {}
    if ctx.large:
        out += sources_by_outlet(arts)
        cited = {d for d, _ in ctx.ev.numbers}
        arts = arts[arts.doc_id.isin(cited)].head(MAX_SOURCES_LISTED)
        out += ["", f"The {len(arts)} documents the brief cites{' first' if len(cited) > len(arts) else ''} "
                f"(of {len(cited)} cited; every document is in `articles.csv` and `manifest.csv`):", ""]
    out += ["| doc_id | title | outlet | date | sentences | file |", "|---|---|---|---|---:|---|"]
    for r in arts.itertuples():
        url = str(r.source_url)
        link = (f' <a href="{html.escape(url, quote=True)}">link</a>'
                if re.fullmatch(r"https?://[^\s\"'<>`\\]+", url) else "")
        out.append(f"| {md_inline(r.doc_id)} | {md_inline(r.title)}{link} | {md_inline(r.outlet) or '–'} | "
                   f"{md_inline(r.date) or '–'} | {r.n_sentences} | {md_inline(paths.get(r.doc_id, ''))} |")
    skipped = m[m.status == "skipped"] if len(m) else m
    if len(skipped):
        items = [f"{md_inline(p)} ({md_inline(r)})" for p, r in zip(skipped.path, skipped.reason)]
        out += ["", f"Skipped: {join_names(items, 20)}."]
    return out


#: The brief's sections, in order: each a function of the Context returning Markdown lines.
SECTIONS = (section_findings, section_actors, section_coverage, section_stances, section_facts, section_sentiment, section_sources_compared,
            section_outlets, section_method, section_validation, section_sources)


def markdown(ctx: Context, run_date: str = "") -> str:
    """The whole brief as Markdown: the title, every section, then the evidence appendix."""
    parts = [p for p in [title(ctx, run_date)] + [section(ctx) for section in SECTIONS] if p]
    body = ctx.ev.renumber("\n\n".join("\n".join(p) for p in parts))
    return body + "\n\n## Appendix: evidence\n\n" + ctx.ev.appendix() + "\n"



def build_brief(tables: Tables, run_date: str = "", figures_dir: str | Path | None = None,
                figures_url: str = "figures") -> str:
    """The brief as Markdown, from the tables (figures embedded when ``figures_dir`` holds them)."""
    return markdown(Context(tables, Path(figures_dir) if figures_dir else None, figures_url), run_date)


def write_brief(layout: Layout, run_date: str = "") -> tuple[Path, str]:
    """Write ``reports/brief.md`` from the tables under ``layout``; returns (path, markdown)."""
    md = build_brief(load_tables(layout), run_date, layout.figures)
    path = layout.reports / "brief.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".md.tmp")
    tmp.write_text(md, encoding="utf-8")
    tmp.replace(path)
    return path, md


def evidence_links(markdown: str) -> tuple[list[str], set[str]]:
    """(anchors the brief links to, anchors its appendix defines)."""
    links = re.findall(r"\]\(#(ev-[A-Za-z0-9_-]+)\)", markdown)
    anchors = set(re.findall(r'<span id="(ev-[A-Za-z0-9_-]+)"></span>', markdown))
    return links, anchors
