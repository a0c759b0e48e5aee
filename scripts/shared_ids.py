#!/usr/bin/env python
"""Actor ids that name more than one actor across the documents of a build: a person or body the
dictionary lacks gets its id from its name in each document ("BROWN" is Sherrod Brown in one release
and Kate Brown in another), so counting by id over a corpus would merge them. The corpus-level tables
count by ``analyse.aggregate.corpus_key`` (id and name) instead; this script shows how much that matters.

    .venv/bin/python scripts/shared_ids.py BUILD [--top 15]

Prints: the actor ids in the mentions, how many name more than one actor (by name), the ids with the
most names, and how many rows an id-grouped actor sentiment table would have had against the keyed one.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

from helpers.analyse.aggregate import corpus_key
from helpers.model.tables import Layout, read_table


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("build", type=Path)
    parser.add_argument("--top", type=int, default=15)
    args = parser.parse_args(argv)
    mentions = read_table(Layout(args.build), "mentions", columns=["doc_id", "actor_id", "actor_name", "kind"])
    if mentions.empty:
        print("no mentions")
        return 0
    names = mentions.drop_duplicates(["actor_id", "actor_name"]).groupby("actor_id")["actor_name"].nunique()
    shared = names[names > 1].sort_values(ascending=False)
    keys = corpus_key(mentions["actor_id"], mentions["actor_name"]).nunique()
    print(f"{len(names)} actor ids in the mentions; {len(shared)} of them name more than one actor")
    print(f"actors counted by id: {mentions['actor_id'].nunique()}; by corpus key (id and name): {keys}")
    for actor_id, n in shared.head(args.top).items():
        docs = mentions.loc[mentions.actor_id == actor_id, "doc_id"].nunique()
        print(f"  {actor_id}: {n} names in {docs} documents")
    return 0


if __name__ == "__main__":
    sys.exit(main())
