"""Read one article file into text lines plus metadata, whatever its format.

Supports plain text, Markdown (with YAML front matter) and HTML. Decoding honours a
UTF-8, UTF-16 or UTF-32 byte-order mark, else falls back from UTF-8 to cp1252 and
latin-1 with a note, so odd files are read, not lost. Only regular files are opened
(a FIFO or a device would block or never end), without blocking.
"""
from __future__ import annotations

import functools
import html
import json
import os
import re
import stat
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from urllib.parse import urlparse

import yaml

from helpers.ingest import dates
from helpers.model.resources import SAFE_LOADER, load_yaml

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
    #: Text dropped while reading, as (text, reason): an HTML page's navigation, sidebars and
    #: widgets (``parse_html``); listed with the boilerplate, so nothing is lost silently.
    removed: list[tuple[str, str]] = field(default_factory=list)


#: Byte-order marks, longest first (the UTF-32 LE mark begins with the UTF-16 LE one).
_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le", "UTF-32 LE"),
    (b"\x00\x00\xfe\xff", "utf-32-be", "UTF-32 BE"),
    (b"\xef\xbb\xbf", "utf-8", "UTF-8"),
    (b"\xff\xfe", "utf-16-le", "UTF-16 LE"),
    (b"\xfe\xff", "utf-16-be", "UTF-16 BE"),
)


def decode(data: bytes) -> tuple[str, str, list[str]]:
    """Decode bytes by their BOM (UTF-8/16/32), else as UTF-8, cp1252 or latin-1; normalise newlines."""
    if not data.strip():
        raise UnreadableDocument("empty file")
    notes: list[str] = []
    text = None
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(codec)
            except UnicodeDecodeError:
                raise UnreadableDocument(f"{label} byte-order mark but not valid {label}") from None
            encoding = codec
            notes.append(f"stripped {label} BOM" if codec == "utf-8" else f"decoded as {label} (byte-order mark)")
            break
    if text is None:
        if b"\x00" in data[:8192]:
            raise UnreadableDocument("binary file (NUL bytes)")
        for encoding in ("utf-8", "cp1252", "latin-1"):
            try:
                text = data.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
        if encoding != "utf-8":
            notes.append(f"not valid UTF-8; decoded as {encoding}")
    if not text.strip():
        raise UnreadableDocument("empty file")
    text = normalise_text(text)
    if _looks_binary(text):
        raise UnreadableDocument("binary file (mostly control characters)")
    return text, encoding, notes


def file_kind(mode: int) -> str:
    """What a non-regular file is, for the manifest ("" for a regular file)."""
    for test, name in ((stat.S_ISREG, ""), (stat.S_ISDIR, "folder"), (stat.S_ISFIFO, "named pipe (FIFO)"),
                       (stat.S_ISSOCK, "socket"), (stat.S_ISCHR, "character device"),
                       (stat.S_ISBLK, "block device")):
        if test(mode):
            return name
    return "special file"


def read_bytes(path: str | Path) -> bytes:
    """The bytes of a regular file; anything else raises UnreadableDocument without blocking.

    The file is opened with O_NONBLOCK and checked with fstat on the open descriptor, so a
    file replaced by a FIFO after the corpus was scanned cannot hang the run.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    fd = os.open(path, flags)
    try:
        kind = file_kind(os.fstat(fd).st_mode)
        if kind:
            raise UnreadableDocument(f"not a regular file ({kind})")
        with os.fdopen(fd, "rb", closefd=False) as fh:
            return fh.read()
    finally:
        os.close(fd)


#: Odd spaces that become a plain space, and zero-width characters that are dropped.
_ODD_SPACES = "\u00a0\u2007\u202f\u2009\u200a\u3000"
_ZERO_WIDTH = "\u200b\u200c\u200d\u2060"
_ODD_SPACE_RE = re.compile(f"[{_ODD_SPACES}]")
_ZERO_WIDTH_RE = re.compile(f"[{_ZERO_WIDTH}]")


def normalise_text(text: str) -> str:
    """CRLF/CR to LF, no-break and other odd spaces to plain spaces, no BOM inside.

    Each substitution runs only when one of its characters is in the text: a ``str``
    membership test is many times faster than a regular-expression scan that finds nothing.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    if any(ch in text for ch in _ODD_SPACES):
        text = _ODD_SPACE_RE.sub(" ", text)
    if any(ch in text for ch in _ZERO_WIDTH):
        text = _ZERO_WIDTH_RE.sub("", text)
    return text


#: Control characters other than the whitespace ones (tab, newline, vertical tab, form feed).
_CONTROL = re.compile(r"[\x00-\x08\x0d-\x1f]")


