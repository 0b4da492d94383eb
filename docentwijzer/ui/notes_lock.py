"""The pages in front of the notes: set a passphrase, unlock, restore a backup, change it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from docentwijzer.dates import format_date
from docentwijzer.i18n import t
from docentwijzer.vault import MIN_PASSPHRASE

from docentwijzer.ui.widgets import action_bar, card, heading, paragraph, scrolling


def passphrase_field(name: str) -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setAccessibleName(name)
    field.setMinimumWidth(280)
    return field


def wipe(field: QLineEdit) -> None:
    """Empty a line edit *and its undo history*: ``clear()`` can be undone with Ctrl+Z."""
    field.setText("")


def error_label() -> QLabel:
    """A message that appears under a form; bold so it is not missed, in any colour scheme."""
    label = paragraph("")
    label.setObjectName("noteError")
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    label.setAccessibleName(t("notes.error_title"))
    label.hide()
    return label


def show_error(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))


def form(*rows: tuple[str, QWidget]) -> QFormLayout:
    layout = QFormLayout()
    layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
    layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    for text, field in rows:
        label = QLabel(text)
        label.setBuddy(field)
        label.setWordWrap(True)
        layout.addRow(label, field)
    return layout


class Page(QWidget):
    """A scrolling column, so every page stays usable at 200% text size."""

    def __init__(self) -> None:
        super().__init__()
        inner = QWidget()
        self.column = QVBoxLayout(inner)
        self.column.setContentsMargins(24, 20, 24, 20)
        self.column.setSpacing(12)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.scroll_area = scrolling(inner)
        self.scroll_area.setAccessibleName(t("app.area_notities"))
        outer.addWidget(self.scroll_area)

    def add_save_bar(
        self, save: QPushButton, on_save: Callable[[], None], on_cancel: Callable[[], None]
    ) -> None:
        """``save`` and Annuleren in a bar pinned below the page, so saving stays in view
        however tall the form gets. From any field Ctrl+S or Ctrl+Enter saves, Esc cancels."""
        save.clicked.connect(on_save)
        cancel = QPushButton(t("notes.cancel"))
        cancel.setToolTip("Esc")
        cancel.clicked.connect(on_cancel)
        bar, row = action_bar("editorBar")
        row.addWidget(save)
        row.addWidget(cancel)
        row.addStretch(1)
        self.layout().addWidget(bar)
        keys: list[QKeySequence | str] = [
            QKeySequence.StandardKey.Save,
            "Ctrl+Return",
            "Ctrl+Enter",
        ]
        for key in keys:
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(on_save)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(on_cancel)


class SetupPage(Page):
    """First use: choose a passphrase, with the plain warning that it cannot be recovered."""

    submitted = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.column.addWidget(heading(t("notes.setup_title")))
        # A tool handed over a note: say it is waiting, so nobody thinks it was lost.
        self.notice = paragraph("")
        self.notice.setObjectName("setupNotice")
        font = self.notice.font()
        font.setBold(True)
        self.notice.setFont(font)
        self.notice.hide()
        self.column.addWidget(self.notice)
        self.column.addWidget(paragraph(t("notes.setup_intro")))
        self.column.addWidget(
            card(
                heading(t("notes.setup_warning_title"), 3),
                paragraph(t("notes.setup_warning")),
            )
        )
        self.passphrase = passphrase_field(t("notes.passphrase"))
        self.repeat = passphrase_field(t("notes.passphrase_repeat"))
        self.column.addLayout(
            form(
                (t("notes.passphrase_label"), self.passphrase),
                (t("notes.passphrase_repeat_label"), self.repeat),
            )
        )
        self.column.addWidget(paragraph(t("notes.passphrase_hint", n=MIN_PASSPHRASE), muted=True))
        self.error = error_label()
        self.column.addWidget(self.error)
        self.button = QPushButton(t("notes.setup_button"))
        self.button.setDefault(True)
        self.button.clicked.connect(self._submit)
        self.passphrase.returnPressed.connect(self.repeat.setFocus)
        self.repeat.returnPressed.connect(self._submit)
        row = QHBoxLayout()
        row.addWidget(self.button)
        row.addStretch(1)
        self.column.addLayout(row)
        self.column.addWidget(paragraph(t("notes.only_notes_locked"), muted=True))
        self.column.addStretch(1)

    def _submit(self) -> None:
        first, second = self.passphrase.text(), self.repeat.text()
        if len(first) < MIN_PASSPHRASE:
            show_error(self.error, t("notes.passphrase_short", n=MIN_PASSPHRASE))
        elif first != second:
            show_error(self.error, t("notes.passphrase_mismatch"))
        else:
            show_error(self.error, "")
            self.submitted.emit(first)

    def set_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def clear(self) -> None:
        wipe(self.passphrase)
        wipe(self.repeat)
        show_error(self.error, "")

    def focus_first(self) -> None:
        self.passphrase.setFocus()


class UnlockPage(Page):
    submitted = Signal(str)
    restore_requested = Signal(object, str)

    def __init__(self) -> None:
        super().__init__()
        self.column.addWidget(heading(t("notes.unlock_title")))
        self.column.addWidget(paragraph(t("notes.unlock_intro")))
        self.notice = paragraph("")
        self.notice.setObjectName("muted")
        self.notice.hide()
        self.column.addWidget(self.notice)
        self.passphrase = passphrase_field(t("notes.passphrase"))
        self.column.addLayout(form((t("notes.passphrase_label"), self.passphrase)))
        self.error = error_label()
        self.column.addWidget(self.error)
        self.button = QPushButton(t("notes.unlock_button"))
        self.button.setDefault(True)
        self.button.clicked.connect(self._submit)
        self.passphrase.returnPressed.connect(self._submit)
        row = QHBoxLayout()
        row.addWidget(self.button)
        row.addStretch(1)
        self.column.addLayout(row)

        self.backups = QComboBox()
        self.backups.setAccessibleName(t("notes.backup_choice"))
        self.restore_button = QPushButton(t("notes.backup_button"))
        self.restore_button.clicked.connect(self._restore)
        backup_row = QHBoxLayout()
        backup_row.addWidget(self.backups, 1)
        backup_row.addWidget(self.restore_button)
        holder = QWidget()
        holder.setLayout(backup_row)
        self.backup_text = paragraph(t("notes.backup_offer"))
        self.backup_box = card(heading(t("notes.backup_title"), 3), self.backup_text, holder)
        self.backup_box.hide()
        self.column.addWidget(self.backup_box)
        self.column.addWidget(paragraph(t("notes.only_notes_locked"), muted=True))
        self.column.addStretch(1)

    def _submit(self) -> None:
        self.submitted.emit(self.passphrase.text())

    def _restore(self) -> None:
        path = self.backups.currentData()
        if isinstance(path, Path):
            self.restore_requested.emit(path, self.passphrase.text())

    def set_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def offer_backups(self, paths: list[Path], *, other_passphrase: bool = False) -> None:
        """Offer ``paths``; ``other_passphrase``: they open with the passphrase just typed,
        the vault does not (it is kept, not unreadable)."""
        key = "notes.backup_offer_other" if other_passphrase else "notes.backup_offer"
        self.backup_text.setText(t(key))
        self.backups.clear()
        for index, path in enumerate(paths, start=1):
            try:
                stamp = datetime.fromtimestamp(path.stat().st_mtime)
            except OSError:  # gone or unreadable since: not offered
                continue
            label = t(
                "notes.backup_item",
                n=suffix[4:] if (suffix := path.suffix).startswith(".bak") else index,
                date=format_date(stamp.date()),
                time=stamp.strftime("%H:%M"),
            )
            self.backups.addItem(label, path)
        self.backup_box.setVisible(bool(paths))

    def clear(self) -> None:
        wipe(self.passphrase)
        show_error(self.error, "")
        self.backup_box.hide()
        self.backups.clear()

    def focus_first(self) -> None:
        self.passphrase.setFocus(Qt.FocusReason.OtherFocusReason)


class ChangePassphrasePage(Page):
    submitted = Signal(str, str)
    cancelled = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.column.addWidget(heading(t("notes.change_title")))
        self.column.addWidget(paragraph(t("notes.change_intro")))
        self.old = passphrase_field(t("notes.change_old"))
        self.new = passphrase_field(t("notes.passphrase"))
        self.repeat = passphrase_field(t("notes.passphrase_repeat"))
        self.column.addLayout(
            form(
                (t("notes.change_old_label"), self.old),
                (t("notes.passphrase_label"), self.new),
                (t("notes.passphrase_repeat_label"), self.repeat),
            )
        )
        self.error = error_label()
        self.column.addWidget(self.error)
        self.button = QPushButton(t("notes.change_button"))
        self.button.clicked.connect(self._submit)
        cancel = QPushButton(t("notes.cancel"))
        cancel.clicked.connect(self.cancelled.emit)
        row = QHBoxLayout()
        row.addWidget(self.button)
        row.addWidget(cancel)
        row.addStretch(1)
        self.column.addLayout(row)
        self.column.addStretch(1)

    def _submit(self) -> None:
        if len(self.new.text()) < MIN_PASSPHRASE:
            show_error(self.error, t("notes.passphrase_short", n=MIN_PASSPHRASE))
        elif self.new.text() != self.repeat.text():
            show_error(self.error, t("notes.passphrase_mismatch"))
        else:
            show_error(self.error, "")
            self.submitted.emit(self.old.text(), self.new.text())

    def clear(self) -> None:
        for field in (self.old, self.new, self.repeat):
            wipe(field)
        show_error(self.error, "")

    def focus_first(self) -> None:
        self.old.setFocus()
