"""The acute-help bar: on every screen, one click (or F1) from the urgent guidance."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QSizePolicy

from docentwijzer.helplines import help_content
from docentwijzer.i18n import t


class AcuteBar(QFrame):
    activated = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("acuteBar")
        content = help_content()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        self.button = QPushButton(
            f"⚠  {content.bar_danger}  ·  {content.bar_suicide}  ·  {content.bar_chat}"
        )
        self.button.setObjectName("acuteButton")
        self.button.setFlat(True)
        self.button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.button.setAccessibleName(t("app.acute_name"))
        self.button.setAccessibleDescription(self.button.text())
        self.button.setToolTip(t("app.acute_tooltip"))
        font = self.button.font()
        font.setBold(True)
        self.button.setFont(font)
        self.button.clicked.connect(self.activated)
        layout.addWidget(self.button)

    def text(self) -> str:
        return self.button.text()
