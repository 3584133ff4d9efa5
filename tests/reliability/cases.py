"""The corpus of bad inputs: each case builds its files, names the command to run
and the exit code and error words expected.

Generated, not stored (no binary blobs in the repository): ``python -m
tests.reliability.cases DIR`` writes every case into DIR/<case>/ for a look by
hand; tests/reliability/test_corpus.py and bench/bench_reliability.py run them.
Every case is refused: the database and every other file must be unchanged.
"""

from __future__ import annotations

import os
import sqlite3
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from tests.extract.samples import EN_COOP, FR_COOP, ZH_COOP, article

ZH_EN = article(EN_COOP)


@dataclass(frozen=True)
class Case:
    name: str
    #: Makes the case's files in a folder; returns the command's arguments
    #: (after ``trainer --db DB``) and the database to use (None: the good one).
    build: Callable[[Path], tuple[list[str], Path | None]]
    exit_code: int
    #: Words the one-line error contains (after "trainer: error: ").
    words: str


def _file(name: str, data: bytes, command: tuple[str, ...] = ("extract", "--deck", "D")) -> Callable[..., tuple[list[str], None]]:
    def build(folder: Path) -> tuple[list[str], None]:
        (folder / name).write_bytes(data)
        return [*command, str(folder / name)], None
    return build


def _made(make: Callable[[Path], Path]) -> Callable[[Path], tuple[list[str], None]]:
    def build(folder: Path) -> tuple[list[str], None]:
        return ["extract", "--deck", "D", str(make(folder))], None
    return build


def _fifo(folder: Path) -> Path:
    os.mkfifo(folder / "pipe.txt")
    return folder / "pipe.txt"


def _loop(folder: Path) -> Path:
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    return folder / "loop.txt"


def _under_file(folder: Path) -> Path:
    (folder / "a.txt").write_text(ZH_EN, encoding="utf-8")
    return folder / "a.txt" / "x.txt"


def _huge(folder: Path) -> Path:
    from trainer.extract.decode import MAX_BYTES

    with (folder / "huge.txt").open("wb") as out:
        out.write(ZH_EN.encode("utf-8"))
        out.truncate(MAX_BYTES + 1)  # sparse: cheap to make
    return folder / "huge.txt"


def _database(make: Callable[[Path], None], command: tuple[str, ...] = ("due",)) -> Callable[..., tuple[list[str], Path]]:
    def build(folder: Path) -> tuple[list[str], Path]:
        path = folder / "bad.db"
        make(path)
        return list(command), path
    return build


def _sqlite(path: Path, statements: list[str], wal: bool = False) -> None:
    raw = sqlite3.connect(path)
    if wal:
        raw.execute("PRAGMA journal_mode = WAL")
    for statement in statements:
        raw.execute(statement)
    raw.commit()
    raw.close()


def _good_db(path: Path) -> None:
    """A trainer database with a learner and a deck (also the harness's own)."""
    from tests.conftest import make_drafts
    from trainer.store import Store

    with Store.open(path) as store:
        store.add_learner("ana", "en")
        store.import_notes("D", make_drafts(40))


