"""Hostile files a user can hand the app, and a guard that turns a hang into a failure."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path

#: name -> how to make it at a path: each must be refused with a message, quickly.
HOSTILE = ("device", "fifo", "deep", "huge", "not_utf8", "folder")


def make_hostile(path: Path, kind: str) -> Path:
    if kind == "device":
        path.symlink_to("/dev/zero")
    elif kind == "fifo":
        os.mkfifo(path)
    elif kind == "deep":
        path.write_text('{"a":' * 100_000, encoding="utf-8")
    elif kind == "huge":  # sparse: 200 MB that take no disk space
        with path.open("wb") as handle:
            handle.truncate(200 * 1024 * 1024)
    elif kind == "not_utf8":
        path.write_bytes(b'{"schema_version": 1, "naam": "\xe9"}')
    elif kind == "folder":
        path.mkdir()
    else:
        raise ValueError(kind)
    return path


def release_fifo(path: Path) -> None:
    """Unblock a reader that (wrongly) waits on a FIFO for a writer, so a failing test ends."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_NONBLOCK)
    except OSError:  # not a FIFO, or nobody waiting
        return
    os.close(fd)


def finishes(call: Callable[[], object], seconds: float = 10.0, fifo: Path | None = None) -> object:
    """Run ``call`` in a thread and return its result or exception; fail if it hangs."""
    outcome: list[object] = []

    def run() -> None:
        try:
            outcome.append(call())
        except BaseException as exc:
            outcome.append(exc)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(seconds)
    if worker.is_alive():
        if fifo is not None:
            release_fifo(fifo)
        raise AssertionError("reading the file did not return: it hangs")
    return outcome[0]
