"""The dialog seam: safe defaults, plain text, and the app's look."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from docentwijzer.ui import dialogs


@pytest.mark.qt_log_ignore("propagateSizeHints")  # the offscreen platform, showing a dialog
def test_discard_dialog_keeps_the_work_on_return_and_on_escape(qtbot: QtBot) -> None:
    box, discard = dialogs.discard_box(None)
    qtbot.addWidget(box)
    stay = box.defaultButton()
    assert stay is not None and stay is not discard
    assert stay.text() == "Hier blijven"
    assert box.escapeButton() is stay
    assert not discard.isDefault() and not discard.autoDefault()
    assert discard.property("variant") == "danger"  # danger outline, never a red fill

    box.show()
    qtbot.waitExposed(box)
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert box.clickedButton() is stay


def test_message_text_is_plain_so_a_screen_reader_reads_no_markup(qtbot: QtBot) -> None:
    box = dialogs._box(None, QMessageBox.Icon.Information, "Titel", "<b>vet</b>")
    qtbot.addWidget(box)
    assert box.textFormat() == Qt.TextFormat.PlainText
