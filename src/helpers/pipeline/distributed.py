"""Run the per-document function on a Dask cluster: one task per partition of documents.

``run_dask`` is what ``corpus.run_corpus(executor="dask")`` calls. The item list is
cut into consecutive partitions of ``docs_per_part`` documents; partition ``i`` runs
``document.analyse_file`` on each of its files on a worker and writes its own Parquet
parts with ``tables.write_part(staging_dir, i, rows)``. Part ``i`` therefore holds
exactly the documents part ``i`` of a sequential run holds, and the concatenated tables
equal a local run's (whose pool cuts the runs of documents by ``corpus.chunk_sizes``). Only ``(status, reason)`` pairs travel back to the client:
rows never leave the worker that made them, so neither the client nor the scheduler
holds article text.

Why ``client.map`` over partitions rather than ``dask.bag``
    The unit of work is "analyse these N files and write part i", which is a plain
    function of ``(index, items)``. ``client.map`` says that directly: the partition
    index is an argument (a bag's ``map_partitions`` does not expose it), the tasks
    are independent (no graph to optimise), the results come back as futures we can
    collect as they finish (for progress) and put back in input order, and
    ``pure=False`` guarantees each run recomputes and rewrites its parts instead of
    reusing a cached result from an earlier run on a long-lived cluster. A bag would
    add a graph layer and a ``compute`` that gathers partition outputs at the end,
    with nothing gained.

Running on a remote cluster (``dask_address="tcp://host:8786"``)
    * Every worker must be able to ``import helpers`` with the same code and the
      same dependencies as the client: install the project (``pip install -e .`` plus
      ``requirements.txt``, and ``python -m helpers.pipeline.provision`` for the nltk data) in
      the workers' Python environment, e.g. start the workers from this project's
      ``.venv``. Functions are sent by reference (module + name), not by value.
    * The corpus files and the build folder must be visible to every worker at the
      same absolute paths (a shared filesystem such as NFS): workers read the files
      named in the manifest and write Parquet parts straight into
      ``BUILD/data/interim/tables.tmp``; the client then publishes that folder.
    * Tasks are retried on another worker if a worker dies; rewriting a part is
      idempotent (written to a temporary name, then renamed).
"""
from __future__ import annotations

import logging
from pathlib import Path

log = logging.getLogger(__name__)

#: How often a partition is retried if the worker running it dies.
RETRIES = 2


def partitions(items: list, size: int) -> list[list]:
    """Consecutive slices of ``size`` items (the last may be shorter)."""
    if size < 1:
        raise ValueError(f"docs_per_part must be at least 1, got {size}")
    return [items[i:i + size] for i in range(0, len(items), size)]


def process_partition(index: int, items: list[tuple[str, str]], staging_dir: str,
                      select=None) -> list[tuple[str, str]]:
    """Analyse one partition's files on a worker, write part ``index``; return the statuses.

    ``select``: a ``document.Selection`` (date range, outlets), or None for every document."""
    from helpers.pipeline.document import analyse_file
    from helpers.model.schema import empty_rows
    from helpers.model.tables import write_part

    buffer = empty_rows()
    statuses: list[tuple[str, str]] = []
    for path, doc_id in items:
        result = analyse_file(path, doc_id, select=select)
        statuses.append((result.status, result.reason))
        for table, rows in result.rows.items():
            buffer[table].extend(rows)
    write_part(Path(staging_dir), index, buffer)
    return statuses


def local_cluster():
    """The cluster started when no address is given: two single-threaded worker processes."""
    import warnings

    from distributed import LocalCluster

    with warnings.catch_warnings():
        # Without a dashboard the scheduler still serves health/metrics routes on
        # 127.0.0.1, trying port 8787 first; another cluster there is not a problem.
        warnings.filterwarnings("ignore", message="Port .* is already in use", category=UserWarning)
        return LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
        )


def run_dask(
    items: list[tuple[str, str]],
    staging_dir: Path,
    dask_address: str | None,
    docs_per_part: int,
    select=None,
) -> list[tuple[str, str]]:
    """Map ``analyse_file`` over ``items`` on a Dask cluster; statuses in input order.

    With ``dask_address`` connect to that scheduler (the cluster is left running);
    without one start a local cluster (see ``local_cluster``) and close it afterwards.
    """
    chunks = partitions(items, docs_per_part)
    if not chunks:
        return []
    from distributed import Client, as_completed

    cluster = None if dask_address else local_cluster()
    try:
        with Client(dask_address or cluster, set_as_default=False) as client:
            log.info("dask: %d documents in %d partitions on %s", len(items), len(chunks),
                     client.scheduler.address)
            futures = client.map(
                process_partition,
                range(len(chunks)),
                chunks,
                staging_dir=str(staging_dir),
                select=select,
                pure=False,
                retries=RETRIES,
                key="analyse-partition",  # a prefix: with pure=False each key gets a fresh uuid
            )
            index_of = {f.key: i for i, f in enumerate(futures)}
            results: list[list[tuple[str, str]] | None] = [None] * len(chunks)
            step = max(1, len(chunks) // 10)
            for done, future in enumerate(as_completed(futures, loop=client.loop), start=1):
                results[index_of[future.key]] = future.result()
                future.release()
                if done % step == 0 or done == len(chunks):
                    log.info("dask: %d/%d partitions done", done, len(chunks))
    finally:
        if cluster is not None:
            cluster.close()
    return [status for chunk in results for status in chunk]
