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
