"""Oefenen as a teacher uses it: from Start, by keyboard, to the real tree and 'En jij?'."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QSpinBox, QWidget
from pytestqt.qtbot import QtBot

from docentwijzer.oefenen_progress import ProgressStore
from tests.ui.conftest import DialogLog

from docentwijzer.ui import dialogs
from docentwijzer.ui.mainwindow import MainWindow
from docentwijzer.ui.oefenen import OefenenScreen
from docentwijzer.ui.zelfzorg import SelfCareScreen

NOW = datetime(2026, 12, 2, 10, 0)


def visible_text(widget: QWidget) -> str:
    return "\n".join(
        label.text() for label in widget.findChildren(QLabel) if label.isVisibleTo(widget)
    )


def press(qtbot: QtBot, key: Qt.Key) -> None:
    target = QApplication.focusWidget()
    assert target is not None, "nothing has keyboard focus"
    qtbot.keyClick(target, key)


def digit_key(number: int) -> Qt.Key:
    return Qt.Key(int(Qt.Key.Key_0) + number)


@pytest.fixture
def oefenen(main_window: MainWindow, qtbot: QtBot) -> OefenenScreen:
    main_window.activateWindow()
    qtbot.waitUntil(main_window.isActiveWindow)
    main_window.navigate("oefenen")
    screen = main_window.current_screen()
    assert isinstance(screen, OefenenScreen)
    screen.clock = lambda: NOW  # type: ignore[method-assign]
    return screen


def test_oefenen_is_on_start_and_in_the_navigation(main_window: MainWindow, qtbot: QtBot) -> None:
    home = main_window.current_screen()
    button = home.situation_buttons["oefenen"]  # type: ignore[attr-defined]
    assert button.accessibleName() == "Een gesprek oefenen"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert main_window.current_area() == "oefenen"
    names = [main_window.nav.item(i).text() for i in range(main_window.nav.count())]
    assert "Oefenen" in names


def test_the_overview_lists_the_twelve_conversations(oefenen: OefenenScreen) -> None:
    assert len(oefenen.overview.buttons) >= 12
    first = oefenen.overview.buttons["na-de-les"]
    assert first.accessibleName() == "Na de les: moe en vaak te laat"
    assert "<" not in first.accessibleName() + first.accessibleDescription()


def test_number_keys_choose_and_the_feedback_follows_at_once(
    oefenen: OefenenScreen, qtbot: QtBot
) -> None:
    oefenen.open_conversation("na-de-les")
    page = oefenen.practice
    assert "Kan ik nog uitstel krijgen?" in visible_text(page)
    press(qtbot, Qt.Key.Key_2)  # the rules-and-planning line
    text = visible_text(page)
    assert "Dit maakt het lastiger" in text
    assert "Bron: NOS" in text  # every feedback names its public source
    assert "(Hij pakt zijn tas.)" in text
    # the feedback has focus, so a screen reader reads it; its name is clean text
    assert QApplication.focusWidget() is page.feedback
    assert page.feedback.accessibleName().startswith("Dit maakt het lastiger. Begrijpelijk")
    # Backspace: try another line at the same turn
    press(qtbot, Qt.Key.Key_Backspace)
    assert page.practice is not None and page.practice.current.id == "begin"
    assert not page.feedback.isVisible()
    press(qtbot, Qt.Key.Key_1)
    assert "Dit helpt" in visible_text(page)
    assert page.choice_buttons[0].accessibleName().startswith("Dat klinkt zwaar")


def test_a_whole_practice_ends_in_the_real_tree_and_is_remembered(
    oefenen: OefenenScreen, qtbot: QtBot
) -> None:
    oefenen.open_conversation("na-de-les")
    page = oefenen.practice
    for _ in range(4):  # the helpful line at every turn
        press(qtbot, Qt.Key.Key_1)
    assert page.practice is not None and page.practice.at_end()
    assert page.ending_host.isVisible() and page.referral.isVisible()
    assert "Is er nú gevaar" in visible_text(page.referral)
    # the real tree, by number keys: no danger, no death, talked, mental health complaints
    for number in (3, 2, 2, 1):
        press(qtbot, digit_key(number))
    assert page.referral.walk.current.id == "PSYCHISCH"
    text = visible_text(page.referral)
    assert "Dat past bij dit gesprek" in text
    assert "vul in bij Instellingsgegevens" in text  # contacts from the institution profile
    assert page.done_row.isVisible()
    # noted right after the screen shows the end (the disk waits for the screen)
    qtbot.waitUntil(lambda: ProgressStore().load().value.done == {"na-de-les": date(2026, 12, 2)})
    # "En jij?" from the end of a practice
    page.selfcare_button.setFocus()
    qtbot.keyClick(page.selfcare_button, Qt.Key.Key_Space)
    window = oefenen.window()
    assert isinstance(window.current_screen(), SelfCareScreen)  # type: ignore[attr-defined]
    assert "113" in visible_text(window.current_screen())  # type: ignore[attr-defined]


def test_a_different_leaf_is_named_with_the_route_to_the_fitting_one(
    oefenen: OefenenScreen, qtbot: QtBot
) -> None:
    oefenen.open_conversation("na-de-les")
    page = oefenen.practice
    for number in (1, 1, 1, 1, 3, 2, 2, 3):  # ... study instead of mental health
        press(qtbot, digit_key(number))
    text = visible_text(page.referral)
    assert "In dit gesprek ligt ‘Psychische klachten’ meer voor de hand" in text
    follow = page.referral.findChild(QPushButton, "followIntended")
    follow.setFocus()
    qtbot.keyClick(follow, Qt.Key.Key_Space)  # keyboard only
    assert page.referral.walk.current.id == "PSYCHISCH"


def test_trainer_mode_lets_the_room_vote_and_stores_nothing(
    main_window: MainWindow, qtbot: QtBot
) -> None:
    assert main_window.enter_trainer_mode()
    main_window.navigate("oefenen")
    screen = main_window.current_screen()
    assert isinstance(screen, OefenenScreen)
    assert "geoefend" not in screen.overview.buttons["na-de-les"].accessibleDescription()
    screen.open_conversation("niet-meer-willen")
    page = screen.practice
    votes = [box for box in page.findChildren(QSpinBox, "votes") if box.isVisible()]
    assert len(votes) == 3 and votes[0].accessibleName() == "Stemmen voor zin 1"
    votes[1].setValue(7)
    votes[0].setValue(3)
    qtbot.keyClick(page, Qt.Key.Key_1)
    assert "Dit helpt" in visible_text(page)
    assert page.feedback_votes.text() == (
        "Stemmen van de zaal: zin 1: 3 · zin 2: 7 · zin 3: 0. Gekozen: zin 1."
    )
    page.discuss_button.click()
    assert page.all_feedback.isVisible() and "Haha, stoppen" in page.all_feedback.text()
    for number in (1, 1, 1):
        qtbot.keyClick(page, digit_key(number))
    for number in (3, 1):
        qtbot.keyClick(page, digit_key(number))
    assert page.referral.walk.current.id == "ZELFDODING"
    qtbot.wait(50)  # a save would have happened by now
    assert not ProgressStore().path.exists()
    main_window.leave_trainer_mode()


def test_the_observer_sheet_is_printed(
    oefenen: OefenenScreen, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    target = tmp_path / "blad"
    monkeypatch.setattr(dialogs, "ask_save_file", lambda *_a: str(target))
    oefenen.open_conversation("geheim-houden")
    oefenen.practice.sheet_button.click()
    pdf = tmp_path / "blad.pdf"
    assert pdf.exists() and len(PdfReader(pdf).pages) == 3


def test_the_self_check_is_saved_and_shown_before_and_after(
    oefenen: OefenenScreen, qtbot: QtBot, dialog_log: DialogLog
) -> None:
    qtbot.mouseClick(
        oefenen.overview.findChild(QPushButton, "openConfidence"), Qt.MouseButton.LeftButton
    )
    page = oefenen.confidence
    assert "geen gevalideerde of gelicentieerde vragenlijst" in visible_text(page)
    assert page.moment_buttons["before"].isChecked()
    # one statement left open: a clear message, nothing stored
    for statement, value in (("opmerken", 3), ("vragen", 2), ("zelfdoding", 1)):
        page.groups[statement].button(value).click()
    assert not page.save()
    assert "Kies nog een antwoord bij: Ik weet naar wie" in page.status.text()
    assert not ProgressStore().path.exists()
    page.groups["verwijzen"].button(2).click()
    assert page.save()
    # after practising: the "after" moment is suggested, and both show side by side
    page.refresh()
    assert page.moment_buttons["after"].isChecked()
    for statement, value in (("opmerken", 4), ("vragen", 4), ("zelfdoding", 3), ("verwijzen", 4)):
        page.groups[statement].button(value).click()
    assert page.save()
    assert "voor 2, na 4, later –" in page.picture_text.text()
    assert page.chart.isVisible() and "voor 1, na 3" in page.chart.accessibleDescription()
    # what is stored: the teacher's own answers, nothing about a student
    log = ProgressStore().load().value
    assert [c.moment for c in log.checks] == ["before", "after"]
    # and it can be deleted completely
    dialog_log.answer = True
    assert page.delete()
    assert not ProgressStore().path.exists()


def test_the_reminder_comes_after_three_months_and_can_be_put_away(
    main_window: MainWindow, qtbot: QtBot
) -> None:
    ProgressStore().mark_done("na-de-les", date.today() - timedelta(days=100))
    main_window.navigate("oefenen")
    main_window.navigate("start")
    home = main_window.current_screen()
    assert home.practice_reminder.isVisible()  # type: ignore[attr-defined]
    qtbot.mouseClick(home.findChild(QPushButton, "practiseAgain"), Qt.MouseButton.LeftButton)
    screen = main_window.current_screen()
    assert isinstance(screen, OefenenScreen) and screen.overview.reminder.isVisible()
    qtbot.mouseClick(screen.overview.reminder_later, Qt.MouseButton.LeftButton)
    assert not screen.overview.reminder.isVisible()
    main_window.navigate("start")
    assert not home.practice_reminder.isVisible()  # type: ignore[attr-defined]


def test_a_failing_save_of_done_is_reported_not_fatal(
    oefenen: OefenenScreen, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, dialog_log: DialogLog
) -> None:
    def full_disk(*_args: object, **_kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(ProgressStore, "save", full_disk)
    oefenen.open_conversation("acuut")
    for number in (1, 1, 1, 1):
        qtbot.keyClick(oefenen.practice, digit_key(number))
    assert oefenen.practice.referral.walk.current.id == "ACUUT"
    qtbot.waitUntil(lambda: "warn" in dialog_log.names())
    assert "No space left on device" in str(dialog_log.calls[-1][1])


def test_the_self_care_page_is_sourced_and_leads_back(
    main_window: MainWindow, qtbot: QtBot
) -> None:
    main_window.navigate("zelfzorg")
    screen = main_window.current_screen()
    assert isinstance(screen, SelfCareScreen)
    text = visible_text(screen)
    assert "Je draagt het niet alleen" in text and "Bron:" in text
    assert "0800-0113" in text and "studentendecaan" in text
    qtbot.mouseClick(screen.acute_button, Qt.MouseButton.LeftButton)
    assert main_window.current_area() == "acuut"


def test_self_care_is_reached_from_the_acute_and_suicide_guidance(
    main_window: MainWindow, qtbot: QtBot
) -> None:
    main_window.navigate("acuut")
    acute = main_window.current_screen()
    acute.self_care_button.setFocus()  # type: ignore[attr-defined]
    qtbot.keyClick(acute.self_care_button, Qt.Key.Key_Space)  # type: ignore[attr-defined]
    assert main_window.current_area() == "zelfzorg"
    main_window.navigate("beslisboom")
    tree = main_window.current_screen()
    for number in (3, 1):  # no danger now; talks about not wanting to live
        qtbot.keyClick(tree, digit_key(number))
    link = tree.findChild(QPushButton, "seeAlso_zelfzorg")
    assert link is not None and "En jij?" in link.text()
    link.click()
    assert main_window.current_area() == "zelfzorg"


def test_a_screen_reader_gets_words_not_markup_anywhere_in_a_practice(
    oefenen: OefenenScreen, qtbot: QtBot
) -> None:
    oefenen.open_conversation("niet-meer-willen")
    page = oefenen.practice
    for number in (1, 1, 1, 1, 3, 1):  # to the end, then the real tree to the suicide guidance
        qtbot.keyClick(page, digit_key(number))
    page.discuss_button.setChecked(True)
    rich = [
        label
        for label in page.findChildren(QLabel)
        if label.isVisibleTo(page) and ("<" in label.text() or "&" in label.text())
    ]
    assert len(rich) >= 4  # transcript, ending, verdict, the leaf's steps and contacts
    for label in rich:
        name = label.accessibleName()
        assert name and "<" not in name and "&#" not in name, (label.objectName(), name[:80])


def test_the_referral_walk_knows_how_the_worry_arrived(
    oefenen: OefenenScreen, qtbot: QtBot
) -> None:
    # a message late in the evening: a worry at a distance; the student stops replying
    oefenen.open_conversation("laat-bericht")
    page = oefenen.practice
    assert page.referral.walk.channel == "distance"
    for number in (2, 2):  # about the course, then leave it until tomorrow
        qtbot.keyClick(page, digit_key(number))
    assert page.practice is not None and page.practice.ending is not None
    assert page.practice.ending.destination == "TWIJFEL_GEVAAR"
    qtbot.keyClick(page, Qt.Key.Key_2)  # "not sure" at the first question of the real tree
    assert page.referral.walk.current.id == "TWIJFEL_GEVAAR"
    text = visible_text(page.referral)
    assert "Dat past bij dit gesprek" in text
    assert "Eerst (op afstand)" in text
    assert "Bel de student nu, of reageer meteen op het bericht" in text
    tree = page.referral.tree
    phrases = tree.say(tree.leaf("TWIJFEL_GEVAAR"), "distance")
    assert phrases  # the tree's own "Wat je kunt zeggen", for this channel
    assert "Wat je kunt zeggen" in text and phrases[0].text[:30] in text
    # where the guidance leads on from doubt (the suicide guidance), below the leaf, as in the tree
    layout = page.referral.content.layout()
    assert page.referral.onward_title.isVisibleTo(page.referral)
    assert layout.indexOf(page.referral.pool[0]) > layout.indexOf(page.referral.leaf_sources)
    # the same conversation in person would not say so
    oefenen.open_conversation("na-de-les")
    assert oefenen.practice.referral.walk.channel == "in_person"


def test_reaching_the_leaf_by_keyboard_keeps_the_focus_in_the_practice_on_the_verdict(
    oefenen: OefenenScreen, qtbot: QtBot
) -> None:
    oefenen.open_conversation("na-de-les")
    page = oefenen.practice
    for number in (1, 1, 1, 1, 3, 2, 2, 1):  # the talk, then the real tree to its leaf
        press(qtbot, digit_key(number))
    assert page.referral.walk.current.id == "PSYCHISCH"
    focused = QApplication.focusWidget()
    # not thrown to the help bar at the top of the window: the verdict is read first
    assert focused is page.referral.verdict_card, focused and focused.objectName()
    assert focused.accessibleName().startswith("✓ Je komt uit bij: Psychische klachten")
    assert "<" not in focused.accessibleName()
    press(qtbot, Qt.Key.Key_Tab)  # and Tab goes on to what comes next in the practice
    assert page.isAncestorOf(QApplication.focusWidget())


def test_in_trainer_mode_the_room_votes_and_the_trainer_chooses_with_the_keyboard_only(
    main_window: MainWindow, qtbot: QtBot
) -> None:
    main_window.activateWindow()
    qtbot.waitUntil(main_window.isActiveWindow)
    assert main_window.enter_trainer_mode()
    main_window.navigate("oefenen")
    screen = main_window.current_screen()
    assert isinstance(screen, OefenenScreen)
    screen.open_conversation("niet-meer-willen")
    page = screen.practice
    assert "vul het aantal in het vakje ernaast in (Tab)" in page.keys_hint.text()
    assert QApplication.focusWidget() is page.choice_buttons[0]
    press(qtbot, Qt.Key.Key_Tab)  # each line has its vote count next to it
    assert QApplication.focusWidget() is page.votes[0]
    for key in (Qt.Key.Key_1, Qt.Key.Key_2):  # a digit typed here is a count, not a choice
        press(qtbot, key)
    assert page.practice is not None and page.practice.current.id == "begin"
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is page.votes[1]
    press(qtbot, Qt.Key.Key_5)
    press(qtbot, Qt.Key.Key_Backtab)  # back to line 2, and the trainer enters line 1
    assert QApplication.focusWidget() is page.choice_buttons[1]
    press(qtbot, Qt.Key.Key_1)
    assert page.practice.last is not None and page.practice.last.choice.id == "wat-bedoel"
    assert page.feedback_votes.text() == (
        "Stemmen van de zaal: zin 1: 12 · zin 2: 5 · zin 3: 0. Gekozen: zin 1."
    )
    assert QApplication.focusWidget() is page.feedback
    main_window.leave_trainer_mode()


def test_on_a_1280x800_projector_the_voting_hint_shows_before_the_lines(
    main_window: MainWindow, qtbot: QtBot
) -> None:
    # At the trainer's text size on a common projector, the trainer sees how the room votes
    # without scrolling: at the first turn, and at the next one when Tab reaches its lines.
    main_window.activateWindow()
    qtbot.waitUntil(main_window.isActiveWindow)
    assert main_window.enter_trainer_mode()
    main_window.showNormal()
    main_window.resize(1280, 800)
    main_window.navigate("oefenen")
    screen = main_window.current_screen()
    assert isinstance(screen, OefenenScreen)
    screen.open_conversation("niet-meer-willen")
    page = screen.practice

    def hint_in_view() -> bool:
        viewport = page.scroll.viewport()
        box = page.keys_hint.rect().translated(page.keys_hint.mapTo(viewport, QPoint(0, 0)))
        return viewport.rect().contains(box)

    qtbot.wait(50)  # the page settles (its scroll position follows the focus)
    assert main_window.height() == 800 and page.keys_hint.isVisible()
    assert "Laat de zaal stemmen" in page.keys_hint.text()
    assert page.keys_hint.y() < page.choice_buttons[0].y()  # read before the lines
    assert hint_in_view(), "the voting hint is below the fold"

    qtbot.keyClick(page, Qt.Key.Key_1)
    qtbot.wait(50)
    assert QApplication.focusWidget() is page.feedback
    while QApplication.focusWidget() is not page.choice_buttons[0]:  # on to the next turn
        press(qtbot, Qt.Key.Key_Tab)
    qtbot.wait(50)
    assert hint_in_view(), "at the next turn the voting hint is below the fold"
    main_window.leave_trainer_mode()


def test_after_a_practice_the_data_folder_holds_only_what_was_done_and_the_self_check(
    oefenen: OefenenScreen, qtbot: QtBot, dw_home: Path
) -> None:
    def files() -> dict[str, str]:
        return {
            str(p.relative_to(dw_home)): p.read_text(encoding="utf-8", errors="replace")
            for p in dw_home.rglob("*")
            if p.is_file()
        }

    before = files()
    oefenen.open_conversation("geheim-houden")
    page = oefenen.practice
    press(qtbot, Qt.Key.Key_2)  # a line that hinders, then tried again
    page.discuss_button.setChecked(True)
    press(qtbot, Qt.Key.Key_Backspace)
    for number in (1, 1, 1, 3, 2, 2, 5):  # the talk, then the real tree to its leaf
        press(qtbot, digit_key(number))
    assert page.referral.walk.current.id == "SOCIALE_VEILIGHEID"
    qtbot.waitUntil(lambda: ProgressStore().path.exists())
    oefenen.open_confidence()
    for statement, value in (("opmerken", 3), ("vragen", 2), ("zelfdoding", 1), ("verwijzen", 2)):
        oefenen.confidence.groups[statement].button(value).click()
    assert oefenen.confidence.save()
    after = files()
    added = {name: text for name, text in after.items() if before.get(name) != text}
    assert list(added) == [str(ProgressStore().path.relative_to(dw_home))]
    stored = ProgressStore().load().value
    assert stored.done == {"geheim-houden": date(2026, 12, 2)}
    assert [sorted(c.answers) for c in stored.checks] == [
        ["opmerken", "verwijzen", "vragen", "zelfdoding"]
    ]
    # nothing of the talk itself: no line said, no feedback, no reply, no leaf walked
    conversation = oefenen.conversation("geheim-houden")
    said = [words for _, c in conversation.choices() for words in (c.text, c.feedback, c.reply)]
    text = "\n".join(after.values())
    for words in [*said, "SOCIALE_VEILIGHEID", "Lotte"]:
        assert words[:30] not in text


@pytest.mark.parametrize(("days", "shown"), [(90, False), (91, True)])
def test_start_shows_the_practice_reminder_about_three_months_after_the_last_practice(
    main_window: MainWindow, monkeypatch: pytest.MonkeyPatch, days: int, shown: bool
) -> None:
    class Today(date):
        @classmethod
        def today(cls) -> date:
            return date(2027, 3, 15)

    from docentwijzer.ui import home

    monkeypatch.setattr(home, "date", Today)
    ProgressStore().mark_done("na-de-les", date(2027, 3, 15) - timedelta(days=days))
    main_window.navigate("oefenen")
    main_window.navigate("start")
    screen = main_window.current_screen()
    assert screen.practice_reminder.isVisible() is shown  # type: ignore[attr-defined]
    if shown:  # and not on the projector in trainer mode
        assert main_window.enter_trainer_mode()
        main_window.navigate("start")
        assert not main_window.current_screen().practice_reminder.isVisible()  # type: ignore[attr-defined]
        main_window.leave_trainer_mode()


def test_a_reused_line_button_is_as_high_as_its_new_words_need(
    oefenen: OefenenScreen, qtbot: QtBot
) -> None:
    oefenen.open_conversation("na-de-les")
    page = oefenen.practice
    qtbot.wait(20)
    press(qtbot, Qt.Key.Key_1)  # the next turn's lines are shorter than the first turn's
    qtbot.wait(20)
    for button in page.choice_buttons:
        assert button.height() == button.heightForWidth(button.width()), button.title


def test_the_observer_sheet_is_reached_and_printed_with_the_keyboard(
    oefenen: OefenenScreen,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    dialog_log: DialogLog,
) -> None:
    asked: list[str] = []

    def ask(*args: object) -> str:
        asked.append(str(args[2]))
        return str(tmp_path / "blad")

    monkeypatch.setattr(dialogs, "ask_save_file", ask)
    oefenen.open_conversation("niet-meer-willen")
    page = oefenen.practice
    assert QApplication.focusWidget() is page.choice_buttons[0]
    for _ in range(6):  # back from the first line, by Shift+Tab, to the button at the top
        if QApplication.focusWidget() is page.sheet_button:
            break
        press(qtbot, Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is page.sheet_button
    assert page.sheet_button.text() == "Observatieformulier (PDF)"
    press(qtbot, Qt.Key.Key_Space)
    assert asked and asked[0].endswith(".pdf")
    pdf = tmp_path / "blad.pdf"
    assert pdf.exists() and len(PdfReader(pdf).pages) == 3
    assert "info" in dialog_log.names()  # told where it went
    assert QApplication.focusWidget() is page.sheet_button  # and the focus is back where it was
