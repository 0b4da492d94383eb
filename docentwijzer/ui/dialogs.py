"""The one seam for every modal dialog; tests monkeypatch these functions.

Standard buttons read Dutch through Qt's own ``qtbase_nl`` translation.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import time
from pathlib import Path

from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from docentwijzer.i18n import t

from docentwijzer.ui.theme import style_dialog


def _box(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
    box = QMessageBox(parent)
    box.setIcon(icon)
    box.setWindowTitle(title)
    box.setTextFormat(Qt.TextFormat.PlainText)  # a screen reader reads no markup
    box.setText(text)
    style_dialog(box)
    return box


def info(parent: QWidget | None, title: str, text: str) -> None:
    _box(parent, QMessageBox.Icon.Information, title, text).exec()


def warn(parent: QWidget | None, title: str, text: str) -> None:
    _box(parent, QMessageBox.Icon.Warning, title, text).exec()


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    box = _box(parent, QMessageBox.Icon.Question, title, text)
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    box.setEscapeButton(QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes


def discard_box(parent: QWidget | None) -> tuple[QMessageBox, QPushButton]:
    """ "Weggooien?" with "Hier blijven" as both the default (Return) and Esc: Return never throws
    work away. Returns the box and its discard button."""
    box = _box(parent, QMessageBox.Icon.Question, t("app.discard_title"), t("app.discard_text"))
    stay = box.addButton(t("app.discard_no"), QMessageBox.ButtonRole.RejectRole)
    discard = box.addButton(t("app.discard_yes"), QMessageBox.ButtonRole.DestructiveRole)
    discard.setProperty("variant", "danger")
    discard.setAutoDefault(False)
    box.setDefaultButton(stay)
    box.setEscapeButton(stay)
    return box, discard


def confirm_discard(parent: QWidget | None) -> bool:
    """Ask before unsaved work on a screen is thrown away."""
    box, discard = discard_box(parent)
    box.exec()
    return box.clickedButton() is discard


def confirm_delete(parent: QWidget | None, what: str) -> bool:
    return confirm(parent, t("app.delete_title"), t("app.delete_text", what=what))


def confirm_import(parent: QWidget | None, diff_text: str) -> bool:
    """Show what an import would change (old → new) and ask before replacing anything."""
    return _confirm_listing(
        parent,
        t("instelling.import_confirm_title"),
        t("instelling.import_confirm_text"),
        diff_text,
        t("instelling.import_replace"),
        t("instelling.import_keep"),
    )


def confirm_unprintable(parent: QWidget | None, characters: str, listing: str) -> bool:
    """Before a PDF: say exactly which characters it cannot print; make it only if asked to."""
    return _confirm_listing(
        parent,
        t("pdf.unprintable_title"),
        t("pdf.unprintable_text", count=len(characters)),
        listing,
        t("pdf.unprintable_continue"),
        t("pdf.unprintable_stop"),
    )


def ok_to_print(parent: QWidget | None, *texts: str) -> bool:
    """Before any PDF with text from the user: True when every character prints, or when the
    teacher, told exactly which do not, chooses to make it anyway."""
    from docentwijzer.pdf import describe_characters, unprintable  # reportlab: not at start-up

    missing = unprintable(*texts)
    return not missing or confirm_unprintable(parent, missing, describe_characters(missing))


def show_changes(
    parent: QWidget | None, title: str, intro_text: str, listing: str, close: str
) -> None:
    """Tell what changed (old → new), in the same view an import uses; one button to close."""
    _listing(parent, title, intro_text, listing, None, close).exec()


def _confirm_listing(
    parent: QWidget | None, title: str, intro_text: str, listing: str, yes: str, no: str
) -> bool:
    """A question with a list to read (read-only, scrollable); the safe answer is the default."""
    return _listing(parent, title, intro_text, listing, yes, no).exec() == (
        QDialog.DialogCode.Accepted
    )


def _listing(
    parent: QWidget | None, title: str, intro_text: str, listing: str, yes: str | None, no: str
) -> QDialog:
    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    style_dialog(dialog)
    layout = QVBoxLayout(dialog)
    intro = QLabel(intro_text)
    intro.setWordWrap(True)
    layout.addWidget(intro)
    changes = QPlainTextEdit(listing)
    changes.setReadOnly(True)
    changes.setAccessibleName(title)
    layout.addWidget(changes, 1)
    buttons = QDialogButtonBox()
    if yes is not None:
        replace = buttons.addButton(yes, QDialogButtonBox.ButtonRole.AcceptRole)
        replace.setAutoDefault(False)
    keep = buttons.addButton(no, QDialogButtonBox.ButtonRole.RejectRole)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    keep.setDefault(True)  # after it belongs to the dialog, or Qt picks "replace"
    changes.setFocus()  # Enter takes the safe answer (the default button)
    metrics = dialog.fontMetrics()
    width, height = 44 * metrics.horizontalAdvance("M"), 22 * metrics.lineSpacing()
    available = dialog.screen().availableGeometry()
    dialog.resize(min(width, available.width() - 40), min(height, available.height() - 40))
    return dialog


def ask_calendar_details(parent: QWidget | None, when: str) -> tuple[time, bool] | None:
    """Before a check-in goes to the calendar: at what time, and whether the pseudonym and the
    question go with it (off by default: a calendar is often kept on a server). None: cancel."""
    from PySide6.QtWidgets import QCheckBox, QFormLayout, QTimeEdit

    dialog = QDialog(parent)
    dialog.setWindowTitle(t("checkins.calendar_title"))
    layout = QVBoxLayout(dialog)
    intro = QLabel(t("checkins.calendar_intro", date=when))
    intro.setWordWrap(True)
    layout.addWidget(intro)
    at = QTimeEdit(QTime(9, 0))
    at.setDisplayFormat("HH:mm")
    at.setAccessibleName(t("checkins.calendar_time"))
    form = QFormLayout()
    label = QLabel(t("checkins.calendar_time_label"))
    label.setBuddy(at)
    form.addRow(label, at)
    layout.addLayout(form)
    details = QCheckBox(t("checkins.calendar_details"))
    layout.addWidget(details)
    warning = QLabel(t("checkins.calendar_details_warning"))
    warning.setWordWrap(True)
    warning.setObjectName("muted")
    layout.addWidget(warning)
    buttons = QDialogButtonBox()
    save = buttons.addButton(t("checkins.calendar_save"), QDialogButtonBox.ButtonRole.AcceptRole)
    buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    save.setDefault(True)
    at.setFocus()
    style_dialog(dialog)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    chosen = at.time()
    return time(chosen.hour(), chosen.minute()), details.isChecked()


def ask_save_file(parent: QWidget | None, title: str, suggested: str, filters: str) -> str | None:
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, filters)
    return path or None


def ask_save_pdf(parent: QWidget | None, title: str, suggested: str, filters: str) -> Path | None:
    """Where to save a PDF: the chosen path, with ``.pdf`` added when the name lacks it."""
    chosen = ask_save_file(parent, title, suggested, filters)
    if not chosen:
        return None
    path = Path(chosen)
    return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")


def save_pdf(
    parent: QWidget | None,
    *,
    title: str,
    suggested: str,
    filters: str,
    write: Callable[[Path], object],
    failed_title: str,
    done_title: str,
    done: Callable[[Path], str],
) -> Path | None:
    """Ask where, write the PDF there, and say where it went or why it failed.

    Every screen that saves one PDF in the foreground goes this way. Returns the path written,
    or ``None`` when the user cancelled or the file could not be written (the user was told).
    """
    path = ask_save_pdf(parent, title, suggested, filters)
    if path is None:
        return None
    from docentwijzer.pdf import PdfWriteError  # reportlab: loaded when a PDF is made

    try:
        write(path)
    except PdfWriteError as exc:
        warn(parent, failed_title, str(exc))
        return None
    info(parent, done_title, done(path))
    return path


def ask_open_file(parent: QWidget | None, title: str, filters: str) -> str | None:
    path, _ = QFileDialog.getOpenFileName(parent, title, "", filters)
    return path or None
