"""The sense-of-belonging screen as a teacher uses it: browse, filter, search, keep, print."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from docentwijzer import i18n
from docentwijzer.belonging import BelongingStore, belonging_content
from docentwijzer.settings import Settings, SettingsStore

from docentwijzer.ui import dialogs
from docentwijzer.ui.belonging import BelongingScreen
from docentwijzer.ui.mainwindow import MainWindow


def open_screen(window: MainWindow) -> BelongingScreen:
    assert window.navigate("belonging")
    screen = window.current_screen()
    assert isinstance(screen, BelongingScreen)
    return screen


def detail_text(screen: BelongingScreen) -> str:
    return "\n".join(label.text() for label in screen.library.detail_host.findChildren(QLabel))


def new_window(qtbot: QtBot) -> MainWindow:
    window = MainWindow(Settings(), SettingsStore())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_browse_all_tips_by_theme_and_open_one(main_window: MainWindow, qtbot: QtBot) -> None:
    screen = open_screen(main_window)
    tips = belonging_content("nl").tips
    assert screen.shown_titles() == [tip.title for tip in tips]
    assert screen.library.count_label.text() == f"{len(tips)} van {len(tips)} tips"
    assert screen.library.list.item(0).text() == "Warme relatie"  # a theme heading, not a tip

    target = tips[4]  # check-ins
    row = screen.library.rows()[target.id]
    rect = screen.library.list.visualItemRect(screen.library.list.item(row))
    qtbot.mouseClick(screen.library.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert screen.current_tip() == target
    text = detail_text(screen)
    assert target.title in text and target.what in text
    assert "J. Dopmeijer" in text and "Strayhorn" in text  # the source, visible
    assert main_window.acute_bar.isVisible()


def test_arrow_keys_skip_theme_headings(main_window: MainWindow, qtbot: QtBot) -> None:
    screen = open_screen(main_window)
    tips = belonging_content("nl").tips
    first_climate = next(i for i, t in enumerate(tips) if t.theme == "climate")
    screen.open_tip(tips[first_climate - 1].id)
    screen.library.list.setFocus()
    qtbot.keyClick(screen.library.list, Qt.Key.Key_Down)
    assert screen.current_tip() == tips[first_climate]
    qtbot.keyClick(screen.library.list, Qt.Key.Key_Up)
    assert screen.current_tip() == tips[first_climate - 1]


def test_filter_by_theme_and_by_moment(main_window: MainWindow, qtbot: QtBot) -> None:
    screen = open_screen(main_window)
    tips = belonging_content("nl").tips
    screen.library.theme.setCurrentIndex(screen.library.theme.findData("self_efficacy"))
    expected = [t.title for t in tips if t.theme == "self_efficacy"]
    assert screen.shown_titles() == expected
    assert screen.library.count_label.text().startswith(f"{len(expected)} van")

    screen.library.moment.setCurrentIndex(screen.library.moment.findData("exam_period"))
    both = [t.title for t in tips if t.theme == "self_efficacy" and "exam_period" in t.moments]
    assert screen.shown_titles() == both and 0 < len(both) < len(expected)

    screen.library.theme.setCurrentIndex(0)
    exam = [t.title for t in tips if "exam_period" in t.moments]
    assert screen.shown_titles() == exam

    qtbot.mouseClick(screen.library.reset_button, Qt.MouseButton.LeftButton)
    assert len(screen.shown_titles()) == len(tips)
    assert not screen.library.reset_button.isEnabled()


@pytest.mark.parametrize("typed", ["creeert", "creëert", "CREEERT"])
def test_search_as_you_type_with_and_without_diacritics(
    main_window: MainWindow, qtbot: QtBot, typed: str
) -> None:
    screen = open_screen(main_window)
    for char in typed:  # one key at a time; QTest cannot synthesise "ë", so that one is inserted
        if char.isascii():
            qtbot.keyClicks(screen.library.search, char)
        else:
            screen.library.search.insert(char)
    assert screen.shown_titles() == ["Fouten maken mag"]
    assert screen.current_tip() is not None and screen.current_tip().id == "fouten-mogen"  # type: ignore[union-attr]


def test_a_search_without_results_says_so_and_offers_a_way_back(
    main_window: MainWindow, qtbot: QtBot
) -> None:
    screen = open_screen(main_window)
    qtbot.keyClicks(screen.library.search, "zzzgeenwoord")
    assert screen.shown_titles() == []
    assert "Geen tips gevonden" in detail_text(screen)
    assert screen.library.count_label.text().startswith("0 van")
    qtbot.mouseClick(screen.library.reset_button, Qt.MouseButton.LeftButton)
    assert screen.library.search.text() == "" and screen.shown_titles()


def test_keyboard_ctrl_f_down_and_ctrl_d(main_window: MainWindow, qtbot: QtBot) -> None:
    screen = open_screen(main_window)
    screen.library.list.setFocus()
    qtbot.keyClick(screen, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert screen.library.search.hasFocus()
    qtbot.keyClicks(screen.library.search, "uitzondering")
    qtbot.keyClick(screen.library.search, Qt.Key.Key_Down)
    assert screen.library.list.hasFocus()
    assert screen.current_tip().id == "uitzondering"  # type: ignore[union-attr]
    qtbot.keyClick(screen.library.list, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert screen.store.is_favourite("uitzondering")
    item = screen.library.list.currentItem()
    assert not item.icon().isNull()  # a star, not a glyph read out as "black star"
    assert item.data(Qt.ItemDataRole.AccessibleTextRole).endswith("(favoriet)")


def test_a_favourite_persists_across_restarts(main_window: MainWindow, qtbot: QtBot) -> None:
    screen = open_screen(main_window)
    screen.open_tip("warme-landing")
    assert screen.library.favourite_button is not None
    qtbot.mouseClick(screen.library.favourite_button, Qt.MouseButton.LeftButton)
    assert screen.library.favourite_button.text() == "Verwijder uit favorieten"
    assert not screen.library.favourite_button.isCheckable()  # a check box to a screen reader
    main_window.close()

    again = open_screen(new_window(qtbot))
    again.library.favourites_only.setChecked(True)
    assert again.shown_titles() == ["Zorg voor een warme landing"]
    again.open_tip("warme-landing")
    assert again.library.favourite_button is not None
    assert again.library.favourite_button.text() == "Verwijder uit favorieten"
    # and un-marking it sticks too
    qtbot.mouseClick(again.library.favourite_button, Qt.MouseButton.LeftButton)
    assert again.shown_titles() == []
    store = BelongingStore()
    store.load()
    assert store.favourites() == []


def test_try_this_week_and_reflect(main_window: MainWindow, qtbot: QtBot) -> None:
    screen = open_screen(main_window)
    screen.open_tip("check-ins")
    assert screen.library.week_button is not None
    qtbot.mouseClick(screen.library.week_button, Qt.MouseButton.LeftButton)
    assert screen.tabs.tabText(1) == "Deze week proberen (1)"
    screen.tabs.setCurrentIndex(1)
    outcome = screen.week.outcomes["check-ins"]
    outcome.setCurrentIndex(outcome.findData("good"))
    line = screen.week.reflections["check-ins"]
    qtbot.keyClicks(line, "Duimpjes werkten")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    main_window.close()

    again = open_screen(new_window(qtbot))
    assert again.week_titles() == ["Begin met een check-in"]
    assert again.week.reflections["check-ins"].text() == "Duimpjes werkten"
    assert again.week.outcomes["check-ins"].currentData() == "good"


def test_a_reflection_typed_then_left_is_not_lost(main_window: MainWindow, qtbot: QtBot) -> None:
    screen = open_screen(main_window)
    screen.open_tip("energizers")
    screen.library.toggle_week()
    screen.tabs.setCurrentIndex(1)
    qtbot.keyClicks(screen.week.reflections["energizers"], "Kort opstaan hielp")
    main_window.navigate("start")  # no Enter, no wait
    store = BelongingStore()
    store.load()
    entry = store.entry("energizers")
    assert entry is not None and entry.reflection == "Kort opstaan hielp"


def test_clearing_the_week_asks_first(main_window: MainWindow, dialog_log) -> None:  # type: ignore[no-untyped-def]
    screen = open_screen(main_window)
    screen.open_tip("check-ins")
    screen.library.toggle_week()
    dialog_log.answer = False
    screen.week.clear_button.click()
    assert screen.week_titles() == ["Begin met een check-in"]
    dialog_log.answer = True
    screen.week.clear_button.click()
    assert screen.week_titles() == []
    assert "confirm" in dialog_log.names()


def pdf_text(path: Path) -> str:
    return " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(path).pages)


def _export(
    screen: BelongingScreen, monkeypatch: pytest.MonkeyPatch, target: Path, kind: str
) -> None:
    monkeypatch.setattr(dialogs, "ask_save_file", lambda *_a: str(target))
    button = (
        screen.library.export.handout_button
        if kind == "handout"
        else screen.library.export.cards_button
    )
    assert button.isEnabled()
    button.click()


def test_export_favourites_as_handout(
    main_window: MainWindow,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    dialog_log,  # type: ignore[no-untyped-def]
) -> None:
    screen = open_screen(main_window)
    assert not screen.library.export.handout_button.isEnabled()  # nothing chosen yet
    for tip_id in ("check-ins", "uitzondering"):
        screen.open_tip(tip_id)
        screen.library.toggle_favourite()
    screen.set_scope("favourites")
    assert screen.library.export.scope.currentText() == "Mijn favorieten (2)"
    _export(screen, monkeypatch, tmp_path / "hand-out.pdf", "handout")
    text = pdf_text(tmp_path / "hand-out.pdf")
    assert "Begin met een check-in" in text and "Vraag naar de uitzondering" in text
    assert "Fouten maken mag" not in text
    assert dialog_log.names()[-1] == "info"


def test_export_a_selection_as_tip_cards(
    main_window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    screen = open_screen(main_window)
    rows = screen.library.rows()
    for index, tip_id in enumerate(("fouten-mogen", "energizers", "warme-landing")):
        item = screen.library.list.item(rows[tip_id])
        screen.library.list.scrollToItem(item)
        modifier = Qt.KeyboardModifier.ControlModifier if index else Qt.KeyboardModifier(0)
        center = screen.library.list.visualItemRect(item).center()
        qtbot.mouseClick(
            screen.library.list.viewport(), Qt.MouseButton.LeftButton, modifier, center
        )
    screen.set_scope("selected")
    assert screen.library.export.scope.currentText() == "Geselecteerd in de lijst (3)"
    _export(screen, monkeypatch, tmp_path / "kaarten", "cards")  # .pdf is added
    assert not (tmp_path / "kaarten").exists()
    text = pdf_text(tmp_path / "kaarten.pdf")
    for title in ("Fouten maken mag", "Gebruik energizers", "Zorg voor een warme landing"):
        assert title in text
    assert "Knip langs de stippellijnen" in text


def test_an_unwritable_export_location_is_reported(
    main_window: MainWindow,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    dialog_log,  # type: ignore[no-untyped-def]
) -> None:
    screen = open_screen(main_window)
    screen.set_scope("shown")
    blocked = tmp_path / "file"
    blocked.write_text("x")
    monkeypatch.setattr(dialogs, "ask_save_file", lambda *_a: str(blocked / "x.pdf"))
    screen.library.export.cards_button.click()
    name, args = dialog_log.calls[-1]
    assert name == "warn" and "kon niet worden opgeslagen" in str(args)


def test_why_panel_shows_definition_and_signals_and_leads_to_the_checklist(
    main_window: MainWindow,
) -> None:
    screen = open_screen(main_window)
    screen.tabs.setCurrentIndex(2)
    why = screen.tabs.currentWidget()
    text = "\n".join(label.text() for label in why.findChildren(QLabel))
    assert "Asher & Weeks, 2013" in text
    assert "Uitstelgedrag" in text and "Terugtrekkend gedrag" in text
    assert "J. Dopmeijer" in text
    button = next(
        b
        for b in why.findChildren(type(screen.library.reset_button))
        if "Naar Signalering" in b.text()
    )
    button.click()
    assert main_window.current_area() == "signalering"


def test_another_screen_can_open_a_theme_or_a_tip(main_window: MainWindow) -> None:
    main_window.navigate("belonging", "binding")
    screen = main_window.current_screen()
    assert isinstance(screen, BelongingScreen)
    assert screen.library.theme.currentData() == "binding"
    main_window.navigate("belonging", "uitzondering")
    assert screen.current_tip().id == "uitzondering"  # type: ignore[union-attr]


def test_english_interface_and_content(main_window: MainWindow) -> None:
    assert main_window.set_language("en")
    screen = open_screen(main_window)
    assert i18n.language() == "en"
    assert "Start with a check-in" in screen.shown_titles()
    assert screen.tabs.tabText(2) == "Why?"
    screen.open_tip("check-ins")
    assert "translated from Dutch" in detail_text(screen)


def test_tab_goes_from_the_list_to_the_tip_buttons_and_through_the_week(
    main_window: MainWindow, qtbot: QtBot
) -> None:
    screen = open_screen(main_window)
    screen.open_tip("check-ins")
    qtbot.waitUntil(lambda: screen.library.favourite_button.isVisible())  # type: ignore[union-attr]
    screen.library.list.setFocus()
    qtbot.keyClick(screen.library.list, Qt.Key.Key_Tab)
    assert screen.focusWidget() is screen.library.favourite_button
    qtbot.keyClick(screen.library.favourite_button, Qt.Key.Key_Space)
    assert screen.store.is_favourite("check-ins")
    qtbot.keyClick(screen.library.favourite_button, Qt.Key.Key_Tab)
    assert screen.focusWidget() is screen.library.week_button
    qtbot.keyClick(screen.library.week_button, Qt.Key.Key_Space)
    assert screen.week_titles() == ["Begin met een check-in"]

    screen.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: screen.week.outcomes["check-ins"].isVisible())
    screen.week.setFocus()
    qtbot.keyClick(screen.week, Qt.Key.Key_Tab)
    assert screen.focusWidget() is screen.week.outcomes["check-ins"]
    qtbot.keyClick(screen.week.outcomes["check-ins"], Qt.Key.Key_Tab)
    assert screen.focusWidget() is screen.week.reflections["check-ins"]


def test_a_damaged_favourites_file_is_reported_once_and_kept(
    main_window: MainWindow,
    qtbot: QtBot,
    dialog_log,  # type: ignore[no-untyped-def]
) -> None:
    store = BelongingStore()
    store.path.parent.mkdir(parents=True, exist_ok=True)
    store.path.write_text("{ kapot", "utf-8")
    screen = open_screen(main_window)
    qtbot.waitUntil(lambda: "warn" in dialog_log.names())
    assert "belonging.json" in str(dialog_log.calls[-1][1])
    assert list(store.path.parent.glob("belonging.corrupt-*.json"))
    assert screen.store.favourites() == []
