"""The dask executor gives exactly the tables and manifest of the sequential run."""
from __future__ import annotations

import pandas as pd
import pytest


from helpers.pipeline.corpus import run_corpus
from helpers.pipeline.distributed import partitions
from helpers.model.schema import DOC_TABLES
from helpers.model.tables import Layout, read_parts

from .conftest import make_fixture_corpus

pytestmark = pytest.mark.dask

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None,
    ) as cluster:
        yield cluster


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = make_fixture_corpus(tmp_path_factory.mktemp("dask") / "corpus")
    for i in range(8):  # enough documents for several partitions of 3
        (folder / f"extra_{i:02d}.txt").write_text(
            f"Story {i}\n\nKazakhstan abstained in vote number {i}. The U.S. voted in favor.\n\n"
            f"Advertisement\n\nOfficials in Astana said talks would continue in round {i}.\n",
            encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def sequential(corpus, tmp_path_factory):
    build = tmp_path_factory.mktemp("seq")
    manifest = run_corpus(corpus, build, executor="sequential", progress=False, docs_per_part=3)
    return manifest, build


def assert_same_run(expected, build, manifest):
    exp_manifest, exp_build = expected
    pd.testing.assert_frame_equal(exp_manifest, manifest)
    exp_parts, parts = Layout(exp_build).parts, Layout(build).parts
    for table in DOC_TABLES:
        pd.testing.assert_frame_equal(read_parts(exp_parts, table), read_parts(parts, table), obj=table)
        # the same documents in the same parts, not only the same concatenation
        assert sorted(p.name for p in (exp_parts / table).glob("part-*.parquet")) == \
            sorted(p.name for p in (parts / table).glob("part-*.parquet")), table
    assert not parts.with_name(parts.name + ".tmp").exists()


def test_partitions_are_consecutive_slices():
    assert partitions(list(range(7)), 3) == [[0, 1, 2], [3, 4, 5], [6]]
    assert partitions([], 3) == []
    with pytest.raises(ValueError):
        partitions([1], 0)


def test_dask_on_a_cluster_equals_sequential(cluster, corpus, sequential, tmp_path):
    build = tmp_path / "dask"
    manifest = run_corpus(corpus, build, executor="dask", dask_address=cluster.scheduler_address,
                          progress=False, docs_per_part=3)
    assert (manifest["status"] == "processed").sum() >= 14
    assert len(list((Layout(build).parts / "articles").glob("part-*.parquet"))) >= 5
    assert_same_run(sequential, build, manifest)


def test_dask_rerun_into_the_same_build_rewrites_every_part(cluster, corpus, sequential, tmp_path):
    build = tmp_path / "dask"
    for _ in range(2):  # a second run on the same long-lived cluster must not reuse cached results
        manifest = run_corpus(corpus, build, executor="dask", dask_address=cluster.scheduler_address,
                              progress=False, docs_per_part=3)
    assert_same_run(sequential, build, manifest)


def test_dask_without_address_starts_its_own_cluster(corpus, sequential, tmp_path):
    build = tmp_path / "own"
    manifest = run_corpus(corpus, build, executor="dask", progress=False, docs_per_part=3)
    assert_same_run(sequential, build, manifest)


def test_dask_on_an_empty_corpus_writes_empty_tables(cluster, tmp_path):
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "empty.txt").write_bytes(b"")
    manifest = run_corpus(tmp_path / "corpus", tmp_path / "build", executor="dask",
                          dask_address=cluster.scheduler_address, progress=False, docs_per_part=3)
    assert list(manifest["status"]) == ["skipped"]
    for table in DOC_TABLES:
        assert read_parts(Layout(tmp_path / "build").parts, table).empty
