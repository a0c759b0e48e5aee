#!/usr/bin/env python
"""Measure the pipeline's speed and memory; write reports/bench.json and print a table.

    .venv/bin/python scripts/bench.py [--sizes 1000,10000,100000] [--out reports/bench.json]
    .venv/bin/python scripts/bench.py --quick        # smoke run: 200 documents, fewer repetitions

Every figure is measured in the same run, on this machine:

a. ``sentence_cost``: the whole per-document analysis (``document.analyse_file``) in
   one process over a fixed sample of White House statements (evenly spaced over the two
   years, ``spread``), in microseconds per body
   sentence, against nltk VADER's ``polarity_scores`` alone over exactly the sentences
   those documents produced. Repetitions alternate the two; medians are reported.
b. ``make``: ``make -C <repo> BUILD=<fresh tmp>`` on the seeds with the venv present
   (wall time), against the bare cost of the notebooks' kernels: N x (start the
   "briefing" kernel with jupyter_client, run ``import pandas, matplotlib.pyplot``,
   shut it down), N = the notebooks in the Makefile's ``NOTEBOOKS :=``, with the
   environment the Makefile exports. Then a no-op ``make`` into the same BUILD.
c. ``corpus``: corpora of each size built from the 3,461 statements in
   ``data/benchmarks/wh-statements-2022-2023.tar.gz`` (copies get fresh doc_ids,
   ``repNNN_<stem>.md``, and a ``bench_copy`` front-matter key so they are not
   duplicates), each run in a fresh child process: ``run_corpus(executor="local")``
   then ``stream_tables`` for every analysed table (side by side), as notebook 01 does.
d. ``char_cost``: ``analyse_file`` on one long document of 1 KB, 100 KB and 1 MB of prose
   made of the statements' body text, with sentence punctuation and with every ``. ! ?``
   removed (one endless "sentence"), in microseconds per character, with the time of each
   stage (parsing: reading, paragraphs, boilerplate, sentence splitting; then each analyser).
   Measured with ``--chars`` (``make bench`` passes it). Each case runs in a worker process
   with a time limit (``--char-limit``; by default the pipeline's own per-document budget,
   ``corpus.time_budget``); a case that overruns is recorded as timed out, not waited for. Cost that grows
   faster than the size (us/char rising with size) names the stage at fault.

Memory of a corpus run is the process tree's: the child runs ``run_corpus``, whose
process pool forks worker processes. ``peak_rss_mb`` is the largest sum of RSS over
the child and all its descendants, sampled every 0.25 s with psutil (conservative:
pages shared copy-on-write with forked workers count once per process);
``peak_pss_mb`` is the same sum of PSS (shared pages split between the processes
sharing them: the fairest total). ``max_process_rss_mb`` is the exact peak of the
largest single process: the child's own high-water mark (VmHWM; its ru_maxrss
would include the bench parent's, which Linux carries across exec) and
``getrusage(RUSAGE_CHILDREN).ru_maxrss`` there (its reaped pool workers), i.e.
max(parent, largest worker).
CPU use is (user + sys) seconds of the child and its workers / wall / cores.

Where the time goes (asked for with ``--stages N`` and ``--notebooks N``):

d. ``stages``: ``analyse_file`` over N statements with each stage timed, in microseconds per
   body sentence and as a share of the total: reading, paragraphs, boilerplate, sentences
   (Punkt), then each analyser (actors, quotes, facts, events, sentiment, stance), then
   "rows" (the table rows analyse_file builds). ``--profile`` adds a cProfile of the same
   pass: the functions with the most own time.
e. ``notebooks``: every notebook run once on N statements by ``helpers.pipeline.runner``, as
   make runs them; seconds per notebook from the runner's "NAME ran in X s" lines.
"""
from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import platform
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARBALL = ROOT / "data" / "benchmarks" / "wh-statements-2022-2023.tar.gz"
DEFAULT_SIZES = (1000, 10000, 100000)

GOAL_SENTENCE_RATIO = 1.5  # analyse_file per sentence <= 1.5 x VADER alone
GOAL_MAKE_FACTOR, GOAL_MAKE_SLACK_S = 1.3, 3.0  # make <= 1.3 x kernels + 3 s
GOAL_NOOP_S = 1.0
GOAL_PEAK_MB_AT_100K = 2048
GOAL_LINEAR_TOLERANCE = 0.15  # docs/s at the largest size within 15% of the next largest


