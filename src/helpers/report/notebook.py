"""Small conveniences for the notebooks: resolve parameters, log, show tables and findings safely.

Article text is untrusted: everything shown here is HTML-escaped, so a ``<script>`` in
an article renders as text in the executed notebook and its HTML.
"""
from __future__ import annotations

import html
import logging
import sys
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from helpers.model.resources import project_root
from helpers.model.tables import Layout
from helpers.report import escape


@dataclass
class Run:
    """A notebook run's resolved parameters."""

    corpus_dir: Path
    build_dir: Path
    layout: Layout


def resolve(path: str | Path) -> Path:
    """A parameter path: absolute as given, relative ones against the project root."""
    path = Path(path).expanduser()
    return path if path.is_absolute() else (project_root() / path).resolve()


def setup(corpus_dir: str = "seeds", build_dir: str = ".") -> Run:
    """Resolve the parameters, create the build folders, send logs to the notebook."""
    logging.basicConfig(
        level=logging.INFO,
        format="%(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
        force=True,
    )
    pd.set_option("display.max_colwidth", 120)
    pd.set_option("display.width", 200)
    layout = Layout(resolve(build_dir)).make()
    return Run(resolve(corpus_dir), layout.root, layout)


def table(df: pd.DataFrame, n: int | None = 20, caption: str | None = None):
    """An HTML table of the first ``n`` rows, every string escaped."""
    from IPython.display import HTML

    shown = df if n is None else df.head(n)
    body = shown.to_html(index=False, escape=True, border=0, na_rep="")
    head = f"<p><b>{html.escape(caption)}</b></p>" if caption else ""
    more = f"<p><i>{len(df) - len(shown)} more rows</i></p>" if len(df) > len(shown) else ""
    return HTML(head + body + more)


def say(template: str, **values) -> None:
    """Display a finding: Markdown ``template`` filled with escaped, computed ``values``."""
    from IPython.display import Markdown, display

    safe = {k: escape.md(v) if isinstance(v, str) else v for k, v in values.items()}
    display(Markdown(template.format(**safe)))


