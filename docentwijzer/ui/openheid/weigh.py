"""Pages that weigh: advantages and risks, each with a weight, and both side by side."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from docentwijzer.i18n import t
from docentwijzer.openheid import (
    WEIGHTS,
    ListKind,
    Weighed,
    comparison,
    weight_label,
    weight_marks,
)

from docentwijzer.ui.openheid.pages import Page
from docentwijzer.ui.openheid.parts import (
    Exercise,
    Wrapped,
    add_now,
    clear_layout,
    page_subtitle,
    page_title,
    text_label,
)
from docentwijzer.ui.wrapping import WrapCheckBox


class WeighRow(QWidget):
    """One advantage or risk: ticked or not, and how important it is to the student."""

    def __init__(self, page: WeighPage, item_id: str, text: str, own: bool) -> None:
        super().__init__()
        self.page, self.item_id, self.text, self.own = page, item_id, text, own
        row = QVBoxLayout(self)
        row.setContentsMargins(0, 2, 0, 6)
        self.box = WrapCheckBox()
        self.box.setObjectName(f"{page.kind}_{item_id}")
        self.wrapped = Wrapped(self.box, text)
        row.addWidget(self.wrapped)
        self.weight = QComboBox()
        self.weight.setObjectName(f"weight_{page.kind}_{item_id}")
        self.weight.setAccessibleName(t("openheid.weight_for", text=text))
        for weight in WEIGHTS:
            self.weight.addItem(f"{weight_marks(weight)}  {weight_label(weight)}", weight)
        indent = QHBoxLayout()
        indent.setContentsMargins(self.box.text_left() + 8, 0, 0, 0)  # under the text
        indent.addWidget(self.weight)
        indent.addStretch(1)
        row.addLayout(indent)
        existing = page.find(item_id)
        self.box.setChecked(existing is not None)
        if existing is not None:
            self.weight.setCurrentIndex(self.weight.findData(existing.weight))
        else:
            self.weight.setCurrentIndex(self.weight.findData(2))
        self.weight.setEnabled(existing is not None)
        self.box.toggled.connect(self._toggled)
        self.weight.currentIndexChanged.connect(self._weighed)

    def _toggled(self, on: bool) -> None:
        self.weight.setEnabled(on)
        items = self.page.items()
        existing = self.page.find(self.item_id)
        if on and existing is None:
            items.append(
                Weighed(
                    id=self.item_id, own=self.own, text=self.text, weight=self.weight.currentData()
                )
            )
        elif not on and existing is not None:
            items.remove(existing)
        self.page.edited()

    def _weighed(self) -> None:
        existing = self.page.find(self.item_id)
        if existing is not None:
            existing.weight = int(self.weight.currentData())
            self.page.edited()


class WeighPage(Page):
    """Advantages or risks of openness: examples to pick, own words, each weighted."""

    def __init__(self, screen: Exercise, kind: ListKind) -> None:
        super().__init__(screen)
        self.kind: ListKind = kind
        self.key = kind
        self.listing = self.content.pros_cons(kind)
        self.column.addWidget(page_title(self.listing.title))
        self.column.addWidget(text_label(self.listing.prompt))
        host = QWidget()
        self.list = QVBoxLayout(host)
        self.list.setContentsMargins(0, 0, 0, 0)
        self.column.addWidget(host)
        self.column.addWidget(text_label(self.listing.own_words, muted=True))
        row = QHBoxLayout()
        self.new_text = QLineEdit()
        self.new_text.setObjectName(f"new_{kind}")
        self.new_text.setAccessibleName(self.listing.own_words)
        self.new_text.returnPressed.connect(self.add_own)
        self.add_button = QPushButton(t("openheid.add"))
        self.add_button.setObjectName(f"add_{kind}")
        self.add_button.setAccessibleName(t(f"openheid.add_{kind}"))
        self.add_button.clicked.connect(self.add_own)
        row.addWidget(self.new_text, 1)
        row.addWidget(self.add_button)
        self.column.addLayout(row)
        self.rows: dict[str, WeighRow] = {}
        self.finish([self.listing.source, *(e.source for e in self.listing.examples)])

    def items(self) -> list[Weighed]:
        return self.result.items(self.kind)

    def find(self, item_id: str) -> Weighed | None:
        return next((i for i in self.items() if i.id == item_id), None)

    def refresh(self) -> None:
        clear_layout(self.list)
        self.rows = {}
        entries = [(e.id, e.text, False) for e in self.listing.examples]
        entries += [(i.id, i.text, True) for i in self.items() if i.own]
        for item_id, text, own in entries:
            row = WeighRow(self, item_id, text, own)
            self.rows[item_id] = row
            add_now(self.list, row)

    def add_own(self) -> None:
        text = " ".join(self.new_text.text().split())
        if not text:
            return
        self.items().append(Weighed(id=self.result.next_own_id(), own=True, text=text))
        self.new_text.clear()
        self.update_view()
        self.edited()
        self.new_text.setFocus()

    def first_focus(self) -> QWidget:
        return next(iter(self.rows.values())).box


class ComparePage(Page):
    """Both lists side by side with their weights: a view, never a verdict."""

    key = "compare"

    def __init__(self, screen: Exercise) -> None:
        super().__init__(screen)
        compare = self.content.compare
        self.column.addWidget(page_title(compare.title))
        self.column.addWidget(text_label(compare.text))
        host = QWidget()
        self.grid = QGridLayout(host)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(16)
        self.grid.setColumnStretch(0, 1)
        self.grid.setColumnStretch(1, 1)
        self.column.addWidget(host)
        self.finish([compare.source])

    def refresh(self) -> None:
        clear_layout(self.grid)
        view = comparison(self.result, self.content)
        for column, (kind, rows) in enumerate(
            (("advantages", view.advantages), ("risks", view.risks))
        ):
            frame = QFrame()
            frame.setObjectName("card")
            frame.setAccessibleName(t(f"openheid.list_{kind}"))
            inner = QVBoxLayout(frame)
            inner.addWidget(page_subtitle(t(f"openheid.list_{kind}")))
            if not rows:
                inner.addWidget(text_label(t("openheid.nothing_yet"), muted=True))
            for row in rows:
                item = text_label(f"{row.marks}  {row.text}")
                item.setAccessibleName(f"{row.text} ({row.weight_label})")
                item.setToolTip(row.weight_label)
                inner.addWidget(item)
                inner.addWidget(text_label(row.weight_label, muted=True))
            inner.addStretch(1)
            add_now(self.grid, frame, 0, column)
