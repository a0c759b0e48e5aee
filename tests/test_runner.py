"""The notebook runner's staleness rule, on temporary files: no notebook runs, no kernel starts."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from helpers.pipeline import runner

OLD, NOW, LATER = 1_000_000_000, 1_000_001_000, 1_000_002_000


def touch(path: Path, mtime: float) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.touch()
    os.utime(path, (mtime, mtime))
    return path


def test_is_stale(tmp_path):
    source = touch(tmp_path / "a.ipynb", NOW)
    output = tmp_path / "out.ipynb"
    assert runner.is_stale(output, [source])  # missing output
    touch(output, LATER)
    assert not runner.is_stale(output, [source])
    assert not runner.is_stale(output, [])
    touch(output, NOW)
    assert not runner.is_stale(output, [source])  # as old as its input: up to date
    touch(source, LATER)
    assert runner.is_stale(output, [source])
    assert runner.is_stale(output, [tmp_path / "missing.csv", source])
    assert not runner.is_stale(touch(output, LATER), [tmp_path / "missing.csv"])  # a missing input is ignored


@pytest.fixture
def project(tmp_path, monkeypatch):
    """Two notebooks, a common input and an extra input of the second; execute/export faked."""
    calls = {"executed": [], "exported": []}

    def execute(source, output, parameters, kernel, cwd, km=None):
        calls["executed"].append(source.stem)
        output.write_text("{}")

    def export_html(executed, html, no_input=False):
        calls["exported"].append(html.name)
        html.write_text("<html></html>")

    class Kernel:
        def shutdown_kernel(self, now=False):
            pass

    monkeypatch.setattr(runner, "execute", execute)
    monkeypatch.setattr(runner, "export_html", export_html)
    monkeypatch.setattr(runner, "start_kernel", lambda kernel, cwd, warm=False: Kernel())
    files = {name: touch(tmp_path / "src" / name, OLD)
             for name in ("01_a.ipynb", "02_b.ipynb", "common.py", "extra_b.csv")}
    build = tmp_path / "build"

    def run():
        calls["executed"].clear()
        calls["exported"].clear()
        runner.run([files["01_a.ipynb"], files["02_b.ipynb"]], build, {}, [files["common.py"]],
                   {"02_b": [files["extra_b.csv"]]}, "python3", {"02_b": "brief.html"})
        for out in (build / "reports").rglob("*.*"):  # every output is older than the edits below
            os.utime(out, (NOW, NOW))
        return list(calls["executed"])

    first = run()
    return files, build, run, calls, first


def test_first_run_runs_and_renders_everything(project):
    _, build, _, calls, first = project
    assert first == ["01_a", "02_b"]
    assert sorted(calls["exported"]) == ["01_a.html", "02_b.html", "brief.html"]
    assert (build / "reports" / "notebooks" / "02_b.ipynb").exists()


def test_nothing_runs_when_up_to_date(project):
    _, _, run, calls, _ = project
    assert run() == []
    assert calls["exported"] == []


@pytest.mark.parametrize("changed, reruns", [
    ("01_a.ipynb", ["01_a", "02_b"]),   # a notebook's source; every later notebook follows
    ("02_b.ipynb", ["02_b"]),           # a later source leaves the earlier one alone
    ("common.py", ["01_a", "02_b"]),    # an input of every notebook
    ("extra_b.csv", ["02_b"]),          # an extra input of one notebook
])
def test_a_change_reruns_that_notebook_and_the_ones_after(project, changed, reruns):
    files, _, run, _, _ = project
    touch(files[changed], LATER)
    assert run() == reruns


def test_an_earlier_notebooks_newer_output_reruns_the_next(project):
    _, build, run, _, _ = project
    touch(build / "reports" / "notebooks" / "01_a.ipynb", LATER)
    assert run() == ["02_b"]


def test_a_missing_html_is_rendered_without_running(project):
    _, build, run, calls, _ = project
    (build / "reports" / "01_a.html").unlink()
    (build / "reports" / "brief.html").unlink()
    assert run() == []
    assert sorted(calls["exported"]) == ["01_a.html", "brief.html"]


def test_main_parses_inputs_and_touches_the_stamp(tmp_path, monkeypatch):
    seen = {}
    monkeypatch.setattr(runner, "run", lambda *args: seen.update(args=args) or [])
    stamp = tmp_path / "stamps" / "notebooks"
    assert runner.main(["a.ipynb", "b.ipynb", "--build", str(tmp_path), "-p", "workers", "4",
                        "-p", "corpus_dir", "seeds", "--inputs", "x.py", "--extra", "b", "y.csv",
                        "--extra", "b", "z.csv", "--no-input-copy", "b", "brief.html",
                        "--stamp", str(stamp)]) == 0
    notebooks, build, parameters, common, extra, kernel, no_input = seen["args"]
    assert notebooks == [Path("a.ipynb"), Path("b.ipynb")] and build == tmp_path
    assert parameters == {"workers": 4, "corpus_dir": "seeds"}
    assert common == [Path("x.py")] and extra == {"b": [Path("y.csv"), Path("z.csv")]}
    assert kernel == "briefing" and no_input == {"b": "brief.html"}
    assert stamp.exists()


def test_main_reports_a_failed_run_and_leaves_no_stamp(tmp_path, monkeypatch, capsys):
    def fail(*args):
        raise RuntimeError("cell 3 failed")

    monkeypatch.setattr(runner, "run", fail)
    stamp = tmp_path / "stamp"
    assert runner.main(["a.ipynb", "--build", str(tmp_path), "--stamp", str(stamp)]) == 1
    assert "cell 3 failed" in capsys.readouterr().err
    assert not stamp.exists()