def say(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


# ---------------------------------------------------------------- the source documents


def extract_sources(tarball: Path, dest: Path) -> list[Path]:
    """The statements as flat files ``dest/<stem>.md``, in a fixed shuffled order.

    Only regular ``.md`` members are written, under their base name (no paths from
    the archive are used). The shuffle (seed 0) makes any prefix a mix of dates.
    """
    dest.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    with tarfile.open(tarball, "r:gz") as tar:
        for member in tar:
            if not member.isfile() or not member.name.endswith(".md"):
                continue
            target = dest / Path(member.name).name
            if target.exists():  # same base name in two folders: keep both
                target = dest / f"{target.stem}_{len(paths)}.md"
            with tar.extractfile(member) as src:
                target.write_bytes(src.read())
            paths.append(target)
    paths.sort()
    random.Random(0).shuffle(paths)
    return paths


def copy_bytes(data: bytes, copy: int) -> bytes:
    """The document with a ``bench_copy`` key in its front matter, so each copy hashes differently."""
    marker = b"bench_copy: %d\n" % copy
    if data.startswith(b"---\n"):
        return b"---\n" + marker + data[4:]
    return b"---\n" + marker + b"---\n" + data


def build_corpus(sources: list[Path], dest: Path, size: int) -> Path:
    """``size`` files ``repNNN_<stem>.md``: the sources in order, repeated as needed."""
    dest.mkdir(parents=True, exist_ok=True)
    for i in range(size):
        src = sources[i % len(sources)]
        rep = i // len(sources)
        (dest / f"rep{rep:03d}_{src.stem}.md").write_bytes(copy_bytes(src.read_bytes(), rep))
    return dest


# ---------------------------------------------------------------- a. cost per sentence


def spread(sources: list[Path], n: int) -> list[Path]:
    """``n`` documents evenly spaced over ``sources`` (sorted by name, so by date for the statements):
    the first ``n`` would be the first weeks of 2022, whose releases cost less per sentence than the
    two years' average, so a sample of them understated the cost per sentence."""
    if n >= len(sources):
        return list(sources)
    return [sources[(i * len(sources)) // n] for i in range(n)]


def bench_sentence_cost(sources: list[Path], sample: int = 300, reps: int = 5) -> dict:
    """analyse_file vs VADER alone, microseconds per body sentence (medians of ``reps``)."""
    from nltk.sentiment.vader import SentimentIntensityAnalyzer

    from helpers.pipeline.document import analyse_file

    docs = [(str(p), f"s{i:04d}_{p.stem}") for i, p in enumerate(spread(sources, sample))]
    # Warm-up pass: loads dictionaries and Punkt parameters, fills the page cache,
    # and collects the sentences the documents produce.
    sentences: list[str] = []
    processed = 0
    for path, doc_id in docs:
        result = analyse_file(path, doc_id)
        processed += result.status == "processed"
        sentences.extend(row["text"] for row in result.rows["sentences"])
    if not sentences:
        raise RuntimeError("the sample produced no sentences")
    analyser = SentimentIntensityAnalyzer()
    for text in sentences[:200]:
        analyser.polarity_scores(text)

    analyse_s: list[float] = []
    vader_s: list[float] = []
    from helpers.analyse.sentiment import forget_sentences

    for _ in range(reps):
        forget_sentences()  # each pass reads the documents afresh: no sentence is remembered from the last
        t0 = time.perf_counter()
        for path, doc_id in docs:
            analyse_file(path, doc_id)
        analyse_s.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        for text in sentences:
            analyser.polarity_scores(text)
        vader_s.append(time.perf_counter() - t0)

    n = len(sentences)
    analyse_us = statistics.median(analyse_s) / n * 1e6
    vader_us = statistics.median(vader_s) / n * 1e6
    ratio = analyse_us / vader_us
    return {
        "docs": len(docs),
        "docs_processed": processed,
        "sentences": n,
        "reps": reps,
        "analyse_us_per_sentence": analyse_us,
        "vader_us_per_sentence": vader_us,
        "ratio": ratio,
        "goal_ratio": GOAL_SENTENCE_RATIO,
        "meets_goal": ratio <= GOAL_SENTENCE_RATIO,
        "analyse_s": analyse_s,
        "vader_s": vader_s,
    }


# ---------------------------------------------------------------- d. cost per character

CHAR_SIZES = (1_000, 100_000, 1_000_000)
_FRONT = re.compile(r"\A---\n.*?\n---\n", re.S)


#: d.'s kinds of text: as written; without . ! ?; without them and without line breaks (one paragraph).
CHAR_KINDS = ("punctuated", "no_punctuation", "no_punctuation_one_paragraph")


def prose(sources: list[Path], size: int, punctuation: bool = True, one_paragraph: bool = False) -> str:
    """``size`` characters of body text from the statements (front matter dropped), a title
    line first; without ``punctuation`` every ``. ! ?`` is removed; ``one_paragraph`` joins
    every line into one."""
    parts: list[str] = []
    total = 0
    for path in sources:
        body = _FRONT.sub("", path.read_text(encoding="utf-8", errors="replace")).strip()
        if not punctuation:
            body = re.sub(r"[.!?]", "", body)
        parts.append(body)
        total += len(body) + 2
        if total >= size:
            break
    text = "\n\n".join(parts)
    while len(text) < size:  # a small tarball: repeat
        text += "\n\n" + text
    text = text[:size]
    if one_paragraph:
        text = re.sub(r"\s+", " ", text)
    return "Benchmark text\n\n" + text


def stage_times(item: tuple[str, str]) -> dict:
    """Seconds of each stage of ``analyse_file`` on one file (parse, then each analyser)."""
    from helpers.ingest.parse import parse_document
    from helpers.model.schema import empty_rows
    from helpers.pipeline.document import default_analysers

    path, doc_id = item
    times: dict[str, float] = {}
    t0 = time.perf_counter()
    doc, _, _ = parse_document(path, doc_id)
    times["parse"] = time.perf_counter() - t0
    rows = empty_rows()
    for analyser in default_analysers():
        t = time.perf_counter()
        analyser(doc, rows)
        times[analyser.__module__.rsplit(".", 1)[-1]] = time.perf_counter() - t
    times["total"] = time.perf_counter() - t0
    times["sentences"] = len(doc.sentences)
    return times


def bench_char_cost(sources: list[Path], workdir: Path, sizes=CHAR_SIZES, limit_s: float | None = None) -> dict:
    """analyse_file cost per character at each size, with and without sentence punctuation."""
    from helpers.pipeline.corpus import WatchdogPool, time_budget
    from helpers.pipeline.document import default_analysers

    default_analysers()  # load the dictionaries once, before the workers fork
    stage_times((str(sources[0]), "warm"))
    folder = workdir / "char_cost"
    folder.mkdir(parents=True, exist_ok=True)
    cases = []
    for kind in CHAR_KINDS:
        for size in sizes:
            path = folder / f"{kind}_{size}.txt"
            path.write_text(prose(sources, size, kind == "punctuated", kind.endswith("one_paragraph")),
                            encoding="utf-8")
            cases.append({"size": size, "kind": kind, "path": str(path)})
    items = [(c["path"], f"char{i}") for i, c in enumerate(cases)]
    limits = [limit_s or time_budget(c["size"]) for c in cases]
    results = WatchdogPool(1, stage_times).imap(items, limits)
    for case, result in zip(cases, results):
        del case["path"]
        if isinstance(result, dict):
            case.update({k: v for k, v in result.items() if k not in ("total", "sentences")})
            case["total_s"] = result["total"]
            case["sentences"] = result["sentences"]
            case["us_per_char"] = result["total"] / case["size"] * 1e6
        else:  # a Result: timed out or the worker died
            case["error"] = result.reason
        say(f"  {case['size']:>9} chars, {case['kind']}: "
            + (f"{case['total_s']:.2f} s ({case['us_per_char']:.1f} us/char)" if "total_s" in case
               else case["error"]))
    for case, limit in zip(cases, limits):
        case["limit_s"] = limit
    return {"cases": cases}


# ---------------------------------------------------------------- b. make vs kernels


def _makefile_lines(makefile: Path) -> list[str]:
    """Logical lines: backslash continuations joined, comments dropped."""
    lines, current = [], ""
    for raw in makefile.read_text(encoding="utf-8").splitlines():
        if raw.endswith("\\"):
            current += raw[:-1] + " "
            continue
        lines.append(current + raw)
        current = ""
    if current:
        lines.append(current)
    return [line.split("#", 1)[0].rstrip() if not line.startswith("\t") else line for line in lines]


def makefile_notebooks(makefile: Path) -> list[str]:
    """The notebooks the Makefile runs (``NOTEBOOKS := a b c``)."""
    for line in _makefile_lines(makefile):
        match = re.match(r"^NOTEBOOKS\s*:?=\s*(.*)$", line)
        if match:
            return match.group(1).split()
    raise ValueError(f"no NOTEBOOKS := line in {makefile}")


def makefile_env(makefile: Path) -> tuple[dict[str, str], list[str]]:
    """The variables the Makefile exports (``export X := ...``, ``$(CURDIR)`` resolved) and unexports."""
    curdir = str(makefile.resolve().parent)
    exported: dict[str, str] = {}
    unexported: list[str] = []
    for line in _makefile_lines(makefile):
        match = re.match(r"^export\s+([A-Za-z_][A-Za-z0-9_]*)\s*:?=\s*(.*)$", line)
        if match:
            exported[match.group(1)] = match.group(2).strip().replace("$(CURDIR)", curdir)
            continue
        match = re.match(r"^unexport\s+(.*)$", line)
        if match:
            unexported.extend(match.group(1).split())
    return exported, unexported


@contextlib.contextmanager
def environment(set_vars: dict[str, str], unset: list[str]):
    """Temporarily apply variables to os.environ (kernels inherit it)."""
    saved = dict(os.environ)
    try:
        os.environ.update(set_vars)
        for name in unset:
            os.environ.pop(name, None)
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)


def kernel_startup(n: int, kernel: str = "briefing") -> float:
    """Seconds for n x (start the kernel, import pandas and matplotlib.pyplot, shut down)."""
    from jupyter_client.manager import KernelManager

    t0 = time.perf_counter()
    for _ in range(n):
        km = KernelManager(kernel_name=kernel)
        # stderr: the kernel's "running over TCP without encryption" notice (make filters it too)
        km.start_kernel(stderr=subprocess.DEVNULL)
        kc = km.client()
        try:
            kc.start_channels()
            kc.wait_for_ready(timeout=120)
            reply = kc.execute_interactive("import pandas, matplotlib.pyplot", timeout=120,
                                           output_hook=lambda msg: None)
            if reply["content"]["status"] != "ok":
                raise RuntimeError(f"kernel {kernel}: import failed: {reply['content']}")
        finally:
            kc.stop_channels()
            km.shutdown_kernel()
    return time.perf_counter() - t0


#: Variables the caller's make (``make bench ...``) or shell may pass down that would
#: change what the timed ``make`` does; the timed runs use the Makefile's defaults.
_MAKE_INHERITED = ("MAKEFLAGS", "MFLAGS", "MAKELEVEL", "MAKEOVERRIDES", "GNUMAKEFLAGS",
                   "CORPUS", "BUILD", "EXECUTOR", "WORKERS", "DASK_ADDRESS")


def make_env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k not in _MAKE_INHERITED}


def time_make(repo: Path, build: Path) -> float:
    t0 = time.perf_counter()
    proc = subprocess.run(["make", "-C", str(repo), f"BUILD={build}"], env=make_env(),
                          capture_output=True, text=True)
    elapsed = time.perf_counter() - t0
    if proc.returncode != 0:
        raise RuntimeError(f"make BUILD={build} failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}")
    return elapsed


def ensure_venv(repo: Path) -> None:
    """The make timing assumes a provisioned venv: bring it up to date first, untimed."""
    env = make_env()
    if subprocess.run(["make", "-C", str(repo), "-q", "venv"], env=env, capture_output=True).returncode != 0:
        say("venv is not up to date: running `make venv` first (not timed)")
        subprocess.run(["make", "-C", str(repo), "venv"], env=env, check=True)


def outputs_state(build: Path) -> dict[str, int]:
    """Modification times of every file make wrote under BUILD/reports."""
    return {str(p): p.stat().st_mtime_ns for p in sorted((build / "reports").rglob("*")) if p.is_file()}


def bench_make(repo: Path, workdir: Path, reps: int = 3) -> dict:
    """make from scratch into a fresh BUILD vs N kernel start-ups; then a no-op make."""
    makefile = repo / "Makefile"
    notebooks = makefile_notebooks(makefile)
    exported, unexported = makefile_env(makefile)
    ensure_venv(repo)
    make_s, kernel_s, noop_s = [], [], []
    rebuilt_s: list[float] = []  # "no-op" runs that rebuilt something (sources edited meanwhile)
    build = None
    for rep in range(reps):
        with environment(exported, unexported):
            kernel_s.append(kernel_startup(len(notebooks)))
        if build is not None:
            shutil.rmtree(build, ignore_errors=True)
        build = workdir / f"make-build-{rep}"
        make_s.append(time_make(repo, build))
        missing = [nb for nb in notebooks if not (build / "reports" / f"{nb}.html").exists()]
        if missing:
            raise RuntimeError(f"make BUILD={build} rendered no HTML for {missing}")
        say(f"  make rep {rep + 1}/{reps}: make {make_s[-1]:.2f} s, kernels {kernel_s[-1]:.2f} s")
    # A no-op run must rebuild nothing: a run that rewrote an output (because a source
    # changed in between, e.g. someone editing the helpers) is recorded apart and retried.
    attempts = 0
    while len(noop_s) < reps and attempts < 3 * reps:
        attempts += 1
        before = outputs_state(build)
        elapsed = time_make(repo, build)
        (noop_s if outputs_state(build) == before else rebuilt_s).append(elapsed)
    shutil.rmtree(build, ignore_errors=True)
    if not noop_s:
        raise RuntimeError("every no-op make rebuilt something: are sources changing during the run?")
    make_med, kernel_med, noop_med = (statistics.median(x) for x in (make_s, kernel_s, noop_s))
    goal = GOAL_MAKE_FACTOR * kernel_med + GOAL_MAKE_SLACK_S
    return {
        "notebooks": notebooks,
        "n_notebooks": len(notebooks),
        "reps": reps,
        "make_s": make_med,
        "kernel_baseline_s": kernel_med,
        "make_over_kernels": make_med / kernel_med,
        "make_goal_s": goal,
        "make_meets_goal": make_med <= goal,
        "noop_s": noop_med,
        "noop_goal_s": GOAL_NOOP_S,
        "noop_meets_goal": noop_med < GOAL_NOOP_S,
        "make_samples_s": make_s,
        "kernel_samples_s": kernel_s,
        "noop_samples_s": noop_s,
        "noop_rebuilt_samples_s": rebuilt_s,
        "env_from_makefile": sorted(exported) + [f"-{name}" for name in unexported],
    }


# ---------------------------------------------------------------- c. corpus runs


def own_peak_rss_kb(usage) -> float:
    """This process's peak RSS in kB: VmHWM, else ru_maxrss.

    ru_maxrss of RUSAGE_SELF is not usable in a process started by subprocess: Linux
    carries the parent's high-water mark across fork/vfork + exec, so the child would
    report at least the bench parent's peak. VmHWM is the current address space's own.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return float(line.split()[1])
    except OSError:  # pragma: no cover - not Linux
        pass
    return float(usage.ru_maxrss)


def child_main(corpus: str, build: str, out: str, progress: bool) -> int:
    """In a fresh process: run_corpus + stream the tables notebook 01 publishes; write figures to ``out``."""
    from helpers.pipeline.corpus import run_corpus
    from helpers.model.tables import ANALYSED_TABLES, Layout, stream_tables

    self0 = resource.getrusage(resource.RUSAGE_SELF)
    kids0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    manifest = run_corpus(corpus, build, executor="local", progress=progress)
    t1 = time.perf_counter()
    layout = Layout(build)
    rows = stream_tables(layout, ANALYSED_TABLES)
    t2 = time.perf_counter()
    self1 = resource.getrusage(resource.RUSAGE_SELF)
    kids1 = resource.getrusage(resource.RUSAGE_CHILDREN)  # the pool's workers, joined by now

    def cpu(a, b):
        return (b.ru_utime - a.ru_utime) + (b.ru_stime - a.ru_stime)

    counts = manifest["status"].value_counts()
    figures = {
        "files": int(len(manifest)),
        "processed": int(counts.get("processed", 0)),
        "skipped": int(counts.get("skipped", 0)),
        "run_corpus_s": t1 - t0,
        "stream_s": t2 - t1,
        "wall_s": t2 - t0,
        "cpu_self_s": cpu(self0, self1),
        "cpu_workers_s": cpu(kids0, kids1),
        "maxrss_self_mb": own_peak_rss_kb(self1) / 1024,
        "maxrss_workers_mb": kids1.ru_maxrss / 1024,  # the largest worker (Linux: kilobytes)
        "rows": rows,
    }
    Path(out).write_text(json.dumps(figures), encoding="utf-8")
    return 0


def machine_busy_s() -> float:
    """CPU seconds every process on the machine has used since boot (all but idle and iowait)."""
    import psutil

    times = psutil.cpu_times()
    return sum(times) - times.idle - getattr(times, "iowait", 0.0)


def run_child(corpus: Path, build: Path, workdir: Path, progress: bool = True, interval: float = 0.25) -> dict:
    """Run ``child_main`` in a fresh interpreter, sampling the process tree's memory meanwhile."""
    import psutil

    out = workdir / "child.json"
    out.unlink(missing_ok=True)
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", str(corpus), str(build), str(out)]
    if not progress:
        cmd.append("--no-progress")
    peak_rss = peak_pss = 0
    peak_procs = 0
    machine0 = machine_busy_s()
    proc = subprocess.Popen(cmd)
    try:
        root = psutil.Process(proc.pid)
        while proc.poll() is None:
            rss = pss = 0
            try:
                tree = [root] + root.children(recursive=True)
            except psutil.NoSuchProcess:
                tree = []
            for p in tree:
                try:
                    mem = p.memory_full_info()
                    rss += mem.rss
                    pss += mem.pss
                except (psutil.NoSuchProcess, psutil.AccessDenied, psutil.ZombieProcess):
                    pass
            peak_rss, peak_pss = max(peak_rss, rss), max(peak_pss, pss)
            peak_procs = max(peak_procs, len(tree))
            time.sleep(interval)
    except BaseException:
        proc.kill()
        proc.wait()
        raise
    machine = machine_busy_s() - machine0
    if proc.returncode != 0:
        raise RuntimeError(f"corpus run failed ({proc.returncode}): {' '.join(cmd)}")
    figures = json.loads(out.read_text(encoding="utf-8"))
    figures["peak_rss_mb"] = peak_rss / 2**20
    figures["peak_pss_mb"] = peak_pss / 2**20
    figures["max_processes"] = peak_procs
    figures["machine_cpu_s"] = machine  # every process on the machine, child start to exit
    figures["max_process_rss_mb"] = max(figures["maxrss_self_mb"], figures["maxrss_workers_mb"])
    return figures


def bench_corpus(sources: list[Path], size: int, workdir: Path, progress: bool = True) -> dict:
    """Build a corpus of ``size`` documents, run it in a child, clean up; the figures."""
    corpus, build = workdir / f"corpus-{size}", workdir / f"build-{size}"
    try:
        t0 = time.perf_counter()
        build_corpus(sources, corpus, size)
        corpus_bytes = sum(p.stat().st_size for p in corpus.iterdir())
        say(f"  built {size} documents ({corpus_bytes / 2**20:.0f} MiB) in {time.perf_counter() - t0:.1f} s")
        figures = run_child(corpus, build, workdir, progress=progress)
    finally:
        shutil.rmtree(corpus, ignore_errors=True)
        shutil.rmtree(build, ignore_errors=True)
    n = cores()
    cpu_s = figures["cpu_self_s"] + figures["cpu_workers_s"]
    figures.update({
        "size": size,
        "corpus_mb": corpus_bytes / 2**20,
        "docs_per_s": figures["processed"] / figures["wall_s"],
        "run_corpus_docs_per_s": figures["processed"] / figures["run_corpus_s"],
        "cpu_s": cpu_s,
        "cores": n,
        "cpu_utilisation": cpu_s / figures["wall_s"] / n,
        # CPU others used meanwhile (over the child's whole life, imports included): if
        # large, the machine was shared and the throughput is understated.
        "other_cpu_s": max(0.0, figures["machine_cpu_s"] - cpu_s),
    })
    return figures


def linearity(runs: list[dict]) -> dict:
    """docs/s at the largest size against the next largest (cost linear if within tolerance)."""
    if len(runs) < 2:
        return {"compared": None, "ratio": None, "linear": None}
    a, b = sorted(runs, key=lambda r: r["size"])[-2:]
    ratio = b["docs_per_s"] / a["docs_per_s"]
    return {
        "compared": [a["size"], b["size"]],
        "ratio": ratio,
        "tolerance": GOAL_LINEAR_TOLERANCE,
        "linear": ratio >= 1 - GOAL_LINEAR_TOLERANCE,
        "peak_rss_ratio": b["peak_rss_mb"] / a["peak_rss_mb"],
    }


# ---------------------------------------------------------------- d. where the time goes

#: The per-document analysis in order: parsing (reading; paragraphs; boilerplate; sentences,
#: i.e. Punkt and the Sentence rows), then each analyser of document.default_analysers(), then
#: "rows" (the articles/boilerplate/sentences rows analyse_file builds, and its own overhead).
PARSE_STAGES = ("reading", "paragraphs", "boilerplate", "sentences")


@contextlib.contextmanager
def stage_timers(timers: dict[str, float]):
    """Add each parse stage's time (seconds) into ``timers`` while active, by wrapping the module
    functions ingest.parse calls through their modules (restored on exit)."""
    from helpers.ingest import boilerplate, paragraphs, parse, reading

    def timed(name, fn, minus=()):
        def wrapper(*args, **kwargs):
            before = {m: timers[m] for m in minus}
            t0 = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                inner = sum(timers[m] - before[m] for m in minus)
                timers[name] += time.perf_counter() - t0 - inner
        return wrapper

    patches = [(reading, "read_source", timed("reading", reading.read_source)),
               (paragraphs, "paragraphs", timed("paragraphs", paragraphs.paragraphs)),
               (boilerplate, "remove_boilerplate", timed("boilerplate", boilerplate.remove_boilerplate)),
               (parse, "parse_source", timed("sentences", parse.parse_source, minus=("paragraphs", "boilerplate")))]
    saved = [(module, attr, getattr(module, attr)) for module, attr, _ in patches]
    try:
        for module, attr, fn in patches:
            setattr(module, attr, fn)
        yield timers
    finally:
        for module, attr, fn in saved:
            setattr(module, attr, fn)


def analyser_name(analyser) -> str:
    return getattr(analyser, "__module__", "analyser").rsplit(".", 1)[-1]


def time_stages(docs: list[tuple[str, str]]) -> tuple[dict[str, float], int]:
    """One pass of analyse_file over ``docs`` with every stage timed: (seconds per stage, sentences)."""
    from helpers.pipeline.document import analyse_file, default_analysers

    analysers = default_analysers()
    names = [analyser_name(a) for a in analysers]
    timers = dict.fromkeys([*PARSE_STAGES, *names, "rows"], 0.0)

    def timed(name, fn):
        def wrapper(doc, rows):
            t0 = time.perf_counter()
            try:
                return fn(doc, rows)
            finally:
                timers[name] += time.perf_counter() - t0
        return wrapper

    wrapped = [timed(n, a) for n, a in zip(names, analysers)]
    from helpers.analyse.sentiment import forget_sentences

    forget_sentences()  # a pass over documents read before costs what the first did
    total = 0.0
    sentences = 0
    with stage_timers(timers):
        for path, doc_id in docs:
            t0 = time.perf_counter()
            result = analyse_file(path, doc_id, analysers=wrapped)
            total += time.perf_counter() - t0
            sentences += len(result.rows["sentences"])
    timers["rows"] = max(0.0, total - sum(v for k, v in timers.items() if k != "rows"))
    return timers, sentences


def bench_stages(sources: list[Path], sample: int = 300, reps: int = 3) -> dict:
    """Microseconds per body sentence in each stage of analyse_file (medians of ``reps``) and shares."""
    docs = [(str(p), f"s{i:04d}_{p.stem}") for i, p in enumerate(spread(sources, sample))]
    time_stages(docs[:20])  # warm-up: dictionaries, Punkt parameters, page cache
    runs = []
    n = 0
    for _ in range(reps):
        timers, n = time_stages(docs)
        runs.append(timers)
    if not n:
        raise RuntimeError("the sample produced no sentences")
    medians = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
    total = sum(medians.values())
    stages = [{"stage": k, "group": "parse" if k in PARSE_STAGES else "other" if k == "rows" else "analyse",
               "s": v, "us_per_sentence": v / n * 1e6, "share": v / total if total else 0.0}
              for k, v in medians.items()]
    return {"docs": len(docs), "sentences": n, "reps": reps, "total_s": total,
            "us_per_sentence": total / n * 1e6, "stages": stages,
            "largest": [r["stage"] for r in sorted(stages, key=lambda r: -r["s"])[:2]]}


def profile_stages(sources: list[Path], sample: int = 300, top: int = 30) -> list[dict]:
    """A cProfile of analyse_file over the sample: the ``top`` functions by own time (tottime)."""
    import cProfile
    import pstats

    from helpers.pipeline.document import analyse_file

    docs = [(str(p), f"s{i:04d}_{p.stem}") for i, p in enumerate(spread(sources, sample))]
    for path, doc_id in docs[:20]:
        analyse_file(path, doc_id)
    profiler = cProfile.Profile()
    profiler.enable()
    for path, doc_id in docs:
        analyse_file(path, doc_id)
    profiler.disable()
    stats = pstats.Stats(profiler)
    rows = []
    for (file, line, func), (cc, nc, tt, ct, _) in stats.stats.items():
        where = file
        for prefix in (str(ROOT / "src") + os.sep, sys.prefix + os.sep):
            where = where.replace(prefix, "")
        rows.append({"function": f"{where}:{line}({func})", "ncalls": nc, "tottime_s": tt, "cumtime_s": ct})
    rows.sort(key=lambda r: -r["tottime_s"])
    return rows[:top]


_RAN_IN = re.compile(r"^(\S+) ran in ([0-9.]+) s\s*$")


def notebook_times(log: str) -> dict[str, float]:
    """The runner's "NAME ran in X s" lines: notebook -> seconds, in the order they ran."""
    out = {}
    for line in log.splitlines():
        match = _RAN_IN.match(line.strip())
        if match:
            out[match.group(1)] = float(match.group(2))
    return out


def bench_notebooks(sources: list[Path], size: int, workdir: Path, repo: Path = ROOT) -> dict:
    """Run every notebook once, as make does (helpers.pipeline.runner), on ``size`` statements: seconds
    per notebook from the runner's log; "other" is the rest of the wall time (kernel start-up not
    overlapped, HTML rendering)."""
    makefile = repo / "Makefile"
    notebooks = makefile_notebooks(makefile)
    exported, unexported = makefile_env(makefile)
    corpus, build = workdir / f"nb-corpus-{size}", workdir / f"nb-build-{size}"
    env = {k: v for k, v in make_env().items() if k not in unexported}
    env.update(exported)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(repo / "src"), env.get("PYTHONPATH", "")]))
    for name in ("IPYTHONDIR", "MPLCONFIGDIR", "JUPYTER_RUNTIME_DIR"):
        if name in exported:
            Path(exported[name]).mkdir(parents=True, exist_ok=True)
    cmd = [sys.executable, "-m", "helpers.pipeline.runner", *[str(repo / "notebooks" / f"{nb}.ipynb") for nb in notebooks],
           "--build", str(build), "--kernel", "briefing", "-p", "corpus_dir", str(corpus), "-p", "build_dir", str(build),
           "-p", "executor", "local", "-p", "workers", "0", "-p", "dask_address", "",
           *[arg for nb in notebooks if nb.endswith("_brief") for arg in ("--no-input-copy", nb, "brief.html")]]
    try:
        build_corpus(sources, corpus, size)
        t0 = time.perf_counter()
        proc = subprocess.run(cmd, env=env, capture_output=True, text=True, cwd=str(repo))
        wall = time.perf_counter() - t0
    finally:
        shutil.rmtree(corpus, ignore_errors=True)
        shutil.rmtree(build, ignore_errors=True)
    if proc.returncode != 0:
        raise RuntimeError(f"notebook run failed ({proc.returncode}):\n{proc.stderr[-4000:]}")
    times = notebook_times(proc.stderr)
    ran = sum(times.values())
    return {"docs": size, "wall_s": wall, "other_s": max(0.0, wall - ran),
            "notebooks": [{"notebook": k, "s": v, "share": v / wall} for k, v in times.items()]}


