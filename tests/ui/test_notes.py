"""Notities as a teacher meets them: set up, write, find, lock, erase, hand over, export."""

from __future__ import annotations

import errno
import os
import threading
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from docentwijzer import notes_pdf, paths
from docentwijzer.handoff import NoteDraft, Reopen
from docentwijzer.notes import Note, NotesStore, vault_path
from docentwijzer.vault import Vault
from tests.core.notes_support import PASSPHRASE, TEST_KDF
from tests.faults import Immutable, inject

from docentwijzer.ui import dialogs
from docentwijzer.ui.mainwindow import MainWindow
from docentwijzer.ui.notes import NotesScreen, ShowNotes
from docentwijzer.ui.notes_session import NotesSession, install_session

Window = MainWindow


@pytest.fixture(autouse=True)
def _delete_closed_windows(qapp) -> None:  # type: ignore[no-untyped-def]
    """pytest-qt closes each test's window with deleteLater(), which only an event loop would
    carry out; do it now, so windows of earlier tests do not pile up and slow every restyle."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)


@pytest.fixture
def session(main_window: Window) -> NotesSession:
    """The window's notes session, with cheap key derivation (tests only)."""
    return install_session(main_window, NotesStore(Vault(vault_path(), kdf=TEST_KDF)))


@pytest.fixture
def notes(main_window: Window, session: NotesSession) -> NotesScreen:
    main_window.navigate("notities")
    screen = main_window.current_screen()
    assert isinstance(screen, NotesScreen)
    return screen


@pytest.fixture
def unlocked(notes: NotesScreen, session: NotesSession) -> NotesScreen:
    session.setup(PASSPHRASE)
    return notes


def texts(widget: QWidget) -> str:
    """Everything a user could read in ``widget``: labels, fields, the list."""
    parts = [label.text() for label in widget.findChildren(QLabel)]
    parts += [button.text() for button in widget.findChildren(QAbstractButton)]
    parts += [field.text() for field in widget.findChildren(QLineEdit)]
    parts += [box.toPlainText() for box in widget.findChildren(QPlainTextEdit)]
    if isinstance(widget, NotesScreen):
        model = widget.list_page.model
        for row in range(model.rowCount()):
            for column in range(model.columnCount()):
                parts.append(str(model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole)))
    return "\n".join(parts)


def type_into(qtbot: QtBot, widget: QWidget, text: str) -> None:
    widget.setFocus()
    qtbot.keyClicks(widget, text)


