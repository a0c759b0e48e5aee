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

log = logging.getLogger("helpers.runner")


def _mtime(path: Path) -> float:
    return path.stat().st_mtime if path.exists() else float("inf")


def is_stale(output: Path, inputs: list[Path]) -> bool:
    """True when the output is missing or older than any input."""
    if not output.exists():
        return True
    newest = max((_mtime(p) for p in inputs if p.exists()), default=0.0)
    return output.stat().st_mtime < newest


def execute(source: Path, output: Path, parameters: dict, kernel: str, cwd: Path) -> None:
    """Execute one notebook with papermill into ``output`` (via a temporary file)."""
    import papermill as pm

    tmp = output.with_name(output.stem + ".tmp.ipynb")
    failed = output.with_name(output.stem + ".failed.ipynb")
    try:
        pm.execute_notebook(str(source), str(tmp), parameters=parameters, kernel_name=kernel,
                            cwd=str(cwd), progress_bar=False, log_output=False)
    except BaseException:
        if tmp.exists():
            os.replace(tmp, failed)
        raise
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
    for source in notebooks:
        stem = source.stem
        output = executed_dir / f"{stem}.ipynb"
        html = build / "reports" / f"{stem}.html"
        inputs = [source, *common, *extra.get(stem, [])] + ([previous] if previous else [])
        if force or is_stale(output, inputs):
            start = time.perf_counter()
            print(f"papermill {source.name} -> {output}", flush=True)
            execute(source, output, parameters, kernel, source.parent)
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
