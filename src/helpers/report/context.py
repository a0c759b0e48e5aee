"""What the brief is written from: the tables (without the corpus text), the evidence citations
and appendix, and the Context every section and finding shares."""
from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Callable

import numpy as np
import pandas as pd

from helpers.analyse.aggregate import (Conflict, corpus_key, evidence_keys, is_un_vote, keyed_column, signals,
                                       vote_conflicts, vote_name, vote_rows)
from helpers.extract.actors import actor_names, dictionary_names
from helpers.model.labels import KEY_SEP, name_of
from helpers.model.schema import DERIVED, TABLES, VALIDATION
from helpers.model.tables import Layout, frame, read_table
from helpers.report.escape import md_inline, md_quoted
from helpers.report.labels import numeric, target_label


#: How positions and labels are worded in the brief.
VOTE_PHRASE = {"in favor": "voting in favor", "against": "voting against", "abstained": "abstaining",
               "did not vote": "not voting"}
STANCE_VERB = {"support": "supports", "oppose": "opposes", "neutral": "is neutral on"}
SIDE_LABEL = {"west": "toward the West", "russia": "toward Russia", "neutral": "neutral", "other": "other"}
DATE_PREDICATES = {"date", "month", "year", "weekday", "relative_date"}


# ---------------------------------------------------------------- tables

#: Rows of per-document tables in the brief, and documents compared one by one, for large corpora.
MAX_ROWS = 10
MAX_COMPARE = 12
#: Above this many documents the brief summarises: at most CITES_PER_CLAIM_LARGE evidence sentences per
#: claim (the count of the rest is given), at most MAX_SIGNALS merged signals per state and side, and the
#: sources as a table by outlet plus the documents the brief cites, so its size does not grow with the corpus.
LARGE_CORPUS = 50
CITES_PER_CLAIM_LARGE = 2
MAX_SIGNALS = 5
MAX_SOURCES_LISTED = 60
#: Cue words quoted for one merged signal.
MAX_CUES = 5


@dataclass
class Tables:
    """The processed tables a brief is written from (empty frames when a table is missing).

    A table left ``None`` is read on first use: from ``layout`` when one is given (as
    :func:`load_tables` leaves them), else it is empty. A notebook that draws four figures then
    reads only the tables those figures need: every table read costs its memory, and on a large
    corpus fresh memory is a large part of a notebook's time."""

    manifest: pd.DataFrame | None = None
    articles: pd.DataFrame | None = None
    sentences: pd.DataFrame | None = None
    mentions: pd.DataFrame | None = None
    actors: pd.DataFrame | None = None
    quotes: pd.DataFrame | None = None
    facts: pd.DataFrame | None = None
    events: pd.DataFrame | None = None
    sentiment: pd.DataFrame | None = None
    article_sentiment: pd.DataFrame | None = None
    actor_sentiment: pd.DataFrame | None = None
    stance: pd.DataFrame | None = None
    stance_matrix: pd.DataFrame | None = None
    hedging: pd.DataFrame | None = None
    validation: pd.DataFrame | None = None
    layout: Layout | None = None  # where tables left None are read from, and cited sentences fetched
    with_sentences: bool = False  # whether a sentences table left None is read (else it is empty)

    def __getattribute__(self, name: str):
        value = object.__getattribute__(self, name)
        if value is None and name in _LAZY:
            value = object.__getattribute__(self, "_read")(name)
            object.__setattr__(self, name, value)
        return value

    def _read(self, name: str) -> pd.DataFrame:
        """Table ``name`` from ``layout`` (its text columns left on disk), or an empty frame."""
        layout = self.layout
        if name == "validation":
            path = layout.reports / "validation.csv" if layout is not None else None
            return (pd.read_csv(path, dtype=str, keep_default_na=False) if path is not None and path.exists()
                    else pd.DataFrame(columns=VALIDATION))
        if layout is None or (name == "sentences" and not self.with_sentences) or not _present(layout, name):
            return empty(name)
        skip = SKIP_COLUMNS.get(name, set())
        df = read_table(layout, name, columns=[c for c in TABLES[name] if c not in skip] if skip else None)
        for col in DERIVED.get(name, []):
            if col not in df.columns:
                df[col] = pd.Series(dtype="object")
        return df

    def sentence_text(self, keys: list[tuple[str, int]]) -> dict[tuple[str, int], str]:
        """The text of the given (doc_id, sent_id) sentences, read from the processed table of their documents."""
        if self.layout is None or not keys:
            return {}
        docs = sorted({d for d, _ in keys})
        wanted = set(keys)
        df = read_table(self.layout, "sentences", columns=["doc_id", "sent_id", "text"],
                        filters=[("doc_id", "in", docs)])
        return {(d, int(i)): t for d, i, t in zip(df["doc_id"].tolist(), df["sent_id"].tolist(), df["text"].tolist())
                if (d, int(i)) in wanted}


