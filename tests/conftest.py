"""Shared fixtures: the seeds, their hand-coded gold, and a small corpus of awkward files."""
from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
GOLD = ROOT / "data" / "gold" / "seeds"


def read_gold(name: str) -> list[dict]:
    with open(GOLD / name, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="session")
def seed_paths() -> list[Path]:
    return sorted(SEEDS.glob("*.txt"))


MARKDOWN_ARTICLE = """---
title: "Readout of a Call with the Foreign Minister of Kazakhstan"
date: '2023-03-01'
source_url: https://www.example.gov/briefing-room/2023/03/01/readout/
---

Secretary of State Antony Blinken spoke today with Kazakh Foreign Minister
Mukhtar Tileuberdi. The Secretary reaffirmed U.S. support for the
sovereignty of Kazakhstan.

The two discussed the C5+1 meeting in Astana. They agreed to meet again
in Washington.

\\###
"""

HTML_ARTICLE = """<!doctype html><html><head><title>Site | Page</title>
<style>p { color: red }</style><script>var tracking = "Russia invaded nothing";</script></head>
<body><nav>Home</nav><h1>Tokayev meets Mirziyoyev in Tashkent</h1>
<p>Kazakh President Kassym-Jomart Tokayev met Uzbek President Shavkat Mirziyoyev on Friday.</p>
<p>They signed a treaty on the border. &ldquo;This is a good day,&rdquo; Tokayev said.</p>
<p>Advertisement</p>
<script>document.write("injected")</script>
</body></html>"""

CP1252_TEXT = "Café diplomacy in Astana\n\nThe minister’s visit was “productive”, officials said.\n"