def write_note(qtbot: QtBot, screen: NotesScreen, pseudonym: str, observed: str) -> None:
    screen.show_list()
    qtbot.keyClick(screen.list_page.search, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert screen.pages.currentWidget() is screen.editor
    type_into(qtbot, screen.editor.pseudonym, pseudonym)
    type_into(qtbot, screen.editor.observed, observed)
    qtbot.keyClick(screen.editor.observed, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)


# -- first use ----


def test_first_use_sets_a_passphrase_with_a_plain_warning(
    notes: NotesScreen, qtbot: QtBot, session: NotesSession
) -> None:
    page = notes.setup_page
    assert notes.pages.currentWidget() is page
    assert "Niemand kan ze herstellen" in texts(page)
    type_into(qtbot, page.passphrase, "kort")
    type_into(qtbot, page.repeat, "kort")
    qtbot.keyClick(page.repeat, Qt.Key.Key_Return)
    assert "minstens 8" in page.error.text() and not vault_path().exists()
    page.clear()
    type_into(qtbot, page.passphrase, "lange zin een")
    type_into(qtbot, page.repeat, "lange zin twee")
    qtbot.mouseClick(page.button, Qt.MouseButton.LeftButton)
    assert "niet gelijk" in page.error.text() and not vault_path().exists()
    page.repeat.clear()
    type_into(qtbot, page.repeat, "lange zin een")
    qtbot.keyClick(page.repeat, Qt.Key.Key_Return)
    assert session.is_open and vault_path().exists()
    assert "lange zin een" not in texts(notes)
    assert notes.pages.currentWidget() is notes.list_page
    assert notes.list_page.search.hasFocus()


def test_a_note_handed_over_before_first_use_is_said_to_wait_and_then_opens(
    main_window: Window, session: NotesSession, qtbot: QtBot
) -> None:
    main_window.navigate("notities")
    notes = main_window.current_screen()
    assert isinstance(notes, NotesScreen)
    assert not notes.setup_page.notice.isVisibleTo(notes)  # opened by itself: nothing waits
    main_window.navigate("start")
    assert main_window.save_as_note(NoteDraft(origin="route", pseudonym="AB", done="[x] gebeld"))
    page = notes.setup_page
    assert notes.pages.currentWidget() is page
    assert page.notice.isVisibleTo(notes) and "Je notitie staat klaar" in page.notice.text()
    type_into(qtbot, page.passphrase, PASSPHRASE)
    type_into(qtbot, page.repeat, PASSPHRASE)
    qtbot.keyClick(page.repeat, Qt.Key.Key_Return)
    assert notes.pages.currentWidget() is notes.editor
    assert notes.editor.pseudonym.text() == "AB"


def test_other_tools_work_without_unlocking(main_window: Window, session: NotesSession) -> None:
    session.setup(PASSPHRASE)
    session.lock()
    for area_id in ("signalering", "beslisboom", "openheid", "belonging", "over"):
        assert main_window.navigate(area_id)
        assert main_window.current_area() == area_id
    assert not session.is_open


# -- writing and finding ----


def test_write_a_note_by_keyboard_and_find_it_again(unlocked: NotesScreen, qtbot: QtBot) -> None:
    screen = unlocked
    write_note(qtbot, screen, "JD-2", "Kwam te laat en leek moe")
    assert screen.pages.currentWidget() is screen.view_page
    assert "Kwam te laat en leek moe" in texts(screen.view_page)
    qtbot.keyClick(screen.view_page.edit_button, Qt.Key.Key_Escape)
    assert screen.pages.currentWidget() is screen.list_page
    write_note(qtbot, screen, "KL", "Huilde na het tentamen")
    screen.show_list()
    assert screen.list_page.model.rowCount() == 2
    assert screen.list_page.model.summary(0).pseudonym == "KL"  # type: ignore[union-attr]  # newest first
    qtbot.keyClicks(screen.list_page.search, "TENTAMEN")
    assert [
        screen.list_page.model.summary(r).pseudonym
        for r in range(screen.list_page.model.rowCount())
    ] == ["KL"]  # type: ignore[union-attr]
    screen.list_page.search.clear()
    assert screen.list_page.model.rowCount() == 2
    # Enter on a row opens it.
    screen.list_page.table.setFocus()
    screen.list_page.table.selectRow(1)
    qtbot.keyClick(screen.list_page.table, Qt.Key.Key_Return)
    assert screen.pages.currentWidget() is screen.view_page
    assert "JD-2" in screen.view_page.title.text()


def test_the_pseudonym_field_says_why_and_refuses_names_numbers_and_email(
    unlocked: NotesScreen, qtbot: QtBot, session: NotesSession
) -> None:
    screen = unlocked
    screen.new_note()
    assert "nooit een naam, studentnummer of e-mailadres" in texts(screen.editor)
    for value, expected in [
        ("", "Vul een pseudoniem in"),
        ("jan@student.hva.nl", "e-mailadres"),
        ("500812345", "studentnummer"),
    ]:
        screen.editor.pseudonym.setText(value)
        type_into(qtbot, screen.editor.observed, "x")
        screen.editor.submit()
        assert expected in screen.editor.error.text()
        assert screen.pages.currentWidget() is screen.editor
    assert session.store.count() == 0


def test_filters_group_follow_up_and_retention(
    unlocked: NotesScreen, session: NotesSession
) -> None:
    clock = {"now": datetime.now() - timedelta(days=800)}
    session.store._now = lambda: clock["now"]
    session.save(Note(pseudonym="OLD", observed="oud", tags=["stress"]))
    clock["now"] = datetime.now()
    session.save(Note(pseudonym="DUE", follow_up=date.today(), observed="vervolg"))
    session.save(Note(pseudonym="DUE", observed="tweede"))
    screen = unlocked
    screen.show_list()
    assert screen.list_page.model.rowCount() == 3
    screen.list_page.due_filter.setChecked(True)
    assert [
        s.pseudonym
        for s in map(screen.list_page.model.summary, range(screen.list_page.model.rowCount()))
    ] == ["DUE"]
    assert "— nu" in screen.list_page.model.data(screen.list_page.model.index(0, 3))
    screen.list_page.due_filter.setChecked(False)
    screen.list_page.retention_filter.setChecked(True)
    assert (
        screen.list_page.model.rowCount() == 1
        and screen.list_page.model.summary(0).pseudonym == "OLD"
    )  # type: ignore[union-attr]
    assert screen.list_page.delete_expired_button.isVisible()
    screen.list_page.retention_filter.setChecked(False)
    screen.list_page.tag_filter.setCurrentIndex(screen.list_page.tag_filter.findData("stress"))
    assert screen.list_page.model.rowCount() == 1
    screen.list_page.tag_filter.setCurrentIndex(0)
    screen.list_page.group_toggle.setChecked(True)
    first = screen.list_page.model.data(screen.list_page.model.index(0, 0))
    assert first == "DUE" and screen.list_page.model.summary(0) is None  # a group heading row
    screen.list_page.pseudonym_filter.setCurrentIndex(
        screen.list_page.pseudonym_filter.findData("DUE")
    )
    assert screen.list_page.export_pseudonym_button.isVisible()
    assert "DUE" in screen.list_page.delete_pseudonym_button.text()


@pytest.mark.parametrize("scale", [100, 200])
def test_the_list_shows_whole_dates_and_gives_the_room_to_what_you_saw(
    main_window: Window, unlocked: NotesScreen, session: NotesSession, scale: int
) -> None:
    """'Wat je zag' was cut while the empty 'Vervolg' column stayed wide, and the dates were
    cut ('02-12-20…'), more so at 200% text."""
    due = Note(pseudonym="K. (2e jaar)", follow_up=date.today(), observed="Vroeg uitstel.")
    due = session.save(due)
    session.save(Note(pseudonym="S-12", observed="Zat de laatste drie lessen alleen achterin " * 3))
    assert main_window.set_text_scale(scale)
    screen = unlocked
    screen.show_list()
    QCoreApplication.processEvents()
    table, model = screen.list_page.table, screen.list_page.model
    header = table.horizontalHeader()
    metrics = table.fontMetrics()

    def needed(column: int) -> int:
        """What the heading and every cell need, margins included (Qt's own measure)."""
        return max(header.sectionSizeHint(column), table.sizeHintForColumn(column))

    for column in (0, 1, 3):  # date, pseudonym, follow-up: shown whole
        assert header.sectionSize(column) >= needed(column), model.COLUMNS[column]
    # 'Wat je zag' gets what is left: the most at 100%, still a quarter at 200% text.
    sizes = [header.sectionSize(c) for c in range(model.columnCount())]
    assert sizes[2] >= sum(sizes) // 4, sizes
    assert scale == 200 or sizes[2] == max(sizes), sizes
    assert table.rowHeight(0) > metrics.height()  # rows follow the text size too
    # Without a follow-up in the list, that column is no wider than its heading needs.
    session.delete([due.id])
    screen.refresh()
    QCoreApplication.processEvents()
    assert header.sectionSize(3) <= needed(3) + 4 * metrics.horizontalAdvance("M")
    main_window.set_text_scale(100)


# -- locking ----


def test_ctrl_l_locks_and_clears_every_note_widget(
    unlocked: NotesScreen, qtbot: QtBot, session: NotesSession
) -> None:
    screen = unlocked
    write_note(qtbot, screen, "ZZ-9", "Geheime observatie")
    screen.show_list()
    qtbot.keyClicks(screen.list_page.search, "Geheime")
    qtbot.keyClick(screen.list_page.search, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert not session.is_open
    assert screen.pages.currentWidget() is screen.unlock_page
    shown = texts(screen)
    assert "Geheime" not in shown and "ZZ-9" not in shown
    assert screen.list_page.model.rowCount() == 0
    # Not even Ctrl+Z brings anything back.
    for field in screen.findChildren(QLineEdit):
        field.undo()
    for box in screen.findChildren(QPlainTextEdit):
        box.undo()
    assert "Geheime" not in texts(screen) and "ZZ-9" not in texts(screen)
    assert PASSPHRASE not in texts(screen)
    type_into(qtbot, screen.unlock_page.passphrase, PASSPHRASE)
    qtbot.keyClick(screen.unlock_page.passphrase, Qt.Key.Key_Return)
    assert session.is_open and screen.pages.currentWidget() is screen.list_page
    assert screen.list_page.model.rowCount() == 1
    screen.unlock_page.passphrase.undo()
    assert PASSPHRASE not in texts(screen)  # the passphrase does not linger in a hidden field


def test_the_lock_button_locks(unlocked: NotesScreen, qtbot: QtBot, session: NotesSession) -> None:
    unlocked.show_list()
    qtbot.mouseClick(unlocked.list_page.lock_button, Qt.MouseButton.LeftButton)
    assert not session.is_open


def test_idle_time_locks_and_input_postpones_it(
    unlocked: NotesScreen, qtbot: QtBot, session: NotesSession, main_window: Window
) -> None:
    now = {"t": 1000.0}
    session.clock = lambda: now["t"]
    session._last_input = now["t"]
    assert session.idle_seconds() == main_window.settings.idle_lock_minutes * 60
    now["t"] += 4 * 60
    qtbot.keyClick(unlocked.list_page.search, Qt.Key.Key_A)  # the teacher is typing
    now["t"] += 4 * 60
    session.check_idle()
    assert session.is_open  # only 4 minutes since the last key
    now["t"] += 61
    session.check_idle()
    assert not session.is_open
    assert "een tijd niets deed" in unlocked.unlock_page.notice.text()


def test_a_laptop_waking_from_sleep_locks_at_the_first_touch(
    unlocked: NotesScreen, qtbot: QtBot, session: NotesSession
) -> None:
    """While a laptop sleeps the monotonic clock stands still (Linux, macOS) and so does the
    timer: the first key after waking must lock, not count as activity."""
    write_note(qtbot, unlocked, "SLP-1", "Voor het slapen")
    unlocked.show_list()
    wall = {"t": 5_000_000.0}
    session.wall_clock = lambda: wall["t"]
    qtbot.keyClick(unlocked.list_page.search, Qt.Key.Key_V)  # activity just before the lid closes
    assert session.is_open
    wall["t"] += 8 * 3600  # a night asleep; the monotonic clock did not move
    qtbot.keyClick(unlocked.list_page.search, Qt.Key.Key_W)
    assert not session.is_open
    assert unlocked.pages.currentWidget() is unlocked.unlock_page
    assert "SLP-1" not in texts(unlocked)
    assert unlocked.unlock_page.passphrase.text() == ""  # the waking key went nowhere


def test_locking_empties_a_clipboard_holding_text_copied_from_a_note(
    unlocked: NotesScreen, qtbot: QtBot, session: NotesSession
) -> None:
    from PySide6.QtGui import QClipboard, QGuiApplication

    clipboard = QGuiApplication.clipboard()
    write_note(qtbot, unlocked, "CLIP-1", "Huilde na het tentamen")
    unlocked.open_note(session.store.query()[0].id)
    unlocked.view_page.edit_button.click()
    box = unlocked.editor.observed
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(box, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert clipboard.text() == "Huilde na het tentamen"
    session.lock()
    assert clipboard.text() == ""
    if clipboard.supportsSelection():
        assert "Huilde" not in clipboard.text(QClipboard.Mode.Selection)
    # Something the teacher copied elsewhere is left alone; a copied pseudonym is not.
    session.unlock(PASSPHRASE)
    clipboard.setText("boodschappen: melk")
    session.lock()
    assert clipboard.text() == "boodschappen: melk"
    session.unlock(PASSPHRASE)
    clipboard.setText("Gesprek met CLIP-1 gepland")
    session.lock()
    assert clipboard.text() == ""


def test_quitting_with_the_notes_open_empties_a_clipboard_holding_note_text(
    unlocked: NotesScreen,
    session: NotesSession,
    qapp,  # type: ignore[no-untyped-def]
) -> None:
    from PySide6.QtGui import QGuiApplication

    session.save(Note(pseudonym="Q-1", observed="Sliep slecht"))
    QGuiApplication.clipboard().setText("Sliep slecht")
    qapp.aboutToQuit.emit()
    assert QGuiApplication.clipboard().text() == ""


def test_the_idle_timer_really_fires(
    unlocked: NotesScreen, qtbot: QtBot, session: NotesSession
) -> None:
    session.idle_seconds_override = 0.2
    session.lock()
    session.unlock(PASSPHRASE)
    qtbot.waitUntil(lambda: not session.is_open, timeout=5000)


def test_locking_while_writing_saves_the_note_and_says_so(
    unlocked: NotesScreen, qtbot: QtBot, session: NotesSession, dialog_log
) -> None:  # type: ignore[no-untyped-def]
    screen = unlocked
    screen.new_note()
    type_into(qtbot, screen.editor.pseudonym, "AB")
    type_into(qtbot, screen.editor.observed, "Half geschreven")
    session.lock(idle=True)
    assert "Half geschreven" not in texts(screen)
    session.unlock(PASSPHRASE)
    screen._after_unlock_notice()
    assert [s.preview for s in session.store.query()] == ["Half geschreven"]


def test_wrong_passphrase_and_a_damaged_vault_offer_the_backup(
    notes: NotesScreen, qtbot: QtBot, session: NotesSession, dialog_log
) -> None:  # type: ignore[no-untyped-def]
    session.setup(PASSPHRASE)
    session.save(Note(pseudonym="AB", observed="eerste"))
    session.save(Note(pseudonym="CD", observed="tweede"))
    session.lock()
    page = notes.unlock_page
    type_into(qtbot, page.passphrase, "verkeerde zin")
    qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
    assert "klopt niet" in page.error.text() and not page.backup_box.isVisible()
    damaged = b"DWVAULT\x00\x00\x01 kapot"
    vault_path().write_bytes(damaged)
    page.passphrase.setText(PASSPHRASE)
    qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
    assert "beschadigd" in page.error.text()
    assert page.backup_box.isVisible() and page.backups.count() >= 2
    qtbot.mouseClick(page.restore_button, Qt.MouseButton.LeftButton)
    assert session.is_open and session.store.count() == 1  # backup 1: before the last save
    assert dialog_log.names() == ["info"]
    kept = [p for p in paths.data_dir().iterdir() if "unreadable" in p.name]
    assert kept and kept[0].read_bytes() == damaged


def test_a_failing_disk_keeps_the_input_and_tells_the_user(
    unlocked: NotesScreen, qtbot: QtBot, session: NotesSession, dialog_log, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    screen = unlocked
    screen.new_note()
    type_into(qtbot, screen.editor.pseudonym, "AB")
    type_into(qtbot, screen.editor.observed, "Belangrijk")

    def full(*_a: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    screen.editor.submit()
    monkeypatch.undo()
    assert dialog_log.names() == ["warn"]
    assert "konden niet worden opgeslagen" in str(dialog_log.calls[0][1])
    assert screen.pages.currentWidget() is screen.editor
    assert screen.editor.observed.toPlainText() == "Belangrijk"
    screen.editor.submit()
    assert session.store.count() == 1


# -- hand-overs ------------------------------------------------------------------------------------


def test_save_as_note_asks_to_unlock_then_opens_the_editor_and_a_second_save_updates(
    main_window: Window, session: NotesSession, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    session.setup(PASSPHRASE)
    session.lock()
    draft = NoteDraft(
        pseudonym="XY",
        observed="Signalen: trekt zich terug",
        origin="checklist",
        link={"checklist": {"signals": ["terugtrekken"]}},
        tags=["signalering"],
    )
    assert main_window.save_as_note(draft)
    screen = main_window.current_screen()
    assert isinstance(screen, NotesScreen)
    assert screen.pages.currentWidget() is screen.unlock_page
    assert "Ontgrendel eerst" in screen.unlock_page.notice.text()
    type_into(qtbot, screen.unlock_page.passphrase, PASSPHRASE)
    qtbot.keyClick(screen.unlock_page.passphrase, Qt.Key.Key_Return)
    assert screen.pages.currentWidget() is screen.editor
    assert screen.editor.pseudonym.text() == "XY"
    assert screen.editor.observed.toPlainText() == "Signalen: trekt zich terug"
    assert "Signalering" in screen.editor.link_line.text()
    type_into(qtbot, screen.editor.text, "Eigen aanvulling")
    screen.editor.submit()
    [saved] = session.store.query()

    # The view offers to reopen the checklist, with the saved data and the note id.
    received: list[object] = []
    target = main_window.screen_for("signalering")
    monkeypatch.setattr(target, "receive", received.append)
    assert screen.view_page.reopen_button.text() == "Openen in Signalering"
    qtbot.mouseClick(screen.view_page.reopen_button, Qt.MouseButton.LeftButton)
    assert main_window.current_area() == "signalering"
    assert received == [
        Reopen(
            kind="checklist",
            data={"signals": ["terugtrekken"]},
            note_id=saved.id,
            pseudonym="XY",
        )
    ]

    again = draft.model_copy(
        update={"note_id": saved.id, "observed": "Signalen: terugtrekken, verzuim"}
    )
    main_window.save_as_note(again)
    assert screen.editor.title.text() == "Notitie bewerken"
    assert screen.editor.text.toPlainText() == "Eigen aanvulling"
    screen.editor.submit()
    [updated] = session.store.notes([saved.id])
    assert session.store.count() == 1
    assert updated.observed == "Signalen: terugtrekken, verzuim"


def test_leaving_a_half_written_note_asks_first(
    main_window: Window, unlocked: NotesScreen, qtbot: QtBot, dialog_log
) -> None:  # type: ignore[no-untyped-def]
    unlocked.new_note()
    type_into(qtbot, unlocked.editor.pseudonym, "AB")
    dialog_log.answer = False
    assert not main_window.navigate("start")
    assert dialog_log.names() == ["confirm_discard"]


# -- deleting ----


def test_escape_leaves_the_editor_asking_first_and_ctrl_enter_saves(
    unlocked: NotesScreen, qtbot: QtBot, session: NotesSession, dialog_log
) -> None:  # type: ignore[no-untyped-def]
    """The editor and "Hoe ging het?" share one bar: Esc cancels (asking first when something
    was typed), Ctrl+S and Ctrl+Enter save, from any field."""
    unlocked.new_note()
    type_into(qtbot, unlocked.editor.pseudonym, "AB")
    dialog_log.answer = False
    qtbot.keyClick(unlocked.editor.pseudonym, Qt.Key.Key_Escape)
    assert dialog_log.names() == ["confirm_discard"]
    assert unlocked.pages.currentWidget() is unlocked.editor
    type_into(qtbot, unlocked.editor.observed, "Stil in de les")
    qtbot.keyClick(unlocked.editor.observed, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert [s.pseudonym for s in session.store.query()] == ["AB"]
    assert unlocked.pages.currentWidget() is unlocked.view_page
    unlocked.new_note()
    qtbot.keyClick(unlocked.editor.pseudonym, Qt.Key.Key_Escape)  # nothing typed: no question
    assert dialog_log.names() == ["confirm_discard"]
    assert unlocked.pages.currentWidget() is unlocked.view_page  # back to the note it came from


def test_delete_asks_first_then_deletes(
    unlocked: NotesScreen, session: NotesSession, qtbot: QtBot, dialog_log
) -> None:  # type: ignore[no-untyped-def]
    note = session.save(Note(pseudonym="AB", observed="x"))
    unlocked.open_note(note.id)
    dialog_log.answer = False
    qtbot.mouseClick(unlocked.view_page.delete_button, Qt.MouseButton.LeftButton)
    assert session.store.count() == 1
    dialog_log.answer = True
    qtbot.mouseClick(unlocked.view_page.delete_button, Qt.MouseButton.LeftButton)
    assert session.store.count() == 0
    assert dialog_log.names() == ["confirm_delete", "confirm_delete"]
    assert unlocked.pages.currentWidget() is unlocked.list_page


def test_a_delete_that_fails_keeps_the_note_on_screen_and_on_disk(
    unlocked: NotesScreen, session: NotesSession, qtbot: QtBot, dialog_log
) -> None:  # type: ignore[no-untyped-def]
    """Issue: with an immutable backup the delete failed on screen but had already removed the
    note from the vault; after relocking it was gone."""
    notes = [session.save(Note(pseudonym=f"P{i}", observed="x")) for i in range(3)]
    unlocked.open_note(notes[0].id)
    dialog_log.answer = True
    with inject(paths.data_dir(), Immutable(names=frozenset({"notities.dwvault.bak2"}))):
        qtbot.mouseClick(unlocked.view_page.delete_button, Qt.MouseButton.LeftButton)
    assert dialog_log.names() == ["confirm_delete", "warn"]
    message = str(dialog_log.calls[1][1])
    assert "niet verwijderd" in message and "notities.dwvault.bak2" in message
    assert "P0" in texts(unlocked)
    session.lock()
    session.unlock(PASSPHRASE)
    assert session.store.get(notes[0].id) is not None


def test_a_second_window_that_wrote_the_notes_is_not_overwritten(
    unlocked: NotesScreen, session: NotesSession, qtbot: QtBot, dialog_log
) -> None:  # type: ignore[no-untyped-def]
    """Issue: two copies of the app each replaced the vault; A's notes were gone."""
    session.save(Note(pseudonym="Kim"))
    other = NotesStore(Vault(vault_path(), kdf=TEST_KDF))
    other.unlock(PASSPHRASE)
    other.save(Note(pseudonym="Sam"))
    unlocked.show_list()
    assert "Sam" not in texts(unlocked)
    write_note(qtbot, unlocked, "Lou", "nieuw")  # Ctrl+S
    assert dialog_log.names() == ["warn"]
    assert "niet opgeslagen" in str(dialog_log.calls[0][1])
    assert unlocked.pages.currentWidget() is unlocked.editor  # the input is kept
    assert "Sam" in texts(unlocked)  # and the list now shows the file
    unlocked.editor.submit()  # saving again works, on top of B's note
    assert {s.pseudonym for s in session.store.query()} == {"Kim", "Lou", "Sam"}
    other.lock()
    other.unlock(PASSPHRASE)
    assert {s.pseudonym for s in other.query()} == {"Kim", "Lou", "Sam"}


def test_delete_everything_for_one_pseudonym_and_then_everything(
    unlocked: NotesScreen, session: NotesSession, dialog_log
) -> None:  # type: ignore[no-untyped-def]
    for pseudonym in ("AB", "AB", "CD"):
        session.save(Note(pseudonym=pseudonym))
    unlocked.show_list()
    unlocked.list_page.pseudonym_filter.setCurrentIndex(
        unlocked.list_page.pseudonym_filter.findData("AB")
    )
    unlocked.list_page.delete_pseudonym_button.click()
    assert "alle 2 notities over AB" in str(dialog_log.calls[-1][1])
    assert session.store.pseudonyms() == ["CD"]
    assert unlocked.list_page.pseudonym_filter.currentData() is None
    unlocked._delete_all()
    assert dialog_log.names()[-1] == "confirm"
    assert session.state == "new"
    assert list(paths.data_dir().iterdir()) == []
    assert unlocked.pages.currentWidget() is unlocked.setup_page


def test_a_deleted_marker_is_nowhere_in_the_data_folder(
    unlocked: NotesScreen, qtbot: QtBot, session: NotesSession
) -> None:
    marker = "MARKER-" + os.urandom(5).hex()
    write_note(qtbot, unlocked, "AB", f"{marker} gezien")
    write_note(qtbot, unlocked, "CD", "blijft staan")
    [gone] = [s.id for s in session.store.query() if s.pseudonym == "AB"]
    session.delete([gone])
    session.lock()
    assert marker not in texts(unlocked)
    for path in paths.data_dir().rglob("*"):
        raw = path.read_bytes()
        for codec in ("utf-8", "utf-16-le", "utf-16-be"):
            assert marker.encode(codec) not in raw, path


# -- home ----


def test_home_shows_due_check_ins_by_pseudonym_only_when_unlocked(
    main_window: Window, session: NotesSession, qtbot: QtBot
) -> None:
    session.setup(PASSPHRASE)
    session.save(Note(pseudonym="VV-1", follow_up=date.today(), observed="geheim detail"))
    main_window.navigate("start")
    home = main_window.current_screen()
    panel = home.notes_panel  # type: ignore[attr-defined]
    assert panel.card.isVisible()
    assert "Vandaag: 1" in panel.due_list.summary.text()
    [item] = panel.due_list.buttons
    assert "VV-1" in item.text()
    assert "geheim" not in texts(home)
    session.lock()
    shown = "\n".join(label.text() for label in home.findChildren(QLabel) if label.isVisible())
    assert "Notities zijn vergrendeld" in shown
    assert "Er staan check-ins klaar (gepland: 1)" in shown  # a count, never who
    assert "VV-1" not in texts(home) and "VV-1" not in shown
    session.unlock(PASSPHRASE)
    [item] = panel.due_list.buttons
    qtbot.mouseClick(item, Qt.MouseButton.LeftButton)
    screen = main_window.current_screen()
    assert isinstance(screen, NotesScreen)
    assert screen.pages.currentWidget() is screen.record_page
    assert "VV-1" in screen.record_page.about.text()


def test_trainer_mode_locks_the_notes_and_home_shows_no_pseudonym_on_the_projector(
    main_window: Window, session: NotesSession, qtbot: QtBot
) -> None:
    session.setup(PASSPHRASE)
    session.save(Note(pseudonym="PROJ-1", follow_up=date.today(), observed="x"))
    main_window.navigate("start")
    assert "PROJ-1" in texts(main_window.current_screen())
    assert main_window.enter_trainer_mode()
    assert not session.is_open  # locked, as the trainer-mode message promises
    main_window.navigate("start")
    home = main_window.current_screen()
    assert "PROJ-1" not in texts(home)
    assert not home.notes_panel.card.isVisible()  # type: ignore[attr-defined]
    main_window.leave_trainer_mode()
    assert not session.is_open  # leaving does not unlock
    main_window.navigate("start")
    assert main_window.current_screen().notes_panel.card.isVisible()  # type: ignore[attr-defined]


def test_home_says_nothing_before_notes_exist(main_window: Window, session: NotesSession) -> None:
    main_window.navigate("start")
    assert not main_window.current_screen().notes_panel.card.isVisible()  # type: ignore[attr-defined]


def test_home_offers_to_review_notes_past_retention(
    main_window: Window, session: NotesSession, dialog_log
) -> None:  # type: ignore[no-untyped-def]
    session.setup(PASSPHRASE)
    session.store._now = lambda: datetime.now() - timedelta(days=400)
    session.save(Note(pseudonym="OUD"))
    main_window.navigate("start")
    panel = main_window.current_screen().notes_panel  # type: ignore[attr-defined]
    assert "1 notitie is meer dan" in panel.expired_line.text()
    panel.expired_button.click()
    screen = main_window.current_screen()
    assert isinstance(screen, NotesScreen) and screen.list_page.retention_filter.isChecked()
    screen.list_page.delete_expired_button.click()
    assert session.store.count() == 0


# -- export ----


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def test_export_one_note_and_all_notes_to_pdf(
    unlocked: NotesScreen,
    session: NotesSession,
    qtbot: QtBot,
    dialog_log,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    note = session.save(Note(pseudonym="ÉÉ-1", observed="Zag iets bijzonders", done="Gesprek"))
    session.save(Note(pseudonym="FF", observed="Tweede"))
    target = tmp_path / "een"
    monkeypatch.setattr(dialogs, "ask_save_file", lambda *_a: str(target))
    unlocked.open_note(note.id)
    qtbot.mouseClick(unlocked.view_page.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not unlocked.is_exporting(), timeout=20000)
    text = pdf_text(tmp_path / "een.pdf")
    assert "Notitie over ÉÉ-1" in text and "Zag iets bijzonders" in text and "Tweede" not in text
    assert dialog_log.names() == ["info"] and "niet versleuteld" in str(dialog_log.calls[0][1])
    monkeypatch.setattr(dialogs, "ask_save_file", lambda *_a: str(tmp_path / "alles.pdf"))
    unlocked._export_all()
    qtbot.waitUntil(lambda: not unlocked.is_exporting(), timeout=20000)
    assert "Tweede" in pdf_text(tmp_path / "alles.pdf")


def test_the_suggested_pdf_name_never_carries_the_pseudonym(
    unlocked: NotesScreen, session: NotesSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    note = session.save(Note(pseudonym="KX-42", observed="x"))
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "ask_save_file", lambda *a: asked.append(a[2]))  # cancels
    unlocked.export([note.id], "one", note.pseudonym)
    unlocked.list_page.pseudonym_filter.setCurrentIndex(
        unlocked.list_page.pseudonym_filter.findData("KX-42")
    )
    unlocked.list_page.export_pseudonym_button.click()
    assert len(asked) == 2
    for suggested in asked:
        name = Path(suggested).name
        assert "KX" not in name and "42" not in name.replace(date.today().isoformat(), "")
        assert name.endswith(".pdf")


def test_a_pseudonym_that_looks_like_markup_is_shown_as_typed(
    unlocked: NotesScreen, session: NotesSession
) -> None:
    note = session.save(Note(pseudonym="<b>B</b>", observed="x"))
    unlocked.open_note(note.id)
    title = unlocked.view_page.title
    assert title.textFormat() == Qt.TextFormat.PlainText
    assert "<b>B</b>" in title.text()


def test_export_to_an_unwritable_place_says_so(
    unlocked: NotesScreen, session: NotesSession, qtbot: QtBot, dialog_log, monkeypatch, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    note = session.save(Note(pseudonym="AB", observed="x"))
    blocked = tmp_path / "a-file"
    blocked.write_text("")
    monkeypatch.setattr(dialogs, "ask_save_file", lambda *_a: str(blocked / "x.pdf"))
    unlocked.export([note.id], "one", "AB")
    qtbot.waitUntil(lambda: not unlocked.is_exporting(), timeout=20000)
    assert dialog_log.names() == ["warn"]
    assert "kon niet worden opgeslagen" in str(dialog_log.calls[0][1])


def test_a_large_export_runs_in_the_background_and_can_be_stopped(
    unlocked: NotesScreen, session: NotesSession, qtbot: QtBot, dialog_log, monkeypatch, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    session.store.save_many(
        Note(pseudonym=f"P{i}", observed="Een wat langere observatie. " * 20) for i in range(600)
    )
    monkeypatch.setattr(dialogs, "ask_save_file", lambda *_a: str(tmp_path / "groot.pdf"))
    # Hold the worker after its first note until the user has pressed Stop, so the test does
    # not depend on how fast this machine lays out 600 notes.
    stop_pressed = threading.Event()
    real_draw = notes_pdf._Checkpoint.draw

    def held_draw(self):  # type: ignore[no-untyped-def]
        real_draw(self)
        stop_pressed.wait(timeout=20)

    monkeypatch.setattr(notes_pdf._Checkpoint, "draw", held_draw)
    unlocked.show_list()
    unlocked._export_all()
    job = unlocked.exporter.job
    assert job is not None and unlocked.list_page.progress_host.isVisible()
    seen: list[int] = []
    job.progress.connect(lambda done, _total: seen.append(done))
    qtbot.waitUntil(lambda: bool(seen), timeout=20000)
    assert unlocked.list_page.search.isEnabled()  # the window stays responsive meanwhile
    qtbot.mouseClick(unlocked.list_page.cancel_export_button, Qt.MouseButton.LeftButton)
    stop_pressed.set()
    qtbot.waitUntil(lambda: not unlocked.is_exporting(), timeout=20000)
    assert max(seen) < 600
    assert "Gestopt" in str(dialog_log.calls[-1][1])
    assert not (tmp_path / "groot.pdf").exists()
    assert not unlocked.list_page.progress_host.isVisible()


def test_show_notes_payload_while_locked_goes_to_unlock(
    main_window: Window, session: NotesSession
) -> None:
    session.setup(PASSPHRASE)
    session.lock()
    main_window.navigate("notities", ShowNotes("due"))
    screen = main_window.current_screen()
    assert isinstance(screen, NotesScreen) and screen.pages.currentWidget() is screen.unlock_page


def test_change_the_passphrase_from_the_more_menu(
    unlocked: NotesScreen, session: NotesSession, qtbot: QtBot, dialog_log
) -> None:  # type: ignore[no-untyped-def]
    session.save(Note(pseudonym="AB"))
    unlocked.show_list()
    menu = unlocked.list_page.more_button.menu()
    [action] = [a for a in menu.actions() if a.text() == "Wachtwoordzin wijzigen…"]
    action.trigger()
    page = unlocked.change_page
    assert unlocked.pages.currentWidget() is page
    type_into(qtbot, page.old, "niet de oude zin")
    type_into(qtbot, page.new, "een nieuwe lange zin")
    type_into(qtbot, page.repeat, "een nieuwe lange zin")
    qtbot.mouseClick(page.button, Qt.MouseButton.LeftButton)
    assert "klopt niet" in page.error.text()
    page.old.setText(PASSPHRASE)
    qtbot.mouseClick(page.button, Qt.MouseButton.LeftButton)
    assert dialog_log.names() == ["info"]
    assert "een nieuwe lange zin" not in texts(unlocked)
    session.lock()
    session.unlock("een nieuwe lange zin")
    assert session.store.count() == 1


def test_a_passphrase_change_that_fails_says_so_and_the_old_one_opens(
    unlocked: NotesScreen, session: NotesSession, qtbot: QtBot, dialog_log
) -> None:  # type: ignore[no-untyped-def]
    """Issue: with an immutable backup the app said the change failed, but the vault was
    already on the new passphrase and the old one no longer opened it."""
    for i in range(3):
        session.save(Note(pseudonym=f"P{i}"))
    unlocked._show_change_passphrase()
    page = unlocked.change_page
    type_into(qtbot, page.old, PASSPHRASE)
    type_into(qtbot, page.new, "een nieuwe lange zin")
    type_into(qtbot, page.repeat, "een nieuwe lange zin")
    with inject(paths.data_dir(), Immutable(names=frozenset({"notities.dwvault.bak2"}))):
        qtbot.mouseClick(page.button, Qt.MouseButton.LeftButton)
    assert "niet gewijzigd" in page.error.text() and "notities.dwvault.bak2" in page.error.text()
    assert dialog_log.names() == []
    session.lock()
    session.unlock(PASSPHRASE)
    assert session.store.count() == 3


def test_a_change_that_left_a_backup_on_the_old_passphrase_names_it(
    unlocked: NotesScreen, session: NotesSession, qtbot: QtBot, dialog_log, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """Changed, but one backup could not be replaced: the message says which file still opens
    with the old passphrase, instead of a plain 'changed'."""
    stuck = session.store.vault.backup_path(2)
    monkeypatch.setattr(session.store, "change_passphrase", lambda old, new: [stuck])
    unlocked._show_change_passphrase()
    page = unlocked.change_page
    type_into(qtbot, page.old, PASSPHRASE)
    type_into(qtbot, page.new, "een nieuwe lange zin")
    type_into(qtbot, page.repeat, "een nieuwe lange zin")
    qtbot.mouseClick(page.button, Qt.MouseButton.LeftButton)
    assert dialog_log.names() == ["warn"]
    message = str(dialog_log.calls[0][1])
    assert "is gewijzigd" in message and str(stuck) in message and "oude wachtwoordzin" in message
    assert unlocked.pages.currentWidget() is unlocked.list_page


def test_a_backup_that_opens_with_the_other_passphrase_is_offered(
    notes: NotesScreen, session: NotesSession, qtbot: QtBot
) -> None:
    """A crash after the new vault was written but before the backups were replaced: the old
    passphrase no longer opens the vault, but it opens backup 1, which is offered."""
    session.setup(PASSPHRASE)
    session.save(Note(pseudonym="AB"))
    vault = session.store.vault
    kept = vault.backup_path(1).read_bytes()
    session.change_passphrase(PASSPHRASE, "een nieuwe lange zin")
    vault.backup_path(1).unlink()  # a hard link to the vault: not to be written in place
    vault.backup_path(1).write_bytes(kept)  # as a crash mid-change leaves it
    session.lock()
    page = notes.unlock_page
    type_into(qtbot, page.passphrase, PASSPHRASE)
    qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
    assert not session.is_open, "opened"
    assert "nieuwe wachtwoordzin" in page.error.text()
    assert not page.backup_box.isHidden()
    assert page.backups.count() == 1 and page.backups.currentData() == vault.backup_path(1)
    assert "wachtwoordzin die je net typte" in page.backup_text.text()


def test_save_stays_in_view_below_a_long_note_form(unlocked: NotesScreen, qtbot: QtBot) -> None:
    unlocked.new_note()
    editor = unlocked.editor
    assert unlocked.pages.currentWidget() is editor
    assert not editor.scroll_area.isAncestorOf(editor.save_button)
    assert editor.save_button.isVisible() and "Ctrl+S" in editor.save_button.toolTip()


def test_locking_during_an_export_does_not_wait_for_it_and_leaves_no_file(
    unlocked: NotesScreen, session: NotesSession, qtbot: QtBot, dialog_log, monkeypatch, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    """Ctrl+L or the idle lock used to wait for the export to finish (302 s, notes on screen)."""
    session.store.save_many(
        Note(pseudonym=f"P{i}", observed="Observatie. " * 20) for i in range(50)
    )
    monkeypatch.setattr(dialogs, "ask_save_file", lambda *_a: str(tmp_path / "alles.pdf"))
    # The worker is held inside the layout (as a long note would keep it busy) until released.
    release = threading.Event()
    real_draw = notes_pdf._Checkpoint.draw

    def held_draw(self):  # type: ignore[no-untyped-def]
        real_draw(self)
        release.wait(timeout=15)

    monkeypatch.setattr(notes_pdf._Checkpoint, "draw", held_draw)
    unlocked.show_list()
    unlocked._export_all()
    job = unlocked.exporter.job
    assert job is not None
    seen: list[int] = []
    job.progress.connect(lambda done, _total: seen.append(done))
    qtbot.waitUntil(lambda: bool(seen), timeout=20000)
    try:
        session.lock()
        # The lock happened at once: the notes are off the screen while the export still runs.
        assert job.is_running()
        assert unlocked.pages.currentWidget() is unlocked.unlock_page
        assert not unlocked.is_exporting() and not unlocked.list_page.progress_host.isVisible()
    finally:
        release.set()
    qtbot.waitUntil(lambda: not job.is_running(), timeout=20000)
    QCoreApplication.processEvents()
    assert list(tmp_path.glob("alles*")) == [] and list(tmp_path.glob(".alles*")) == []
    assert dialog_log.names() == []  # no 'export stopped' over the unlock page


@pytest.mark.parametrize("answer", [False, True])
def test_export_first_lists_exactly_the_characters_the_pdf_cannot_print(
    unlocked: NotesScreen,
    session: NotesSession,
    qtbot: QtBot,
    dialog_log,
    monkeypatch,
    tmp_path,
    answer: bool,
) -> None:  # type: ignore[no-untyped-def]
    """Chinese, emoji and Arabic used to vanish from the PDF without a word."""
    note = session.save(Note(pseudonym="Wáng 王", observed="Zei: 谢谢 😀 شكرا. Verder prima."))
    target = tmp_path / "notitie.pdf"
    monkeypatch.setattr(dialogs, "ask_save_file", lambda *_a: str(target))
    dialog_log.answer = answer
    unlocked.export([note.id], "one", note.pseudonym)
    [(name, (characters, listing))] = [c for c in dialog_log.calls if c[0] != "info"]
    assert name == "confirm_unprintable"
    assert characters == "王谢😀شكرا"
    assert "U+1F600   GRINNING FACE" in str(listing) and "ARABIC LETTER SHEEN" in str(listing)
    qtbot.waitUntil(lambda: not unlocked.is_exporting(), timeout=20000)
    assert target.exists() is answer
    if answer:
        layer = " ".join(PdfReader(target).pages[0].extract_text().split())
        assert "Zei: �� � ����. Verder prima." in layer


def test_export_of_printable_notes_asks_nothing_extra(
    unlocked: NotesScreen, session: NotesSession, qtbot: QtBot, dialog_log, monkeypatch, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    note = session.save(Note(pseudonym="ÉL-3", observed="Één keer; Ελένη; Кирилл ✓"))
    monkeypatch.setattr(dialogs, "ask_save_file", lambda *_a: str(tmp_path / "n.pdf"))
    unlocked.export([note.id], "one", note.pseudonym)
    qtbot.waitUntil(lambda: not unlocked.is_exporting(), timeout=20000)
    assert "confirm_unprintable" not in dialog_log.names()
    assert (tmp_path / "n.pdf").exists()
