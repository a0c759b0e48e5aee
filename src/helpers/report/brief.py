"""The written brief: Markdown generated from the tables, every claim linked to its evidence sentence.

Nothing here is hand-typed about the corpus: findings are computed (vote tallies and who the
text places in each group, conflicting counts and positions, states whose signals point both
ways, tone, what each source reports that the others do not). Each claim carries footnote-style
links ``[n](#ev-<doc_id>-<sent_id>)`` to an appendix listing the sentence.

Article text is untrusted: every string that comes from an article (names, titles, outlets,
sentences, cues, dates as written, doc ids from file names) goes through :func:`esc`, which
HTML-escapes it and neutralises Markdown; anchors are built from a slug of the doc id.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import html
import re
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Callable

import numpy as np
import pandas as pd

from helpers.analyse.aggregate import (Conflict, evidence_keys, group_positions, signals, vote_conflicts,
                                       vote_rows, vote_vocab)
from helpers.extract.actors import actor_names
from helpers.extract.facts import normalise_value
from helpers.model.labels import join_names, name_of, short
from helpers.model.schema import DERIVED, TABLES, VALIDATION
from helpers.model.tables import Layout, frame, read_table
from helpers.report.escape import md_inline, md_quoted
from helpers.report.figures import finding_sentiment_by_actor
from helpers.report.labels import numeric, target_label

#: Columns of the derived tables (written by the notebooks, not in the schema), so a missing
#: table reads as an empty, well-formed frame.
VOTE_PHRASE = {"in favor": "voting in favor", "against": "voting against", "abstained": "abstaining",
               "did not vote": "not voting"}
VOTED = {"in favor": "voted in favor", "against": "voted against", "abstained": "abstained",
         "did not vote": "did not vote"}
STANCE_VERB = {"support": "supports", "oppose": "opposes", "neutral": "is neutral on"}
SIDE_LABEL = {"west": "toward the West", "russia": "toward Russia", "neutral": "neutral", "other": "other"}
DATE_PREDICATES = {"date", "month", "year", "weekday", "relative_date"}


# ---------------------------------------------------------------- tables

#: Rows of per-document tables in the brief, and documents compared one by one, for large corpora.
MAX_ROWS = 10
MAX_COMPARE = 12


@dataclass
class Tables:
    """The processed tables a brief is written from (empty frames when a table is missing)."""

    manifest: pd.DataFrame
    articles: pd.DataFrame
    sentences: pd.DataFrame
    mentions: pd.DataFrame
    actors: pd.DataFrame
    quotes: pd.DataFrame
    facts: pd.DataFrame
    events: pd.DataFrame
    sentiment: pd.DataFrame
    article_sentiment: pd.DataFrame
    actor_sentiment: pd.DataFrame
    stance: pd.DataFrame
    stance_matrix: pd.DataFrame
    hedging: pd.DataFrame
    validation: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=VALIDATION))
    layout: Layout | None = None  # where to fetch cited sentences not in ``sentences``

    def sentence_text(self, keys: list[tuple[str, int]]) -> dict[tuple[str, int], str]:
        """The text of the given (doc_id, sent_id) sentences, read from the processed table of their documents."""
        if self.layout is None or not keys:
            return {}
        docs = sorted({d for d, _ in keys})
        wanted = set(keys)
        df = read_table(self.layout, "sentences", columns=["doc_id", "sent_id", "text"],
                        filters=[("doc_id", "in", docs)])
        return {(d, int(i)): t for d, i, t in zip(df["doc_id"], df["sent_id"], df["text"]) if (d, int(i)) in wanted}


#: The tables a brief reads, by name.
TABLE_NAMES: tuple[str, ...] = tuple(f.name for f in fields(Tables) if f.name not in ("validation", "layout"))


def empty(table: str) -> pd.DataFrame:
    """An empty frame with a table's columns."""
    return frame(table, []) if table in TABLES else pd.DataFrame(columns=DERIVED.get(table, []))


#: Text columns left on disk: the brief reads the few sentences it cites, not the corpus.
SKIP_COLUMNS = {"articles": {"text"}, "facts": {"text"}}


