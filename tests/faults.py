"""Fault injection for code that writes files: find every file-system call an operation makes
in one folder, then make each one fail in turn.

Used by the vault's tests (``tests/core/test_vault_faults.py``) and meant for any other file
the app writes (settings, profile). Pure Python, no pytest needed, so scripts can use it too::

    calls = record(folder, lambda: store.save(note))        # every call, in order
    for index in range(len(calls)):
        ...fresh state...
        with inject(folder, FailAt(index)) as plan:
            try:
                store.save(note)
            except VaultError:
                ...
        assert plan.fired                                     # the failure did happen

What is intercepted while a plan is active, for paths inside ``folder`` only (everything
else passes through untouched): the ``os`` functions that reach the file system (open, read,
write, fsync, close, replace, rename, link, unlink, mkdir, chmod, stat, scandir, ... see
:data:`OS_FUNCTIONS`), ``open()``/``io.open()`` (so ``pathlib``, ``shutil`` and ``tempfile``
are covered too) and the methods of the file objects it returns (read, write, flush, close,
truncate). Code that calls the C library directly (SQLite's own files, Qt) is not seen.

How a failure behaves: the call raises ``OSError(errno)`` *before* doing anything, as a full
disk or a read-only file does; ``close`` closes first and then raises, as it does on Linux.
:class:`Immutable` simulates ``chattr +i``: every call that would change the named files fails
with ``EPERM`` and everything else works.
"""

from __future__ import annotations

import builtins
import contextlib
import errno as errnos
import io
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

#: ``os`` functions that touch the file system, with the positions of their path arguments
#: (an ``int`` there is a file descriptor). Functions missing on a platform are skipped.
OS_FUNCTIONS: dict[str, tuple[int, ...]] = {
    "open": (0,),
    "read": (0,),
    "pread": (0,),
    "readv": (0,),
    "write": (0,),
    "pwrite": (0,),
    "writev": (0,),
    "fsync": (0,),
    "fdatasync": (0,),
    "fstat": (0,),
    "ftruncate": (0,),
    "fchmod": (0,),
    "close": (0,),
    "sendfile": (0, 1),
    "copy_file_range": (0, 1),
    "replace": (0, 1),
    "rename": (0, 1),
    "link": (0, 1),
    "symlink": (0, 1),
    "unlink": (0,),
    "remove": (0,),
    "rmdir": (0,),
    "mkdir": (0,),
    "chmod": (0,),
    "chown": (0,),
    "utime": (0,),
    "truncate": (0,),
    "stat": (0,),
    "lstat": (0,),
    "access": (0,),
    "scandir": (0,),
    "listdir": (0,),
    "readlink": (0,),
}
#: Calls that change something: the ones :class:`Immutable` refuses.
CHANGING = frozenset(
    {
        "os.write",
        "os.pwrite",
        "os.writev",
        "os.ftruncate",
        "os.fchmod",
        "os.replace",
        "os.rename",
        "os.link",
        "os.symlink",
        "os.unlink",
        "os.remove",
        "os.rmdir",
        "os.chmod",
        "os.chown",
        "os.utime",
        "os.truncate",
        "file.write",
        "file.truncate",
    }
)
_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_APPEND | os.O_CREAT | os.O_TRUNC


@dataclass(frozen=True)
class Call:
    """One intercepted call: ``os.replace``, ``open``, ``file.write`` ... and the file names
    (relative to the folder) it touches."""

    name: str
    paths: tuple[str, ...]
    #: for ``os.open``/``open``: whether the file is opened to be changed
    writing: bool = False

    def __str__(self) -> str:
        return f"{self.name}({', '.join(self.paths)})"


@dataclass
class Plan:
    """Sees every call (``calls``); subclasses decide which one fails."""

    calls: list[Call] = field(default_factory=list)
    #: the calls that were made to fail
    failed: list[Call] = field(default_factory=list)

    @property
    def fired(self) -> bool:
        return bool(self.failed)

    def check(self, call: Call) -> None:
        self.calls.append(call)
        code = self.failure(len(self.calls) - 1, call)
        if code:
            self.failed.append(call)
            where = call.paths[0] if call.paths else None
            raise OSError(code, f"{os.strerror(code)} (injected)", where)

    def failure(self, index: int, call: Call) -> int:
        """The errno to fail ``call`` (the ``index``-th) with, or 0 to let it through."""
        return 0


@dataclass
class FailAt(Plan):
    """Fail the ``index``-th call (counting from 0) with ``code``."""

    index: int = 0
    code: int = errnos.EIO
    #: the call that was made to fail at ``index`` (None: the run had fewer calls)
    hit: Call | None = None

    def failure(self, index: int, call: Call) -> int:
        if index != self.index:
            return 0
        self.hit = call
        return self.code


@dataclass
class NoHardLinks(FailAt):
    """A file system without hard links (FAT on a USB stick): every ``os.link`` fails with
    ``EPERM``; and, as :class:`FailAt`, the ``index``-th call fails too (``index=-1``: none)."""

    index: int = -1

    def failure(self, index: int, call: Call) -> int:
        code = super().failure(index, call)
        if not code and call.name == "os.link":
            return errnos.EPERM
        return code


