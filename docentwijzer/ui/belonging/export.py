"""The Belonging screen's print box: which tips (favourites, this week, selected, shown) go on
paper, as a hand-out for students or as tip cards; the PDF itself comes from belonging_pdf."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel

from docentwijzer.belonging import HANDOUT_MAX_TIPS, Tip
from docentwijzer.i18n import t

from docentwijzer.ui import dialogs
from docentwijzer.ui.belonging.common import button, combo

SCOPES = ("favourites", "week", "selected", "shown")


class ExportBox(QFrame):
    """Choose the tips (``tips_for(scope)`` says which they are) and write them as a PDF."""

    def __init__(self, tips_for: Callable[[str], list[Tip]]) -> None:
        super().__init__()
        self.tips_for = tips_for
        self.setObjectName("card")
        grid = QGridLayout(self)
        caption = QLabel(t("belonging.export_label"))
        self.scope = combo()
        self.scope.setAccessibleName(t("belonging.export_label"))
        for scope in SCOPES:
            self.scope.addItem("", scope)
        self.scope.currentIndexChanged.connect(lambda _i: self.update_counts())
        caption.setBuddy(self.scope)
        self.handout_button = button(
            t("belonging.export_handout"), self.export_handout, tip=t("belonging.handout_hint")
        )
        self.cards_button = button(
            t("belonging.export_cards"), self.export_cards, tip=t("belonging.cards_hint")
        )
        self.hint = QLabel()
        self.hint.setObjectName("muted")
        self.hint.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.handout_button)
        buttons.addWidget(self.cards_button)
        buttons.addStretch(1)
        grid.addWidget(caption, 0, 0)
        grid.addWidget(self.scope, 0, 1)
        # Under the choice, not beside its caption: both fit a narrow page at 200% text.
        grid.addLayout(buttons, 1, 0, 1, 2)
        grid.addWidget(self.hint, 2, 0, 1, 2)
        grid.setColumnStretch(1, 1)

    def chosen_tips(self) -> list[Tip]:
        return self.tips_for(self.scope.currentData())

    def set_scope(self, scope: str) -> None:
        self.scope.setCurrentIndex(self.scope.findData(scope))

    def update_counts(self) -> None:
        for index, scope in enumerate(SCOPES):
            self.scope.setItemText(
                index, t(f"belonging.scope_{scope}", count=len(self.tips_for(scope)))
            )
        count = len(self.chosen_tips())
        self.handout_button.setEnabled(count > 0)
        self.cards_button.setEnabled(count > 0)
        if count == 0:
            hint = t("belonging.export_nothing")
        elif count > HANDOUT_MAX_TIPS:
            hint = t("belonging.export_long", max=HANDOUT_MAX_TIPS)
        else:
            hint = t("belonging.export_ready", count=count)
        self.hint.setText(hint)

    def export_handout(self) -> None:
        from docentwijzer.belonging_pdf import write_handout  # reportlab: loaded when a PDF is made

        self._export("handout", write_handout)

    def export_cards(self) -> None:
        from docentwijzer.belonging_pdf import write_cards  # reportlab: loaded when a PDF is made

        self._export("cards", write_cards)

    def _export(self, kind: str, writer: Callable[[Path, list[Tip]], None]) -> None:
        tips = self.chosen_tips()
        if not tips:
            dialogs.info(self, t("belonging.export_title"), t("belonging.export_nothing"))
            return
        dialogs.save_pdf(
            self,
            title=t("belonging.export_title"),
            suggested=str(Path.home() / t(f"belonging.file_{kind}")),
            filters=t("belonging.pdf_filter"),
            write=lambda path: writer(path, tips),
            failed_title=t("belonging.export_title"),
            done_title=t("belonging.export_title"),
            done=lambda path: t("belonging.export_done", path=str(path)),
        )