def load_tables(layout: Layout, sentences: bool = False) -> Tables:
    """Every table under ``layout`` (and reports/validation.csv when present), without the corpus text.

    Article bodies and fact sentences stay on disk, and the sentences table is read only with
    ``sentences=True``; the brief fetches the sentences it cites (:meth:`Tables.sentence_text`).
    """
    out = {}
    for name in TABLE_NAMES:
        present = layout.csv(name).exists() or layout.csv(name).with_suffix(".parquet").exists()
        if name == "sentences" and not sentences:
            present = False
        skip = SKIP_COLUMNS.get(name, set())
        columns = [c for c in TABLES[name] if c not in skip] if skip else None
        if not present and not (name == "sentences" and not sentences):
            raise FileNotFoundError(f"table '{name}' is missing under {layout.processed}: run the notebooks before it")
        df = read_table(layout, name, columns=columns) if present else empty(name)
        for col in DERIVED.get(name, []):
            if col not in df.columns:
                df[col] = pd.Series(dtype="object")
        out[name] = df
    path = layout.reports / "validation.csv"
    out["validation"] = (pd.read_csv(path, dtype=str, keep_default_na=False) if path.exists()
                         else pd.DataFrame(columns=VALIDATION))
    return Tables(**out, layout=layout)


# ---------------------------------------------------------------- escaping and evidence


def slug(doc_id: str) -> str:
    """An anchor-safe form of a doc id (a short hash keeps altered ids unique)."""
    s = re.sub(r"[^A-Za-z0-9_-]", "-", str(doc_id))
    if s != doc_id or not s:
        s = f"{s}-{hashlib.sha1(str(doc_id).encode('utf-8')).hexdigest()[:8]}"
    return s


def anchor(doc_id: str, sent_id: int) -> str:
    """The appendix anchor of a sentence: ``ev-<doc slug>-<sent_id>``."""
    return f"ev-{slug(doc_id)}-{int(sent_id)}"


class Evidence:
    """Numbered citations of evidence sentences (in order of first citation) and their appendix."""

    def __init__(self, sentences: pd.DataFrame, articles: pd.DataFrame | None = None,
                 fetch: Callable[[list[tuple[str, int]]], dict[tuple[str, int], str]] | None = None):
        self.fetch = fetch
        self.text: dict[tuple[str, int], str] = {}
        if articles is not None and len(articles):
            self.text.update({(str(d), 0): str(t) for d, t in zip(articles["doc_id"], articles["title"])})
        if len(sentences):
            self.text.update({(str(d), int(s)): str(t)
                              for d, s, t in zip(sentences["doc_id"], sentences["sent_id"], sentences["text"])})
        self.numbers: dict[tuple[str, int], int] = {}

    def cite(self, doc_id: str, sent_id: int) -> str:
        """A footnote link ``[[n]](#ev-doc-sent)`` to the sentence (numbered on first use)."""
        key = (str(doc_id), int(sent_id))
        n = self.numbers.setdefault(key, len(self.numbers) + 1)
        return f"[[{n}]](#{anchor(*key)})"

    def cites(self, pairs, limit: int = 6) -> str:
        """Links to several sentences, each once, in the order given."""
        keys = list(dict.fromkeys((str(d), int(s)) for d, s in pairs))
        links = [self.cite(d, s) for d, s in keys[:limit]]
        more = f" (+{len(keys) - limit})" if len(keys) > limit else ""
        return (" " + " ".join(links) + more) if links else ""

    def appendix(self) -> str:
        """The evidence list: anchor, number, doc id, sentence number and the sentence."""
        if not self.numbers:
            return "No claim in this brief cites a sentence."
        missing = [k for k in self.numbers if k not in self.text]
        if missing and self.fetch is not None:
            self.text.update(self.fetch(missing))
        lines = []
        for (doc_id, sent_id), n in sorted(self.numbers.items(), key=lambda kv: kv[1]):
            where = "title" if sent_id == 0 else f"sentence {sent_id}"
            text = self.text.get((doc_id, sent_id), "(sentence not found in the sentences table)")
            lines.append(f'- <span id="{anchor(doc_id, sent_id)}"></span>**[{n}]** {md_inline(doc_id)}, {where}: '
                         f"{md_quoted(text)}")
        return "\n".join(lines)


# ---------------------------------------------------------------- votes and conflicts


def only_here(df: pd.DataFrame, columns: list[str], elsewhere: set[tuple]) -> pd.DataFrame:
    """The rows whose key (``columns``) is not in ``elsewhere`` (an empty frame keeps its columns)."""
    mask = np.array([k not in elsewhere for k in zip(*(df[c] for c in columns))], dtype=bool)
    return df.loc[mask] if len(df) else df


# ---------------------------------------------------------------- stance signals


def mixed_states(hedging: pd.DataFrame, sig: pd.DataFrame) -> list[str]:
    """States whose signals (with their officials' and ministries') point both toward the West and toward Russia."""
    if hedging is not None and len(hedging):
        h = numeric(hedging, ["west", "russia", "n"])
        h = h[(h.west > 0) & (h.russia > 0)].sort_values(["n", "state"], ascending=[False, True])
        return list(h["state"])
    if sig.empty:
        return []
    c = sig[sig.state != ""].groupby("state")["side"].agg(lambda s: {"west", "russia"} <= set(s))
    return sorted(c[c].index)


