"""Score the current pipeline on the dev gold and the golden rules, and print the metrics.

    python -m helpers.pipeline.validate [--set dev|rules|all] [--details FILE.csv]
"""
from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path
from typing import Sequence

import pandas as pd

from helpers.evaluate.devscore import format_table, run_dev, run_rules
from helpers.ingest import sentences
from helpers.model.resources import data_dir
from helpers.pipeline import document


def pipeline_split(text: str) -> list[str]:
    """The pipeline's own splitter on a text taken as one paragraph."""
    return [text[start:end] for _, start, end in sentences.sentence_spans([text])]


def main(argv: Sequence[str] | None = None) -> int:
    """CLI: run the current pipeline on the dev gold and/or the rules and print the metrics."""
    parser = argparse.ArgumentParser(prog="python -m helpers.pipeline.validate", description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=("dev", "rules", "all"), default="all")
    parser.add_argument("--details", metavar="FILE.csv", help="write the per-case error records here")
    parser.add_argument("--data", metavar="DIR", help="the data directory (default: the project's data/)")
    args = parser.parse_args(argv)

    logging.basicConfig(level=logging.ERROR)
    data = Path(args.data) if args.data else data_dir()
    reports = []
    if args.set in ("dev", "all"):
        reports.append(run_dev(data / "gold" / "dev", lambda p: document.analyse_file(str(p), p.stem).rows))
    if args.set in ("rules", "all"):
        reports.append(run_rules(data / "rules", document.analyse_text, pipeline_split))
    metrics = [m for r in reports for m in r.metrics]
    print(format_table(metrics))
    if args.details:
        details = [d for r in reports for d in r.details]
        cols = ["set", "instrument", "case", "error", "gold", "predicted", "note", "text"]
        pd.DataFrame(details, columns=cols).to_csv(args.details, index=False)
        print(f"\n{len(details)} error records -> {args.details}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