#: The tables a brief reads, by name.
TABLE_NAMES: tuple[str, ...] = tuple(f.name for f in fields(Tables)
                                     if f.name not in ("validation", "layout", "with_sentences"))
_LAZY = frozenset(TABLE_NAMES) | {"validation"}


def empty(table: str) -> pd.DataFrame:
    """An empty frame with a table's columns."""
    return frame(table, []) if table in TABLES else pd.DataFrame(columns=DERIVED.get(table, []))


#: Columns left on disk: the text (the brief reads the few sentences it cites, not the corpus), and
#: VADER's raw parts of each sentence's sentiment (the brief and the figures use only its score).
SKIP_COLUMNS = {"articles": {"text"}, "facts": {"text"}, "sentiment": {"compound", "pos", "neu", "neg"}}


def _present(layout: Layout, name: str) -> bool:
    return layout.csv(name).exists() or layout.csv(name).with_suffix(".parquet").exists()


def load_tables(layout: Layout, sentences: bool = False) -> Tables:
    """Every table under ``layout`` (and reports/validation.csv when present), without the corpus text,
    each read when first used.

    Article bodies and fact sentences stay on disk, and the sentences table is read only with
    ``sentences=True``; the brief fetches the sentences it cites (:meth:`Tables.sentence_text`).
    A missing table fails here, before anything is read.
    """
    for name in TABLE_NAMES:
        if (name != "sentences" or sentences) and not _present(layout, name):
            raise FileNotFoundError(f"table '{name}' is missing under {layout.processed}: run the notebooks before it")
    return Tables(layout=layout, with_sentences=sentences)


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
            self.text.update({(str(d), 0): str(t) for d, t in zip(articles["doc_id"].tolist(), articles["title"].tolist())})
        if len(sentences):
            self.text.update({(str(d), int(s)): str(t)
                              for d, s, t in zip(sentences["doc_id"], sentences["sent_id"], sentences["text"])})
        self.numbers: dict[tuple[str, int], int] = {}
        #: Upper bound on the sentences one claim cites (None: as each claim asks).
        self.max_per_claim: int | None = None

    def cite(self, doc_id: str, sent_id: int) -> str:
        """A footnote link ``[[n]](#ev-doc-sent)`` to the sentence (numbered on first use)."""
        key = (str(doc_id), int(sent_id))
        n = self.numbers.setdefault(key, len(self.numbers) + 1)
        return f"[[{n}]](#{anchor(*key)})"

    def cites(self, pairs, limit: int = 6) -> str:
        """Links to several sentences, each once, in the order given."""
        keys = list(dict.fromkeys((str(d), int(s)) for d, s in pairs))
        if self.max_per_claim is not None:
            limit = min(limit, self.max_per_claim)
        links = [self.cite(d, s) for d, s in keys[:limit]]
        more = f" (+{len(keys) - limit})" if len(keys) > limit else ""
        return (" " + " ".join(links) + more) if links else ""

    def renumber(self, markdown: str) -> str:
        """Number the citations in order of first appearance in the finished ``markdown``, keeping
        only those it shows: a claim worded but left out of the brief leaves nothing in the appendix."""
        by_anchor = {anchor(*k): k for k in self.numbers}
        shown = dict.fromkeys(a for a in re.findall(r"\[\[\d+\]\]\(#(ev-[A-Za-z0-9_-]+)\)", markdown) if a in by_anchor)
        self.numbers = {by_anchor[a]: i for i, a in enumerate(shown, 1)}
        return re.sub(r"\[\[\d+\]\]\(#(ev-[A-Za-z0-9_-]+)\)",
                      lambda m: f"[[{self.numbers[by_anchor[m.group(1)]]}]](#{m.group(1)})" if m.group(1) in by_anchor
                      else m.group(0), markdown)

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


