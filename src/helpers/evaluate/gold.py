"""The one reader of hand-coded gold (``data/gold/<set>/<table>.csv``): every cell a string."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from helpers.model.resources import data_dir

def gold_dir(name: str = "seeds") -> Path:
    return data_dir() / "gold" / name


def read_gold(name: str | Path, table: str) -> pd.DataFrame:
    """One gold table; ``name`` is a set under data/gold ("seeds", "dev") or a folder."""
    folder = name if isinstance(name, Path) else gold_dir(name)
    return pd.read_csv(folder / f"{table}.csv", dtype=str, keep_default_na=False)
