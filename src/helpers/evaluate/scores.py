"""Accuracy against hand-coded gold: precision, recall and F1 per instrument.

Gold lives in ``data/gold/<corpus>/`` (copied from the project's shared annotations; see
NOTES.md there for the coding rules). Comparisons are on multisets of keys, so a
duplicate counts twice on both sides.
"""
from __future__ import annotations

import re
from collections import Counter

import pandas as pd

from helpers.evaluate.metrics import prf, prf_counts

#: Documented alternates in the gold notes: a prediction naming the right-hand actor
#: also matches a gold row naming the left-hand one.
STANCE_ALTERNATES = {"UNGA": {"UN"}, "KAZ_MFA": {"KAZ"}}


def actor_key(actor_id: str, name: str, kind: str) -> str:
    """States by ISO3, people by name, everything else by id."""
    return f"person:{name.strip().lower()}" if kind == "person" else actor_id


def score_boilerplate(pred: pd.DataFrame, gold: pd.DataFrame) -> dict:
    return prf(Counter(zip(gold.doc_id, gold.line)), Counter(zip(pred.doc_id, pred.line)))


def score_sentences(pred: pd.DataFrame, gold: pd.DataFrame) -> dict:
    return prf(Counter(zip(gold.doc_id, gold.sent_no.astype(int), gold.text)),
               Counter(zip(pred.doc_id, pred.sent_id.astype(int), pred.text)))


def score_actors(pred: pd.DataFrame, gold: pd.DataFrame, kinds: set[str] | None = None) -> dict:
    """Document-level actors: the set of (doc, actor) pairs; ``kinds`` restricts to e.g. states."""
    g = gold if kinds is None else gold[gold.kind.isin(kinds)]
    p = pred if kinds is None else pred[pred.kind.isin(kinds)]
    return prf(Counter(set(zip(g.doc_id, map(actor_key, g.actor_id, g.name, g.kind)))),
               Counter(set(zip(p.doc_id, map(actor_key, p.actor_id, p.actor_name, p.kind)))))


def score_mentions(pred: pd.DataFrame, gold: pd.DataFrame, actors: pd.DataFrame) -> dict:
    """Mentions: multiset of (doc, sentence, actor); gold actor kinds/names come from gold actors.csv."""
    info = {(r.doc_id, r.actor_id): (r.name, r.kind) for r in actors.itertuples()}
    gkeys = Counter((r.doc_id, int(r.sent_no), actor_key(r.actor_id, *info.get((r.doc_id, r.actor_id), ("", ""))))
                    for r in gold.itertuples())
    pkeys = Counter((r.doc_id, int(r.sent_id), actor_key(r.actor_id, r.actor_name, r.kind)) for r in pred.itertuples())
    return prf(gkeys, pkeys)


def _norm_quote(text: str) -> str:
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", text).strip().rstrip(",.").strip()


def score_quotes(pred: pd.DataFrame, gold: pd.DataFrame) -> dict:
    """Quotes found (text match after stripping trailing ,.) and, of those, the right speaker."""
    pmap: dict[tuple[str, str], list[str]] = {}
    for r in pred.itertuples():
        pmap.setdefault((r.doc_id, _norm_quote(r.quote)), []).append(r.speaker_id)
    found = right = 0
    for r in gold.itertuples():
        speakers = pmap.get((r.doc_id, _norm_quote(r.quote)))
        if speakers is not None:
            found += 1
            right += r.speaker_actor_id in speakers
    gold_set = Counter((r.doc_id, _norm_quote(r.quote)) for r in gold.itertuples())
    found_prf = prf(gold_set, Counter(pmap.keys()))
    return {**found_prf, "found": found / len(gold) if len(gold) else float("nan"),
            "speaker_right": right / found if found else float("nan"), "n_found": found, "n_right": right}


def score_stance(pred: pd.DataFrame, gold: pd.DataFrame, explicit_only: bool = False) -> dict:
    """(doc, actor, target, label) sets. With ``explicit_only`` recall is over explicit gold rows and
    predictions that match an implicit gold row are left out of precision (they are neither right nor
    wrong for that score)."""
    gold = gold.assign(kind=gold["note"].str.split(";").str[0].str.strip())
    gold_all = set(zip(gold.doc_id, gold.actor_id, gold.target, gold.label))
    explicit = set(zip(*[gold[gold.kind == "explicit"][c] for c in ("doc_id", "actor_id", "target", "label")]))
    implicit = gold_all - explicit
    pred_keys = set(zip(pred.doc_id, pred.actor_id, pred.target, pred.label))

    def canon(key, pool):
        doc, actor, target, label = key
        if key in pool:
            return key
        for gold_actor, alts in STANCE_ALTERNATES.items():
            alt = (doc, gold_actor, target, label)
            if actor in alts and alt in pool:
                return alt
        return key

    if explicit_only:
        pred_keys = {canon(k, gold_all) for k in pred_keys}
        pred_keys -= implicit
        return prf(Counter(explicit), Counter(pred_keys))
    return prf(Counter(gold_all), Counter({canon(k, gold_all) for k in pred_keys}))


