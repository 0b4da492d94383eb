"""The main window as a teacher meets it: reach every area, acute help always in sight."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QLabel,
    QScrollArea,
    QScrollBar,
    QWidget,
)
from pytestqt.qtbot import QtBot

from docentwijzer import i18n, paths
from docentwijzer.settings import Settings, SettingsStore

from docentwijzer.ui.areas import AREAS, nav_areas
from docentwijzer.ui.mainwindow import MainWindow
from docentwijzer.ui.placeholder import ErrorScreen, PlaceholderScreen


def visible_texts(window: MainWindow) -> str:
    return "\n".join(
        label.text() for label in window.current_screen().findChildren(QLabel) if label.isVisible()
    )


def test_opens_on_start_with_situations_disclaimer_and_acute_bar(main_window: MainWindow) -> None:
    assert main_window.current_area() == "start"
    text = visible_texts(main_window)
    assert "geen diagnose" in text
    home = main_window.current_screen()
    labels = [b.title for b in home.situation_buttons.values()]  # type: ignore[attr-defined]
    assert labels == [
        "Ik maak me zorgen om een student",
        "Een gesprek oefenen",
        "Gesprek over openheid met een student",
        "Les voorbereiden: sense of belonging",
        "Training geven",
        "Mijn notities",
    ]
    bar = main_window.acute_bar.text()
    assert "112" in bar and "113 of 0800-0113" in bar and "113.nl" in bar


def test_every_area_is_reachable_by_mouse_with_the_acute_bar_visible(
    main_window: MainWindow, qtbot: QtBot
) -> None:
    nav = main_window.nav
    for row, entry in enumerate(nav_areas()):
        item = nav.item(row)
        rect = nav.visualItemRect(item)
        qtbot.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert main_window.current_area() == entry.id
        assert main_window.acute_bar.isVisible()
        assert not isinstance(main_window.current_screen(), ErrorScreen)


def test_every_area_is_reachable_by_keyboard(main_window: MainWindow, qtbot: QtBot) -> None:
    for index, entry in enumerate(nav_areas(), start=1):  # Ctrl+1 … Ctrl+9, then Ctrl+0
        qtbot.keyClick(
            main_window, Qt.Key(Qt.Key.Key_0 + index % 10), Qt.KeyboardModifier.ControlModifier
        )
        assert main_window.current_area() == entry.id
    main_window.nav.setFocus()
    qtbot.keyClick(main_window.nav, Qt.Key.Key_Home)
    assert main_window.current_area() == "start"
    qtbot.keyClick(main_window.nav, Qt.Key.Key_Down)
    assert main_window.current_area() == "signalering"


def test_unbuilt_areas_say_so_plainly(main_window: MainWindow) -> None:
    for entry in AREAS:
        main_window.navigate(entry.id)
        if entry.factory is None:
            assert isinstance(main_window.current_screen(), PlaceholderScreen)
            assert "nog in aanbouw" in visible_texts(main_window)


def test_acute_bar_click_and_f1_open_urgent_guidance_from_anywhere(
    main_window: MainWindow, qtbot: QtBot
) -> None:
    main_window.navigate("over")
    qtbot.mouseClick(main_window.acute_bar.button, Qt.MouseButton.LeftButton)
    assert main_window.current_area() == "acuut"
    text = visible_texts(main_window)
    assert "Bel 112" in text and "0800-0113" in text and "Beloof geen geheimhouding" in text
    assert "gecontroleerd: november 2026" in text.lower()
    main_window.navigate("start")
    qtbot.keyClick(main_window, Qt.Key.Key_F1)
    assert main_window.current_area() == "acuut"


def test_home_situation_buttons_open_their_area(main_window: MainWindow, qtbot: QtBot) -> None:
    home = main_window.current_screen()
    qtbot.mouseClick(home.situation_buttons["zorgen"], Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    assert main_window.current_area() == "signalering"
    main_window.navigate("start")
    button = main_window.current_screen().situation_buttons["les"]  # type: ignore[attr-defined]
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)
    assert main_window.current_area() == "belonging"


def test_switching_to_english_rebuilds_the_interface_and_is_remembered(
    main_window: MainWindow,
) -> None:
    assert main_window.set_language("en")
    assert main_window.nav.item(2).text() == "Referral guide"
    assert main_window.acute_bar.text().startswith("Immediate danger? Call 112")
    assert "does not diagnose" in visible_texts(main_window)
    saved = json.loads(paths.settings_file().read_text())
    assert saved["language"] == "en"
    assert SettingsStore().load().value.language == "en"


def test_qt_dialog_buttons_follow_the_language(main_window: MainWindow) -> None:
    assert QCoreApplication.translate("QPlatformTheme", "&Yes") == "&Ja"
    main_window.set_language("en")
    assert QCoreApplication.translate("QPlatformTheme", "&Yes") == "&Yes"


def test_leaving_a_screen_with_unsaved_input_asks_first(
    main_window: MainWindow,
    dialog_log,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    home = main_window.current_screen()
    discarded: list[bool] = []
    monkeypatch.setattr(home, "has_unsaved_changes", lambda: True)
    monkeypatch.setattr(home, "discard_changes", lambda: discarded.append(True))
    dialog_log.answer = False
    assert not main_window.navigate("over")
    assert main_window.current_area() == "start"
    assert main_window.nav.currentRow() == 0
    dialog_log.answer = True
    assert main_window.navigate("over")
    assert discarded == [True]
    assert dialog_log.names() == ["confirm_discard", "confirm_discard"]


def test_save_as_note_opens_the_notes_area(main_window: MainWindow, dialog_log) -> None:  # type: ignore[no-untyped-def]
    from docentwijzer.handoff import NoteDraft

    assert main_window.save_as_note(NoteDraft(pseudonym="AB")) is True
    assert main_window.current_area() == "notities"
    assert dialog_log.names() == []


def test_a_corrupt_settings_file_is_reported_after_start(
    qtbot: QtBot,
    qapp,
    dialog_log,  # type: ignore[no-untyped-def]
) -> None:
    paths.settings_file().write_text("{{{{")
    store = SettingsStore()
    loaded = store.load()
    window = MainWindow(loaded.value, store, notices=[loaded.notice or ""])
    qtbot.addWidget(window)
    window.show_notices()
    assert dialog_log.names() == ["warn"]
    assert "beschadigd" in str(dialog_log.calls[0][1])


def test_dark_scheme_from_setting_and_environment(
    main_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = QApplication.instance()
    main_window.set_color_scheme("dark")
    assert app.palette().color(QPalette.ColorRole.Window).lightness() < 80  # type: ignore[union-attr]
    main_window.set_color_scheme("light")
    assert app.palette().color(QPalette.ColorRole.Window).lightness() > 180  # type: ignore[union-attr]
    monkeypatch.setenv("DOCENTWIJZER_COLOR_SCHEME", "dark")
    main_window.set_color_scheme("light")
    assert app.palette().color(QPalette.ColorRole.Window).lightness() < 80  # type: ignore[union-attr]


def test_text_size_200_percent_doubles_the_font(main_window: MainWindow) -> None:
    app = QApplication.instance()
    before = app.font().pointSizeF()  # type: ignore[union-attr]
    assert main_window.set_text_scale(200)
    assert app.font().pointSizeF() == pytest.approx(before * 2)  # type: ignore[union-attr]
    assert main_window.acute_bar.isVisible()
    main_window.set_text_scale(100)


def test_both_languages_build_every_screen(qtbot: QtBot, qapp) -> None:  # type: ignore[no-untyped-def]
    for lang in i18n.LANGUAGES:
        i18n.set_language(lang)
        window = MainWindow(Settings(language=lang))
        qtbot.addWidget(window)
        for entry in AREAS:
            window.navigate(entry.id)
            assert not isinstance(window.current_screen(), ErrorScreen)
            assert "⟨" not in visible_texts(window)


def test_at_200_percent_in_a_narrow_window_nothing_is_cut_off(
    main_window: MainWindow, qtbot: QtBot
) -> None:
    assert main_window.set_text_scale(200)
    main_window.resize(760, 600)
    home = main_window.current_screen()
    qtbot.waitUntil(lambda: home.columns == 1)  # type: ignore[attr-defined]
    button = main_window.acute_bar.button
    qtbot.waitUntil(lambda: button.width() <= 760)
    # The whole warning is shown, wrapped over more than one line, not clipped.
    assert button.height() >= button.heightForWidth(button.width())
    assert button.height() > 2 * button.fontMetrics().height()
    for situation in home.situation_buttons.values():  # type: ignore[attr-defined]
        assert situation.width() >= situation.minimumSizeHint().width()
    main_window.set_text_scale(100)


def shown_scroll_bars(root: QWidget, orientation: Qt.Orientation) -> list[QScrollBar]:
    return [
        bar
        for bar in root.findChildren(QScrollBar)
        if bar.isVisible() and bar.orientation() == orientation
    ]


@pytest.mark.parametrize("scale", [100, 200])
def test_no_screen_scrolls_inside_a_scrolling_page(
    main_window: MainWindow, qtbot: QtBot, scale: int
) -> None:
    """One scroll bar per page: a panel that scrolls inside a scrolling page put two scroll
    bars side by side (Belonging at 200% text). A framed list may scroll; never sideways."""
    assert main_window.set_text_scale(scale)
    found = []
    for entry in AREAS:
        main_window.navigate(entry.id)
        QCoreApplication.processEvents()
        screen = main_window.current_screen()
        for bar in shown_scroll_bars(screen, Qt.Orientation.Vertical):
            area = bar.parentWidget().parentWidget()
            if isinstance(area, QAbstractItemView):
                continue
            page = area.parentWidget()
            while page is not None and page is not screen.parentWidget():
                if isinstance(page, QScrollArea) and page.verticalScrollBar().isVisible():
                    found.append(f"{entry.id}: {area.accessibleName()} in {page.accessibleName()}")
                    break
                page = page.parentWidget()
        for bar in shown_scroll_bars(screen, Qt.Orientation.Horizontal):
            view = bar.parentWidget().parentWidget()
            if isinstance(view, QAbstractItemView) and view.wordWrap():
                found.append(f"{entry.id}: {view.accessibleName()} scrolls sideways")
    main_window.set_text_scale(100)
    assert found == []


def test_at_200_percent_on_a_1024_pixel_screen_no_page_scrolls_sideways(
    main_window: MainWindow,
) -> None:
    """A projector or small laptop (1024×768) at 200% text: every page fits its width (Over,
    Acute hulp, Belonging and Training did not: labels, forms and button rows that do not
    wrap), and so does the trainer bar."""
    assert main_window.set_text_scale(200)
    main_window.resize(1024, 768)
    wide = []
    for entry in AREAS:
        main_window.navigate(entry.id)
        QCoreApplication.processEvents()
        screen = main_window.current_screen()
        for area in screen.findChildren(QScrollArea):
            if area.isVisible() and area.horizontalScrollBar().isVisible():
                inner = area.widget()
                need = inner.minimumSizeHint().width() if inner is not None else 0
                wide.append(f"{entry.id}: {need} px in {area.viewport().width()}")
    # The openness exercise's last page: the teacher's Bewaar/Sluiten buttons side by side.
    main_window.navigate("openheid")
    exercise = main_window.current_screen()
    exercise.start()  # type: ignore[attr-defined]
    exercise.go(len(exercise.pages) - 1)  # type: ignore[attr-defined]
    QCoreApplication.processEvents()
    for area in exercise.findChildren(QScrollArea):
        if area.isVisible() and area.horizontalScrollBar().isVisible():
            wide.append(f"openheid, last page: {area.widget().minimumSizeHint().width()} px")
    exercise.discard_changes()  # type: ignore[attr-defined]
    assert main_window.enter_trainer_mode()
    main_window.showNormal()
    main_window.resize(1024, 768)
    QCoreApplication.processEvents()
    bar = main_window.findChild(QWidget, "trainerBar")
    assert bar is not None
    if bar.minimumSizeHint().width() > 1024:
        wide.append(f"trainer bar: {bar.minimumSizeHint().width()} px")
    main_window.leave_trainer_mode()
    main_window.set_text_scale(100)
    assert wide == []


def test_situation_buttons_follow_the_in_app_text_size(main_window: MainWindow) -> None:
    def size() -> float:
        home = main_window.current_screen()
        return home.situation_buttons["zorgen"].font().pointSizeF()  # type: ignore[attr-defined]

    before = size()
    main_window.set_text_scale(200)
    assert size() == pytest.approx(before * 2)
    main_window.set_text_scale(100)


def test_idle_lock_and_retention_can_be_set_under_over_and_are_kept(
    main_window: MainWindow, qtbot: QtBot
) -> None:
    main_window.navigate("over")
    about = main_window.current_screen()
    about.idle_lock.setFocus()  # type: ignore[attr-defined]
    about.idle_lock.selectAll()  # type: ignore[attr-defined]
    qtbot.keyClicks(about.idle_lock, "15")  # type: ignore[attr-defined]
    about.retention.setValue(6)  # type: ignore[attr-defined]
    assert main_window.settings.idle_lock_minutes == 15
    saved = SettingsStore().load().value
    assert (saved.idle_lock_minutes, saved.retention_months) == (15, 6)


def test_following_the_system_scheme_when_the_desktop_switches_to_dark(
    main_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtGui import QGuiApplication

    from docentwijzer.ui import theme

    main_window.set_color_scheme("system")
    monkeypatch.setattr(theme, "effective_scheme", lambda _setting: "dark")
    QGuiApplication.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    app = QApplication.instance()
    assert app.palette().color(QPalette.ColorRole.Window).lightness() < 80  # type: ignore[union-attr]
    monkeypatch.undo()
    main_window.set_color_scheme("light")


def test_saving_a_setting_on_a_full_disk_is_reported_not_a_crash(
    main_window: MainWindow,
    dialog_log,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    def full(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    real_save = main_window.store.save
    monkeypatch.setattr(main_window.store, "save", full)
    main_window.update_settings(idle_lock_minutes=9)
    main_window.update_settings(idle_lock_minutes=10)  # a spin box: one step after another
    main_window.set_color_scheme("dark")
    assert dialog_log.names() == ["warn"]  # said once, not at every step
    message = str(dialog_log.calls[0][1])
    assert "niet bewaard" in message and "No space left on device" in message
    assert main_window.settings.idle_lock_minutes == 10  # it applies now, and the user knows
    monkeypatch.setattr(main_window.store, "save", real_save)
    main_window.set_color_scheme("light")  # saved again: a later failure is told again
    monkeypatch.setattr(main_window.store, "save", full)
    main_window.update_settings(idle_lock_minutes=11)
    assert dialog_log.names() == ["warn", "warn"]
    monkeypatch.setattr(main_window.store, "save", real_save)


def test_screens_are_prepared_while_idle_without_taking_anything_from_the_user(
    main_window: MainWindow, qtbot: QtBot, dw_home: Path
) -> None:
    before = sorted(p for p in dw_home.rglob("*") if p.is_file())
    focus = QApplication.focusWidget()
    assert not main_window.is_built("signalering")
    with qtbot.waitSignal(main_window.screens_prepared, timeout=60_000):
        main_window.prepare_screens()
    assert all(main_window.is_built(a.id) for a in AREAS)
    assert main_window.current_area() == "start" and QApplication.focusWidget() is focus
    assert sorted(p for p in dw_home.rglob("*") if p.is_file()) == before  # nothing written
    # A rebuild (here: the text size) drops the screens and prepares them again.
    assert main_window.set_text_scale(125)
    assert not main_window.is_built("signalering")
    with qtbot.waitSignal(main_window.screens_prepared, timeout=60_000):
        pass
    assert main_window.is_built("signalering")


def test_over_shows_the_language_in_use_also_when_started_with_lang_en(
    qtbot: QtBot,
    qapp,
    dialog_log,  # type: ignore[no-untyped-def]
) -> None:
    from docentwijzer.ui.application import configure

    settings = Settings(language="nl")  # stored preference
    i18n.set_language("en")  # `docentwijzer --lang en`
    configure(qapp, settings)
    window = MainWindow(settings, SettingsStore())
    qtbot.addWidget(window)
    window.show()
    window.navigate("over")
    about = window.current_screen()
    assert about.language.currentText() == "English"  # type: ignore[attr-defined]
