"""The browser check itself: headless Chromium sees loaded, broken and injected images (skips without Chromium)."""
from __future__ import annotations

import pytest

from helpers.report import figures as F
from helpers.pipeline.browser import check_page, find_chromium, main, with_probe

pytestmark = pytest.mark.browser

needs_chromium = pytest.mark.skipif(
    find_chromium() is None,
    reason="Chromium not found: install the Debian package `chromium` (apt-get install -y chromium) "
           "or set CHROMIUM=/path/to/chrome to run the browser check",
)


def page(folder, body: str, name: str = "page.html"):
    path = folder / name
    path.write_text(f"<!doctype html><html><head><title>t</title></head><body>{body}</body></html>",
                    encoding="utf-8")
    return path


def test_probe_goes_in_head_and_body(tmp_path):
    html = with_probe("<html><head><title>t</title></head><body><p>x</p></body></html>", tmp_path)
    assert html.index("<base href=") < html.index("window.alert =") < html.index("<title>")
    assert html.index('"imgcheck"') < html.index("</body>")
    assert tmp_path.resolve().as_uri() in html


@needs_chromium
def test_loaded_images_pass(tmp_path):
    F.save(F.no_data("a figure"), "fig", tmp_path / "figures")
    result = check_page(page(tmp_path, '<h1>Title</h1><img src="figures/fig.png" alt="f"><p>text</p>'))
    assert result.ok, result.summary()
    assert (result.images, result.loaded, result.broken, result.dialogs) == (1, 1, [], 0)
    assert result.colours > 1


@needs_chromium
def test_broken_images_and_injected_scripts_fail(tmp_path):
    F.save(F.no_data("a figure"), "fig", tmp_path)
    result = check_page(page(tmp_path, '<h1>T</h1><img src="fig.png" alt="f"><img src="missing.png" alt="m">'
                                       '<img src=x onerror=alert(1)>'))
    assert not result.ok
    assert result.loaded == 1 and len(result.broken) == 2 and "missing.png" in result.broken
    assert result.dialogs == 1


@needs_chromium
def test_blank_page_fails(tmp_path):
    result = check_page(page(tmp_path, ""))
    assert result.colours == 1 and not result.ok


@needs_chromium
def test_command_line(tmp_path, capsys):
    good = page(tmp_path, "<h1>Hello</h1>", "good.html")
    assert main([str(good)]) == 0
    bad = page(tmp_path, '<h1>Hello</h1><img src="nope.png" alt="n">', "bad.html")
    assert main([str(good), str(bad)]) == 1
    out = capsys.readouterr().out
    assert "ok " in out and "FAIL " in out
