"""Starting DocentWijzer twice on one data folder: the second start brings the first forward,
says so in the user's language and ends; the first keeps running and keeps its notes."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from docentwijzer import paths
from docentwijzer.instance import ACTIVATE_NAME, LOCK_NAME, InstanceLock, request_activation
from docentwijzer.settings import Settings

from docentwijzer.ui.single_instance import ActivationWatcher, tell_already_running

ROOT = Path(__file__).parents[2]
#: The second start with the dialog seam printing instead of showing a modal box.
SECOND_START = (
    "import sys\n"
    "from docentwijzer.ui import dialogs\n"
    "dialogs.info = lambda parent, title, text: print('INFO', text, flush=True)\n"
    "from docentwijzer.app import main\n"
    "sys.exit(main(sys.argv[1:]))\n"
)


@pytest.mark.qt_log_ignore("This plugin does not support")  # raise() offscreen
def test_a_second_start_brings_the_window_forward(main_window, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    folder = paths.data_dir()
    ActivationWatcher(main_window, folder)
    main_window.showMinimized()
    assert main_window.isMinimized()
    request_activation(folder)
    qtbot.waitUntil(lambda: not main_window.isMinimized(), timeout=5000)
    assert (folder / ACTIVATE_NAME).read_text() == ""  # answered, once


def test_the_second_start_says_so_in_the_users_language(dialog_log) -> None:  # type: ignore[no-untyped-def]
    paths.settings_file().write_text(
        json.dumps({"schema_version": 1, "language": "en", "text_scale": 200})
    )
    looks: list[Settings] = []
    assert tell_already_running(None, [], paths.data_dir(), lambda _a, s: looks.append(s)) == 0
    assert [s.text_scale for s in looks] == [200]  # the message in the user's text size too
    assert dialog_log.names() == ["info"]
    assert "already open" in str(dialog_log.calls[0][1])
    assert (paths.data_dir() / ACTIVATE_NAME).read_text().strip()
    # --lang wins, and a broken settings file changes nothing and still gives Dutch.
    paths.settings_file().write_text("{kapot")
    tell_already_running(None, [], paths.data_dir())
    assert "al geopend" in str(dialog_log.calls[1][1])
    assert paths.settings_file().read_text() == "{kapot"


@pytest.mark.qt_log_ignore("This plugin does not support")
def test_coming_forward_opens_no_socket_of_any_kind(
    main_window, qtbot: QtBot, dialog_log, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """Stricter than the suite's network guard (which allows AF_UNIX for Qt and D-Bus): no
    socket at all, not even a local one, in asking or in answering."""
    made: list[object] = []

    def no_socket(self: socket.socket, *args: object, **kwargs: object) -> None:
        made.append(args)
        raise AssertionError("a socket was opened")

    monkeypatch.setattr(socket.socket, "__init__", no_socket)
    folder = paths.data_dir()
    ActivationWatcher(main_window, folder)
    assert tell_already_running(None, [], folder) == 0
    qtbot.waitUntil(lambda: (folder / ACTIVATE_NAME).read_text() == "", timeout=5000)
    assert made == []


def _environment(home: Path) -> dict[str, str]:
    env = dict(os.environ, DOCENTWIJZER_HOME=str(home), QT_QPA_PLATFORM="offscreen")
    env.pop("PYTEST_CURRENT_TEST", None)
    return env


def _wait_for(condition, seconds: float, what: str) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


@pytest.mark.skipif(os.name != "posix", reason="kill -9 of the first copy is POSIX")
def test_two_app_processes_on_one_data_folder(tmp_path: Path) -> None:
    home = tmp_path / "home"
    env = _environment(home)
    data = home / "data"
    lock_file = data / LOCK_NAME
    first = subprocess.Popen(
        [sys.executable, "-m", "docentwijzer"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _wait_for(
            lambda: lock_file.exists() and lock_file.read_text().strip() == str(first.pid),
            60,
            "the first copy to take the lock",
        )
        _wait_for(lambda: (data / ACTIVATE_NAME).exists(), 60, "the first copy's window")
        second = subprocess.run(
            [sys.executable, "-c", SECOND_START],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert second.returncode == 0, second.stderr
        assert "INFO DocentWijzer is al geopend" in second.stdout
        # The first copy got the request (and answered it) and is still running.
        _wait_for(lambda: (data / ACTIVATE_NAME).read_text() == "", 30, "the request answered")
        assert first.poll() is None
        assert lock_file.read_text().strip() == str(first.pid)
    finally:
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=30)
    # Killed: the lock file stays, the lock does not. The next start is a normal one.
    assert lock_file.exists()
    lock = InstanceLock.acquire(data)
    assert lock is not None and lock.exclusive
    lock.release()


@pytest.mark.qt_log_ignore("This plugin does not support")
def test_coming_forward_keeps_a_maximised_window_maximised(main_window, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    folder = paths.data_dir()
    ActivationWatcher(main_window, folder)
    main_window.setWindowState(Qt.WindowState.WindowMaximized | Qt.WindowState.WindowMinimized)
    request_activation(folder)
    qtbot.waitUntil(lambda: not main_window.isMinimized(), timeout=5000)
    assert main_window.isMaximized()
