"""The theme: palette, one sheet per region, and a style that does not crash the process."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtGui import QImage, QStandardItemModel
from PySide6.QtWidgets import QApplication, QComboBox, QTableView, QWidget
from pytestqt.qtbot import QtBot

from docentwijzer.ui import appstyle, theme
from docentwijzer.ui.mainwindow import MainWindow


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12")
def test_drawing_through_the_app_style_cannot_use_up_none(qtbot: QtBot, qapp) -> None:  # type: ignore[no-untyped-def]
    # PySide6 drops a reference to None on each QStyle call made from Python (AppStyle does
    # thousands); without the shield the process aborts ("none_dealloc") after a while.
    appstyle.install(qapp)  # as the app does after its first paint (and shields None there)
    theme.apply_theme(qapp, "light", 100)
    table, combo = QTableView(), QComboBox()
    qtbot.addWidget(table)
    qtbot.addWidget(combo)
    table.setModel(QStandardItemModel(20, 3, table))
    combo.addItems(["a", "b"])
    image = QImage(300, 300, QImage.Format.Format_RGB32)
    before = sys.getrefcount(None)
    for _ in range(20):
        table.render(image)
        combo.render(image)
    lost = before - sys.getrefcount(None)
    assert lost > 0, "the PySide6 bug is gone: shield_none() can be removed"
    assert sys.getrefcount(None) > 1 << 39


def test_a_scheme_switch_restyles_what_is_shown_and_later_what_is_hidden(
    main_window: MainWindow,
) -> None:
    main_window.navigate("over")
    main_window.navigate("start")
    about = main_window.screen_for("over")
    home = main_window.current_screen()
    main_window.set_color_scheme("dark")
    dark = theme.current_sheet()
    assert home.styleSheet() == dark and main_window.nav.styleSheet() == dark
    assert about.styleSheet() != dark  # hidden: restyled when shown, not now
    main_window.navigate("over")
    assert about.styleSheet() == dark
    main_window.set_color_scheme("light")


def test_no_sheet_on_the_application_or_a_single_widget(main_window: MainWindow) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication) and app.styleSheet() == ""
    regions = {main_window.nav, main_window.acute_bar, main_window.current_screen()}
    own = [
        w.objectName() or type(w).__name__
        for w in main_window.findChildren(QWidget)
        if w.styleSheet() and w not in regions
    ]
    assert not own, f"widgets with a style sheet of their own: {own}"


def test_a_rich_label_is_read_by_its_words_not_its_markup(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QLabel

    assert theme.plain_text("<b>The student&#x27;s own GP</b><br>calls") == (
        "The student's own GP\ncalls"
    )
    label = QLabel("<b>Studentpsycholoog</b><br><i>vul in</i>")
    qtbot.addWidget(label)
    label.setAccessibleName(label.text())  # as a screen once did
    theme.plain_name(label)
    assert label.accessibleName() == "Studentpsycholoog\nvul in"
