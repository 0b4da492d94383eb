"""The dialog seam: safe defaults, plain text, and the app's look."""

from __future__ import annotations

from pathlib import Path

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


def _save(
    monkeypatch: pytest.MonkeyPatch, chosen: str | None, write: object
) -> tuple[object, list[tuple[str, str]]]:
    told: list[tuple[str, str]] = []
    monkeypatch.setattr(dialogs, "ask_save_file", lambda *_a: chosen)
    monkeypatch.setattr(dialogs, "info", lambda _p, title, text: told.append(("info", text)))
    monkeypatch.setattr(dialogs, "warn", lambda _p, title, text: told.append(("warn", text)))
    saved = dialogs.save_pdf(
        None,
        title="Opslaan",
        suggested="route.pdf",
        filters="PDF (*.pdf)",
        write=write,  # type: ignore[arg-type]
        failed_title="Mislukt",
        done_title="Klaar",
        done=lambda path: f"Opgeslagen in {path}",
    )
    return saved, told


def test_a_pdf_saved_under_a_name_without_pdf_gets_it_and_the_user_is_told_where(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    written: list[Path] = []
    saved, told = _save(monkeypatch, str(tmp_path / "route"), written.append)
    assert written == [tmp_path / "route.pdf"] and saved == tmp_path / "route.pdf"
    assert told == [("info", f"Opgeslagen in {tmp_path / 'route.pdf'}")]
    # A name that already ends in .pdf (any case) is kept as typed.
    written.clear()
    _save(monkeypatch, str(tmp_path / "Route.PDF"), written.append)
    assert written == [tmp_path / "Route.PDF"]


def test_a_pdf_that_cannot_be_written_is_reported_and_not_called_saved(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from docentwijzer.pdf import PdfWriteError

    def fail(_path: Path) -> None:
        raise PdfWriteError("De map is alleen-lezen.")

    saved, told = _save(monkeypatch, str(tmp_path / "route.pdf"), fail)
    assert saved is None
    assert told == [("warn", "De map is alleen-lezen.")]


def test_cancelling_the_save_dialog_writes_nothing_and_says_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    saved, told = _save(monkeypatch, None, lambda _p: pytest.fail("nothing may be written"))
    assert saved is None and told == []
