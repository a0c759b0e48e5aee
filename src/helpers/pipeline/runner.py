"""Run the notebooks in order with papermill and render each to HTML, in one process.

Make calls this once per build. A notebook is re-run when its output is missing or older
than its inputs (its source, the helpers, the curated data, the corpus listing, or the
notebook before it -- each reads only what earlier ones wrote); every notebook after a
re-run one is re-run too. One process for all notebooks saves a Python start and the
papermill/nbconvert imports per notebook; each notebook still gets a fresh kernel, as it
would in JupyterLab. A failed notebook is kept as ``<name>.failed.ipynb`` and nothing that
looks up to date is left behind (outputs are written to a temporary name and renamed).

One run at a time per BUILD: the runner holds an exclusive ``flock`` on ``BUILD/reports/.briefing.lock``
for its whole run and refuses to start while another process holds it. The kernel releases the
lock when its holder exits, however it ends, so a killed run never leaves a lock that blocks.
The injected parameters cell gets an id derived from its content (papermill draws a random one),
so two runs of the same corpus write identical notebooks and HTML.
"""
from __future__ import annotations

import argparse
import contextlib
import datetime as _dt
import errno
import hashlib
import logging
import os
import sys
import time
from pathlib import Path

log = logging.getLogger("helpers.pipeline.runner")


def _mtime(path: Path) -> float:
    return path.stat().st_mtime if path.exists() else float("inf")


def is_stale(output: Path, inputs: list[Path]) -> bool:
    """True when the output is missing or older than any input."""
    if not output.exists():
        return True
    newest = max((_mtime(p) for p in inputs if p.exists()), default=0.0)
    return output.stat().st_mtime < newest


#: Imported silently in a kernel started ahead of its notebook (no output, no execution count):
#: only library modules, so the notebook's own cells still do and show everything.
WARM_IMPORTS = ("import pandas, pyarrow.parquet, matplotlib, nltk, networkx, helpers.report.notebook, "
                "helpers.model.tables, helpers.report.figures, helpers.report.brief, helpers.analyse.aggregate, "
                "helpers.evaluate.scores")


def start_kernel(kernel: str, cwd: Path, warm: bool = False):
    """Start a kernel and return its manager without waiting for it (it boots in the background);
    with ``warm``, queue the common library imports so they also load while the previous notebook runs."""
    from jupyter_client.manager import KernelManager

    km = KernelManager(kernel_name=kernel)
    km.start_kernel(cwd=str(cwd))
    if warm:
        kc = km.client()
        kc.start_channels()
        kc.execute(WARM_IMPORTS, silent=True, store_history=False)
        km._warm_client = kc  # closed when the notebook has run
    return km


LOCK_NAME = "reports/.briefing.lock"


class BuildLocked(RuntimeError):
    """Another run holds BUILD's lock."""


class BuildLock:
    """An exclusive, non-blocking flock on BUILD/reports/.briefing.lock (released when the process ends)."""

    def __init__(self, build: Path):
        self.path = Path(build) / LOCK_NAME
        self.fd: int | None = None

    def __enter__(self) -> "BuildLock":
        import fcntl

        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            holder = os.pread(fd, 200, 0).decode("utf-8", "replace").strip()
            os.close(fd)
            if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                raise BuildLocked(f"another run is using BUILD {self.path.parent} ({holder or 'holder unknown'}); "
                                  f"wait for it to finish or use another BUILD") from None
            raise
        os.ftruncate(fd, 0)
        started = _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%d %H:%M:%S UTC")
        os.pwrite(fd, f"pid {os.getpid()}, started {started}\n".encode(), 0)
        self.fd = fd
        return self

    def __exit__(self, *exc) -> None:
        if self.fd is not None:
            os.close(self.fd)  # releases the flock; the file stays, unlocked
            self.fd = None


@contextlib.contextmanager
def written(tmp: Path):
    """Writing ``tmp`` (then renaming it): on failure remove it, and name it in an OSError that
    does not say which file it was about (a full disk raises ENOSPC from write() without a name)."""
    try:
        yield
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        if exc.filename is None:
            raise OSError(exc.errno, exc.strerror or str(exc), str(tmp)) from exc
        raise
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def stable_cell_ids(nb) -> None:
    """Give the cell papermill injected (tag ``injected-parameters``) an id from its source:
    papermill draws a random one, which would make every run's notebook and HTML differ."""
    for cell in nb.cells:
        if "injected-parameters" in cell.get("metadata", {}).get("tags", []):
            digest = hashlib.sha256(cell.source.encode("utf-8")).hexdigest()[:12]
            cell["id"] = f"parameters-{digest}"


