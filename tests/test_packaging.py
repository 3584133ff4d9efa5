"""Packaging: the explicit package list is complete, and data files ship."""

from __future__ import annotations

import tomllib
from importlib import resources
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_every_subpackage_is_listed_in_pyproject() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    found = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "trainer").rglob("__init__.py")
        if "__pycache__" not in init.parts
    }
    assert found <= listed, f"add to pyproject packages: {sorted(found - listed)}"


def test_schema_and_bundled_articles_are_package_resources() -> None:
    migrations = [p.name for p in resources.files("trainer._db").joinpath("migrations").iterdir()]
    assert "0001_initial.sql" in migrations
    articles = [p.name for p in resources.files("trainer._decks").joinpath("articles").iterdir()]
    assert len([a for a in articles if a.endswith(".txt")]) == 5
