"""Offline nltk provisioning (pipeline.provision) into a temporary nltk_data folder."""
from __future__ import annotations

import stat
import zipfile

import nltk
import pytest
from nltk.tokenize.punkt import PunktTokenizer

from helpers.pipeline import provision

VADER = "sentiment/vader_lexicon.zip/vader_lexicon/vader_lexicon.txt"  # SentimentIntensityAnalyzer's default


@pytest.fixture
def root(tmp_path, monkeypatch):
    """A fresh nltk_data folder, and the only one nltk searches (its sandbox also only writes there)."""
    folder = tmp_path / "nltk_data"
    monkeypatch.setattr(nltk.data, "path", [str(folder)])
    return folder


def snapshot(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_provision_writes_vader_and_punkt_under_the_root(root):
    vader, punkt = provision.provision(root)
    assert vader == root / "sentiment" / "vader_lexicon.zip"
    assert punkt == root / "tokenizers" / "punkt_tab" / "english"
    assert stat.S_IMODE(root.stat().st_mode) == 0o700
    assert sorted(p.name for p in punkt.iterdir()) == \
        ["abbrev_types.txt", "collocations.tab", "ortho_context.tab", "sent_starters.txt"]


def test_the_vader_lexicon_is_where_nltk_looks(root):
    provision.provision(root)
    with zipfile.ZipFile(root / "sentiment" / "vader_lexicon.zip") as zf:
        assert zf.namelist() == ["vader_lexicon/vader_lexicon.txt"]
    found = nltk.data.find(VADER)
    assert str(root) in str(found)
    text = found.open().read()
    assert text == provision.vader_lexicon_source().read_bytes()
    assert any(line.split(b"\t")[0] == b"good" for line in text.splitlines())


def test_punkt_parameters_come_from_the_curated_list_and_nltk_loads_them(root):
    params = provision.punkt_parameters()
    assert {"u.s", "dr", "gen", "sept"} <= params.abbrev_types
    assert not any(a.endswith(".") for a in params.abbrev_types)
    provision.provision(root)
    assert str(root) in str(nltk.data.find("tokenizers/punkt_tab/english/"))
    tokenizer = PunktTokenizer("english")
    assert tokenizer._params.abbrev_types == params.abbrev_types
    text = "Gen. Smith met Dr. Jones in Washington. The U.S. envoy left on Sept. 5. Talks resume soon."
    assert tokenizer.tokenize(text) == [
        "Gen. Smith met Dr. Jones in Washington.", "The U.S. envoy left on Sept. 5.", "Talks resume soon."]


def test_a_second_run_is_idempotent(root):
    provision.provision(root)
    first = snapshot(root)
    provision.provision(root)
    assert snapshot(root) == first
    assert not [name for name in first if name.endswith(".tmp")]


def test_main_takes_the_root(root, capsys):
    assert provision.main(["--root", str(root)]) == 0
    out = capsys.readouterr().out
    assert f"provisioned {root / 'sentiment' / 'vader_lexicon.zip'}" in out
    assert (root / "tokenizers" / "punkt_tab" / "english" / "abbrev_types.txt").exists()
