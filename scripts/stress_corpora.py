"""Build the corpora the closing notes measure on, from the shipped White House statements.

    .venv/bin/python scripts/stress_corpora.py OUT_DIR

writes OUT_DIR/wh/ (the 3,461 statements unpacked), OUT_DIR/wh10k.csv (10,000 rows: the
statements three times with distinct ids, outlets and a republication line, so no row is a
duplicate of another) and OUT_DIR/hostile/ (tests/conftest.py's hostile corpus plus a 14 MB
single-line "scraper dump" with no sentence punctuation). Then, for example:

    make CORPUS=OUT_DIR/wh BUILD=/tmp/wh-run
    make CORPUS=OUT_DIR/wh10k.csv BUILD=/tmp/csv-run
    make CORPUS=OUT_DIR/hostile BUILD=/tmp/hostile-run
    scripts/compare_builds.sh /tmp/run-a /tmp/run-b
"""
from __future__ import annotations

import csv
import random
import re
import sys
import tarfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
TARBALL = ROOT / "data" / "benchmarks" / "wh-statements-2022-2023.tar.gz"


def unpack(out: Path) -> list[Path]:
    target = out / "wh"
    if not target.exists():
        with tarfile.open(TARBALL) as tar:
            tar.extractall(target, filter="data")
    return sorted(target.rglob("*.md"))


def table_corpus(files: list[Path], path: Path, n: int = 10_000) -> None:
    rows = []
    for f in files:
        raw = f.read_text(encoding="utf-8")
        m = re.match(r"---\n(.*?)\n---\n(.*)", raw, re.S)
        meta = (yaml.safe_load(m.group(1)) or {}) if m else {}
        rows.append({"title": meta.get("title", ""), "date": str(meta.get("date", "")),
                     "url": meta.get("source_url", ""), "text": m.group(2) if m else raw})
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=["id", "title", "date", "outlet", "url", "text"])
        w.writeheader()
        for i in range(n):
            r, copy = dict(rows[i % len(rows)]), i // len(rows)
            r["id"], r["outlet"] = f"row{i:05d}", ["White House", "Wire copy A", "Wire copy B"][copy % 3]
            if copy:
                r["text"] += f"\n\n(Republished copy {copy}.)"
            w.writerow(r)


def hostile(files: list[Path], folder: Path, size: int = 14_000_000) -> None:
    from tests.conftest import make_hostile_corpus

    if not folder.exists():
        make_hostile_corpus(folder)
    words = files[0].read_text(encoding="utf-8").replace(".", " ").split()
    rnd, out, n = random.Random(3), [], 0
    while n < size:
        w = rnd.choice(words)
        out.append(w)
        n += len(w) + 1
    (folder / "scraper_dump_14mb.txt").write_text("Scraper dump\n" + " ".join(out), encoding="utf-8")


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    out = Path(argv[0]).resolve()
    out.mkdir(parents=True, exist_ok=True)
    files = unpack(out)
    table_corpus(files, out / "wh10k.csv")
    hostile(files, out / "hostile")
    print(f"{len(files)} statements, wh10k.csv and hostile/ under {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