#: The key of a fact and of a position when documents are compared, and how many shared ones are listed.
#: What makes two documents' facts the same fact: subject, predicate, normalised value, the counted
#: noun ("2 republics" is not "2 visits"), and for a date relative to publication ("today",
#: "Tuesday", "last year") the article's date, since the same words in articles of other days
#: name other days.
FACT_KEY = ["subject", "predicate", "norm", "unit", "anchor"]
#: facts.predicate values whose value is relative to the article's publication date.
RELATIVE_PREDICATES = frozenset({"relative_date", "weekday"})
STANCE_KEY = ["actor_id", "target", "label"]
MAX_AGREE = 15


def doc_counts(df: pd.DataFrame, columns: list[str]) -> dict[tuple, int]:
    """How many distinct documents give each key (``columns``), counted once for the whole corpus."""
    if not len(df):
        return {}
    return df.groupby(columns)["doc_id"].nunique().to_dict()


def only_here(df: pd.DataFrame, columns: list[str], counts: dict[tuple, int]) -> pd.DataFrame:
    """The rows of one document (``df``) whose key no other document gives: its document count is 1.

    ``counts`` is ``doc_counts`` of the whole table. An empty frame keeps its columns.
    """
    mask = np.array([counts.get(k, 0) <= 1 for k in zip(*(df[c].tolist() for c in columns))], dtype=bool)
    return df.loc[mask] if len(df) else df


def shared_groups(df: pd.DataFrame, columns: list[str], counts: dict[tuple, int], limit: int):
    """The ``limit`` keys given by the most documents (more than one; ties in sorted order), with
    their rows, in that order."""
    keys = sorted((k for k, n in counts.items() if n > 1), key=lambda k: (-counts[k], k))[:max(0, limit)]
    if not keys:
        return
    wanted = set(keys)
    rows = df.loc[np.array([k in wanted for k in zip(*(df[c].tolist() for c in columns))], dtype=bool)]
    groups = dict(iter(rows.groupby(columns, sort=True)))
    for k in keys:
        yield k, groups[k]


# ---------------------------------------------------------------- stance signals


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


