"""Locate and load the project's curated data files (dictionaries, lexicons, patterns).

Loaders are cached per process, so a worker in a process pool reads each file once.
"""
from __future__ import annotations

import csv
import functools
import io
from pathlib import Path

import yaml

#: libyaml's parser when PyYAML has it: the same safe constructors and resolver (only the scanning
#: and parsing are in C), a tenth of the time for the curated files every kernel and worker loads.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def project_root() -> Path:
    """The repository root: the folder holding pyproject.toml above this package."""
    here = Path(__file__).resolve()
    for parent in here.parents:
        if (parent / "pyproject.toml").exists() and (parent / "src" / "helpers").is_dir():
            return parent
    raise FileNotFoundError("cannot find the project root (pyproject.toml) above " + str(here))


def data_dir() -> Path:
    return project_root() / "data"


def dictionary_path(name: str) -> Path:
    return data_dir() / "dictionaries" / name


@functools.lru_cache(maxsize=None)
def load_yaml(name: str) -> dict:
    """A YAML data file from data/dictionaries."""
    with open(dictionary_path(name), encoding="utf-8") as fh:
        return yaml.load(fh, Loader=SAFE_LOADER) or {}


@functools.lru_cache(maxsize=None)
def load_csv(name: str) -> tuple[dict, ...]:
    """A CSV data file from data/dictionaries as a tuple of row dicts; '#' lines are comments."""
    with open(dictionary_path(name), encoding="utf-8", newline="") as fh:
        body = "".join(line for line in fh if not line.lstrip().startswith("#"))
    return tuple(dict(row) for row in csv.DictReader(io.StringIO(body)))
