"""Hostile inputs: every entry of the corpus is accounted for once, nothing hangs, nothing is fatal."""
from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from helpers.model.tables import Layout, read_parts
from helpers.pipeline import corpus as corpus_mod
from helpers.pipeline.corpus import run_corpus, scan_corpus
from helpers.pipeline.document import Result, analyse_file
from tests.conftest import ROOT, make_hostile_corpus


def check_manifest(manifest, expect):
    assert sorted(manifest["path"]) == sorted(expect), "every entry exactly once"
    assert manifest["path"].is_unique
    rows = manifest.set_index("path")
    for path, wanted in expect.items():
        status, reason = rows.loc[path, "status"], rows.loc[path, "reason"]
        if wanted == "processed":
            assert status == "processed", (path, reason)
        else:
            assert status == "skipped" and wanted in reason, (path, status, reason)


@pytest.mark.parametrize("executor, workers", [("sequential", 1), ("local", 2)])
def test_hostile_corpus_is_accounted_for(hostile_corpus, tmp_path, executor, workers):
    folder, expect = hostile_corpus
    manifest = run_corpus(folder, tmp_path / "build", executor=executor, workers=workers, progress=False)
    check_manifest(manifest, expect)
    articles = read_parts(Layout(tmp_path / "build").parts, "articles").set_index("doc_id")
    by_path = manifest.set_index("path")["doc_id"]
    assert "treaty" in articles.loc[by_path["bad_front.md"], "text"]  # the body survives bad front matter
    assert "abstained" in articles.loc[by_path["deep.html"], "text"]
    assert "productive" in articles.loc[by_path["utf16.txt"], "text"]
    assert "Tashkent" in articles.loc[by_path["utf32.txt"], "text"]
    assert articles.loc[by_path["rows.csv#row=1"], "title"] == "Vote in New York"
    reasons = manifest.set_index("path")["reason"]
    assert "front matter not valid YAML" in reasons["bad_front.md"]
    assert "UTF-16" in reasons["utf16.txt"] and "UTF-32" in reasons["utf32.txt"]


def test_a_fifo_is_never_opened(tmp_path):
    folder = tmp_path / "c"
    folder.mkdir()
    os.mkfifo(folder / "pipe.md")  # opening it for reading would block until a writer comes
    (folder / "a.txt").write_text("Title\n\nKazakhstan abstained.\n", encoding="utf-8")
    entries = {e.path: e for e in scan_corpus(folder)}
    assert entries["pipe.md"].status == "skipped" and "FIFO" in entries["pipe.md"].reason
    # the same FIFO handed straight to the per-document function is refused without blocking
    result = analyse_file(str(folder / "pipe.md"), "pipe")
    assert result.status == "skipped" and "not a regular file" in result.reason


def test_a_file_that_vanishes_or_changes_is_reported(tmp_path, monkeypatch):
    folder = tmp_path / "c"
    folder.mkdir()
    for name in ("gone.txt", "changed.txt", "kept.txt"):
        (folder / name).write_text(f"{name}\n\nKazakhstan abstained in the vote.\n", encoding="utf-8")
    real_scan = corpus_mod.scan_corpus

    def scan_then_meddle(*args, **kwargs):
        entries = real_scan(*args, **kwargs)
        (folder / "gone.txt").unlink()
        (folder / "changed.txt").write_text("changed\n\nA longer text than the one scanned.\n", encoding="utf-8")
        return entries

    monkeypatch.setattr(corpus_mod, "scan_corpus", scan_then_meddle)
    manifest = run_corpus(folder, tmp_path / "build", executor="sequential", progress=False).set_index("path")
    assert manifest.loc["gone.txt", "status"] == "skipped"
    assert "cannot read file" in manifest.loc["gone.txt", "reason"]
    assert "removed during the run" in manifest.loc["gone.txt", "reason"]
    assert "changed during the run" in manifest.loc["changed.txt", "reason"]
    assert manifest.loc["kept.txt", "reason"] == ""


