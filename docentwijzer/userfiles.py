"""Reading a file the user (or anything on their disk) hands the app, safely.

Every file DocentWijzer reads from the user goes through here: settings, window state, the
institution profile, an imported profile, a trainer's case files. The rules:

- only a regular file is read: a symlink to a device (``/dev/zero``), a FIFO, a socket or a
  folder is refused without reading from it, and opening never waits for a FIFO's writer;
- the read is capped *while reading* (at most ``limit + 1`` bytes are ever taken), not by a
  size looked up beforehand, so a file that grows or a size that lies cannot exhaust memory;
- JSON nesting is bounded (:data:`MAX_DEPTH`) before the parser recurses;
- every refusal is a :class:`UserFileError` whose ``str()`` is a short reason in the user's
  language, for the caller to put in its own sentence ("… is niet ingelezen: <reason>").
"""

from __future__ import annotations

import json
import os
import re
import stat
from pathlib import Path
from typing import Any

from docentwijzer.i18n import t

#: Deeper JSON than this is refused: no file of the app comes near (settings: 1, cases: ~6).
MAX_DEPTH = 64
_CHUNK = 64 * 1024
_STRING_OR_BRACKET = re.compile(r'"(?:[^"\\]|\\.)*"?|[\[\]{}]')


class UserFileError(Exception):
    """A file was refused. ``kind`` says why; ``str()`` is the reason for the user."""

    def __init__(self, kind: str, reason: str, line: int | None = None) -> None:
        self.kind = kind
        #: For ``not_json``: the line of the first error.
        self.line = line
        super().__init__(reason)


def _refused(kind: str, **values: Any) -> UserFileError:
    return UserFileError(kind, t(f"files.{kind}", **values), values.get("line"))


def _megabytes(limit: int) -> str:
    return f"{limit / 1_000_000:g} MB"


def read_bytes(path: Path, *, limit: int) -> bytes:
    """The bytes of the regular file at ``path``, at most ``limit`` of them."""
    try:
        # A first look, so a device or FIFO is not even opened; the check after opening is the
        # one that counts (the path may be swapped in between).
        if not stat.S_ISREG(os.stat(path).st_mode):
            raise _refused("not_regular")
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
        fd = os.open(path, flags | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0))
    except UserFileError:
        raise
    except OSError as exc:
        raise _refused("unreadable", reason=exc.strerror or str(exc)) from exc
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise _refused("not_regular")
        chunks: list[bytes] = []
        taken = 0
        while True:
            chunk = os.read(fd, min(_CHUNK, limit + 1 - taken))
            if not chunk:
                break
            chunks.append(chunk)
            taken += len(chunk)
            if taken > limit:
                raise _refused("too_big", limit=_megabytes(limit))
        return b"".join(chunks)
    except OSError as exc:
        raise _refused("unreadable", reason=exc.strerror or str(exc)) from exc
    finally:
        os.close(fd)


def decode(data: bytes) -> str:
    """UTF-8 text (a byte-order mark is allowed and dropped)."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _refused("not_utf8") from exc


def read_text(path: Path, *, limit: int) -> str:
    return decode(read_bytes(path, limit=limit))


def nesting_depth(text: str, stop: int | None = None) -> int:
    """How deeply ``[`` and ``{`` nest in ``text`` (brackets inside strings do not count);
    counting stops as soon as it passes ``stop``."""
    depth = deepest = 0
    for match in _STRING_OR_BRACKET.finditer(text):
        token = match.group()
        if token in "[{":
            depth += 1
            if depth > deepest:
                deepest = depth
                if stop is not None and deepest > stop:
                    break
        elif token in "]}":
            depth -= 1
    return deepest


def parse_json(text: str) -> Any:
    """``json.loads`` with bounded nesting; every failure is a :class:`UserFileError`."""
    if nesting_depth(text, stop=MAX_DEPTH) > MAX_DEPTH:
        raise _refused("too_deep", depth=MAX_DEPTH)
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise _refused("not_json", line=exc.lineno) from exc
    except RecursionError as exc:  # not expected after the depth check; never a traceback
        raise _refused("too_deep", depth=MAX_DEPTH) from exc


def read_json(path: Path, *, limit: int) -> Any:
    return parse_json(read_text(path, limit=limit))