# ---------------------------------------------------------------- the writer

def brief_date(articles: pd.DataFrame, run_date: str = "") -> tuple[str, str]:
    """(date, where it comes from): the latest article date, else ``run_date``, else today."""
    if articles is not None and len(articles) and "date" in articles.columns:
        dates = pd.to_datetime(articles["date"].replace("", None), errors="coerce", utc=True, format="mixed")
        if dates.notna().any():
            return dates.max().date().isoformat(), "the latest article date"
    if run_date:
        return str(run_date), "the date of this run (the articles give none)"
    return dt.date.today().isoformat(), "the date of this run (the articles give none)"


class Writer:
    """Builds the brief section by section from the tables; citations accumulate in ``ev``."""

    def __init__(self, t: Tables, figures_dir: Path | None = None, figures_url: str = "figures"):
        self.t = t
        self.names = actor_names(t.actors, t.mentions, t.actor_sentiment)
        self.ev = Evidence(t.sentences, t.articles, t.sentence_text)
        self.figures_dir = Path(figures_dir) if figures_dir else None
        self.figures_url = figures_url.rstrip("/")
        self.sig = signals(t.stance, t.actors)
        self.votes = vote_rows(t.facts)
        self.conflicts = vote_conflicts(t.facts, self.names)
        self.outlets = dict(zip(t.articles["doc_id"], t.articles["outlet"])) if len(t.articles) else {}
        self.mentions_total = self._mention_totals()

    # -- small pieces

    def _mention_totals(self) -> pd.DataFrame:
        a = numeric(self.t.actors, ["n_mentions"])
        if a.empty:
            return pd.DataFrame(columns=["actor_id", "kind", "docs", "mentions"])
        return (a.groupby(["actor_id", "kind"]).agg(docs=("doc_id", "nunique"), mentions=("n_mentions", "sum"))
                .reset_index().sort_values(["mentions", "actor_id"], ascending=[False, True]).reset_index(drop=True))

    def n_sentences(self) -> int:
        """Sentences in the corpus (from the articles table, which does not need the sentence text)."""
        n = pd.to_numeric(self.t.articles.get("n_sentences", pd.Series(dtype=float)), errors="coerce").sum()
        return int(n) if n else len(self.t.sentences)

    def name(self, actor_id: str) -> str:
        return md_inline(name_of(actor_id, self.names))

    def ref(self, doc_id: str, sent_id: int) -> str:
        """A citation of one sentence, preceded by a space."""
        return self.ev.cites([(doc_id, sent_id)])

    def figure(self, stem: str, alt: str) -> str:
        """A Markdown image of a saved figure, or nothing when the figure was not made."""
        if self.figures_dir is None or not (self.figures_dir / f"{stem}.png").exists():
            return ""
        return f"\n![{alt}]({self.figures_url}/{stem}.png)\n"

    def stance_phrase(self, r, cues: list[str] | None = None) -> str:
        cues = [c for c in (cues if cues is not None else [r.cue]) if str(c).strip()]
        cue = f" ({', '.join(md_quoted(c) for c in dict.fromkeys(cues))})" if cues else ""
        return f"{self.name(r.actor_id)} {STANCE_VERB.get(r.label, md_inline(r.label))} {md_inline(target_label(r.target))}{cue}"

    def conflict_text(self, c: Conflict) -> str:
        claims = "; ".join(f"{md_inline(cl.text)}{self.ev.cites(cl.cites, 4)}" for cl in c.claims)
        return f"{md_inline(c.topic)}: {claims}"

    def doc_label(self, doc_id: str) -> str:
        outlet = str(self.outlets.get(doc_id, "")).strip()
        return md_inline(doc_id) + (f" ({md_inline(outlet)})" if outlet else "")

    def grouped_signals(self, part: pd.DataFrame) -> list[tuple[object, list[str], list[tuple[str, int]]]]:
        """Signals with the same actor, target and label merged: (first row, cues, evidence sentences)."""
        out = []
        for _, g in part.groupby(["actor_id", "target", "label"], sort=False):
            out.append((g.iloc[0], list(dict.fromkeys(g["cue"])), evidence_keys(g)))
        return out

    # -- findings

    def key_findings(self) -> list[str]:
        """3-6 findings, most specific first: votes, conflicts, mixed signals, divisions, actors, tone."""
        out = list(self.vote_findings()[:2])
        if self.conflicts:
            shown = "; ".join(self.conflict_text(c) for c in self.conflicts[:2])
            more = f" ({len(self.conflicts) - 2} more under Facts)" if len(self.conflicts) > 2 else ""
            n = len(self.conflicts)
            docs = {d for c in self.conflicts for d in c.docs}
            where = "within one document" if len(docs) == 1 and all(len(c.docs) == 1 for c in self.conflicts) \
                else "within and across documents" if any(len(c.docs) > 1 for c in self.conflicts) \
                else "each within one document"
            out.append(f"**The sources disagree on {n} vote point{'s' if n != 1 else ''}** ({where}): {shown}{more}.")
        for state in mixed_states(self.t.hedging, self.sig)[:2]:
            out.append(self.mixed_signal_text(state))
        out.append(self.divided_target())
        out.append(self.actor_finding())
        out.append(self.tone_finding())
        return [f for f in out if f][:6]

    def vote_findings(self) -> list[str]:
        """The tally of each vote, then where the text places the members of each group."""
        out = []
        rows = self.votes
        groups = sorted(rows.groupby("vote"), key=lambda kv: (-len(kv[1]), kv[0])) if len(rows) else []
        for vote, part in groups:
            t = part[part.kind == "tally"]
            if t.empty:
                continue
            pieces = [f"{' / '.join(dict.fromkeys(t[t.position == pos]['value']))} {md_inline(pos)}"
                      for pos in VOTE_PHRASE if (t.position == pos).any()]
            out.append(f"**The {self.name(vote)} vote: {', '.join(pieces)}**{self.ev.cites(evidence_keys(t), 3)}.")
        for g in group_positions(self.t.facts):
            parts = []
            for pos, p in g["placed"].items():
                members = [self.name(a) for a in dict.fromkeys(p.actor_id)]
                parts.append(f"{len(members)} {VOTE_PHRASE.get(pos, md_inline(pos))} ({join_names(members)})"
                             f"{self.ev.cites(evidence_keys(p), 3)}")
            unplaced = (f"; it does not place {join_names([self.name(a) for a in g['unplaced']])}"
                        if g["unplaced"] else "")
            out.append(f"**Of {self.name(g['group'])}'s {g['size']} members**, the text places, on the "
                       f"{self.name(g['vote'])} vote: {'; '.join(parts)}{unplaced}.")
        return out

    def mixed_signal_text(self, state: str) -> str:
        s = self.sig[self.sig.state == state]
        counts = s["side"].value_counts()
        groups = []
        for side in ("west", "russia", "neutral"):
            part = s[s.side == side]
            if part.empty:
                continue
            items = [f"{self.stance_phrase(r, cues)}{self.ev.cites(c, 3)}" for r, cues, c in self.grouped_signals(part)]
            groups.append(f"*{SIDE_LABEL[side]}*: " + "; ".join(items))
        return (f"**{self.name(state)} sends mixed signals** ({int(counts.get('west', 0))} toward the West, "
                f"{int(counts.get('russia', 0))} toward Russia, {int(counts.get('neutral', 0))} neutral, counting "
                f"its officials and ministries) — " + " — ".join(groups) + ".")

    def divided_target(self) -> str:
        s = self.t.stance
        if s is None or s.empty:
            return ""
        sides = s[s.label.isin(["support", "oppose"])]
        best = None
        for target, part in sides.groupby("target", sort=True):
            net = part.assign(v=part.label.map({"support": 1, "oppose": -1})).groupby("actor_id")["v"].sum()
            fors, againsts = sorted(net[net > 0].index), sorted(net[net < 0].index)
            score = min(len(fors), len(againsts))
            if score and (best is None or score > best[0]):
                best = (score, target, fors, againsts, part)
        if best is None:
            return ""
        _, target, fors, againsts, part = best

        def who(actors: list[str]) -> str:
            items = []
            for a in actors[:6]:
                r = part[part.actor_id == a].iloc[0]
                items.append(f"{self.name(a)}{self.ref(r.doc_id, r.sent_id)}")
            return join_names(items + ([f"{len(actors) - 6} more"] if len(actors) > 6 else []))

        return (f"**{md_inline(target_label(target))}** divides the actors most: {len(fors)} on balance for it "
                f"({who(fors)}) and {len(againsts)} against ({who(againsts)}).")

    def actor_finding(self) -> str:
        tot = self.mentions_total
        n_docs = len(self.t.articles)
        if tot.empty:
            return f"{n_docs} article(s) processed; no known actor is mentioned." if n_docs else ""
        m = self.t.mentions
        items = []
        for r in tot.head(3).itertuples():
            first = m[m.actor_id == r.actor_id]
            cite = self.ref(first.iloc[0].doc_id, first.iloc[0].sent_id) if len(first) else ""
            items.append(f"{self.name(r.actor_id)} ({int(r.mentions)} mentions in {r.docs} document(s)){cite}")
        return (f"{n_docs} article{'s' if n_docs != 1 else ''} mention {tot.actor_id.nunique()} distinct actors; "
                f"the most mentioned are {join_names(items)}.")

    def tone_finding(self) -> str:
        s = numeric(self.t.sentiment, ["score"])
        s = s[s.score.notna()]
        if s.empty:
            return ""
        low = s.sort_values(["score", "doc_id", "sent_id"]).iloc[0]
        mean = s.score.mean()
        word = "negative" if mean < -0.05 else "positive" if mean > 0.05 else "close to neutral"
        return (f"The tone is {word} on balance: mean sentence score {mean:+.2f} over {len(s)} sentences; "
                f"the most negative sentence scores {low.score:+.2f}{self.ref(low.doc_id, low.sent_id)}.")

    # -- sections

    def title(self, run_date: str) -> list[str]:
        top = join_names([self.name(x) for x in self.mentions_total["actor_id"].head(3)]) or "no known actors"
        n = len(self.t.articles)
        date, source = brief_date(self.t.articles, run_date)
        return [f"# Brief: {top} in {n} article{'s' if n != 1 else ''}", "",
                f"*{md_inline(date)} — {md_inline(source)}. Generated from this run's tables; the numbers in brackets link "
                f"to the evidence sentences in the appendix.*"]

    def section_findings(self) -> list[str]:
        items = self.key_findings()
        if not items:
            return ["## Key findings", "", "No articles were processed, so there is nothing to report."]
        return ["## Key findings", "", *[f"{i}. {f}" for i, f in enumerate(items, 1)]]

    def section_actors(self) -> list[str]:
        out = ["## Actors", ""]
        tot = self.mentions_total
        if tot.empty:
            return out + ["No known actor is mentioned."]
        out += ["| actor | kind | documents | mentions | first mention |", "|---|---|---:|---:|---|"]
        m = self.t.mentions
        for r in tot.head(12).itertuples():
            first = m[m.actor_id == r.actor_id]
            cite = self.ev.cite(first.iloc[0].doc_id, first.iloc[0].sent_id) if len(first) else ""
            out.append(f"| {self.name(r.actor_id)} | {md_inline(r.kind)} | {r.docs} | {int(r.mentions)} | {cite} |")
        if len(tot) > 12:
            out.append(f"\n{len(tot) - 12} more actors are in `actors.csv`.")
        out.append(self.figure("mentions_by_outlet", "Actor mentions by outlet"))
        q = self.t.quotes
        if len(q):
            spoken = q[q.speaker_id != ""]
            out += ["", f"**Who is quoted.** {len(q)} quotes, {len(spoken)} attributed to a speaker.", ""]
            for speaker, part in sorted(spoken.groupby("speaker_id"), key=lambda kv: (-len(kv[1]), kv[0]))[:8]:
                r = part.iloc[0]
                out.append(f"- {self.name(speaker)} ({len(part)}): {md_quoted(short(r.quote, 160))}"
                           f"{self.ref(r.doc_id, r.sent_id)}")
        return out

    def section_stances(self) -> list[str]:
        out = ["## Stances", ""]
        s = self.sig
        if s.empty:
            return out + ["No actor takes a recognisable position in these articles."]
        out.append("Each state's signals include those of its officials and ministries. A signal leans toward "
                   "the West or toward Russia by the target's alignment in the stance codebook (opposing flips "
                   "it); *hedging* is 1 for an even split and 0 for all on one side. Repeated signals (same actor, "
                   "target and label) are merged; the first evidence sentence is quoted.")
        h = numeric(self.t.hedging, ["west", "russia", "neutral", "n", "hedging", "lean"])
        order = list(h.sort_values(["n", "state"], ascending=[False, True])["state"]) if len(h) else []
        order += sorted(set(s.state) - set(order) - {""})
        mixed = set(mixed_states(self.t.hedging, s))
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
            out += ["", f"### {self.name(state)}{flag}{stats}", ""]
            for side in ("west", "russia", "neutral", "other"):
                for r, cues, cites in self.grouped_signals(part[part.side == side]):
                    n = f" ({len(cites)} sentences)" if len(cites) > 1 else ""
                    out.append(f"- *{SIDE_LABEL[side]}*: {self.stance_phrase(r, cues)}{n}: {md_quoted(r.evidence)}"
                               f"{self.ev.cites(cites, 10)}")
        if len(shown) > 12:
            out.append(f"\n{len(shown) - 12} more states are in `hedging.csv`.")
        rest = s[s.state == ""]
        if len(rest):
            out += ["", "### Other actors (no state)", "", "| actor | position | evidence |", "|---|---|---|"]
            for r, cues, cites in self.grouped_signals(rest)[:20]:
                out.append(f"| {self.name(r.actor_id)} | {STANCE_VERB.get(r.label, md_inline(r.label))} "
                           f"{md_inline(target_label(r.target))} ({', '.join(md_quoted(c) for c in cues)}) |"
                           f"{self.ev.cites(cites, 6)} |")
        out.append(self.figure("stance_matrix", "Stance matrix, actor by target"))
        return out

    def section_facts(self) -> list[str]:
        out = ["## Facts", ""]
        rows = self.votes
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
                    cells.append(" / ".join(f"{v}{self.ev.cites(evidence_keys(p), 2)}"
                                            for v, p in t.groupby("value", sort=False)) or "–")
                out.append(f"| {self.name(vote)} | " + " | ".join(cells) + " |")
            out += ["", "### Who the text places where", ""]
            for vote, part in sorted(rows[rows.kind == "named"].groupby("vote"), key=lambda kv: kv[0]):
                for pos in VOTE_PHRASE:
                    p = part[part.position == pos]
                    if p.empty:
                        continue
                    items = [f"{self.name(a)}{self.ev.cites(evidence_keys(p[p.actor_id == a]), 2)}"
                             for a in dict.fromkeys(p.actor_id)]
                    out.append(f"- {self.name(vote)}, **{md_inline(pos)}**: " + ", ".join(items))
            gc = rows[rows.kind == "group_count"]
            if len(gc):
                out += ["", "### Group counts", ""]
                for (g, pos), p in gc.groupby(["actor_id", "position"], sort=True):
                    vals = "; ".join(f"{v}{self.ev.cites(evidence_keys(q), 3)}" for v, q in p.groupby("value", sort=False))
                    out.append(f"- how many of {self.name(g)} {md_inline(VOTED.get(pos, pos))}: {vals}")
            out += ["", "### Do the sources agree?", ""]
            if self.conflicts:
                n = len(self.conflicts)
                out.append(f"{n} conflict{'s' if n != 1 else ''} between sentences (counts or positions that "
                           f"cannot all be right):")
                out += ["", *[f"- {self.conflict_text(c)}" for c in self.conflicts]]
            else:
                out.append("No two sentences give different vote counts or positions.")
            keys = rows.assign(k=rows.vote + "|" + rows.position + "|" + rows.kind + "|" + rows.actor_id + "|"
                               + rows.value)
            repeated = keys.groupby("k").filter(lambda p: len(set(zip(p.doc_id, p.sent_id))) > 1)
            out.append(f"\nOf {keys.k.nunique()} distinct vote facts, {repeated.k.nunique()} are repeated "
                       f"consistently in more than one sentence and {keys.k.nunique() - repeated.k.nunique()} "
                       f"are reported once; they come from {keys.doc_id.nunique()} of {len(self.t.articles)} "
                       f"document(s).")
        out.append(self.figure("votes", "Vote breakdown"))
        f = self.t.facts
        if len(f):
            f = f[~f.predicate.isin(DATE_PREDICATES | set(tally_preds) | set(count_preds))
                  & ~f.predicate.str.startswith("vote_on_") & ~f.predicate.str.startswith("named_")]
        if len(f):
            out += ["", "### Other numbers reported", "", "| about | what | value | unit | evidence |",
                    "|---|---|---|---|---|"]
            for r in f.head(15).itertuples():
                out.append(f"| {self.name(r.subject)} | {md_inline(r.predicate.replace('_', ' '))} | {md_inline(r.value)} | "
                           f"{md_inline(r.unit)} | {self.ev.cite(r.doc_id, r.sent_id)} |")
            if len(f) > 15:
                out.append(f"\n{len(f) - 15} more in `facts.csv`.")
        return out

    def section_sentiment(self) -> list[str]:
        out = ["## Sentiment", ""]
        s = numeric(self.t.sentiment, ["score"])
        if s.empty:
            return out + ["No sentence was scored."]
        out.append(f"Sentences are scored from −1 (negative) to +1 (positive) with the project's news-adjusted "
                   f"score; over {len(s)} sentences the mean is {s.score.mean():+.2f}.")
        a = numeric(self.t.article_sentiment, ["mean_score", "ci_low", "ci_high", "share_negative", "n_sentences"])
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
                cite = self.ev.cite(sent.iloc[0].doc_id, sent.iloc[0].sent_id) if len(sent) else ""
                ci = f"{r.ci_low:+.2f} to {r.ci_high:+.2f}" if pd.notna(r.ci_low) else "–"
                share = f"{r.share_negative:.0%}" if pd.notna(r.share_negative) else "–"
                n = int(r.n_sentences) if pd.notna(r.n_sentences) else ""
                out.append(f"| {self.doc_label(r.doc_id)} | {n} | {r.mean_score:+.2f} | {ci} | {share} | {cite} |")
        out += ["", md_inline(finding_sentiment_by_actor(self.t.actor_sentiment))]
        out.append(self.figure("sentiment_by_actor", "Sentiment by actor"))
        return out

    def section_sources_compared(self) -> list[str]:
        out = ["## Cross-source comparison", ""]
        docs = list(self.t.articles["doc_id"])
        if len(docs) < 2:
            return out + [f"{len(docs)} document{'s' if len(docs) != 1 else ''}, so there is nothing to compare."]
        if len(docs) > MAX_COMPARE:  # document by document is for a handful of sources
            counts = self.t.actors.groupby("doc_id")["actor_id"].nunique() if len(self.t.actors) else pd.Series()
            docs = sorted(docs, key=lambda d: (-int(counts.get(d, 0)), d))[:MAX_COMPARE]
            out.append(f"{len(self.t.articles)} documents: compared here are the {MAX_COMPARE} that name the most "
                       f"actors.")
            out.append("")
        a = self.t.actors
        f = self.t.facts.copy()
        if len(f):
            f["norm"] = f["value"].map(normalise_value)
        tally_preds, count_preds, _ = vote_vocab()
        vote_preds = set(tally_preds) | set(count_preds)
        stance = self.t.stance
        for d in docs:
            lines = []
            mine = a[a.doc_id == d]
            only = numeric(mine[~mine.actor_id.isin(set(a[a.doc_id != d].actor_id))], ["n_mentions"]).sort_values(
                ["n_mentions", "actor_id"], ascending=[False, True])
            if len(only):
                lines.append(f"- Actors only this document mentions: "
                             f"{join_names([self.name(x) for x in only.actor_id], 10)}.")
            if len(f):
                here, there = f[f.doc_id == d], f[f.doc_id != d]
                other_keys = set(zip(there.subject, there.predicate, there.norm))
                uniq = only_here(here, ["subject", "predicate", "norm"], other_keys)
                is_vote = uniq.predicate.isin(vote_preds) | uniq.predicate.str.startswith("vote_on_") \
                    | uniq.predicate.str.startswith("named_")
                votes = uniq[is_vote]
                if len(votes):
                    lines.append(f"- Vote facts only this document reports: {len(votes)}, in "
                                 f"{votes.sent_id.nunique()} sentence(s){self.ev.cites(evidence_keys(votes), 4)}.")
                rest = uniq[~is_vote & ~uniq.predicate.isin(DATE_PREDICATES)]
                if len(rest):
                    items = [f"{self.name(r.subject)}: {md_inline(r.predicate.replace('_', ' '))} {md_inline(r.value)} "
                             f"{md_inline(r.unit)}{self.ref(r.doc_id, r.sent_id)}" for r in rest.head(6).itertuples()]
                    more = f" and {len(rest) - 6} more" if len(rest) > 6 else ""
                    lines.append(f"- Other numbers only here: {'; '.join(items)}{more}.")
            if len(stance):
                here, there = stance[stance.doc_id == d], stance[stance.doc_id != d]
                other_keys = set(zip(there.actor_id, there.target, there.label))
                uniq = only_here(here, ["actor_id", "target", "label"], other_keys)
                grouped = self.grouped_signals(uniq)
                if grouped:
                    items = [f"{self.stance_phrase(r, cues)}{self.ev.cites(c, 3)}" for r, cues, c in grouped[:8]]
                    more = f" and {len(grouped) - 8} more" if len(grouped) > 8 else ""
                    lines.append(f"- Positions only this document reports: {'; '.join(items)}{more}.")
            title = self.t.articles.loc[self.t.articles.doc_id == d, "title"]
            out += ["", f"### {md_inline(short(title.iloc[0], 90)) if len(title) else ''} — {self.doc_label(d)}", ""]
            out += lines or ["- Nothing that the other documents do not also report."]
        out += ["", "### Where they agree", ""]
        agree = []
        if len(f):
            shared = f.groupby(["subject", "predicate", "norm"]).filter(lambda p: p.doc_id.nunique() > 1)
            for (subj, pred, _), p in shared.groupby(["subject", "predicate", "norm"], sort=True):
                agree.append(f"- {self.name(subj)}: {md_inline(pred.replace('_', ' '))} {md_quoted(p.iloc[0].value)}"
                             f"{self.ev.cites(evidence_keys(p.drop_duplicates('doc_id')), 4)}")
        if len(stance):
            shared = stance.groupby(["actor_id", "target", "label"]).filter(lambda p: p.doc_id.nunique() > 1)
            for _, p in shared.groupby(["actor_id", "target", "label"], sort=True):
                agree.append(f"- {self.stance_phrase(p.iloc[0], list(p.cue))}"
                             f"{self.ev.cites(evidence_keys(p.drop_duplicates('doc_id')), 4)}")
        out += agree[:15] or ["No fact or position appears in more than one document."]
        out += ["", "### Where they conflict", ""]
        across = [c for c in self.conflicts if len(c.docs) > 1]
        out += ([f"- {self.conflict_text(c)}" for c in across] or
                ["No vote count or position differs between documents"
                 + (" (the conflicts within a document are listed under Facts)." if self.conflicts else ".")])
        return out

    def section_method(self) -> list[str]:
        m = self.t.manifest
        processed = int((m.status == "processed").sum()) if len(m) else len(self.t.articles)
        skipped = m[m.status == "skipped"] if len(m) else m
        reasons = skipped.reason.value_counts() if len(skipped) else pd.Series(dtype=int)
        why = f" ({'; '.join(f'{md_inline(k)}: {v}' for k, v in reasons.items())})" if len(reasons) else ""
        n_actors = self.t.mentions.actor_id.nunique() if len(self.t.mentions) else 0
        return ["## Method", "",
                f"- **Corpus**: {len(m)} file(s), {processed} processed and {len(skipped)} skipped{why}; page "
                f"furniture removed by listed patterns; {self.n_sentences()} sentences split with nltk Punkt "
                "and the project's parameters.",
                f"- **Actors**: {len(self.t.mentions)} mentions of {n_actors} actors matched against a curated "
                "dictionary (names, demonyms, capitals standing for states).",
                f"- **Quotes, facts, events**: {len(self.t.quotes)} quotes attributed through reporting verbs; "
                f"{len(self.t.facts)} numeric facts (vote tallies, counts, dates as written); {len(self.t.events)} "
                "events (who did what to whom).",
                f"- **Stance**: {len(self.t.stance)} signals from a codebook of targets and a cue lexicon, each with "
                "its evidence sentence; states' signals include their officials' and ministries'.",
                "- **Sentiment**: per sentence, nltk VADER and a news-adjusted score; articles and actors average "
                "their sentences, with 95% t-intervals.",
                "- **This brief**: every number in it is computed from those tables. Conflicts are found by "
                "comparing vote counts and positions across sentences, and against group membership in the actor "
                "dictionary. Dates are kept as written."]

    def section_validation(self) -> list[str]:
        out = ["## Validation", ""]
        v = self.t.validation
        if v is None or v.empty:
            return out + ["No validation scores in this build (reports/validation.csv is missing or empty)."]
        for col in VALIDATION:
            if col not in v.columns:
                v = v.assign(**{col: ""})
        with_target = v[v.passed.astype(str) != ""]
        passed = int((with_target.passed.astype(str) == "True").sum())
        out.append(f"Scores against hand-coded gold (on the documents the gold covers) and human sentiment "
                   f"ratings, from notebook 05; {passed} of {len(with_target)} scores with a target meet it.")
        out += ["", "| instrument | metric | value | target | met |", "|---|---|---:|---:|---|"]
        for r in v.itertuples():
            value = pd.to_numeric(pd.Series([r.value]), errors="coerce").iloc[0]
            shown = f"{value:.3f}" if pd.notna(value) else md_inline(r.value)
            met = {"True": "yes", "False": "**no**"}.get(str(r.passed), "")
            out.append(f"| {md_inline(r.instrument)} | {md_inline(r.metric)} | {shown} | {md_inline(r.target)} | {met} |")
        return out

    def section_sources(self) -> list[str]:
        out = ["## Sources", ""]
        arts = self.t.articles
        if arts.empty:
            return out + ["No article was processed."]
        m = self.t.manifest
        paths = dict(zip(m.doc_id, m.path)) if len(m) else {}
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

    def markdown(self, run_date: str = "") -> str:
        """The whole brief as Markdown."""
        parts = [self.title(run_date), self.section_findings(), self.section_actors(), self.section_stances(),
                 self.section_facts(), self.section_sentiment(), self.section_sources_compared(),
                 self.section_method(), self.section_validation(), self.section_sources()]
        body = "\n\n".join("\n".join(p) for p in parts)
        return body + "\n\n## Appendix: evidence\n\n" + self.ev.appendix() + "\n"


def build_brief(tables: Tables, run_date: str = "", figures_dir: str | Path | None = None,
                figures_url: str = "figures") -> str:
    """The brief as Markdown, from the tables (figures embedded when ``figures_dir`` holds them)."""
    return Writer(tables, Path(figures_dir) if figures_dir else None, figures_url).markdown(run_date)


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
