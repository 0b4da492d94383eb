"""Temp files of atomic writes: their name, making a rename durable, removing leftovers.

Kept apart from :mod:`docentwijzer.storage` (which needs pydantic) so the instance lock can tidy
the data folder before the first paint without loading it.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

#: Every temp file the app writes is ``.<name>.<random><TEMP_SUFFIX>`` beside its target.
TEMP_SUFFIX = ".tmp-docentwijzer"

__all__ = ["TEMP_SUFFIX", "fsync_dir", "remove_stale_temp_files"]


def fsync_dir(folder: Path) -> None:
    """Make a rename durable (POSIX); a no-op where directories cannot be opened."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def remove_stale_temp_files(folder: Path) -> int:
    """Remove temp files left by an interrupted write; returns how many (best effort: what
    cannot be removed now is tried again next time)."""
    removed = 0
    try:
        leftovers = list(folder.glob(f".*{TEMP_SUFFIX}")) if folder.is_dir() else []
    except OSError:
        return 0
    for leftover in leftovers:
        with contextlib.suppress(OSError):
            leftover.unlink()
            removed += 1
    return removed
