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
    words = text.split()
    return " ".join(words[-window:]) if window > 0 and words else ""


def _right(text: str, window: int) -> str:
    words = text.split()
    return " ".join(words[:window]) if window > 0 and words else ""


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
    for doc_id, sent_id, text in zip(sentences["doc_id"], sentences["sent_id"], sentences["text"]):
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
    rows: list[dict] = []
    if mentions is None or mentions.empty or sentences is None:
        return _frame(rows)
    m = mentions[mentions["actor_id"] == actor_id]
    if m.empty:
        return _frame(rows)
    m = m.assign(sent_id=pd.to_numeric(m["sent_id"], errors="coerce"),
                 start=pd.to_numeric(m["start"], errors="coerce"),
                 end=pd.to_numeric(m["end"], errors="coerce")).dropna(subset=["sent_id", "start", "end"])
    wanted = {(str(d), int(s)) for d, s in zip(m["doc_id"], m["sent_id"])}
    docs = {d for d, _ in wanted}
    text: dict[tuple[str, int], tuple[str, int]] = {}  # (doc, sent) -> (sentence text, its start in the body)
    order: dict[tuple[str, int], int] = {}
    if articles is not None and len(articles) and {"doc_id", "title"} <= set(articles.columns):
        for d, t in zip(articles["doc_id"], articles["title"]):
            if (str(d), 0) in wanted:
                text[(str(d), 0)] = ("" if pd.isna(t) else str(t), 0)
    if len(sentences):
        s = sentences[sentences["doc_id"].astype(str).isin(docs)]
        for i, (d, sid, st, t) in enumerate(zip(s["doc_id"], s["sent_id"], s["start"], s["text"])):
            key = (str(d), int(sid))
            if key in wanted:
                text[key] = ("" if pd.isna(t) else str(t), int(st))
                order[key] = i
    doc_rank: dict[str, int] = {}
    for (d, _), i in sorted(order.items(), key=lambda kv: kv[1]):
        doc_rank.setdefault(d, i)
    found = []
    for d, sid, start, end in zip(m["doc_id"], m["sent_id"], m["start"], m["end"]):
        key = (str(d), int(sid))
        if key not in text:
            continue
        sentence, offset = text[key]
        a, b = int(start) - offset, int(end) - offset
        if not (0 <= a < b <= len(sentence)):
            continue  # offsets that do not fall inside the sentence: a table from another run
        rank = (doc_rank.get(key[0], len(order)), key[1], a)
        found.append((rank, _line(d, sid, sentence, a, b, window)))
    rows = [row for _, row in sorted(found, key=lambda x: x[0])]
    return _frame(rows)
