"""The report in a real headless browser: it loads without errors and its charts render.

Needs Debian's ``chromium`` package (``apt-get install -y chromium``; add
``fonts-wqy-zenhei`` for Chinese glyphs in screenshots). Skipped, saying so,
when no chromium is found at /usr/bin/chromium or on PATH.

The page's own inline script counts the SVG charts that have a non-empty
bounding box and writes the count into ``#render-check``; ``--dump-dom`` shows
the DOM after scripts ran. Any console message (a JavaScript error, a blocked
script under the Content-Security-Policy) fails the test.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

import pytest
from click.testing import CliRunner

from tests.stats.stats_helpers import Lab, simulate
from trainer.cli import cli

NOW = datetime(2026, 4, 4, 12, 0, tzinfo=timezone.utc)
EVIL = "<script>alert(1)</script>"
INSTALL = "apt-get install -y chromium  (Debian package; fonts-wqy-zenhei for Chinese glyphs)"


def chromium() -> str:
    for candidate in ("/usr/bin/chromium", shutil.which("chromium"), shutil.which("chromium-browser")):
        if candidate and Path(candidate).exists():
            return candidate
    pytest.skip(f"chromium not found at /usr/bin/chromium or on PATH; install it with: {INSTALL}")


def headless(browser: str, *args: str) -> subprocess.CompletedProcess[str]:
    with tempfile.TemporaryDirectory(prefix="chromium-profile-") as profile:
        return subprocess.run(
            [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={profile}", "--enable-logging=stderr", "--v=0", *args],
            capture_output=True, text=True, timeout=120,
        )


@pytest.fixture
def report(make_lab: Callable[..., Lab], tmp_path: Path) -> Path:
    lab = make_lab("trainer.db", notes=8)
    for i, name in enumerate(["ana", EVIL, "Bảo"]):
        simulate(lab, lab.learner(name), NOW, days=60 - 20 * i, seed=i)
    out = tmp_path / "report.html"
    result = CliRunner().invoke(cli, ["report", "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


def test_report_loads_without_errors_and_renders_its_charts(report: Path) -> None:
    browser = chromium()
    result = headless(browser, "--virtual-time-budget=5000", "--dump-dom", report.as_uri())
    assert result.returncode == 0, result.stderr[-2000:]
    check = re.search(r'<p id="render-check"([^>]*)>([^<]*)</p>', result.stdout)
    assert check is not None, result.stdout[-2000:]
    assert 'data-charts="9"' in check.group(1) and check.group(2) == "charts rendered: 9"
    assert 'data-scripts="1"' in check.group(1)  # the learner named <script> stayed text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in result.stdout
    console = [line for line in result.stderr.splitlines() if ":CONSOLE" in line]
    assert console == []


def test_report_screenshot(report: Path, tmp_path: Path) -> None:
    browser = chromium()
    shot = tmp_path / "report.png"
    result = headless(browser, f"--screenshot={shot}", "--window-size=1200,1600", report.as_uri())
    assert result.returncode == 0, result.stderr[-2000:]
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000