@dataclass
class Immutable(Plan):
    """Like ``chattr +i`` on the files ``names``: nothing may change, rename or remove them."""

    names: frozenset[str] = frozenset()

    def failure(self, index: int, call: Call) -> int:
        touches = any(Path(p).name in self.names for p in call.paths)
        if touches and (call.name in CHANGING or call.writing):
            return errnos.EPERM
        return 0


def record(folder: Path, action: Callable[[], object], plan: Plan | None = None) -> list[Call]:
    """Run ``action`` once and return every file-system call it made in ``folder`` (under
    ``plan``, e.g. :class:`NoHardLinks`; by default nothing fails)."""
    with inject(folder, plan or Plan()) as used:
        action()
    return used.calls


class _File:
    """A file object whose calls go through the plan."""

    def __init__(self, raw: Any, name: str, hook: Callable[[str], None]) -> None:
        self._raw = raw
        self._name = name
        self._hook = hook

    def _call(self, method: str, *args: Any) -> Any:
        self._hook(f"file.{method}")
        return getattr(self._raw, method)(*args)

    def read(self, *args: Any) -> Any:
        return self._call("read", *args)

    def readinto(self, *args: Any) -> Any:
        return self._call("readinto", *args)

    def readline(self, *args: Any) -> Any:
        return self._call("readline", *args)

    def readlines(self, *args: Any) -> Any:
        return self._call("readlines", *args)

    def write(self, *args: Any) -> Any:
        return self._call("write", *args)

    def writelines(self, *args: Any) -> Any:
        return self._call("writelines", *args)

    def flush(self) -> Any:
        return self._call("flush")

    def truncate(self, *args: Any) -> Any:
        return self._call("truncate", *args)

    def close(self) -> None:
        if self._raw.closed:
            return
        self._raw.close()  # closed first, then the failure: as close(2) behaves
        self._hook("file.close")

    def __enter__(self) -> _File:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __iter__(self) -> Iterator[Any]:
        return iter(self._raw)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._raw, name)


@contextlib.contextmanager
def inject(folder: Path, plan: Plan) -> Iterator[Plan]:
    """Route every file-system call on ``folder`` (and below) through ``plan``."""
    real_os = {name: getattr(os, name) for name in OS_FUNCTIONS if hasattr(os, name)}
    real_open = builtins.open
    root = os.path.realpath(folder)
    fds: dict[int, str] = {}

    def inside(value: object) -> str | None:
        if isinstance(value, int):
            return fds.get(value)
        if isinstance(value, (str, bytes, os.PathLike)):
            text = os.fsdecode(os.fspath(value))
            full = os.path.normpath(os.path.abspath(text))
            if full == root or full.startswith(root + os.sep):
                return os.path.relpath(full, root)
        return None

    def wrap(name: str, function: Callable[..., Any], positions: tuple[int, ...]) -> Any:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            paths = tuple(
                found for i in positions if i < len(args) and (found := inside(args[i])) is not None
            )
            if not paths:
                if name == "close" and args:
                    fds.pop(args[0], None)
                result = function(*args, **kwargs)
                if name == "open":
                    fds.pop(result, None)  # a reused number now means another file
                return result
            call_name = f"os.{name}"
            if name == "close":
                fds.pop(args[0], None)
                result = function(*args, **kwargs)
                plan.check(Call(call_name, paths))
                return result
            writing = name == "open" and bool(
                (args[1] if len(args) > 1 else kwargs.get("flags", 0)) & _WRITE_FLAGS
            )
            plan.check(Call(call_name, paths, writing))
            result = function(*args, **kwargs)
            if name == "open":
                fds[result] = paths[0]
            return result

        return wrapper

    def opener(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        path = inside(file)
        if path is None:
            raw = real_open(file, mode, *args, **kwargs)
            with contextlib.suppress(OSError, ValueError, io.UnsupportedOperation):
                fds.pop(raw.fileno(), None)  # a reused number now means another file
            return raw
        writing = any(c in mode for c in "wax+")
        plan.check(Call("open", (path,), writing))
        raw = real_open(file, mode, *args, **kwargs)
        fileno = -1
        with contextlib.suppress(OSError, ValueError, io.UnsupportedOperation):
            fileno = raw.fileno()
            fds[fileno] = path

        def hook(method: str) -> None:
            if method == "file.close":
                fds.pop(fileno, None)
            plan.check(Call(method, (path,), writing))

        return _File(raw, path, hook)

    for name, function in real_os.items():
        setattr(os, name, wrap(name, function, OS_FUNCTIONS[name]))
    builtins.open = opener
    io.open = opener  # type: ignore[assignment]
    try:
        yield plan
    finally:
        for name, function in real_os.items():
            setattr(os, name, function)
        builtins.open = real_open
        io.open = real_open  # type: ignore[assignment]


def names(calls: Iterable[Call]) -> list[str]:
    """``["os.open(notities.dwvault)", ...]``: for messages and the report of a run."""
    return [str(call) for call in calls]
