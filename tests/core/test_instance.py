"""One DocentWijzer per data folder: the lock, stale locks, the request to come forward."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from docentwijzer import instance
from docentwijzer.instance import (
    ACTIVATE_NAME,
    LOCK_NAME,
    InstanceLock,
    request_activation,
    take_activation_request,
)

ROOT = Path(__file__).parents[2]


def test_a_second_copy_cannot_take_the_lock_until_the_first_lets_go(tmp_path: Path) -> None:
    first = InstanceLock.acquire(tmp_path)
    assert first is not None and first.exclusive
    assert InstanceLock.acquire(tmp_path) is None
    assert InstanceLock.acquire(tmp_path) is None
    first.release()
    with InstanceLock.acquire(tmp_path) as again:  # type: ignore[union-attr]
        assert again.exclusive
        assert (tmp_path / LOCK_NAME).read_text().strip() == str(os.getpid())
        if os.name == "posix":
            assert (tmp_path / LOCK_NAME).stat().st_mode & 0o077 == 0
    assert InstanceLock.acquire(tmp_path) is not None


def test_the_lock_of_a_killed_process_is_recognised_as_stale(tmp_path: Path) -> None:
    """kill -9 leaves the lock file behind; the operating system has released the lock."""
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time\n"
            "from pathlib import Path\n"
            "from docentwijzer.instance import InstanceLock\n"
            "lock = InstanceLock.acquire(Path(sys.argv[1]))\n"
            "print('held' if lock else 'refused', flush=True)\n"
            "time.sleep(60)\n",
            str(tmp_path),
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "held"
        assert InstanceLock.acquire(tmp_path) is None
    finally:
        holder.send_signal(signal.SIGKILL if os.name == "posix" else signal.SIGTERM)
        holder.wait(timeout=30)
        if holder.stdout is not None:
            holder.stdout.close()
    assert (tmp_path / LOCK_NAME).exists()  # the file stays: only the lock is gone
    lock = InstanceLock.acquire(tmp_path)
    assert lock is not None and lock.exclusive
    lock.release()


def test_taking_the_lock_removes_temp_files_left_by_an_interrupted_write(tmp_path: Path) -> None:
    left = tmp_path / ".notities.dwvault.abc.tmp-docentwijzer"
    left.write_bytes(b"half a vault")
    kept = tmp_path / "notities.dwvault"
    kept.write_bytes(b"the vault")
    with InstanceLock.acquire(tmp_path):  # type: ignore[union-attr]
        assert not left.exists() and kept.exists()


def test_a_file_system_that_cannot_lock_still_starts_the_app(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def unsupported(_fd: int) -> None:
        raise OSError(errno.ENOLCK, os.strerror(errno.ENOLCK))

    monkeypatch.setattr(instance, "_lock", unsupported)
    lock = InstanceLock.acquire(tmp_path)
    assert lock is not None and not lock.exclusive
    lock.release()


def test_a_request_to_come_forward_is_answered_once(tmp_path: Path) -> None:
    assert not take_activation_request(tmp_path)  # no file yet
    assert request_activation(tmp_path)
    assert (tmp_path / ACTIVATE_NAME).read_text().split()[0] == str(os.getpid())
    assert take_activation_request(tmp_path)
    assert not take_activation_request(tmp_path)
    assert not request_activation(tmp_path / "missing")