def slow_on_marked(item):
    """analyse_file, except that a document whose name says "slow" hangs (in Python code)."""
    if "slow" in item[1]:
        while True:
            time.sleep(0.01)
    return analyse_file(*item)


def stuck_on_marked(item):
    """A document whose name says "slow" blocks in one long C call (an alarm cannot interrupt it)."""
    if "slow" in item[1]:
        time.sleep(3600)
    return analyse_file(*item)


def small_corpus(folder, n=10):
    folder.mkdir(parents=True)
    for i in range(n):
        name = "slow" if i == 3 else f"doc{i:02d}"
        (folder / f"{name}.txt").write_text(f"Story {i}\n\nKazakhstan abstained in vote {i}.\n", encoding="utf-8")
    return folder


def test_the_pool_kills_a_worker_that_overruns_and_goes_on(tmp_path):
    folder = small_corpus(tmp_path / "c")
    manifest = run_corpus(folder, tmp_path / "build", executor="local", workers=2, progress=False,
                          budget_floor=1.0, budget_per_100kb=0.0, func=stuck_on_marked).set_index("path")
    assert manifest.loc["slow.txt", "status"] == "skipped"
    assert manifest.loc["slow.txt", "reason"] == "timed out after 1 s"
    others = manifest.drop("slow.txt")
    assert (others["status"] == "processed").all()
    articles = read_parts(Layout(tmp_path / "build").parts, "articles")
    assert sorted(articles["doc_id"]) == sorted(others["doc_id"])  # results stay in input order, none lost


def test_the_sequential_executor_has_a_budget_too(tmp_path):
    folder = small_corpus(tmp_path / "c", n=3)
    (folder / "doc00.txt").rename(folder / "slow.txt") if not (folder / "slow.txt").exists() else None
    manifest = run_corpus(folder, tmp_path / "build", executor="sequential", progress=False,
                          budget_floor=0.5, budget_per_100kb=0.0, func=slow_on_marked).set_index("path")
    assert manifest.loc["slow.txt", "status"] == "skipped"
    assert manifest.loc["slow.txt", "reason"].startswith("timed out after")
    assert (manifest.drop("slow.txt")["status"] == "processed").all()


def crash_on_marked(item):
    if "slow" in item[1]:
        os._exit(7)
    return analyse_file(*item)


def test_a_worker_that_dies_is_replaced(tmp_path):
    folder = small_corpus(tmp_path / "c")
    manifest = run_corpus(folder, tmp_path / "build", executor="local", workers=2, progress=False,
                          func=crash_on_marked).set_index("path")
    assert "worker process died" in manifest.loc["slow.txt", "reason"]
    assert (manifest.drop("slow.txt")["status"] == "processed").all()


def test_rows_of_a_run_survive_a_worker_that_dies_in_it(tmp_path):
    """A pool worker writes a whole run of documents as one part: when it dies on one document,
    the run is given again without that document, so the others' rows are all there, in order."""
    folder = small_corpus(tmp_path / "c", n=60)
    manifest = run_corpus(folder, tmp_path / "build", executor="local", workers=2, progress=False,
                          docs_per_part=25, func=crash_on_marked)
    kept = manifest[manifest.status == "processed"]
    assert len(kept) == 59 and "worker process died" in manifest.set_index("path").loc["slow.txt", "reason"]
    articles = read_parts(Layout(tmp_path / "build").parts, "articles")
    assert list(articles["doc_id"]) == list(kept["doc_id"])
    assert len(list((Layout(tmp_path / "build").parts / "articles").glob("part-*.parquet"))) >= 3


def test_chunk_sizes_cover_every_document_in_shrinking_runs():
    for n, workers, cap in [(3461, 2, 500), (10, 2, 500), (1000, 8, 50), (41, 2, 3), (1, 4, 500)]:
        sizes = corpus_mod.chunk_sizes(n, workers, cap)
        assert sum(sizes) == n and all(0 < s <= cap for s in sizes)
        assert sizes == sorted(sizes, reverse=True) or sizes[-1] < corpus_mod.MIN_CHUNK  # only the last may be short
    sizes = corpus_mod.chunk_sizes(3461, 2, 500)
    assert sizes[0] == 500 and sizes[-1] <= corpus_mod.MIN_CHUNK


