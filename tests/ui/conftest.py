"""Fixtures for widget tests: a configured application and a main window."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from pytestqt.qtbot import QtBot

from docentwijzer.settings import Settings, SettingsStore

from docentwijzer.ui import dialogs
from docentwijzer.ui.startup import PAINTED


class DialogLog:
    """Records what the dialog seam was asked, and answers as the test says."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, tuple[object, ...]]] = []
        self.answer = True

    def record(self, name: str, result: object = None):  # type: ignore[no-untyped-def]
        def fake(*args: object) -> object:
            self.calls.append((name, args[1:]))
            return self.answer if result is None else result

        return fake

    def names(self) -> list[str]:
        return [name for name, _ in self.calls]


@pytest.fixture(autouse=True)
def delete_closed_windows() -> Iterator[None]:
    """Really delete the windows earlier tests closed: pytest-qt only schedules that
    (``deleteLater``), and outside an event loop it never happens, so every main window of the
    session stayed alive and each restyle (text size, colour scheme) got slower."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    yield
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def dialog_log(monkeypatch: pytest.MonkeyPatch) -> Iterator[DialogLog]:
    """No real modal dialog ever opens in tests."""
    log = DialogLog()
    for name in (
        "confirm",
        "confirm_discard",
        "confirm_delete",
        "confirm_import",
        "confirm_unprintable",
        "show_changes",
    ):
        monkeypatch.setattr(dialogs, name, log.record(name))
    for name in ("info", "warn"):
        monkeypatch.setattr(dialogs, name, log.record(name, result=False))
    yield log
    # A test that ends with unsaved input after answering "stay here" would leave its window
    # open (its close refused) and break later tests: let it close.
    log.answer = True


@pytest.fixture
def main_window(qtbot: QtBot, qapp, dialog_log: DialogLog) -> Iterator[object]:  # type: ignore[no-untyped-def]
    from docentwijzer.ui.application import configure
    from docentwijzer.ui.mainwindow import MainWindow

    settings = Settings()
    configure(qapp, settings)
    window = MainWindow(settings, SettingsStore())
    qtbot.addWidget(window)
    # The offscreen screen is 800×800; use the size a teacher's laptop gives the window.
    window.resize(1100, 760)
    window.show()
    qtbot.waitExposed(window)
    # On screen as a user sees it: painted, and what waits for the first paint (the notes
    # panel on Start) added.
    qtbot.waitUntil(lambda: bool(window.property(PAINTED)))
    QCoreApplication.processEvents()
    yield window
