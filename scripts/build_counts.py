#!/usr/bin/env python
"""Counts of a build's analysed tables, for comparing two builds of the same corpus:

    .venv/bin/python scripts/build_counts.py BUILD [BUILD...]

Per build: quotes, those attributed to a speaker, quotes whose speaker is the USA, stance rows,
rows of Russia or Putin supporting Ukraine, sanctions or a UN resolution (false on the statements),
mentions, person mentions, and distinct (id, name) pairs of people the dictionary lacks sharing an
id with another name (what the brief now keeps apart).
"""
from __future__ import annotations

import sys

import pandas as pd

from helpers.extract.actors import dictionary_names


def counts(build: str) -> dict[str, int]:
    read = lambda t: pd.read_parquet(f"{build}/data/processed/{t}.parquet")  # noqa: E731
    q, st, m = read("quotes"), read("stance"), read("mentions")
    known = set(dictionary_names())
    local = m[~m.actor_id.isin(known) & (m.kind == "person")]
    names = local.groupby("actor_id").actor_name.nunique()
    return {
        "quotes": len(q), "attributed": int((q.speaker_id != "").sum()), "speaker USA": int((q.speaker_id == "USA").sum()),
        "stance rows": len(st),
        "RUS/PUTIN support UKRAINE|SANCTIONS|UN_RESOLUTION": int((st.actor_id.isin(["RUS", "PUTIN"]) & (st.label == "support")
                                                                  & st.target.isin(["UKRAINE", "SANCTIONS", "UN_RESOLUTION"])).sum()),
        "mentions": len(m), "person mentions": int((m.kind == "person").sum()),
        "local person ids with several names": int((names > 1).sum()),
    }


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    table = pd.DataFrame({b: counts(b) for b in argv})
    print(table.to_string())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
