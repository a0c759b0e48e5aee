"""Notebook conveniences (report.notebook) and escaping (report.escape) on hostile article text."""
from __future__ import annotations

import logging

import pandas as pd
import pytest

from helpers.model.resources import project_root
from helpers.report import escape, notebook

HOSTILE = '<script>alert("x")</script> *bold* _it_ [link](javascript:alert(1)) # | ` \\ & $5'


def test_resolve_relative_paths_against_the_project_root(tmp_path):
    assert notebook.resolve("seeds") == project_root() / "seeds"
    assert notebook.resolve("data/../seeds") == project_root() / "seeds"
    assert notebook.resolve(tmp_path / "build") == tmp_path / "build"
    assert notebook.resolve(str(tmp_path)) == tmp_path


@pytest.fixture
def restore_globals():
    """setup() reconfigures logging and pandas for the notebook; give the test process them back."""
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    options = {k: pd.get_option(k) for k in ("display.max_colwidth", "display.width")}
    yield
    for handler in root.handlers[:]:
        if handler not in handlers:
            root.removeHandler(handler)
    for handler in handlers:
        if handler not in root.handlers:
            root.addHandler(handler)
    root.setLevel(level)
    for key, value in options.items():
        pd.set_option(key, value)


def test_setup_resolves_parameters_and_makes_the_build_folders(tmp_path, restore_globals):
    run = notebook.setup(corpus_dir="seeds", build_dir=str(tmp_path / "build"))
    assert run.corpus_dir == project_root() / "seeds"
    assert run.build_dir == run.layout.root == (tmp_path / "build").resolve()
    for folder in (run.layout.interim, run.layout.processed, run.layout.reports, run.layout.figures):
        assert folder.is_dir()
    assert pd.get_option("display.max_colwidth") == 120


def test_table_escapes_cells_and_caption_and_counts_the_rest():
    df = pd.DataFrame({"text": ["<script>alert(1)</script>", "a & b", "plain"], "n": [1, 2, 3]})
    html = notebook.table(df, n=2, caption="<b>Quotes</b>").data
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "a &amp; b" in html and "plain" not in html
    assert "&lt;b&gt;Quotes&lt;/b&gt;" in html
    assert "<i>1 more rows</i>" in html
    whole = notebook.table(df, n=None).data
    assert "plain" in whole and "more rows" not in whole


def test_say_escapes_string_values_only(monkeypatch):
    import IPython.display

    shown = []
    monkeypatch.setattr(IPython.display, "display", shown.append)
    notebook.say("**{who}** was quoted {n} times", who="<img src=x onerror=alert(1)> *Tokayev*", n=3)
    (markdown,) = shown
    assert markdown.data == "**&lt;img src=x onerror=alert(1)&gt; \\*Tokayev\\*** was quoted 3 times"


def test_md_neutralises_markdown_and_html():
    out = escape.md(HOSTILE)
    assert "<" not in out and ">" not in out
    assert out.startswith('&lt;script&gt;alert("x")&lt;/script&gt; \\*bold\\* \\_it\\_ \\[link\\]')
    assert "\\# \\| \\` \\\\ &amp; $5" in out


def test_md_renders_as_plain_text():
    mistune = pytest.importorskip("mistune")  # nbconvert's Markdown renderer
    rendered = mistune.html(escape.md(HOSTILE))
    assert "<script" not in rendered and "<a " not in rendered and "<em>" not in rendered
    assert rendered.startswith("<p>&lt;script&gt;")


def test_md_inline_and_md_quoted_collapse_whitespace_and_avoid_mathjax():
    assert escape.md_inline("  Russia\n\n said\t*no*  ") == "Russia said \\*no\\*"
    assert escape.md_inline(42) == "42"
    assert escape.md_quoted("costs $5 and $6\n<b>") == \
        '<span class="tex2jax_ignore">“costs $5 and $6 &lt;b&gt;”</span>'


def test_html_text_escapes_quotes_for_attributes():
    assert escape.html_text('"><script>x</script>\'') == "&quot;&gt;&lt;script&gt;x&lt;/script&gt;&#x27;"
    assert escape.html_text(None) == "None"
