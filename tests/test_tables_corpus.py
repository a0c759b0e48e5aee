"""Table corpora: each row of a CSV, JSON Lines or Parquet file is a document, every row accounted for."""
from __future__ import annotations

import json

import pandas as pd
import pytest

from helpers.ingest import rows
from helpers.ingest.reading import UnreadableDocument
from helpers.model.tables import Layout, read_parts
from helpers.pipeline.corpus import run_corpus, scan_corpus

RECORDS = [
    {"id": "a1", "title": "Kazakhstan abstains", "date": "March 2, 2023", "outlet": "Example Wire",
     "url": "https://example.com/2023/03/02/a1", "body": "Kazakhstan abstained in the vote. The U.S. voted in favor."},
    {"id": "a2", "title": "Tokayev in Tashkent", "date": "2023-03-03T10:00:00Z", "outlet": "Other Wire",
     "url": "", "body": "Tokayev met Mirziyoyev on Friday. They signed a treaty on the border."},
    {"id": "a3", "title": "No text", "date": "2023-03-04", "outlet": "Example Wire", "url": "", "body": ""},
]


def write_csv(path, records, extra_lines=()):
    pd.DataFrame(records).to_csv(path, index=False)
    if extra_lines:
        with open(path, "a", encoding="utf-8") as fh:
            fh.writelines(line + "\n" for line in extra_lines)
    return path


def articles(build):
    return read_parts(Layout(build).parts, "articles").set_index("doc_id")


def test_a_csv_file_is_a_corpus_of_rows(tmp_path):
    table = write_csv(tmp_path / "articles.csv", RECORDS, ['a4,Broken,"2023-03-05"'])
    manifest = run_corpus(table, tmp_path / "build", executor="sequential", progress=False).set_index("path")
    assert list(manifest.index) == [f"articles.csv#row={i}" for i in (1, 2, 3, 4)]
    assert manifest.loc["articles.csv#row=1", ["status", "doc_id"]].tolist() == ["processed", "a1"]
    assert manifest.loc["articles.csv#row=3", "reason"] == "no text in column 'body'"
    assert manifest.loc["articles.csv#row=4", "reason"] == "malformed row (3 fields; the header has 6)"
    arts = articles(tmp_path / "build")
    assert arts.loc["a1", ["title", "outlet", "date", "date_source", "source_url"]].tolist() == [
        "Kazakhstan abstains", "Example Wire", "2023-03-02", "column", "https://example.com/2023/03/02/a1"]
    assert arts.loc["a2", "date"] == "2023-03-03"
    assert arts.loc["a1", "text"] == RECORDS[0]["body"]


def test_jsonl_rows_and_a_line_that_is_not_json(tmp_path):
    path = tmp_path / "feed.jsonl"
    lines = [json.dumps(RECORDS[0]), "{not json", json.dumps([1, 2]), json.dumps(RECORDS[1])]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    manifest = run_corpus(path, tmp_path / "build", executor="sequential", progress=False).set_index("path")
    assert manifest.loc["feed.jsonl#row=1", "status"] == "processed"
    assert "not valid JSON" in manifest.loc["feed.jsonl#row=2", "reason"]
    assert "not an object" in manifest.loc["feed.jsonl#row=3", "reason"]
    assert manifest.loc["feed.jsonl#row=4", "status"] == "processed"


def test_parquet_rows(tmp_path):
    path = tmp_path / "feed.parquet"
    pd.DataFrame(RECORDS).to_parquet(path, index=False)
    manifest = run_corpus(path, tmp_path / "build", executor="sequential", progress=False).set_index("path")
    assert manifest["status"].tolist() == ["processed", "processed", "skipped"]
    assert articles(tmp_path / "build").loc["a2", "outlet"] == "Other Wire"


