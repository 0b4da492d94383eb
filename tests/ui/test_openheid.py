"""The openness exercise as a teacher and student meet it, driven from the keyboard."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from docentwijzer.dates import format_date_long
from docentwijzer.handoff import NoteDraft, Reopen
from docentwijzer.openheid import Answer, OpennessResult, Recipient, Weighed

from docentwijzer.ui import dialogs
from docentwijzer.ui.mainwindow import MainWindow
from docentwijzer.ui.openheid import (
    STEPS,
    STUDENT_SCALE,
    ComparePage,
    DonePage,
    OpennessScreen,
    PerRecipientPage,
    QuestionPage,
    RecipientsPage,
    SurePage,
    WeighPage,
)

ALT = Qt.KeyboardModifier.AltModifier


def files_in(folder: Path) -> set[Path]:
    return {p for p in folder.rglob("*") if p.is_file()} if folder.exists() else set()


def open_exercise(main_window: MainWindow) -> OpennessScreen:
    main_window.navigate("openheid")
    screen = main_window.current_screen()
    assert isinstance(screen, OpennessScreen)
    return screen


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def key(
    qtbot: QtBot, k: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    qtbot.keyClick(focused(), k, modifier)


def tab_to(qtbot: QtBot, target: QWidget, limit: int = 60) -> None:
    """Press Tab until ``target`` has the keyboard focus, as a keyboard user would."""
    seen = []
    for _ in range(limit):
        if focused() is target:
            return
        seen.append(f"{type(focused()).__name__}:{focused().objectName()}")
        key(qtbot, Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {target.objectName() or target}: {seen}")


def forward(qtbot: QtBot) -> None:
    key(qtbot, Qt.Key.Key_Right, ALT)


def back(qtbot: QtBot) -> None:
    key(qtbot, Qt.Key.Key_Left, ALT)


def visible_text(page: QWidget) -> str:
    return "\n".join(label.text() for label in page.findChildren(QLabel) if label.isVisible())


def test_walk_the_whole_exercise_by_keyboard_with_going_back_and_two_people(
    main_window: MainWindow,
    qtbot: QtBot,
    dialog_log,  # type: ignore[no-untyped-def]
    dw_home: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    before = files_in(dw_home)
    screen = open_exercise(main_window)
    assert screen.index() == 0 and not screen.has_unsaved_changes()
    assert focused() is screen.pages[0].first_focus()
    key(qtbot, Qt.Key.Key_Space)  # "Start met de student"
    assert screen.index() == 1 and screen.has_unsaved_changes()
    assert screen.step_label.text() == "Stap 1 van 13 · Begin"

    # Before: one of the four check questions, "Nee".
    sure = screen.current_page()
    assert isinstance(sure, SurePage)
    key(qtbot, Qt.Key.Key_Right)  # from "Ja" to "Nee" in the same question
    key(qtbot, Qt.Key.Key_Space)
    assert screen.result.sure_before == {"helder": False}

    # 1. Of: arrow down to "Ik weet het nog niet", then own words.
    forward(qtbot)
    page = screen.current_page()
    assert isinstance(page, QuestionPage) and page.key == "of"
    assert "Wil je het vertellen?" in visible_text(page)
    for _ in range(3):
        key(qtbot, Qt.Key.Key_Down)
    key(qtbot, Qt.Key.Key_Space)
    key(qtbot, Qt.Key.Key_Tab)
    qtbot.keyClicks(focused(), "Ik twijfel")
    assert screen.result.of == Answer(choice="weet-niet", words="Ik twijfel")

    # 2. Wat: "Wat ik nodig heb"; nobody chosen yet, so no per-person rows.
    forward(qtbot)
    page = screen.current_page()
    assert isinstance(page, PerRecipientPage) and page.key == "wat"
    assert "Bij vraag 3 kies je aan wie" in visible_text(page)
    key(qtbot, Qt.Key.Key_Down)
    key(qtbot, Qt.Key.Key_Down)
    key(qtbot, Qt.Key.Key_Space)
    assert screen.result.wat.choice == "nodig"

    # 3. Wie: the slb, the internship supervisor and someone of their own; then untick the slb.
    forward(qtbot)
    page = screen.current_page()
    assert isinstance(page, RecipientsPage)
    tab_to(qtbot, page.checks["slb"].button)
    key(qtbot, Qt.Key.Key_Space)
    tab_to(qtbot, page.checks["stagebegeleider"].button)
    key(qtbot, Qt.Key.Key_Space)
    tab_to(qtbot, page.new_name)
    qtbot.keyClicks(focused(), "mijn zus")
    key(qtbot, Qt.Key.Key_Return)
    assert [r.id for r in screen.result.recipients] == ["slb", "stagebegeleider", "eigen-1"]
    assert page.checks["eigen-1"].text() == "mijn zus"
    tab_to(qtbot, page.checks["docent"].button)
    key(qtbot, Qt.Key.Key_Space)
    tab_to(qtbot, page.checks["slb"].button)
    key(qtbot, Qt.Key.Key_Space)  # untick
    assert [r.id for r in screen.result.recipients] == ["stagebegeleider", "eigen-1", "docent"]

    # 4. Wanneer: "Als het ter sprake komt" for everyone, "Voordat mijn stage begint" for one.
    forward(qtbot)
    page = screen.current_page()
    assert isinstance(page, PerRecipientPage) and page.key == "wanneer"
    assert set(page.row_widgets) == {"stagebegeleider", "eigen-1", "docent"}
    key(qtbot, Qt.Key.Key_Down)
    key(qtbot, Qt.Key.Key_Down)
    key(qtbot, Qt.Key.Key_Space)
    row = page.row_widgets["stagebegeleider"]
    tab_to(qtbot, row.combo)
    key(qtbot, Qt.Key.Key_Down)
    key(qtbot, Qt.Key.Key_Down)
    assert row.combo.currentText() == "Voordat mijn stage begint"

    # 5. Hoe: "In een gesprek"; for the sister in own words.
    forward(qtbot)
    page = screen.current_page()
    assert isinstance(page, PerRecipientPage) and page.key == "hoe"
    key(qtbot, Qt.Key.Key_Space)
    tab_to(qtbot, page.row_widgets["eigen-1"].words)
    qtbot.keyClicks(focused(), "via de app")

    # Back to question 2: now each person can get their own "wat".
    back(qtbot)
    back(qtbot)
    back(qtbot)
    page = screen.current_page()
    assert page.key == "wat"
    assert isinstance(page, PerRecipientPage)
    assert set(page.row_widgets) == {"stagebegeleider", "eigen-1", "docent"}
    assert page.choices.options["nodig"].button.isChecked()  # the earlier answer is still there
    tab_to(qtbot, page.row_widgets["docent"].combo)
    key(qtbot, Qt.Key.Key_End)  # the last option: "Alles"
    assert screen.result.recipient("docent").wat.choice == "alles"  # type: ignore[union-attr]
    # Change the answer for everyone too.
    tab_to(qtbot, page.choices.options["nodig"].button)
    key(qtbot, Qt.Key.Key_Up)
    key(qtbot, Qt.Key.Key_Space)
    assert screen.result.wat.choice == "situatie"
    for _ in range(4):
        forward(qtbot)

    # Advantages: an example weighted "heel belangrijk", and one in own words.
    page = screen.current_page()
    assert isinstance(page, WeighPage) and page.kind == "advantages"
    assert focused() is page.rows["steun"].box
    key(qtbot, Qt.Key.Key_Space)
    key(qtbot, Qt.Key.Key_Tab)
    assert focused() is page.rows["steun"].weight
    key(qtbot, Qt.Key.Key_Down)
    tab_to(qtbot, page.new_text)
    qtbot.keyClicks(focused(), "Ik kan om uitstel vragen")
    key(qtbot, Qt.Key.Key_Return)
    assert [(w.text, w.weight) for w in screen.result.advantages] == [
        ("Mensen om me heen kunnen me helpen met druk of stress.", 3),
        ("Ik kan om uitstel vragen", 2),
    ]

    # Risks: two examples, one made "een beetje belangrijk".
    forward(qtbot)
    page = screen.current_page()
    assert isinstance(page, WeighPage) and page.kind == "risks"
    tab_to(qtbot, page.rows["anders-kijken"].box)
    key(qtbot, Qt.Key.Key_Space)
    tab_to(qtbot, page.rows["spannend"].box)
    key(qtbot, Qt.Key.Key_Space)
    key(qtbot, Qt.Key.Key_Tab)
    key(qtbot, Qt.Key.Key_Up)
    assert [w.weight for w in screen.result.risks] == [2, 1]

    # Side by side: both lists with their weight, most important first; no verdict.
    forward(qtbot)
    page = screen.current_page()
    assert isinstance(page, ComparePage)
    text = visible_text(page)
    assert text.index("Voordelen van vertellen") < text.index("Risico's van vertellen")
    assert text.index("●●●  Mensen om me heen") < text.index("●●○  Ik kan om uitstel vragen")
    assert "●○○  Erover praten vind ik spannend" in text and "een beetje belangrijk" in text
    assert "geen advies" in text
    for word in ("score", "totaal", "ons advies", "we raden", "je kunt beter"):
        assert word not in text.lower()

    # Choice and first step.
    forward(qtbot)
    assert screen.current_page().key == "keuze"
    key(qtbot, Qt.Key.Key_Space)
    key(qtbot, Qt.Key.Key_Tab)
    qtbot.keyClicks(focused(), "eerst aan de docent")
    forward(qtbot)
    assert screen.current_page().key == "first_step"
    qtbot.keyClicks(focused(), "Maandag een mail sturen")
    assert screen.result.choice == Answer(choice="vertellen", words="eerst aan de docent")
    assert screen.result.first_step == "Maandag een mail sturen"

    # After: the same question again, with the earlier answer beside it.
    forward(qtbot)
    page = screen.current_page()
    assert isinstance(page, SurePage) and page.phase == "after"
    assert "Aan het begin: Nee" in visible_text(page)
    key(qtbot, Qt.Key.Key_Space)  # "Ja"
    assert screen.result.sure_after == {"helder": True}

    # Done: the student's choices, and their PDF.
    forward(qtbot)
    page = screen.current_page()
    assert isinstance(page, DonePage)
    assert screen.step_label.text() == "Stap 13 van 13 · Jouw keuzes"
    assert not screen.next_button.isVisible()
    text = visible_text(page)
    for expected in (
        "Ik weet het nog niet — Ik twijfel",
        "Mijn stagebegeleider: wat: Wat er aan de hand is (de situatie); "
        "wanneer: Voordat mijn stage begint; hoe: In een gesprek",
        "Een docent: wat: Alles",
        "mijn zus: wat: Wat er aan de hand is (de situatie); wanneer: Als het ter sprake komt; "
        "hoe: via de app",
        "Ik vertel het — eerst aan de docent",
    ):
        assert expected in text, expected
    target = tmp_path / "elsewhere" / "keuzes"
    asked: list[str] = []

    def choose(_parent: object, _title: str, suggested: str, _filters: str) -> str:
        asked.append(suggested)
        return str(target)

    monkeypatch.setattr(dialogs, "ask_save_file", choose)
    assert focused() is page.pdf_button
    key(qtbot, Qt.Key.Key_Space)
    assert asked and asked[0].endswith(f"jouw-keuzes-{dt.date.today().isoformat()}.pdf")
    pdf = target.with_suffix(".pdf")
    assert dialog_log.names() == ["info"]
    pdf_text = "\n".join(p.extract_text() for p in PdfReader(pdf).pages)
    today = format_date_long(dt.date.today())
    for expected in ("Jouw keuzes", today, "mijn zus", "via de app"):
        assert expected in pdf_text
    assert "Voor de docent" not in pdf_text and "Pseudoniem" not in pdf_text

    # Without consent nothing can be kept, and closing forgets everything.
    assert not page.save_button.isEnabled()
    tab_to(qtbot, page.close_button)
    key(qtbot, Qt.Key.Key_Space)
    assert dialog_log.names() == ["info", "confirm_discard"]
    assert screen.index() == 0
    assert screen.result.is_empty() and not screen.has_unsaved_changes()
    assert files_in(dw_home) == before


def test_consent_hands_a_note_draft_and_keeps_nothing_itself(
    main_window: MainWindow,
    qtbot: QtBot,
    dialog_log,  # type: ignore[no-untyped-def]
    dw_home: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    before = files_in(dw_home)
    screen = open_exercise(main_window)
    key(qtbot, Qt.Key.Key_Space)
    screen.result.of = Answer(choice="ja")
    screen.result.recipients.append(Recipient(id="slb"))
    screen.result.sure_before = {"helder": False}
    screen.go(len(screen.pages) - 1)
    page = screen.current_page()
    assert isinstance(page, DonePage)

    tab_to(qtbot, page.consent_box)
    key(qtbot, Qt.Key.Key_Space)
    assert page.save_button.isEnabled()
    tab_to(qtbot, page.pseudonym)
    qtbot.keyClicks(focused(), "AB")
    tab_to(qtbot, page.save_button)

    # With a notes area that accepts the draft.
    drafts: list[NoteDraft] = []
    monkeypatch.setattr(main_window, "save_as_note", lambda d: drafts.append(d) or True)
    key(qtbot, Qt.Key.Key_Space)
    (draft,) = drafts
    assert draft.origin == "openheid" and draft.pseudonym == "AB" and draft.note_id is None
    kept = OpennessResult.model_validate(draft.link["openheid"])
    assert kept.of.choice == "ja" and [r.id for r in kept.recipients] == ["slb"]
    assert "Ja, ik wil het vertellen" in draft.text
    assert "Voelt je keuze" not in draft.text  # the before/after check is for the student
    assert "confirm_discard" not in dialog_log.names()  # no "discard?" question on the way out
    assert screen.result.is_empty() and not screen.has_unsaved_changes()
    assert files_in(dw_home) == before


def test_saving_with_consent_opens_the_notes_and_stores_nothing_before_unlocking(
    main_window: MainWindow,
    qtbot: QtBot,
    dialog_log,
    dw_home: Path,  # type: ignore[no-untyped-def]
) -> None:
    before = files_in(dw_home)
    screen = open_exercise(main_window)
    key(qtbot, Qt.Key.Key_Space)
    screen.result.of = Answer(choice="ja")
    screen.go(len(screen.pages) - 1)
    page = screen.current_page()
    tab_to(qtbot, page.consent_box)
    key(qtbot, Qt.Key.Key_Space)
    tab_to(qtbot, page.save_button)
    key(qtbot, Qt.Key.Key_Space)
    assert main_window.current_area() == "notities"
    assert "confirm_discard" not in dialog_log.names()
    # The vault does not exist until the teacher sets a passphrase: nothing on disk yet.
    assert files_in(dw_home) == before


def test_a_saved_result_reopens_for_changing_and_updates_the_same_note(
    main_window: MainWindow,
    qtbot: QtBot,
    dialog_log,  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    saved = OpennessResult(
        date=dt.date(2026, 1, 15),
        of=Answer(choice="nog-niet"),
        recipients=[Recipient(id="decaan"), Recipient(id="eigen-1", own=True, name="oom Kees")],
        advantages=[Weighed(id="geheim", weight=3)],
        first_step="Erover nadenken",
    )
    main_window.navigate(
        "openheid",
        Reopen(
            kind="openheid", data=saved.model_dump(mode="json"), note_id="n-7", pseudonym="S-12"
        ),
    )
    screen = main_window.current_screen()
    assert isinstance(screen, OpennessScreen)
    assert "15-01-2026" in visible_text(screen.pages[0])
    assert screen.pages[0].first_focus().text() == "Verder met de student"  # type: ignore[attr-defined]
    assert not screen.has_unsaved_changes()  # nothing changed yet

    key(qtbot, Qt.Key.Key_Space)
    forward(qtbot)
    page = screen.current_page()
    assert isinstance(page, QuestionPage)
    assert page.choices.options["nog-niet"].button.isChecked()
    key(qtbot, Qt.Key.Key_Up)  # move from "Nu nog niet" to "Nee"
    key(qtbot, Qt.Key.Key_Up)  # ... and to "Ja"
    key(qtbot, Qt.Key.Key_Space)
    assert screen.result.of.choice == "ja"
    assert screen.has_unsaved_changes()
    forward(qtbot)
    forward(qtbot)
    recipients = screen.current_page()
    assert isinstance(recipients, RecipientsPage)
    assert recipients.checks["decaan"].button.isChecked()
    assert recipients.checks["eigen-1"].text() == "oom Kees"

    drafts: list[NoteDraft] = []
    monkeypatch.setattr(main_window, "save_as_note", lambda d: drafts.append(d) or True)
    screen.go(len(screen.pages) - 1)
    done = screen.current_page()
    assert isinstance(done, DonePage)
    assert done.pseudonym.text() == "S-12"
    tab_to(qtbot, done.consent_box)
    key(qtbot, Qt.Key.Key_Space)
    tab_to(qtbot, done.save_button)
    key(qtbot, Qt.Key.Key_Space)
    (draft,) = drafts
    assert draft.note_id == "n-7" and draft.pseudonym == "S-12"
    kept = OpennessResult.model_validate(draft.link["openheid"])
    assert kept.of.choice == "ja" and kept.first_step == "Erover nadenken"
    assert kept.date == dt.date.today()  # changed today


def test_an_unreadable_saved_result_is_refused_and_nothing_changes(
    main_window: MainWindow,
    dialog_log,  # type: ignore[no-untyped-def]
) -> None:
    screen = open_exercise(main_window)
    screen.receive(Reopen(kind="openheid", data={"of": {"choice": 3}, "x": 1}, note_id="n"))
    assert dialog_log.names() == ["warn"]
    assert screen.note_id is None and screen.result.is_empty()


def test_leaving_during_the_exercise_asks_and_discarding_clears_it(
    main_window: MainWindow,
    qtbot: QtBot,
    dialog_log,  # type: ignore[no-untyped-def]
) -> None:
    screen = open_exercise(main_window)
    key(qtbot, Qt.Key.Key_Space)
    forward(qtbot)
    key(qtbot, Qt.Key.Key_Space)
    assert screen.result.of.choice == "ja"
    dialog_log.answer = False
    assert not main_window.navigate("start")
    assert main_window.current_area() == "openheid" and screen.result.of.choice == "ja"
    dialog_log.answer = True
    assert main_window.navigate("start")
    assert screen.result.is_empty() and screen.index() == 0
    assert not screen.has_unsaved_changes()


def test_back_and_forward_are_free_and_progress_is_visible(
    main_window: MainWindow, qtbot: QtBot
) -> None:
    screen = open_exercise(main_window)
    key(qtbot, Qt.Key.Key_Space)
    seen = []
    for _ in range(20):  # more than there are steps: it stops at the end
        seen.append((screen.step_label.text(), screen.progress.value()))
        forward(qtbot)
    assert len(set(seen)) == 13
    assert seen[4] == ("Stap 5 van 13 · Wanneer", 5)
    assert screen.current_page().key == "done"
    for _ in range(12):
        back(qtbot)
    assert screen.index() == 1
    back(qtbot)
    assert screen.index() == 0 and not screen.header.isVisible()


def test_student_pages_use_larger_type_than_the_teacher_page(main_window: MainWindow) -> None:
    screen = open_exercise(main_window)
    base = QApplication.font().pointSizeF()
    screen.start()
    prompt = next(
        label
        for label in screen.current_page().findChildren(QLabel)
        if label.text().startswith("Deze oefening helpt je kiezen")
    )
    assert prompt.font().pointSizeF() == pytest.approx(base * STUDENT_SCALE)
    done = screen.page("done")
    assert isinstance(done, DonePage)
    assert done.pseudonym.font().pointSizeF() == pytest.approx(base)  # the teacher's part


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_page_fits_the_width_at_200_percent(
    main_window: MainWindow, qtbot: QtBot, lang: str
) -> None:
    main_window.set_language(lang)
    assert main_window.set_text_scale(200)
    screen = open_exercise(main_window)
    screen.result.recipients = [
        Recipient(id="slb"),
        Recipient(id="eigen-1", own=True, name="iemand met een vrij lange omschrijving"),
    ]
    screen.result.advantages = [Weighed(id="opleiding", weight=3)]
    screen.result.risks = [Weighed(id="beoordeling", weight=1)]
    screen.active = True
    for index in range(len(screen.pages)):
        screen.go(index)
        scroll = screen.stack.currentWidget()
        qtbot.waitUntil(lambda s=scroll: s.widget().width() > 0)
        QApplication.processEvents()
        bar = scroll.horizontalScrollBar()  # type: ignore[attr-defined]
        assert bar.maximum() == 0, f"page {screen.pages[index].key} is wider than the window"
        assert screen.back_button.isVisible() == (index > 0)


def test_english_interface_and_content(main_window: MainWindow, qtbot: QtBot) -> None:
    main_window.set_language("en")
    screen = open_exercise(main_window)
    assert "Do I tell or not?" in visible_text(screen.pages[0])
    key(qtbot, Qt.Key.Key_Space)
    forward(qtbot)
    assert "Do you want to tell someone?" in visible_text(screen.current_page())
    assert screen.step_label.text() == "Step 2 of 13 · Whether"


def test_every_page_has_a_name_for_the_progress_line(main_window: MainWindow) -> None:
    from docentwijzer.i18n import catalog

    screen = open_exercise(main_window)
    keys = {page.key for page in screen.pages}
    assert len(keys) == len(screen.pages)
    for page_key in keys:
        assert f"openheid.page_{page_key}" in catalog(), page_key


def test_pages_are_built_when_first_shown_and_show_answers_given_before(
    main_window: MainWindow, qtbot: QtBot
) -> None:
    screen = open_exercise(main_window)
    keys = [step for step, _build in STEPS]
    assert [k for k in keys if screen.pages.built(k) is not None] == ["intro"]
    key(qtbot, Qt.Key.Key_Space)  # start: the first student page is built now
    assert [k for k in keys if screen.pages.built(k) is not None] == ["intro", "sure_before"]
    assert screen.current_page().isVisible()

    # Answers given elsewhere (a reopened note) appear on a page that did not exist yet.
    screen.result.first_step = "Morgen mail ik mijn studieloopbaanbegeleider"
    screen.result.recipients = [Recipient(id="slb")]
    screen.go(keys.index("first_step"))
    page = screen.current_page()
    assert page.key == "first_step" and page.isVisible()
    assert focused().toPlainText() == "Morgen mail ik mijn studieloopbaanbegeleider"  # type: ignore[attr-defined]
    assert screen.step_label.text().startswith("Stap 11 van 13")

    # Starting over forgets everything, including pages that were never built.
    screen.reset()
    assert screen.index() == 0 and screen.result.is_empty()
    screen.go(keys.index("done"))
    done = screen.current_page()
    assert isinstance(done, DonePage) and not done.consent() and done.pseudonym.text() == ""


def test_the_pdf_first_lists_characters_it_cannot_print(
    main_window: MainWindow,
    dialog_log,
    tmp_path,
    monkeypatch,  # type: ignore[no-untyped-def]
) -> None:
    """The student's own words (an emoji, a name in Arabic) used to vanish from the PDF."""
    main_window.navigate("openheid")
    screen = main_window.current_screen()
    screen.result.first_step = "Mail sturen 😊 aan سلمى"  # type: ignore[attr-defined]
    target = tmp_path / "keuzes.pdf"
    monkeypatch.setattr(dialogs, "ask_save_file", lambda *_a: str(target))
    dialog_log.answer = False
    screen.make_pdf()  # type: ignore[attr-defined]
    assert dialog_log.names() == ["confirm_unprintable"]
    assert dialog_log.calls[0][1][0] == "😊سلمى"
    assert not target.exists()
