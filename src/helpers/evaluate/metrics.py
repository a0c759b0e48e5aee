"""One precision/recall/F1 for every instrument.

Empty input is defined once: with nothing predicted precision is NaN (1.0 when the gold is
empty too), likewise recall; F1 is 0.0 unless both are positive numbers.
"""
from __future__ import annotations

from collections import Counter

def prf(gold: Counter, pred: Counter) -> dict:
    """Precision, recall, F1 of two multisets of keys."""
    return prf_counts(sum((gold & pred).values()), sum(pred.values()), sum(gold.values()))


def prf_counts(tp: int, n_pred: int, n_gold: int) -> dict:
    """Precision, recall, F1 from counts (keys ``tp, n_gold, n_pred``, also ``matched, gold, predicted``)."""
    p = tp / n_pred if n_pred else float("nan") if n_gold else 1.0
    r = tp / n_gold if n_gold else float("nan") if n_pred else 1.0
    f = 2 * p * r / (p + r) if p and r and p == p and r == r else 0.0
    return {"precision": p, "recall": r, "f1": f, "tp": tp, "n_gold": n_gold, "n_pred": n_pred,
            "matched": tp, "gold": n_gold, "predicted": n_pred}
