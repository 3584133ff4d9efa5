"""A self-contained HTML progress report for a teacher with several learners.

One file, no network: styles, SVG charts (:mod:`trainer.svg_charts`) and a tiny
script are inline, so it can be mailed or opened offline. Every piece of text
that comes from the database (learner names, terms) goes through
:func:`html.escape`, and a Content-Security-Policy allows only this page's own
script and style, by hash: even if escaping were ever missed, an injected
``<script>`` would not run.

The inline script only checks the page: it counts the charts that rendered and
writes the result into ``#render-check`` (used by the headless-browser test).
Pure string building; writing the file is the CLI's job.
"""

from __future__ import annotations

import base64
import hashlib
from datetime import datetime
from html import escape
from typing import Sequence

from trainer import svg_charts
from trainer.progress import LearnerProgress, format_duration, format_percent

HARDEST_SHOWN = 10

STYLE = """
body { font-family: system-ui, sans-serif; margin: 2em auto; max-width: 980px; color: #222; padding: 0 1em; }
h1 { font-size: 1.6em; } h2 { margin-top: 2em; border-bottom: 1px solid #ddd; }
table { border-collapse: collapse; margin: 1em 0; }
th, td { padding: .3em .8em; text-align: left; border-bottom: 1px solid #eee; }
td.num, th.num { text-align: right; }
.figures { color: #444; }
.charts { display: flex; flex-wrap: wrap; gap: 1.5em; align-items: flex-start; }
figure { margin: 0; } figcaption { font-size: .9em; color: #555; margin-bottom: .3em; }
.leech { color: #b00; font-weight: bold; }
#render-check { color: #999; font-size: .8em; }
"""

SCRIPT = """
(function () {
  var check = document.getElementById("render-check");
  var charts = document.querySelectorAll("svg.chart");
  var drawn = 0;
  for (var i = 0; i < charts.length; i++) {
    var box = charts[i].getBBox();
    if (box.width > 0 && box.height > 0 && charts[i].childElementCount > 0) { drawn++; }
  }
  check.setAttribute("data-charts", String(drawn));
  check.setAttribute("data-scripts", String(document.scripts.length));
  check.textContent = "charts rendered: " + drawn;
})();
"""


def csp_hash(source: str) -> str:
    """The CSP source expression allowing exactly this inline script or style."""
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def render_report(learners: Sequence[LearnerProgress], generated: datetime,
                  title: str = "Chinese vocabulary progress") -> str:
    """The whole page: a summary row per learner, then each learner's figures and charts."""
    policy = (f"default-src 'none'; style-src {csp_hash(STYLE)}; script-src {csp_hash(SCRIPT)}; "
              "img-src data:")
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{escape(policy)}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)}</title><style>{STYLE}</style></head><body>",
        f"<h1>{escape(title)}</h1>",
        f"<p>Generated {escape(generated.strftime('%Y-%m-%d %H:%M %Z').strip())}. "
        "Retention is the share of reviews of learned (young and mature) cards answered correctly.</p>",
        summary_table(learners),
        *(learner_section(p, i) for i, p in enumerate(learners)),
        '<p id="render-check" data-charts="0">charts not rendered (scripts disabled?)</p>',
        f"<script>{SCRIPT}</script>",
        "</body></html>",
    ]
    return "\n".join(parts) + "\n"


def summary_table(learners: Sequence[LearnerProgress]) -> str:
    if not learners:
        return "<p>No learners yet.</p>"
    head = ("<tr><th>Learner</th><th class=num>Cards learned</th><th class=num>Retention</th>"
            "<th class=num>Streak</th><th class=num>Reviews</th><th>Last active</th></tr>")
    rows = [
        f'<tr><td><a href="#learner-{i}">{escape(p.learner)}</a></td>'
        f"<td class=num>{p.cards.learned} / {p.cards.total}</td>"
        f"<td class=num>{escape(format_percent(p.retention))}</td>"
        f"<td class=num>{p.streaks.current} d (best {p.streaks.longest})</td>"
        f"<td class=num>{p.reviews_total}</td><td>{escape(_when(p.last_active))}</td></tr>"
        for i, p in enumerate(learners)
    ]
    return f'<table class="summary">{head}{"".join(rows)}</table>'


def learner_section(p: LearnerProgress, index: int) -> str:
    c = p.cards
    figures = (
        f"{c.total} cards: {c.new} new, {c.learning} learning, {c.young} young, {c.mature} mature, "
        f"{c.suspended} suspended. {p.reviews_total} reviews ({format_duration(p.time_total_ms)}), "
        f"{p.reviews_today} today. Retention {format_percent(p.retention)} (young "
        f"{format_percent(p.young_retention)}, mature {format_percent(p.mature_retention)}). "
        f"Streak {_days(p.streaks.current)}, longest {_days(p.streaks.longest)}. Leeches: {p.leeches}."
    )
    charts = [
        ("Reviews per day", svg_charts.heatmap(p.days, p.today)),
        ("Cards due, next 30 days", svg_charts.forecast_bars(p.forecast)),
        ("Weekly retention", svg_charts.retention_line(p.weeks)),
    ]
    return (
        f'<section id="learner-{index}"><h2>{escape(p.learner)}</h2>'
        f'<p class="figures">{escape(figures)}</p><div class="charts">'
        + "".join(f"<figure><figcaption>{escape(cap)}</figcaption>{svg}</figure>" for cap, svg in charts)
        + "</div>" + hardest_table(p) + "</section>"
    )


def hardest_table(p: LearnerProgress) -> str:
    if not p.hardest:
        return ""
    rows = "".join(
        f"<tr><td>{escape(h.term)}</td><td>{escape(h.pinyin)}</td><td>{escape(h.direction)}</td>"
        f"<td class=num>{h.lapses}</td><td class=num>{h.easiness:.2f}</td>"
        f"<td>{'<span class=leech>leech</span>' if h.leech else ''}</td></tr>"
        for h in p.hardest[:HARDEST_SHOWN]
    )
    return ("<table class=hardest><tr><th>Hardest cards</th><th>Pinyin</th><th>Direction</th>"
            f"<th class=num>Lapses</th><th class=num>Easiness</th><th></th></tr>{rows}</table>")


def _days(count: int) -> str:
    return f"{count} day" if count == 1 else f"{count} days"


def _when(moment: datetime | None) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M") if moment else "never"
