"""Achtergrond: a page to read, reached from the checklist's summary and the tree's calm leaves."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from docentwijzer.training import background

from docentwijzer.ui.achtergrond import BackgroundScreen
from docentwijzer.ui.checklist import ChecklistScreen
from docentwijzer.ui.mainwindow import MainWindow
from docentwijzer.ui.tree import TreeScreen


def visible_text(widget: QWidget) -> str:
    return "\n".join(
        label.text() for label in widget.findChildren(QLabel) if label.isVisibleTo(widget)
    )


def test_every_point_is_on_the_page_under_its_heading_with_its_sources(
    main_window: MainWindow,
) -> None:
    main_window.navigate("achtergrond")
    screen = main_window.current_screen()
    assert isinstance(screen, BackgroundScreen)
    text = visible_text(screen)
    content = background()
    assert content.title in text
    for section in content.sections:
        assert section.title in text
        box = screen.sections[section.id]
        shown = visible_text(box)
        for point in section.points:
            assert escape(point.text) in shown, point.id
        # each card names its sources: the public documents, never a file of ours
        assert "Bron" in shown
    assert "Werken aan studentenwelzijn: pak het integraal aan" in text
    assert "Landelijk Kader Studentenwelzijn" in text


def test_a_screen_reader_reads_words_not_markup(main_window: MainWindow) -> None:
    main_window.navigate("achtergrond")
    screen = main_window.current_screen()
    assert isinstance(screen, BackgroundScreen)
    for label in screen.findChildren(QLabel):
        if "<" in label.text():
            name = label.accessibleName()
            assert name and "<" not in name and "&#" not in name, name[:80]


def test_the_checklist_summary_says_why_a_signal_is_no_conclusion_and_leads_here(
    main_window: MainWindow, qtbot: QtBot
) -> None:
    main_window.navigate("signalering")
    checklist = main_window.current_screen()
    assert isinstance(checklist, ChecklistScreen)
    assert "twee verschillende dingen" in checklist.reminder_label.text()
    checklist.background_button.setFocus()
    qtbot.keyClick(checklist.background_button, Qt.Key.Key_Space)
    assert main_window.current_area() == "achtergrond"
    screen = main_window.current_screen()
    assert isinstance(screen, BackgroundScreen)
    screen.tree_button.setFocus()
    qtbot.keyClick(screen.tree_button, Qt.Key.Key_Return)
    assert main_window.current_area() == "beslisboom"


def test_a_calm_leaf_of_the_tree_links_to_who_does_what(main_window: MainWindow) -> None:
    main_window.navigate("beslisboom")
    tree = main_window.current_screen()
    assert isinstance(tree, TreeScreen)
    for target in ("zelfdoding", "gesprek", "behoefte", "PSYCHISCH"):
        tree.walk.choose(target)
    tree.render()
    text = visible_text(tree)
    assert "al onder behandeling" in text and "wachtlijsten" in text
    link = tree.findChild(QPushButton, "seeAlso_achtergrond")
    assert link is not None and "wie doet wat" in link.text()
    link.click()
    assert main_window.current_area() == "achtergrond"


def test_the_urgent_leaves_stay_short_without_a_background_link(main_window: MainWindow) -> None:
    main_window.navigate("beslisboom")
    tree = main_window.current_screen()
    assert isinstance(tree, TreeScreen)
    tree.walk.choose("ACUUT")
    tree.render()
    assert tree.findChild(QPushButton, "seeAlso_achtergrond") is None
