"""Keyboard focus is always visible, and Tab stops only where something can be done."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.pixels import focus_change, settle

from docentwijzer.ui.areas import AREAS
from docentwijzer.ui.mainwindow import MainWindow


def test_each_start_button_shows_a_ring_when_tabbed_to(main_window: MainWindow) -> None:
    home = main_window.current_screen()
    away = main_window.acute_bar.button
    for key, button in home.situation_buttons.items():  # type: ignore[attr-defined]
        changed, perimeter = focus_change(main_window, button, away)
        assert changed >= perimeter, f"{key}: only {changed} pixels show focus"


def test_the_navigation_shows_focus_apart_from_the_selected_row(main_window: MainWindow) -> None:
    nav = main_window.nav
    assert nav.currentRow() == 0  # Start is selected
    home = main_window.current_screen()
    changed, perimeter = focus_change(
        main_window,
        nav,
        home.situation_buttons["zorgen"],  # type: ignore[attr-defined]
    )
    assert changed >= perimeter, f"focus on the selected row: {changed} pixels change"


def test_focus_by_mouse_click_draws_no_ring(main_window: MainWindow, qtbot: QtBot) -> None:
    from docentwijzer.ui import focusring

    home = main_window.current_screen()
    button = home.situation_buttons["les"]  # type: ignore[attr-defined]
    button.setFocus(Qt.FocusReason.TabFocusReason)
    settle()
    rings = focusring.rings()
    assert rings is not None and rings.ring is not None and rings.ring.isVisible()
    main_window.navigate("over")
    settle()
    assert not rings.ring.isVisible() or rings.ring.target is not button


@pytest.mark.parametrize("area_id", [a.id for a in AREAS])
def test_a_page_is_no_tab_stop_and_no_label_claims_focus(
    main_window: MainWindow, area_id: str
) -> None:
    main_window.navigate(area_id)
    settle()
    screen = main_window.current_screen()
    scroll_areas = [
        w for w in screen.findChildren(QScrollArea) if w.isVisible() and type(w) is QScrollArea
    ]
    assert all(a.focusPolicy() == Qt.FocusPolicy.NoFocus for a in scroll_areas)
    focusable_labels = [
        label.text()[:40]
        for label in screen.findChildren(QLabel)
        if label.isVisible()
        and label.focusPolicy() != Qt.FocusPolicy.NoFocus
        and not label.openExternalLinks()
        and "<a " not in label.text()
    ]
    assert not focusable_labels, f"{area_id}: labels that report 'focusable': {focusable_labels}"


def test_return_presses_the_focused_start_button(main_window: MainWindow, qtbot: QtBot) -> None:
    home = main_window.current_screen()
    button = home.situation_buttons["zorgen"]  # type: ignore[attr-defined]
    button.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(button, Qt.Key.Key_Return)
    assert main_window.current_area() == "signalering"


def test_tabbing_to_a_control_below_the_fold_scrolls_it_into_view(
    main_window: MainWindow,
) -> None:
    main_window.resize(1100, 480)
    main_window.navigate("over")
    settle()
    screen = main_window.current_screen()
    area = screen.scroll_area
    assert area is not None
    bar = area.verticalScrollBar()
    assert bar.maximum() > 0, "the page must be longer than the window for this test"
    bar.setValue(0)
    focusable = [
        w
        for w in screen.body_widget.findChildren(QWidget)
        if w.isVisible() and w.focusPolicy() & Qt.FocusPolicy.TabFocus
    ]
    target = max(focusable, key=lambda w: w.mapTo(screen.body_widget, w.rect().topLeft()).y())
    target.setFocus(Qt.FocusReason.TabFocusReason)
    QApplication.processEvents()
    top = target.mapTo(area.viewport(), target.rect().topLeft()).y()
    assert 0 <= top < area.viewport().height()


def test_tabbing_into_a_panel_inside_the_page_scrolls_the_page_too(
    main_window: MainWindow,
) -> None:
    """Belonging at 200% text: the open tip is a panel (a scroll area of its own) below the
    list; tabbing to its buttons must scroll the page, not only the panel."""
    assert main_window.set_text_scale(200)
    main_window.resize(1024, 768)
    main_window.navigate("belonging")
    settle()
    screen = main_window.current_screen()
    page = screen.scroll_area
    assert page is not None
    page.verticalScrollBar().setValue(0)
    button = screen.library.favourite_button  # type: ignore[attr-defined]
    assert button.mapTo(page.viewport(), button.rect().topLeft()).y() > page.viewport().height()
    button.setFocus(Qt.FocusReason.TabFocusReason)
    QApplication.processEvents()
    top = button.mapTo(page.viewport(), button.rect().topLeft()).y()
    main_window.set_text_scale(100)
    assert top >= 0 and top + button.height() <= page.viewport().height()


def test_urgent_help_opens_at_its_top_even_with_a_button_at_the_bottom(
    main_window: MainWindow, qtbot: QtBot
) -> None:
    qtbot.keyClick(main_window, Qt.Key.Key_F1)
    assert main_window.current_area() == "acuut"
    settle()
    area = main_window.current_screen().scroll_area
    assert area is not None and area.verticalScrollBar().value() == 0
