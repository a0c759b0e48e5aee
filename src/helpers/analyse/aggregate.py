"""Corpus-level analysis: the derived tables the figures and the brief read.

Each function turns per-document tables into one derived table (its columns are in
``model.schema.DERIVED``): the actor table and unknown names, article and actor sentiment with
95% t-intervals, the stance matrix and the hedging index, the vote rows (every vote fact in
one shape) and the conflicts between sentences about a vote.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from helpers.analyse.stance import Codebook, load_codebook
from helpers.extract.actors import actor_names, dictionary_names, group_members
from helpers.extract.facts import is_un_vote as _is_un_label, normalise_value, vocab
from helpers.model.labels import KEY_SEP, join_names, name_of
from helpers.model.schema import DERIVED, TABLES

POLARITY_THRESHOLD = 0.05
VOTED = {"in favor": "voted in favor", "against": "voted against", "abstained": "abstained",
         "did not vote": "did not vote"}


# ---------------------------------------------------------------- who an actor is across documents

def corpus_key(ids: pd.Series, names: pd.Series, known: "set[str] | frozenset[str] | None" = None) -> pd.Series:
    """Who each actor id means across documents.

    A dictionary actor is the same actor in every document, so its id is its key. A person or body
    a text introduces gets its id from its name in that document ("BROWN" is Sherrod Brown in one
    release and Kate Brown in another), so across documents it is its id and its name
    ("BROWN:Kate Brown"). Two spellings of one person ("Jen Granholm", "Jennifer Granholm") stay
    apart: a count that splits one person is a smaller error than one that merges several.
    ``known`` is the dictionary's ids (read from it when None); an id that already is a key, or
    has no name, stays."""
    known = frozenset(dictionary_names()) if known is None else known
    ids = ids.fillna("").astype(str)
    if len(names) != len(ids):
        raise ValueError(f"corpus_key: {len(ids)} ids but {len(names)} names")
    # Only the rows whose id is no dictionary actor's can change (most mentions are of dictionary
    # actors): the string work is done on those alone, by position (names pair with ids by position).
    rows = np.flatnonzero(~ids.isin(known).to_numpy())
    if not len(rows):
        return ids
    changed, keys = [], []
    for k, i, n in zip(rows.tolist(), ids.iloc[rows].tolist(), names.iloc[rows].fillna("").astype(str).tolist()):
        if i and n and KEY_SEP not in i:
            changed.append(k)
            keys.append(i + KEY_SEP + n)
    if not changed:
        return ids
    out = ids.copy()
    out.iloc[changed] = keys
    return out


def corpus_ids(df: pd.DataFrame | None, known: "set[str] | frozenset[str] | None" = None) -> pd.DataFrame | None:
    """``df`` with each ``actor_id`` replaced by its :func:`corpus_key` (from its ``actor_name``), so
    counting by ``actor_id`` over documents counts actors, not names that happen to share an id.
    A frame without an ``actor_name`` column is returned as it is."""
    if df is None or df.empty or not {"actor_id", "actor_name"} <= set(df.columns):
        return df
    return df.assign(actor_id=corpus_key(df["actor_id"], df["actor_name"], known))


def with_actor_names(df: pd.DataFrame, actors: pd.DataFrame | None) -> pd.DataFrame:
    """``df`` (rows with doc_id and actor_id, such as stance) with each actor's name in its document:
    ``actor_name`` from the actors table, else the dictionary's name for a dictionary actor (a stance
    row may name an actor no mention of that document does: a group's member, the publisher), else
    "". A frame that already has ``actor_name`` is returned as it is; the row order is kept."""
    if "actor_name" in df.columns:
        return df
    if actors is None or actors.empty or "doc_id" not in df.columns or df.empty:
        out = df.assign(actor_name="")
    else:
        names = actors[["doc_id", "actor_id", "actor_name"]].drop_duplicates(["doc_id", "actor_id"])
        out = df.merge(names, on=["doc_id", "actor_id"], how="left")
        out.index = df.index
    known = dictionary_names()
    missing = out["actor_name"].isna() | out["actor_name"].eq("")
    if missing.any():
        out.loc[missing, "actor_name"] = out.loc[missing, "actor_id"].map(known)
    out["actor_name"] = out["actor_name"].fillna("")
    return out


def keyed_column(df: pd.DataFrame | None, actors: pd.DataFrame | None, column: str,
                 known: "set[str] | frozenset[str] | None" = None) -> pd.DataFrame | None:
    """``df`` (rows with doc_id and an actor id in ``column``: facts' subject, stance's actor_id) with
    each id as its :func:`corpus_key`, named from the actors table of the row's document. An id
    that is no actor (a vote's subject, "UN_RESOLUTION") stays as it is. A frame's own ``actor_name``
    names its ``actor_id``."""
    if df is None or df.empty or column not in df.columns:
        return df
    if column == "actor_id" and "actor_name" in df.columns:
        return corpus_ids(df, known)
    names = with_actor_names(df[["doc_id", column]].rename(columns={column: "actor_id"}), actors)["actor_name"]
    return df.assign(**{column: corpus_key(df[column], names, known).to_numpy()})


def actor_table(mentions: "pd.DataFrame") -> "pd.DataFrame":
    """Document-level actors: one row per (doc, actor) with its number of mentions."""
    cols = DERIVED["actors"]
    if mentions.empty:
        return pd.DataFrame(columns=cols)
    out = (mentions.groupby(["doc_id", "actor_id", "actor_name", "kind", "country_iso3"], sort=False)
           .size().rename("n_mentions").reset_index())
    return out.sort_values(["doc_id", "n_mentions", "actor_id"], ascending=[True, False, True])[cols] \
        .reset_index(drop=True)


def unknown_name_table(names: "pd.DataFrame | pa.Table") -> "pd.DataFrame":
    """Capitalised names the dictionary does not know: count, and the first sentence each occurs in.

    ``names`` is the names table (doc_id, name, n, sentence: one row per name and document, ``n``
    its occurrences there; without ``n`` each row counts once), as a DataFrame or, cheaper on a
    large corpus, as an Arrow table (``tables.read_parts_arrow``): the counting is done in Arrow
    and only one sentence per distinct name is ever made a Python string."""
    cols = DERIVED["unknown_names"]
    if not isinstance(names, pa.Table):
        names = pa.Table.from_pandas(names[[c for c in ("doc_id", "name", "n", "sentence") if c in names.columns]],
                                     preserve_index=False)
    table = names
    if table.column("name").null_count:  # a filter copies every column: only when there is a null to drop
        table = table.filter(pc.is_valid(table.column("name")))
    if table.num_rows == 0:
        return pd.DataFrame(columns=cols)
    column = table.column("name").combine_chunks()
    weight = (table.column("n").combine_chunks().cast(pa.int64()) if "n" in table.column_names
              else pa.array(np.ones(len(column), dtype=np.int64)))
    distinct = pc.unique(column)  # in order of first occurrence
    first = pc.index_in(distinct, value_set=column)  # each distinct name's first row
    totals = pa.table({"name": column, "n": weight}).group_by("name").aggregate([("n", "sum")])
    n = pc.take(totals.column("n_sum"), pc.index_in(distinct, value_set=totals.column("name")))
    # Only the two example columns are taken, each combined into one chunk first (a take across
    # many chunks copies the whole column).
    out = pa.table({"name": distinct, "n": pc.cast(n, pa.int64()),
                    "example_doc_id": table.column("doc_id").combine_chunks().take(first),
                    "example_sentence": table.column("sentence").combine_chunks().take(first)})
    # Most frequent first, then by name (code-point order, as Python compares strings; names are distinct).
    order = pc.sort_indices(out, sort_keys=[("n", "descending"), ("name", "ascending")])
    return out.take(order).to_pandas()[cols]


def t_critical(df: int) -> float:
    """Two-sided 95% Student-t critical value (table to 30 df, Cornish-Fisher beyond; no scipy)."""
    if df < 1:
        return math.nan
    if df <= 30:
        return _T975[df - 1]
    z = 1.959963984540054
    return (z + (z**3 + z) / (4 * df) + (5 * z**5 + 16 * z**3 + 3 * z) / (96 * df**2)
            + (3 * z**7 + 19 * z**5 + 17 * z**3 - 15 * z) / (384 * df**3))


_T975 = (12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179,
         2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064,
         2.060, 2.056, 2.052, 2.048, 2.045, 2.042)


def _t_interval(frame: pd.DataFrame, mean: str, sd: str, n: str) -> tuple[pd.Series, pd.Series]:
    """Lower and upper 95% t-interval of a mean from mean, sd and n columns (NaN when n < 2)."""
    crit = frame[n].map(lambda k: t_critical(int(k) - 1) if k >= 2 else math.nan)
    half = crit * frame[sd] / np.sqrt(frame[n])
    return frame[mean] - half, frame[mean] + half


def article_sentiment(sentiment_df: pd.DataFrame, threshold: float = POLARITY_THRESHOLD) -> pd.DataFrame:
    """Per article: n_sentences, mean compound and score, share positive/negative (|score| > threshold), 95% t-interval."""
    df = sentiment_df.assign(
        _pos=(sentiment_df["score"] > threshold).astype(float),
        _neg=(sentiment_df["score"] < -threshold).astype(float),
    )
    out = df.groupby("doc_id", sort=True).agg(
        n_sentences=("score", "size"),
        mean_compound=("compound", "mean"),
        mean_score=("score", "mean"),
        sd_score=("score", "std"),
        share_positive=("_pos", "mean"),
        share_negative=("_neg", "mean"),
    ).reset_index()
    out["ci_low"], out["ci_high"] = _t_interval(out, "mean_score", "sd_score", "n_sentences")
    return out


def actor_sentiment(sentiment_df: pd.DataFrame, mentions_df: pd.DataFrame) -> pd.DataFrame:
    """Per actor: mean score over the distinct sentences mentioning it, n_sentences, n_docs, 95% t-interval.

    An actor is its id and its name (:func:`corpus_key`): a dictionary actor has one name, while a
    surname id such as "BROWN" names different people in different documents, each a row of its own."""
    keys = ["doc_id", "sent_id"]
    meta = ["kind", "country_iso3"]
    pairs = mentions_df[keys + ["actor_id", "actor_name"] + meta].drop_duplicates(keys + ["actor_id"])
    merged = pairs.merge(sentiment_df[keys + ["score"]].drop_duplicates(keys), on=keys, how="inner")
    out = merged.groupby(["actor_id", "actor_name"], sort=True).agg(
        kind=("kind", "first"),
        country_iso3=("country_iso3", "first"),
        n_sentences=("score", "size"),
        n_docs=("doc_id", "nunique"),
        mean_score=("score", "mean"),
        sd_score=("score", "std"),
    ).reset_index()
    out["ci_low"], out["ci_high"] = _t_interval(out, "mean_score", "sd_score", "n_sentences")
    out = out[DERIVED["actor_sentiment"]]
    return out.sort_values(["n_sentences", "actor_id", "actor_name"], ascending=[False, True, True], ignore_index=True)


def stance_matrix(stance: pd.DataFrame, actors: pd.DataFrame | None = None) -> pd.DataFrame:
    """Actor x target: counts per label and a net score (support - oppose, over all signals).

    With the actors table, an actor is its id and its name in each document (as in
    :func:`actor_sentiment`: a surname id names different people in different documents);
    without it, ``actor_name`` is empty and an id is one row."""
    if stance.empty:
        return pd.DataFrame(columns=DERIVED["stance_matrix"])
    named = with_actor_names(stance.drop(columns=["actor_name"], errors="ignore"), actors)
    # one row per actor across documents (corpus_key): a dictionary actor whatever name a row
    # carries, a text-introduced one by its id and name
    named = named.assign(_key=corpus_key(named["actor_id"], named["actor_name"]).to_numpy())
    first = named.drop_duplicates("_key").set_index("_key")
    counts = (named.groupby(["_key", "target", "label"]).size().unstack("label", fill_value=0)
              .reindex(columns=["support", "oppose", "neutral"], fill_value=0).reset_index())
    counts.columns.name = None
    counts["actor_id"] = counts["_key"].map(first["actor_id"])
    counts["actor_name"] = counts["_key"].map(first["actor_name"])
    counts["n"] = counts[["support", "oppose", "neutral"]].sum(axis=1)
    counts["net"] = (counts["support"] - counts["oppose"]) / counts["n"]
    return counts.sort_values(["actor_id", "actor_name", "target"])[DERIVED["stance_matrix"]].reset_index(drop=True)


def hedging_index(stance: pd.DataFrame, actor_country: dict[str, str], book: Codebook | None = None) -> pd.DataFrame:
    """Per state: how its signals (and its officials' and ministries') split between Russia and the West.

    A signal is pro-West or pro-Russia by the target's ``west_alignment`` (oppose flips it);
    neutral signals count as hedges. hedging = 1 - |west - russia| / (west + russia): 1 is an even
    split, 0 all on one side; NaN with no aligned signal.
    """
    book = book or load_codebook()
    cols = DERIVED["hedging"]
    if stance.empty:
        return pd.DataFrame(columns=cols)
    df = stance.copy()
    df["state"] = state_of(df, actor_country)
    df = df[df["state"] != ""]
    align = df["target"].map(lambda t: book.targets[t].west_alignment if t in book.targets else 0)
    sign = df["label"].map({"support": 1, "oppose": -1, "neutral": 0})
    side = align * sign
    df = df.assign(west=(side > 0).astype(int), russia=(side < 0).astype(int),
                   neutral=(df["label"] == "neutral").astype(int))
    out = df.groupby("state")[["west", "russia", "neutral"]].sum().reset_index()
    out["n"] = out[["west", "russia", "neutral"]].sum(axis=1)
    aligned = out["west"] + out["russia"]
    out["hedging"] = np.where(aligned > 0, 1 - (out["west"] - out["russia"]).abs() / aligned.where(aligned > 0, 1),
                              np.nan)
    out["lean"] = np.where(aligned > 0, (out["west"] - out["russia"]) / aligned.where(aligned > 0, 1), np.nan)
    return out[cols].sort_values("n", ascending=False).reset_index(drop=True)


def vote_vocab() -> tuple[dict[str, str], dict[str, str], str]:
    """(tally predicate -> position, "<key>_count" -> position, default vote subject) from facts.yaml."""
    v = vocab()
    values = v["position_values"]
    tally = {pred: values[key] for key, pred in v["tally_predicates"].items()}
    counts = {f"{key}_count": values[key] for key in values}
    return tally, counts, v.get("default_vote_subject", "VOTE")


def is_un_vote(vote: str) -> bool:
    """Whether a vote (a facts ``vote`` label, or a subject when the label is absent) is a UN
    body's: a vote of the reference file (data/dictionaries/un_votes.csv), a label that starts
    with UNGA/UNSC/UNHRC, or a UN resolution subject (UN_RESOLUTION, UNSC_RESOLUTION, ...).
    A Senate, parliament, party or election vote never is."""
    vote = str(vote or "").strip()
    return _is_un_label(vote) or vote in _un_subjects()


def vote_name(vote: str, names: dict[str, str] | None = None) -> str:
    """A vote in words: a written ``vote`` label as it is ("UNGA ES-11/4 annexation resolution
    (12 Oct 2022)"), an id (a subject such as UN_RESOLUTION) by its name."""
    vote = str(vote or "")
    return vote if " " in vote.strip() else name_of(vote, names or {})


def _un_subjects() -> frozenset[str]:
    return frozenset(b["subject"] for b in vocab()["vote_body_names"] if b.get("un"))


def _vote_of(r, fallback: str) -> str:
    """A fact's vote: its ``vote`` label when the table has one, else ``fallback``."""
    label = getattr(r, "vote", "")
    label = "" if label is None or (isinstance(label, float) and label != label) else str(label).strip()
    return label or fallback


def _position(value: str) -> str:
    text = " ".join(str(value).lower().replace("favour", "favor").replace("_", " ").split())
    return {"for": "in favor", "yes": "in favor", "abstain": "abstained", "abstention": "abstained",
            "not voting": "did not vote", "absent": "did not vote"}.get(text, text)


def vote_facts(facts: pd.DataFrame | None) -> pd.DataFrame | None:
    """The facts :func:`vote_rows` reads (tallies, group counts, ``vote_on_<VOTE>`` positions), in
    table order: a few hundred of a large corpus's facts, so a step applied to every row before
    ``vote_rows`` (naming each subject per document) need only see these."""
    if facts is None or facts.empty:
        return facts
    tally, counts, _ = vote_vocab()
    pred = facts["predicate"].astype(str)
    return facts[pred.isin(set(tally) | set(counts)) | (pred.str.startswith("vote_on_") & (pred.str.len() > 8))]


def vote_rows(facts: pd.DataFrame) -> pd.DataFrame:
    """Vote facts in one shape: vote, position, kind (tally / named / group_count), actor_id, value, doc_id, sent_id.

    Tallies (``votes_in_favor`` ...) are counts for a vote; ``vote_on_<VOTE>`` facts place an actor in a
    position; ``<position>_count`` facts say how many of a group voted so, and belong to the vote named
    in the same sentence (else the document's commonest vote). The vote is the facts' ``vote`` label
    (which vote: "UNGA ES-11/4 ...", "US Senate ..."), falling back to the subject (tallies) or the
    resolution of the predicate (positions) when the table has no label, so counts and positions
    are compared only within one vote; :func:`is_un_vote` says which votes are the UN's.
    """
    cols = ["vote", "position", "kind", "actor_id", "value", "doc_id", "sent_id"]
    if facts is None or facts.empty:
        return pd.DataFrame(columns=cols)
    tally, counts, default = vote_vocab()
    rows, pending = [], []
    for r in vote_facts(facts).itertuples(index=False):
        pred, sent = str(r.predicate), int(r.sent_id)
        if pred in tally:
            value = normalise_value(r.value)
            if value.isdigit():
                rows.append((_vote_of(r, r.subject), tally[pred], "tally", "", value, r.doc_id, sent))
        elif pred.startswith("vote_on_") and len(pred) > 8:
            rows.append((_vote_of(r, pred[8:]), _position(r.value), "named", r.subject, "", r.doc_id, sent))
        elif pred in counts:
            value = normalise_value(r.value)
            if value.isdigit():
                pending.append((counts[pred], r.subject, value, r.doc_id, sent, _vote_of(r, "")))
    df = pd.DataFrame(rows, columns=cols)
    for position, group, value, doc_id, sent, label in pending:
        here = df[(df.doc_id == doc_id) & (df.sent_id == sent)]["vote"].unique()
        in_doc = df[df.doc_id == doc_id]["vote"].value_counts()
        vote = label or (here[0] if len(here) == 1 else (in_doc.index[0] if len(in_doc) else default))
        df.loc[len(df)] = (vote, position, "group_count", group, value, doc_id, sent)
    return df.reset_index(drop=True)


@dataclass
class Claim:
    """One side of a conflict: what a sentence (or sentences) says."""

    text: str
    cites: list[tuple[str, int]]


@dataclass
class Conflict:
    """Two or more sentences that cannot all be right."""

    topic: str
    claims: list[Claim]
    vote: str = ""  # the vote it is about (a facts ``vote`` label or subject)

    @property
    def docs(self) -> set[str]:
        return {d for c in self.claims for d, _ in c.cites}


def evidence_keys(df: pd.DataFrame) -> list[tuple[str, int]]:
    return list(dict.fromkeys(zip(df["doc_id"], df["sent_id"].astype(int))))


def vote_conflicts(facts: pd.DataFrame, names: dict[str, str] | None = None,
                   members: dict[str, frozenset[str]] | None = None) -> list[Conflict]:
    """Conflicting vote counts and positions, found generally in the facts table.

    - one tally (a vote's count in one position) given with different values;
    - one group count ("all five ... abstained" = 5, "four ... abstained" = 4) with different values;
    - one actor placed in different positions on the same vote;
    - a group placed in one position while a member of it is placed in another;
    - more states named in a position than its tally allows.
    """
    if members is None:
        members = group_members()
    names = names or actor_names()
    rows = vote_rows(facts)
    out: list[Conflict] = []
    if rows.empty:
        return out

    def label(a: str) -> str:
        return name_of(a, names)

    for (vote, pos), part in rows[rows.kind == "tally"].groupby(["vote", "position"], sort=True):
        if part["value"].nunique() > 1:
            out.append(Conflict(f"how many {VOTED.get(pos, pos)} on {vote_name(vote, names)}",
                                [Claim(v, evidence_keys(p)) for v, p in part.groupby("value", sort=False)], vote))
    for (vote, group, pos), part in rows[rows.kind == "group_count"].groupby(["vote", "actor_id", "position"],
                                                                             sort=True):
        if part["value"].nunique() > 1:
            out.append(Conflict(f"how many of {label(group)} {VOTED.get(pos, pos)}",
                                [Claim(v, evidence_keys(p)) for v, p in part.groupby("value", sort=False)], vote))
    named = rows[rows.kind == "named"]
    for (vote, actor), part in named.groupby(["vote", "actor_id"], sort=True):
        if part["position"].nunique() > 1:
            out.append(Conflict(f"how {label(actor)} voted on {vote_name(vote, names)}",
                                [Claim(pos, evidence_keys(p)) for pos, p in part.groupby("position", sort=False)], vote))
    for (vote, group), part in named[named.actor_id.isin(set(members))].groupby(["vote", "actor_id"], sort=True):
        inside = named[(named.vote == vote) & named.actor_id.isin(members[group])]
        for pos, gp in part.groupby("position", sort=False):
            size = len(members[group])
            counts = rows[(rows.kind == "group_count") & (rows.actor_id == group) & (rows.position == pos)]
            whole = counts[counts["value"] == str(size)]
            others = inside[inside.position != pos]
            if others.empty:
                continue
            claims = [Claim(f"all of {label(group)} {VOTED.get(pos, pos)}"
                            + (f" (all {size})" if len(whole) else ""), evidence_keys(pd.concat([gp, whole])))]
            for opos, op in others.groupby("position", sort=False):
                claims.append(Claim(f"{join_names([label(a) for a in dict.fromkeys(op.actor_id)])} "
                                    f"{VOTED.get(opos, opos)}", evidence_keys(op)))
            out.append(Conflict(f"how {label(group)} voted on {vote_name(vote, names)}", claims, vote))
    tallies = rows[rows.kind == "tally"]
    for (vote, pos), part in named[~named.actor_id.isin(set(members))].groupby(["vote", "position"], sort=True):
        t = tallies[(tallies.vote == vote) & (tallies.position == pos)]
        if len(t) and part["actor_id"].nunique() > t["value"].astype(int).max():
            out.append(Conflict(f"how many {VOTED.get(pos, pos)} on {vote_name(vote, names)}",
                                [Claim(f"a tally of {'/'.join(dict.fromkeys(t['value']))}", evidence_keys(t)),
                                 Claim(f"{part['actor_id'].nunique()} states named", evidence_keys(part))], vote))
    return out


def group_positions(facts: pd.DataFrame, members: dict[str, frozenset[str]] | None = None) -> list[dict]:
    """Per vote and group in the vote facts: where the text places each member of the group."""
    if members is None:
        members = group_members()
    rows = vote_rows(facts)
    out = []
    if rows.empty:
        return out
    named = rows[rows.kind == "named"]
    groups = rows[rows.actor_id.isin(set(members)) & rows.kind.isin(["named", "group_count"])]
    for (vote, group), _ in groups.groupby(["vote", "actor_id"], sort=True):
        inside = named[(named.vote == vote) & named.actor_id.isin(members[group])]
        if inside.empty:
            continue
        placed = {pos: p for pos, p in inside.groupby("position", sort=False)}
        out.append({"vote": vote, "group": group, "size": len(members[group]), "placed": placed,
                    "unplaced": sorted(set(members[group]) - set(inside.actor_id))})
    return out


def actor_country(actors: pd.DataFrame) -> dict:
    """Who speaks for which state: a state's own id; an official's or ministry's country_iso3.

    Keys are ``(doc_id, actor_id)`` for every row of the actors table: an id a text introduces
    ("BROWN") may be a US senator in one document and a British minister in another. Such an actor
    is its id and its name across documents (:func:`corpus_key`), so a document that does not give
    the country of an actor whose name the others tie to one country ("Justin Trudeau", Canada)
    takes that country; a name tied to two countries takes only its own document's. The bare
    ``actor_id`` is a key too when the id's state is the same in every document (dictionary actors),
    for rows without a document. See :func:`state_of`."""
    if actors is None or actors.empty:
        return {}
    ids = actors["actor_id"].tolist()
    names = actors["actor_name"].tolist() if "actor_name" in actors.columns else [""] * len(ids)
    docs = actors["doc_id"].tolist() if "doc_id" in actors.columns else [None] * len(ids)
    states = [a if k == "state" else (c or "") for a, k, c in zip(ids, actors["kind"].tolist(),
                                                                   actors["country_iso3"].tolist())]
    by_name: dict[tuple, set] = {}
    by_id: dict[str, set] = {}
    for a, n, c in zip(ids, names, states):
        if c:
            by_name.setdefault((a, n), set()).add(c)
        by_id.setdefault(a, set()).add(c)
    country: dict = {}
    for d, a, n, c in zip(docs, ids, names, states):
        named = by_name.get((a, n), set())
        c = c or (next(iter(named)) if len(named) == 1 else "")
        if d is not None and c:
            country[(d, a)] = c
    country.update({a: next(iter(cs)) for a, cs in by_id.items() if len(cs) == 1 and "" not in cs})
    return country


def state_of(df: pd.DataFrame, country: dict) -> pd.Series:
    """The state each row's actor speaks for ("" for none), by ``(doc_id, actor_id)`` and then by
    ``actor_id`` in an :func:`actor_country` mapping."""
    if df.empty:
        return pd.Series([], index=df.index, dtype=object)
    docs = df["doc_id"].tolist() if "doc_id" in df.columns else [None] * len(df)
    return pd.Series([country.get((d, a)) or country.get(a, "") for d, a in zip(docs, df["actor_id"].tolist())],
                     index=df.index, dtype=object)


def signals(stance: pd.DataFrame, actors: pd.DataFrame) -> pd.DataFrame:
    """Stance rows with the state each speaks for and its side (west / russia / neutral / other), as hedging_index."""
    cols = list(TABLES["stance"]) + ["state", "side"]
    if stance is None or stance.empty:
        return pd.DataFrame(columns=cols)
    book = load_codebook()
    country = actor_country(actors)
    df = stance.copy()
    df["state"] = state_of(df, country)
    align = df["target"].map(lambda t: book.targets[t].west_alignment if t in book.targets else 0)
    sign = df["label"].map({"support": 1, "oppose": -1, "neutral": 0}).fillna(0)
    side = align * sign
    df["side"] = np.where(side > 0, "west", np.where(side < 0, "russia",
                                                      np.where(df["label"] == "neutral", "neutral", "other")))
    return df[cols]


def explicit(stance: pd.DataFrame) -> pd.DataFrame:
    """The rows a finding may rest on: those whose basis is a cue in the text (``basis`` explicit).

    Implicit rows (a coding convention, such as the aggressor supporting its own war) stay in the
    tables and the matrix but never carry a headline finding.
    """
    if stance is None or stance.empty or "basis" not in stance.columns:
        return stance
    return stance[stance["basis"] == "explicit"]


def evidence_identity(df: pd.DataFrame) -> list[str]:
    """The columns that make two rows the same piece of evidence: the sentence's words when the
    table has them (a wire story republished by three outlets is one sentence, not three), else
    its document and sentence number."""
    return ["evidence"] if "evidence" in df.columns else ["doc_id", "sent_id"]


def state_sides(sig: pd.DataFrame) -> pd.DataFrame:
    """Per state: how many distinct sentences point toward the West, toward Russia, or neutral.

    Sentences, not rows, so one sentence coded on two targets counts once per side, and the same
    sentence republished in several documents counts once.
    """
    cols = ["state", "west", "russia", "neutral"]
    if sig is None or sig.empty:
        return pd.DataFrame(columns=cols)
    s = sig[(sig.state != "") & sig.side.isin(["west", "russia", "neutral"])]
    n = (s.drop_duplicates(["state", "side", *evidence_identity(s)]).groupby(["state", "side"]).size()
         .unstack("side", fill_value=0).reindex(columns=["west", "russia", "neutral"], fill_value=0))
    return n.reset_index()[cols]


#: "Mixed signals" needs the weaker side to carry at least this share of a state's aligned sentences:
#: 40 sentences one way against 700 the other is a clear position with a few exceptions (or errors).
MIXED_MIN_SHARE = 0.1
#: ... and, in a large corpus, at least this many sentences: one or two sentences among thousands are
#: within the stance instrument's error rate (about 3% of explicit rows on the White House statements).
MIXED_MIN_SENTENCES_LARGE = 3


def mixed_states(sig: pd.DataFrame, *, min_share: float = MIXED_MIN_SHARE, min_sentences: int = 1) -> list[str]:
    """States whose explicit signals (their officials' and ministries' included) point both toward
    the West and toward Russia, the weaker side carrying at least ``min_share`` of the aligned
    sentences and at least ``min_sentences``; best supported first (the weaker side's sentences, then all)."""
    sides = state_sides(explicit(sig))
    if sides.empty:
        return []
    weaker = sides[["west", "russia"]].min(axis=1)
    aligned = sides.west + sides.russia
    both = sides[(weaker >= max(1, min_sentences)) & (weaker >= min_share * aligned)].copy()
    both["weaker"] = both[["west", "russia"]].min(axis=1)
    both["total"] = both[["west", "russia", "neutral"]].sum(axis=1)
    return list(both.sort_values(["weaker", "total", "state"], ascending=[False, False, True]).state)


def sentences_phrase(n: int) -> str:
    """ "one sentence" / "3 sentences": how much evidence a finding rests on, in words."""
    return "one sentence" if n == 1 else f"{n} sentences"
