"""``trainer extract``: JSON Lines, errors, warnings, and storing a deck."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from trainer.cli import main
from tests.extract.samples import EN_COOP, FR_COOP, VI_COOP, ZH_COOP, article


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    out, err = capsys.readouterr()
    return int(exit_info.value.code or 0), out, err


@pytest.fixture()
def files(tmp_path: Path) -> list[Path]:
    paths = []
    for name, text, enc in [("en.txt", article(EN_COOP), "utf-8-sig"), ("fr.txt", article(FR_COOP), "utf-16"),
                            ("vi.txt", article(VI_COOP, zh_first=True), "utf-8")]:
        p = tmp_path / name
        p.write_bytes(text.encode(enc))
        paths.append(p)
    return paths


def test_json_lines(files: list[Path], capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = run(["extract", *map(str, files), "--json"], capsys)
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert {r["lang"] for r in rows} == {"en", "fr", "vi"}
    assert {r["source"] for r in rows} == {"en.txt", "fr.txt", "vi.txt"}
    assert all(set(r["examples"][0]) == {"zh", "translation"} for r in rows)


def test_table(files: list[Path], capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = run(["extract", str(files[0])], capsys)
    assert code == 0 and "合作社" in out


def test_table_per_file_keeps_translations_whole_on_a_narrow_pipe(
    files: list[Path], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    code, out, _err = run(["extract", *map(str, files), "--json"], capsys)
    rows = [json.loads(line) for line in out.splitlines()]
    code, out, _err = run(["extract", *map(str, files)], capsys)
    assert code == 0
    for name, lang in (("en.txt", "en"), ("fr.txt", "fr"), ("vi.txt", "vi")):
        assert out.count(f"{name} ({lang})") == 1  # one table per file, titled
    assert max(map(len, out.splitlines())) <= 80
    short = [r["translation"] for r in rows if len(r["translation"]) <= 20]
    assert short and all(t in out for t in short)  # not cut to "transla…"


@pytest.mark.parametrize(("content", "reason"), [(b"", "empty"), (b"\x00\x01\x02\xff" * 50, "binary"),
                                                 (ZH_COOP.encode(), "only one language"),
                                                 (EN_COOP.encode(), "no Chinese"),
                                                 ("的了。\nThe of.\n".encode(), "no terms")])
def test_bad_file_is_one_line_error(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                    content: bytes, reason: str) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    code, out, err = run(["extract", str(bad), "--json"], capsys)
    assert code != 0 and out == ""
    assert err.count("\n") == 1 and "bad.txt" in err and reason in err


def test_bad_file_among_good_is_a_warning(tmp_path: Path, files: list[Path],
                                          capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    code, out, err = run(["extract", str(bad), str(files[0]), "--json"], capsys)
    assert code == 0 and out
    assert "warning: bad.txt: file is empty" in err


def test_file_system_errors_are_per_file_warnings_and_the_rest_is_extracted(
        tmp_path: Path, files: list[Path], capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "loop").symlink_to(tmp_path / "loop")
    os.mkfifo(tmp_path / "pipe")
    bad = [tmp_path / "loop", files[0] / "x", tmp_path / ("n" * 300), tmp_path / "pipe", Path("/dev/zero")]
    code, out, err = run(["extract", *map(str, bad), str(files[0]), "--json"], capsys)
    assert code == 0 and out and "Traceback" not in err
    assert err.count("warning:") == len(bad) == err.count("\n")


def test_limit_is_a_maximum_per_file_best_first(files: list[Path], capsys: pytest.CaptureFixture[str]) -> None:
    _code, out, _err = run(["extract", *map(str, files), "--json"], capsys)
    every = [json.loads(line) for line in out.splitlines()]
    code, out, _err = run(["extract", *map(str, files), "--json", "--limit", "2"], capsys)
    cut = [json.loads(line) for line in out.splitlines()]
    assert code == 0
    for path in files:
        mine = [r for r in every if r["source"] == path.name]
        best = {r["term"] for r in sorted(mine, key=lambda r: r["rank"])[:2]}
        assert {r["term"] for r in cut if r["source"] == path.name} == best
        assert len({r["term"] for r in mine}) > 2


def test_deck_import_is_idempotent(files: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "t.db"
    code, out, _ = run(["--db", str(db), "extract", *map(str, files), "--deck", "coops"], capsys)
    assert code == 0 and "added" in out
    from trainer.store import Store

    with Store.open(db) as store:
        first = store.import_notes  # the store answers; count notes through a second import below
    code, out2, _ = run(["--db", str(db), "extract", *map(str, files), "--deck", "coops"], capsys)
    assert code == 0
    assert " 0 added" in out2 and "0 new cards" in out2
    assert first is not None


def test_help_mentions_json() -> None:
    from click.testing import CliRunner

    from trainer.cli.extract import extract

    result = CliRunner().invoke(extract, ["--help"])
    assert result.exit_code == 0 and "--json" in result.output


def test_reading_reports_progress_per_file_failed_ones_included(tmp_path: Path, files: list[Path]) -> None:
    from trainer.extract.sources import load_documents

    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    seen: list[int] = []
    warnings: list[str] = []
    docs = load_documents([files[0], bad, files[1]], warnings.append, seen.append)
    assert seen == [1, 2, 3]
    assert [d.article.name for d in docs] == ["en.txt", "fr.txt"] and warnings == ["bad.txt: file is empty"]


def test_table_with_progress_bars_keeps_warnings(tmp_path: Path, files: list[Path],
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    code, out, err = run(["extract", *map(str, files), str(bad)], capsys)  # four files: progress bars on
    assert code == 0 and "en.txt (en)" in out and "vi.txt (vi)" in out
    assert "warning: bad.txt: file is empty" in err


def test_reading_in_worker_processes_gives_the_same_documents(tmp_path: Path, files: list[Path]) -> None:
    from trainer.extract.sources import load_documents

    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    paths = [files[0], bad, files[1], files[2]] * 3
    warned: list[str] = []
    seen: list[int] = []
    alone = load_documents(paths, workers=1)
    shared = load_documents(paths, warned.append, seen.append, workers=2)
    assert [(d.article.name, d.pairs) for d in shared] == [(d.article.name, d.pairs) for d in alone]
    assert len(shared) == 9 and warned == ["bad.txt: file is empty"] * 3
    assert seen[-1] == len(paths) and seen == sorted(seen)