def _damaged(path: Path) -> None:
    _good_db(path)
    size = 4096
    with path.open("r+b") as handle:
        for page in range(3, path.stat().st_size // size, 2):
            handle.seek(page * size)
            handle.write(b"\xa5" * size)


def _truncated(path: Path) -> None:
    _good_db(path)
    path.write_bytes(path.read_bytes()[:1500])


def _db_fifo(path: Path) -> None:
    os.mkfifo(path)


def _output(make: Callable[[Path], Path]) -> Callable[[Path], tuple[list[str], None]]:
    def build(folder: Path) -> tuple[list[str], None]:
        return ["export", "csv", "--deck", "D", "-o", str(make(folder))], None
    return build


def _dangling(folder: Path) -> Path:
    (folder / "out.csv").symlink_to(folder / "gone" / "out.csv")
    return folder / "out.csv"


def _out_fifo(folder: Path) -> Path:
    os.mkfifo(folder / "out.csv")
    return folder / "out.csv"


def _out_dir(folder: Path) -> Path:
    (folder / "out.csv").mkdir()
    return folder / "out.csv"


KOREAN = "농촌 협동조합은 농민들의 소득 증대를 돕습니다. 모든 협동조합에는 기술자가 있습니다.\n"
JAPANESE = "農村の協同組合は農民の収入増加を助けています。どの協同組合にも技術者がいます。\n"

CASES: list[Case] = [
    # Articles (extract --deck: an accepted file would change the database).
    Case("empty", _file("empty.txt", b""), 2, "empty.txt: file is empty"),
    Case("blank", _file("blank.txt", b" \n\t\n"), 2, "blank.txt: file is empty"),
    Case("binary", _file("binary.bin", bytes(range(256)) * 8), 2, "binary.bin: not a text file"),
    Case("chinese-only", _file("zh.txt", ZH_COOP.encode()), 2, "zh.txt: only one language"),
    Case("french-only", _file("fr.txt", FR_COOP.encode()), 2, "fr.txt: no Chinese text found"),
    Case("korean-translation", _file("ko.txt", (ZH_COOP + KOREAN).encode()), 2,
         "ko.txt: no French, English or Vietnamese text found"),
    Case("japanese-translation", _file("ja.txt", (ZH_COOP + JAPANESE).encode()), 2,
         "ja.txt: no French, English or Vietnamese text found"),
    Case("huge", _made(_huge), 2, "huge.txt: file too large"),
    Case("directory", _made(lambda f: f), 2, "is a directory"),
    Case("fifo", _made(_fifo), 2, "pipe.txt: not a regular file"),
    Case("device", _made(lambda _f: Path("/dev/zero")), 2, "zero: not a regular file"),
    Case("symlink-loop", _made(_loop), 2, "too many levels of symbolic links"),
    Case("path-under-a-file", _made(_under_file), 2, "not a directory"),
    Case("name-too-long", _made(lambda f: f / ("n" * 300 + ".txt")), 2, "file name too long"),
    Case("missing", _made(lambda f: f / "missing.txt"), 2, "missing.txt: no such file"),
    # Databases (due: a read; the bad file itself must stay as it was).
    Case("db-text-file", _database(lambda p: p.write_text("hello", encoding="utf-8")), 3, "not a SQLite database"),
    Case("db-random-after-header", _database(lambda p: p.write_bytes(b"SQLite format 3\x00" + bytes(range(256)) * 64)),
         3, "bad.db:"),
    Case("db-truncated", _database(_truncated), 3, "bad.db:"),
    Case("db-damaged-pages", _database(_damaged), 3, "database is damaged"),
    Case("db-newer-schema", _database(lambda p: _sqlite(p, ["CREATE TABLE x (y)", "PRAGMA user_version = 999",
                                                             "PRAGMA application_id = 1414680146"])),
         3, "is newer than this trainer"),
    Case("db-foreign", _database(lambda p: _sqlite(p, ["CREATE TABLE photos (id, path)",
                                                        "INSERT INTO photos VALUES (1, 'a.jpg')"])),
         3, "not a trainer database"),
    Case("db-foreign-wal", _database(lambda p: _sqlite(p, ["CREATE TABLE photos (id)"], wal=True)),
         3, "not a trainer database"),
    Case("db-fifo", _database(_db_fifo), 3, "not a regular file"),
    Case("db-damaged-export", _database(_damaged, ("export", "csv", "--deck", "D", "-o", "/nonexistent/x.csv")),
         3, "database is damaged"),
    # Outputs (export csv -o: nothing but a regular file is ever replaced).
    Case("out-fifo", _output(_out_fifo), 1, "not a regular file"),
    Case("out-dangling-link", _output(_dangling), 1, "broken or looping symbolic link"),
    Case("out-directory", _output(_out_dir), 1, "it is a directory"),
    Case("out-missing-folder", _output(lambda f: f / "no" / "x.csv"), 1, "does not exist"),
]


def main(out: Path) -> None:
    """Write every case into ``out``/<name>/ and print the command to try it."""
    for case in CASES:
        folder = out / case.name
        folder.mkdir(parents=True, exist_ok=True)
        args, db = case.build(folder)
        if db is None:
            db = folder / "trainer.db"
            _good_db(db)
        print(f"{case.name}: trainer --db {db} {' '.join(args)}   # exit {case.exit_code}: {case.words}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
