"""Versioned JSON documents, written atomically, never overwritten when unreadable.

Every file the app writes carries ``schema_version``. Older versions migrate forward through
small registered functions; a newer version is refused (and not overwritten); a corrupt file is
moved aside, kept, and the caller gets a notice to show the user.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ValidationError

from docentwijzer.i18n import t

# Re-exported: they lived here first.
from docentwijzer.tempfiles import TEMP_SUFFIX as TEMP_SUFFIX
from docentwijzer.tempfiles import fsync_dir as fsync_dir
from docentwijzer.tempfiles import remove_stale_temp_files as remove_stale_temp_files
from docentwijzer.userfiles import UserFileError, parse_json, read_text

M = TypeVar("M", bound=BaseModel)
Migration = Callable[[dict[str, Any]], dict[str, Any]]
#: The app's own documents (settings, window state, the profile) are a few kB at most.
MAX_DOCUMENT_BYTES = 1_000_000


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that a crash leaves either the old or the new file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TEMP_SUFFIX, dir=path.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    fsync_dir(path.parent)


def aside_path(path: Path, reason: str = "corrupt") -> Path:
    """A free name beside ``path`` to keep an unreadable file under: ``<stem>.<reason>-<time>``."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.{reason}-{stamp}{path.suffix}")
    counter = 1
    while target.exists():
        target = path.with_name(f"{path.stem}.{reason}-{stamp}-{counter}{path.suffix}")
        counter += 1
    return target


def move_aside(path: Path, reason: str = "corrupt") -> Path:
    """Rename an unreadable file so it is kept, never overwritten; returns the new path."""
    target = aside_path(path, reason)
    os.replace(path, target)
    return target


@dataclass
class Loaded(Generic[M]):
    """A loaded document plus what the user should be told, if anything."""

    value: M
    notice: str | None = None
    #: False when the file on disk must not be overwritten (it is from a newer version).
    writable: bool = True


def load_document(
    path: Path,
    model: type[M],
    *,
    version: int,
    default: Callable[[], M],
    migrations: Mapping[int, Migration] | None = None,
) -> Loaded[M]:
    """Read a versioned JSON document; fall back to ``default()`` with a notice when needed.

    The file is read as a user file (:mod:`docentwijzer.userfiles`): only a regular file, at
    most :data:`MAX_DOCUMENT_BYTES`, nesting bounded. Whatever is wrong with it, the app starts:
    the file is set aside (or, when even that fails, left alone and never overwritten).
    """
    if not os.path.lexists(path):
        return Loaded(default())
    try:
        raw = parse_json(read_text(path, limit=MAX_DOCUMENT_BYTES))
        if not isinstance(raw, dict):
            raise ValueError("not a JSON object")
        found = raw.get("schema_version", 1)
        if not isinstance(found, int):
            raise ValueError("schema_version is not a number")
        if found > version:
            return Loaded(
                default(),
                t("storage.newer", file=path.name, found=found, supported=version),
                writable=False,
            )
        migrations = migrations or {}
        while found < version:
            raw = migrations[found](raw)
            found += 1
            raw["schema_version"] = found
        return Loaded(model.model_validate(raw))
    except (UserFileError, ValueError, ValidationError, KeyError):
        try:
            aside = move_aside(path)
        except OSError as exc:
            reason = exc.strerror or str(exc)
            notice = t(
                "storage.corrupt_kept", file=path.name, folder=str(path.parent), reason=reason
            )
            return Loaded(default(), notice, writable=False)
        return Loaded(default(), t("storage.corrupt", file=path.name, aside=aside.name))


def save_document(path: Path, document: BaseModel) -> None:
    """Write ``document`` as indented UTF-8 JSON, atomically."""
    text = document.model_dump_json(indent=2)
    atomic_write_bytes(path, (text + "\n").encode("utf-8"))
