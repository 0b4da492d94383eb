"""Notities' list page and the pages it leads to, as a teacher reads them at any text size."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QAbstractButton, QPushButton, QScrollArea
from pytestqt.qtbot import QtBot

from docentwijzer import checkins
from docentwijzer.handoff import SignalContext
from docentwijzer.notes import Note, NotesStore, vault_path
from docentwijzer.tree import Walk, all_paths, note_draft, tree_content
from docentwijzer.vault import Vault
from tests.core.notes_support import PASSPHRASE, TEST_KDF

from docentwijzer.ui.mainwindow import MainWindow
from docentwijzer.ui.notes import NotesScreen
from docentwijzer.ui.notes_session import install_session


def test_at_200_percent_on_a_1024_pixel_screen_no_notes_page_scrolls_sideways(
    main_window: MainWindow, qtbot: QtBot
) -> None:
    """Every page of Notities fits a 1024-pixel window at 200% text: the list, a note from a
    route (long lines, check-ins, a row of actions that did not fit), the editor, 'Hoe ging
    het?' with who else shown, the overview and the passphrase change."""
    assert main_window.set_text_scale(200)
    main_window.resize(1024, 768)
    session = install_session(main_window, NotesStore(Vault(vault_path(), kdf=TEST_KDF)))
    session.setup(PASSPHRASE)
    tree = tree_content()
    path = next(p for p in all_paths(tree) if p[-1] == "PSYCHISCH")
    draft = note_draft(Walk(tree, path), [], SignalContext(pseudonym="JV"), date.today())
    note = Note.from_draft(draft)
    [planned] = checkins.default_plan(tree, note, date.today())
    session.save_with_plan(note, [planned])
    session.record_checkin(planned.id, "declined", "Wil nu even niet", None)
    later = checkins.CheckIn(due=date.today(), leaf="PSYCHISCH")
    session.save_with_plan(note, [later])
    main_window.navigate("notities")
    screen = main_window.current_screen()
    assert isinstance(screen, NotesScreen)

    def wide(name: str) -> list[str]:
        qtbot.wait(20)
        page = screen.pages.currentWidget()
        found = []
        for area in [page, *page.findChildren(QScrollArea)]:
            shown = isinstance(area, QScrollArea) and area.isVisible()
            if shown and area.horizontalScrollBar().isVisible():
                found.append(f"{name}: {area.widget().minimumSizeHint().width()} px")
        return found

    problems = []
    screen.show_list()
    problems += wide("list")
    screen.open_note(note.id)
    problems += wide("note")
    inner = screen.view_page.scroll_area.widget()
    for button in inner.findChildren(QPushButton):
        box = QRect(button.mapTo(inner, QPoint(0, 0)), button.size())
        if button.isVisible() and not inner.rect().contains(box):
            problems.append(f"note: {button.text()!r} is cut off")
    screen._edit_current()
    problems += wide("editor")
    screen.editor.clear()
    screen.record_checkin(later.id)
    screen.record_page.choose("not_succeeded")
    problems += wide("record")
    screen.record_page.clear()
    screen.show_overview()
    problems += wide("overview")
    screen._show_change_passphrase()
    problems += wide("passphrase")
    main_window.set_text_scale(100)
    assert problems == []


def test_at_200_percent_on_a_1024_pixel_screen_every_list_button_shows_its_whole_text(
    main_window: MainWindow, qtbot: QtBot
) -> None:
    """The list page's rows at 200% text in a 1024×768 window: 'Over de bewaartermijn', 'Per
    pseudoniem', 'PDF van selectie' and 'Selectie verwijderen' were cut. Every button is as wide
    as its text needs and lies inside the window's width and inside the page (scrolled to when
    the rows wrap), also with a pseudonym chosen and notes past their retention shown."""
    assert main_window.set_text_scale(200)
    main_window.resize(1024, 768)
    store = NotesStore(Vault(vault_path(), kdf=TEST_KDF), now=lambda: datetime(2024, 1, 8, 9))
    session = install_session(main_window, store)
    session.setup(PASSPHRASE)
    for pseudonym in ("JV", "SB"):
        session.save(Note(pseudonym=pseudonym, note_date=date(2024, 1, 8), text="Gesprek"))
    main_window.navigate("notities")
    screen = main_window.current_screen()
    assert isinstance(screen, NotesScreen)
    screen.show_list()
    page = screen.list_page
    area = page.findChild(QScrollArea)  # the page scrolls when its rows wrap
    inner = area.widget() if area is not None else page

    def cut(name: str) -> list[str]:
        qtbot.wait(20)
        found = []
        for button in page.findChildren(QAbstractButton):
            if not button.isVisible() or not button.text():
                continue
            left = button.mapTo(main_window, QPoint(0, 0)).x()
            box = QRect(button.mapTo(inner, QPoint(0, 0)), button.size())
            if button.width() + 1 < button.minimumSizeHint().width():
                found.append(f"{name}: {button.text()!r} is {button.width()} px, too narrow")
            if left < 0 or left + button.width() > main_window.width():
                found.append(f"{name}: {button.text()!r} sticks out of the window")
            if not inner.rect().contains(box):
                found.append(f"{name}: {button.text()!r} lies outside the page")
        return found

    problems = cut("list")
    page.table.selectAll()
    problems += cut("selection")
    page.pseudonym_filter.setCurrentIndex(1)
    page.retention_filter.setChecked(True)
    assert page.delete_pseudonym_button.isVisible()
    assert page.delete_expired_button.isVisible()
    problems += cut("pseudonym, past retention")
    main_window.set_text_scale(100)
    assert problems == [], problems
