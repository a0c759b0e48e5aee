"""Turn decoded lines into paragraphs, joining hard-wrapped lines.

A blank line always ends a paragraph. Inside a block of lines, a newline is a wrap
(joined with a space) only when the document is hard-wrapped, that is when its
lines are short (most corpora wrap at 70-80 columns); otherwise each line is its own
paragraph, which is how scraped articles with a lost blank line read.
"""
from __future__ import annotations

import re

#: Lines at most this long, in a document whose long lines are all about this long,
#: are taken to be hard-wrapped.
WRAP_LIMIT = 100
_LIST_ITEM = re.compile(r"^\s*([-*+•]|\d{1,3}[.)])\s+")


def _wrappable_length(line: str) -> int:
    """A line's length less its words longer than the wrap limit: a wrapper breaks lines only
    at spaces, so a long URL (a markdown link's target) stays whole on a line of a hard-wrapped
    document (pandoc's and fmt's behaviour) and says nothing about the width it wraps at."""
    n = len(line.rstrip())
    if n <= WRAP_LIMIT:
        return n
    return n - sum(len(word) for word in line.split() if len(word) > WRAP_LIMIT)


def is_hard_wrapped(lines: list[str]) -> bool:
    """True when the document's multi-line blocks look wrapped at a fixed width."""
    lengths = [_wrappable_length(line) for line in lines if line.strip()]
    if len(lengths) < 3:
        return False
    lengths.sort()
    p90 = lengths[int(0.9 * (len(lengths) - 1))]
    return p90 <= WRAP_LIMIT and max(lengths) <= 2 * WRAP_LIMIT


def blocks(lines: list[str]) -> list[list[str]]:
    """Groups of consecutive non-blank lines."""
    out: list[list[str]] = []
    current: list[str] = []
    for line in lines:
        if line.strip():
            current.append(line)
        elif current:
            out.append(current)
            current = []
    if current:
        out.append(current)
    return out


def collapse_whitespace(text: str) -> str:
    r"""``re.sub(r"\s+", " ", text).strip()``, without the regular expression when it can.

    ``str.split()`` splits at the characters ``\s`` matches (both use ``str.isspace``), so
    joining the words with one space is the same string. Text that already has single
    spaces only (no two in a row, and no other whitespace: every whitespace character but
    the space is non-printable) is returned stripped, without building the word list.
    """
    if "  " not in text and text.isprintable():
        return text.strip()
    return " ".join(text.split())


def paragraphs(lines: list[str]) -> list[str]:
    """Paragraph texts with whitespace collapsed, in reading order."""
    wrapped = is_hard_wrapped(lines)
    out: list[str] = []
    for block in blocks(lines):
        if not wrapped:
            out.extend(block)
            continue
        current: list[str] = []
        for line in block:
            if current and _LIST_ITEM.match(line):
                out.append(" ".join(current))
                current = []
            current.append(line)
        out.append(" ".join(current))
    return [collapse_whitespace(p) for p in out if p.strip()]
