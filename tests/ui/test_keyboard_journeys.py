"""Every screen's main action with the keyboard alone: Tab and Shift+Tab to the control (as
QApplication.focusWidget() says), then Return or Space, and the result a user would see.

A control taken out of the Tab chain is never reached, and a button that ignores Return leaves
the screen as it was: both fail here (the last test shows it).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from docentwijzer.belonging import BelongingStore
from docentwijzer.notes import NotesStore, vault_path
from docentwijzer.profile import ProfileStore
from docentwijzer.vault import Vault
from tests.core.notes_support import PASSPHRASE, TEST_KDF
from tests.ui.routes import answers_to_psychisch

from docentwijzer.ui.mainwindow import MainWindow
from docentwijzer.ui.notes_session import NotesSession, install_session

Target = QWidget | Callable[[QWidget], bool]


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has keyboard focus"
    return widget


def describe(widget: QWidget) -> str:
    text = widget.accessibleName() or str(getattr(widget, "text", lambda: "")())
    return f"{type(widget).__name__} {text[:40]!r}"


def tab_to(qtbot: QtBot, target: Target, *, backwards: bool = False) -> QWidget:
    """Press Tab (Shift+Tab) until ``target`` has the focus; fail after one round of the
    window's Tab chain, listing the stops on the way."""
    key = Qt.Key.Key_Backtab if backwards else Qt.Key.Key_Tab
    first = focused()
    stops: list[str] = []
    for _ in range(400):
        widget = focused()
        hit = widget is target if isinstance(target, QWidget) else target(widget)
        if hit:
            assert widget.isVisible(), f"{describe(widget)} has the focus but is not shown"
            return widget
        stops.append(describe(widget))
        qtbot.keyClick(widget, key)
        QCoreApplication.processEvents()
        if focused() is first:
            break
    wanted = describe(target) if isinstance(target, QWidget) else "the control"
    pytest.fail(f"{wanted} is not reached with {'Shift+' if backwards else ''}Tab; stops: {stops}")


def named(name: str) -> Callable[[QWidget], bool]:
    return lambda widget: widget.accessibleName() == name


def press(qtbot: QtBot, key: Qt.Key = Qt.Key.Key_Return) -> None:
    qtbot.keyClick(focused(), key)
    QCoreApplication.processEvents()


def type_text(qtbot: QtBot, text: str) -> None:
    qtbot.keyClicks(focused(), text)


def shown_text(widget: QWidget) -> str:
    return "\n".join(
        label.text() for label in widget.findChildren(QLabel) if label.isVisibleTo(widget)
    )


@pytest.fixture
def window(main_window: MainWindow, qtbot: QtBot) -> MainWindow:
    """The main window with keyboard focus, as on a desktop."""
    main_window.activateWindow()
    qtbot.waitUntil(main_window.isActiveWindow)
    return main_window


@pytest.fixture
def session(window: MainWindow) -> NotesSession:
    return install_session(window, NotesStore(Vault(vault_path(), kdf=TEST_KDF)))


def open_area(window: MainWindow, area_id: str) -> QWidget:
    window.navigate(area_id)
    QCoreApplication.processEvents()
    return window.current_screen()


# -- Start and the acute help -------------------------------------------------------------------


def test_start_each_situation_card_opens_its_tool_with_return_or_space(
    window: MainWindow, qtbot: QtBot
) -> None:
    home = window.current_screen()
    cards = home.situation_buttons  # type: ignore[attr-defined]
    tab_to(qtbot, cards["zorgen"])
    press(qtbot, Qt.Key.Key_Return)
    assert window.current_area() == "signalering"
    home = open_area(window, "start")
    tab_to(qtbot, home.situation_buttons["les"])  # type: ignore[attr-defined]
    press(qtbot, Qt.Key.Key_Space)
    assert window.current_area() == "belonging"


def test_acute_help_from_any_screen_and_on_to_self_care_and_back(
    window: MainWindow, qtbot: QtBot
) -> None:
    open_area(window, "belonging")
    tab_to(qtbot, window.acute_bar.button, backwards=True)
    press(qtbot)
    assert window.current_area() == "acuut"
    acute = window.current_screen()
    assert "113" in shown_text(acute) and "112" in shown_text(acute)
    tab_to(qtbot, acute.self_care_button)  # type: ignore[attr-defined]
    press(qtbot)
    assert window.current_area() == "zelfzorg"
    care = window.current_screen()
    tab_to(qtbot, care.acute_button)  # type: ignore[attr-defined]
    press(qtbot, Qt.Key.Key_Space)
    assert window.current_area() == "acuut"


