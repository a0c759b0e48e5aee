"""The one data model every stage shares: table names and their columns.

Documents -> sentences -> mentions / quotes / facts / events / sentiment / stance,
all keyed by ``doc_id`` and ``sent_id`` (``sent_id`` 0 is the title). Declaring the
columns once keeps empty tables well-formed and lets tests check every writer.
"""
from __future__ import annotations

TABLES: dict[str, list[str]] = {
    "manifest": ["path", "doc_id", "status", "reason", "bytes", "sha256"],
    "articles": [
        "doc_id", "title", "outlet", "date", "date_source", "source_url", "n_paragraphs",
        "n_sentences", "n_boilerplate", "n_chars", "text",
    ],
    "boilerplate": ["doc_id", "line", "reason"],
    "sentences": ["doc_id", "sent_id", "para_id", "start", "end", "text"],
    "mentions": [
        "doc_id", "sent_id", "start", "end", "surface", "actor_id", "actor_name",
        "kind", "country_iso3", "via",
    ],
    "quotes": ["doc_id", "sent_id", "quote", "kind", "speaker_id", "speaker_name", "cue"],
    "facts": ["doc_id", "sent_id", "subject", "predicate", "value", "unit", "vote", "text"],
    "events": ["doc_id", "sent_id", "event", "source_id", "target_id", "cue", "date_text", "date",
               "date_precision"],
    # One row per distinct unknown name in a document: the first sentence it occurs in and how often it
    # occurs there (the corpus table, unknown_names, sums n; repeats would carry the sentence again).
    "names": ["doc_id", "sent_id", "name", "n", "sentence"],
    "sentiment": ["doc_id", "sent_id", "compound", "pos", "neu", "neg", "score"],
    "stance": ["doc_id", "sent_id", "actor_id", "target", "label", "basis", "cue", "score", "evidence"],
}

#: Derived tables: computed from the per-document ones by ``analyse.aggregate`` in the notebooks.
DERIVED: dict[str, list[str]] = {
    "unknown_names": ["name", "n", "example_doc_id", "example_sentence"],
    "actors": ["doc_id", "actor_id", "actor_name", "kind", "country_iso3", "n_mentions"],
    "article_sentiment": ["doc_id", "n_sentences", "mean_compound", "mean_score", "sd_score", "share_positive",
                          "share_negative", "ci_low", "ci_high"],
    "actor_sentiment": ["actor_id", "actor_name", "kind", "country_iso3", "n_sentences", "n_docs", "mean_score",
                        "sd_score", "ci_low", "ci_high"],
    "stance_matrix": ["actor_id", "actor_name", "target", "support", "oppose", "neutral", "n", "net"],
    "hedging": ["state", "west", "russia", "neutral", "n", "hedging", "lean"],
}

#: reports/validation.csv: one row per score of an instrument against gold or a benchmark.
VALIDATION = ["instrument", "set", "metric", "value", "target", "passed", "n"]

#: Tables the per-document function produces (everything but the manifest).
DOC_TABLES: tuple[str, ...] = tuple(t for t in TABLES if t != "manifest")

INT_COLUMNS = {
    "bytes", "sent_id", "para_id", "start", "end", "n_paragraphs", "n_sentences",
    "n_boilerplate", "n_chars", "n_mentions", "n_docs", "n", "support", "oppose", "neutral", "west", "russia",
}
FLOAT_COLUMNS = {"compound", "pos", "neu", "neg", "score", "mean_compound", "mean_score", "sd_score",
                 "share_positive", "share_negative", "ci_low", "ci_high", "net", "hedging", "lean"}


def empty_rows() -> dict[str, list[dict]]:
    """A fresh row buffer for every per-document table."""
    return {name: [] for name in DOC_TABLES}