class Context:
    """What every section of the brief shares: the tables, actor names, the evidence
    citations (accumulating in ``ev``), the stance signals, vote rows and conflicts."""

    def __init__(self, t: Tables, figures_dir: Path | None = None, figures_url: str = "figures"):
        self.t = t
        self.names = actor_names(t.actors, t.mentions, t.actor_sentiment)
        self.known = frozenset(dictionary_names())
        self.ev = Evidence(t.sentences, t.articles, t.sentence_text)
        self.figures_dir = Path(figures_dir) if figures_dir else None
        self.figures_url = figures_url.rstrip("/")
        self.sig = self.keyed(signals(t.stance, t.actors))  # a surname id of several people: one each
        #: the facts with each subject as its key: a voter or subject the text introduces, named per document
        self.keyed_facts = facts = self.keyed(t.facts, "subject")
        self.votes = vote_rows(facts)
        # disagreement is reported only within one UN vote: parliament, party and election votes are listed, not compared
        self.conflicts = [c for c in vote_conflicts(facts, self.names) if is_un_vote(c.vote)]
        self.outlets = dict(zip(t.articles["doc_id"], t.articles["outlet"])) if len(t.articles) else {}
        self._groups: dict[tuple[str, str], dict] = {}  # rows_where: positions by (table, column) and value
        self.mentions_total = self._mention_totals()
        self.large = len(t.articles) > LARGE_CORPUS
        if self.large:
            self.ev.max_per_claim = CITES_PER_CLAIM_LARGE

    def _mention_totals(self) -> pd.DataFrame:
        """Mentions and documents per actor over the corpus, by :meth:`key` (in the ``actor_id`` column)."""
        a = numeric(self.t.actors, ["n_mentions"])
        if a.empty:
            return pd.DataFrame(columns=["actor_id", "kind", "docs", "mentions"])
        a = a.assign(actor_id=self.key(a["actor_id"], a["actor_name"]))
        return (a.groupby(["actor_id", "kind"]).agg(docs=("doc_id", "nunique"), mentions=("n_mentions", "sum"))
                .reset_index().sort_values(["mentions", "actor_id"], ascending=[False, True]).reset_index(drop=True))

    def key(self, ids: pd.Series, names: pd.Series) -> pd.Series:
        """Who an actor id means across documents (:func:`helpers.analyse.aggregate.corpus_key`): a
        dictionary actor by its id; a person or body a text introduces by its id and name."""
        return corpus_key(ids, names, self.known)

    def keyed(self, df: pd.DataFrame | None, column: str = "actor_id") -> pd.DataFrame | None:
        """``df`` (rows with doc_id and an actor id in ``column``: stance's actor_id, facts' subject)
        with each id as its :meth:`key`, the name from ``df``'s own actor_name (for actor_id) or else
        from the actors table of the row's document. An id that is no actor stays as it is."""
        return keyed_column(df, self.t.actors, column, self.known)

    def mentions_of(self, key: str) -> pd.DataFrame:
        """The mentions of an actor given by :meth:`key`."""
        m = self.t.mentions
        if KEY_SEP not in key:
            return self.rows_where("mentions", "actor_id", key)
        actor_id, name = key.split(KEY_SEP, 1)
        mine = self.rows_where("mentions", "actor_id", actor_id)
        return mine[mine.actor_name == name]

    def rows_where(self, table: str, column: str, value) -> pd.DataFrame:
        """The rows of ``table`` whose ``column`` equals ``value``, in table order: what
        ``df[df[column] == value]`` gives, from positions grouped once per table and column, so a
        section that looks up one document or actor after another does not scan the table each time."""
        df = getattr(self.t, table)
        index = self._groups.get((table, column))
        if index is None:
            index = self._groups[(table, column)] = df.groupby(column, sort=False, dropna=True).indices \
                if len(df) else {}
        return df.iloc[index.get(value, [])]

    def n_sentences(self) -> int:
        """Sentences in the corpus (from the articles table, which does not need the sentence text)."""
        n = pd.to_numeric(self.t.articles.get("n_sentences", pd.Series(dtype=float)), errors="coerce").sum()
        return int(n) if n else len(self.t.sentences)

    def name(self, actor_id: str) -> str:
        """An actor id, or a :meth:`key`, in words."""
        if KEY_SEP in actor_id:
            return md_inline(actor_id.split(KEY_SEP, 1)[1])
        return md_inline(name_of(actor_id, self.names))

    def vote_label(self, vote: str) -> str:
        """A vote in words: its written label ("UNGA ES-11/4 ... (12 Oct 2022)"), else its id by name."""
        return md_inline(vote_name(vote, self.names))

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
        first = {}
        for c in cues:  # once each, in order of first use, whatever the case
            first.setdefault(str(c).lower(), c)
        cues = list(first.values())
        shown = ", ".join(md_quoted(c) for c in cues[:MAX_CUES])
        shown += f" and {len(cues) - MAX_CUES} more cues" if len(cues) > MAX_CUES else ""
        cue = f" ({shown})" if cues else ""
        basis = " *(implicit: a coding convention, not a statement)*" if getattr(r, "basis", "") == "implicit" else ""
        return (f"{self.name(r.actor_id)} {STANCE_VERB.get(r.label, md_inline(r.label))} "
                f"{md_inline(target_label(r.target))}{cue}{basis}")

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
        if self.large:  # the best-supported signals first; callers show MAX_SIGNALS and count the rest
            out.sort(key=lambda item: -len(item[2]))
        return out

    def top_signals(self, part: pd.DataFrame, limit: int) -> tuple[list, str]:
        """The merged signals to show (all of them in a small corpus) and a note on the rest."""
        grouped = self.grouped_signals(part)
        limit = min(limit, MAX_SIGNALS) if self.large else limit
        more = f" and {len(grouped) - limit} more (stance.csv)" if len(grouped) > limit else ""
        return grouped[:limit], more