# -- Signalering, Beslisboom to a leaf, saved as a first note --------------------------------------


def test_signalering_tick_describe_and_on_to_the_tree(window: MainWindow, qtbot: QtBot) -> None:
    checklist = open_area(window, "signalering")
    row = checklist.rows["vertelt"]  # type: ignore[attr-defined]
    tab_to(qtbot, row.check)
    press(qtbot, Qt.Key.Key_Space)
    assert row.check.isChecked() and row.details.isVisible()
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is row.observation
    type_text(qtbot, "zegt dat ze niet meer slaapt")
    tab_to(qtbot, checklist.next_button)  # type: ignore[attr-defined]
    press(qtbot)
    assert window.current_area() == "beslisboom"
    assert "zegt dat ze niet meer slaapt" in shown_text(window.current_screen())


def test_beslisboom_to_a_leaf_and_saved_as_the_first_note(
    window: MainWindow, qtbot: QtBot, session: NotesSession, dialog_log
) -> None:  # type: ignore[no-untyped-def]
    tree = open_area(window, "beslisboom")
    for label in answers_to_psychisch():
        tab_to(qtbot, named(label))
        press(qtbot)
    assert tree.walk.current.id == "PSYCHISCH"  # type: ignore[attr-defined]
    assert "Studentpsycholoog" in shown_text(tree)
    tab_to(qtbot, tree.save_button)  # type: ignore[attr-defined]
    press(qtbot)

    # Notities for the first time: a passphrase twice, then the editor holds the route.
    assert window.current_area() == "notities"
    notes = window.current_screen()
    setup = notes.setup_page  # type: ignore[attr-defined]
    assert notes.pages.currentWidget() is setup  # type: ignore[attr-defined]
    tab_to(qtbot, setup.passphrase)
    type_text(qtbot, PASSPHRASE)
    tab_to(qtbot, setup.repeat)
    type_text(qtbot, PASSPHRASE)
    tab_to(qtbot, setup.button)
    press(qtbot)
    editor = notes.editor  # type: ignore[attr-defined]
    assert notes.pages.currentWidget() is editor  # type: ignore[attr-defined]
    tab_to(qtbot, editor.pseudonym, backwards=True)
    type_text(qtbot, "JV")
    tab_to(qtbot, editor.save_button)
    press(qtbot)
    [saved] = session.store.query()
    assert saved.pseudonym == "JV"
    assert notes.pages.currentWidget() is not editor  # type: ignore[attr-defined]


# -- Notities: unlock, new note, save --------------------------------------------------------------


def test_notities_unlock_write_and_save_a_note(
    window: MainWindow, qtbot: QtBot, session: NotesSession
) -> None:
    session.setup(PASSPHRASE)
    session.lock()
    notes = open_area(window, "notities")
    unlock = notes.unlock_page  # type: ignore[attr-defined]
    assert notes.pages.currentWidget() is unlock  # type: ignore[attr-defined]
    tab_to(qtbot, unlock.passphrase)
    type_text(qtbot, PASSPHRASE)
    tab_to(qtbot, unlock.button)
    press(qtbot)
    assert session.is_open
    assert notes.pages.currentWidget() is notes.list_page  # type: ignore[attr-defined]

    tab_to(qtbot, notes.list_page.new_button)  # type: ignore[attr-defined]
    press(qtbot)
    editor = notes.editor  # type: ignore[attr-defined]
    assert notes.pages.currentWidget() is editor  # type: ignore[attr-defined]
    tab_to(qtbot, editor.pseudonym)
    type_text(qtbot, "S-12")
    tab_to(qtbot, editor.observed)
    type_text(qtbot, "Zat alleen achterin")
    tab_to(qtbot, editor.save_button)
    press(qtbot, Qt.Key.Key_Space)
    assert [s.pseudonym for s in session.store.query()] == ["S-12"]

    notes.show_list()  # type: ignore[attr-defined]
    tab_to(qtbot, notes.list_page.lock_button)  # type: ignore[attr-defined]
    press(qtbot)
    assert not session.is_open
    assert notes.pages.currentWidget() is unlock  # type: ignore[attr-defined]


# -- Openheid, Belonging, Training, Oefenen --------------------------------------------------------


