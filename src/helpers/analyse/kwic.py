"""Keyword in context: every occurrence of a term (or of an actor) with the words around it.

The concordance researchers know from quanteda's ``kwic`` or textacy's ``keyword_in_context``,
on the project's own tables: one row per occurrence, ``doc_id``, ``sent_id``, ``left``,
``keyword`` (as written), ``right``. The context is ``window`` words on each side, within the
sentence (the unit every other table is keyed by), so a line never runs into the next story
or paragraph.

- :func:`kwic` finds a term in the sentences table: a word or a phrase (its words may be
  separated by any run of whitespace; straight and curly apostrophes and quotes match each
  other), whole words only, case-insensitive unless ``case=True``; or, with ``regex=True``,
  a regular expression used as given.
- :func:`kwic_actor` finds an actor through the mentions table instead of its spelling: every
  surface the actor matcher resolved to it ("Blinken", "the Secretary of State", "Washington"),
  cut from the sentence at the mention's offsets (title mentions, ``sent_id`` 0, from the
  articles' titles when given).

The text is the articles' own and untrusted: show it through an escaping display
(``helpers.report.notebook.table``), never as markup.
"""
from __future__ import annotations

import re

import numpy as np
import pandas as pd

COLUMNS = ["doc_id", "sent_id", "left", "keyword", "right"]
WINDOW = 5  # words each side, as quanteda's default

#: Characters a plain term matches interchangeably (typewriter and typographic forms).
_EQUIVALENT = {"'": "['\u2019\u2018]", "\u2019": "['\u2019\u2018]", "\u2018": "['\u2019\u2018]",
               '"': "[\"\u201c\u201d]", "\u201c": "[\"\u201c\u201d]", "\u201d": "[\"\u201c\u201d]",
               "-": "[-\u2010\u2011]"}


def term_pattern(term: str, *, regex: bool = False, case: bool = False) -> re.Pattern:
    """The compiled pattern for a term: a whole-word phrase, or with ``regex`` the expression as given."""
    flags = 0 if case else re.IGNORECASE
    if regex:
        return re.compile(term, flags)
    words = str(term).split()
    if not words:
        raise ValueError("kwic: empty term")
    parts = ["".join(_EQUIVALENT.get(ch, re.escape(ch)) for ch in w) for w in words]
    body = r"\s+".join(parts)
    head = r"(?<!\w)" if re.match(r"\w", words[0]) else ""
    tail = r"(?!\w)" if re.search(r"\w$", words[-1]) else ""
    return re.compile(head + body + tail, flags)


def _left(text: str, window: int) -> str:
    """The last ``window`` words of ``text`` (splitting only that far from the end: a long sentence's
    start is not cut into words it does not show)."""
    return " ".join(text.rsplit(None, window)[-window:]) if window > 0 else ""


def _right(text: str, window: int) -> str:
    """The first ``window`` words of ``text``."""
    return " ".join(text.split(None, window)[:window]) if window > 0 else ""


def _line(doc_id, sent_id, text: str, start: int, end: int, window: int) -> dict:
    return {"doc_id": doc_id, "sent_id": int(sent_id), "left": _left(text[:start], window),
            "keyword": " ".join(text[start:end].split()), "right": _right(text[end:], window)}


def _frame(rows: list[dict]) -> pd.DataFrame:
    df = pd.DataFrame(rows, columns=COLUMNS)
    df["sent_id"] = df["sent_id"].astype(int)
    return df


def kwic(sentences: pd.DataFrame, term: str, *, window: int = WINDOW, regex: bool = False,
         case: bool = False) -> pd.DataFrame:
    """Every occurrence of ``term`` in the sentences (table order, then position in the sentence).

    ``sentences`` needs doc_id, sent_id and text (the sentences table). A match of zero
    characters (possible with ``regex``) is skipped.
    """
    pattern = term_pattern(term, regex=regex, case=case)
    rows: list[dict] = []
    if sentences is None or sentences.empty:
        return _frame(rows)
    for doc_id, sent_id, text in zip(sentences["doc_id"].tolist(), sentences["sent_id"].tolist(),
                                     sentences["text"].tolist()):
        text = "" if text is None or (isinstance(text, float) and pd.isna(text)) else str(text)
        for m in pattern.finditer(text):
            if m.end() > m.start():
                rows.append(_line(doc_id, sent_id, text, m.start(), m.end(), window))
    return _frame(rows)


