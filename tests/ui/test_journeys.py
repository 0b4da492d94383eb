"""Whole journeys across tools, as a teacher makes them after class.

Each tool has its own tests; these check that the seams between them hold: the checklist's
context reaches the tree, the tree's route reaches the notes, and a saved note reopens the
route it came from.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from docentwijzer.notes import NotesStore, vault_path
from docentwijzer.tree import follow_up_date, tree_content
from docentwijzer.vault import Vault
from tests.core.notes_support import PASSPHRASE, TEST_KDF

from docentwijzer.ui.checklist import ChecklistScreen
from docentwijzer.ui.mainwindow import MainWindow
from docentwijzer.ui.notes import NotesScreen
from docentwijzer.ui.notes_session import install_session
from docentwijzer.ui.tree import TreeScreen

LEFT = Qt.MouseButton.LeftButton


def shown_text(window: MainWindow) -> str:
    labels = window.current_screen().findChildren(QLabel)
    return "\n".join(label.text() for label in labels if label.isVisible())


def test_worried_after_class_to_a_saved_note_and_back_to_the_route(
    main_window: MainWindow,
    qtbot: QtBot,
    dialog_log,  # type: ignore[no-untyped-def]
) -> None:
    session = install_session(main_window, NotesStore(Vault(vault_path(), kdf=TEST_KDF)))

    # Start: "Ik maak me zorgen om een student".
    home = main_window.current_screen()
    qtbot.mouseClick(home.situation_buttons["zorgen"], LEFT)  # type: ignore[attr-defined]
    checklist = main_window.current_screen()
    assert isinstance(checklist, ChecklistScreen)

    # Signalering: a pseudonym, "de student vertelt het je", and what was heard.
    qtbot.keyClicks(checklist.pseudonym, "JV")
    checklist.rows["vertelt"].check.setFocus()
    qtbot.keyClick(checklist.rows["vertelt"].check, Qt.Key.Key_Space)
    qtbot.keyClicks(checklist.rows["vertelt"].observation, "zegt dat ze niet meer slaapt")
    qtbot.mouseClick(checklist.next_button, LEFT)

    # Beslisboom: the context came along, and urgency is still asked first.
    tree = main_window.current_screen()
    assert isinstance(tree, TreeScreen)
    assert "JV" in shown_text(main_window)
    assert "zegt dat ze niet meer slaapt" in shown_text(main_window)
    assert tree.walk.path == ("start",)  # type: ignore[attr-defined]
    for target in ("zelfdoding", "gesprek", "behoefte", "PSYCHISCH"):
        tree.choose(target)
    assert "Studentpsycholoog" in shown_text(main_window)
    qtbot.mouseClick(tree.save_button, LEFT)

    # Notities, first time: set a passphrase, then the editor holds the route.
    notes = main_window.current_screen()
    assert isinstance(notes, NotesScreen)
    assert "confirm_discard" not in dialog_log.names()
    setup = notes.setup_page
    assert notes.pages.currentWidget() is setup
    qtbot.keyClicks(setup.passphrase, PASSPHRASE)
    qtbot.keyClicks(setup.repeat, PASSPHRASE)
    qtbot.keyClick(setup.repeat, Qt.Key.Key_Return)
    assert notes.pages.currentWidget() is notes.editor
    assert notes.editor.pseudonym.text() == "JV"
    [planned] = notes.editor.plan.values()  # the tree's suggested check-in
    assert planned.leaf == "PSYCHISCH"
    notes.editor.submit()
    [summary] = session.store.query()
    saved = session.store.get(summary.id)
    assert saved is not None
    assert saved.pseudonym == "JV" and "route" in saved.link
    assert "zegt dat ze niet meer slaapt" in str(saved.link["checklist"])

    # Lock and unlock: the note is still there, and it reopens the route it came from.
    session.lock()
    session.unlock(PASSPHRASE)
    notes.open_note(saved.id)
    qtbot.mouseClick(notes.view_page.reopen_button, LEFT)
    QApplication.processEvents()
    assert main_window.current_area() == "beslisboom"
    reopened = main_window.current_screen()
    assert isinstance(reopened, TreeScreen)
    assert reopened.walk.path[-1] == "PSYCHISCH"  # type: ignore[attr-defined]


def test_marked_urgent_in_the_checklist_opens_the_urgent_leaf_directly(
    main_window: MainWindow, qtbot: QtBot
) -> None:
    main_window.navigate("signalering")
    checklist = main_window.current_screen()
    assert isinstance(checklist, ChecklistScreen)
    checklist.urgent.setFocus()
    qtbot.keyClick(checklist.urgent, Qt.Key.Key_Space)
    qtbot.mouseClick(checklist.next_button, LEFT)
    tree = main_window.current_screen()
    assert isinstance(tree, TreeScreen)
    assert tree.walk.path[-1] == "ACUUT"
    assert "Bel 112." in shown_text(main_window)


def test_the_suicide_question_reaches_113_in_two_answers_from_the_home_screen(
    main_window: MainWindow, qtbot: QtBot
) -> None:
    qtbot.keyClick(main_window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    tree = main_window.current_screen()
    assert isinstance(tree, TreeScreen)
    tree.setFocus()
    qtbot.keyClick(tree, Qt.Key.Key_3)  # "Nee": no danger right now
    qtbot.keyClick(tree, Qt.Key.Key_1)  # "Ja": talks about not wanting to live
    assert tree.walk.path[-1] == "ZELFDODING"
    assert "113 of 0800-0113" in shown_text(main_window)


def test_parked_at_the_conversation_saved_as_a_note_and_resumed_after_it(
    main_window: MainWindow,
    qtbot: QtBot,
    dialog_log,  # type: ignore[no-untyped-def]
) -> None:
    """A colleague is worried about a student; the teacher has not talked to them yet."""
    session = install_session(main_window, NotesStore(Vault(vault_path(), kdf=TEST_KDF)))
    main_window.activateWindow()
    qtbot.waitUntil(main_window.isActiveWindow)
    qtbot.keyClick(main_window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    tree = main_window.current_screen()
    assert isinstance(tree, TreeScreen)

    # Through someone else: chosen once, with the keyboard.
    tree.channel_choice.combo.setFocus()
    qtbot.keyClick(tree.channel_choice.combo, Qt.Key.Key_Down)
    qtbot.keyClick(tree.channel_choice.combo, Qt.Key.Key_Down)
    assert tree.walk.channel == "via_other"
    tree.setFocus()
    for key in (Qt.Key.Key_3, Qt.Key.Key_2, Qt.Key.Key_1):  # no danger, no death, not yet
        qtbot.keyClick(QApplication.focusWidget() or tree, key)
    assert tree.walk.current.id == "GESPREK"
    assert "Neem zelf contact op met de student" in shown_text(main_window)

    # Park it: Ctrl+S makes a note with a follow-up "after the conversation".
    qtbot.keyClick(
        QApplication.focusWidget() or tree, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier
    )
    notes = main_window.current_screen()
    assert isinstance(notes, NotesScreen)
    setup = notes.setup_page
    qtbot.keyClicks(setup.passphrase, PASSPHRASE)
    qtbot.keyClicks(setup.repeat, PASSPHRASE)
    qtbot.keyClick(setup.repeat, Qt.Key.Key_Return)
    [planned] = notes.editor.plan.values()  # the check-in "after the conversation"
    assert planned.leaf == "GESPREK"
    assert planned.due == follow_up_date(tree_content().node("GESPREK"), date.today())  # type: ignore[arg-type]
    qtbot.keyClicks(notes.editor.pseudonym, "KL")  # a pseudonym: the only thing to type
    notes.editor.submit()
    [summary] = session.store.query()
    saved = session.store.get(summary.id)
    assert saved is not None and saved.link["route"]["path"][-1] == "GESPREK"
    assert "Na het gesprek" in saved.text and "Ik hoorde dat het niet zo goed" in saved.text

    # After the conversation: reopen the note, and go on at "what does the student need".
    notes.open_note(saved.id)
    qtbot.mouseClick(notes.view_page.reopen_button, LEFT)
    QApplication.processEvents()
    tree = main_window.current_screen()
    assert isinstance(tree, TreeScreen)
    assert tree.walk.current.id == "behoefte" and tree.walk.channel == "via_other"
    assert "Je gaat verder na het gesprek" in shown_text(main_window)
    assert dialog_log.names() == []
    tree.choose("BINDING")
    assert tree.walk.answers_given() == 4
    assert "Gebruik check-ins" in shown_text(main_window)


def test_after_the_referral_the_loop_closes_check_in_due_outcome_next_step_overview(
    main_window: MainWindow,
    qtbot: QtBot,
    dialog_log,  # type: ignore[no-untyped-def]
) -> None:
    from docentwijzer import checkins

    from docentwijzer.ui.checkins_plan import qdate

    session = install_session(main_window, NotesStore(Vault(vault_path(), kdf=TEST_KDF)))
    session.setup(PASSPHRASE)

    # A route to "psychische klachten", saved as a note: it arrives with the tree's check-in.
    home = main_window.current_screen()
    qtbot.mouseClick(home.situation_buttons["zorgen"], LEFT)  # type: ignore[attr-defined]
    checklist = main_window.current_screen()
    assert isinstance(checklist, ChecklistScreen)
    qtbot.keyClicks(checklist.pseudonym, "JV")
    qtbot.mouseClick(checklist.next_button, LEFT)
    tree = main_window.current_screen()
    assert isinstance(tree, TreeScreen)
    for target in ("zelfdoding", "gesprek", "behoefte", "PSYCHISCH"):
        tree.choose(target)
    qtbot.mouseClick(tree.save_button, LEFT)
    notes = main_window.current_screen()
    assert isinstance(notes, NotesScreen)
    [row] = notes.editor.plan.rows
    leaf = tree_content().leaf("PSYCHISCH")
    assert row.value().due == follow_up_date(leaf, date.today())
    # The teacher will ask today already.
    row.due.setDate(qdate(date.today()))
    notes.editor.submit()

    # Start: due today, by pseudonym (the notes are open).
    main_window.navigate("start")
    panel = main_window.current_screen().notes_panel  # type: ignore[attr-defined]
    [item] = panel.due_list.buttons
    assert item.text().startswith("JV") and "Vandaag" in item.text()
    qtbot.mouseClick(item, LEFT)

    # "Hoe ging het?": not succeeded; who else is offered from the same leaf; a later check-in.
    assert main_window.current_screen() is notes
    page = notes.record_page
    assert notes.pages.currentWidget() is page
    page.choose("not_succeeded")
    offered = "\n".join(label.text() for label in page.next_host.findChildren(QLabel))
    assert "Studentpsycholoog" in offered
    assert page.plan_later.isChecked()
    qtbot.keyClicks(page.line, "Nog niet gebeld")
    qtbot.mouseClick(page.save_button, LEFT)
    [summary] = session.store.query()
    plan = checkins.plan(session.store, summary.id)
    assert [c.outcome for c in plan] == ["not_succeeded", None]
    assert plan[1].due == follow_up_date(leaf, date.today())

    # Counted in the teacher's own overview; the next check-in is on Start again when due.
    notes.show_list()
    qtbot.mouseClick(notes.list_page.overview_button, LEFT)
    overview = notes.overview_page
    assert overview.summary.text().startswith("Routes: 1 · Check-ins vastgelegd: 1")
    assert "Niet gelukt: 1" in overview.outcomes.accessibleDescription()
    main_window.navigate("start")
    within_a_week = plan[1].due <= checkins.week_end(date.today())
    expected = "Binnen een week: 1" if within_a_week else "Geen check-ins"
    assert expected in panel.due_list.summary.text()