def execute(source: Path, output: Path, parameters: dict, kernel: str, cwd: Path, km=None) -> None:
    """Execute one notebook into ``output`` (via a temporary file): papermill's parameter injection,
    then nbclient on ``km`` (a kernel started beforehand, so its start-up overlapped the notebook
    before) or on a new kernel. The executed notebook carries papermill's parameters metadata."""
    import nbformat
    from nbclient import NotebookClient
    from papermill.iorw import load_notebook_node
    from papermill.parameterize import parameterize_notebook

    tmp = output.with_name(output.stem + ".tmp.ipynb")
    failed = output.with_name(output.stem + ".failed.ipynb")
    nb = parameterize_notebook(load_notebook_node(str(source)), parameters, kernel_name=kernel)
    stable_cell_ids(nb)
    km = km or start_kernel(kernel, cwd)
    client = NotebookClient(nb, km=km, kernel_name=kernel, timeout=None, record_timing=False,
                            resources={"metadata": {"path": str(cwd)}})
    try:
        client.execute()
    except BaseException:
        try:
            nbformat.write(nb, str(failed))  # as far as it ran, with the error in the failing cell
        except OSError as exc:  # a full disk: the error that matters is the notebook's
            log.warning("could not keep %s: %s", failed, exc.strerror or exc)
            failed.unlink(missing_ok=True)
        raise
    finally:
        warm = getattr(km, "_warm_client", None)
        if warm is not None:
            warm.stop_channels()
        km.shutdown_kernel(now=True)
    with written(tmp):
        nbformat.write(nb, str(tmp))
        os.replace(tmp, output)
    failed.unlink(missing_ok=True)


def export_html(executed: Path, html: Path, no_input: bool = False) -> None:
    """Render an executed notebook to standalone HTML (figures embedded)."""
    from nbconvert import HTMLExporter
    from traitlets.config import Config

    # Without code, cells tagged notebook_only (the notebook's own question and closing line) go too.
    config = Config({"TagRemovePreprocessor": {"remove_cell_tags": ["notebook_only"], "enabled": True}})
    exporter = HTMLExporter(config=config) if no_input else HTMLExporter()
    exporter.log.setLevel(logging.ERROR)  # not "Alternative text is missing" on every figure
    exporter.exclude_input = no_input
    exporter.exclude_input_prompt = no_input
    exporter.exclude_output_prompt = no_input
    body, _ = exporter.from_filename(str(executed))
    tmp = html.with_suffix(".html.tmp")
    with written(tmp):
        tmp.write_text(body, encoding="utf-8")
        os.replace(tmp, html)


def run(notebooks: list[Path], build: Path, parameters: dict, common: list[Path],
        extra: dict[str, list[Path]], kernel: str, no_input: dict[str, str]) -> list[str]:
    """Run what is stale, in order; returns the names of the notebooks that ran.

    Each notebook's HTML is rendered on a thread of its own while the next notebook runs (the
    kernel is another process, and this one mostly waits for it); the run ends when every page is
    written, and a page that could not be rendered fails it as before."""
    from concurrent.futures import ThreadPoolExecutor

    executed_dir = build / "reports" / "notebooks"
    executed_dir.mkdir(parents=True, exist_ok=True)
    ran: list[str] = []
    previous: Path | None = None
    force = False
    ready = None  # a kernel started for the next notebook while this one runs
    pages = []  # the HTML renderings under way, in order
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="html") as render:
        try:
            for index, source in enumerate(notebooks):
                stem = source.stem
                output = executed_dir / f"{stem}.ipynb"
                html = build / "reports" / f"{stem}.html"
                inputs = [source, *common, *extra.get(stem, [])] + ([previous] if previous else [])
                if force or is_stale(output, inputs):
                    start = time.perf_counter()
                    print(f"papermill {source.name} -> {output}", flush=True)
                    km, ready = ready, None
                    if index + 1 < len(notebooks):  # every later notebook will run too: start its kernel now
                        ready = start_kernel(kernel, notebooks[index + 1].parent, warm=True)
                    try:
                        execute(source, output, parameters, kernel, source.parent, km)
                    except BaseException as exc:
                        exc.notebook = stem  # for the one-line error
                        raise
                    log.info("%s ran in %.1f s", stem, time.perf_counter() - start)
                    ran.append(stem)
                    force = True
                if force or is_stale(html, [output]):
                    pages.append(render.submit(export_html, output, html))
                if stem in no_input and (force or is_stale(build / "reports" / no_input[stem], [output])):
                    pages.append(render.submit(export_html, output, build / "reports" / no_input[stem], True))
                previous = output
                for page in [p for p in pages if p.done()]:
                    page.result()  # a page that failed stops the run here, not after every notebook
            for page in pages:
                page.result()
        except BaseException:
            if ready is not None:
                ready.shutdown_kernel(now=True)
            for page in pages:
                page.cancel()
            raise
    return ran


