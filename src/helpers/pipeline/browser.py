"""Check rendered pages in headless Chromium: the page paints something, every <img> loads, no script pops a dialog.

Each page is opened as a temporary copy that carries ``<base href>`` to the page's folder (so
relative links resolve as in the original), a first script that traps alert/confirm/prompt (an
injected script would call them; a real dialog would also hang headless Chromium), and a probe
that, on load, counts images with ``naturalWidth > 0`` and writes
``<meta id="imgcheck" content="loaded=N broken=M dialogs=K">`` into the DOM, read back with
``--dump-dom``. A screenshot of the same copy must not be blank (more than one colour). Nothing is
served; every host name resolves to nothing, so the check runs offline and fetches nothing.

    python -m helpers.pipeline.browser BUILD/reports/brief.html BUILD/reports/index.html [--screenshots DIR]
"""
from __future__ import annotations

import argparse
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
#: Goes first in <head>: counts calls to alert/confirm/prompt (an injected script would make them).
TRAP = """<script>
window.__dialogs = 0;
window.alert = window.confirm = window.prompt = function () { window.__dialogs += 1; };
</script>"""
PROBE = """<script>
window.addEventListener("load", function () {
  var imgs = Array.prototype.slice.call(document.images);
  var broken = imgs.filter(function (i) { return !(i.complete && i.naturalWidth > 0); });
  var meta = document.createElement("meta");
  meta.id = "imgcheck";
  meta.setAttribute("content", "loaded=" + (imgs.length - broken.length) + " broken=" + broken.length +
                    " dialogs=" + window.__dialogs);
  meta.setAttribute("data-broken", JSON.stringify(broken.map(function (i) { return i.getAttribute("src"); })));
  document.head.appendChild(meta);
});
</script>"""
MARKER = re.compile(r'<meta[^>]*id="imgcheck"[^>]*>')


def find_chromium() -> str | None:
    """The Chromium executable: $CHROMIUM if set, else the first candidate on PATH."""
    env = os.environ.get("CHROMIUM")
    if env:
        return env if Path(env).exists() or shutil.which(env) else None
    for name in CANDIDATES:
        path = shutil.which(name)
        if path:
            return path
    return None


def chromium_command(chromium: str, profile: Path) -> list[str]:
    """Headless Chromium with a fresh profile, no background traffic and no DNS."""
    return [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-extensions", "--disable-dev-shm-usage", "--hide-scrollbars", "--mute-audio",
            "--host-resolver-rules=MAP * ~NOTFOUND", f"--user-data-dir={profile}"]


def with_probe(page: str, folder: Path) -> str:
    """The page with a <base> at its folder and the dialog trap first in <head>, the image probe before </body>."""
    base = f'<base href="{html.escape(folder.resolve().as_uri(), quote=True)}/">' + TRAP
    m = re.search(r"<head[^>]*>", page, re.IGNORECASE)
    page = page[: m.end()] + base + page[m.end():] if m else base + page
    i = page.lower().rfind("</body>")
    return page[:i] + PROBE + page[i:] if i >= 0 else page + PROBE


@dataclass
class PageCheck:
    """What the browser saw on one page."""

    page: Path
    images: int = 0
    loaded: int = 0
    broken: list[str] = field(default_factory=list)
    dialogs: int = 0
    screenshot: Path | None = None
    colours: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors and not self.broken and not self.dialogs and self.colours > 1

    def summary(self) -> str:
        state = "ok" if self.ok else "FAIL"
        text = (f"{state} {self.page}: images loaded={self.loaded} broken={len(self.broken)}; "
                f"script dialogs={self.dialogs}; screenshot colours={self.colours}")
        if self.broken:
            text += f"; broken: {', '.join(self.broken[:5])}"
        if self.errors:
            text += f"; errors: {'; '.join(self.errors)}"
        return text


def distinct_colours(png: Path, limit: int = 256) -> int:
    """How many colours a PNG has (up to ``limit``); 1 means a blank page."""
    from PIL import Image

    with Image.open(png) as im:
        colours = im.convert("RGB").getcolors(maxcolors=limit)
    return limit + 1 if colours is None else len(colours)


