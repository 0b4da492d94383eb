"""A trainer writes, tries out, saves and shares own conversations and cases, in the app."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from docentwijzer.oefenen_eigen import SHARE_KIND, own_cases_file, own_conversations_file
from docentwijzer.training import load_cases
from tests.ui.conftest import DialogLog

from docentwijzer.ui import dialogs
from docentwijzer.ui.mainwindow import MainWindow
from docentwijzer.ui.oefenen import OefenenScreen
from docentwijzer.ui.oefenen.editor import EditorPage


@pytest.fixture
def editor(main_window: MainWindow) -> EditorPage:
    main_window.navigate("oefenen")
    screen = main_window.current_screen()
    assert isinstance(screen, OefenenScreen)
    screen.overview.findChild(object, "openEditor").click()  # type: ignore[union-attr]
    assert isinstance(screen.editor, EditorPage)
    return screen.editor


def fill_conversation(editor: EditorPage, title: str = "Na het tentamen") -> None:
    form = editor.conversation_form
    form.title.setText(title)
    form.student.setText("Sanne, tweedejaars")
    form.situation.setPlainText("Sanne huilt na het tentamen op de gang.")
    turn = form.turns[0]
    turn.student.setPlainText("Ik heb het weer verpest.")
    for index, choice in enumerate(turn.choices):
        choice.text.setPlainText(f"Zin {index + 1}")
        choice.feedback.setPlainText(f"Uitleg {index + 1}")
        choice.reply.setPlainText(f"Antwoord {index + 1}")
        choice.source.combo.setCurrentIndex(1)
        choice.next.setCurrentIndex(1)  # the ending
        if index == 0:
            choice.skill.setCurrentIndex(1)
        else:
            choice.effect.setCurrentIndex(2)  # makes it harder
    ending = form.endings[0]
    ending.summary.setPlainText("Sanne wil met iemand praten.")
    ending.why.setPlainText("Somber en slecht slapen.")
    ending.source.combo.setCurrentIndex(1)
    editor.check()


def test_problems_are_listed_in_the_trainers_language_as_they_type(editor: EditorPage) -> None:
    text = editor.conversations_tab.problems.text()
    assert "Nog te doen" in text and "Geef het gesprek een titel." in text
    assert "Beurt 1, keuze 1: wat zegt de docent?" in text
    fill_conversation(editor)
    assert editor.conversation_messages() == []
    assert "Alles is ingevuld" in editor.conversations_tab.problems.text()
    assert "<" not in editor.conversations_tab.problems.accessibleName()


def test_the_preview_walks_the_draft_as_a_participant_would(
    editor: EditorPage, qtbot: QtBot
) -> None:
    assert not editor.preview.isVisibleTo(editor)  # nothing to walk yet
    fill_conversation(editor)
    assert editor.preview.isVisibleTo(editor)
    qtbot.keyClick(editor.preview, Qt.Key.Key_2)
    assert editor.preview.practice is not None and editor.preview.practice.at_end()
    assert "Uitleg 2" in editor.preview.feedback_text.text()
    # editing keeps the participant's place in the preview
    editor.conversation_form.turns[0].choices[1].feedback.setPlainText("Nieuwe uitleg")
    editor.check()
    assert editor.preview.feedback_text.text() == "Nieuwe uitleg"
    assert not editor.preview.sheet_button.isVisibleTo(editor.preview)


def test_a_saved_conversation_is_practised_like_the_packaged_ones(
    main_window: MainWindow, editor: EditorPage, qtbot: QtBot
) -> None:
    fill_conversation(editor)
    assert editor.save_conversation()
    saved = json.loads(own_conversations_file().read_text(encoding="utf-8"))
    assert [c["id"] for c in saved["conversations"]] == ["na-het-tentamen"]
    assert not editor.has_unsaved_changes()
    editor.leave.emit()
    screen = main_window.current_screen()
    assert isinstance(screen, OefenenScreen)
    assert "na-het-tentamen" in screen.overview.buttons
    assert "eigen gesprek" in screen.overview.buttons["na-het-tentamen"].accessibleDescription()
    screen.open_conversation("na-het-tentamen")
    qtbot.keyClick(screen.practice, Qt.Key.Key_1)
    assert screen.practice.practice is not None and screen.practice.practice.at_end()


def test_an_incomplete_draft_is_not_saved(editor: EditorPage, dialog_log: DialogLog) -> None:
    editor.conversation_form.title.setText("Half af")
    assert not editor.save_conversation()
    assert "warn" in dialog_log.names()
    assert not own_conversations_file().exists()


def test_leaving_with_unsaved_changes_asks_first(
    main_window: MainWindow, editor: EditorPage, dialog_log: DialogLog
) -> None:
    editor.conversation_form.title.setText("Iets")
    assert editor.has_unsaved_changes()
    dialog_log.answer = False  # stay
    assert not main_window.navigate("start")
    assert "confirm_discard" in dialog_log.names()
    assert main_window.current_area() == "oefenen"


def test_a_case_written_in_the_app_appears_in_training(editor: EditorPage) -> None:
    form = editor.case_form
    form.title.setText("Stille student")
    form.theme.setText("Terugtrekken")
    form.story.setPlainText("Mo zegt niets meer in de werkgroep.\n\nHij komt te laat.")
    form.leaf.setCurrentIndex(form.leaf.findData("BINDING"))
    form.whys[0].text.setPlainText("Hij mist aansluiting.")
    form.contacts.setPlainText("Studieloopbaanbegeleider")
    assert "Schrijf minstens één vraag voor de groep." in editor.case_messages()
    assert "Reden 1: kies een bron" in " ".join(editor.case_messages())
    form.whys[0].source.combo.setCurrentIndex(1)
    form.questions.setPlainText("Wat zou jij zeggen?")
    editor.check()
    assert editor.case_messages() == []
    assert "Eenzaamheid" in editor.case_preview.text()  # the route ends where it should
    assert editor.save_case()
    assert own_cases_file().exists()
    library = load_cases("nl")
    assert "stille-student" in library.user_files
    case = next(c for c in library.cases if c.id == "stille-student")
    assert case.route == [
        "Nee",
        "Nee",
        "Ja, de student vertelde het me zelf",
        "Eenzaamheid, weinig aansluiting",
    ]


def test_sharing_is_one_file_and_a_broken_one_is_reported_not_fatal(
    editor: EditorPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, dialog_log: DialogLog
) -> None:
    fill_conversation(editor)
    assert editor.save_conversation()
    shared = tmp_path / "training"
    monkeypatch.setattr(dialogs, "ask_save_file", lambda *_a: str(shared))
    assert editor.export_file()
    written = tmp_path / "training.docentwijzer.json"
    assert json.loads(written.read_text(encoding="utf-8"))["kind"] == SHARE_KIND

    # a colleague imports it: the code is taken here, so it gets a new one; nothing is replaced
    monkeypatch.setattr(dialogs, "ask_open_file", lambda *_a: str(written))
    assert editor.import_file()
    assert [c.id for c in editor.own.conversations] == ["na-het-tentamen", "na-het-tentamen-2"]
    assert "Ingelezen: 1 gesprek en 0 casussen." in str(dialog_log.calls[-1][1])

    broken = tmp_path / "kapot.json"
    broken.write_text('{"kind": "docentwijzer-oefenmateriaal", "conversations": [{"id": "x"}]}')
    monkeypatch.setattr(dialogs, "ask_open_file", lambda *_a: str(broken))
    assert not editor.import_file()
    message = str(dialog_log.calls[-1][1])
    assert "Niet ingelezen:" in message and "Gesprek 1" in message
    assert len(editor.own.conversations) == 2


def test_training_leads_to_writing_own_cases(main_window: MainWindow) -> None:
    main_window.navigate("training")
    main_window.current_screen().make_cases_button.click()  # type: ignore[attr-defined]
    screen = main_window.current_screen()
    assert isinstance(screen, OefenenScreen)
    assert screen.stack.currentWidget() is screen.editor


@pytest.mark.parametrize("scale", [100, 200])
def test_the_forms_fit_their_column_and_no_field_is_cut_off(
    main_window: MainWindow, qtbot: QtBot, scale: int
) -> None:
    assert main_window.set_text_scale(scale)
    main_window.navigate("oefenen")
    screen = main_window.current_screen()
    assert isinstance(screen, OefenenScreen)
    screen.open_editor()
    editor = screen.editor
    assert isinstance(editor, EditorPage)
    editor.conversation_form.add_ending()  # the tree's longest leaf title is in its list
    for tab, form in ((0, editor.conversation_form), (1, editor.case_form)):
        editor.tabs.setCurrentIndex(tab)
        qtbot.wait(20)
        viewport = form.parentWidget()
        assert viewport is not None
        # wider than its column, a form is cut off at the right (fields half hidden)
        assert form.minimumSizeHint().width() <= viewport.width(), (scale, tab)
    main_window.set_text_scale(100)