def _value(text: str):
    for cast in (int, float):
        try:
            return cast(text)
        except ValueError:
            pass
    return text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Run the notebooks in order and render them to HTML.")
    parser.add_argument("notebooks", nargs="+", type=Path)
    parser.add_argument("--build", type=Path, required=True)
    parser.add_argument("--kernel", default="briefing")
    parser.add_argument("-p", "--param", nargs=2, action="append", default=[], metavar=("NAME", "VALUE"))
    parser.add_argument("--inputs", nargs="*", type=Path, default=[], help="inputs of every notebook")
    parser.add_argument("--extra", nargs=2, action="append", default=[], metavar=("NOTEBOOK", "PATH"),
                        help="an input of one notebook (by name without .ipynb)")
    parser.add_argument("--no-input-copy", nargs=2, action="append", default=[], metavar=("NOTEBOOK", "HTML"),
                        help="also render this notebook without code to reports/HTML")
    parser.add_argument("--stamp", type=Path, help="touched when every notebook is up to date")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stderr)
    logging.getLogger("papermill").setLevel(logging.WARNING)
    extra: dict[str, list[Path]] = {}
    for name, path in args.extra:
        extra.setdefault(name, []).append(Path(path))
    parameters = {name: _value(value) if name == "workers" else value for name, value in args.param}
    try:
        with BuildLock(args.build):
            try:
                run(args.notebooks, args.build, parameters, args.inputs, extra, args.kernel, dict(args.no_input_copy))
            except BaseException:
                wait_csv(args.build, quiet=True)  # before remove_partial: the job's .tmp is in use
                raise
            wait_csv(args.build)
            if args.stamp:
                args.stamp.parent.mkdir(parents=True, exist_ok=True)
                args.stamp.touch()
    except BuildLocked as exc:
        print(f"refused: {exc}", file=sys.stderr)
        return 3
    except OSError as exc:  # BUILD not writable, disk full: one line naming the path
        remove_partial(args.build)
        print(f"error: {describe_os_error(exc, args.build)}", file=sys.stderr)
        return 2
    except Exception as exc:  # papermill's error names the cell; the failed notebook is kept
        line = one_line(exc, args.build)
        if line:
            remove_partial(args.build)
            print(f"error: {line}", file=sys.stderr)
            return 2
        print(f"notebook run failed: {exc.__class__.__name__}\n{exc}", file=sys.stderr)
        return 1
    return 0


def wait_csv(build: Path, quiet: bool = False) -> None:
    """Wait for the CSV copies notebook 01 leaves to a background job (``helpers.model.csvjob``);
    a failed job fails the run (unless ``quiet``: a notebook's error is the one to report)."""
    from helpers.model import csvjob
    from helpers.model.tables import Layout

    try:
        csvjob.wait(Layout(build))
    except (RuntimeError, OSError):
        if not quiet:
            raise


def describe_os_error(exc: OSError, build: Path) -> str:
    path = exc.filename or build
    return f"cannot write {path}: {exc.strerror or exc}"


#: Errors raised in a notebook cell that are about the file system, not the analysis.
_OS_ERRORS = {"OSError", "PermissionError", "FileNotFoundError", "IsADirectoryError", "NotADirectoryError",
              "FileExistsError", "ReadOnlyFileSystemError"}


def one_line(exc: BaseException, build: Path | str = "BUILD") -> str:
    """One line for a notebook that failed on the file system (disk full, read-only BUILD); "" otherwise."""
    ename = getattr(exc, "ename", "")
    evalue = str(getattr(exc, "evalue", "") or "")
    if ename in _OS_ERRORS or "No space left on device" in evalue:
        who = getattr(exc, "notebook", "a notebook")
        return f"{who} could not write under {build}: {ename}: {evalue}".replace("\n", " ")
    return ""


def remove_partial(build: Path) -> None:
    """Remove the temporary files a failed run left under BUILD's outputs (``*.tmp``: only ever a
    write in progress; the lock says no other run is writing). They never look up to date, but
    they hold disk space a full disk needs back."""
    import shutil

    for folder in (build / "data" / "interim", build / "data" / "processed", build / "reports"):
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*.tmp*"), reverse=True):
            if not (path.name.endswith(".tmp") or ".tmp." in path.name):
                continue
            try:
                shutil.rmtree(path) if path.is_dir() and not path.is_symlink() else path.unlink()
            except OSError:
                pass


if __name__ == "__main__":
    raise SystemExit(main())
