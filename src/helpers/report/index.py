"""The run's front page: ``BUILD/reports/index.html`` linking every report of the run.

Links the brief (HTML and Markdown), every rendered notebook, the figures (PNG with SVG beside),
reports/validation.csv and the processed tables, and lists the run's parameters (corpus, build,
executor, date, number of documents from the manifest). Every piece of text is HTML-escaped and
every link is a relative, percent-encoded path, so a hostile file name cannot inject markup.

    python -m helpers.report.index --build DIR --corpus DIR [--executor local] [--workers 0] [--date YYYY-MM-DD]
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from pathlib import Path
from urllib.parse import quote

import pandas as pd

from helpers.model.tables import Layout
from helpers.report.escape import html_text

STYLE = """
body { font-family: "DejaVu Sans", Helvetica, Arial, sans-serif; max-width: 60rem; margin: 2rem auto;
       padding: 0 1rem; color: #222; line-height: 1.45; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid #ddd; }
table { border-collapse: collapse; } td, th { padding: .2rem .8rem .2rem 0; text-align: left; vertical-align: top; }
th { color: #555; font-weight: normal; }
.figures { display: flex; flex-wrap: wrap; gap: 1rem; }
.figures figure { margin: 0; width: 17rem; } .figures img { width: 100%; border: 1px solid #eee; }
.muted { color: #666; }
"""


def href(path: Path, base: Path) -> str:
    """A percent-encoded relative link from ``base`` to ``path``."""
    rel = os.path.relpath(path, base).replace(os.sep, "/")
    return html_text(quote(rel, safe="/._-~"))


def link(path: Path, base: Path, text: str | None = None) -> str:
    """An <a> to ``path`` (relative to ``base``), its text escaped."""
    return f'<a href="{href(path, base)}">{html_text(text if text is not None else path.name)}</a>'


def papermill_info(reports: Path) -> dict:
    """Parameters and times papermill recorded in the executed notebooks (empty when there are none)."""
    info: dict = {}
    notebooks = sorted((reports / "notebooks").glob("*.ipynb"))
    notebooks = [p for p in notebooks if not p.name.endswith((".tmp.ipynb", ".failed.ipynb"))]
    for path in notebooks:
        try:
            meta = json.loads(path.read_text(encoding="utf-8")).get("metadata", {}).get("papermill", {})
        except (OSError, ValueError):
            continue
        if not info.get("parameters") and meta.get("parameters"):
            info["parameters"] = meta["parameters"]
            info["start_time"] = meta.get("start_time")
        if meta.get("end_time"):
            info["end_time"] = meta["end_time"]
    return info


def run_parameters(layout: Layout, corpus: str | None = None, executor: str | None = None,
                   workers: str | None = None, date: str | None = None) -> list[tuple[str, str]]:
    """(name, value) rows describing the run: given values first, else what papermill recorded."""
    info = papermill_info(layout.reports)
    params = info.get("parameters", {})
    manifest_path = layout.processed / "manifest.csv"
    if manifest_path.exists():
        manifest = pd.read_csv(manifest_path, dtype=str, keep_default_na=False)
        processed = int((manifest["status"] == "processed").sum())
        docs = f"{processed} processed of {len(manifest)} files ({len(manifest) - processed} skipped)"
    else:
        docs = "no manifest"
    when = date or (str(info.get("end_time", ""))[:10]) or dt.date.today().isoformat()
    return [("corpus", corpus or params.get("corpus_dir", "")),
            ("build", str(layout.root)),
            ("executor", executor or params.get("executor", "")),
            ("workers", str(workers if workers is not None else params.get("workers", ""))),
            ("date", when),
            ("documents", docs)]


def index_html(layout: Layout, parameters: list[tuple[str, str]]) -> str:
    """The index page as HTML."""
    reports = layout.reports
    parts = ["<!doctype html>", '<html lang="en"><head><meta charset="utf-8">',
             '<meta name="viewport" content="width=device-width, initial-scale=1">',
             "<title>Briefing notebooks: run report</title>", f"<style>{STYLE}</style></head><body>",
             "<h1>Briefing notebooks: run report</h1>"]
    parts += ["<h2>Run</h2>", "<table>"]
    parts += [f"<tr><th>{html_text(k)}</th><td>{html_text(v)}</td></tr>" for k, v in parameters]
    parts.append("</table>")

    parts.append("<h2>Brief</h2><ul>")
    brief = [(reports / "brief.html", "the brief (HTML)"), (reports / "brief.md", "the brief (Markdown)")]
    found = [link(p, reports, t) for p, t in brief if p.exists()]
    parts += [f"<li>{x}</li>" for x in found] or ['<li class="muted">not built</li>']
    parts.append("</ul>")

    pages = sorted(p for p in reports.glob("*.html") if p.name not in {"index.html", "brief.html"})
    parts.append("<h2>Notebooks</h2><ol>")
    for page in pages:
        executed = reports / "notebooks" / f"{page.stem}.ipynb"
        extra = f' <span class="muted">({link(executed, reports, "executed notebook")})</span>' \
            if executed.exists() else ""
        parts.append(f"<li>{link(page, reports, page.stem.replace('_', ' '))}{extra}</li>")
    if not pages:
        parts.append('<li class="muted">no rendered notebooks</li>')
    parts.append("</ol>")

    figures = sorted(layout.figures.glob("*.png")) if layout.figures.exists() else []
    parts.append("<h2>Figures</h2>")
    if figures:
        parts.append('<div class="figures">')
        for png in figures:
            svg = png.with_suffix(".svg")
            svg_link = f" · {link(svg, reports, 'SVG')}" if svg.exists() else ""
            data = png.with_suffix(".csv")
            svg_link += f" · {link(data, reports, 'data')}" if data.exists() else ""
            parts.append(f'<figure><a href="{href(png, reports)}"><img src="{href(png, reports)}" '
                         f'alt="{html_text(png.stem)}" loading="eager"></a><figcaption>{html_text(png.stem.replace("_", " "))}'
                         f" · {link(png, reports, 'PNG')}{svg_link}</figcaption></figure>")
        parts.append("</div>")
        network = [f for f in ("co_mentions.graphml", "co_mentions_edges.csv", "co_mentions_nodes.csv")
                   if (layout.figures / f).exists()]
        if network:
            parts.append("<p>Co-mention network for Gephi: "
                         + ", ".join(link(layout.figures / f, reports) for f in network) + "</p>")
    else:
        parts.append('<p class="muted">no figures</p>')

    parts.append("<h2>Validation and tables</h2><ul>")
    validation = reports / "validation.csv"
    parts.append(f"<li>{link(validation, reports)}</li>" if validation.exists()
                 else '<li class="muted">validation.csv not built</li>')
    for csv in sorted(layout.processed.glob("*.csv")) if layout.processed.exists() else []:
        parts.append(f"<li>{link(csv, reports, 'data/processed/' + csv.name)}</li>")
    parts.append("</ul></body></html>")
    return "\n".join(parts) + "\n"


def write_index(build: str | Path, corpus: str | None = None, executor: str | None = None,
                workers: str | None = None, date: str | None = None) -> Path:
    """Write ``BUILD/reports/index.html``; returns its path."""
    layout = Layout(build)
    layout.reports.mkdir(parents=True, exist_ok=True)
    page = index_html(layout, run_parameters(layout, corpus, executor, workers, date))
    path = layout.reports / "index.html"
    tmp = path.with_suffix(".html.tmp")
    tmp.write_text(page, encoding="utf-8")
    tmp.replace(path)
    return path


def main(argv: list[str] | None = None) -> int:
    """Command line: write the index page of a build."""
    ap = argparse.ArgumentParser(prog="python -m helpers.report.index", description=__doc__.splitlines()[0])
    ap.add_argument("--build", default=".", help="the build root (BUILD)")
    ap.add_argument("--corpus", default=None, help="the corpus folder (CORPUS)")
    ap.add_argument("--executor", default=None)
    ap.add_argument("--workers", default=None)
    ap.add_argument("--date", default=None, help="the run's date (default: when papermill finished, else today)")
    args = ap.parse_args(argv)
    path = write_index(args.build, args.corpus, args.executor, args.workers, args.date)
    print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
