"""Run the notebooks in order with papermill and render each to HTML, in one process.

Make calls this once per build. A notebook is re-run when its output is missing or older
than its inputs (its source, the helpers, the curated data, the corpus listing, or the
notebook before it -- each reads only what earlier ones wrote); every notebook after a
re-run one is re-run too. One process for all notebooks saves a Python start and the
papermill/nbconvert imports per notebook; each notebook still gets a fresh kernel, as it
would in JupyterLab. A failed notebook is kept as ``<name>.failed.ipynb`` and nothing that
looks up to date is left behind (outputs are written to a temporary name and renamed).
"""
from __future__ import annotations

import argparse
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
    km = km or start_kernel(kernel, cwd)
    client = NotebookClient(nb, km=km, kernel_name=kernel, timeout=None, resources={"metadata": {"path": str(cwd)}})
    try:
        client.execute()
    except BaseException:
        nbformat.write(nb, str(failed))  # as far as it ran, with the error in the failing cell
        raise
    finally:
        warm = getattr(km, "_warm_client", None)
        if warm is not None:
            warm.stop_channels()
        km.shutdown_kernel(now=True)
    nbformat.write(nb, str(tmp))
    failed.unlink(missing_ok=True)
    os.replace(tmp, output)


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
    tmp.write_text(body, encoding="utf-8")
    os.replace(tmp, html)


def run(notebooks: list[Path], build: Path, parameters: dict, common: list[Path],
        extra: dict[str, list[Path]], kernel: str, no_input: dict[str, str]) -> list[str]:
    """Run what is stale, in order; returns the names of the notebooks that ran."""
    executed_dir = build / "reports" / "notebooks"
    executed_dir.mkdir(parents=True, exist_ok=True)
    ran: list[str] = []
    previous: Path | None = None
    force = False
    ready = None  # a kernel started for the next notebook while this one runs
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
            except BaseException:
                if ready is not None:
                    ready.shutdown_kernel(now=True)
                raise
            log.info("%s ran in %.1f s", stem, time.perf_counter() - start)
            ran.append(stem)
            force = True
        if force or is_stale(html, [output]):
            export_html(output, html)
        if stem in no_input and (force or is_stale(build / "reports" / no_input[stem], [output])):
            export_html(output, build / "reports" / no_input[stem], no_input=True)
        previous = output
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
        run(args.notebooks, args.build, parameters, args.inputs, extra, args.kernel, dict(args.no_input_copy))
    except Exception as exc:  # papermill's error names the cell; the failed notebook is kept
        print(f"notebook run failed: {exc.__class__.__name__}\n{exc}", file=sys.stderr)
        return 1
    if args.stamp:
        args.stamp.parent.mkdir(parents=True, exist_ok=True)
        args.stamp.touch()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
