"""The referral tree as a teacher uses it: by keyboard, from the checklist, to a next step."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from docentwijzer.handoff import NoteDraft, ObservedSignal, Reopen, SignalContext
from docentwijzer.profile import Contact, InstitutionProfile, ProfileStore
from docentwijzer.tree import tree_content

from docentwijzer.ui import dialogs
from docentwijzer.ui.mainwindow import MainWindow
from docentwijzer.ui.tree import TreeScreen

SATURDAY_EVENING = datetime(2026, 11, 21, 20, 0)
TUESDAY_MORNING = datetime(2026, 11, 24, 10, 0)


def visible_text(widget: QWidget) -> str:
    return "\n".join(
        label.text() for label in widget.findChildren(QLabel) if label.isVisibleTo(widget)
    )


def press(qtbot: QtBot, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
    """A key press where the user's keyboard focus is."""
    target = QApplication.focusWidget()
    assert target is not None, "nothing has keyboard focus"
    qtbot.keyClick(target, key, modifier)


@pytest.fixture
def tree_screen(main_window: MainWindow, qtbot: QtBot) -> TreeScreen:
    main_window.activateWindow()
    qtbot.waitUntil(main_window.isActiveWindow)
    qtbot.keyClick(main_window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    screen = main_window.current_screen()
    assert isinstance(screen, TreeScreen)
    screen.clock = lambda: TUESDAY_MORNING  # type: ignore[method-assign]
    screen.render()
    return screen


def test_student_thinking_of_ending_her_life_reaches_113_in_two_keys(
    tree_screen: TreeScreen, qtbot: QtBot
) -> None:
    # "A student tells you she thinks about ending her life": no acute danger now (3), yes (1).
    assert "Is er nú gevaar" in visible_text(tree_screen)
    press(qtbot, Qt.Key.Key_3)
    assert "Praat de student over de dood" in visible_text(tree_screen)
    press(qtbot, Qt.Key.Key_1)
    text = visible_text(tree_screen)
    assert tree_screen.walk.current.id == "ZELFDODING"
    assert "Beloof geen geheimhouding" in text
    assert "113 of 0800-0113" in text and "113.nl" in text
    assert "nummer gecontroleerd: november 2026" in text
    assert "Bij direct gevaar: bel 112" in text
    assert "Jouw rol" in text and "geen diagnose" in text
    assert "Bronnen:" in text
    assert "Landelijk Kader Studentenwelzijn 2023-2030 (VH, UNL, ISO, LSVb, OCW, 2023)" in text
    # the route is shown as a breadcrumb of answers
    assert (
        "Is er nú gevaar voor de student of voor anderen? <b>Nee</b>" in tree_screen.crumbs.text()
    )


def sources_shown(screen: QWidget) -> str:
    """What the sources under a page say, as a screen reader reads it."""
    found = [
        label.accessibleName() or label.text()
        for label in screen.findChildren(QLabel, "source")
        if label.isVisibleTo(screen)
    ]
    assert len(found) == 1, found
    return found[0]


def test_a_leaf_names_each_source_once_short_and_readable(
    tree_screen: TreeScreen, qtbot: QtBot
) -> None:
    press(qtbot, Qt.Key.Key_3)
    press(qtbot, Qt.Key.Key_1)
    assert tree_screen.walk.current.id == "ZELFDODING"
    shown = sources_shown(tree_screen)
    # one entry per publication, with the headings to look up, not our paraphrase after each
    assert shown.startswith("Bronnen")
    assert shown.count("nos.nl") == 1 and shown.count("hilversum.nl") == 1
    assert "'Hoe begin je een gesprek over zelfmoordgedachten?'" in shown
    assert "begin met benoemen van wat je ziet" not in shown
    assert "<" not in shown  # words, not markup
    assert len(shown) < 2400  # the line of every item's source was 3,900 characters


def test_the_acute_screen_names_each_source_once(main_window: MainWindow) -> None:
    main_window.navigate("acuut")
    screen = main_window.current_screen()
    section = screen.findChild(QWidget, "section_ZELFDODING")
    assert section is not None
    shown = sources_shown(section)
    assert shown.count("nos.nl") == 1 and "duidelijk vragen" not in shown


def test_danger_now_is_one_key_away(tree_screen: TreeScreen, qtbot: QtBot) -> None:
    press(qtbot, Qt.Key.Key_1)
    text = visible_text(tree_screen)
    assert tree_screen.walk.current.id == "ACUUT"
    assert "Bel 112." in text and "Laat de student niet alleen" in text
    assert "BHV" in text and "vul in bij Instellingsgegevens" in text


def test_answers_are_large_choices_like_starts_cards_and_follow_the_text_size(
    main_window: MainWindow, tree_screen: TreeScreen
) -> None:
    """The design's large choice: a card with the number and answer in bold, the hint in the
    muted colour below, a chevron; the urgent answers with the acute edge. (They were command
    links: a plain-coloured hint, control corners, and a font fixed when the page was built.)"""
    from docentwijzer.ui.widgets import CardButton

    node = tree_content().node("start")
    buttons = tree_screen.answer_buttons
    assert [b.accessibleName() for b in buttons] == [a.label for a in node.answers]  # type: ignore[attr-defined]
    for button, answer in zip(buttons, node.answers, strict=True):  # type: ignore[attr-defined]
        assert isinstance(button, CardButton)
        assert button.title.endswith(answer.label)
        assert button.accessibleDescription() == (answer.hint or "")
        assert bool(button.property("urgent")) == answer.urgent
    size = buttons[0].font().pointSizeF()
    assert main_window.set_text_scale(200)
    grown = tree_screen.answer_buttons[0].font().pointSizeF()
    main_window.set_text_scale(100)
    assert grown == pytest.approx(2 * size)


def test_arrows_and_enter_choose_backspace_and_alt_left_go_back(
    tree_screen: TreeScreen, qtbot: QtBot
) -> None:
    buttons = tree_screen.answer_buttons
    assert QApplication.focusWidget() is buttons[0]
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is buttons[2]
    press(qtbot, Qt.Key.Key_Up)
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Return)
    assert tree_screen.walk.path == ("start", "zelfdoding")
    press(qtbot, Qt.Key.Key_2)  # no talk of death
    assert tree_screen.walk.current.id == "gesprek"
    press(qtbot, Qt.Key.Key_Backspace)
    assert tree_screen.walk.path == ("start", "zelfdoding")
    press(qtbot, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    # a button's shortcut "animates" its click, so it lands a moment later
    qtbot.waitUntil(lambda: tree_screen.walk.path == ("start",))
    assert not tree_screen.back_button.isEnabled()


def test_conversation_step_then_need_then_leaf_and_start_over(
    tree_screen: TreeScreen, qtbot: QtBot
) -> None:
    for key in (Qt.Key.Key_3, Qt.Key.Key_2, Qt.Key.Key_1):
        press(qtbot, key)
    text = visible_text(tree_screen)
    assert "Ga eerst het gesprek aan" in text and "Hoe gaat het met jou?" in text
    assert "wat heb je nodig" in text and "Beloof geen geheimhouding" in text
    assert "Wat je kunt zeggen" in text and "Wat je beter niet zegt" in text
    press(qtbot, Qt.Key.Key_1)  # continue
    assert "Waar heeft de student vooral hulp bij nodig?" in visible_text(tree_screen)
    press(qtbot, Qt.Key.Key_3)  # studies
    text = visible_text(tree_screen)
    assert "Studieloopbaanbegeleider / mentor" in text
    assert "Voorstel: 01-12-2026" in text  # a check-in within a week, dated as in the notes
    qtbot.mouseClick(tree_screen.restart_button, Qt.MouseButton.LeftButton)
    assert tree_screen.walk.path == ("start",)
    assert "Je staat bij de eerste vraag" in tree_screen.crumbs.text()


def test_number_keys_do_nothing_on_a_leaf_and_ticks_are_kept_per_leaf(
    tree_screen: TreeScreen, qtbot: QtBot
) -> None:
    press(qtbot, Qt.Key.Key_2)  # not sure
    assert tree_screen.walk.current.id == "TWIJFEL_GEVAAR"
    item = tree_screen.action_items["niet-alleen"]
    qtbot.mouseClick(item.box, Qt.MouseButton.LeftButton)
    assert item.label.text().startswith("✓")
    assert tree_screen.ticked() == ["niet-alleen"]
    press(qtbot, Qt.Key.Key_1)  # a stray digit on a leaf does not move on
    assert tree_screen.walk.current.id == "TWIJFEL_GEVAAR"


def test_unsure_about_danger_then_a_hint_of_suicide_is_two_keys(
    tree_screen: TreeScreen, qtbot: QtBot
) -> None:
    # "Ik zie het allemaal niet meer zitten": not sure about danger (2), then the way on.
    press(qtbot, Qt.Key.Key_2)
    text = visible_text(tree_screen)
    assert "Gaat je twijfel over zelfdoding?" in text
    # 113 first, for advice to you too, and no secrecy: not buried below office hours
    assert text.index("Bel 113 voor advies") < text.index("Overleg nú")
    assert "Beloof geen geheimhouding." in text
    onward = tree_screen.onward_buttons[0]
    assert QApplication.focusWidget() is onward  # the one choice left on this page
    press(qtbot, Qt.Key.Key_Return)
    assert tree_screen.walk.path == ("start", "TWIJFEL_GEVAAR", "ZELFDODING")
    assert tree_screen.walk.answers_given() == 2
    text = visible_text(tree_screen)
    assert "Neem het serieus en vraag er rechtstreeks naar." in text
    assert "113 of 0800-0113" in text
    assert "Ja, de student zei iets over de dood" in tree_screen.crumbs.text()


def test_talk_of_death_heard_in_the_conversation_leads_on_to_the_suicide_guidance(
    tree_screen: TreeScreen, qtbot: QtBot
) -> None:
    for key in (Qt.Key.Key_3, Qt.Key.Key_2, Qt.Key.Key_1):
        press(qtbot, key)
    assert tree_screen.walk.current.id == "GESPREK"
    text = visible_text(tree_screen)
    assert "begin opnieuw" not in text
    assert "Hoorde je in het gesprek iets over de dood?" in text
    press(qtbot, Qt.Key.Key_2)  # only "Verder" has a number here: a stray 2 does nothing
    assert tree_screen.walk.current.id == "GESPREK"
    onward = tree_screen.onward_buttons[0]
    assert onward.isVisibleTo(tree_screen)
    # reached by Tab from "Verder", taken with Return
    assert QApplication.focusWidget() is tree_screen.answer_buttons[0]
    press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is onward
    press(qtbot, Qt.Key.Key_Return)
    assert tree_screen.walk.current.id == "ZELFDODING"
    assert "Ja, de student zei iets over de dood" in tree_screen.crumbs.text()
    assert "Beloof geen geheimhouding." in visible_text(tree_screen)


def test_how_the_worry_arrived_changes_what_to_do_first(
    tree_screen: TreeScreen, qtbot: QtBot
) -> None:
    choice = tree_screen.channel_choice.combo
    assert choice.currentData() == "in_person"  # the default, until the teacher says otherwise
    press(qtbot, Qt.Key.Key_3)
    press(qtbot, Qt.Key.Key_1)  # the suicide guidance
    assert "Neem de tijd" in visible_text(tree_screen)
    # changed on the leaf, by keyboard: the leaf stays, its first steps change
    choice.setFocus()
    press(qtbot, Qt.Key.Key_Down)
    assert tree_screen.walk.channel == "distance"
    assert tree_screen.walk.current.id == "ZELFDODING"
    text = visible_text(tree_screen)
    assert "Eerst (op afstand)" in text and "Reageer zo snel je kunt" in text
    assert "Krijg je geen contact en ben je bang dat er nu gevaar is: bel 112." in text
    assert "Neem de tijd" not in text
    assert "Ik las je bericht" in text  # what to say fits the channel too
    press(qtbot, Qt.Key.Key_Down)
    assert tree_screen.walk.channel == "via_other"
    text = visible_text(tree_screen)
    assert "jij hoeft het niet op te lossen" in text and "Ik hoorde dat" in text
    assert QApplication.focusWidget() is choice  # focus stays where the teacher was


def test_the_conversation_step_can_be_parked_as_a_note(
    main_window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    drafts: list[NoteDraft] = []
    monkeypatch.setattr(main_window, "save_as_note", lambda d: drafts.append(d) or True)
    main_window.navigate("beslisboom", SignalContext(pseudonym="KL", channel="via_other"))
    screen = main_window.current_screen()
    assert isinstance(screen, TreeScreen)
    screen.clock = lambda: datetime(2026, 11, 27, 16, 0)  # type: ignore[method-assign]
    main_window.activateWindow()
    qtbot.waitUntil(main_window.isActiveWindow)
    assert screen.walk.channel == "via_other"  # carried from the checklist
    for key in (Qt.Key.Key_3, Qt.Key.Key_2, Qt.Key.Key_1):
        press(qtbot, key)
    assert screen.walk.current.id == "GESPREK"
    assert screen.leaf_bar.isVisible()
    assert screen.save_button.text() == "Bewaar als notitie, ga later verder"
    assert "Zeg tegen wie het je vertelde" in visible_text(screen)
    qtbot.mouseClick(screen.action_items["zelf-contact"].box, Qt.MouseButton.LeftButton)
    press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    [draft] = drafts
    assert draft.link["route"]["path"][-1] == "GESPREK"
    assert draft.link["route"]["channel"] == "via_other"
    assert draft.follow_up == date(2026, 12, 4)
    assert "[x] Neem zelf contact op met de student" in draft.done
    assert "Na het gesprek" in draft.text and "Wat je kunt zeggen" in draft.text


def test_outside_office_hours_113_then_the_huisartsenpost_come_first(
    tree_screen: TreeScreen, qtbot: QtBot
) -> None:
    def order() -> list[str]:
        page = tree_screen.node_page
        assert page is not None
        labels = [w for w in page.findChildren(QLabel) if w.objectName().startswith("contact_")]
        labels.sort(key=lambda w: w.mapTo(page, w.rect().topLeft()).y())
        return [w.objectName().removeprefix("contact_") for w in labels]

    tree_screen.walk.choose("zelfdoding")
    tree_screen.walk.choose("ZELFDODING")
    tree_screen.render()
    assert order().index("huisarts") < order().index("huisartsenpost")
    assert "Nu is het kantoortijd" in visible_text(tree_screen)
    tree_screen.clock = lambda: SATURDAY_EVENING  # type: ignore[method-assign]
    tree_screen.render()
    assert order().index("huisartsenpost") < order().index("huisarts")
    assert order()[0] == "113"  # open day and night: never below an empty "vul in" card
    assert "buiten kantoortijd" in visible_text(tree_screen)


def test_profile_contacts_are_shown_and_empty_roles_say_where_to_fill_them(
    tree_screen: TreeScreen,
) -> None:
    ProfileStore().save(
        InstitutionProfile(
            contacts={"studentpsycholoog": Contact(name="Team psy", phone="030-1234567")}
        )
    )
    tree_screen.receive(SignalContext(suggested_node="PSYCHISCH"))
    for target in ("zelfdoding", "gesprek", "behoefte", "PSYCHISCH"):
        tree_screen.choose(target)
    text = visible_text(tree_screen)
    assert "030-1234567" in text and "Team psy" in text
    assert "<b>Studentendecaan</b> — bij twijfel<br><i>vul in bij Instellingsgegevens</i>" in text


def test_urgent_context_from_the_checklist_opens_at_acuut_with_the_signals(
    main_window: MainWindow,
) -> None:
    context = SignalContext(
        pseudonym="JV",
        urgent=True,
        signals=[
            ObservedSignal(
                signal_id="vertelt",
                label="De student vertelt het je",
                observation="zegt dat ze er een einde aan wil maken",
                observed_on=date(2026, 11, 20),
            )
        ],
    )
    main_window.navigate("beslisboom", context)
    screen = main_window.current_screen()
    assert isinstance(screen, TreeScreen)
    assert screen.walk.path == ("start", "ACUUT")
    assert screen.context_panel.isVisible()
    panel = screen.context_label.text()
    assert "Student: JV" in panel and "zegt dat ze er een einde aan wil maken" in panel
    assert "20-11-2026" in panel  # dated as on the checklist and in the notes
    assert "Bel 112." in visible_text(screen)


def test_suggested_answer_is_highlighted_when_its_question_comes_up(
    main_window: MainWindow, qtbot: QtBot
) -> None:
    main_window.navigate("beslisboom", SignalContext(pseudonym="AB", suggested_node="MIDDELEN"))
    screen = main_window.current_screen()
    assert isinstance(screen, TreeScreen)
    assert screen.walk.path == ("start",)  # urgency is always asked first
    assert not any(b.property("suggested") for b in screen.answer_buttons)
    for target in ("zelfdoding", "gesprek", "behoefte"):
        screen.choose(target)
    marked = [b for b in screen.answer_buttons if b.property("suggested")]
    assert [b.accessibleName() for b in marked] == ["Middelengebruik"]
    assert "past bij wat je aanvinkte" in marked[0].description()
    assert QApplication.focusWidget() is marked[0]


def test_save_route_as_note_opens_the_notes_without_a_discard_question(
    tree_screen: TreeScreen, qtbot: QtBot, dialog_log, main_window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    press(qtbot, Qt.Key.Key_1)
    qtbot.mouseClick(tree_screen.save_button, Qt.MouseButton.LeftButton)
    assert main_window.current_area() == "notities"
    assert "confirm_discard" not in dialog_log.names()


def test_save_route_as_note_hands_the_draft_to_the_notes(
    main_window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    drafts: list[NoteDraft] = []
    monkeypatch.setattr(main_window, "save_as_note", lambda d: drafts.append(d) or True)
    context = SignalContext(
        pseudonym="AB", signals=[ObservedSignal(signal_id="somber", label="Somber")]
    )
    main_window.navigate("beslisboom", context)
    screen = main_window.current_screen()
    assert isinstance(screen, TreeScreen)
    screen.clock = lambda: TUESDAY_MORNING  # type: ignore[method-assign]
    for target in ("zelfdoding", "gesprek", "behoefte", "BINDING"):
        screen.choose(target)
    screen.action_items["check-ins"].box.setChecked(True)
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    [draft] = drafts
    assert draft.origin == "route" and draft.pseudonym == "AB"
    assert draft.done.splitlines()[0] == "[x] Gebruik check-ins en geef persoonlijke aandacht."
    assert draft.follow_up == date(2026, 12, 1)
    assert draft.link["route"]["path"][-1] == "BINDING"
    assert draft.link["route"]["done"] == ["check-ins"]
    assert draft.link["checklist"]["pseudonym"] == "AB"


def test_a_saved_route_reopens_with_its_ticks(main_window: MainWindow) -> None:
    data = {"path": ["start", "zelfdoding", "gesprek", "behoefte", "STUDIE"], "done": ["slb"]}
    main_window.navigate(
        "beslisboom", Reopen(kind="route", data=data, note_id="n7", pseudonym="CD")
    )
    screen = main_window.current_screen()
    assert isinstance(screen, TreeScreen)
    assert screen.walk.current.id == "STUDIE"
    assert screen.action_items["slb"].box.isChecked()
    assert "Student: CD" in screen.context_label.text()
    assert screen.note_id == "n7"


def test_a_whole_note_link_reopens_with_the_checklist_context(main_window: MainWindow) -> None:
    link = {
        "route": {"path": ["start", "TWIJFEL_GEVAAR"], "done": ["erger"]},
        "checklist": {"pseudonym": "EF", "signals": [{"signal_id": "s", "label": "Somber"}]},
    }
    main_window.navigate("beslisboom", Reopen(kind="route", data=link, note_id="n9"))
    screen = main_window.current_screen()
    assert isinstance(screen, TreeScreen)
    assert screen.walk.current.id == "TWIJFEL_GEVAAR" and screen.ticked() == ["erger"]
    assert "Student: EF" in screen.context_label.text() and "Somber" in screen.context_label.text()


def test_a_parked_route_reopens_after_the_conversation(main_window: MainWindow) -> None:
    data = {
        "schema_version": 2,
        "path": ["start", "zelfdoding", "gesprek", "GESPREK"],
        "done": ["reageer"],
        "channel": "distance",
    }
    main_window.navigate("beslisboom", Reopen(kind="route", data=data, note_id="p1"))
    screen = main_window.current_screen()
    assert isinstance(screen, TreeScreen)
    assert screen.walk.current.id == "behoefte" and screen.walk.channel == "distance"
    assert screen.notice.isVisible() and "Je gaat verder na het gesprek" in screen.notice.text()
    assert screen.channel_choice.combo.currentData() == "distance"
    screen.go_back()  # the conversation tips are one step back
    assert screen.walk.current.id == "GESPREK" and not screen.notice.isVisible()


def test_a_parked_route_the_tree_no_longer_fits_resumes_as_far_as_it_can(
    main_window: MainWindow, dialog_log
) -> None:  # type: ignore[no-untyped-def]
    data = {"path": ["start", "zelfdoding", "gesprek", "GESPREK_OUD"], "done": ["benoem"]}
    main_window.navigate("beslisboom", Reopen(kind="route", data=data, note_id="p2"))
    screen = main_window.current_screen()
    assert isinstance(screen, TreeScreen)
    assert screen.walk.path == ("start", "zelfdoding", "gesprek")
    assert dialog_log.names() == ["info"]
    assert "Heb je al met de student zelf gepraat" in str(dialog_log.calls[0])


def test_a_route_that_no_longer_fits_starts_over_and_says_so(
    main_window: MainWindow, dialog_log
) -> None:  # type: ignore[no-untyped-def]
    main_window.navigate(
        "beslisboom", Reopen(kind="route", data={"path": ["start", "WEG"]}, note_id="n8")
    )
    screen = main_window.current_screen()
    assert isinstance(screen, TreeScreen)
    assert screen.walk.path == ("start",)
    assert dialog_log.names() == ["info"]


def test_print_route_writes_a_pdf(
    tree_screen: TreeScreen, qtbot: QtBot, dialog_log, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "route"
    monkeypatch.setattr(dialogs, "ask_save_file", lambda *args: str(target))
    press(qtbot, Qt.Key.Key_3)
    press(qtbot, Qt.Key.Key_1)
    qtbot.mouseClick(tree_screen.print_button, Qt.MouseButton.LeftButton)
    written = tmp_path / "route.pdf"
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(written).pages).split())
    assert "113 of 0800-0113" in text and "Jouw rol" in text
    assert dialog_log.names() == ["info"]


def test_print_route_to_an_unwritable_place_warns(
    tree_screen: TreeScreen, qtbot: QtBot, dialog_log, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    blocked = tmp_path / "file"
    blocked.write_text("x")
    monkeypatch.setattr(dialogs, "ask_save_file", lambda *args: str(blocked / "r.pdf"))
    press(qtbot, Qt.Key.Key_1)
    qtbot.mouseClick(tree_screen.print_button, Qt.MouseButton.LeftButton)
    assert dialog_log.names() == ["warn"]
    assert "kon niet worden opgeslagen" in str(dialog_log.calls[0][1])


def test_english_walk(main_window: MainWindow, qtbot: QtBot) -> None:
    main_window.set_language("en")
    main_window.navigate("beslisboom")
    screen = main_window.current_screen()
    assert isinstance(screen, TreeScreen)
    assert "Is there danger right now" in visible_text(screen)
    screen.choose_number(3)
    screen.choose_number(1)
    text = visible_text(screen)
    assert "Do not promise secrecy." in text and "113 or 0800-0113" in text


# -- the acute screen shows the tree's urgent leaves --------------------------------------------


def test_acute_screen_shows_the_trees_urgent_leaves_and_the_profile(
    main_window: MainWindow, qtbot: QtBot
) -> None:
    ProfileStore().save(
        InstitutionProfile(contacts={"bhv_beveiliging": Contact(phone="intern 4444")})
    )
    qtbot.keyClick(main_window, Qt.Key.Key_F1)
    assert main_window.current_area() == "acuut"
    text = visible_text(main_window.current_screen())
    tree = tree_content("nl")
    for leaf_id in ("ACUUT", "TWIJFEL_GEVAAR", "ZELFDODING"):
        leaf = tree.leaf(leaf_id)
        assert leaf.title in text
        for action in leaf.actions:
            assert action.text in text
    assert "intern 4444" in text  # the institution's own emergency number
    assert "113 of 0800-0113" in text and "112" in text


def test_acute_numbers_show_the_institutions_huisartsenpost_once_filled_in(
    main_window: MainWindow, qtbot: QtBot
) -> None:
    qtbot.keyClick(main_window, Qt.Key.Key_F1)
    row = main_window.current_screen().numbers["huisartsenpost"]  # type: ignore[attr-defined]
    assert "Instellingsgegevens" in row.text()
    ProfileStore().save(
        InstitutionProfile(
            contacts={"huisartsenpost": Contact(name="HAP Utrecht", phone="088-1234567")}
        )
    )
    main_window.navigate("start")
    qtbot.keyClick(main_window, Qt.Key.Key_F1)
    assert "088-1234567" in row.text()


def test_a_leaf_keeps_save_and_print_in_view_and_ctrl_s_saves(
    main_window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    drafts: list[NoteDraft] = []
    monkeypatch.setattr(main_window, "save_as_note", lambda d: drafts.append(d) or True)
    context = SignalContext(
        pseudonym="AB",
        urgent=False,
        signals=[
            ObservedSignal(
                signal_id="somber",
                label="Somber",
                observation="stil",
                observed_on=date(2026, 11, 20),
            )
        ],
    )
    main_window.navigate("beslisboom", context)
    screen = main_window.current_screen()
    assert isinstance(screen, TreeScreen)
    main_window.activateWindow()
    qtbot.waitUntil(main_window.isActiveWindow)
    assert not screen.leaf_bar.isVisible()  # questions have nothing to save yet
    press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert drafts == []
    for target in ("zelfdoding", "gesprek", "behoefte", "PSYCHISCH"):
        screen.choose(target)
    assert screen.leaf_bar.isVisible() and screen.save_button.isVisible()
    assert screen.scroll_area is not None
    assert not screen.scroll_area.isAncestorOf(screen.save_button)
    press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    [draft] = drafts
    # what was ticked on the checklist is in the note, as the checklist writes it
    assert "Somber (20-11-2026): “stil”" in draft.observed


def test_tab_reaches_save_after_the_leaf_s_own_controls(
    tree_screen: TreeScreen, qtbot: QtBot
) -> None:
    press(qtbot, Qt.Key.Key_2)  # not sure: a leaf with actions and a profile button
    seen: list[QWidget] = []
    for _ in range(40):
        press(qtbot, Qt.Key.Key_Tab)
        widget = QApplication.focusWidget()
        assert widget is not None
        seen.append(widget)
        if widget is tree_screen.save_button:
            break
    assert tree_screen.save_button in seen
    boxes = [item.box for item in tree_screen.action_items.values()]
    assert all(box in seen for box in boxes[1:])
    assert seen.index(tree_screen.save_button) > max(seen.index(b) for b in boxes[1:])


@pytest.mark.parametrize("answer", [False, True])
def test_print_route_first_lists_characters_the_pdf_cannot_print(
    main_window: MainWindow, dialog_log, tmp_path: Path, monkeypatch, answer: bool
) -> None:  # type: ignore[no-untyped-def]
    """A pseudonym or observation typed in another script used to vanish from the PDF."""
    link = {
        "route": {"path": ["start", "TWIJFEL_GEVAAR"], "done": []},
        "checklist": {"pseudonym": "Wáng 王", "signals": [{"signal_id": "s", "label": "Somber"}]},
    }
    main_window.navigate("beslisboom", Reopen(kind="route", data=link, note_id="n9"))
    screen = main_window.current_screen()
    assert isinstance(screen, TreeScreen)
    target = tmp_path / "route.pdf"
    monkeypatch.setattr(dialogs, "ask_save_file", lambda *args: str(target))
    dialog_log.answer = answer
    assert screen.print_route() is answer
    assert dialog_log.calls[0][0] == "confirm_unprintable"
    assert dialog_log.calls[0][1][0] == "王"
    assert target.exists() is answer
