"""The form a trainer writes a training case in: the story, the tools, where the route ends
in the real tree, and the sourced discussion (the case appears in Training)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QGroupBox,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from docentwijzer.i18n import t
from docentwijzer.training import Case, Tool
from docentwijzer.tree import DESTINATIONS, TreeContent

from docentwijzer.ui.oefenen.form_fields import (
    SourceField,
    compact_combo,
    form_layout,
    select_data,
    text_field,
)

TOOLS: tuple[Tool, ...] = ("signalering", "beslisboom", "openheid", "belonging")


class WhyRow(QWidget):
    """One sourced reason in a case's discussion."""

    changed = Signal()
    remove = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        self.text = text_field(2)
        self.text.setAccessibleName(t("oefenen.case_why"))
        self.source = SourceField(t("oefenen.case_why"))
        remove = QPushButton(t("oefenen.case_remove_why"))
        remove.clicked.connect(lambda: self.remove.emit(self))
        column.addWidget(self.text)
        column.addWidget(self.source)
        column.addWidget(remove, 0, Qt.AlignmentFlag.AlignLeft)
        self.text.textChanged.connect(self.changed)
        self.source.changed.connect(self.changed)

    def value(self) -> dict[str, Any]:
        return {"text": self.text.toPlainText().strip(), "source": self.source.value()}


def _lines(field: QPlainTextEdit) -> list[str]:
    return [line.strip() for line in field.toPlainText().splitlines() if line.strip()]


class CaseForm(QWidget):
    """A training case: the story, the tools, where the route ends, the discussion."""

    changed = Signal()

    def __init__(self, tree: TreeContent) -> None:
        super().__init__()
        self.tree = tree
        self.case_id = ""
        self.whys: list[WhyRow] = []
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        form = form_layout()
        self.title = QLineEdit()
        self.theme = QLineEdit()
        self.story = text_field(5)
        tools = QWidget()
        # two by two: four in a row were wider than the form's column at 200% text
        tool_grid = QGridLayout(tools)
        tool_grid.setContentsMargins(0, 0, 0, 0)
        self.tools: dict[str, QCheckBox] = {}
        for index, tool in enumerate(TOOLS):
            box = QCheckBox(t(f"app.area_{tool}"))
            box.toggled.connect(self.changed)
            self.tools[tool] = box
            tool_grid.addWidget(box, index // 2, index % 2)
        self.leaf = compact_combo()
        for destination in DESTINATIONS:
            node = tree.node(destination)
            self.leaf.addItem(getattr(node, "title", destination), destination)
        self.contacts = text_field(2)
        self.questions = text_field(2)
        for label, widget in (
            ("case_title", self.title),
            ("case_theme", self.theme),
            ("case_story", self.story),
            ("case_tools", tools),
            ("case_leaf", self.leaf),
        ):
            widget.setAccessibleName(t(f"oefenen.{label}"))
            form.addRow(t(f"oefenen.{label}"), widget)
        column.addLayout(form)
        self.why_column = QVBoxLayout()
        why_box = QGroupBox(t("oefenen.case_why_title"))
        why_layout = QVBoxLayout(why_box)
        why_layout.addLayout(self.why_column)
        add_why = QPushButton(t("oefenen.case_add_why"))
        add_why.clicked.connect(lambda: self.add_why())
        why_layout.addWidget(add_why, 0, Qt.AlignmentFlag.AlignLeft)
        column.addWidget(why_box)
        more = form_layout()
        for label, widget in (("case_contacts", self.contacts), ("case_questions", self.questions)):
            widget.setAccessibleName(t(f"oefenen.{label}"))
            more.addRow(t(f"oefenen.{label}"), widget)
        column.addLayout(more)
        for line in (self.title, self.theme):
            line.textChanged.connect(self.changed)
        for text in (self.story, self.contacts, self.questions):
            text.textChanged.connect(self.changed)
        self.leaf.currentIndexChanged.connect(self.changed)

    def add_why(self) -> WhyRow:
        row = WhyRow()
        row.changed.connect(self.changed)
        row.remove.connect(self._remove_why)
        self.whys.append(row)
        self.why_column.addWidget(row)
        self.changed.emit()
        return row

    def _remove_why(self, row: WhyRow) -> None:
        if row in self.whys:
            self.whys.remove(row)
            row.hide()
            row.deleteLater()
            self.changed.emit()

    def route(self) -> list[str]:
        """The answers in the real tree that lead to the chosen end (filled in for the trainer)."""
        from docentwijzer.oefenen import intended_route

        return [crumb.answered for crumb in intended_route(self.tree, self.leaf.currentData())]

    def raw(self) -> dict[str, Any]:
        return {
            "id": self.case_id or "nieuw",
            "title": self.title.text().strip(),
            "theme": self.theme.text().strip(),
            "story": self.story.toPlainText().strip(),
            "tools": [tool for tool, box in self.tools.items() if box.isChecked()],
            "expected_leaf": self.leaf.currentData(),
            "route": self.route(),
            "discussion": {
                "why": [row.value() for row in self.whys],
                "contacts": _lines(self.contacts),
                "questions": _lines(self.questions),
            },
        }

    def problems(self) -> list[str]:
        """What is missing, in the trainer's language, before the case model is asked."""
        raw = self.raw()
        found = [
            t(f"oefenen.case_problem_{key}")
            for key, missing in (
                ("title", not raw["title"]),
                ("theme", not raw["theme"]),
                ("story", not raw["story"]),
                ("tools", not raw["tools"]),
                ("why", not raw["discussion"]["why"]),
                ("contacts", not raw["discussion"]["contacts"]),
                ("questions", not raw["discussion"]["questions"]),
            )
            if missing
        ]
        for index, why in enumerate(raw["discussion"]["why"], start=1):
            if not why["text"]:
                found.append(t("oefenen.case_problem_why_text", number=index))
            if why["source"] is None:
                found.append(t("oefenen.case_problem_why_source", number=index))
        return found

    def clear(self) -> None:
        for row in [*self.whys]:
            self._remove_why(row)
        for line in (self.title, self.theme):
            line.clear()
        for text in (self.story, self.contacts, self.questions):
            text.clear()
        for box in self.tools.values():
            box.setChecked(False)
        self.leaf.setCurrentIndex(0)
        self.case_id = ""

    def new(self) -> None:
        self.clear()
        self.tools["signalering"].setChecked(True)
        self.tools["beslisboom"].setChecked(True)
        self.add_why()

    def load(self, case: Case) -> None:
        self.clear()
        self.case_id = case.id
        self.title.setText(case.title)
        self.theme.setText(case.theme)
        self.story.setPlainText(case.story)
        for tool in case.tools:
            self.tools[tool].setChecked(True)
        select_data(self.leaf, case.expected_leaf)
        for point in case.discussion.why:
            row = self.add_why()
            row.text.setPlainText(point.text)
            row.source.set_value(point.source)
        self.contacts.setPlainText("\n".join(case.discussion.contacts))
        self.questions.setPlainText("\n".join(case.discussion.questions))
