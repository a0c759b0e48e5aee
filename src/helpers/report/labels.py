"""Labels the figures and the brief share: numbers read back from CSV, documents and outlets
as short labels, and codebook targets in words."""
from __future__ import annotations

import re

import numpy as np
import pandas as pd

from helpers.analyse.stance import load_codebook
from helpers.model.labels import humanise, short

NO_OUTLET = "(outlet not given)"


def numeric(df: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """A copy with ``columns`` as numbers (tables read back from CSV hold strings)."""
    df = df.copy()
    for col in columns:
        if col in df.columns:
            df[col] = pd.to_numeric(df[col], errors="coerce")
        else:
            df[col] = np.nan
    return df


def doc_labels(articles: pd.DataFrame | None, doc_ids: list[str]) -> dict[str, str]:
    """doc_id -> a short label: the outlet and the doc id's first characters."""
    outlets = {}
    if articles is not None and {"doc_id", "outlet"} <= set(articles.columns):
        outlets = dict(zip(articles["doc_id"], articles["outlet"]))
    return {d: short(f"{outlets.get(d) or 'doc'} · {d}", 40) for d in doc_ids}


def outlet_of(articles: pd.DataFrame) -> dict[str, str]:
    """doc_id -> outlet (``NO_OUTLET`` when the article names none)."""
    if articles is None or "outlet" not in articles.columns:
        return {}
    return {d: (o if str(o).strip() else NO_OUTLET) for d, o in zip(articles["doc_id"], articles["outlet"])}


def target_label(target: str) -> str:
    """A target in words, from the stance codebook (parentheticals and ", its ..." tails dropped)."""
    t = load_codebook().targets.get(target)
    if t is None or not t.description:
        return humanise(target)
    text = re.sub(r"\s*\([^)]*\)", "", t.description)
    return text.split(", its ")[0].strip() or humanise(target)
