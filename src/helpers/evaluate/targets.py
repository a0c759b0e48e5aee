"""The accuracy targets (``data/targets.yaml``), read by notebook 05 and by the tests."""
from __future__ import annotations

import functools

import yaml

from helpers.model.resources import SAFE_LOADER, data_dir


@functools.lru_cache(maxsize=1)
def targets() -> dict:
    with open(data_dir() / "targets.yaml", encoding="utf-8") as fh:
        return yaml.load(fh, Loader=SAFE_LOADER) or {}


def target(set_name: str, instrument: str, metric: str) -> float | None:
    """The target of one score, or None when it has none."""
    return targets().get(set_name, {}).get(instrument, {}).get(metric)