def make_fixture_corpus(folder: Path) -> Path:
    """Write a corpus with one file of each awkward kind; returns the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(SEEDS / "001_d77938fc9936a4d2.txt", folder / "wire.txt")
    shutil.copy(SEEDS / "001_d77938fc9936a4d2.txt", folder / "wire_copy.txt")  # the same article twice
    (folder / "readout.md").write_text(MARKDOWN_ARTICLE, encoding="utf-8")
    (folder / "page.html").write_text(HTML_ARTICLE, encoding="utf-8")
    (folder / "legacy.txt").write_bytes(CP1252_TEXT.encode("cp1252"))
    (folder / "bom_crlf.txt").write_bytes(
        b"\xef\xbb\xbfBOM title\r\n\r\nThe first paragraph has a BOM and CRLF lines.\r\nIt ends here.\r\n"
    )
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_bytes(b"  \n\n \n")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (folder / "scan.pdf").write_bytes(b"%PDF-1.4 not really")
    sub = folder / "nested"
    sub.mkdir(exist_ok=True)
    (sub / "wire.txt").write_text("Same name, other text\n\nA different article with the same file name.\n",
                                  encoding="utf-8")
    return folder


@pytest.fixture
def fixture_corpus(tmp_path: Path) -> Path:
    return make_fixture_corpus(tmp_path / "corpus")


@pytest.fixture(scope="session")
def pipeline_run(tmp_path_factory):
    """The whole pipeline (make) on the fixture corpus, into a temporary BUILD."""
    import subprocess

    base = tmp_path_factory.mktemp("pipeline")
    corpus = make_fixture_corpus(base / "corpus")
    build = base / "build"

    def snapshot():
        return {str(p): p.stat().st_mtime_ns for d in ("data/interim", "data/processed", "reports")
                for p in (ROOT / d).rglob("*") if p.is_file()}

    before = snapshot()
    proc = subprocess.run(["make", "-C", str(ROOT), f"CORPUS={corpus}", f"BUILD={build}"],
                          capture_output=True, text=True, timeout=1800)
    return corpus, build, proc, before == snapshot()


#: A long text (about 110 KB) with no sentence punctuation: one endless "sentence". It names no
#: actor: with actors, the event and stance grammar is superlinear in a sentence's mentions (see
#: scripts/bench.py d.), which the per-document time budget and the sentence length cut bound.
NO_FULL_STOP = "Unpunctuated wire copy\n\n" + " ".join(
    ["the talks would go on and the ministers would meet again next week in the capital"] * 1400)

BAD_FRONT_MATTER = """---
title: [unclosed
date: 2023-01-02
outlet: Example Wire
---

Kazakh President Kassym-Jomart Tokayev met Uzbek President Shavkat Mirziyoyev on Friday. They signed a treaty.
"""

HTML_DATED = """<html><head><title>Dated page</title>
<meta property="article:published_time" content="2023-02-03T09:30:00Z">
<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2023-02-04"}</script>
</head><body><h1>Tokayev in Tashkent</h1><p>Tokayev met Mirziyoyev on Friday. They signed a treaty.</p></body></html>"""


def deep_html(depth: int = 3000) -> str:
    """Body text inside ``depth`` nested divs, after an unclosed <svg> in a sibling block."""
    return ("<html><head><title>Deep page</title></head><body>" + "<div>" * depth
            + "<section><svg><path d='M0'></section>"  # the svg is never closed: its section ends it
            + "<p>Kazakhstan abstained in the vote on Friday. The U.S. voted in favor.</p>"
            + "</div>" * depth + "</body></html>")


def make_hostile_corpus(folder: Path) -> dict[str, str]:
    """The awkward corpus plus every hostile kind of entry; returns {path: what the manifest must say}
    (``processed``, or a fragment of the skip reason)."""
    import os
    import socket

    make_fixture_corpus(folder)
    expect = {"wire.txt": "processed", "wire_copy.txt": "duplicate of wire.txt", "readout.md": "processed",
              "page.html": "processed", "legacy.txt": "processed", "bom_crlf.txt": "processed",
              "empty.txt": "empty file", "blank.txt": "empty file", "binary.txt": "binary",
              "scan.pdf": "unsupported file type", "nested/wire.txt": "processed"}
    os.mkfifo(folder / "pipe.txt")
    expect["pipe.txt"] = "named pipe (FIFO)"
    try:
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        sock.bind(str(folder / "socket.txt"))
        sock.close()  # the socket file stays
        expect["socket.txt"] = "socket"
    except (OSError, AttributeError):  # pragma: no cover - no Unix sockets, or the path is too long
        pass
    (folder / "broken.txt").symlink_to(folder / "gone.txt")
    expect["broken.txt"] = "broken symbolic link"
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    expect["loop.txt"] = "symbolic link loop"
    (folder / "nested" / "up").symlink_to(folder)
    expect["nested/up"] = "symbolic link to a folder"
    (folder / "alias.txt").symlink_to(folder / "legacy.txt")  # read once, under the file's own name
    expect["alias.txt"] = "symbolic link to legacy.txt"
    (folder / "utf16.txt").write_bytes("Astana talks\n\nThe minister’s visit was productive.\n".encode("utf-16"))
    expect["utf16.txt"] = "processed"
    (folder / "utf32.txt").write_bytes("Tashkent talks\n\nThe ministers met in Tashkent.\n".encode("utf-32"))
    expect["utf32.txt"] = "processed"
    (folder / "bad_front.md").write_text(BAD_FRONT_MATTER, encoding="utf-8")
    expect["bad_front.md"] = "processed"
    (folder / "deep.html").write_text(deep_html(), encoding="utf-8")
    expect["deep.html"] = "processed"
    (folder / "dated.html").write_text(HTML_DATED, encoding="utf-8")
    expect["dated.html"] = "processed"
    (folder / "no_full_stop.txt").write_text(NO_FULL_STOP, encoding="utf-8")
    expect["no_full_stop.txt"] = "processed"
    (folder / "rows.csv").write_text(
        'id,title,date,outlet,body\n'
        'r1,Vote in New York,"March 2, 2023",Example Wire,"Kazakhstan abstained. The U.S. voted in favor."\n'
        'r2,Broken,row\n'
        'r3,No text,2023-03-03,Example Wire,\n', encoding="utf-8")
    expect.update({"rows.csv#row=1": "processed", "rows.csv#row=2": "malformed row",
                   "rows.csv#row=3": "no text in column"})
    return expect


@pytest.fixture
def hostile_corpus(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    folder = tmp_path / "hostile"
    return folder, make_hostile_corpus(folder)
