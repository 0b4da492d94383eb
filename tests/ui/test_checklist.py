"""The Signalering screen driven like a teacher would, right after class."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QLabel
from pytestqt.qtbot import QtBot

from docentwijzer.checklist import checklist_content
from docentwijzer.handoff import NoteDraft, Reopen, SignalContext

from docentwijzer.ui.checklist import ChecklistScreen
from docentwijzer.ui.mainwindow import MainWindow
from docentwijzer.ui.tree import TreeScreen

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def screen(main_window: MainWindow) -> ChecklistScreen:
    assert main_window.navigate("signalering")
    built = main_window.current_screen()
    assert isinstance(built, ChecklistScreen)
    return built


@pytest.fixture
def tree_payloads(main_window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """What the referral tree screen receives (it is built separately)."""
    received: list[object] = []
    tree = main_window.screen_for("beslisboom")
    monkeypatch.setattr(tree, "receive", received.append)
    return received


def summary_text(screen: ChecklistScreen) -> str:
    return "\n".join(
        label.text()
        for label in (screen.summary_label, screen.emphasis_label, screen.reminder_label)
    )


def visible_text(screen: ChecklistScreen) -> str:
    """Every text shown: labels, and the signals' check boxes (which paint their own text)."""
    shown = [w for w in screen.findChildren(QLabel) if w.isVisibleTo(screen)]
    shown += [w for w in screen.findChildren(QCheckBox) if w.isVisibleTo(screen)]
    return "\n".join(widget.text() for widget in shown)


def activate(qtbot: QtBot, screen: ChecklistScreen) -> None:
    """Make the window active, so Tab moves keyboard focus as on a desktop."""
    window = screen.window()
    with qtbot.waitActive(window):
        window.activateWindow()


def tick_by_keyboard(qtbot: QtBot, screen: ChecklistScreen, signal_id: str) -> None:
    check = screen.rows[signal_id].check
    check.setFocus()
    qtbot.keyClick(check, Qt.Key.Key_Space)


def test_every_signal_is_on_screen_with_its_source(screen: ChecklistScreen) -> None:
    content = checklist_content("nl")
    assert list(screen.rows) == [s.id for s in content.signals()]
    text = visible_text(screen)
    assert "Hoe weet je dat er een probleem is? (Korevaar)" in text
    assert "Signalen van een lage mate van sense of belonging" in text
    assert "Je merkt veranderingen in gedrag, stemming en voorkomen van student:" in text
    assert "Je ruikt regelmatig een alcohol of cannabisgeur" in text
    # one source line under each group, citing the slides by author, title and year
    assert text.count("J. Dopmeijer, dia's over studentenwelzijn") == 2
    assert "z.j." in text
    assert "Geen volledige naam" in text  # the pseudonym field says why
    assert "Je hebt nog niets aangevinkt." in summary_text(screen)
    assert not any(row.details.isVisibleTo(screen) for row in screen.rows.values())
    assert not screen.note_button.isEnabled()
    assert not screen.has_unsaved_changes()


def test_tick_by_mouse_on_box_and_on_text_and_read_the_summary(
    screen: ChecklistScreen, qtbot: QtBot
) -> None:
    qtbot.mouseClick(screen.rows["bezorgdheid"].check, LEFT)
    label = screen.rows["uitstel"].check
    qtbot.mouseClick(label, LEFT, pos=label.rect().center())
    assert screen.rows["bezorgdheid"].check.isChecked()
    assert screen.rows["uitstel"].check.isChecked()
    assert screen.rows["uitstel"].details.isVisibleTo(screen)
    today = date.today()
    text = summary_text(screen)
    assert "Signalen dat er een probleem kan zijn (Korevaar)" in text
    assert f"Andere studenten of collega’s hebben bezorgdheid geuit ({today.day:02d}-" in text
    assert "Signalen van weinig verbondenheid (sense of belonging)" in text
    assert "Uitstelgedrag" in text
    assert "reden om met de student in gesprek te gaan, geen conclusie" in text
    assert screen.note_button.isEnabled()
    assert screen.has_unsaved_changes()
    qtbot.mouseClick(label, LEFT, pos=label.rect().center())  # and off again
    assert "Uitstelgedrag" not in summary_text(screen)