def format_breakdown(report: dict) -> list[str]:
    """The stage and notebook tables, for format_report."""
    lines = []
    st = report.get("stages")
    if st:
        lines += [f"d. where the time goes in analyse_file ({st['docs']} docs, {st['sentences']} sentences, "
                  f"median of {st['reps']}): {st['us_per_sentence']:.1f} us per sentence",
                  f"   {'stage':<12} {'us/sentence':>11} {'share':>6}"]
        for r in st["stages"]:
            lines.append(f"   {r['stage']:<12} {r['us_per_sentence']:>11.1f} {r['share']:>6.1%}")
        lines.append(f"   largest: {', '.join(st['largest'])}")
    prof = report.get("profile")
    if prof:
        lines.append(f"   cProfile, top {min(12, len(prof))} functions by own time:")
        for r in prof[:12]:
            lines.append(f"   {r['tottime_s']:7.2f} s own {r['cumtime_s']:7.2f} s cum {r['ncalls']:>9}  {r['function'][:90]}")
    nb = report.get("notebooks")
    if nb and "error" in nb:
        lines.append("e. notebooks FAILED (see notebooks.error in the JSON)")
    elif nb:
        lines += [f"e. notebooks on {nb['docs']} statements (runner, as make runs them): {nb['wall_s']:.1f} s wall",
                  f"   {'notebook':<14} {'s':>7} {'share':>6}"]
        for r in nb["notebooks"]:
            lines.append(f"   {r['notebook']:<14} {r['s']:>7.1f} {r['share']:>6.1%}")
        lines.append(f"   {'other':<14} {nb['other_s']:>7.1f} {nb['other_s'] / nb['wall_s']:>6.1%}"
                     "   (kernel start-up not overlapped, HTML rendering)")
    return lines


