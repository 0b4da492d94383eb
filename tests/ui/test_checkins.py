"""Check-ins as a teacher meets them: planned in the note, recorded in one step, next step
offered, exported to the calendar without student data."""

from __future__ import annotations

from datetime import date, time, timedelta
from pathlib import Path

import icalendar
import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from docentwijzer import checkins
from docentwijzer.checkins import CheckIn
from docentwijzer.handoff import NoteDraft, SignalContext
from docentwijzer.notes import Note, NotesStore, vault_path
from docentwijzer.profile import Contact, InstitutionProfile, ProfileStore
from docentwijzer.tree import Walk, all_paths, follow_up_date, note_draft, tree_content
from docentwijzer.vault import Vault
from tests.core.notes_support import PASSPHRASE, TEST_KDF

from docentwijzer.ui import dialogs
from docentwijzer.ui.mainwindow import MainWindow
from docentwijzer.ui.notes import NotesScreen
from docentwijzer.ui.notes_session import NotesSession, install_session

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def session(main_window: MainWindow) -> NotesSession:
    session = install_session(main_window, NotesStore(Vault(vault_path(), kdf=TEST_KDF)))
    session.setup(PASSPHRASE)
    return session


@pytest.fixture
def notes(main_window: MainWindow, session: NotesSession) -> NotesScreen:
    main_window.navigate("notities")
    screen = main_window.current_screen()
    assert isinstance(screen, NotesScreen)
    return screen


def route_draft(leaf: str, pseudonym: str) -> NoteDraft:
    tree = tree_content()
    path = next(p for p in all_paths(tree) if p[-1] == leaf)
    return note_draft(Walk(tree, path), [], SignalContext(pseudonym=pseudonym), date.today())


def saved_route(session: NotesSession, leaf: str, pseudonym: str, due: date) -> CheckIn:
    note = Note.from_draft(route_draft(leaf, pseudonym))
    [planned] = checkins.default_plan(tree_content(), note, date.today())
    planned = planned.model_copy(update={"due": due})
    session.save_with_plan(note, [planned])
    return planned.model_copy(update={"note_id": note.id})


