#!/usr/bin/env python
"""nltk VADER alone, on one core, over every sentence of a build: the yardstick of issue 11's cost goal.

    .venv/bin/python scripts/vader_alone.py BUILD/data/processed/sentences.parquet

Prints the sentences, the seconds ``SentimentIntensityAnalyzer.polarity_scores`` takes over all
of them in this one process, microseconds per sentence, and the CPU seconds it used. ``scripts/make_cost.sh`` divides
the extra time of ``make`` on a corpus (less ``make`` on the seeds) by this figure.
"""
from __future__ import annotations

import sys
import time

import pandas as pd
from nltk.sentiment.vader import SentimentIntensityAnalyzer


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    texts = pd.read_parquet(argv[0], columns=["text"])["text"].tolist()
    sia = SentimentIntensityAnalyzer()
    start, cpu = time.perf_counter(), time.process_time()
    for text in texts:
        sia.polarity_scores(text)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    print(f"{len(texts)} sentences {seconds:.2f} s {seconds / max(1, len(texts)) * 1e6:.1f} us/sent cpu {cpu:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