def test_openheid_start_with_the_student_and_go_on(window: MainWindow, qtbot: QtBot) -> None:
    screen = open_area(window, "openheid")
    intro = screen.current_page()  # type: ignore[attr-defined]
    tab_to(qtbot, intro.start)
    press(qtbot)
    first = screen.index()  # type: ignore[attr-defined]
    assert first > 0
    tab_to(qtbot, screen.next_button)  # type: ignore[attr-defined]
    press(qtbot)
    assert screen.index() == first + 1  # type: ignore[attr-defined]
    tab_to(qtbot, screen.next_button)  # type: ignore[attr-defined]
    press(qtbot, Qt.Key.Key_Space)
    assert screen.index() == first + 2  # type: ignore[attr-defined]


def test_belonging_pick_a_tip_keep_it_and_try_it_this_week(
    window: MainWindow, qtbot: QtBot
) -> None:
    screen = open_area(window, "belonging")
    library = screen.library  # type: ignore[attr-defined]
    tab_to(qtbot, library.list)
    tip = library.current_tip()
    assert tip is not None
    tab_to(qtbot, library.favourite_button)
    press(qtbot)
    stored = BelongingStore()
    stored.load()
    assert stored.is_favourite(tip.id)  # on disk, not only on screen
    assert library.favourite_button.text() == "Verwijder uit favorieten"
    tab_to(qtbot, library.week_button)
    press(qtbot, Qt.Key.Key_Space)
    assert screen.week_titles() == [tip.title]  # type: ignore[attr-defined]
    assert screen.tabs.tabText(1) == "Deze week proberen (1)"  # type: ignore[attr-defined]


def test_training_next_case_then_its_buttons_then_trainer_mode(
    window: MainWindow, qtbot: QtBot
) -> None:
    screen = open_area(window, "training")
    tab_to(qtbot, screen.next_button)  # type: ignore[attr-defined]
    press(qtbot)
    assert screen.current_index() == 1  # type: ignore[attr-defined]
    # After "Volgende" come the case's own buttons, not the preparation below the slide.
    press(qtbot, Qt.Key.Key_Tab)
    assert screen.slide.isAncestorOf(focused()), describe(focused())  # type: ignore[attr-defined]
    tab_to(qtbot, screen.start_button, backwards=True)  # type: ignore[attr-defined]
    press(qtbot)
    assert window.trainer_mode
    window.leave_trainer_mode()


def test_oefenen_start_a_conversation_and_answer(window: MainWindow, qtbot: QtBot) -> None:
    screen = open_area(window, "oefenen")
    first = next(iter(screen.overview.buttons.values()))  # type: ignore[attr-defined]
    tab_to(qtbot, first)
    press(qtbot)
    page = screen.practice  # type: ignore[attr-defined]
    assert page.isVisible() and page.practice is not None
    start = page.practice.current.id
    tab_to(qtbot, page.choice_buttons[0])
    press(qtbot)
    assert page.feedback.isVisible() or page.practice.current.id != start


# -- Instellingsgegevens and Over ------------------------------------------------------------------


def test_instellingsgegevens_fill_in_and_save(window: MainWindow, qtbot: QtBot) -> None:
    screen = open_area(window, "instelling")
    tab_to(qtbot, screen.institution)  # type: ignore[attr-defined]
    type_text(qtbot, "Hogeschool Voorbeeld")
    tab_to(qtbot, screen.save_button)  # type: ignore[attr-defined]
    press(qtbot)
    assert ProfileStore().load().value.institution == "Hogeschool Voorbeeld"


def test_over_larger_text_from_the_keyboard(window: MainWindow, qtbot: QtBot) -> None:
    screen = open_area(window, "over")
    before = QApplication.font().pointSizeF()
    tab_to(qtbot, screen.scale)  # type: ignore[attr-defined]
    press(qtbot, Qt.Key.Key_Down)  # the next size, as in any list of choices
    assert QApplication.font().pointSizeF() > before
    window.set_text_scale(100)


# -- these journeys can fail -----------------------------------------------------------------------


def test_a_control_out_of_the_tab_chain_or_deaf_to_return_fails_a_journey(
    window: MainWindow, qtbot: QtBot
) -> None:
    card = window.current_screen().situation_buttons["zorgen"]  # type: ignore[attr-defined]
    card.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    window.nav.setFocus(Qt.FocusReason.TabFocusReason)
    with pytest.raises(pytest.fail.Exception, match="not reached with Tab"):
        tab_to(qtbot, card)
    card.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    card.setAutoDefault(False)  # Return no longer presses it
    tab_to(qtbot, card)
    press(qtbot)
    assert window.current_area() == "start"