def _looks_binary(text: str) -> bool:
    """True when over a tenth of the first 4,096 characters are control characters
    (counted by a regular expression, at C speed)."""
    sample = text[:4096]
    return len(sample) > 0 and len(_CONTROL.findall(sample)) / len(sample) > 0.1


def read_source(path: str | Path) -> Source:
    """Read and decode one file, dispatching on its suffix."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise UnreadableDocument(f"unsupported file type '{suffix or path.name}'")
    text, encoding, notes = decode(read_bytes(path))
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


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__|(?<!\w)\*(?!\s)|(?<!\w)_(?!\s))")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")


def parse_markdown(text: str) -> Source:
    """Markdown: YAML front matter becomes metadata; headings, links and emphasis lose their marks.

    Front matter that is not valid YAML is reported in the notes; its plain ``key: value``
    lines are still read, and the body is kept either way.
    """
    meta: dict = {}
    notes: list[str] = []
    match = _FRONT_MATTER.match(text)
    if match:
        try:
            loaded = yaml.load(match.group(1), Loader=SAFE_LOADER)
            meta = loaded if isinstance(loaded, dict) else {}
            if loaded is not None and not isinstance(loaded, dict):
                notes.append("front matter is not a mapping of fields; ignored")
        except yaml.YAMLError as exc:
            meta = _salvage_front_matter(match.group(1))
            mark = getattr(exc, "problem_mark", None)
            where = f" at line {mark.line + 2}" if mark is not None else ""
            kept = f"; read {len(meta)} plain key: value lines" if meta else "; ignored"
            notes.append(f"front matter not valid YAML ({exc.__class__.__name__}{where}){kept}")
        text = text[match.end():]
    meta = {str(k): ("" if v is None else normalise_text(str(v)).strip()) for k, v in meta.items()}
    raw = text.split("\n")
    lines = [markdown_inline_to_text(line) for line in raw]
    title = meta.get("title", "")
    if not title:
        for i, line in enumerate(lines):
            if line.strip():
                # with front matter (which would name the title) only a heading is taken as the title
                if match and not _MD_HEADING.match(raw[i]):
                    break
                title = line.strip()
                lines = lines[i + 1:]
                break
    return Source(lines=lines, title=title, meta=meta, notes=notes)


_FM_LINE = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*?)[ \t]*$")


def _salvage_front_matter(block: str) -> dict:
    """The simple ``key: value`` lines of front matter YAML refused (quotes stripped, flow values dropped)."""
    meta: dict = {}
    for line in block.split("\n"):
        m = _FM_LINE.match(line)
        if not m or not m.group(2):
            continue
        value = m.group(2)
        if value[0] in "[{&*!|>":
            continue  # a flow collection, anchor, tag or block scalar: not a plain value
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            value = value[1:-1]
        elif value[0] in "'\"":
            continue  # an unterminated quoted scalar
        meta.setdefault(m.group(1), value)
    return meta


_MD_MARKS = re.compile(r"[#\[*_\\]")


def markdown_inline_to_text(line: str) -> str:
    """Drop Markdown markup from one line, keeping its words.

    Each pattern runs only when the line holds text that pattern cannot match without
    ("#" for a heading, "](" for a link, "*" or "_" for emphasis, a backslash for an
    escape); every step keeps only characters of its input, so testing the current line is enough.
    """
    if not _MD_MARKS.search(line):
        return line
    if "#" in line:
        heading = _MD_HEADING.match(line)
        if heading:
            line = heading.group(1)
    if "](" in line:
        line = _MD_LINK.sub(r"\1", line)
    if "*" in line or "_" in line:
        line = _MD_EMPHASIS.sub("", line)
    if "\\" in line:
        line = _MD_ESCAPE.sub(r"\1", line)
    return line


_BLOCK_TAGS = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
    "section", "article", "header", "footer", "aside", "tr", "table", "pre", "figcaption",
    "main", "nav", "hr", "dd", "dt",
}
_DROP_TAGS = {"script", "style", "noscript", "template", "svg", "iframe", "head"}
#: Elements without an end tag: never on the open-element stack.
_VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
              "track", "wbr", "keygen"}


@functools.lru_cache(maxsize=1)
def _page_chrome() -> tuple[frozenset[str], frozenset[str], frozenset[str], tuple[str, ...], frozenset[str],
                            frozenset[str]]:
    """The elements, and the class/id words, of an HTML page's furniture, the words that keep
    an element whatever else its class says, the class prefixes of a post's taxonomy, which
    name topics, not furniture, the ARIA roles of furniture, and the class words of a header, which
    inside an <article> is the story's own (``html_chrome`` in data/dictionaries/boilerplate.yaml)."""
    spec = load_yaml("boilerplate.yaml").get("html_chrome") or {}
    return (frozenset(str(t) for t in spec.get("elements", [])),
            frozenset(str(w).lower() for w in spec.get("class_words", [])),
            frozenset(str(w).lower() for w in spec.get("content_words", [])),
            tuple(str(p).lower() for p in spec.get("taxonomy_prefixes", [])),
            frozenset(str(r).lower() for r in spec.get("roles", [])),
            frozenset(str(w).lower() for w in spec.get("header_words", [])))


