"""The notebooks run end to end with papermill on a small corpus into a temporary BUILD."""
import subprocess

import pandas as pd
import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.pipeline


@pytest.fixture(scope="module")
def run(pipeline_run):
    corpus, build, proc, repo_untouched = pipeline_run
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    assert repo_untouched, "the run wrote into the repository's own data/ or reports/"
    return corpus, build


def read(build, table):
    return pd.read_csv(build / "data" / "processed" / f"{table}.csv", dtype=str, keep_default_na=False)


def test_manifest_accounts_for_every_file(run):
    corpus, build = run
    manifest = read(build, "manifest")
    files = sorted(p.relative_to(corpus).as_posix() for p in corpus.rglob("*") if p.is_file())
    assert sorted(manifest.path) == files
    assert set(manifest.status) == {"processed", "skipped"}
    assert (manifest[manifest.status == "skipped"].reason != "").all()


def test_tables_hold_together(run):
    _, build = run
    articles = read(build, "articles").set_index("doc_id")
    sentences = read(build, "sentences")
    for r in sentences.itertuples():
        assert articles.loc[r.doc_id, "text"][int(r.start):int(r.end)] == r.text
    processed = set(read(build, "manifest").query("status == 'processed'").doc_id)
    assert set(articles.index) == processed
    for table in ("mentions", "quotes", "facts", "events", "sentiment", "stance", "actors", "unknown_names",
                  "article_sentiment", "actor_sentiment", "stance_matrix", "hedging"):
        assert (build / "data" / "processed" / f"{table}.csv").exists(), table
    mentions = read(build, "mentions")
    assert {"KAZ", "BLINKEN", "RUS"} <= set(mentions.actor_id)
    assert set(mentions.doc_id) <= processed
    sentiment = read(build, "sentiment")
    assert len(sentiment) == len(sentences)


def test_every_notebook_is_executed_and_rendered(run):
    _, build = run
    sources = sorted(p.stem for p in (ROOT / "notebooks").glob("*.ipynb"))
    for stem in sources:
        assert (build / "reports" / "notebooks" / f"{stem}.ipynb").exists(), stem
        assert (build / "reports" / f"{stem}.html").exists(), stem
    assert not list((build / "reports" / "notebooks").glob("*.failed.ipynb"))


def test_a_second_make_has_nothing_to_do(run):
    corpus, build = run
    outputs = sorted((build / "reports").rglob("*.ipynb")) + sorted((build / "reports").glob("*.html"))
    before = {p: p.stat().st_mtime_ns for p in outputs}
    again = subprocess.run(["make", "-C", str(ROOT), f"CORPUS={corpus}", f"BUILD={build}"],
                           capture_output=True, text=True, timeout=600)
    assert again.returncode == 0, again.stderr[-2000:]
    assert "papermill" not in again.stdout + again.stderr
    assert {p: p.stat().st_mtime_ns for p in outputs} == before
