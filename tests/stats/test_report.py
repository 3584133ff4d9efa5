"""The HTML report: escaping, CSP, well-formed SVG charts, atomic writes, clean errors."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import datetime, timezone
from html.parser import HTMLParser
from pathlib import Path
from typing import Callable

import pytest
from click.testing import CliRunner

from tests.stats.stats_helpers import Lab, at, simulate
from trainer.cli import cli
from trainer.report import SCRIPT, STYLE, csp_hash, render_report

NOW = datetime(2026, 4, 4, 12, 0, tzinfo=timezone.utc)
EVIL = "<script>alert(1)</script>"
SVG = "{http://www.w3.org/2000/svg}"


class Tags(HTMLParser):
    """Counts start tags and collects text, as a browser's parser would see them."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: dict[str, int] = {}
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags[tag] = self.tags.get(tag, 0) + 1

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parsed(page: str) -> Tags:
    tags = Tags()
    tags.feed(page)
    return tags


@pytest.fixture
def class_lab(make_lab: Callable[..., Lab]) -> Lab:
    """Three learners, one with a hostile name; ana has a note whose term needs escaping."""
    lab = make_lab("trainer.db", notes=8)
    for i, name in enumerate(["ana", EVIL, "Bảo & co"]):
        simulate(lab, lab.learner(name), NOW, days=60 - 20 * i, seed=i)
    lab.store.conn.execute("UPDATE notes SET term = '<b>\"&' WHERE rank = 0")
    lab.set_card(lab.cards(lab.store.find_learner("ana"))[0], lapses=9)  # type: ignore[arg-type]
    return lab


def figures(lab: Lab) -> list:
    return [lab.store.progress(learner, NOW, tz=timezone.utc) for learner in lab.store.learners()]


def test_text_is_escaped_and_only_our_script_exists(class_lab: Lab) -> None:
    page = render_report(figures(class_lab), NOW)
    tags = parsed(page)
    assert tags.tags["script"] == 1 and page.count("<script>") == 1
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    text = "".join(tags.text)
    assert EVIL in text and "Bảo & co" in text and '<b>"&' in text
    assert "<b>\"&" not in page


def test_content_security_policy_allows_exactly_the_inline_script_and_style(class_lab: Lab) -> None:
    page = render_report(figures(class_lab), NOW)
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page)
    assert policy is not None
    assert "default-src &#x27;none&#x27;" in policy.group(1)
    assert csp_hash(SCRIPT).replace("'", "&#x27;") in policy.group(1)
    assert csp_hash(STYLE).replace("'", "&#x27;") in policy.group(1)
    assert f"<script>{SCRIPT}</script>" in page and f"<style>{STYLE}</style>" in page
    assert "http://" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "https://" not in page


def test_every_learner_has_a_summary_row_and_three_wellformed_charts(class_lab: Lab) -> None:
    progress = figures(class_lab)
    page = render_report(progress, NOW)
    summary = page[page.index('<table class="summary">'):page.index("</table>")]
    assert summary.count("<tr>") == 1 + 3
    charts = re.findall(r'<svg class="chart".*?</svg>', page, re.S)
    assert len(charts) == 9
    for p, (heat, bars, line) in zip(progress, zip(*[iter(charts)] * 3)):
        heat_rects = ET.fromstring(heat).findall(f"{SVG}rect")
        assert len(heat_rects) == 52 * 7 + p.today.weekday() + 1  # 53 weeks up to today
        busy = {r.find(f"{SVG}title").text.split(":")[0]  # type: ignore[union-attr]
                for r in heat_rects if r.get("fill") != "#ebedf0"}
        assert busy == {d.day.isoformat() for d in p.days}
        assert len(ET.fromstring(bars).findall(f"{SVG}rect")) == 30
        points = ET.fromstring(line).findall(f"{SVG}circle")
        assert len(points) == sum(1 for w in p.weeks if w.retention is not None) > 0
    assert page.count("class=leech>leech<") == 1


def test_a_report_without_learners_or_history_still_renders() -> None:
    assert "No learners yet." in render_report([], NOW)


def test_cli_writes_atomically_and_filters_learners(class_lab: Lab, tmp_path: Path) -> None:
    out = tmp_path / "out" / "report.html"
    out.parent.mkdir()
    out.write_text("old")
    result = CliRunner().invoke(cli, ["report", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == f"Wrote {out} (3 learners)"
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert os.listdir(out.parent) == ["report.html"]  # no temporary file left
    result = CliRunner().invoke(cli, ["report", "-o", str(out), "--learner", "ana"])
    page = out.read_text(encoding="utf-8")
    assert result.exit_code == 0 and page.count('<section id="learner-') == 1 and EVIL not in page


@pytest.mark.parametrize("target", ["missing/dir/report.html", "."])
def test_unwritable_paths_are_one_line_errors(class_lab: Lab, tmp_path: Path, target: str) -> None:
    path = tmp_path / target
    result = subprocess.run([sys.executable, "-m", "trainer", "report", "-o", str(path)],
                            capture_output=True, text=True, timeout=120, env={**os.environ})
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    assert lines[0].startswith("trainer: error: cannot write ") and str(path.parent) in lines[0]
    assert not [p for p in tmp_path.rglob("*.tmp")]


def test_unknown_learner_in_report_is_an_error(class_lab: Lab, tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "trainer", "report", "-o", str(tmp_path / "r.html"),
                             "--learner", "zed"], capture_output=True, text=True, timeout=120,
                            env={**os.environ})
    assert result.returncode == 1 and "no learner named 'zed'" in result.stderr
    assert not (tmp_path / "r.html").exists()


def test_hard_card_order_in_report_matches_the_store(class_lab: Lab) -> None:
    ana = figures(class_lab)[0]
    assert ana.hardest[0].lapses == 9 and ana.hardest[0].leech
    assert at(0) < NOW