@functools.lru_cache(maxsize=1)
def _page_metadata() -> tuple[frozenset[str], tuple[re.Pattern, ...], tuple[str, ...]]:
    """The schema.org types of a page's story in its JSON-LD, the comments a browser writes at the
    top of a page it saves, holding its address, and what joins the headline and the site's name in
    a <title> (``html_metadata`` in data/dictionaries/boilerplate.yaml)."""
    spec = load_yaml("boilerplate.yaml").get("html_metadata") or {}
    return (frozenset(str(t) for t in spec.get("article_types", [])),
            tuple(re.compile(str(p)) for p in spec.get("saved_from", [])),
            tuple(str(sep) for sep in spec.get("title_separators", [])))


_CLASS_WORD = re.compile(r"[a-z0-9]+")
#: A class that states what an element lacks or is ("no-sidebar", "has-share", "is-paywall-free").
_CLASS_STATE = re.compile(r"\b(?:no|has|with|without|is)-[\w-]+")


#: Elements a <header> inside of which introduces that element, not the page (HTML-AAM: a <header>
#: outside all of them is the page's banner, the site's masthead).
_SECTIONING = frozenset({"article", "aside", "main", "nav", "section"})


@dataclass
class _H1:
    """One <h1> of a page: its text and where it lies."""

    text: str = ""
    #: The outermost <article> it lies in, or -1.
    article: int = -1
    #: Inside a <main> element.
    in_main: bool = False
    #: The page's banner it lies in (a <header> outside every article, aside, main, nav and
    #: section), or -1.
    banner: int = -1


@dataclass
class _Time:
    """One ``<time datetime>`` of a page: its value and what it lies in."""

    value: str
    #: The outermost <article> and the page's banner it lies in, or -1.
    article: int = -1
    banner: int = -1
    #: In furniture holding other stories or comments (``html_time.elsewhere`` in dates.yaml).
    elsewhere: bool = False
    #: Marked the publication time, or the last-modified one (``html_time`` in dates.yaml).
    published: bool = False
    modified: bool = False