def kwic_actor(sentences: pd.DataFrame, mentions: pd.DataFrame, actor_id: str, *, window: int = WINDOW,
               articles: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every mention of ``actor_id``, in context, from the mentions table's offsets.

    Mention offsets are into the document body (into the title for ``sent_id`` 0), and each
    sentence row carries its own ``start`` into the body, so the keyword is cut exactly where the
    matcher found it. Mentions in the title are included when ``articles`` (doc_id, title) is
    given; mentions whose sentence is not in ``sentences`` are left out. Order: document order
    of ``sentences`` (titles first), then position.
    """
    if mentions is None or mentions.empty or sentences is None:
        return _frame([])
    m = mentions.loc[mentions["actor_id"] == actor_id, ["doc_id", "sent_id", "start", "end"]]
    if m.empty:
        return _frame([])
    m = m.assign(doc_id=m["doc_id"].astype(str), sent_id=pd.to_numeric(m["sent_id"], errors="coerce"),
                 start=pd.to_numeric(m["start"], errors="coerce"), end=pd.to_numeric(m["end"], errors="coerce"))
    m = m.dropna(subset=["sent_id", "start", "end"]).astype({"sent_id": int, "start": int, "end": int})
    m["_row"] = range(len(m))
    keys = m[["doc_id", "sent_id"]].drop_duplicates()
    # The sentences holding a mention (their table order ranks the documents), then the titles.
    # The texts stay in a list; the frames carry only their position in it ("_t"): merging and
    # sorting never move a column of long strings.
    texts: list = []
    units = pd.DataFrame(columns=["doc_id", "sent_id", "offset", "_t", "_order"])
    if len(sentences):
        # Only the sentences holding a mention are built into a frame; _order keeps their table rank.
        doc_ids = sentences["doc_id"].astype(str)
        sent_ids = pd.to_numeric(sentences["sent_id"], errors="coerce")
        whole = sent_ids.notna() & (sent_ids % 1 == 0)  # a sentence id that can equal a mention's
        pairs = pd.MultiIndex.from_arrays([doc_ids, sent_ids.where(whole, -1).astype("int64")])
        wanted = pd.MultiIndex.from_arrays([keys["doc_id"], keys["sent_id"]])
        rows_in = np.flatnonzero((whole & pairs.isin(wanted)).to_numpy())  # one vectorised test, not a loop
        texts = sentences["text"].iloc[rows_in].tolist()
        s = pd.DataFrame({"doc_id": doc_ids.iloc[rows_in].tolist(), "sent_id": sent_ids.iloc[rows_in].tolist(),
                          "offset": pd.to_numeric(sentences["start"].iloc[rows_in], errors="coerce").tolist(),
                          "_t": range(len(rows_in)), "_order": rows_in.tolist()})
        s = s.dropna(subset=["sent_id", "offset"]).astype({"sent_id": int, "offset": int})
        units = s.merge(keys, on=["doc_id", "sent_id"], how="inner")
    if articles is not None and len(articles) and {"doc_id", "title"} <= set(articles.columns):
        base = len(texts)
        texts = texts + articles["title"].tolist()
        titles = pd.DataFrame({"doc_id": articles["doc_id"].astype(str).tolist(), "sent_id": 0, "offset": 0,
                               "_t": range(base, len(texts)), "_order": -1})
        titles = titles.merge(keys[keys["sent_id"] == 0], on=["doc_id", "sent_id"], how="inner")
        units = pd.concat([titles, units], ignore_index=True) if len(units) else titles
    if units.empty:
        return _frame([])
    rank = units[units["_order"] >= 0].groupby("doc_id")["_order"].min()
    units = units.drop_duplicates(["doc_id", "sent_id"])
    units["_doc_rank"] = units["doc_id"].map(rank).fillna(len(sentences)).astype(int)
    hits = m.merge(units, on=["doc_id", "sent_id"], how="inner")
    hits["_a"] = hits["start"] - hits["offset"]
    hits["_b"] = hits["end"] - hits["offset"]
    hits = hits.sort_values(["_doc_rank", "sent_id", "_a", "_row"], kind="stable")
    rows = []
    for d, sid, t, a, b in zip(hits["doc_id"].tolist(), hits["sent_id"].tolist(), hits["_t"].tolist(),
                               hits["_a"].tolist(), hits["_b"].tolist()):
        text = texts[t]
        text = "" if text is None or (isinstance(text, float) and pd.isna(text)) else str(text)
        if 0 <= a < b <= len(text):  # offsets outside the sentence: a table from another run
            rows.append(_line(d, sid, text, a, b, window))
    return _frame(rows)
