"""One DocentWijzer per data folder.

Two copies of the app on one data folder would each write the notes vault from what they read
at unlock, and the later write would drop the notes of the other (the vault refuses that too:
see :mod:`docentwijzer.vault`). So the app holds a lock on ``docentwijzer.lock`` in the data
folder for as long as it runs, and a second start does not open the folder at all: it asks the
first to come forward and says so.

The lock is the operating system's own (``flock`` on Linux and macOS, ``LockFileEx`` through
``msvcrt.locking`` on Windows): it belongs to the open file, so it is released the moment the
process ends in whatever way (a crash, kill -9, a power cut). A lock file left by a crashed
process is therefore never mistaken for a running one, and nothing has to guess from process
ids. The file itself stays (removing it would race with a start that just opened it); it holds
the process id of the holder, for people only.

Coming forward uses no socket of any kind: the second start writes a line into
``docentwijzer.activate`` in the data folder, which the first watches (the interface layer, with
Qt's file-system watcher) and empties once it has raised its window.

Taking the lock is also the moment to remove temp files left by an interrupted write: no other
copy can be writing them then. (Opening the vault once did this, and so deleted the temp file
of another copy in the middle of its save.)
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
import time
from pathlib import Path

from docentwijzer.tempfiles import remove_stale_temp_files

LOCK_NAME = "docentwijzer.lock"
ACTIVATE_NAME = "docentwijzer.activate"
#: errno values that mean "another process holds it" (the rest: the file system cannot lock)
_HELD = {errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK, getattr(errno, "EDEADLOCK", -1)}

if sys.platform == "win32":  # pragma: no cover - exercised on Windows builds
    import msvcrt

    def _lock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


class InstanceLock:
    """Held by the running app; :meth:`acquire` returns None while another process holds it.

    ``exclusive`` is False on a file system that cannot lock at all (some network shares):
    the app then runs anyway, protected only by the vault's own check.
    """

    def __init__(self, folder: Path, fd: int | None, *, exclusive: bool) -> None:
        self.folder = folder
        self.exclusive = exclusive
        self._fd = fd

    @property
    def path(self) -> Path:
        return self.folder / LOCK_NAME

    @classmethod
    def acquire(cls, folder: Path) -> InstanceLock | None:
        folder.mkdir(parents=True, exist_ok=True)
        flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0)
        fd = os.open(folder / LOCK_NAME, flags, 0o600)
        try:
            _lock(fd)
        except OSError as exc:
            if exc.errno in _HELD:
                os.close(fd)
                return None
            lock = cls(folder, fd, exclusive=False)  # cannot lock here: run unprotected
        else:
            lock = cls(folder, fd, exclusive=True)
            with contextlib.suppress(OSError):
                os.ftruncate(fd, 0)
                os.lseek(fd, 0, os.SEEK_SET)
                os.write(fd, f"{os.getpid()}\n".encode())
        remove_stale_temp_files(folder)
        return lock

    def release(self) -> None:
        if self._fd is None:
            return
        with contextlib.suppress(OSError):
            if self.exclusive:
                _unlock(self._fd)
        with contextlib.suppress(OSError):
            os.close(self._fd)
        self._fd = None

    def __enter__(self) -> InstanceLock:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def request_activation(folder: Path) -> bool:
    """Ask the copy that holds ``folder`` to bring its window forward; False if it cannot be
    asked (the request file cannot be written)."""
    try:
        with open(folder / ACTIVATE_NAME, "w", encoding="utf-8") as handle:
            handle.write(f"{os.getpid()} {time.time():.3f}\n")
    except OSError:
        return False
    return True


def take_activation_request(folder: Path) -> bool:
    """Whether a second start asked to come forward since the last call (the request is
    emptied, so each one is answered once)."""
    path = folder / ACTIVATE_NAME
    try:
        with open(path, "r+", encoding="utf-8") as handle:
            if not handle.read().strip():
                return False
            handle.seek(0)
            handle.truncate()
    except OSError:
        return False
    return True
