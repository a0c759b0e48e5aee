"""The diagnostic scripts a session's figures come from: row_changes.py, shared_ids.py and cpu_time.py."""
from __future__ import annotations

import importlib.util
import pickle

import pandas as pd

from helpers.model.tables import Layout, write_table
from tests.conftest import ROOT


def _script(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_row_changes_counts_only_the_selected_documents_and_shows_fields(tmp_path, capsys):
    row = {"actor_id": "USA", "target": "UKRAINE", "label": "support", "evidence": "The US supports Ukraine."}
    old = [("/corpus/a.md", "processed", "", {"stance": []}), ("/dev/b.md", "processed", "", {"stance": []})]
    new = [("/corpus/a.md", "processed", "", {"stance": [row]}), ("/dev/b.md", "processed", "", {"stance": [row]})]
    for name, rows in (("old.pkl", old), ("new.pkl", new)):
        with open(tmp_path / name, "wb") as fh:
            pickle.dump(rows, fh)
    _script("row_changes").main([str(tmp_path / "old.pkl"), str(tmp_path / "new.pkl"), "--tables", "stance",
                                 "--only", "/corpus/", "--show", "evidence"])
    out = capsys.readouterr().out
    assert "1 of 1 documents changed" in out and "stance: -0 +1" in out
    assert "The US supports Ukraine." in out and "b.md" not in out


def test_shared_ids_counts_ids_that_name_several_actors(tmp_path, capsys):
    layout = Layout(tmp_path).make()
    write_table(layout, "mentions", pd.DataFrame([
        {"doc_id": "a", "sent_id": 1, "start": 0, "end": 5, "surface": "Brown", "actor_id": "BROWN",
         "actor_name": "Sherrod Brown", "kind": "person", "country_iso3": "USA", "via": "name"},
        {"doc_id": "b", "sent_id": 1, "start": 0, "end": 5, "surface": "Brown", "actor_id": "BROWN",
         "actor_name": "Gordon Brown", "kind": "person", "country_iso3": "GBR", "via": "name"},
        {"doc_id": "b", "sent_id": 1, "start": 9, "end": 15, "surface": "Russia", "actor_id": "RUS",
         "actor_name": "Russia", "kind": "state", "country_iso3": "RUS", "via": "name"}]))
    _script("shared_ids").main([str(tmp_path)])
    out = capsys.readouterr().out
    assert "2 actor ids in the mentions; 1 of them name more than one actor" in out
    assert "by id: 2; by corpus key (id and name): 3" in out and "BROWN: 2 names in 2 documents" in out


def test_cpu_time_counts_a_detached_process_nobody_waits_for(tmp_path):
    """make_cost.sh's CPU measure: the CSV job notebook 01 leaves runs in a session of its own and no
    process of the tree waits for it; cpu_time.py must still count its CPU. The child here uses at
    least 0.5 CPU seconds by construction (it loops until its own process_time says so), after the
    command that started it has exited."""
    import subprocess
    import sys

    if not sys.platform.startswith("linux"):
        import pytest
        pytest.skip("the child subreaper is a Linux feature")
    spin = "import time\nwhile time.process_time() < 0.5: pass\n"
    command = (f"import subprocess, sys; subprocess.Popen([sys.executable, '-c', {spin!r}], start_new_session=True); "
               "sys.exit(3)")
    out = tmp_path / "cpu.txt"
    rc = subprocess.call([sys.executable, str(ROOT / "scripts" / "cpu_time.py"), str(out), "--",
                          sys.executable, "-c", command])
    assert rc == 3  # the command's exit code
    fields = dict(part.split("=") for part in out.read_text().split()[:3])
    assert fields["rc"] == "3" and float(fields["cpu"]) >= 0.5


def test_analyse_cpu_counts_the_documents_and_their_sentences(tmp_path, capsys):
    # the trial's yardstick (scripts/cython_trial.sh): both seeds, every sentence analyse_file gives
    from helpers.pipeline.document import analyse_file

    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    sentences = sum(len(analyse_file(str(p), p.stem).rows["sentences"]) for p in seeds)
    script = _script("analyse_cpu")
    assert script.main([str(ROOT / "seeds")]) == 0
    assert capsys.readouterr().out.startswith(f"{len(seeds)} documents {sentences} sentences cpu ")
    assert script.main([str(tmp_path)]) == 2  # no article there: a clear error, not a division by zero


def test_worker_gc_reports_the_collector_at_the_thresholds_given(capsys):
    script = _script("worker_gc")
    assert script.main([str(ROOT / "seeds"), "--thresholds", "700,10,10"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("thresholds 700,10,10: 2 documents ") and " gc " in out and "peak rss" in out
    assert script.main(["/nonexistent-folder"]) == 2  # no article there: a clear error


def test_process_cpu_lists_a_child_with_its_cpu_and_keeps_the_exit_code(tmp_path):
    import subprocess
    import sys

    if not sys.platform.startswith("linux"):
        import pytest

        pytest.skip("reads /proc")
    spin = "import time\nwhile time.process_time() < 0.4: pass\n"
    command = f"import subprocess, sys; subprocess.call([sys.executable, '-c', {spin!r}]); sys.exit(4)"
    out = tmp_path / "cpu.tsv"
    rc = subprocess.call([sys.executable, str(ROOT / "scripts" / "process_cpu.py"), str(out), "--every", "0.02", "--",
                          sys.executable, "-c", command])
    assert rc == 4
    rows = [line.split("\t") for line in out.read_text().splitlines()[1:]]
    spinner = [r for r in rows if "process_time" in r[5]]
    assert len(spinner) == 1 and float(spinner[0][2]) >= 0.3  # sampled up to one interval before it ended
    assert subprocess.call([sys.executable, str(ROOT / "scripts" / "process_cpu.py"), str(out)]) == 2  # no command
