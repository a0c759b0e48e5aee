"""Bad input gives a logged skip and a manifest row, never a crash; every file appears once."""
import logging

import pandas as pd

from helpers.pipeline.corpus import run_corpus, scan_corpus
from helpers.model.tables import Layout, read_parts


def test_every_file_appears_once_with_a_status(fixture_corpus, tmp_path, caplog):
    caplog.set_level(logging.INFO)
    manifest = run_corpus(fixture_corpus, tmp_path / "build", executor="sequential", progress=False)
    files = sorted(p.relative_to(fixture_corpus).as_posix() for p in fixture_corpus.rglob("*") if p.is_file())
    assert sorted(manifest["path"]) == files
    status = dict(zip(manifest["path"], zip(manifest["status"], manifest["reason"])))
    assert status["empty.txt"] == ("skipped", "empty file")
    assert status["blank.txt"] == ("skipped", "empty file")
    assert status["binary.txt"][0] == "skipped" and "binary" in status["binary.txt"][1]
    assert status["scan.pdf"] == ("skipped", "unsupported file type '.pdf'")
    assert status["wire_copy.txt"] == ("skipped", "duplicate of wire.txt")
    assert status["legacy.txt"][0] == "processed" and "cp1252" in status["legacy.txt"][1]
    assert status["bom_crlf.txt"][0] == "processed" and "BOM" in status["bom_crlf.txt"][1]
    for name in ("wire.txt", "readout.md", "page.html", "nested/wire.txt"):
        assert status[name][0] == "processed", name
    # each skip is logged with its file name
    logged = caplog.text
    for name in ("empty.txt", "binary.txt", "scan.pdf", "wire_copy.txt"):
        assert name in logged


def test_doc_ids_are_file_stems_and_unique(fixture_corpus):
    entries = scan_corpus(fixture_corpus)
    ids = [e.doc_id for e in entries if e.doc_id]
    assert len(ids) == len(set(ids))
    by_path = {e.path: e.doc_id for e in entries}
    assert by_path["wire.txt"] == "wire"
    assert by_path["nested/wire.txt"].startswith("wire__")
    assert by_path["readout.md"] == "readout"


def test_tables_are_written_in_parts_and_offsets_hold(fixture_corpus, tmp_path):
    build = tmp_path / "build"
    manifest = run_corpus(fixture_corpus, build, executor="sequential", progress=False, docs_per_part=2)
    nested_id = manifest.set_index("path").loc["nested/wire.txt", "doc_id"]
    layout = Layout(build)
    articles = read_parts(layout.parts, "articles")
    sentences = read_parts(layout.parts, "sentences")
    assert len(list((layout.parts / "articles").glob("part-*.parquet"))) >= 3
    assert sorted(articles["doc_id"]) == sorted(["wire", "readout", "page", "legacy", "bom_crlf", nested_id])
    text = dict(zip(articles["doc_id"], articles["text"]))
    for row in sentences.itertuples():
        assert text[row.doc_id][row.start:row.end] == row.text
    page = articles.set_index("doc_id").loc["page"]
    assert page["title"] == "Tokayev meets Mirziyoyev in Tashkent"
    assert "injected" not in page["text"] and "tracking" not in page["text"]
    readout = articles.set_index("doc_id").loc["readout"]
    assert readout["date"] == "2023-03-01" and readout["outlet"] == "example.gov"
    assert "###" not in readout["text"]


def test_parallel_run_equals_sequential_run(fixture_corpus, tmp_path):
    for i in range(12):  # enough documents for the pool to be used
        (fixture_corpus / f"extra_{i:02d}.txt").write_text(
            f"Story {i}\n\nKazakhstan abstained in vote number {i}. The U.S. voted in favor.\n", encoding="utf-8")
    seq = run_corpus(fixture_corpus, tmp_path / "seq", executor="sequential", progress=False, docs_per_part=5)
    par = run_corpus(fixture_corpus, tmp_path / "par", executor="local", workers=2, progress=False, docs_per_part=5)
    pd.testing.assert_frame_equal(seq, par)
    for table in ("articles", "boilerplate", "sentences"):
        pd.testing.assert_frame_equal(read_parts(Layout(tmp_path / "seq").parts, table),
                                      read_parts(Layout(tmp_path / "par").parts, table))


def test_an_analyser_error_is_recorded_not_raised(tmp_path, caplog):
    from helpers.pipeline.document import analyse_file

    def broken(doc, rows):
        raise ValueError("boom")

    path = tmp_path / "a.txt"
    path.write_text("Title\n\nKazakhstan abstained.\n", encoding="utf-8")
    result = analyse_file(str(path), "a", analysers=[broken])
    assert result.status == "processed"
    assert "error in" in result.reason and "ValueError: boom" in result.reason
    assert result.rows["sentences"] and "analyser failed" in caplog.text


def test_a_single_article_file_is_a_corpus(tmp_path):
    path = tmp_path / "one.md"
    path.write_text("---\ntitle: One\ndate: 2023-03-01\n---\n\nKazakhstan abstained in the vote.\n", encoding="utf-8")
    manifest = run_corpus(path, tmp_path / "build", executor="sequential", progress=False)
    assert manifest[["path", "doc_id", "status"]].values.tolist() == [["one.md", "one", "processed"]]
    articles = read_parts(Layout(tmp_path / "build").parts, "articles")
    assert articles[["date", "date_source"]].values.tolist() == [["2023-03-01", "front_matter"]]


def test_a_missing_corpus_is_a_clear_error(tmp_path):
    import pytest

    with pytest.raises(FileNotFoundError, match="corpus folder or file not found"):
        scan_corpus(tmp_path / "nowhere")


def test_every_articles_row_has_a_date_source(fixture_corpus, tmp_path):
    run_corpus(fixture_corpus, tmp_path / "build", executor="sequential", progress=False)
    articles = read_parts(Layout(tmp_path / "build").parts, "articles").set_index("doc_id")
    assert set(articles["date_source"]) <= {"front_matter", "html_meta", "dateline", "column", "none"}
    assert articles.loc["readout", "date_source"] == "front_matter"
    assert articles.loc["wire", "date_source"] == "none"
