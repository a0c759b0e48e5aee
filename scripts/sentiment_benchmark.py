"""Print the sentiment benchmark: Pearson r on the NYT editorial sentences and cost per sentence.

    .venv/bin/python scripts/sentiment_benchmark.py [--k 5] [--no-timing]
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from helpers.analyse import sentiment as S  # noqa: E402
from helpers.evaluate import benchmarks as BM  # noqa: E402


def main() -> None:
    """Run nyt_benchmark (and the timing) and print one table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--k", type=int, default=5, help="folds, split by editorial (default 5)")
    parser.add_argument("--no-timing", action="store_true", help="skip the microseconds-per-sentence timing")
    args = parser.parse_args()

    b = BM.nyt_benchmark(S, k=args.k)
    print(f"NYT editorial sentences: {b['n_sentences']} sentences, {b['n_editorials']} editorials, "
          f"{b['k']}-fold CV by editorial")
    print(f"{'':28s}{'r (all data)':>14s}{'CV r mean':>12s}{'CV r sd':>10s}")
    print(f"{'nltk VADER compound':28s}{b['r_vader']:14.3f}{b['cv_r_vader_mean']:12.3f}{b['cv_r_vader_sd']:10.3f}")
    print(f"{'news score':28s}{b['r_score']:14.3f}{b['cv_r_score_mean']:12.3f}{b['cv_r_score_sd']:10.3f}")
    print("\nper fold (score params refitted on the other folds):")
    for f in b["folds"]:
        p = f["params"]
        print(f"  fold {f['fold']}: n={f['n']:5d}  VADER {f['r_vader']:.3f}  score {f['r_score_cv']:.3f}  "
              f"(neg_weight={p.neg_weight}, length_power={p.length_power}, alpha={p.alpha}, "
              f"negation_valence={p.negation_valence})")
    print(f"\nshipped params: {b['shipped_params']}\nall-data fit:   {b['full_data_fit']}\n{b['note']}")
    if not args.no_timing:
        texts = list(BM.load_benchmark()["text"])
        t = S.time_per_sentence(texts)
        print(f"\ncost per sentence (best of 3, one process): nltk VADER {t['nltk_vader_us']:.0f} us; "
              f"score_texts {t['score_texts_us']:.0f} us ({t['score_texts_us'] / t['nltk_vader_us']:.2f}x); "
              f"with nltk's own tokeniser {t['score_texts_nltk_tokens_us']:.0f} us "
              f"({t['score_texts_nltk_tokens_us'] / t['nltk_vader_us']:.2f}x)")


if __name__ == "__main__":
    main()