def _run(cmd: list[str], timeout: float, home: Path) -> subprocess.CompletedProcess:
    """Run Chromium with HOME and the XDG folders in ``home``, so it writes nothing to the user's home."""
    env = dict(os.environ, HOME=str(home), XDG_CONFIG_HOME=str(home / "config"), XDG_CACHE_HOME=str(home / "cache"),
               XDG_DATA_HOME=str(home / "data"))
    return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL, env=env)


def check_page(page: str | Path, chromium: str | None = None, screenshot_dir: str | Path | None = None,
               width: int = 1280, height: int = 1600, timeout: float = 90.0) -> PageCheck:
    """Render one page: screenshot it and count the images that loaded."""
    page = Path(page).resolve()
    result = PageCheck(page)
    chromium = chromium or find_chromium()
    if chromium is None:
        result.errors.append("Chromium not found (install the Debian package `chromium`)")
        return result
    if not page.exists():
        result.errors.append("page not found")
        return result
    with tempfile.TemporaryDirectory(prefix="browsercheck-") as tmp:
        tmp = Path(tmp)
        probed = tmp / "probed.html"
        probed.write_text(with_probe(page.read_text(encoding="utf-8", errors="replace"), page.parent),
                          encoding="utf-8")
        wait = ["--virtual-time-budget=5000", "--run-all-compositor-stages-before-draw"]
        try:
            dump = _run(chromium_command(chromium, tmp / "profile-dom") + wait + ["--dump-dom", probed.as_uri()],
                        timeout, tmp)
        except subprocess.TimeoutExpired:
            result.errors.append(f"--dump-dom timed out after {timeout:.0f}s")
            return result
        m = MARKER.search(dump.stdout)
        if not m:
            result.errors.append(f"no image probe in the DOM (exit {dump.returncode}): "
                                 f"{dump.stderr.strip().splitlines()[-1:] or ''}")
        else:
            tag = html.unescape(m.group(0))
            counts = re.search(r"loaded=(\d+) broken=(\d+) dialogs=(\d+)", tag)
            result.loaded = int(counts.group(1))
            result.dialogs = int(counts.group(3))
            result.images = result.loaded + int(counts.group(2))
            listed = re.search(r"data-broken='([^']*)'|data-broken=\"([^\"]*)\"", m.group(0))
            if listed:
                result.broken = json.loads(html.unescape(listed.group(1) or listed.group(2) or "[]"))
            if int(counts.group(2)) and not result.broken:
                result.broken = [f"{counts.group(2)} image(s)"]
        folder = Path(screenshot_dir) if screenshot_dir else tmp
        folder.mkdir(parents=True, exist_ok=True)
        shot = folder / f"{page.stem}.png"
        try:
            _run(chromium_command(chromium, tmp / "profile-shot") + wait
                 + [f"--window-size={width},{height}", f"--screenshot={shot}", probed.as_uri()], timeout, tmp)
        except subprocess.TimeoutExpired:
            result.errors.append(f"--screenshot timed out after {timeout:.0f}s")
            return result
        if not shot.exists():
            result.errors.append("no screenshot written")
        else:
            result.colours = distinct_colours(shot)
            result.screenshot = shot if screenshot_dir else None
            if result.colours <= 1:
                result.errors.append("the screenshot is blank (one colour)")
    return result


def main(argv: list[str] | None = None) -> int:
    """Command line: check each page; exit 0 when all pass, 1 when one fails, 2 without Chromium."""
    ap = argparse.ArgumentParser(prog="python -m helpers.pipeline.browser", description=__doc__.splitlines()[0])
    ap.add_argument("pages", nargs="+", help="HTML files to check")
    ap.add_argument("--screenshots", default=None, help="folder to keep the screenshots in")
    ap.add_argument("--timeout", type=float, default=90.0)
    args = ap.parse_args(argv)
    chromium = find_chromium()
    if chromium is None:
        print("browser check: Chromium not found; install it (apt-get install -y chromium) "
              "or set CHROMIUM=/path/to/chrome", file=sys.stderr)
        return 2
    results = [check_page(p, chromium, args.screenshots, timeout=args.timeout) for p in args.pages]
    for r in results:
        print(r.summary())
    return 0 if all(r.ok for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
