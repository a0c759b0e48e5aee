#!/usr/bin/env python
"""Events whose date phrase was placed on the calendar, drawn at random with their sentence and the
article's date, for reading by hand (there is no gold for event dates):

    .venv/bin/python scripts/sample_events.py BUILD [N] [SEED] [--all-phrases]

By default "today" is left out (it is the article's date by definition). Prints one block per event:
article date and weekday, cue, date as written, the date placed, its precision, then the sentence.
"""
import random
import sys

import pandas as pd

from helpers.model.tables import Layout, read_table

args = [a for a in sys.argv[1:] if not a.startswith("--")]
build, n, seed = args[0], int(args[1]) if len(args) > 1 else 40, int(args[2]) if len(args) > 2 else 11
layout = Layout(build)
events = read_table(layout, "events")
placed = events[events["date"].astype(str) != ""]
if "--all-phrases" not in sys.argv:
    placed = placed[placed["date_text"].str.lower() != "today"]
dates = read_table(layout, "articles", columns=["doc_id", "date"]).set_index("doc_id")["date"]
rows = list(placed.itertuples())
random.seed(seed)
chosen = random.sample(rows, min(n, len(rows)))
docs = sorted({r.doc_id for r in chosen})
sentences = read_table(layout, "sentences", columns=["doc_id", "sent_id", "text"],
                       filters=[("doc_id", "in", docs)]).set_index(["doc_id", "sent_id"])["text"]
print(f"{len(chosen)} of {len(placed)} placed events (seed {seed})")
for i, r in enumerate(chosen):
    day = dates.get(r.doc_id, "")
    weekday = pd.Timestamp(day).day_name()[:3] if day else ""
    print(f"{i:3d} {day} {weekday} | {r.cue} | {r.date_text} -> {r.date} ({r.date_precision})")
    print(f"      {sentences.get((r.doc_id, r.sent_id), '')[:240]}")
