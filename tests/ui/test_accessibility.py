"""Every screen by keyboard and for screen readers, and readable at 200% text size.

Walks every area in both languages: each control that takes keyboard focus must have an
accessible name (what a screen reader says), Tab must reach it, and at 200% text in a 1280×720
window no label or button may be squeezed below the size its text needs.
"""

from __future__ import annotations

import re

import pytest
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from docentwijzer import i18n
from docentwijzer.settings import Settings

from docentwijzer.ui.application import configure
from docentwijzer.ui.areas import AREAS
from docentwijzer.ui.mainwindow import MainWindow

AREA_IDS = [a.id for a in AREAS]


def focusable(root: QWidget) -> list[QWidget]:
    from PySide6.QtCore import Qt

    return [
        w
        for w in root.findChildren(QWidget)
        if w.isVisible() and w.isEnabled() and w.focusPolicy() & Qt.FocusPolicy.TabFocus
    ]


def accessible_name(widget: QWidget) -> str:
    iface = QAccessible.queryAccessibleInterface(widget)
    return iface.text(QAccessible.Text.Name).strip() if iface is not None else ""


@pytest.fixture
def window(qtbot: QtBot, qapp, dialog_log) -> MainWindow:  # type: ignore[no-untyped-def]
    configure(qapp, Settings())
    win = MainWindow(Settings())
    qtbot.addWidget(win)
    win.resize(1280, 720)
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
@pytest.mark.parametrize("area_id", AREA_IDS)
def test_every_focusable_control_has_an_accessible_name(
    window: MainWindow, area_id: str, lang: str
) -> None:
    if lang != "nl":
        window.set_language(lang)
    window.navigate(area_id)
    QApplication.processEvents()
    nameless = [
        f"{type(w).__name__}({w.objectName() or '?'})"
        for w in focusable(window.current_screen())
        if not accessible_name(w)
    ]
    assert not nameless, f"{area_id}: controls without an accessible name: {nameless}"


@pytest.mark.parametrize("area_id", AREA_IDS)
def test_tab_reaches_every_control_of_the_screen(
    window: MainWindow, qtbot: QtBot, area_id: str
) -> None:
    from PySide6.QtCore import Qt

    window.navigate(area_id)
    QApplication.processEvents()
    screen = window.current_screen()
    # A widget that hands its focus to another (a tab widget to its tab bar) is reached there.
    wanted = {w.focusProxy() or w for w in focusable(screen)}
    window.acute_bar.button.setFocus()
    reached: set[QWidget] = set()
    for _ in range(4 * len(wanted) + 40):
        qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_Tab)
        current = QApplication.focusWidget()
        assert current is not None and current.isVisible(), "focus went to an invisible widget"
        if current in wanted:
            reached.add(current)
            # Buttons of an exclusive group are one Tab stop; the arrow keys move inside it.
            group = current.group() if isinstance(current, QAbstractButton) else None
            if group is not None and group.exclusive():
                reached.update(b for b in group.buttons() if b in wanted)
        if reached == wanted:
            break
    missing = [f"{type(w).__name__}({w.objectName()})" for w in wanted - reached]
    assert not missing, f"{area_id}: Tab never reaches {missing}"


@pytest.mark.parametrize("area_id", AREA_IDS)
def test_nothing_is_clipped_at_200_percent(window: MainWindow, area_id: str) -> None:
    assert window.set_text_scale(200)
    window.resize(1280, 720)
    window.navigate(area_id)
    for _ in range(3):
        QApplication.processEvents()
    clipped = []
    for widget in window.current_screen().findChildren(QWidget):
        if not widget.isVisible() or widget.width() == 0:
            continue
        if isinstance(widget, QLabel) and widget.wordWrap() and widget.text():
            needed = widget.heightForWidth(widget.width())
            if needed > widget.height() + 2:
                clipped.append(f"label {widget.text()[:40]!r}: {widget.height()} < {needed}")
            shown = re.sub(r"<[^>]+>", " ", widget.text())
            if widget.buddy() is not None:  # "&Wachtwoord": the & marks the shortcut letter
                shown = re.sub(r"&(.)", r"\1", shown)
            words = re.split(r"[\s\u200b]+", shown)
            longest = max((widget.fontMetrics().horizontalAdvance(w) for w in words), default=0)
            if longest > widget.contentsRect().width() + 2:
                clipped.append(f"label {widget.text()[:40]!r}: a word does not fit its width")
        elif isinstance(widget, (QLabel, QAbstractButton)) and widget.text():
            hint = widget.minimumSizeHint()
            if widget.width() + 2 < hint.width() or widget.height() + 2 < hint.height():
                clipped.append(f"{type(widget).__name__} {widget.text()[:40]!r}")
    window.set_text_scale(100)
    assert not clipped, f"{area_id}: {clipped}"
