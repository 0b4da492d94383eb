"""'Wat kan de student zelf doen?': reached from the tree's leaves and the Help menu by keyboard,
shown on screen with its sources and the acute numbers, saved as a one-page PDF through the
dialog seam (and a failed save is told, nothing lost)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot

from docentwijzer.zelfhulp import self_help
from tests.ui.conftest import DialogLog
from tests.ui.routes import answers_to_psychisch
from tests.ui.test_keyboard_journeys import named, press, tab_to

from docentwijzer.ui import dialogs
from docentwijzer.ui.mainwindow import MainWindow
from docentwijzer.ui.zelfhulp import SelfHelpScreen


@pytest.fixture
def window(main_window: MainWindow, qtbot: QtBot) -> MainWindow:
    main_window.activateWindow()
    qtbot.waitUntil(main_window.isActiveWindow)
    return main_window


def shown(screen: SelfHelpScreen) -> str:
    texts = [label.text() for label in screen.findChildren(QLabel) if label.isVisibleTo(screen)]
    return "\n".join(texts)


def test_a_leaf_of_the_tree_leads_to_the_hand_out_by_keyboard(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.navigate("beslisboom")
    tree = window.current_screen()
    tree.focus_first()
    for label in answers_to_psychisch():
        tab_to(qtbot, named(label))
        press(qtbot)
    assert tree.walk.current.id == "PSYCHISCH"  # type: ignore[attr-defined]
    link = tree.findChild(QPushButton, "seeAlso_zelfhulp")
    assert link is not None and "Wat kan de student zelf doen?" in link.text()
    tab_to(qtbot, link)
    press(qtbot, Qt.Key.Key_Space)
    assert window.current_area() == "zelfhulp"
    screen = window.current_screen()
    assert isinstance(screen, SelfHelpScreen)
    text = shown(screen)
    content = self_help("nl")
    for point in content.points():
        assert point.text in text, point.id
    assert "0800-0113" in text and "113.nl" in text and "112" in text
    assert "Handreiking prestatiedruk en stress" in text  # the sources line
    assert content.for_teacher in text  # what the page is, and that it is not a treatment


def test_the_hand_out_is_saved_as_one_page_from_the_keyboard(
    window: MainWindow,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    dialog_log: DialogLog,
) -> None:
    window.navigate("zelfhulp")
    screen = window.current_screen()
    assert isinstance(screen, SelfHelpScreen)
    screen.focus_first()
    monkeypatch.setattr(dialogs, "ask_save_file", lambda *_a: str(tmp_path / "voor-student"))
    tab_to(qtbot, screen.save_button)
    press(qtbot)
    target = tmp_path / "voor-student.pdf"
    assert target.exists() and len(PdfReader(target).pages) == 1
    assert dialog_log.names() == ["info"]
    assert str(target) in str(dialog_log.calls[0][1])


def test_a_failed_save_is_told_and_nothing_is_left_behind(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, dialog_log: DialogLog
) -> None:
    blocked = tmp_path / "bestand"
    blocked.write_text("geen map")
    monkeypatch.setattr(dialogs, "ask_save_file", lambda *_a: str(blocked / "x.pdf"))
    window.navigate("zelfhulp")
    screen = window.current_screen()
    assert isinstance(screen, SelfHelpScreen)
    assert screen.save_pdf() is None
    assert dialog_log.names() == ["warn"]
    assert blocked.read_text() == "geen map"


def test_the_help_menu_opens_the_hand_out_in_english(window: MainWindow) -> None:
    assert window.set_language("en")
    help_menu = window.menuBar().actions()[-1].menu()
    action = next(
        a
        for a in help_menu.actions()  # type: ignore[union-attr]
        if a.text() == "What students can do themselves"
    )
    action.trigger()
    screen = window.current_screen()
    assert isinstance(screen, SelfHelpScreen)
    assert "What can you do yourself?" in shown(screen)