def test_the_text_column_can_be_named(tmp_path):
    records = [{"headline": "Vote", "story": "Kazakhstan abstained in the vote. The U.S. voted in favor."}]
    table = write_csv(tmp_path / "t.csv", records)
    refused = scan_corpus(table)
    assert len(refused) == 1 and refused[0].status == "skipped" and "no text column" in refused[0].reason
    assert "TEXT_COLUMN" in refused[0].reason
    manifest = run_corpus(table, tmp_path / "build", executor="sequential", progress=False, text_column="story")
    assert manifest["status"].tolist() == ["processed"]
    art = articles(tmp_path / "build").iloc[0]
    assert art["title"] == "Vote" and art.name == "t-row1"  # no id column: the table's stem and row
    with pytest.raises(UnreadableDocument, match="text column 'missing' not in the table"):
        rows.text_column(["headline", "story"], "missing")


def test_a_folder_mixes_files_and_tables_and_duplicates_are_found_across_them(tmp_path):
    folder = tmp_path / "c"
    folder.mkdir()
    write_csv(folder / "rows.csv", RECORDS[:2])
    (folder / "same.txt").write_text(RECORDS[0]["body"], encoding="utf-8")  # the text of row 1 again
    (folder / "other.md").write_text("# Other\n\nThe ministers met in Astana on Monday.\n", encoding="utf-8")
    manifest = run_corpus(folder, tmp_path / "build", executor="local", workers=2, progress=False)
    by_path = manifest.set_index("path")
    assert sorted(manifest["path"]) == ["other.md", "rows.csv#row=1", "rows.csv#row=2", "same.txt"]
    assert by_path.loc["same.txt", "reason"] == "duplicate of rows.csv#row=1"
    assert (by_path.drop("same.txt")["status"] == "processed").all()


def test_a_row_without_a_title_column_keeps_a_one_paragraph_text_as_body(tmp_path):
    table = write_csv(tmp_path / "t.csv", [{"text": "Kazakhstan abstained in the vote. The U.S. voted in favor."}])
    run_corpus(table, tmp_path / "build", executor="sequential", progress=False)
    art = articles(tmp_path / "build").iloc[0]
    assert art["title"] == "" and art["text"].startswith("Kazakhstan abstained")


def test_a_damaged_table_is_one_skipped_entry(tmp_path):
    bad = tmp_path / "bad.parquet"
    bad.write_bytes(b"PAR1 not really parquet")
    entries = scan_corpus(bad)
    assert [(e.path, e.status) for e in entries] == [("bad.parquet", "skipped")]
    assert "not a readable Parquet file" in entries[0].reason


@pytest.mark.pipeline
def test_notebooks_run_on_a_table_file_with_a_named_text_column(tmp_path):
    from tests.test_hostile import run_notebooks

    records = [{"headline": r["title"], "story": r["body"], "published": r["date"], "outlet": r["outlet"]}
               for r in RECORDS]
    table = write_csv(tmp_path / "articles.csv", records, ["Broken,row"])
    build = tmp_path / "build"
    proc = run_notebooks(table, build, tmp_path, text_column="story")
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    processed = build / "data" / "processed"
    manifest = pd.read_csv(processed / "manifest.csv", dtype=str, keep_default_na=False)
    assert manifest["path"].tolist() == [f"articles.csv#row={i}" for i in (1, 2, 3, 4)]
    assert manifest["status"].tolist() == ["processed", "processed", "skipped", "skipped"]
    arts = pd.read_csv(processed / "articles.csv", dtype=str, keep_default_na=False)
    assert arts["date"].tolist() == ["2023-03-02", "2023-03-03"]
    assert set(arts["date_source"]) == {"column"}
    assert (build / "reports" / "brief.html").exists()


def test_csv_text_with_doubled_quotes_and_line_breaks_stays_one_row_each(tmp_path):
    """A scraper's CSV quotes its text field and doubles the quotation marks inside it (RFC 4180);
    the header line alone must not decide the quoting of the rows below it."""
    path = tmp_path / "export.csv"
    frame = pd.DataFrame({"id": ["a", "b"], "title": ["One", "Two"],
                          "text": ['He said "no".\n\nThen "yes," she said.', 'Plain text.\n\nTwo paragraphs.']})
    frame.to_csv(path, index=False)
    header, found = rows.read_rows(str(path))
    found = list(found)
    assert header == ["id", "title", "text"]
    assert [r.error for r in found] == ["", ""]
    assert found[0].fields["text"] == 'He said "no".\n\nThen "yes," she said.'
