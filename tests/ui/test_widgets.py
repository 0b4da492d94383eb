"""Shared components: one control per choice, text that wraps, targets that fit the text."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from tests.ui.test_accessibility import accessible_name

from docentwijzer.ui.mainwindow import MainWindow
from docentwijzer.ui.widgets import WrapCheckBox


def test_a_wrapping_check_box_is_one_control_read_once(
    qtbot: QtBot, main_window: MainWindow
) -> None:
    text = "Mensen om me heen kunnen me helpen met druk of stress, ook als het even tegenzit"
    box = WrapCheckBox(text)
    qtbot.addWidget(box)
    box.show()
    assert accessible_name(box) == text
    assert not box.findChildren(QLabel)  # no label beside it to be read a second time
    assert box.heightForWidth(160) > box.heightForWidth(1000)  # the text wraps
    box.resize(300, box.heightForWidth(300))
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(250, 10))  # on the text
    assert box.isChecked()


def test_the_openness_exercise_has_no_clickable_text_beside_its_choices(
    main_window: MainWindow,
) -> None:
    main_window.navigate("openheid")
    screen = main_window.current_screen()
    screen.start()  # type: ignore[attr-defined]
    from docentwijzer.ui.openheid.screen import STEPS

    screen.go([key for key, _build in STEPS].index("wie"))  # type: ignore[attr-defined]
    page = screen.current_page()  # type: ignore[attr-defined]
    boxes = page.findChildren(WrapCheckBox)
    assert boxes
    for box in boxes:
        assert not [
            label for label in box.parentWidget().findChildren(QLabel) if label.text() == box.text()
        ]
