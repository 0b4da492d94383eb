"""Every screen, rendered in light and dark: text, control edges and the focus indicator are
measured against what is really behind them (WCAG 2.1 AA: 4.5:1 for text, 3:1 for control edges
and focus, SC 1.4.3 and 1.4.11).

Text: the colour the widget draws with (its palette after the style sheet) against the most
common colour of its area on screen. Edges: pixels at the control's edge against the pixels just
outside. Focus: Tab through the whole screen; each stop must change a ring of pixels around the
control (or around the current row of a list) by 3:1 or more.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QImage, QPalette, QRegion
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QStyle,
    QStyleOptionButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from docentwijzer.settings import Settings, SettingsStore
from tests.ui.pixels import (
    dominant_color,
    edge_contrast,
    focus_region,
    ratio,
    rect_in,
    settle,
    visible_change,
)

from docentwijzer.ui.application import configure
from docentwijzer.ui.areas import AREAS
from docentwijzer.ui.mainwindow import TRAINER_HIDDEN_AREAS, MainWindow
from docentwijzer.ui.widgets import CardButton

AREA_IDS = [a.id for a in AREAS]


@pytest.fixture(params=["light", "dark"])
def window(request, qtbot: QtBot, qapp, dialog_log) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    settings = Settings(color_scheme=request.param)
    configure(qapp, settings)
    win = MainWindow(settings, SettingsStore())
    qtbot.addWidget(win)
    win.resize(1100, 760)
    win.show()
    qtbot.waitExposed(win)
    yield win
    configure(qapp, Settings())


def shown(root: QWidget, kind: type[QWidget]) -> list[QWidget]:
    return [
        w
        for w in root.findChildren(kind)
        if w.isVisible() and w.width() > 4 and w.height() > 4 and not w.visibleRegion().isEmpty()
    ]


def screenshot(window: MainWindow) -> QImage:
    return window.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)


def _text_problems(window: MainWindow, image: QImage) -> list[str]:
    problems = []
    root = window.centralWidget()
    for label in shown(root, QLabel):
        if not label.text().strip() or not label.isEnabled() or label.pixmap() is not None:
            continue
        rect = rect_in(window, label).intersected(QRect(0, 0, image.width(), image.height()))
        if rect.width() < 4 or rect.height() < 4:
            continue
        background = dominant_color(image.copy(rect))
        color = label.palette().color(QPalette.ColorRole.WindowText)
        value = ratio(color, background)
        if value < 4.5:
            problems.append(f"text {label.text()[:30]!r}: {value:.2f}")
    for button in shown(root, QAbstractButton):
        if isinstance(button, (QCheckBox, QRadioButton)) or not button.isEnabled():
            continue
        if not button.text().strip():
            continue
        rect = rect_in(window, button).adjusted(3, 3, -3, -3)
        rect = rect.intersected(QRect(0, 0, image.width(), image.height()))
        if rect.width() < 4 or rect.height() < 4:
            continue  # outside the window (a page scrolled sideways)
        background = dominant_color(image.copy(rect), step=2)
        color = button.palette().color(QPalette.ColorRole.ButtonText)
        value = ratio(color, background)
        if value < 4.5:
            problems.append(f"button text {button.text()[:30]!r}: {value:.2f}")
    return problems


def _edge_problems(window: MainWindow, image: QImage) -> list[str]:
    problems = []
    root = window.centralWidget()
    fields = (QLineEdit, QPlainTextEdit, QComboBox, QAbstractSpinBox)
    for kind in (*fields, QPushButton):
        for control in shown(root, kind):
            if not control.isEnabled() or (isinstance(control, QPushButton) and control.isFlat()):
                continue
            if isinstance(control, QLineEdit) and isinstance(
                control.parentWidget(), (QComboBox, QAbstractSpinBox)
            ):
                continue  # the inner editor of a combo or spin box: the box has the edge
            if control.visibleRegion().boundingRect() != control.rect():
                continue  # partly scrolled out of view: its edges are the page's edge
            value = edge_contrast(image, rect_in(window, control))
            if value < 3.0:
                name = control.accessibleName() or control.objectName() or type(control).__name__
                problems.append(f"edge of {type(control).__name__} {name[:30]!r}: {value:.2f}")
    for box in shown(root, QCheckBox) + shown(root, QRadioButton):
        if not box.isEnabled():
            continue
        option = QStyleOptionButton()
        option.initFrom(box)
        element = (
            QStyle.SubElement.SE_CheckBoxIndicator
            if isinstance(box, QCheckBox)
            else QStyle.SubElement.SE_RadioButtonIndicator
        )
        indicator = box.style().subElementRect(element, option, box)
        if not QRegion(indicator).subtracted(box.visibleRegion()).isEmpty():
            continue  # partly scrolled out of the page: its edge is not all on screen
        rect = QRect(box.mapTo(window, indicator.topLeft()), indicator.size())
        value = edge_contrast(image, rect)
        if value < 3.0:
            problems.append(f"indicator of {box.text()[:30]!r}: {value:.2f}")
    return problems


def _tab_stops(window: MainWindow, screen: QWidget, limit: int = 150) -> list[QWidget]:
    screen.focus_first()  # type: ignore[attr-defined]
    settle()
    stops: list[QWidget] = []
    for _ in range(limit):
        widget = QApplication.focusWidget()
        if widget is None or not screen.isAncestorOf(widget) or widget in stops:
            break
        stops.append(widget)
        window.focusNextChild()
        settle()
    return stops


def _focus_problems(window: MainWindow, screen: QWidget) -> list[str]:
    """Tab through the screen; at each stop compare the screen with focus there and with focus
    parked on the acute-help bar (outside the page, so nothing scrolls in between)."""
    problems = []
    park = window.acute_bar.button
    screen.focus_first()  # type: ignore[attr-defined]
    settle()
    seen: list[QWidget] = []
    current = QApplication.focusWidget()
    for _ in range(150):
        if current is None or not screen.isAncestorOf(current) or current in seen:
            break
        seen.append(current)
        focused = screenshot(window)
        region = focus_region(window, current, margin=0)
        park.setFocus(Qt.FocusReason.TabFocusReason)
        settle()
        parked = screenshot(window)
        share = visible_change(parked, focused, region)
        if share < 0.75:
            name = current.accessibleName() or current.objectName() or type(current).__name__
            problems.append(f"focus on {type(current).__name__} {name[:30]!r}: {share:.0%} changes")
        current.setFocus(Qt.FocusReason.TabFocusReason)
        settle()
        window.focusNextChild()
        settle()
        current = QApplication.focusWidget()
    return problems


@pytest.mark.parametrize("area_id", AREA_IDS)
def test_text_and_control_edges_stand_out(window: MainWindow, area_id: str) -> None:
    window.navigate(area_id)
    window.acute_bar.button.setFocus(Qt.FocusReason.TabFocusReason)
    settle()
    image = screenshot(window)
    problems = _text_problems(window, image) + _edge_problems(window, image)
    assert not problems, f"{area_id}: {problems}"


@pytest.mark.parametrize("area_id", AREA_IDS)
def test_every_tab_stop_shows_focus(window: MainWindow, area_id: str) -> None:
    window.navigate(area_id)
    settle()
    problems = _focus_problems(window, window.current_screen())
    assert not problems, f"{area_id}: {problems}"


@pytest.fixture(params=["light", "dark"])
def trainer_window(request, qtbot: QtBot, qapp, dialog_log) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    """Trainer mode: the high-contrast look at 200% text, full screen, on a light or dark
    desktop."""
    settings = Settings(color_scheme=request.param)
    configure(qapp, settings)
    win = MainWindow(settings, SettingsStore())
    qtbot.addWidget(win)
    win.resize(1100, 760)
    win.show()
    qtbot.waitExposed(win)
    assert win.enter_trainer_mode()
    # Full screen on a 1024×768 projector (the test platform's screen is 800×800).
    win.showNormal()
    win.resize(1024, 768)
    settle()
    yield win
    win.leave_trainer_mode()
    configure(qapp, Settings())


TRAINER_AREA_IDS = [a for a in AREA_IDS if a not in TRAINER_HIDDEN_AREAS]


@pytest.mark.parametrize("area_id", TRAINER_AREA_IDS)
def test_in_trainer_mode_text_edges_and_focus_stand_out(
    trainer_window: MainWindow, area_id: str
) -> None:
    """What the room sees on the projector: the same measures in the high-contrast look."""
    window = trainer_window
    assert window.navigate(area_id)
    window.acute_bar.button.setFocus(Qt.FocusReason.TabFocusReason)
    settle()
    image = screenshot(window)
    problems = _text_problems(window, image) + _edge_problems(window, image)
    problems += _focus_problems(window, window.current_screen())
    assert not problems, f"trainer mode, {area_id}: {problems}"


def test_start_cards_are_painted_with_readable_text(window: MainWindow) -> None:
    from docentwijzer.ui import theme

    colors = theme.current().colors
    home = window.current_screen()
    for button in home.situation_buttons.values():  # type: ignore[attr-defined]
        assert isinstance(button, CardButton)
        image = screenshot(window)
        background = dominant_color(image.copy(rect_in(window, button).adjusted(4, 4, -4, -4)))
        assert ratio(colors.text, background) >= 4.5
        assert ratio(colors.muted, background) >= 4.5
