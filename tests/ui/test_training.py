"""Trainer mode as a trainer meets it: project, move with a clicker, store nothing, get back."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from docentwijzer import paths
from docentwijzer.handoff import NoteDraft
from docentwijzer.training import builtin_cases, user_case_dir

from docentwijzer.ui.mainwindow import MainWindow
from docentwijzer.ui.trainer_mode import TrainerBar
from docentwijzer.ui.training import TrainingScreen


def app_font_size() -> float:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    return app.font().pointSizeF()


def nav_rows(window: MainWindow) -> dict[str, bool]:
    """area id -> visible in the navigation."""
    nav = window.nav
    return {
        nav.item(row).data(Qt.ItemDataRole.UserRole): not nav.item(row).isHidden()
        for row in range(nav.count())
    }


def training(window: MainWindow) -> TrainingScreen:
    screen = window.screen_for("training")
    assert isinstance(screen, TrainingScreen)
    return screen


def visible_text(window: MainWindow) -> str:
    screen = window.current_screen()
    shown = [w for w in screen.findChildren(QWidget) if isinstance(w, (QLabel, QLineEdit))]
    shown = [w for w in shown if w.isVisible()]
    return "\n".join(widget.text() for widget in shown)


def enter_from_training_screen(window: MainWindow, qtbot: QtBot) -> None:
    window.navigate("training")
    qtbot.mouseClick(training(window).start_button, Qt.MouseButton.LeftButton)
    assert window.trainer_mode


def test_enter_and_leave_trainer_mode_restores_everything_and_stores_nothing(
    main_window: MainWindow, qtbot: QtBot
) -> None:
    normal_size = app_font_size()
    assert nav_rows(main_window)["notities"]
    assert not main_window.isFullScreen()

    enter_from_training_screen(main_window, qtbot)
    assert main_window.isFullScreen()
    assert app_font_size() == pytest.approx(normal_size * 2)  # text scale 200%
    assert not nav_rows(main_window)["notities"]
    assert nav_rows(main_window)["beslisboom"]
    assert main_window.acute_bar.isVisible()
    bar = main_window.centralWidget().findChild(TrainerBar)
    assert bar is not None and bar.isVisible()
    assert bar.leave_button.text() == "Trainersmodus verlaten (Esc)"
    assert "niets bewaard" in bar.label.text()
    app = QApplication.instance()
    assert app.palette().color(QPalette.ColorRole.Window).name() == "#ffffff"  # type: ignore[union-attr]
    assert app.palette().color(QPalette.ColorRole.WindowText).name() == "#000000"  # type: ignore[union-attr]

    qtbot.mouseClick(bar.leave_button, Qt.MouseButton.LeftButton)
    assert not main_window.trainer_mode
    assert not main_window.isFullScreen()
    assert app_font_size() == pytest.approx(normal_size)
    assert nav_rows(main_window)["notities"]
    assert main_window.centralWidget().findChild(TrainerBar) is None
    assert main_window.settings.text_scale == 100
    assert not paths.settings_file().exists()  # nothing was persisted


def test_escape_leaves_trainer_mode_and_the_view_menu_enters_it(
    main_window: MainWindow, qtbot: QtBot
) -> None:
    main_window.navigate("beslisboom")
    view = next(a.menu() for a in main_window.menuBar().actions() if a.text() == "&Beeld")
    start = next(a for a in view.actions() if a.text() == "Trainersmodus starten")
    start.trigger()
    assert main_window.trainer_mode
    assert main_window.current_area() == "beslisboom"  # any tool can be presented
    qtbot.keyClick(main_window, Qt.Key.Key_Escape)
    assert not main_window.trainer_mode
    assert main_window.current_area() == "beslisboom"


def test_presenter_keys_move_through_cases_and_figures(
    main_window: MainWindow, qtbot: QtBot
) -> None:
    enter_from_training_screen(main_window, qtbot)
    screen = training(main_window)
    cases = builtin_cases("nl").cases
    assert screen.counter.text() == f"Casus 1 van {len(cases)}"
    assert cases[0].title in visible_text(main_window)

    qtbot.keyClick(main_window, Qt.Key.Key_PageDown)
    assert screen.counter.text() == f"Casus 2 van {len(cases)}"
    assert cases[1].title in visible_text(main_window)
    qtbot.keyClick(main_window, Qt.Key.Key_Right)
    assert screen.counter.text().startswith("Casus 3 ")
    qtbot.keyClick(main_window, Qt.Key.Key_PageUp)
    qtbot.keyClick(main_window, Qt.Key.Key_Left)
    qtbot.keyClick(main_window, Qt.Key.Key_Left)  # already at the first: stays
    assert screen.counter.text().startswith("Casus 1 ")
    assert not screen.previous_button.isEnabled()

    tabs = screen.sections
    qtbot.mouseClick(tabs, Qt.MouseButton.LeftButton, pos=tabs.tabRect(1).center())
    assert screen.counter.text().startswith("Cijfer 1 van 12")
    qtbot.keyClick(main_window, Qt.Key.Key_PageDown)
    big = screen.findChild(QLabel, "figureValue")
    assert big is not None and big.isVisible() and big.text() == "51%"
    assert big.font().pointSizeF() > 4 * app_font_size()
    text = visible_text(main_window)
    assert "39% mild en 12% ernstig" in text and "J. Dopmeijer" in text and "2021" in text
    for _ in range(20):
        qtbot.keyClick(main_window, Qt.Key.Key_PageDown)
    assert screen.counter.text() == "Pijler 5 van 5"
    assert "Student support services" in visible_text(main_window)
    assert not screen.next_button.isEnabled()

    # back to the cases: the position there was kept
    qtbot.mouseClick(tabs, Qt.MouseButton.LeftButton, pos=tabs.tabRect(0).center())
    assert screen.counter.text().startswith("Casus 1 ")


def test_presenter_keys_belong_to_the_tool_on_view(main_window: MainWindow, qtbot: QtBot) -> None:
    enter_from_training_screen(main_window, qtbot)
    screen = training(main_window)
    main_window.navigate("over")
    qtbot.keyClick(main_window, Qt.Key.Key_PageDown)
    main_window.navigate("training")
    assert screen.counter.text().startswith("Casus 1 ")


def test_notes_cannot_be_saved_or_opened_in_trainer_mode(
    main_window: MainWindow, qtbot: QtBot, dialog_log
) -> None:  # type: ignore[no-untyped-def]
    enter_from_training_screen(main_window, qtbot)
    assert main_window.save_as_note(NoteDraft(pseudonym="AB", text="oefening")) is False
    assert dialog_log.names() == ["info"]
    assert "niets bewaard" in str(dialog_log.calls[0][1])
    assert main_window.current_area() == "training"

    assert main_window.navigate("notities") is False
    qtbot.keyClick(main_window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    assert main_window.current_area() == "training"
    assert "notities" not in main_window._screens  # never even built
    assert "vergrendeld en verborgen" in str(dialog_log.calls[-1][1])

    main_window.leave_trainer_mode()
    assert main_window.navigate("notities")


def test_entering_from_the_notes_screen_moves_to_training(
    main_window: MainWindow,
) -> None:
    main_window.navigate("notities")
    main_window.enter_trainer_mode()
    assert main_window.current_area() == "training"
    assert main_window.nav.currentItem().text() == "Training"


def test_a_case_opens_in_the_tools_and_reveals_its_discussion(
    main_window: MainWindow, qtbot: QtBot
) -> None:
    enter_from_training_screen(main_window, qtbot)
    screen = training(main_window)
    case = builtin_cases("nl").cases[3]  # substance use
    for _ in range(3):
        qtbot.keyClick(main_window, Qt.Key.Key_PageDown)
    assert "Route in de beslisboom" not in visible_text(main_window)
    qtbot.mouseClick(screen.discussion_button, Qt.MouseButton.LeftButton)
    text = visible_text(main_window)
    assert "Route in de beslisboom" in text
    assert "Uitkomst: Middelengebruik" in text
    assert "MIDDELEN" not in text  # a teacher reads the outcome, never the node id
    assert "→  Middelengebruik" in text
    assert "Vragen voor de groep" in text and case.discussion.questions[0] in text
    assert "Bron:" in text and "Korevaar" in text
    assert screen.discussion_button.text() == "Bespreking verbergen"

    qtbot.mouseClick(screen.tool_buttons["beslisboom"], Qt.MouseButton.LeftButton)
    assert main_window.current_area() == "beslisboom"
    bar = main_window.centralWidget().findChild(TrainerBar)
    assert bar is not None
    qtbot.mouseClick(bar.back_button, Qt.MouseButton.LeftButton)
    assert main_window.current_area() == "training"
    assert screen.counter.text().startswith("Casus 4 ")

    qtbot.keyClick(main_window, Qt.Key.Key_PageDown)  # a new case starts closed
    assert "Route in de beslisboom" not in visible_text(main_window)


def test_a_case_opens_in_beslisboom_with_how_its_worry_arrived(
    main_window: MainWindow, qtbot: QtBot
) -> None:
    # The Friday-evening e-mail arrives at a distance: the group walks the tree with that
    # channel (its first steps), from the first question, the route not given away.
    enter_from_training_screen(main_window, qtbot)
    screen = training(main_window)
    qtbot.keyClick(main_window, Qt.Key.Key_PageDown)
    assert screen.counter.text().startswith("Casus 2 ")
    qtbot.mouseClick(screen.tool_buttons["beslisboom"], Qt.MouseButton.LeftButton)
    tree = main_window.current_screen()
    assert main_window.current_area() == "beslisboom"
    assert tree.walk.channel == "distance" and tree.walk.path == ("start",)  # type: ignore[attr-defined]
    assert tree.channel_choice.combo.currentData() == "distance"  # type: ignore[attr-defined]
    bar = main_window.centralWidget().findChild(TrainerBar)
    assert bar is not None
    qtbot.mouseClick(bar.back_button, Qt.MouseButton.LeftButton)
    # the discussion shows the route as the tree asks it, with how the worry arrived
    qtbot.mouseClick(screen.discussion_button, Qt.MouseButton.LeftButton)
    text = visible_text(main_window)
    assert "Hoe kwam je zorg bij je binnen?  →  Op afstand" in text
    assert "2. Gaat je twijfel over zelfdoding?  →  Ja, de student zei iets over de dood" in text


def test_on_oefenen_the_bar_never_sends_the_room_to_a_case(
    main_window: MainWindow, qtbot: QtBot
) -> None:
    # A projected practice conversation is not a case: the bar's way back must not leave it
    # for Training. Away from the conversation (acute help, 'En jij?') it leads back to it.
    from docentwijzer.ui.oefenen import OefenenScreen

    enter_from_training_screen(main_window, qtbot)
    bar = main_window.centralWidget().findChild(TrainerBar)
    assert bar is not None
    main_window.navigate("oefenen")
    screen = main_window.current_screen()
    assert isinstance(screen, OefenenScreen)
    assert not bar.back_button.isVisible()  # on the overview: nothing to go back to
    screen.open_conversation("niet-meer-willen")
    qtbot.keyClick(screen.practice, Qt.Key.Key_1)
    assert not bar.back_button.isVisible()

    main_window.navigate("acuut")  # the acute-help bar, mid-conversation
    assert bar.back_button.isVisible()
    assert bar.back_button.text() == "Terug naar het gesprek"
    qtbot.mouseClick(bar.back_button, Qt.MouseButton.LeftButton)
    assert main_window.current_area() == "oefenen"
    assert screen.stack.currentWidget() is screen.practice  # the same point in the talk
    practice = screen.practice.practice
    assert practice is not None and practice.last is not None
    assert practice.last.choice.id == "wat-bedoel"
    assert not bar.back_button.isVisible()

    # Projecting a case again: on Training nothing to go back to, from a tool back to the case.
    main_window.navigate("training")
    assert not bar.back_button.isVisible()
    main_window.navigate("beslisboom")
    assert bar.back_button.isVisible() and bar.back_button.text() == "Terug naar de casus"
    qtbot.mouseClick(bar.back_button, Qt.MouseButton.LeftButton)
    assert main_window.current_area() == "training"


def test_preparation_is_not_projected(main_window: MainWindow, qtbot: QtBot) -> None:
    main_window.navigate("training")
    screen = training(main_window)
    assert screen.export_button.isVisible()
    assert str(user_case_dir()) in visible_text(main_window)
    enter_from_training_screen(main_window, qtbot)
    screen = training(main_window)
    assert not screen.export_button.isVisible()
    assert str(user_case_dir()) not in visible_text(main_window)


def test_a_broken_own_case_file_is_reported_and_a_good_one_is_shown(
    main_window: MainWindow,
) -> None:
    raw = json.loads(
        (Path(__file__).parents[2] / "docentwijzer/content/nl/casuistiek.json").read_text("utf-8")
    )
    good = dict(raw["cases"][0], id="mijn-casus", title="Onze eigen casus")
    broken = dict(raw["cases"][1], id="stuk")
    del broken["story"]
    folder = user_case_dir()
    folder.mkdir(parents=True)
    (folder / "eigen.json").write_text(json.dumps({"language": "nl", "cases": [good]}))
    (folder / "stuk.json").write_text(json.dumps({"language": "nl", "cases": [broken]}))

    main_window.navigate("training")
    screen = training(main_window)
    text = visible_text(main_window)
    assert "Niet geladen" in text
    assert "casuistiek/stuk.json" in text and "'stuk'" in text and "'story'" in text
    assert "Eigen casussen geladen: 1." in text
    last = len(screen.slides["cases"])
    for _ in range(last):
        screen.next()
    assert screen.counter.text() == f"Casus {last} van {last}"
    shown = visible_text(main_window)
    assert "Onze eigen casus" in shown and "Eigen casus (eigen.json)" in shown


def test_handout_export_writes_a_pdf_with_the_cases(
    main_window: MainWindow,
    qtbot: QtBot,
    dialog_log,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    from docentwijzer.ui import dialogs

    target = tmp_path / "hand-out"
    monkeypatch.setattr(dialogs, "ask_save_file", lambda *_: str(target))
    main_window.navigate("training")
    qtbot.mouseClick(training(main_window).export_button, Qt.MouseButton.LeftButton)
    written = target.with_name("hand-out.pdf")
    text = " ".join(page.extract_text() for page in PdfReader(written).pages)
    assert all(case.title in text for case in builtin_cases("nl").cases)
    assert dialog_log.names() == ["info"] and "hand-out.pdf" in str(dialog_log.calls[0][1])

    monkeypatch.setattr(dialogs, "ask_save_file", lambda *_: str(written / "nope.pdf"))
    qtbot.mouseClick(training(main_window).export_button, Qt.MouseButton.LeftButton)
    assert dialog_log.names()[-1] == "warn"


def test_display_changes_during_a_session_are_not_remembered(
    main_window: MainWindow, qtbot: QtBot
) -> None:
    enter_from_training_screen(main_window, qtbot)
    main_window.set_color_scheme("dark")
    app = QApplication.instance()
    assert app.palette().color(QPalette.ColorRole.Window).name() == "#000000"  # type: ignore[union-attr]
    assert main_window.set_text_scale(125) is False
    assert main_window.set_language("en")
    bar = main_window.centralWidget().findChild(TrainerBar)
    assert bar is not None and bar.leave_button.text() == "Leave trainer mode (Esc)"
    assert not nav_rows(main_window)["notities"]
    main_window.leave_trainer_mode()
    assert main_window.settings.color_scheme == "system"
    assert main_window.settings.text_scale == 100
    assert not paths.settings_file().exists()
    main_window.set_language("nl")


def test_unsaved_work_is_not_thrown_away_without_asking(
    main_window: MainWindow,
    dialog_log,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    home = main_window.current_screen()
    monkeypatch.setattr(home, "has_unsaved_changes", lambda: True)
    dialog_log.answer = False
    assert main_window.enter_trainer_mode() is False
    assert not main_window.trainer_mode and not main_window.isFullScreen()
    assert dialog_log.names() == ["confirm_discard"]


def test_leaving_does_not_remember_the_full_screen_session(
    main_window: MainWindow, qtbot: QtBot
) -> None:
    enter_from_training_screen(main_window, qtbot)
    main_window.close()
    assert not paths.ui_state_file().exists()


def test_a_trainer_mode_signal_lets_other_tools_react(
    main_window: MainWindow, qtbot: QtBot
) -> None:
    with qtbot.waitSignal(main_window.trainer_mode_changed) as entered:
        main_window.enter_trainer_mode()
    assert entered.args == [True]
    with qtbot.waitSignal(main_window.trainer_mode_changed) as left:
        main_window.leave_trainer_mode()
    assert left.args == [False]


def test_every_button_on_the_training_screen_has_text(main_window: MainWindow) -> None:
    main_window.navigate("training")
    for button in training(main_window).findChildren(QPushButton):
        assert button.text().strip()


def test_about_hides_the_data_folder_while_projecting(
    main_window: MainWindow, qtbot: QtBot
) -> None:
    main_window.navigate("over")
    about = main_window.current_screen()
    assert about.folder_field.isVisible()  # type: ignore[attr-defined]
    enter_from_training_screen(main_window, qtbot)
    main_window.navigate("over")
    about = main_window.current_screen()
    assert not about.folder_field.isVisible()  # type: ignore[attr-defined]


def test_trainer_mode_offers_no_save_as_note_buttons(main_window: MainWindow, qtbot: QtBot) -> None:
    enter_from_training_screen(main_window, qtbot)
    main_window.navigate("signalering")
    checklist = main_window.current_screen()
    checklist.rows["vertelt"].check.setChecked(True)  # type: ignore[attr-defined]
    assert checklist.next_button.isVisible()  # type: ignore[attr-defined]
    assert not checklist.note_button.isVisible()  # type: ignore[attr-defined]
    main_window.navigate("beslisboom")
    tree = main_window.current_screen()
    tree.choose_number(2)  # type: ignore[attr-defined]
    assert tree.print_button.isVisible()  # type: ignore[attr-defined]
    assert not tree.save_button.isVisible()  # type: ignore[attr-defined]
    main_window.leave_trainer_mode()
    main_window.navigate("beslisboom")
    tree = main_window.current_screen()
    tree.choose_number(2)  # type: ignore[attr-defined]
    assert tree.save_button.isVisible()  # type: ignore[attr-defined]
