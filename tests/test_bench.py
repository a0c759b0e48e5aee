"""Smoke test of scripts/bench.py on tiny sizes: the report's shape, never its timings."""
from __future__ import annotations

import importlib.util
import json
import math
from pathlib import Path

import pytest

from helpers.pipeline.corpus import scan_corpus

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("bench", ROOT / "scripts" / "bench.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def positive(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value) and value > 0


def test_makefile_is_parsed(bench, tmp_path):
    assert "01_corpus" in bench.makefile_notebooks(ROOT / "Makefile")
    exported, unexported = bench.makefile_env(ROOT / "Makefile")
    assert exported["JUPYTER_CONFIG_DIR"] == str(ROOT / ".cache" / "jupyter" / "config")
    assert "MPLBACKEND" in unexported
    other = tmp_path / "Makefile"
    other.write_text("# NOTEBOOKS := not_this\nNOTEBOOKS := 01_a \\\n\t02_b  # comment\n"
                     "export X := $(CURDIR)/x\nunexport Y Z\n", encoding="utf-8")
    assert bench.makefile_notebooks(other) == ["01_a", "02_b"]
    assert bench.makefile_env(other) == ({"X": f"{tmp_path.resolve()}/x"}, ["Y", "Z"])


def test_repeated_copies_are_distinct_documents(bench, tmp_path):
    sources = []
    for name in ("a", "b", "c"):
        path = tmp_path / f"{name}.md"
        path.write_text(f"---\ntitle: Story {name}\n---\n\nThe body of story {name}.\n", encoding="utf-8")
        sources.append(path)
    corpus = bench.build_corpus(sources, tmp_path / "corpus", 7)
    entries = scan_corpus(corpus)
    assert len(entries) == 7
    assert all(e.status == "pending" for e in entries)  # no copy is a duplicate of another
    assert sorted(e.doc_id for e in entries)[:4] == ["rep000_a", "rep000_b", "rep000_c", "rep001_a"]
    assert bench.copy_bytes(b"no front matter\n", 2).startswith(b"---\nbench_copy: 2\n---\n")


def test_bench_writes_the_expected_report(bench, tmp_path, capsys):
    out = tmp_path / "bench.json"
    assert bench.main(["--sizes", "10,20", "--no-make", "--sample", "5", "--reps", "1",
                       "--no-progress", "--tmp", str(tmp_path), "--out", str(out)]) == 0
    report = json.loads(out.read_text(encoding="utf-8"))
    assert set(report) >= {"meta", "sentence_cost", "corpus", "goals"}
    assert report["meta"]["source_documents"] == 3461
    assert report["meta"]["code_fingerprint"] and isinstance(report["meta"]["code_changed_during_run"], bool)

    sc = report["sentence_cost"]
    for key in ("docs", "sentences", "analyse_us_per_sentence", "vader_us_per_sentence", "ratio"):
        assert positive(sc[key]), key
    assert isinstance(sc["meets_goal"], bool)

    runs = report["corpus"]["runs"]
    assert [r["size"] for r in runs] == [10, 20]
    for run in runs:
        assert run["processed"] == run["size"] == run["files"]
        for key in ("wall_s", "run_corpus_s", "stream_s", "docs_per_s", "peak_rss_mb", "peak_pss_mb",
                    "max_process_rss_mb", "cpu_s", "cpu_utilisation"):
            assert positive(run[key]), key
        assert run["other_cpu_s"] >= 0
        assert set(run["rows"]) == {"articles", "boilerplate", "sentences"}
        assert run["rows"]["articles"] == run["size"] and positive(run["rows"]["sentences"])
    lin = report["corpus"]["linearity"]
    assert lin["compared"] == [10, 20] and positive(lin["ratio"]) and isinstance(lin["linear"], bool)
    assert "make" not in report
    assert isinstance(report["goals"]["sentence_ratio_le_1.5"], bool)

    printed = capsys.readouterr().out
    assert "analyse_file" in printed and "docs/s" in printed
    # temporary corpora are cleaned up
    assert not list(tmp_path.glob("bench-*"))
