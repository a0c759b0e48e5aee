"""Escaping article text wherever it is rendered (nbconvert does not sanitise HTML).

Three contexts, one function each: a Markdown cell or brief (``md``), the same with whitespace
collapsed and kept out of MathJax (``md_inline``, ``md_quoted``), and HTML text or attribute
values (``html_text``).
"""
from __future__ import annotations

import html


def md(text: str) -> str:
    """Escape text for Markdown cells: HTML-escaped, and Markdown syntax neutralised."""
    for ch in "\\`*_[]#|":
        text = text.replace(ch, "\\" + ch)
    return html.escape(text, quote=False)


def md_inline(text) -> str:
    """Untrusted text for Markdown: whitespace collapsed, HTML-escaped, Markdown syntax neutralised."""
    return md(" ".join(str(text).split()))


def md_quoted(text) -> str:
    """Untrusted text in quotation marks, kept out of MathJax (a "$" in an article is not math)."""
    return f'<span class="tex2jax_ignore">“{md_inline(text)}”</span>'


def html_text(text) -> str:
    """Text for HTML (quotes too, so it is safe in attributes)."""
    return html.escape(str(text), quote=True)