def test_keyboard_alone_ticks_notes_and_moves_on(screen: ChecklistScreen, qtbot: QtBot) -> None:
    activate(qtbot, screen)
    screen.pseudonym.setFocus()
    qtbot.keyClicks(screen.pseudonym, "S-12")
    tick_by_keyboard(qtbot, screen, "somber")
    row = screen.rows["somber"]
    assert row.check.isChecked()
    assert row.check.font().underline()  # where the keyboard is, is visible
    qtbot.keyClick(row.check, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is row.observation
    assert not row.check.font().underline()
    qtbot.keyClicks(row.observation, "zat alleen achterin & zei niets")
    qtbot.keyClick(row.observation, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is row.date
    qtbot.keyClick(row.date, Qt.Key.Key_Backtab)  # one Tab each way, not one per date part
    assert QApplication.focusWidget() is row.observation
    qtbot.keyClick(row.observation, Qt.Key.Key_Tab)
    qtbot.keyClick(row.date, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is screen.rows["angstig"].check
    qtbot.keyClick(screen.rows["angstig"].check, Qt.Key.Key_Space)
    text = summary_text(screen)
    assert "Over: S-12" in text
    assert "Je merkt veranderingen in gedrag, stemming en voorkomen van student:" in text
    assert "Somber (" in text and "“zat alleen achterin &amp; zei niets”" in text  # escaped
    assert text.index("Somber") < text.index("Angstig")
    # unticked rows are skipped by Tab: from "angstig" straight to its own note field, then on
    qtbot.keyClick(screen.rows["angstig"].check, Qt.Key.Key_Space)
    qtbot.keyClick(screen.rows["angstig"].check, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is screen.rows["bedroefd"].check


def test_the_date_defaults_to_today_cannot_be_in_the_future_and_shows_in_the_summary(
    screen: ChecklistScreen, qtbot: QtBot
) -> None:
    tick_by_keyboard(qtbot, screen, "gewicht")
    row = screen.rows["gewicht"]
    today = QDate.currentDate()
    assert row.date.date() == today
    row.date.setDate(today.addDays(5))
    assert row.date.date() == today
    earlier = date.today() - timedelta(days=3)
    row.date.setDate(QDate(earlier.year, earlier.month, earlier.day))
    assert f"Gewichtsverlies of gewichtstoename ({earlier.day}-{earlier.month}-" in summary_text(
        screen
    )


def test_telling_leads_to_the_conversation_and_wat_nu_hands_it_to_the_tree(
    main_window: MainWindow, screen: ChecklistScreen, qtbot: QtBot, tree_payloads, dialog_log
) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(screen.pseudonym, "AB")
    tick_by_keyboard(qtbot, screen, "vertelt")
    qtbot.keyClicks(screen.rows["vertelt"].observation, "slaapt slecht")
    assert "Je vinkte aan dat de student het je vertelde: jullie hebben al gepraat" in summary_text(
        screen
    )
    assert "De beslisboom vraagt eerst of er nu gevaar is." in summary_text(screen)
    screen.next_button.setFocus()
    qtbot.keyClick(screen.next_button, Qt.Key.Key_Space)
    assert main_window.current_area() == "beslisboom"
    assert dialog_log.names() == []  # carrying the ticks on is not "leaving unsaved work"
    (context,) = tree_payloads
    assert isinstance(context, SignalContext)
    assert context.suggested_node == "behoefte"
    assert context.urgent is False
    assert context.pseudonym == "AB"
    assert [(s.signal_id, s.observation) for s in context.signals] == [("vertelt", "slaapt slecht")]
    # back on the checklist, everything is still there
    main_window.navigate("signalering")
    assert screen.rows["vertelt"].check.isChecked()
    assert screen.rows["vertelt"].observation.text() == "slaapt slecht"


def test_the_student_told_you_puts_the_star_on_yes_we_talked(
    main_window: MainWindow, screen: ChecklistScreen, qtbot: QtBot
) -> None:
    activate(qtbot, screen)
    tick_by_keyboard(qtbot, screen, "vertelt")
    qtbot.keyClick(
        screen.rows["vertelt"].check, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
    )
    tree = main_window.current_screen()
    assert isinstance(tree, TreeScreen)
    for key in (Qt.Key.Key_3, Qt.Key.Key_2):  # no danger now, no talk of death
        qtbot.keyClick(QApplication.focusWidget() or tree, key)
    assert tree.walk.current.id == "gesprek"
    [starred] = [b for b in tree.answer_buttons if b.property("suggested")]
    assert starred.accessibleName() == "Ja, de student vertelde het me zelf"
    assert QApplication.focusWidget() is starred  # Return takes it
    qtbot.keyClick(starred, Qt.Key.Key_Return)
    assert tree.walk.current.id == "behoefte"


def test_talk_of_death_hands_over_to_the_suicide_guidance_by_keyboard(
    main_window: MainWindow, screen: ChecklistScreen, qtbot: QtBot
) -> None:
    """The 113 signal, not the urgent box: straight to ZELFDODING, not to ACUUT."""
    activate(qtbot, screen)
    group = screen.content.groups[0]
    assert group.id == "advies-113" and "113" in visible_text(screen)
    qtbot.keyClicks(screen.pseudonym, "RB")
    qtbot.keyClick(screen.pseudonym, Qt.Key.Key_Tab)  # on to "anonymous" ...
    row = screen.rows["doodsgedachten"]
    for _ in range(6):  # ... and on, by Tab, to the first signal
        if QApplication.focusWidget() is row.check:
            break
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is row.check
    qtbot.keyClick(row.check, Qt.Key.Key_Space)
    qtbot.keyClicks(row.observation, "zei: ik wil er niet meer zijn")
    text = summary_text(screen)
    assert "opent meteen de stappen bij gedachten aan zelfdoding" in text
    assert "113 of 0800-0113" in text
    assert not screen.urgent.isChecked()  # the urgent box stays for danger now
    qtbot.keyClick(row.observation, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    tree = main_window.current_screen()
    assert isinstance(tree, TreeScreen)
    assert tree.walk.path == ("start", "zelfdoding", "ZELFDODING")
    shown = "\n".join(
        label.text() for label in tree.findChildren(QLabel) if label.isVisibleTo(tree)
    )
    assert "Neem het serieus en vraag er rechtstreeks naar." in shown
    assert "113 of 0800-0113" in shown and "Beloof geen geheimhouding." in shown
    assert "Is er toch nú gevaar: bel 112." in tree.context_label.text()
    assert "zei: ik wil er niet meer zijn" in tree.context_label.text()
    assert "Bel 112. Zeg waar" not in shown  # not the danger-now leaf


def test_substance_signal_points_to_the_substance_leaf(
    main_window: MainWindow, screen: ChecklistScreen, qtbot: QtBot, tree_payloads
) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(screen.rows["middelen"].check, LEFT)
    assert "de beslisboom wijst je de weg bij middelengebruik" in summary_text(screen)
    qtbot.mouseClick(screen.next_button, LEFT)
    assert tree_payloads[0].suggested_node == "MIDDELEN"  # type: ignore[attr-defined]


def test_urgent_is_separate_said_first_and_goes_straight_to_the_urgent_branch(
    main_window: MainWindow,
    screen: ChecklistScreen,
    qtbot: QtBot,
    tree_payloads,  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(ChecklistScreen, "tree_ready", staticmethod(lambda: True))
    assert not screen.urgent_go.isVisibleTo(screen)
    screen.urgent.setFocus()
    qtbot.keyClick(screen.urgent, Qt.Key.Key_Space)
    assert screen.urgent_go.isVisibleTo(screen)
    text = summary_text(screen)
    assert "Je gaf aan dat er nu gevaar is" in text
    assert "Bij direct gevaar: bel 112." in text
    assert "vraagt eerst" not in text
    assert screen.has_unsaved_changes()
    qtbot.mouseClick(screen.urgent_go, LEFT)
    assert main_window.current_area() == "beslisboom"
    (context,) = tree_payloads
    assert context.urgent is True  # type: ignore[attr-defined]
    assert context.signals == []  # type: ignore[attr-defined]


def test_urgent_without_the_tree_in_this_build_opens_the_urgent_guidance(
    main_window: MainWindow, screen: ChecklistScreen, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ChecklistScreen, "tree_ready", staticmethod(lambda: False))
    qtbot.mouseClick(screen.urgent, LEFT)
    assert screen.urgent.isChecked()
    qtbot.mouseClick(screen.next_button, LEFT)
    assert main_window.current_area() == "acuut"
    assert "Bel 112" in "\n".join(
        label.text() for label in main_window.current_screen().findChildren(QLabel)
    )


def test_save_as_note_opens_the_notes_and_keeps_the_ticks(
    main_window: MainWindow, screen: ChecklistScreen, qtbot: QtBot, dialog_log
) -> None:  # type: ignore[no-untyped-def]
    tick_by_keyboard(qtbot, screen, "hygiene")
    qtbot.mouseClick(screen.note_button, LEFT)
    assert main_window.current_area() == "notities"
    assert "confirm_discard" not in dialog_log.names()  # handing over loses nothing
    # The notes screen now holds the draft; the ticks stay visible here until "start over".
    assert screen.rows["hygiene"].tick() is not None
    assert not screen.has_unsaved_changes()


def test_save_as_note_hands_a_complete_draft(
    main_window: MainWindow,
    screen: ChecklistScreen,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    drafts: list[NoteDraft] = []

    def accept(draft: NoteDraft) -> bool:
        drafts.append(draft)
        return True

    monkeypatch.setattr(main_window, "save_as_note", accept)
    qtbot.keyClicks(screen.pseudonym, "JV")
    tick_by_keyboard(qtbot, screen, "studieprestaties")
    qtbot.keyClicks(screen.rows["studieprestaties"].observation, "twee herkansingen gemist")
    qtbot.mouseClick(screen.note_button, LEFT)
    (draft,) = drafts
    assert draft.origin == "checklist"
    assert draft.pseudonym == "JV"
    assert "Sterke verandering in studieprestaties" in draft.observed
    assert "twee herkansingen gemist" in draft.observed
    restored = SignalContext.model_validate(draft.link["checklist"])
    assert restored.signals[0].signal_id == "studieprestaties"
    assert draft.note_id is None
    assert not screen.has_unsaved_changes()  # the notes screen holds the draft now


def test_leaving_with_unsaved_ticks_asks_first(
    main_window: MainWindow, screen: ChecklistScreen, qtbot: QtBot, dialog_log
) -> None:  # type: ignore[no-untyped-def]
    tick_by_keyboard(qtbot, screen, "conflicten")
    dialog_log.answer = False
    assert not main_window.navigate("over")
    assert main_window.current_area() == "signalering"
    assert screen.rows["conflicten"].check.isChecked()
    dialog_log.answer = True
    assert main_window.navigate("over")
    assert dialog_log.names() == ["confirm_discard", "confirm_discard"]
    main_window.navigate("signalering")
    assert not screen.rows["conflicten"].check.isChecked()
    assert "Je hebt nog niets aangevinkt." in summary_text(screen)


def test_ticking_and_unticking_again_leaves_nothing_to_ask_about(
    main_window: MainWindow, screen: ChecklistScreen, qtbot: QtBot, dialog_log
) -> None:  # type: ignore[no-untyped-def]
    tick_by_keyboard(qtbot, screen, "boosheid")
    qtbot.keyClick(screen.rows["boosheid"].check, Qt.Key.Key_Space)
    assert not screen.has_unsaved_changes()
    assert main_window.navigate("over")
    assert dialog_log.names() == []


def test_start_over_asks_then_clears_without_a_trace(
    screen: ChecklistScreen, qtbot: QtBot, dialog_log
) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(screen.restart_button, LEFT)
    assert dialog_log.names() == []  # nothing entered: nothing to ask
    qtbot.keyClicks(screen.pseudonym, "XY")
    tick_by_keyboard(qtbot, screen, "desinteresse")
    observation = screen.rows["desinteresse"].observation
    qtbot.keyClicks(observation, "geheim detail")
    qtbot.mouseClick(screen.urgent, LEFT)
    assert screen.urgent.isChecked()
    dialog_log.answer = False
    qtbot.mouseClick(screen.restart_button, LEFT)
    assert screen.rows["desinteresse"].check.isChecked()
    dialog_log.answer = True
    screen.restart_button.setFocus()
    qtbot.keyClick(screen.restart_button, Qt.Key.Key_Space)
    assert dialog_log.names() == ["confirm", "confirm"]
    assert "Opnieuw beginnen" in str(dialog_log.calls[0][1])
    assert not screen.urgent.isChecked()
    assert screen.pseudonym.text() == "" and not screen.pseudonym.isUndoAvailable()
    assert observation.text() == "" and not observation.isUndoAvailable()
    assert not any(row.check.isChecked() for row in screen.rows.values())
    assert "geheim detail" not in visible_text(screen) and "XY" not in visible_text(screen)
    assert not screen.has_unsaved_changes()
    # ticking it again shows an empty note field, not the old text
    tick_by_keyboard(qtbot, screen, "desinteresse")
    assert observation.text() == ""


def test_pseudonym_warns_about_names_and_anonymous_clears_it(
    screen: ChecklistScreen, qtbot: QtBot
) -> None:
    qtbot.keyClicks(screen.pseudonym, "Jan de Vries")
    assert screen.pseudonym_warning.isVisibleTo(screen)
    assert "volledige naam" in screen.pseudonym_warning.text()
    screen.pseudonym.clear()
    qtbot.keyClicks(screen.pseudonym, "JdV")
    assert not screen.pseudonym_warning.isVisibleTo(screen)
    assert "Over: JdV" in summary_text(screen)
    screen.anonymous.setFocus()
    qtbot.keyClick(screen.anonymous, Qt.Key.Key_Space)
    assert not screen.pseudonym.isEnabled()
    assert screen.pseudonym.text() == ""
    assert "Over: anoniem" in summary_text(screen)
    assert screen.summary().context.pseudonym is None


def _saved(screen: ChecklistScreen) -> dict:  # type: ignore[type-arg]
    screen.pseudonym.setText("KL")
    screen.rows["somber"].check.setChecked(True)
    screen.rows["somber"].observation.setText("huilde na de les")
    screen.rows["vertraging"].check.setChecked(True)
    screen.urgent.setChecked(True)
    data = screen.summary().context.model_dump(mode="json")
    screen.discard_changes()
    return data


def test_a_note_reopens_the_checklist_as_it_was_saved(
    main_window: MainWindow,
    screen: ChecklistScreen,
    monkeypatch: pytest.MonkeyPatch,
    dialog_log,  # type: ignore[no-untyped-def]
) -> None:
    data = _saved(screen)
    data["signals"].append({"signal_id": "verdwenen", "label": "Oud signaal"})
    main_window.navigate("over")
    main_window.navigate("signalering", Reopen(kind="checklist", data=data, note_id="n-7"))
    assert screen.pseudonym.text() == "KL"
    assert screen.urgent.isChecked()
    assert screen.rows["somber"].observation.text() == "huilde na de les"
    assert screen.rows["somber"].details.isVisibleTo(screen)
    assert screen.rows["vertraging"].check.isChecked()
    assert "Oud signaal" in visible_text(screen)  # said plainly, not silently dropped
    assert "Geopend vanuit een notitie" in visible_text(screen)
    assert not screen.has_unsaved_changes()
    drafts: list[NoteDraft] = []
    monkeypatch.setattr(main_window, "save_as_note", lambda d: drafts.append(d) or True)
    screen.save_note()
    assert drafts[0].note_id == "n-7"  # updates that note rather than making a new one
    assert dialog_log.names() == []


def test_reopening_over_unsaved_ticks_asks_and_a_broken_note_is_refused(
    main_window: MainWindow, screen: ChecklistScreen, qtbot: QtBot, dialog_log
) -> None:  # type: ignore[no-untyped-def]
    data = _saved(screen)
    tick_by_keyboard(qtbot, screen, "uitstel")
    dialog_log.answer = False
    screen.receive(Reopen(kind="checklist", data=data, note_id="n-1"))
    assert dialog_log.names() == ["confirm_discard"]
    assert screen.rows["uitstel"].check.isChecked() and not screen.urgent.isChecked()
    screen.receive(Reopen(kind="checklist", data={"signals": "kapot"}, note_id="n-2"))
    assert dialog_log.names()[-1] == "warn"
    assert screen.rows["uitstel"].check.isChecked()
    screen.receive(Reopen(kind="openheid", data={}, note_id="n-3"))  # not ours: ignored
    assert len(dialog_log.names()) == 2
    dialog_log.answer = True  # so the window may close at the end of the test


def test_english_screen(main_window: MainWindow, qtbot: QtBot) -> None:
    assert main_window.set_language("en")
    main_window.navigate("signalering")
    screen = main_window.current_screen()
    assert isinstance(screen, ChecklistScreen)
    text = visible_text(screen)
    assert "How do you know there is a problem? (Korevaar)" in text
    assert "Signals of a low sense of belonging" in text
    assert screen.next_button.text() == "What now?"
    tick_by_keyboard(qtbot, screen, "vertelt")
    assert "you have talked already" in summary_text(screen)
    assert "not a conclusion" in summary_text(screen)


def test_at_200_percent_in_dark_mode_nothing_is_cut_off_and_boxes_grow(
    main_window: MainWindow, qtbot: QtBot
) -> None:
    main_window.set_color_scheme("dark")
    assert main_window.set_text_scale(200)
    main_window.resize(1100, 760)
    main_window.navigate("signalering")
    screen = main_window.current_screen()
    assert isinstance(screen, ChecklistScreen)
    for signal_id in ("middelen", "somber", "gedragsproblemen"):
        screen.rows[signal_id].check.setChecked(True)
    screen.rows["middelen"].observation.setText("x" * 200)
    qtbot.waitUntil(lambda: screen.scroll_area.viewport().width() > 0)  # type: ignore[union-attr]
    QApplication.processEvents()
    assert screen.scroll_area.horizontalScrollBar().maximum() == 0  # type: ignore[union-attr]
    for row in screen.rows.values():
        label = row.check
        assert label.height() >= label.heightForWidth(label.width()), row.signal.id
    check = screen.rows["middelen"].check
    assert check.style().pixelMetric(
        check.style().PixelMetric.PM_IndicatorWidth, None, check
    ) >= int(check.fontMetrics().height() * 0.8)
    main_window.set_text_scale(100)
    main_window.set_color_scheme("light")


def test_the_next_step_stays_in_view_while_ticking_far_down_the_list(
    main_window: MainWindow, screen: ChecklistScreen, qtbot: QtBot, tree_payloads
) -> None:  # type: ignore[no-untyped-def]
    activate(qtbot, screen)
    last = list(screen.rows.values())[-1]
    assert screen.scroll_area is not None
    screen.scroll_area.ensureWidgetVisible(last)
    tick_by_keyboard(qtbot, screen, last.signal.id)
    # "Wat nu?" sits below the scrolling list, visible wherever the teacher is on it
    assert not screen.scroll_area.isAncestorOf(screen.next_button)
    assert screen.next_button.isVisible() and screen.note_button.isEnabled()
    assert "1 signaal aangevinkt" in visible_text(screen)
    qtbot.keyClick(last.check, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert main_window.current_area() == "beslisboom"
    assert [s.signal_id for s in tree_payloads[0].signals] == [last.signal.id]  # type: ignore[attr-defined]


def test_ctrl_s_keeps_the_ticks_as_a_note(
    main_window: MainWindow, screen: ChecklistScreen, qtbot: QtBot
) -> None:
    activate(qtbot, screen)
    qtbot.keyClick(screen.pseudonym, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert main_window.current_area() == "signalering"  # nothing ticked: nothing to keep
    tick_by_keyboard(qtbot, screen, "hygiene")
    qtbot.keyClick(screen.rows["hygiene"].check, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert main_window.current_area() == "notities"
