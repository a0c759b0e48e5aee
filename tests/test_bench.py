"""Smoke test of scripts/bench.py on tiny sizes: the report's shape, never its timings."""
from __future__ import annotations

import importlib.util
import json
import math
from pathlib import Path

import pytest

from helpers.model.tables import ANALYSED_TABLES
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
        assert set(run["rows"]) == set(ANALYSED_TABLES)  # every table notebook 01 publishes
        assert run["rows"]["articles"] == run["size"] and positive(run["rows"]["sentences"])
    lin = report["corpus"]["linearity"]
    assert lin["compared"] == [10, 20] and positive(lin["ratio"]) and isinstance(lin["linear"], bool)
    assert "make" not in report
    assert isinstance(report["goals"]["sentence_ratio_le_1.5"], bool)

    printed = capsys.readouterr().out
    assert "analyse_file" in printed and "docs/s" in printed
    # temporary corpora are cleaned up
    assert not list(tmp_path.glob("bench-*"))


# ---------------------------------------------------------------- where the time goes


def test_stage_breakdown_covers_every_stage(bench):
    sources = sorted(ROOT.glob("seeds/*.txt"))
    report = bench.bench_stages(sources, sample=len(sources), reps=1)
    from helpers.pipeline.document import default_analysers

    names = [s["stage"] for s in report["stages"]]
    assert names == [*bench.PARSE_STAGES, *(bench.analyser_name(a) for a in default_analysers()), "rows"]
    assert names[4:10] == ["actors", "quotes", "facts", "events", "sentiment", "stance"]
    assert report["docs"] == len(sources) and positive(report["sentences"])
    assert abs(sum(s["share"] for s in report["stages"]) - 1) < 1e-9
    assert all(s["us_per_sentence"] >= 0 for s in report["stages"])
    assert abs(sum(s["us_per_sentence"] for s in report["stages"]) - report["us_per_sentence"]) < 1e-6
    by_time = sorted(report["stages"], key=lambda s: -s["s"])
    assert report["largest"] == [s["stage"] for s in by_time[:2]]
    lines = bench.format_breakdown({"stages": report})
    assert any(line.split()[:1] == ["sentiment"] for line in lines)


def test_stage_timers_restore_the_parse_functions(bench):
    from helpers.ingest import boilerplate, paragraphs, parse, reading

    before = (reading.read_source, paragraphs.paragraphs, boilerplate.remove_boilerplate, parse.parse_source)
    timers = dict.fromkeys(bench.PARSE_STAGES, 0.0)
    path = sorted(ROOT.glob("seeds/*.txt"))[0]
    with bench.stage_timers(timers):
        doc, _, _ = parse.parse_document(str(path), path.stem)
    assert doc.sentences and all(positive(timers[s]) for s in bench.PARSE_STAGES)
    assert (reading.read_source, paragraphs.paragraphs, boilerplate.remove_boilerplate, parse.parse_source) == before


def test_notebook_times_are_read_from_the_runner_log(bench):
    log = ("papermill 01_corpus.ipynb -> /b/reports/notebooks/01_corpus.ipynb\n01_corpus ran in 12.5 s\n"
           "Could not destroy zmq context\n02_extraction ran in 3.0 s\nnot a notebook ran in x s\n")
    assert bench.notebook_times(log) == {"01_corpus": 12.5, "02_extraction": 3.0}
    lines = bench.format_breakdown({"notebooks": {"docs": 5, "wall_s": 20.0, "other_s": 4.5, "notebooks": [
        {"notebook": "01_corpus", "s": 12.5, "share": 0.625}, {"notebook": "02_extraction", "s": 3.0, "share": 0.15}]}})
    assert any("01_corpus" in line and "62.5%" in line for line in lines)
    args = bench.parse_args(["--stages", "30", "--notebooks", "40", "--profile"])
    assert (args.stages, args.notebooks, args.profile) == (30, 40, True)
    assert bench.parse_args([]).stages == 0 and bench.parse_args([]).notebooks == 0