def row(instrument: str, metric: str, value: float | None, target: float | None = None, *, set_name: str = "seeds",
        n: int | str = "", **extra) -> dict:
    """One row of reports/validation.csv; ``passed`` is empty when the score has no target."""
    value = float("nan") if value is None else float(value)
    passed = "" if target is None else bool(value == value and value >= target)
    return {"instrument": instrument, "set": set_name, "metric": metric, "value": round(value, 4),
            "target": "" if target is None else target, "passed": passed, "n": n, **extra}


def unseen_rows(metrics: list[dict]) -> list[dict]:
    """The dev-gold and golden-rule metrics (``evaluate.devscore``) as validation rows."""
    return [row(m["instrument"], m["metric"], m["value"], m["target"], set_name=m["set"], n=m["n"]) for m in metrics]


VOTE_LABEL = {"abstained": "neutral", "did not vote": "neutral", "against": "oppose", "in favor": "support"}


def score_vote_positions(pred_facts: pd.DataFrame, gold_facts: pd.DataFrame, gold_stance: pd.DataFrame) -> dict:
    """Per-state vote positions (facts ``vote_on_*``) against the gold, which codes them in two
    places: Turkmenistan's "did not vote" as a fact, the other states' votes as stance rows on
    UN_RESOLUTION. Both are read as (doc, actor, support/oppose/neutral)."""
    gold = {(r.doc_id, r.subject, VOTE_LABEL.get(r.value.lower(), r.value))
            for r in gold_facts.itertuples() if r.predicate.startswith("vote_on_")}
    gold |= {(r.doc_id, r.actor_id, r.label) for r in gold_stance.itertuples() if r.target == "UN_RESOLUTION"}
    pred = {(r.doc_id, r.subject, VOTE_LABEL.get(r.value.lower(), r.value))
            for r in pred_facts.itertuples() if r.predicate.startswith("vote_on_")}
    return prf(Counter(gold), Counter(pred))


TALLY_PREDICATES = frozenset({"votes_in_favor", "votes_against", "abstentions", "did_not_vote"})


def _is_vote_fact(predicate: str) -> bool:
    return predicate in TALLY_PREDICATES or predicate.startswith("vote_on_")


def score_vote_tallies(pred_facts_df, gold_facts_df, *, normalise) -> dict:
    """Vote facts (tallies and per-country positions) matched on (doc_id, predicate, value);
    per-country facts (``vote_on_*``) also need the same subject, since the value alone says
    nothing about which country. Only documents present in the gold count. Returns counts,
    precision/recall/F1 overall and per kind (tallies, positions), and the missed/extra keys."""
    gold_docs = set(gold_facts_df["doc_id"])

    def keys(df) -> set[tuple]:
        out = set()
        for row in df.itertuples(index=False):
            if row.doc_id not in gold_docs or not _is_vote_fact(str(row.predicate)):
                continue
            subject = str(row.subject) if str(row.predicate).startswith("vote_on_") else ""
            out.add((row.doc_id, subject, str(row.predicate), normalise(row.value)))
        return out

    gold, pred = keys(gold_facts_df), keys(pred_facts_df)
    result = prf_counts(len(gold & pred), len(pred), len(gold))
    for kind, test in (("tallies", lambda k: k[2] in TALLY_PREDICATES),
                       ("positions", lambda k: k[2].startswith("vote_on_"))):
        g = {k for k in gold if test(k)}
        p = {k for k in pred if test(k)}
        result[kind] = prf_counts(len(g & p), len(p), len(g))
    result["missed"] = sorted(gold - pred)
    result["extra"] = sorted(pred - gold)
    return result


def score_facts(pred_facts_df, gold_facts_df, *, normalise) -> dict:
    """Loose recall: the share of gold facts whose normalised value is among the predicted
    facts of the same document and the same evidence sentence (gold ``evidence``, predicted
    ``text``). Subjects and predicates are not compared."""
    evidence_col = "evidence" if "evidence" in gold_facts_df.columns else "text"
    found_values: dict[tuple[str, str], set[str]] = {}
    for row in pred_facts_df.itertuples(index=False):
        found_values.setdefault((row.doc_id, str(row.text).strip()), set()).add(normalise(row.value))
    per_predicate: Counter = Counter()
    hits: Counter = Counter()
    missed = []
    for row in gold_facts_df.itertuples(index=False):
        key = (row.doc_id, str(getattr(row, evidence_col)).strip())
        value = normalise(row.value)
        kind = "vote" if _is_vote_fact(str(row.predicate)) else str(row.unit)
        per_predicate[kind] += 1
        if value in found_values.get(key, ()):
            hits[kind] += 1
        else:
            missed.append((row.doc_id, str(row.subject), str(row.predicate), str(row.value)))
    n = len(gold_facts_df)
    return {
        "gold": n,
        "found": sum(hits.values()),
        "recall": sum(hits.values()) / n if n else 0.0,
        "by_unit": {k: (hits[k], per_predicate[k]) for k in per_predicate},
        "missed": missed,
    }