def test_a_route_arrives_with_the_tree_s_check_in_and_more_can_be_planned(
    main_window: MainWindow, notes: NotesScreen, session: NotesSession, qtbot: QtBot
) -> None:
    main_window.navigate("notities", route_draft("PSYCHISCH", "JV"))
    editor = notes.editor
    assert notes.pages.currentWidget() is editor
    leaf = tree_content().leaf("PSYCHISCH")
    [row] = editor.plan.rows
    assert row.value().due == follow_up_date(leaf, date.today())
    assert row.ask.text() == leaf.follow_up.text
    # A second one, by keyboard: Space on the add button, then type the question.
    editor.plan.add_button.setFocus()
    qtbot.keyClick(editor.plan.add_button, Qt.Key.Key_Space)
    assert len(editor.plan.rows) == 2
    second = editor.plan.rows[1]
    assert second.value().due > row.value().due
    second.ask.selectAll()
    qtbot.keyClicks(second.ask, "Hoe gaat het na het eerste gesprek?")
    assert editor.is_dirty()
    qtbot.keyClick(editor.observed, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    [summary] = session.store.query()
    plan = checkins.plan(session.store, summary.id)
    assert [c.ask for c in plan] == ["", "Hoe gaat het na het eerste gesprek?"]
    assert plan[0].question(tree_content()) == leaf.follow_up.text  # stored as the leaf's
    assert summary.follow_up == plan[0].due
    # The note's page lists both, with what to do with each.
    assert notes.pages.currentWidget() is notes.view_page
    assert set(notes.view_page.checkins.buttons) == {c.id for c in plan}


def test_removing_a_check_in_in_the_editor_removes_it_from_the_note(
    notes: NotesScreen, session: NotesSession, qtbot: QtBot
) -> None:
    planned = saved_route(session, "STUDIE", "AB", date.today() + timedelta(days=3))
    notes.open_note(planned.note_id)
    qtbot.mouseClick(notes.view_page.edit_button, LEFT)
    [row] = notes.editor.plan.rows
    qtbot.mouseClick(row.remove, LEFT)
    assert notes.editor.plan.rows == [] and notes.editor.is_dirty()
    notes.editor.submit()
    assert checkins.plan(session.store, planned.note_id) == []
    assert session.store.query()[0].follow_up is None


def test_editing_a_note_whose_check_ins_are_done_suggests_none(
    notes: NotesScreen, session: NotesSession
) -> None:
    planned = saved_route(session, "STUDIE", "AB", date.today())
    session.record_checkin(planned.id, "succeeded", "", None)
    notes.open_note(planned.note_id)
    notes._edit_current()
    assert notes.editor.plan.rows == []
    assert "Gelukt" in notes.editor.plan.recorded.text()


def test_recording_an_outcome_in_one_step_with_the_next_step_from_the_same_leaf(
    notes: NotesScreen, session: NotesSession, qtbot: QtBot
) -> None:
    planned = saved_route(session, "PSYCHISCH", "JV", date.today())
    notes.open_note(planned.note_id)
    record, _calendar = notes.view_page.checkins.buttons[planned.id]
    qtbot.mouseClick(record, LEFT)
    page = notes.record_page
    assert notes.pages.currentWidget() is page
    assert "JV" in page.about.text()
    # Saving without an outcome says what is missing and writes nothing.
    page.submit()
    assert page.error.isVisibleTo(page) and checkins.get(session.store, planned.id).is_open  # type: ignore[union-attr]
    # "Niet gelukt": who else, from the same leaf's contacts, and a later check-in.
    page.buttons["not_succeeded"].setFocus()
    qtbot.keyClick(page.buttons["not_succeeded"], Qt.Key.Key_Space)
    shown = " ".join(w.text() for w in page.next_host.findChildren(type(page.about)))
    assert "Studentpsycholoog" in shown and "Studentendecaan" in shown
    assert page.plan_later.isChecked()
    leaf = tree_content().leaf("PSYCHISCH")
    assert page.then() is not None and page.then().due == follow_up_date(leaf, date.today())  # type: ignore[union-attr]
    qtbot.keyClicks(page.line, "Wachtlijst van zes weken")
    qtbot.keyClick(page.line, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    plan = checkins.plan(session.store, planned.note_id)
    assert [(c.outcome, c.outcome_note) for c in plan] == [
        ("not_succeeded", "Wachtlijst van zes weken"),
        (None, ""),
    ]
    assert plan[1].leaf == "PSYCHISCH"
    assert notes.pages.currentWidget() is notes.view_page
    assert (
        "Wachtlijst van zes weken"
        in notes.view_page.findChild(type(page.about), f"checkin_{planned.id}").text()
    )


def test_who_else_names_the_institution_s_own_contacts(
    notes: NotesScreen, session: NotesSession
) -> None:
    """'Niet gelukt' offers who else from the same leaf resolved against the institution
    profile: the teacher sees their own institution's office and number, not only the role.
    Without a route, whom to consult (the tree's OVERLEG leaf) comes from the profile too."""
    ProfileStore().save(
        InstitutionProfile(
            institution="Hogeschool Voorbeeld",
            contacts={
                "studentpsycholoog": Contact(
                    name="Psychologenteam Voorbeeld", phone="030 111 2233"
                ),
                "studentendecaan": Contact(name="Decanaat Voorbeeld", phone="030 444 5566"),
            },
        )
    )
    planned = saved_route(session, "PSYCHISCH", "JV", date.today())
    notes.record_checkin(planned.id)
    page = notes.record_page
    page.choose("not_succeeded")
    shown = " ".join(w.text() for w in page.next_host.findChildren(type(page.about)))
    assert "Psychologenteam Voorbeeld" in shown and "030 111 2233" in shown
    assert "Decanaat Voorbeeld" in shown and "030 444 5566" in shown
    page.clear()

    by_hand = CheckIn(due=date.today(), ask="Vraag of het gesprek er kwam")
    note = Note(pseudonym="KL")
    session.save_with_plan(note, [by_hand])
    notes.record_checkin(by_hand.id)
    page.choose("not_succeeded")
    shown = " ".join(w.text() for w in page.next_host.findChildren(type(page.about)))
    consult = tree_content().leaf("OVERLEG")
    assert "studentendecaan" in [c.contact for c in consult.contacts]
    assert "Decanaat Voorbeeld" in shown and "030 444 5566" in shown


def test_declined_shows_the_no_help_guidance_and_the_teacher_may_plan_nothing(
    notes: NotesScreen, session: NotesSession
) -> None:
    planned = saved_route(session, "BINDING", "CD", date.today())
    notes.record_checkin(planned.id)
    page = notes.record_page
    page.choose("declined")
    guidance = tree_content().leaf("GEEN_HULP")
    shown = " ".join(w.text() for w in page.next_host.findChildren(type(page.about)))
    assert guidance.title in shown
    assert all(action.text in shown for action in guidance.actions)
    page.plan_later.setChecked(False)
    page.submit()
    [done] = checkins.plan(session.store, planned.note_id)
    assert done.outcome == "declined"
    assert session.store.query()[0].follow_up is None


def test_leaving_a_half_recorded_outcome_asks_first(
    main_window: MainWindow, notes: NotesScreen, session: NotesSession, dialog_log
) -> None:  # type: ignore[no-untyped-def]
    planned = saved_route(session, "STUDIE", "AB", date.today())
    notes.record_checkin(planned.id)
    notes.record_page.choose("partly")
    assert notes.has_unsaved_changes()
    dialog_log.answer = False
    notes._cancel_record()
    assert "confirm_discard" in dialog_log.names()
    assert notes.pages.currentWidget() is notes.record_page


def test_locking_clears_the_record_page(notes: NotesScreen, session: NotesSession) -> None:
    planned = saved_route(session, "STUDIE", "Zichtbaar-Pseudoniem", date.today())
    notes.record_checkin(planned.id)
    notes.record_page.choose("partly")
    session.lock()
    assert "Zichtbaar" not in notes.record_page.about.text()
    assert notes.record_page.outcome() is None
    assert notes.pages.currentWidget() is notes.unlock_page


def test_a_check_in_goes_to_the_calendar_without_student_data_by_default(
    notes: NotesScreen,
    session: NotesSession,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    dialog_log,  # type: ignore[no-untyped-def]
) -> None:
    due = date.today() + timedelta(days=5)
    planned = saved_route(session, "PSYCHISCH", "Zichtbaar-Pseudoniem", due)
    target = tmp_path / "agenda"
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "ask_calendar_details", lambda *_a: (time(8, 30), False))

    def save_as(_parent: object, _title: str, suggested: str, _filters: str) -> str:
        asked.append(suggested)
        return str(target)

    monkeypatch.setattr(dialogs, "ask_save_file", save_as)
    notes.open_note(planned.note_id)
    _record, calendar = notes.view_page.checkins.buttons[planned.id]
    qtbot.mouseClick(calendar, LEFT)
    assert "Zichtbaar" not in asked[0] and due.isoformat() in asked[0]
    written = target.with_name("agenda.ics")
    data = written.read_bytes()
    assert b"Zichtbaar" not in data and b"hulp te vinden" not in data
    [event] = icalendar.Calendar.from_ical(data).walk("VEVENT")
    assert str(event["SUMMARY"]) == "DocentWijzer: check-in"
    start = event.decoded("DTSTART")
    assert (start.date(), start.time()) == (due, time(8, 30))
    assert dialog_log.names()[-1] == "info"
    # Opted in: the pseudonym and the question go along.
    monkeypatch.setattr(dialogs, "ask_calendar_details", lambda *_a: (time(9, 0), True))
    qtbot.mouseClick(calendar, LEFT)
    [event] = icalendar.Calendar.from_ical(written.read_bytes()).walk("VEVENT")
    assert "Zichtbaar-Pseudoniem" in str(event["SUMMARY"])
    assert tree_content().leaf("PSYCHISCH").follow_up.text in str(event["DESCRIPTION"])


def test_a_calendar_file_that_cannot_be_written_says_so(
    notes: NotesScreen,
    session: NotesSession,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    dialog_log,  # type: ignore[no-untyped-def]
) -> None:
    planned = saved_route(session, "STUDIE", "AB", date.today())
    blocker = tmp_path / "bestand"
    blocker.write_text("geen map")
    monkeypatch.setattr(dialogs, "ask_calendar_details", lambda *_a: (time(9, 0), False))
    monkeypatch.setattr(dialogs, "ask_save_file", lambda *_a: str(blocker / "x.ics"))
    notes.export_calendar(planned.id)
    name, args = dialog_log.calls[-1]
    assert name == "warn" and str(blocker / "x.ics") in str(args[1])


# -- Start and the due lists -------------------------------------------------------------------


def a_vault_with_check_ins(days: list[int]) -> None:
    """As the teacher left it last time: notes with check-ins, locked, the hint written."""
    store = NotesStore(Vault(vault_path(), kdf=TEST_KDF))
    store.setup(PASSPHRASE)
    for index, day in enumerate(days):
        due = date.today() + timedelta(days=day)
        checkins.save_note(store, Note(pseudonym=f"Geheim-{index}"), [CheckIn(due=due)])
    checkins.write_hint(store)
    store.lock()


def shown_labels(widget) -> str:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QAbstractButton, QLabel

    parts = [w.text() for w in widget.findChildren(QLabel) if w.isVisibleTo(widget)]
    parts += [w.text() for w in widget.findChildren(QAbstractButton) if w.isVisibleTo(widget)]
    return "\n".join(parts)


def test_starting_with_check_ins_due_says_so_once_calmly_with_a_count_only(
    main_window: MainWindow, qtbot: QtBot
) -> None:
    a_vault_with_check_ins([-2, 0, 5])
    install_session(main_window, NotesStore(Vault(vault_path(), kdf=TEST_KDF)))
    main_window.navigate("start")
    home = main_window.current_screen()
    panel = home.notes_panel  # type: ignore[attr-defined]
    assert panel.announcement.isVisible()
    text = shown_labels(home)
    assert "Er staan check-ins klaar" in text and "gepland: 3" in text
    assert "Geheim" not in text
    # Said once: after leaving Start it does not come back this run.
    main_window.navigate("beslisboom")
    main_window.navigate("start")
    assert not panel.announcement.isVisible()
    assert "gepland: 3" in shown_labels(home)  # the count stays in the panel


def test_no_message_when_nothing_is_due_yet(main_window: MainWindow) -> None:
    a_vault_with_check_ins([3])
    install_session(main_window, NotesStore(Vault(vault_path(), kdf=TEST_KDF)))
    main_window.navigate("start")
    home = main_window.current_screen()
    panel = home.notes_panel  # type: ignore[attr-defined]
    assert not panel.announcement.isVisible()
    assert "Check-ins gepland: 1" in shown_labels(home)


def test_the_message_opens_the_notes_and_a_due_check_in_opens_after_unlocking(
    main_window: MainWindow, qtbot: QtBot
) -> None:
    a_vault_with_check_ins([0])
    session = install_session(main_window, NotesStore(Vault(vault_path(), kdf=TEST_KDF)))
    main_window.navigate("start")
    panel = main_window.current_screen().notes_panel  # type: ignore[attr-defined]
    qtbot.mouseClick(panel.announce_button, LEFT)
    notes = main_window.current_screen()
    assert isinstance(notes, NotesScreen)
    assert notes.pages.currentWidget() is notes.unlock_page
    session.unlock(PASSPHRASE)
    main_window.navigate("start")
    [item] = panel.due_list.buttons
    assert "Geheim-0" in item.text() and "Vandaag" in item.text()
    qtbot.mouseClick(item, LEFT)
    assert notes.pages.currentWidget() is notes.record_page


def test_notities_lists_what_is_due_and_shows_more_on_request(
    notes: NotesScreen, session: NotesSession, qtbot: QtBot
) -> None:
    for index, day in enumerate([-3, -1, 0, 2, 6, 9]):
        due = date.today() + timedelta(days=day)
        session.save_with_plan(Note(pseudonym=f"P{index}"), [CheckIn(due=due)])
    notes.show_list()
    assert notes.list_page.due_card.isVisible()
    assert notes.list_page.due_view.summary.text() == "Te laat: 2 · Vandaag: 1 · Binnen een week: 2"
    assert [b.text().split(" · ")[0] for b in notes.list_page.due_view.buttons] == [
        "P0",
        "P1",
        "P2",
    ]
    qtbot.mouseClick(notes.list_page.due_view.more, LEFT)
    assert len(notes.list_page.due_view.buttons) == 5  # the one in nine days is not within a week
    qtbot.mouseClick(notes.list_page.due_view.buttons[3], LEFT)
    assert notes.pages.currentWidget() is notes.record_page
    assert "P3" in notes.record_page.about.text()


def test_the_hint_follows_every_change_and_goes_with_delete_all(
    notes: NotesScreen, session: NotesSession
) -> None:
    planned = saved_route(session, "STUDIE", "AB", date.today())
    hint = checkins.read_hint(session.store)
    assert hint is not None and (hint.open, hint.first_due) == (1, date.today())
    session.record_checkin(planned.id, "succeeded", "", None)
    assert checkins.read_hint(session.store) is None  # nothing open: no file
    saved_route(session, "BINDING", "CD", date.today() + timedelta(days=2))
    assert checkins.hint_path(session.store).exists()
    session.destroy_all()
    assert not checkins.hint_path(session.store).exists()


# -- Mijn overzicht -----------------------------------------------------------------------------


def test_the_overview_shows_the_year_in_numbers_and_no_pseudonym(
    notes: NotesScreen,
    session: NotesSession,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    dialog_log,  # type: ignore[no-untyped-def]
) -> None:
    first = saved_route(session, "PSYCHISCH", "Zichtbaar-Een", date.today())
    saved_route(session, "PSYCHISCH", "Zichtbaar-Twee", date.today() + timedelta(days=3))
    saved_route(session, "STUDIE", "Zichtbaar-Drie", date.today() - timedelta(days=1))
    session.record_checkin(first.id, "not_succeeded", "Wachtlijst-geheim", None)
    notes.show_list()
    qtbot.mouseClick(notes.list_page.overview_button, LEFT)
    page = notes.overview_page
    assert notes.pages.currentWidget() is page
    assert page.summary.text() == (
        "Routes: 3 · Check-ins vastgelegd: 1, waarvan gelukt: 0 · Nog open: 1"
    )
    assert "Niet gelukt: 1" in page.outcomes.accessibleDescription()
    described = page.routes.accessibleDescription()
    tree = tree_content()
    assert f"{tree.leaf('PSYCHISCH').title}: 2" in described
    assert f"{tree.leaf('STUDIE').title}: 1" in described
    table = page.table
    total = [table.item(table.rowCount() - 1, c).text() for c in range(table.columnCount())]
    assert total == ["Totaal", "3", "0", "0", "1", "0", "1"]
    shown = (
        shown_labels(page)
        + "\n"
        + "\n".join(table.item(r, 0).text() for r in range(table.rowCount()))
    )
    assert "Zichtbaar" not in shown and "Wachtlijst" not in shown
    # The same numbers as a PDF.
    target = tmp_path / "overzicht"
    monkeypatch.setattr(dialogs, "ask_save_file", lambda *_a: str(target))
    qtbot.mouseClick(page.pdf_button, LEFT)
    from pypdf import PdfReader

    written = target.with_name("overzicht.pdf")
    text = " ".join(p.extract_text() for p in PdfReader(written).pages)
    assert "Routes: 3" in " ".join(text.split()) and "Zichtbaar" not in text
    assert dialog_log.names()[-1] == "info"
    # Locking empties it.
    session.lock()
    assert page.summary.text() == "" and page.table.rowCount() == 0


@pytest.mark.parametrize("scale", [100, 200])
def test_the_overview_table_shows_every_column_and_row_whole_at_any_text_size(
    main_window: MainWindow, qtbot: QtBot, scale: int
) -> None:
    """At 200% text the table keeps every number, every header and every row in view: the
    tree's outcome column is never squeezed below its longest word, and a horizontal scroll
    bar, if any, never covers the total."""
    assert main_window.set_text_scale(scale)
    session = install_session(main_window, NotesStore(Vault(vault_path(), kdf=TEST_KDF)))
    session.setup(PASSPHRASE)
    for leaf in ("PSYCHISCH", "MIDDELEN", "OMSTANDIGHEDEN", "SOCIALE_VEILIGHEID", "BINDING"):
        planned = saved_route(session, leaf, "AB", date.today())
        session.record_checkin(planned.id, "declined", "", None)
    main_window.navigate("notities")
    notes = main_window.current_screen()
    assert isinstance(notes, NotesScreen)
    notes.show_overview()
    table = notes.overview_page.table
    qtbot.waitUntil(lambda: table.isVisible() and table.rowCount() == 6)
    header = table.horizontalHeader()
    metrics = table.fontMetrics()
    words = [w for r in range(table.rowCount()) for w in table.item(r, 0).text().split()]
    assert header.sectionSize(0) >= max(metrics.horizontalAdvance(w) for w in words)
    assert header.sectionSize(0) >= header.sectionSizeHint(0)  # names wrap; numbers do not
    for column in range(1, table.columnCount()):
        needed = max(header.sectionSizeHint(column), table.sizeHintForColumn(column))
        assert header.sectionSize(column) >= needed, column
    for row in range(table.rowCount()):
        assert table.rowHeight(row) >= table.sizeHintForRow(row), row
    rows = sum(table.rowHeight(r) for r in range(table.rowCount()))
    assert table.viewport().height() >= rows
    main_window.set_text_scale(100)


def test_an_overview_pdf_that_cannot_be_written_says_where(
    notes: NotesScreen,
    session: NotesSession,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    dialog_log,  # type: ignore[no-untyped-def]
) -> None:
    blocker = tmp_path / "bestand"
    blocker.write_text("geen map")
    monkeypatch.setattr(dialogs, "ask_save_file", lambda *_a: str(blocker / "o.pdf"))
    notes.show_overview()
    assert "nog niets te tellen" in notes.overview_page.summary.text()
    notes.overview_page.export_pdf()
    name, args = dialog_log.calls[-1]
    assert name == "warn" and str(blocker / "o.pdf") in str(args[1])