class _TextExtractor(HTMLParser):
    """Collects block-separated text, the <title>, every <h1> (``h1s``), <meta> fields, every
    ``<time datetime>`` (``times``) and JSON-LD blocks.

    Open elements are kept on a stack, so a dropped element (``<svg>``, ``<script>``) that is
    never closed ends when an element around it closes, and the rest of the body is kept
    however deeply it is nested. Page furniture (``_page_chrome``: <nav>, <aside>, <footer>,
    an element whose class or id says "share", "related", "newsletter" ...) is set aside as
    ``chrome``, one (text, reason) per element; each block records the <article> it lies in, and
    ``h1_articles`` the <article>s that hold text of an <h1>. An <h1> inside furniture is no
    candidate headline and is not recorded.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.block_article: list[int] = []  # per block: the outermost <article> it lies in, or -1
        self.block_banner: list[int] = []  # per block: the page's banner <header> it lies in, or -1
        self.chrome: list[tuple[str, str]] = []
        self.chrome_at: int | None = None  # stack depth of the furniture being set aside
        self.chrome_reason = ""
        self.chrome_what = ""  # the element, or the class or id word, that makes it furniture
        self.chrome_text: list[str] = []
        self.article_at: int | None = None  # stack depth of the outermost open <article>
        self.articles = 0
        self.main_at: int | None = None  # stack depth of the outermost open <main>
        self.banner_at: int | None = None  # stack depth of the page's banner <header>, when open
        self.banners = 0
        self.h1s: list[_H1] = []
        self.h1_articles: set[int] = set()
        (self.chrome_tags, self.chrome_words, self.content_words, self.taxonomy, self.chrome_roles,
         self.header_words) = _page_chrome()
        self.current: list[str] = []
        self.stack: list[str] = []
        self.drop_at: int | None = None  # stack depth of the element being dropped
        self.drop_tag = ""
        self.in_title = False
        self.h1_at: int | None = None  # stack depth of the open <h1> that is a candidate headline
        self.title = ""
        self.meta: dict[str, str] = {}
        self.times: list[_Time] = []
        self.time_at: int | None = None  # stack depth of the open <time datetime>
        self.current_time: list[str] = []  # the text of the current block inside <time datetime>s
        self.time_lines = True  # a block of <time datetime>s alone is a date line, set aside
        self.canonical = ""  # the href of <link rel="canonical">
        self.saved_from = ""  # the address a browser saved the page from (its comment at the top)
        self.json_ld: list[str] = []
        self._ld: list[str] | None = None
        self.dropped: set[str] = set()

    def _flush(self) -> None:
        text = re.sub(r"\s+", " ", "".join(self.current)).strip()
        if text:
            if self.chrome_at is not None:
                self.chrome_text.append(text)
            elif self.current_time and self.time_lines and "".join(text.split()) == "".join(
                    "".join(self.current_time).split()):
                # a line of <time datetime>s alone ("March 5, 2023March 3, 2023": the updated and the
                # published date of a post): the date is read from the datetime, the line is furniture
                self.chrome.append((text, "date line <time>"))
            else:
                self.blocks.append(text)
                self.block_article.append(self.articles - 1 if self.article_at is not None else -1)
                self.block_banner.append(self.banners - 1 if self.banner_at is not None else -1)
        self.current = []
        self.current_time = []

    def _chrome(self, tag: str, attr: dict) -> tuple[str, str]:
        """Why an element is page furniture ("" when it is not), and the element, the ARIA role or the
        class or id word that says so. The story's own containers (<article>, <main>, and an element
        whose role is main or article) are never furniture by their class, and a content-management system's
        taxonomy classes ("tag-social", "category-comments": WordPress's post_class) name the
        story's topics, not furniture."""
        if tag in self.chrome_tags:
            return f"page furniture <{tag}>", tag
        if tag in ("article", "main"):
            return "", ""
        # WAI-ARIA: the first role token a browser knows is the element's role (later ones are fallbacks)
        role = next(iter((attr.get("role") or "").lower().split()), "")
        if role in self.chrome_roles:
            return f"page furniture (role '{role}')", role
        if role in ("main", "article"):
            return "", ""  # the story's own container, whatever its class says
        named = " ".join(c for k, v in attr.items() if k in ("class", "id") and v for c in v.split()
                         if not c.lower().startswith(self.taxonomy))
        if not named:
            return "", ""
        # "no-sidebar", "is-paywall-free": a modifier's negation or state names no widget
        words = set(_CLASS_WORD.findall(_CLASS_STATE.sub(" ", named.lower())))
        hit = sorted(words & self.chrome_words)
        if hit and self.article_at is not None and self.header_words.issuperset(hit):
            return "", ""  # "post-header" inside the <article>: the story's own header, not the site's
        if hit and not words & self.content_words:
            return f"page furniture (class or id '{hit[0]}')", hit[0]
        return "", ""

    def _time(self, attr: dict) -> _Time:
        """A ``<time datetime>``, where it lies, and whether its itemprop, class or attributes mark it
        the publication or the last-modified time."""
        published, modified, elsewhere = dates.html_time_words()
        words = set(_CLASS_WORD.findall(f"{attr.get('itemprop') or ''} {attr.get('class') or ''}".lower()))
        words |= {k.lower() for k in attr}
        return _Time(attr["datetime"], article=self.articles - 1 if self.article_at is not None else -1,
                     banner=self.banners - 1 if self.banner_at is not None else -1,
                     elsewhere=self.chrome_at is not None and self.chrome_what in elsewhere,
                     published=bool(words & published), modified=bool(words & modified))

    def handle_starttag(self, tag: str, attrs: list) -> None:
        void = tag in _VOID_TAGS
        if not void:
            self.stack.append(tag)
        if self.drop_at is not None:
            return
        attr = dict(attrs)
        if tag in _DROP_TAGS and tag != "head":
            self.dropped.add(tag)
            if tag == "script" and (attr.get("type") or "").strip().lower() == "application/ld+json":
                self._ld = []
            if not void:
                self.drop_at, self.drop_tag = len(self.stack) - 1, tag
            return
        if tag == "title":
            self.in_title = True
        if not void and self.chrome_at is None and tag not in ("html", "body", "head", "title"):
            why, what = self._chrome(tag, attr)
            if why:
                self._flush()
                self.chrome_at, self.chrome_reason, self.chrome_what = len(self.stack) - 1, why, what
        if tag == "article" and self.article_at is None and self.chrome_at is None:
            self._flush()
            self.article_at = len(self.stack) - 1
            self.articles += 1
        if tag == "main" and self.main_at is None:
            self.main_at = len(self.stack) - 1
        if (tag == "header" and self.banner_at is None and self.article_at is None and self.main_at is None
                and _SECTIONING.isdisjoint(self.stack)):
            self._flush()
            self.banner_at = len(self.stack) - 1
            self.banners += 1
        if tag == "meta":
            key = attr.get("name") or attr.get("property") or attr.get("itemprop") or ""
            if key and attr.get("content"):
                self.meta.setdefault(key.lower(), attr["content"])
        if tag == "link" and not self.canonical and "canonical" in (attr.get("rel") or "").lower().split():
            self.canonical = (attr.get("href") or "").strip()
        if tag == "time" and attr.get("datetime"):
            self.times.append(self._time(attr))
            if self.time_at is None and not void:
                self.time_at = len(self.stack) - 1
        if tag in _BLOCK_TAGS:
            self._flush()
        if tag == "h1" and self.h1_at is None and self.chrome_at is None and not void:
            self.h1_at = len(self.stack) - 1
            self.h1s.append(_H1(article=self.articles - 1 if self.article_at is not None else -1,
                                in_main=self.main_at is not None,
                                banner=self.banners - 1 if self.banner_at is not None else -1))

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID_TAGS:  # <div/>: opened and closed at once
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID_TAGS:
            if self.drop_at is None and tag in _BLOCK_TAGS:
                self._flush()
            return
        # the innermost open element of this name closes, and every element opened inside it
        if self.stack and self.stack[-1] == tag:
            depth = len(self.stack) - 1
        else:
            depth = next((i for i in range(len(self.stack) - 1, -1, -1) if self.stack[i] == tag), None)
            if depth is None:
                return  # a stray end tag
        del self.stack[depth:]
        if self.drop_at is not None:
            if depth > self.drop_at:
                return
            self.drop_at = None
            if self._ld is not None:
                self.json_ld.append("".join(self._ld))
                self._ld = None
            if tag == self.drop_tag:
                return
        if tag == "title":
            self.in_title = False
            return
        if tag in _BLOCK_TAGS or tag in ("body", "html"):
            self._flush()
        if self.chrome_at is not None and depth <= self.chrome_at:
            self._flush()
            if self.chrome_text:
                self.chrome.append((" | ".join(self.chrome_text), self.chrome_reason))
            self.chrome_at, self.chrome_text = None, []
        if self.article_at is not None and depth <= self.article_at:
            self._flush()
            self.article_at = None
        if self.main_at is not None and depth <= self.main_at:
            self.main_at = None
        if self.banner_at is not None and depth <= self.banner_at:
            self.banner_at = None
        if self.h1_at is not None and depth <= self.h1_at:
            self.h1_at = None
        if self.time_at is not None and depth <= self.time_at:
            self.time_at = None

    def handle_data(self, data: str) -> None:
        if self.drop_at is not None:
            if self._ld is not None:
                self._ld.append(data)
            return
        if self.in_title:
            self.title += data
            return
        if self.h1_at is not None and self.chrome_at is None:
            h1 = self.h1s[-1]
            h1.text += data
            if h1.article >= 0 and data.strip():
                self.h1_articles.add(h1.article)
        self.current.append(data)
        if self.time_at is not None:
            self.current_time.append(data)

    def handle_comment(self, data: str) -> None:
        if not self.saved_from and self.drop_at is None:
            for pattern in _page_metadata()[1]:
                m = pattern.search(data)
                if m:
                    self.saved_from = m.group(1)
                    break

    def close(self) -> None:
        super().close()
        if self._ld is not None:
            self.json_ld.append("".join(self._ld))
        self._flush()
        if self.chrome_at is not None and self.chrome_text:  # furniture never closed
            self.chrome.append((" | ".join(self.chrome_text), self.chrome_reason))


#: ``<meta>`` names giving the outlet; the date keys are in data/dictionaries/dates.yaml.
_HTML_META = (("og:site_name", "outlet"),)
#: A first block longer than this is body text, not a title, when the page names no title.
_MAX_TITLE_CHARS = 200


def _json_children(node):
    """Every (key, value) below a parsed JSON value, depth first in document order (a list's items
    have the key None): a value comes before what it holds."""
    if isinstance(node, dict):
        for k, v in node.items():
            yield k, v
            yield from _json_children(v)
    elif isinstance(node, list):
        for v in node:
            yield None, v
            yield from _json_children(v)


def json_ld_values(blocks: list[str], key: str) -> list[str]:
    """String values of ``key`` anywhere in the JSON-LD blocks (invalid JSON is ignored)."""
    found: list[str] = []
    for block in blocks:
        try:
            found.extend(v for k, v in list(_json_children(json.loads(block, strict=False)))
                         if k == key and isinstance(v, str))  # (a raw newline in a string, as pages write them)
        except (ValueError, RecursionError):
            continue
    return found


def _json_ld_story(blocks: list[str]) -> dict:
    """The first node of the JSON-LD blocks that is a story (``article_types``: NewsArticle, Article,
    BlogPosting ...), with its ``publisher``, ``author`` and ``mainEntityOfPage`` references
    ({"@id": ...}, as Yoast's @graph writes them) replaced by the nodes they name; {} when there is none."""
    types = _page_metadata()[0]
    nodes: list[dict] = []
    for block in blocks:
        try:
            root = json.loads(block, strict=False)
            nodes.extend(([root] if isinstance(root, dict) else [])
                         + [v for _, v in _json_children(root) if isinstance(v, dict)])
        except (ValueError, RecursionError):
            continue
    by_id = {n["@id"]: n for n in nodes if isinstance(n.get("@id"), str) and len(n) > 1}

    def is_story(node: dict) -> bool:
        kinds = node.get("@type")
        kinds = kinds if isinstance(kinds, list) else [kinds]
        return any(isinstance(k, str) and k.rsplit("/", 1)[-1] in types for k in kinds)

    story = next((n for n in nodes if is_story(n)), None)
    if story is None:
        return {}

    def resolve(ref):
        if isinstance(ref, dict) and isinstance(ref.get("@id"), str) and len(ref) == 1:
            return by_id.get(ref["@id"], ref)
        return ref

    story = dict(story)
    for key in ("publisher", "author", "mainEntityOfPage"):
        ref = story.get(key)
        story[key] = [resolve(r) for r in ref] if isinstance(ref, list) else resolve(ref)
    return story


def _page_url(parser: "_TextExtractor", story: dict) -> str:
    """The page's address: og:url, else its canonical link, else its JSON-LD story's url or
    mainEntityOfPage, else the address a browser saved it from (each but og:url an absolute
    http(s) address)."""
    if parser.meta.get("og:url"):
        return parser.meta["og:url"]

    def first(value):
        return value[0] if isinstance(value, list) and value else value

    page = first(story.get("mainEntityOfPage"))
    if isinstance(page, dict):
        page = page.get("url") or page.get("@id")
    for url in (parser.canonical, first(story.get("url")), page, parser.saved_from):
        if isinstance(url, str) and re.match(r"https?://\S+$", url.strip()):
            return url.strip()
    return ""


def _json_ld_name(node) -> str:
    """The name of a JSON-LD node (an Organization, a Person), or the node itself when it is a string."""
    if isinstance(node, list):
        node = node[0] if node else ""
    if isinstance(node, dict):
        node = node.get("name")
    return re.sub(r"\s+", " ", node).strip() if isinstance(node, str) else ""


def _json_ld_names(node) -> list[str]:
    """The names of a JSON-LD node or list of nodes (the authors of a story)."""
    return [n for n in (_json_ld_name(v) for v in (node if isinstance(node, list) else [node])) if n]


def _name_key(text: str) -> str:
    """A name compared: its letters and digits, lower case, without a leading word "the"."""
    return re.sub(r"[\W_]+", "", re.sub(r"^\W*the\s+", "", text.lower()))


def _host_name(url: str) -> str:
    """The name in an address's host ("reuters" for www.reuters.com, "bbc" for www.bbc.co.uk)."""
    labels = (urlparse(url).hostname or "").split(".")
    if len(labels) < 2:
        return ""
    if len(labels) > 2 and len(labels[-1]) == 2 and labels[-2] in ("co", "com", "org", "net", "gov", "ac", "or"):
        return labels[-3]
    return labels[-2]


def split_site_name(title: str, *, names: list[str], headline: str = "", host: str = "") -> tuple[str, str]:
    """(headline, site's name) of a <title> that joins them ("Headline | Outlet", "Outlet - Headline"),
    or (title, "") when it does not: a side of a separator (``title_separators``) is the site's name
    when it is one of ``names`` or the name in the page's ``host``, or when the other side is the
    page's ``headline`` and it holds no separator itself. The outermost separator is tried first, so
    "Headline | World | Outlet" loses only its last part by the name."""
    separators = _page_metadata()[2]

    def bare(side: str) -> bool:
        return not any(sep in side for sep in separators)

    keys = {_name_key(n) for n in names if _name_key(n)}
    if host:  # "theguardian" is The Guardian's
        keys |= {host, host[3:]} if host.startswith("the") and len(host) > 3 else {host}
    head = _name_key(headline)
    cuts = sorted({(m.start(), m.end()) for sep in separators for m in re.finditer(re.escape(sep), title)})
    for start, end in reversed(cuts):  # the site's name after the headline
        left, right = title[:start].strip(), title[end:].strip()
        if left and right and (_name_key(right) in keys or (head and _name_key(left) == head and bare(right))):
            return left, right
    for start, end in cuts:  # the site's name before it
        left, right = title[:start].strip(), title[end:].strip()
        if left and right and (_name_key(left) in keys or (head and _name_key(right) == head and bare(left))):
            return right, left
    return title, ""


def _page_title(parser: "_TextExtractor", story: dict, *, names: list[str], host: str) -> str:
    """The title of a page without a headline <h1>: its og:title (ogp.me: the title as it should
    appear, the site's name apart in og:site_name), else its JSON-LD story's headline (schema.org),
    else its <title>; each without the site's name joined to it (``split_site_name`` by the names
    the page gives and its host's)."""
    for title in (parser.meta.get("og:title", ""), _json_ld_name(story.get("headline")), parser.title):
        title = re.sub(r"\s+", " ", title).strip()
        if title:
            return split_site_name(title, names=names, host=host)[0]
    return ""


def _story_time(times: list[_Time], article: int | None, banners: set[int]) -> str:
    """The ``<time datetime>`` that dates the story: none marked only as the last-modified time, in
    furniture holding other stories or comments, in another <article> than the story's (``article``)
    or in a removed banner (``banners``, the day the page is read on); of the rest, the first marked
    as the publication time, else the first ("" when none is left)."""
    left = [t for t in times if not (t.modified and not t.published) and not t.elsewhere
            and not (article is not None and t.article >= 0 and t.article != article)
            and not (t.banner >= 0 and t.banner in banners)]
    first = next((t for t in left if t.published), left[0] if left else None)
    return first.value if first else ""


def _drop_page_names(blocks: list[str], removed: list[tuple[str, str]], *, site: list[str],
                     authors: list[str]) -> list[str]:
    """The blocks less those that are only the site's name (a wordmark set as text: "site name") or
    only an author's name (a byline: "byline"), as the page's metadata gives them (og:site_name, the
    JSON-LD publisher and author, <meta name="author">); the dropped ones are added to ``removed``."""
    names = {_name_key(n): "site name" for n in site if _name_key(n)}
    names.update({_name_key(n): "byline" for n in authors if _name_key(n) and not n.startswith("http")})
    if not names:
        return blocks
    kept = []
    for block in blocks:
        why = names.get(_name_key(block)) if len(block) <= 100 else None
        if why:
            removed.append((block, why))
        else:
            kept.append(block)
    return kept


def _headline(h1s: list[_H1], article: int | None) -> _H1 | None:
    """The page's headline among its <h1>s (None when it has none): the first inside the story's
    <article> (``article``), else the first inside <main>, else the first outside the page's banner
    (where a site sets its name as an <h1>), else the first. An <h1> that is only the site's name
    (og:site_name, the JSON-LD publisher) is its logo and is no candidate (``parse_html``).

    HTML allows an <h1> per section, and pages use several: the site's logo in the page header, a
    sidebar widget's heading, the story's headline; the headline is the one of the story's own
    element (HTML: <article> is the self-contained composition, <main> the page's dominant content;
    HTML-AAM: a <header> outside them, and outside aside, nav and section, is the page's banner).
    """
    tests = ([lambda h: h.article == article] if article is not None else []) + [
        lambda h: h.in_main, lambda h: h.banner < 0, lambda h: True]
    for test in tests:
        for h in h1s:
            if test(h):
                return h
    return None


def parse_html(text: str) -> Source:
    """HTML: text of block elements, scripts and styles dropped; the title is the headline <h1>, else
    og:title, the JSON-LD headline or the <title>, less the site's name (``_page_title``).

    Date candidates go into ``meta`` under ``html_date:<where>`` keys (``<meta>`` fields,
    JSON-LD ``datePublished``, the ``<time datetime>`` that dates the story, ``_story_time``);
    ``parse.parse_source`` picks one.
    """
    parser = _TextExtractor()
    parser.feed(text)
    parser.close()
    blocks = [html.unescape(b) for b in parser.blocks]
    removed = [(html.unescape(t), why) for t, why in parser.chrome]
    if not blocks and removed:  # everything was read as furniture (an unclosed <nav>): keep it all, as before
        parser = _TextExtractor()
        parser.chrome_tags, parser.chrome_words, parser.time_lines = frozenset(), frozenset(), False
        parser.feed(text)
        parser.close()
        blocks, removed = [html.unescape(b) for b in parser.blocks], []
    story = _json_ld_story(parser.json_ld) if parser.json_ld else {}
    publisher = _json_ld_name(story.get("publisher"))
    for h in parser.h1s:
        h.text = re.sub(r"\s+", " ", h.text).strip()
    h1_texts = {h.text for h in parser.h1s if h.text}
    # an <h1> that is only the site's name is its logo, no headline
    site = {_name_key(n) for n in (parser.meta.get("og:site_name", ""), publisher) if _name_key(n)}
    h1s = [h for h in parser.h1s if h.text and _name_key(h.text) not in site]
    main = None
    if parser.articles:
        # The page's story is its <article> (HTML: "a complete, self-contained composition"); with
        # several (teasers of other stories, whose text may be longer than a short story's), the one
        # holding the page's headline, its <h1>, with text besides it; the one with the most text when
        # none or several do. The rest is furniture.
        size: dict[int, int] = {}
        headed: set[int] = set()
        for block, where in zip(blocks, parser.block_article):
            if where >= 0:
                size[where] = size.get(where, 0) + len(block)
                if where in parser.h1_articles and block not in h1_texts:
                    headed.add(where)
        if size:
            main = max(headed or size, key=lambda a: (size[a], -a))
            head = _headline(h1s, main)
            h1 = head.text if head else ""
            outside = [b for b, where in zip(blocks, parser.block_article) if where != main and b != h1]
            if outside:
                removed.append((" | ".join(outside), "outside the page's <article>"))
            blocks = [b for b, where in zip(blocks, parser.block_article) if where == main]
    if main is None:
        head = _headline(h1s, None)
        h1 = head.text if head else ""
        if any(b >= 0 for b in parser.block_banner):
            # The page's banner (HTML-AAM: a <header> outside every article, aside, main, nav and
            # section) is the site's masthead: its name, tagline, the date it is read on; furniture,
            # unless the page's headline is in it.
            own = head.banner if head else -1
            banner = [b for b, where in zip(blocks, parser.block_banner) if where >= 0 and where != own]
            if banner:
                removed.append((" | ".join(banner), "page header <header>"))
                blocks = [b for b, where in zip(blocks, parser.block_banner) if where < 0 or where == own]
    meta = {}
    for key, name in _HTML_META:
        if parser.meta.get(key):
            meta.setdefault(name, parser.meta[key])
    url = _page_url(parser, story)
    title = h1 or _page_title(parser, story, names=[meta.get("outlet", ""), publisher], host=_host_name(url))
    if title and title in blocks[:3]:
        blocks.remove(title)  # the headline, read as the title
    elif not title and len(blocks) > 1 and len(blocks[0]) <= _MAX_TITLE_CHARS:
        title, blocks = blocks[0], blocks[1:]
    if publisher:
        meta.setdefault("outlet", publisher)
    if "outlet" not in meta:
        # the site's name in the <title>, when the page's host or headline shows which side it is
        headline = h1 or parser.meta.get("og:title", "") or _json_ld_name(story.get("headline"))
        site = split_site_name(re.sub(r"\s+", " ", parser.title).strip(), names=[], headline=headline,
                               host=_host_name(url))[1]
        if site:
            meta["outlet"] = site
    if url:
        meta["source_url"] = url
    blocks = _drop_page_names(blocks, removed, site=[meta.get("outlet", ""), publisher],
                              authors=_json_ld_names(story.get("author")) + [parser.meta.get("author", "")])
    candidates = [(f"meta {key}", parser.meta[key]) for key in dates.html_meta_keys() if parser.meta.get(key)]
    candidates += [("JSON-LD datePublished", v) for v in json_ld_values(parser.json_ld, "datePublished")]
    own = head.banner if head else -1
    when = _story_time(parser.times, main, set(range(parser.banners)) - {own})
    if when:
        candidates.append(("<time datetime>", when))
    for where, value in candidates:
        meta.setdefault(f"html_date:{where}", value.strip())
    notes = [f"dropped <{tag}> elements" for tag in sorted(parser.dropped - {"head"})]
    # One block per paragraph, separated by blank lines, so paragraphing keeps them apart.
    lines: list[str] = []
    for block in blocks:
        lines.extend([block, ""])
    return Source(lines=lines, title=title, meta=meta, notes=notes, removed=removed)
