"""Helpers the convention tests share: run the pipeline's per-document analysis on a short
constructed passage and return the rows a test looks at."""
from __future__ import annotations

from helpers.pipeline.document import analyse_file, analyse_text

#: A White House address, so the text is read as the government's own release (publisher USA).
WH = "https://bidenwhitehouse.archives.gov/briefing-room/statements-releases/2023/04/14/x/"


def mentions(text: str) -> list[dict]:
    """The mention rows of a passage (under a one-word title, so the passage is all body)."""
    return analyse_text(f"Story\n\n{text}")["mentions"]


def actor_ids(text: str) -> list[str]:
    return [m["actor_id"] for m in mentions(text)]


def people(text: str) -> set[str]:
    return {m["actor_name"] for m in mentions(text) if m["kind"] == "person"}


def stances(text: str, title: str = "Ministers meet") -> set[tuple[str, str, str]]:
    """Stance rows (actor, target, label) of a passage under ``title`` (its first line)."""
    rows = analyse_text(title + "\n\n" + text)
    return {(r["actor_id"], r["target"], r["label"]) for r in rows["stance"]}


def white_house_stance(tmp_path, title: str, body: str, date: str = "2023-04-14") -> set[tuple[str, str, str]]:
    """Stance rows (actor, target, label) of a White House text, front matter as the archive gives it."""
    path = tmp_path / "doc.md"
    path.write_text(f"---\ndate: '{date}'\nsource_url: {WH}\ntitle: \"{title}\"\n---\n\n{body}\n", encoding="utf-8")
    return {(r["actor_id"], r["target"], r["label"]) for r in analyse_file(str(path), "doc").rows["stance"]}
