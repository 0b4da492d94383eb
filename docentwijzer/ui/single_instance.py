"""One DocentWijzer per data folder, as the user meets it (the lock itself: ``instance.py``).

The running copy watches ``docentwijzer.activate`` with Qt's file-system watcher (inotify,
FSEvents/kqueue or ReadDirectoryChangesW: no socket, no network) and brings its window forward
when a second start writes into it. The second start says, in the user's language, that
DocentWijzer is already open, and ends without touching the data folder otherwise.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, Qt
from PySide6.QtWidgets import QApplication, QWidget

from docentwijzer import APP_NAME, i18n, paths
from docentwijzer.i18n import t
from docentwijzer.instance import ACTIVATE_NAME, request_activation, take_activation_request
from docentwijzer.settings import Settings
from docentwijzer.userfiles import read_json

from docentwijzer.ui import dialogs


class ActivationWatcher(QObject):
    """Brings ``window`` forward whenever a second start asks for it."""

    def __init__(self, window: QWidget, folder: Path) -> None:
        super().__init__(window)
        self._window = window
        self._folder = folder
        self._path = str(folder / ACTIVATE_NAME)
        take_activation_request(folder)  # a request older than this start: not for us
        with contextlib.suppress(OSError), open(self._path, "a", encoding="utf-8"):
            pass  # the watcher needs the file to exist
        self._watcher = QFileSystemWatcher([self._path], self)
        self._watcher.fileChanged.connect(self._changed)

    def _changed(self, _path: str) -> None:
        # Some editors and file systems replace the file: watch the new one.
        if self._path not in self._watcher.files() and Path(self._path).exists():
            self._watcher.addPath(self._path)
        if take_activation_request(self._folder):
            bring_forward(self._window)


def bring_forward(window: QWidget) -> None:
    """Un-minimise, raise and activate; where the desktop refuses to hand over the focus
    (Windows, Wayland) the taskbar entry asks for attention instead."""
    state = window.windowState() & ~Qt.WindowState.WindowMinimized
    window.setWindowState(state | Qt.WindowState.WindowActive)
    window.show()
    window.raise_()
    window.activateWindow()
    QApplication.alert(window)


def peek_settings(lang_override: str | None) -> Settings:
    """The user's language, colours and text size, read without changing anything (the
    running copy owns the settings file; a broken one is its business: defaults then)."""
    settings = Settings()
    try:
        raw = read_json(paths.settings_file(), limit=1 << 20)
        if isinstance(raw, dict):
            settings = Settings.model_validate(raw)
    except Exception:  # whatever is wrong with it: the defaults (Dutch first)
        settings = Settings()
    if lang_override:
        settings = settings.model_copy(update={"language": lang_override})
    return settings


def tell_already_running(
    lang_override: str | None,
    qt_args: list[str],
    folder: Path,
    configure: Callable[[QApplication, Settings], None] | None = None,
) -> int:
    """The second start: ask the first to come forward and say so plainly, in the user's
    language and look (``configure`` applies the theme and text size)."""
    request_activation(folder)
    settings = peek_settings(lang_override)
    i18n.set_language(settings.language)
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(qt_args)
    if configure is not None:
        configure(app, settings)
    dialogs.info(None, APP_NAME, t("app.already_running"))
    return 0
