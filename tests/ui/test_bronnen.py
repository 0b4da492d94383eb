"""Bronnen: every public source once, where the app uses it (from the content), how it is kept
accurate; reached from Over and the Help menu by keyboard, in both languages."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from docentwijzer.dates import format_stored
from docentwijzer.helplines import help_content
from docentwijzer.sources import catalogue
from docentwijzer.tree import Leaf, tree_content
from tests.core.test_sources import problems_in

from docentwijzer.ui.bronnen import SourcesScreen
from docentwijzer.ui.mainwindow import MainWindow


def shown(screen: SourcesScreen) -> list[str]:
    return [label.text() for label in screen.findChildren(QLabel) if label.isVisibleTo(screen)]


def open_from_about(window: MainWindow, qtbot: QtBot) -> SourcesScreen:
    window.navigate("over")
    about = window.current_screen()
    button = about.sources_button  # type: ignore[attr-defined]
    button.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(button, Qt.Key.Key_Space)
    assert window.current_area() == "bronnen"
    screen = window.current_screen()
    assert isinstance(screen, SourcesScreen)
    return screen


def test_over_leads_by_keyboard_to_every_source_listed_once(
    main_window: MainWindow, qtbot: QtBot
) -> None:
    screen = open_from_about(main_window, qtbot)
    texts = shown(screen)
    for entry in catalogue().sources.values():
        assert texts.count(entry.citation("nl")) == 1, entry.citation("nl")
    assert "Landelijk Kader Studentenwelzijn 2023-2030 (VH, UNL, ISO, LSVb, OCW, 2023)" in texts
    assert f"Alle bronnen ({len(catalogue().sources)})" in texts
    bad = [(text, problems_in(text)) for text in texts if problems_in(text)]
    assert not bad, bad[:3]


def test_each_source_says_where_the_app_uses_it(main_window: MainWindow) -> None:
    main_window.navigate("bronnen")
    screen = main_window.current_screen()
    assert isinstance(screen, SourcesScreen)
    leaf = next(
        node
        for node in tree_content("nl").nodes
        if isinstance(node, Leaf) and node.id == "ZELFDODING"
    )
    line = screen.used_in["113-zelfmoordpreventie"].accessibleName()
    assert line.startswith("Gebruikt in: ") and "Acute hulp (1 regel)" in line
    assert "<li>Acute hulp (1 regel)</li>" in screen.used_in["113-zelfmoordpreventie"].text()
    assert "Beslisboom (" in line and leaf.title in line
    addresses = [field.text() for field in screen.findChildren(QLineEdit)]
    assert "https://www.113.nl/onderwijs" in addresses


def test_how_content_is_kept_accurate_heads_the_page(main_window: MainWindow) -> None:
    main_window.navigate("bronnen")
    screen = main_window.current_screen()
    assert isinstance(screen, SourcesScreen)
    text = screen.accuracy.text()
    assert format_stored(help_content().numbers_checked) in text
    assert "voor elke nieuwe versie" in text and "Instellingsgegevens" in text
    assert any("geraadpleegd november 2026" in line for line in shown(screen))


def test_in_english_dutch_titles_are_glossed(main_window: MainWindow) -> None:
    assert main_window.set_language("en")
    main_window.navigate("bronnen")
    screen = main_window.current_screen()
    assert isinstance(screen, SourcesScreen)
    texts = shown(screen)
    assert "Title in English: National Framework for Student Wellbeing 2023-2030" in texts
    assert "Title in English: Suicide prevention in education" in texts
    assert not any("Are you SURE" in text and "Title in English" in text for text in texts)
    assert (
        screen.used_in["113-zelfmoordpreventie"].accessibleName().startswith("Used in: Urgent help")
    )


def test_the_help_menu_opens_the_sources(main_window: MainWindow) -> None:
    help_menu = main_window.menuBar().actions()[-1].menu()
    action = next(a for a in help_menu.actions() if a.text() == "Bronnen")  # type: ignore[union-attr]
    action.trigger()
    assert main_window.current_area() == "bronnen"
