"""Read one article file into text lines plus metadata, whatever its format.

Supports plain text, Markdown (with YAML front matter) and HTML. Decoding falls
back from UTF-8 to cp1252 and latin-1 with a note, so odd files are read, not lost.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import yaml

TEXT_SUFFIXES = {".txt", ".text"}
MARKDOWN_SUFFIXES = {".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | MARKDOWN_SUFFIXES | HTML_SUFFIXES


class UnreadableDocument(ValueError):
    """The file cannot be turned into text; the message is the manifest reason."""


@dataclass
class Source:
    """A decoded document: its lines (before paragraphing) and what we know about it."""

    lines: list[str]
    title: str = ""
    meta: dict = field(default_factory=dict)
    encoding: str = "utf-8"
    notes: list[str] = field(default_factory=list)


def decode(data: bytes) -> tuple[str, str, list[str]]:
    """Decode bytes as UTF-8, else cp1252, else latin-1; strip a BOM; normalise newlines."""
    if not data.strip():
        raise UnreadableDocument("empty file")
    if b"\x00" in data[:8192]:
        raise UnreadableDocument("binary file (NUL bytes)")
    notes: list[str] = []
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
        notes.append("stripped UTF-8 BOM")
    for encoding in ("utf-8", "cp1252", "latin-1"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    if encoding != "utf-8":
        notes.append(f"not valid UTF-8; decoded as {encoding}")
    text = normalise_text(text)
    if _looks_binary(text):
        raise UnreadableDocument("binary file (mostly control characters)")
    return text, encoding, notes


def normalise_text(text: str) -> str:
    """CRLF/CR to LF, no-break and other odd spaces to plain spaces, no BOM inside."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    text = re.sub(r"[\u00a0\u2007\u202f\u2009\u200a\u3000]", " ", text)
    return re.sub(r"[\u200b\u200c\u200d\u2060]", "", text)


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    control = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\t\f\v")
    return len(sample) > 0 and control / len(sample) > 0.1


def read_source(path: str | Path) -> Source:
    """Read and decode one file, dispatching on its suffix."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise UnreadableDocument(f"unsupported file type '{suffix or path.name}'")
    text, encoding, notes = decode(path.read_bytes())
    if suffix in HTML_SUFFIXES:
        source = parse_html(text)
    elif suffix in MARKDOWN_SUFFIXES:
        source = parse_markdown(text)
    else:
        source = parse_plain(text)
    source.encoding, source.notes = encoding, notes + source.notes
    return source


def parse_plain(text: str) -> Source:
    """Plain text: the first non-empty line is the title, the rest is the body."""
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if line.strip():
            return Source(lines=lines[i + 1:], title=line.strip())
    return Source(lines=[])


#: libyaml's parser when PyYAML has it (10x faster than the pure-Python one), with the same safe subset.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__|(?<!\w)\*(?!\s)|(?<!\w)_(?!\s))")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")


def parse_markdown(text: str) -> Source:
    """Markdown: YAML front matter becomes metadata; headings, links and emphasis lose their marks."""
    meta: dict = {}
    notes: list[str] = []
    match = _FRONT_MATTER.match(text)
    if match:
        try:
            loaded = yaml.load(match.group(1), Loader=_YAML_LOADER)
            meta = loaded if isinstance(loaded, dict) else {}
        except yaml.YAMLError as exc:
            notes.append(f"front matter not valid YAML ({exc.__class__.__name__}); ignored")
        text = text[match.end():]
    meta = {str(k): ("" if v is None else normalise_text(str(v)).strip()) for k, v in meta.items()}
    lines = [markdown_inline_to_text(line) for line in text.split("\n")]
    title = meta.get("title", "")
    if not title:
        for i, line in enumerate(lines):
            if line.strip():
                title = line.strip()
                lines = lines[i + 1:]
                break
    return Source(lines=lines, title=title, meta=meta, notes=notes)


_MD_MARKS = re.compile(r"[#\[*_\\]")


def markdown_inline_to_text(line: str) -> str:
    """Drop Markdown markup from one line, keeping its words."""
    if not _MD_MARKS.search(line):
        return line
    heading = _MD_HEADING.match(line)
    if heading:
        line = heading.group(1)
    line = _MD_LINK.sub(r"\1", line)
    line = _MD_EMPHASIS.sub("", line)
    return _MD_ESCAPE.sub(r"\1", line)


_BLOCK_TAGS = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
    "section", "article", "header", "footer", "aside", "tr", "table", "pre", "figcaption",
    "main", "nav", "hr", "dd", "dt",
}
_DROP_TAGS = {"script", "style", "noscript", "template", "svg", "iframe", "head"}


class _TextExtractor(HTMLParser):
    """Collects block-separated text, the <title>, the first <h1> and <meta> fields."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.current: list[str] = []
        self.drop_depth = 0
        self.in_title = False
        self.in_h1 = False
        self.title = ""
        self.h1 = ""
        self.meta: dict[str, str] = {}
        self.dropped: set[str] = set()

    def _flush(self) -> None:
        text = re.sub(r"\s+", " ", "".join(self.current)).strip()
        if text:
            self.blocks.append(text)
        self.current = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in _DROP_TAGS:
            self.drop_depth += 1
            self.dropped.add(tag)
            if tag == "head":
                self.drop_depth -= 1  # keep reading <title> and <meta> inside <head>
            return
        if tag == "title":
            self.in_title = True
        if tag == "meta":
            attr = dict(attrs)
            key = attr.get("name") or attr.get("property") or ""
            if key and attr.get("content"):
                self.meta[key.lower()] = attr["content"]
        if tag in _BLOCK_TAGS:
            self._flush()
        if tag == "h1":
            self.in_h1 = True

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        self.handle_starttag(tag, attrs)
        if tag in _DROP_TAGS and tag != "head":
            self.drop_depth -= 1

    def handle_endtag(self, tag: str) -> None:
        if tag in _DROP_TAGS:
            if tag != "head":
                self.drop_depth = max(0, self.drop_depth - 1)
            return
        if tag == "title":
            self.in_title = False
            return
        if tag in _BLOCK_TAGS:
            self._flush()
        if tag == "h1":
            self.in_h1 = False

    def handle_data(self, data: str) -> None:
        if self.drop_depth:
            return
        if self.in_title:
            self.title += data
            return
        if self.in_h1:
            self.h1 += data
        self.current.append(data)

    def close(self) -> None:
        super().close()
        self._flush()


def parse_html(text: str) -> Source:
    """HTML: text of block elements, scripts and styles dropped; title from <h1> or <title>."""
    parser = _TextExtractor()
    parser.feed(text)
    parser.close()
    blocks = [html.unescape(b) for b in parser.blocks]
    h1 = re.sub(r"\s+", " ", parser.h1).strip()
    title = h1 or re.sub(r"\s+", " ", parser.title).strip()
    if h1 and blocks and blocks[0] == h1:
        blocks = blocks[1:]
    elif not title and blocks:
        title, blocks = blocks[0], blocks[1:]
    meta = {}
    for key, name in (("og:site_name", "outlet"), ("article:published_time", "date"),
                      ("og:url", "source_url"), ("date", "date")):
        if parser.meta.get(key):
            meta.setdefault(name, parser.meta[key])
    notes = [f"dropped <{tag}> elements" for tag in sorted(parser.dropped - {"head"})]
    # One block per paragraph, separated by blank lines, so paragraphing keeps them apart.
    lines: list[str] = []
    for block in blocks:
        lines.extend([block, ""])
    return Source(lines=lines, title=title, meta=meta, notes=notes)