# ---------------------------------------------------------------- report


#: What the measured code is made of; edits during a run make its figures inconsistent.
FINGERPRINTED = ("src/helpers/*.py", "data/dictionaries/*", "notebooks/*.ipynb", "Makefile", "requirements.txt")


def code_fingerprint(repo: Path = ROOT) -> str:
    import hashlib

    digest = hashlib.sha256()
    for pattern in FINGERPRINTED:
        for path in sorted(repo.glob(pattern)):
            if path.is_file():
                digest.update(path.relative_to(repo).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def git_state(repo: Path) -> dict:
    def git(*args):
        try:
            return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True,
                                  timeout=30).stdout.strip()
        except (OSError, subprocess.SubprocessError):
            return ""
    return {"commit": git("rev-parse", "HEAD"), "dirty": bool(git("status", "--porcelain"))}


def meta(args) -> dict:
    try:
        mem_gb = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    except (ValueError, OSError, AttributeError):  # pragma: no cover
        mem_gb = None
    return {
        "started": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "argv": sys.argv[1:],
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cores": cores(),
        "memory_gb": mem_gb,
        "git": git_state(ROOT),
        "code_fingerprint": code_fingerprint(),
        "loadavg_start": list(os.getloadavg()),
        "sizes": args.sizes,
        "reps": args.reps,
    }


