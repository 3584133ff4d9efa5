"""Write a file all-or-nothing: a temporary file in the target directory, then rename.

Why: an export interrupted half-way (error, Ctrl-C, full disk) must not leave a
truncated ``.apkg`` that Anki would reject, nor clobber a previous good export.
The temporary file lives next to the target so that :func:`os.replace` is an
atomic rename on the same file system.
"""

from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from trainer.errors import TrainerError


def check_writable(target: Path) -> Path:
    """The regular file to write for ``target``, or a one-line error.

    Only a regular file is ever replaced: a device (``/dev/full``), fifo, socket
    or directory in the way is refused, and a symbolic link is followed to the
    regular file it names (the link itself stays), never replaced by a file.
    """
    target = Path(target)
    if target.is_symlink():
        try:
            resolved = target.resolve(strict=True)
        except (OSError, RuntimeError) as error:
            raise TrainerError(f"cannot write {target}: it is a broken or looping symbolic link") from error
        target = resolved
    if target.is_dir():
        raise TrainerError(f"cannot write {target}: it is a directory")
    if target.exists() and not target.is_file():
        raise TrainerError(f"cannot write {target}: not a regular file (device, fifo or socket)")
    parent = target.parent
    if not parent.is_dir():
        raise TrainerError(f"cannot write {target}: directory {parent} does not exist")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise TrainerError(f"cannot write {target}: directory {parent} is not writable")
    return target


def _read_umask() -> int:
    """The process umask (only readable by setting it, so do it once, at import)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_UMASK = _read_umask()


@contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yield a temporary path next to ``target``; on success rename it to ``target``.

    ``target`` is first checked by :func:`check_writable`.  On any exception the temporary file is removed and the exception propagates
    (``OSError`` becomes a one-line :class:`TrainerError`); ``target`` is untouched.
    """
    target = check_writable(Path(target))
    try:
        handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as error:
        raise TrainerError(f"cannot write {target}: {error.strerror or error}") from error
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        # On disk before the rename, so a crash cannot leave an empty file under the real name.
        with temporary.open("rb") as written:
            os.fsync(written.fileno())
        # mkstemp creates the file 0600; give the result the usual permissions.
        os.chmod(temporary, 0o666 & ~_UMASK)
        os.replace(temporary, target)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise TrainerError(f"cannot write {target}: {error.strerror or error}") from error
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