def test_the_time_budget_grows_with_size():
    assert corpus_mod.time_budget(0) == corpus_mod.BUDGET_FLOOR_S
    assert corpus_mod.time_budget(1_000_000) == corpus_mod.BUDGET_FLOOR_S + 10 * corpus_mod.BUDGET_PER_100KB_S


# ------------------------------------------------------------------ the runner: lock, errors


def runner_cmd(build, *extra):
    return [sys.executable, "-m", "helpers.pipeline.runner", "--build", str(build), *extra]


def test_a_second_run_on_the_same_build_is_refused(tmp_path):
    from helpers.pipeline.runner import BuildLock, BuildLocked

    build = tmp_path / "build"
    with BuildLock(build):
        with pytest.raises(BuildLocked, match="another run is using BUILD"):
            BuildLock(build).__enter__()
        env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
        proc = subprocess.run(runner_cmd(build, str(ROOT / "notebooks" / "01_corpus.ipynb")),
                              capture_output=True, text=True, env=env, timeout=120)
        assert proc.returncode == 3
        assert "another run is using BUILD" in proc.stderr and f"pid {os.getpid()}" in proc.stderr
    with BuildLock(build):  # released: the next run gets it
        pass


def test_a_lock_left_by_a_killed_run_does_not_block(tmp_path):
    from helpers.pipeline.runner import BuildLock

    build = tmp_path / "build"
    code = ("import sys, os; sys.path.insert(0, %r); from helpers.pipeline.runner import BuildLock; "
            "BuildLock(%r).__enter__(); print('locked', flush=True); os.kill(os.getpid(), 9)"
            % (str(ROOT / "src"), str(build)))
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert "locked" in proc.stdout and proc.returncode != 0
    assert (build / "reports" / ".briefing.lock").exists()
    with BuildLock(build):
        pass


def test_an_unwritable_build_ends_with_one_line_naming_the_path(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    build = blocker / "build"  # cannot be created, even by root
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    proc = subprocess.run(runner_cmd(build, str(ROOT / "notebooks" / "01_corpus.ipynb")),
                          capture_output=True, text=True, env=env, timeout=120)
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: cannot write ") and str(blocker) in lines[0]


def test_a_cell_error_about_the_disk_is_one_line():
    from helpers.pipeline.runner import one_line

    class CellError(Exception):
        ename = "OSError"
        evalue = "[Errno 28] No space left on device: '/tmp/full/data/processed/articles.csv.tmp'"

    err = CellError()
    err.notebook = "01_corpus"
    assert one_line(err, "/tmp/full") == ("01_corpus could not write under /tmp/full: OSError: [Errno 28] No space "
                                          "left on device: '/tmp/full/data/processed/articles.csv.tmp'")
    assert one_line(ValueError("a bug")) == ""


def test_a_failed_run_leaves_no_temporary_files(tmp_path):
    from helpers.pipeline.runner import remove_partial

    kept = [tmp_path / "data" / "processed" / "articles.csv", tmp_path / "reports" / "brief.html"]
    partial = [tmp_path / "data" / "processed" / "articles.csv.tmp", tmp_path / "reports" / "01.html.tmp",
               tmp_path / "data" / "interim" / "tables.tmp" / "articles" / "part-000000.parquet",
               tmp_path / "reports" / "notebooks" / "01_corpus.tmp.ipynb"]
    for path in kept + partial:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x")
    remove_partial(tmp_path)
    assert all(p.exists() for p in kept) and not any(p.exists() for p in partial)
    assert not (tmp_path / "data" / "interim" / "tables.tmp").exists()


def test_the_injected_parameters_cell_id_is_deterministic():
    from papermill.iorw import load_notebook_node
    from papermill.parameterize import parameterize_notebook

    from helpers.pipeline.runner import stable_cell_ids

    def injected(params):
        nb = parameterize_notebook(load_notebook_node(str(ROOT / "notebooks" / "01_corpus.ipynb")), params)
        stable_cell_ids(nb)
        return [c.id for c in nb.cells if "injected-parameters" in c.metadata.get("tags", [])]

    first, again, other = injected({"corpus_dir": "x"}), injected({"corpus_dir": "x"}), injected({"corpus_dir": "y"})
    assert first == again and len(first) == 1 and first != other


# ------------------------------------------------------------------ end to end (marker: pipeline)


def run_notebooks(corpus, build, tmp_path, text_column=""):
    """The runner as the Makefile calls it (without make, which would (re)build the venv)."""
    notebooks = sorted(str(p) for p in (ROOT / "notebooks").glob("*.ipynb"))
    env = {k: v for k, v in os.environ.items() if k != "MPLBACKEND"}
    env.update(PYTHONPATH=str(ROOT / "src"), JUPYTER_RUNTIME_DIR=str(tmp_path / "jupyter"),
               IPYTHONDIR=str(tmp_path / "ipython"), MPLCONFIGDIR=str(tmp_path / "mpl"),
               PYDEVD_DISABLE_FILE_VALIDATION="1", JUPYTER_PLATFORM_DIRS="1")
    cmd = runner_cmd(build, *notebooks, "--kernel", "briefing", "-p", "corpus_dir", str(corpus),
                     "-p", "build_dir", str(build), "-p", "executor", "local", "-p", "workers", "0",
                     "-p", "dask_address", "", "-p", "text_column", text_column,
                     "--no-input-copy", "07_brief", "brief.html", "--stamp", str(build / "reports" / "notebooks" / ".up-to-date"))
    return subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=1800)