def goals(report: dict) -> dict:
    out = {}
    if report.get("sentence_cost"):
        out["sentence_ratio_le_1.5"] = report["sentence_cost"]["meets_goal"]
    if report.get("make") and "error" not in report["make"]:
        out["make_le_1.3x_kernels_plus_3s"] = report["make"]["make_meets_goal"]
        out["noop_make_lt_1s"] = report["make"]["noop_meets_goal"]
    runs = report.get("corpus", {}).get("runs", [])
    big = [r for r in runs if r["size"] >= 100_000]
    if big:
        out["peak_rss_lt_2gb_at_100k"] = all(r["peak_rss_mb"] < GOAL_PEAK_MB_AT_100K for r in big)
    lin = report.get("corpus", {}).get("linearity", {})
    if lin.get("linear") is not None:
        out["linear"] = lin["linear"]
    return out


def format_report(report: dict) -> str:
    lines = []
    cc = report.get("char_cost")
    if cc:
        lines.append("d. cost per character (analyse_file on one long document; seconds per stage)")
        for c in cc["cases"]:
            head = f"   {c['size']:>9} chars {c['kind']:<29}: "
            if "error" in c:
                lines.append(head + c["error"])
                continue
            stages = ", ".join(f"{k} {v:.2f}" for k, v in c.items()
                               if isinstance(v, float) and k not in ("total_s", "us_per_char", "limit_s"))
            lines.append(head + f"{c['total_s']:7.2f} s {c['us_per_char']:7.1f} us/char ({stages})")
    if report.get("meta", {}).get("code_changed_during_run"):
        lines.append("WARNING: helpers, dictionaries, notebooks or the Makefile changed during this run; "
                     "its figures measure different code")
    sc = report.get("sentence_cost")
    if sc:
        lines += [
            f"a. cost per body sentence ({sc['docs']} docs, {sc['sentences']} sentences, median of {sc['reps']})",
            f"   analyse_file {sc['analyse_us_per_sentence']:8.1f} us   VADER alone {sc['vader_us_per_sentence']:8.1f} us"
            f"   ratio {sc['ratio']:.2f}x (goal <= {sc['goal_ratio']}x: {'ok' if sc['meets_goal'] else 'MISSED'})",
        ]
    mk = report.get("make")
    if mk and "error" in mk:
        lines.append("b. make on the seeds FAILED (see make.error in the JSON): "
                     + mk["error"].strip().splitlines()[-1][:200])
    elif mk:
        lines += [
            f"b. make on the seeds ({mk['n_notebooks']} notebook(s), median of {mk['reps']})",
            f"   make {mk['make_s']:6.2f} s   kernels {mk['kernel_baseline_s']:6.2f} s   "
            f"goal <= {mk['make_goal_s']:.2f} s: {'ok' if mk['make_meets_goal'] else 'MISSED'}",
            f"   no-op make {mk['noop_s']:.2f} s (goal < {mk['noop_goal_s']:.0f} s: "
            f"{'ok' if mk['noop_meets_goal'] else 'MISSED'})",
        ]
    runs = report.get("corpus", {}).get("runs", [])
    if runs:
        lines += [
            "c. corpus runs (run_corpus executor=local + stream_tables, fresh child per size)",
            f"   {'docs':>8} {'processed':>9} {'wall s':>8} {'docs/s':>7} {'peak RSS MB':>11} "
            f"{'peak PSS MB':>11} {'max proc MB':>11} {'CPU use':>7} {'others CPU s':>12}",
        ]
        for r in runs:
            lines.append(
                f"   {r['size']:>8} {r['processed']:>9} {r['wall_s']:>8.1f} {r['docs_per_s']:>7.1f} "
                f"{r['peak_rss_mb']:>11.0f} {r['peak_pss_mb']:>11.0f} {r['max_process_rss_mb']:>11.0f} "
                f"{r['cpu_utilisation']:>7.0%} {r['other_cpu_s']:>12.0f}")
        lin = report["corpus"].get("linearity", {})
        if lin.get("ratio") is not None:
            a, b = lin["compared"]
            lines.append(f"   docs/s at {b} / at {a}: {lin['ratio']:.2f} "
                         f"({'linear' if lin['linear'] else 'NOT linear'} within {lin['tolerance']:.0%})")
    lines += format_breakdown(report)
    return "\n".join(lines)


