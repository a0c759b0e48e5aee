"""The processed CSV copies written by a background job are the bytes written in place, and a
failure of the job reaches whoever waits for it."""
import shutil
from pathlib import Path

import pytest

from helpers.model import csvjob
from helpers.model.tables import ANALYSED_TABLES, Layout, read_table, stream_tables
from helpers.pipeline.corpus import run_corpus

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


@pytest.fixture(scope="module")
def analysed(tmp_path_factory):
    build = tmp_path_factory.mktemp("analysed")
    run_corpus(SEEDS, build, executor="sequential", progress=False)
    return build


def test_background_csv_is_the_csv_written_in_place(analysed, tmp_path):
    here = Layout(tmp_path / "now")
    later = Layout(tmp_path / "later")
    for layout in (here, later):
        shutil.copytree(Layout(analysed).interim, layout.interim)
    sizes_now = stream_tables(here, ANALYSED_TABLES, workers=1)
    sizes_later = csvjob.publish(later, ANALYSED_TABLES, workers=1)
    assert sizes_now == sizes_later and sizes_now["sentences"] > 0
    assert not read_table(later, "sentences").empty  # the Parquet copy is there at once
    csvjob.wait(later)
    for table in ANALYSED_TABLES:
        assert later.csv(table).read_bytes() == here.csv(table).read_bytes(), table


def test_stale_csv_is_removed_until_the_job_writes_it(analysed, tmp_path):
    from helpers.model.tables import stream_table

    layout = Layout(tmp_path / "b")
    shutil.copytree(Layout(analysed).interim, layout.interim)
    layout.processed.mkdir(parents=True)
    layout.csv("events").write_text("old\n", encoding="utf-8")  # an earlier run's copy
    stream_table(layout, "events", csv=False)
    assert not layout.csv("events").exists()  # no stale copy while the new one is pending
    csvjob.start(layout, ["events"])
    csvjob.wait(layout)
    assert layout.csv("events").read_text(encoding="utf-8").startswith("doc_id,sent_id,event")


def test_a_failed_job_fails_the_wait(tmp_path):
    layout = Layout(tmp_path / "b").make()  # no Parquet file: the job cannot write the CSV
    csvjob.start(layout, ["sentences"])
    with pytest.raises(RuntimeError, match="writing the CSV tables failed"):
        csvjob.wait(layout)
    assert not layout.csv("sentences").exists()
