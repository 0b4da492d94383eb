"""The fields the trainer's forms share: text boxes that grow with the text, labels above
their fields, and a public source from the catalogue with its section."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from docentwijzer.i18n import t
from docentwijzer.sources import Source, catalogue


def text_field(height_lines: int = 3) -> QPlainTextEdit:
    """A multi-line field a few lines high that grows with the text size."""
    field = QPlainTextEdit()
    field.setTabChangesFocus(True)  # Tab leaves the field, as everywhere else
    line = field.fontMetrics().lineSpacing()
    field.setMinimumHeight(line * height_lines + 12)
    field.setMaximumHeight(line * (height_lines + 3) + 12)
    return field


def form_layout() -> QFormLayout:
    """Labels above their fields: nothing is squeezed at 200% text or beside the preview."""
    form = QFormLayout()
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
    return form


def compact_combo() -> QComboBox:
    """A drop-down list as wide as its column, not as its longest item: a leaf of the tree or a
    citation is long, and at 200% text it made the form wider than the window (cut off)."""
    combo = QComboBox()
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(14)
    return combo


def source_combo() -> QComboBox:
    """Every public source of the catalogue, by its short citation (the key is kept as data)."""
    combo = compact_combo()
    combo.addItem(t("oefenen.form_choose_source"), "")
    for key in catalogue().sources:
        combo.addItem(Source(ref=key).short(), key)
    return combo


def select_data(combo: QComboBox, value: object) -> None:
    index = combo.findData(value)
    combo.setCurrentIndex(max(index, 0))


class SourceField(QWidget):
    """A catalogue source and the section, slide or heading in it."""

    changed = Signal()

    def __init__(self, name: str) -> None:
        super().__init__()
        row = QVBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.combo = source_combo()
        self.combo.setAccessibleName(t("oefenen.form_source_of", what=name))
        self.detail = QLineEdit()
        self.detail.setPlaceholderText(t("oefenen.form_detail_hint"))
        self.detail.setAccessibleName(t("oefenen.form_detail_of", what=name))
        row.addWidget(self.combo, 1)
        row.addWidget(self.detail, 1)
        self.combo.currentIndexChanged.connect(self.changed)
        self.detail.textChanged.connect(self.changed)

    def value(self) -> dict[str, str] | None:
        key = self.combo.currentData()
        if not key:
            return None
        return {"ref": key, "detail": self.detail.text().strip()}

    def set_value(self, source: Source | None) -> None:
        select_data(self.combo, source.ref if source else "")
        self.detail.setText(source.detail if source else "")
