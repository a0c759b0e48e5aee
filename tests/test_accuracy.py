"""Accuracy on text the instruments were not written from: the dev gold and the golden rules,
scored as the hidden set is scored (helpers.evaluate.devscore), against data/targets.yaml.

A target not yet met is an explicit xfail naming the measured value; the `floor` of each
score (its level when last measured, in data/targets.yaml) is a hard assertion, so an
instrument cannot silently get worse.
"""
from __future__ import annotations

import functools

import pytest

from helpers.evaluate import targets as T
from helpers.evaluate.devscore import run_dev, run_rules
from helpers.model.resources import data_dir
from helpers.pipeline.document import analyse_file, analyse_text
from helpers.pipeline.validate import pipeline_split


@functools.lru_cache(maxsize=1)
def measured() -> dict[tuple[str, str, str], float]:
    dev = run_dev(data_dir() / "gold" / "dev", lambda p: analyse_file(str(p), p.stem).rows)
    rules = run_rules(data_dir() / "rules", analyse_text, pipeline_split)
    return {(m["set"], m["instrument"], m["metric"]): m["value"] for m in dev.metrics + rules.metrics}


def scored(kind: str) -> list[tuple[str, str, str, float]]:
    """(set, instrument, metric, threshold) for every target (kind "target") or floor of the unseen sets."""
    table = T.targets() if kind == "target" else T.targets().get("floors", {})
    return [(s, i, m, v) for s in ("dev", "rules") for i, ms in table.get(s, {}).items() for m, v in ms.items()]


@pytest.mark.parametrize("set_name,instrument,metric,threshold", scored("floor"))
def test_no_score_drops_below_its_floor(set_name, instrument, metric, threshold):
    value = measured()[(set_name, instrument, metric)]
    assert value is not None and value >= threshold, f"{set_name} {instrument} {metric}: {value} < floor {threshold}"


@pytest.mark.parametrize("set_name,instrument,metric,threshold", scored("target"))
def test_target(set_name, instrument, metric, threshold):
    value = measured()[(set_name, instrument, metric)]
    if value is None or value < threshold:
        pytest.xfail(f"target not met: {set_name} {instrument} {metric} = {value} (target {threshold})")
    assert value >= threshold


def test_every_target_names_a_measured_score():
    missing = [(s, i, m) for s, i, m, _ in scored("target") + scored("floor") if (s, i, m) not in measured()]
    assert not missing