def outputs(build):
    """Tables, figures, brief.md and every HTML page of a run, by relative path."""
    files = [p for d in ("data/processed", "reports") for p in (build / d).rglob("*")
             if p.is_file() and p.suffix in (".csv", ".parquet", ".png", ".svg", ".md", ".html")]
    return {p.relative_to(build).as_posix(): p.read_bytes() for p in files}


@pytest.mark.pipeline
def test_the_hostile_corpus_runs_end_to_end_twice_with_identical_outputs(tmp_path):
    import pandas as pd

    corpus = tmp_path / "hostile"
    expect = make_hostile_corpus(corpus)
    build = tmp_path / "build"
    first = run_notebooks(corpus, build, tmp_path)
    assert first.returncode == 0, first.stdout[-3000:] + first.stderr[-3000:]
    manifest = pd.read_csv(build / "data" / "processed" / "manifest.csv", dtype=str, keep_default_na=False)
    check_manifest(manifest, expect)
    assert (build / "reports" / "brief.md").exists()
    before = outputs(build)
    build.rename(tmp_path / "first")
    second = run_notebooks(corpus, build, tmp_path)
    assert second.returncode == 0, second.stderr[-3000:]
    after = outputs(build)
    assert sorted(after) == sorted(before)
    assert [name for name in before if before[name] != after[name]] == []


def thresholds_in_reason(item):
    """A pool func that reports the collector's thresholds of the process it runs in."""
    import gc

    return Result("processed", "gc " + ",".join(map(str, gc.get_threshold())))


def test_pool_workers_collect_less_often_and_the_parent_is_left_alone(tmp_path):
    import gc

    before = gc.get_threshold()
    folder = small_corpus(tmp_path / "c")
    manifest = run_corpus(folder, tmp_path / "build", executor="local", workers=2, progress=False,
                          func=thresholds_in_reason)
    expected = "gc " + ",".join(map(str, corpus_mod.WORKER_GC_THRESHOLDS))
    assert (manifest["reason"] == expected).all() and len(manifest) == 10
    items = [(str(p), p.stem) for p in sorted(folder.glob("*.txt"))]  # the other pool (WatchdogPool)
    assert {r.reason for r in corpus_mod.map_local(items, 2, func=thresholds_in_reason)} == {expected}
    assert gc.get_threshold() == before  # only the workers' setting changes
