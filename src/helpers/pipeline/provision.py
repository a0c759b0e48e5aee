"""Provision nltk data offline, inside the virtual environment (never the user's home).

- VADER: the lexicon shipped in the ``vaderSentiment`` wheel, zipped where nltk's
  ``SentimentIntensityAnalyzer`` looks (``sentiment/vader_lexicon.zip``).
- Punkt: the project's own parameters (``data/dictionaries/punkt.yaml``) written with
  ``save_punkt_params`` to ``tokenizers/punkt_tab/english``, which ``sent_tokenize`` wants.
  (The helpers' splitter builds the same parameters from the YAML itself and does not read
  these files; they serve ``nltk.sent_tokenize`` in notebooks.)

Run as ``python -m helpers.pipeline.provision``; it is idempotent.
"""
from __future__ import annotations

import argparse
import importlib.util
import logging
import os
import sys
import zipfile
from pathlib import Path

from helpers.ingest import sentences

log = logging.getLogger(__name__)


def nltk_data_dir() -> Path:
    """``<sys.prefix>/nltk_data``: on nltk's default search path, inside the venv."""
    return Path(sys.prefix) / "nltk_data"


def vader_lexicon_source() -> Path:
    spec = importlib.util.find_spec("vaderSentiment")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("vaderSentiment is not installed; `make venv` installs it")
    path = Path(list(spec.submodule_search_locations)[0]) / "vader_lexicon.txt"
    if not path.exists():
        raise RuntimeError(f"vaderSentiment ships no lexicon at {path}")
    return path


def provision_vader(root: Path) -> Path:
    """Zip the vaderSentiment lexicon as sentiment/vader_lexicon.zip/vader_lexicon/vader_lexicon.txt."""
    target = root / "sentiment" / "vader_lexicon.zip"
    target.parent.mkdir(parents=True, exist_ok=True)
    data = vader_lexicon_source().read_bytes()
    tmp = target.with_suffix(".zip.tmp")
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zf:
        info = zipfile.ZipInfo("vader_lexicon/vader_lexicon.txt", date_time=(2023, 1, 1, 0, 0, 0))
        zf.writestr(info, data)
    os.replace(tmp, target)
    return target


def punkt_parameters():
    """PunktParameters from the project's curated abbreviations and sentence starters: the
    very ones the helpers' own splitter builds (``helpers.ingest.sentences``)."""
    return sentences.punkt_parameters()


def provision_punkt(root: Path) -> Path:
    from nltk.tokenize.punkt import save_punkt_params

    target = root / "tokenizers" / "punkt_tab" / "english"
    target.mkdir(parents=True, exist_ok=True)
    for parent in (target, target.parent, target.parent.parent):
        parent.chmod(0o700)
    save_punkt_params(punkt_parameters(), dir=str(target))
    return target


def provision(root: Path | None = None) -> list[Path]:
    root = root or nltk_data_dir()
    root.mkdir(parents=True, exist_ok=True)
    root.chmod(0o700)
    return [provision_vader(root), provision_punkt(root)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=None, help="nltk_data folder (default: inside the venv)")
    args = parser.parse_args(argv)
    for path in provision(args.root):
        print(f"provisioned {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