def parse_args(argv: list[str] | None = None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=None,
                        help="corpus sizes, comma-separated (default %s; 200 with --quick); "
                             "empty for none" % ",".join(map(str, DEFAULT_SIZES)))
    parser.add_argument("--out", type=Path, default=ROOT / "reports" / "bench.json")
    parser.add_argument("--quick", action="store_true", help="smoke run: size 200, fewer repetitions")
    parser.add_argument("--reps", type=int, default=None, help="repetitions (default 5; 2 with --quick)")
    parser.add_argument("--make-reps", type=int, default=None, help="make repetitions (default 3; 1 with --quick)")
    parser.add_argument("--sample", type=int, default=None, help="documents for the per-sentence cost (default 300)")
    parser.add_argument("--no-make", action="store_true", help="skip the make measurement")
    parser.add_argument("--no-sentences", action="store_true", help="skip the per-sentence measurement")
    parser.add_argument("--chars", action="store_true",
                        help="also measure d., the cost per character (make bench passes it)")
    parser.add_argument("--char-sizes", default=None, help="sizes in characters for d. (default 1000,100000,1000000)")
    parser.add_argument("--char-limit", type=float, default=None,
                        help="seconds allowed per d. case (default: the pipeline's time budget for its size)")
    parser.add_argument("--no-progress", action="store_true", help="no progress bar in corpus runs")
    parser.add_argument("--tmp", type=Path, default=None, help="folder for temporary corpora (default: system temp)")
    parser.add_argument("--tarball", type=Path, default=TARBALL)
    parser.add_argument("--stages", type=int, default=0, metavar="N",
                        help="time each stage of analyse_file on N statements (0: skip)")
    parser.add_argument("--profile", action="store_true", help="with --stages: also cProfile analyse_file")
    parser.add_argument("--notebooks", type=int, default=0, metavar="N",
                        help="run every notebook once on N statements and time each (0: skip)")
    parser.add_argument("--child", nargs=3, metavar=("CORPUS", "BUILD", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.sizes is None:
        args.sizes = "200" if args.quick else ",".join(map(str, DEFAULT_SIZES))
    args.sizes = [int(s) for s in str(args.sizes).replace(" ", "").split(",") if s]
    args.reps = args.reps or (2 if args.quick else 5)
    args.make_reps = args.make_reps or (1 if args.quick else 3)
    args.sample = args.sample or (100 if args.quick else 300)
    args.char_sizes = [int(x) for x in str(args.char_sizes).split(",") if x] if args.char_sizes else \
        ([1000, 100_000] if args.quick else list(CHAR_SIZES))
    return args


def run_breakdown(args, sources: list[Path], workdir: Path, report: dict) -> None:
    """d. and e.: per-stage and per-notebook time, when asked for (--stages N, --notebooks N)."""
    if args.stages:
        say(f"d. time per stage: {args.stages} documents x {args.reps} repetitions")
        report["stages"] = bench_stages(sources, args.stages, args.reps)
        if args.profile:
            report["profile"] = profile_stages(sources, args.stages)
    if args.notebooks:
        say(f"e. notebooks on {args.notebooks} statements")
        try:
            report["notebooks"] = bench_notebooks(sources, args.notebooks, workdir)
        except RuntimeError as exc:
            say(f"notebook measurement failed: {exc}")
            report["notebooks"] = {"error": str(exc)[-4000:]}


def run(args) -> dict:
    report: dict = {"meta": meta(args)}
    workdir = Path(tempfile.mkdtemp(prefix="bench-", dir=args.tmp))
    try:
        say(f"extracting {args.tarball.name} into {workdir}")
        sources = extract_sources(args.tarball, workdir / "sources")
        report["meta"]["source_documents"] = len(sources)
        if not args.no_sentences:
            say(f"a. per-sentence cost: {args.sample} documents x {args.reps} repetitions")
            report["sentence_cost"] = bench_sentence_cost(sources, args.sample, args.reps)
        if not args.no_make:
            say(f"b. make vs kernel start-up: {args.make_reps} repetition(s)")
            try:
                report["make"] = bench_make(ROOT, workdir, args.make_reps)
            except (RuntimeError, subprocess.CalledProcessError) as exc:  # measure the rest anyway
                say(f"make measurement failed: {exc}")
                report["make"] = {"error": str(exc)[-4000:]}
        run_breakdown(args, sources, workdir, report)
        if args.chars:
            say(f"d. cost per character: sizes {args.char_sizes}, {', '.join(CHAR_KINDS)}")
            report["char_cost"] = bench_char_cost(sources, workdir, args.char_sizes, args.char_limit)
        runs = []
        for size in args.sizes:
            say(f"c. corpus of {size} documents")
            runs.append(bench_corpus(sources, size, workdir, progress=not args.no_progress))
            r = runs[-1]
            say(f"  {r['processed']} processed in {r['wall_s']:.1f} s ({r['docs_per_s']:.1f} docs/s), "
                f"peak RSS {r['peak_rss_mb']:.0f} MB")
        report["corpus"] = {"runs": runs, "linearity": linearity(runs),
                            "goal_peak_rss_mb_at_100k": GOAL_PEAK_MB_AT_100K}
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    report["goals"] = goals(report)
    end_fingerprint = code_fingerprint()
    report["meta"]["code_changed_during_run"] = end_fingerprint != report["meta"]["code_fingerprint"]
    report["meta"]["code_fingerprint_end"] = end_fingerprint
    report["meta"]["loadavg_end"] = list(os.getloadavg())
    report["meta"]["finished"] = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    return report


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.child:
        return child_main(*args.child, progress=not args.no_progress)
    report = run(args)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    tmp = args.out.with_suffix(args.out.suffix + ".tmp")
    tmp.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    os.replace(tmp, args.out)
    print(format_report(report))
    print(f"wrote {args.out}")
    return 1 if "error" in report.get("make", {}) else 0


if __name__ == "__main__":
    raise SystemExit(main())
