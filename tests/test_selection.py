"""A run can keep only a date range and some outlets: the rest is listed as skipped, with why."""
import pandas as pd
import pytest

from helpers.model.tables import Layout, read_parts
from helpers.pipeline.corpus import run_corpus
from helpers.pipeline.document import Selection

BODY = "The minister said the talks in Astana were useful. Both sides agreed to meet again.\n"


def _article(folder, name, date="", outlet=""):
    front = "".join(f"{k}: {v}\n" for k, v in (("title", name), ("date", date), ("outlet", outlet)) if v)
    (folder / f"{name}.md").write_text(f"---\n{front}---\n\n{BODY}", encoding="utf-8")


@pytest.fixture()
def dated_corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    _article(folder, "jan", "2022-01-15", "Reuters")
    _article(folder, "feb", "2022-02-24", "AP")
    _article(folder, "feb_late", "2022-02-28T18:30:00Z", "reuters ")
    _article(folder, "mar", "2022-03-01", "Kazinform")
    _article(folder, "undated", "", "AP")
    (folder / "notes.pdf").write_bytes(b"%PDF-1.4")
    return folder


def _status(manifest):
    return {p: (s, r) for p, s, r in zip(manifest.path, manifest.status, manifest.reason)}


def test_a_date_range_keeps_its_documents_and_names_the_rest(dated_corpus, tmp_path):
    select = Selection.parse("2022-02", "2022-02")
    manifest = run_corpus(dated_corpus, tmp_path / "b", executor="sequential", progress=False, select=select)
    status = _status(manifest)
    assert status["feb.md"][0] == status["feb_late.md"][0] == "processed"
    for name in ("jan.md", "mar.md"):
        assert status[name] == ("skipped", "not selected: outside the dates (the run keeps documents dated "
                                           "2022-02 to 2022-02)")
    assert status["undated.md"][0] == "skipped" and status["undated.md"][1].startswith("not selected: no date")
    assert status["notes.pdf"] == ("skipped", "unsupported file type '.pdf'")  # other skips are unchanged
    articles = read_parts(Layout(tmp_path / "b").parts, "articles")
    assert sorted(articles.doc_id) == ["feb", "feb_late"]  # left-out documents give no rows
    assert len(read_parts(Layout(tmp_path / "b").parts, "sentences")) > 0


def test_outlets_match_whole_names_ignoring_case(dated_corpus, tmp_path):
    manifest = run_corpus(dated_corpus, tmp_path / "b", executor="sequential", progress=False,
                          select=Selection.parse(outlets="Reuters|Kazinform"))
    kept = sorted(p for p, (s, _) in _status(manifest).items() if s == "processed")
    assert kept == ["feb_late.md", "jan.md", "mar.md"]
    assert _status(manifest)["feb.md"][1].startswith("not selected: another outlet")


def test_both_limits_and_the_process_pool(dated_corpus, tmp_path):
    for day in range(1, 11):  # enough documents for the pool (it runs in-process below 4 per worker)
        _article(dated_corpus, f"apr{day:02d}", f"2022-04-{day:02d}", "Reuters" if day % 2 else "AP")
    select = Selection.parse(since="2022-02-25", outlets="Reuters")
    seq = run_corpus(dated_corpus, tmp_path / "s", executor="sequential", progress=False, select=select)
    par = run_corpus(dated_corpus, tmp_path / "p", executor="local", workers=2, progress=False, select=select,
                     budget_floor=0, budget_per_100kb=0)
    pd.testing.assert_frame_equal(seq, par)
    assert sorted(seq.path[seq.status == "processed"]) == ["apr01.md", "apr03.md", "apr05.md", "apr07.md",
                                                          "apr09.md", "feb_late.md"]


@pytest.mark.parametrize("since, until", [("2022-13-01x", ""), ("Feb 2022", ""), ("", "22-02-01")])
def test_a_malformed_date_is_a_clear_error(since, until):
    with pytest.raises(ValueError, match="not an ISO date"):
        Selection.parse(since, until)


def test_an_empty_range_is_refused_and_no_selection_is_false():
    with pytest.raises(ValueError, match="after"):
        Selection.parse("2023-01-01", "2022-12")
    assert not Selection.parse("", "", " | ")
    assert Selection.parse(until="2022").excludes("2022-12-31", "") == ""
    assert Selection.parse(until="2022").excludes("2023-01-01", "").startswith("not selected: outside")


def test_reading_a_table_for_no_documents_gives_an_empty_frame(dated_corpus, tmp_path):
    """A selection can leave nothing: the notebooks' filtered reads must not fail on an empty list."""
    from helpers.model.tables import read_table, stream_tables

    layout = Layout(tmp_path / "b")
    run_corpus(dated_corpus, layout.root, executor="sequential", progress=False,
               select=Selection.parse(since="2030"))
    stream_tables(layout, ["sentences", "articles"], workers=1)
    df = read_table(layout, "sentences", columns=["doc_id", "text"], filters=[("doc_id", "in", [])])
    assert list(df.columns) == ["doc_id", "text"] and df.empty
    assert read_table(layout, "articles").empty
