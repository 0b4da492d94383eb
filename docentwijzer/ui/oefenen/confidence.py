"""The personal confidence check ('zelftest'): a few statements, before, after and later.

The statements are the teacher's own words, not a validated or licensed questionnaire; the page
says so. Answers are about the teacher, never about a student, and stay on this computer
(:mod:`docentwijzer.oefenen_progress`). The before/after picture is drawn and also written out
as text, so a screen reader and a printout tell the same.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from docentwijzer.dates import format_date
from docentwijzer.i18n import t
from docentwijzer.oefenen import ConfidenceStatement
from docentwijzer.oefenen_progress import (
    MOMENTS,
    SCALE_MAX,
    SCALE_MIN,
    Comparison,
    PracticeLog,
    ProgressStore,
    comparison,
    suggested_moment,
)

from docentwijzer.ui import dialogs
from docentwijzer.ui.widgets import card, heading, icon_button, paragraph, scrolling, sources_line

#: How each moment is drawn: a fill pattern as well as a shade, so it is not told by colour.
_PATTERNS = {
    "before": Qt.BrushStyle.Dense6Pattern,
    "after": Qt.BrushStyle.SolidPattern,
    "later": Qt.BrushStyle.BDiagPattern,
}


def comparison_text(rows: list[Comparison], statements: list[ConfidenceStatement]) -> str:
    """The picture in words: one line per statement ("Vragen: voor 2, na 4, later –")."""
    names = {s.id: s.text for s in statements}
    lines = []
    for row in rows:
        parts = [
            t(f"oefenen.moment_short_{moment}", value="–" if value is None else str(value))
            for moment, value in row.values().items()
        ]
        lines.append(f"{names[row.statement]} {', '.join(parts)}")
    return "\n".join(lines)


class ConfidenceChart(QWidget):
    """Bars per statement: before, after and later, on the 1-5 scale, values written on them."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("confidenceChart")
        self.rows: list[Comparison] = []
        self.labels: list[str] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_data(self, rows: list[Comparison], labels: list[str], text: str) -> None:
        self.rows, self.labels = rows, labels
        self.setAccessibleName(t("oefenen.chart_name"))
        self.setAccessibleDescription(text)
        self.updateGeometry()
        self.update()

    def _line(self) -> int:
        return self.fontMetrics().lineSpacing()

    def sizeHint(self) -> QSize:
        line = self._line()
        return QSize(480, len(self.rows) * (4 * line + 8) + 2 * line)

    def minimumSizeHint(self) -> QSize:
        return QSize(240, self.sizeHint().height())

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        accent = palette.color(QPalette.ColorRole.Highlight)
        line = self._line()
        left = 0
        label_width = max(
            (self.fontMetrics().horizontalAdvance(t(f"oefenen.moment_{m}")) for m in MOMENTS),
            default=60,
        )
        bar_left = left + label_width + 12
        bar_width = max(40, self.width() - bar_left - 3 * line)
        y = 0
        for row, name in zip(self.rows, self.labels, strict=False):
            painter.setPen(text)
            painter.drawText(
                QRectF(0, y, self.width(), line),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                self.fontMetrics().elidedText(name, Qt.TextElideMode.ElideRight, self.width()),
            )
            y += line + 2
            for moment, value in row.values().items():
                painter.setPen(text)
                painter.drawText(
                    QRectF(left, y, label_width, line),
                    Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                    t(f"oefenen.moment_{moment}"),
                )
                frame = QRectF(bar_left, y + 2, bar_width, line - 4)
                painter.setPen(QPen(text, 1))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(frame)
                if value is not None:
                    filled = QRectF(frame)
                    filled.setWidth(bar_width * value / SCALE_MAX)
                    painter.setBrush(QBrush(accent, _PATTERNS[moment]))
                    painter.drawRect(filled)
                painter.setPen(text)
                painter.drawText(
                    QRectF(bar_left + bar_width + 6, y, 3 * line, line),
                    Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                    "–" if value is None else f"{value}/{SCALE_MAX}",
                )
                y += line
            y += 8
        painter.end()


class ConfidencePage(QWidget):
    """Answer the statements; see before, after and later side by side."""

    leave = Signal()
    saved = Signal()

    def __init__(
        self,
        statements: list[ConfidenceStatement],
        store: Callable[[], ProgressStore],
        today: Callable[[], date],
    ) -> None:
        super().__init__()
        self.statements = statements
        self.store = store
        self.today = today
        self.groups: dict[str, QButtonGroup] = {}
        self.moment_buttons: dict[str, QRadioButton] = {}

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        inner = QWidget()
        column = QVBoxLayout(inner)
        column.setContentsMargins(24, 16, 24, 20)
        column.setSpacing(12)
        scroll = scrolling(inner)
        scroll.setAccessibleName(t("oefenen.confidence_title"))
        outer.addWidget(scroll)

        top = QHBoxLayout()
        back = icon_button(
            "arrow-left", t("oefenen.back_to_overview"), t("oefenen.back_to_overview")
        )
        back.setObjectName("confidenceBack")
        back.clicked.connect(self.leave.emit)
        top.addWidget(back)
        top.addStretch(1)
        column.addLayout(top)
        column.addWidget(heading(t("oefenen.confidence_title")))
        note = paragraph(t("oefenen.confidence_note"))
        note.setObjectName("confidenceNote")
        column.addWidget(card(note, object_name="card"))

        column.addWidget(heading(t("oefenen.moment_question"), 3))
        moments = QWidget()
        moments.setAccessibleName(t("oefenen.moment_question"))
        moment_row = QHBoxLayout(moments)
        moment_row.setContentsMargins(0, 0, 0, 0)
        self.moment_group = QButtonGroup(self)
        for moment in MOMENTS:
            button = QRadioButton(t(f"oefenen.moment_{moment}_long"))
            button.setObjectName(f"moment_{moment}")
            self.moment_group.addButton(button)
            self.moment_buttons[moment] = button
            moment_row.addWidget(button)
        moment_row.addStretch(1)
        column.addWidget(moments)

        column.addWidget(heading(t("oefenen.statements_title"), 3))
        for statement in statements:
            column.addWidget(self._statement(statement))

        actions = QHBoxLayout()
        self.save_button = QPushButton(t("oefenen.confidence_save"))
        self.save_button.setObjectName("saveConfidence")
        self.save_button.clicked.connect(self.save)
        actions.addWidget(self.save_button)
        actions.addStretch(1)
        column.addLayout(actions)
        self.status = paragraph("", muted=True)
        self.status.setObjectName("confidenceStatus")
        column.addWidget(self.status)

        column.addWidget(heading(t("oefenen.picture_title"), 2))
        self.chart = ConfidenceChart()
        column.addWidget(self.chart)
        self.picture_text = paragraph("")
        self.picture_text.setObjectName("pictureText")
        column.addWidget(self.picture_text)
        self.history = paragraph("", muted=True)
        column.addWidget(self.history)

        self.delete_button = QPushButton(t("oefenen.confidence_delete"))
        self.delete_button.setObjectName("deleteConfidence")
        self.delete_button.clicked.connect(self.delete)
        column.addWidget(self.delete_button, 0, Qt.AlignmentFlag.AlignLeft)
        column.addWidget(sources_line(s.source for s in statements))
        column.addStretch(1)

    def _statement(self, statement: ConfidenceStatement) -> QWidget:
        box = QWidget()
        box.setObjectName(f"statement_{statement.id}")
        box.setAccessibleName(statement.text)
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 4, 0, 8)
        label = QLabel(statement.text)
        label.setWordWrap(True)
        grid.addWidget(label, 0, 0, 1, SCALE_MAX + 2)
        low = QLabel(t("oefenen.scale_low"))
        high = QLabel(t("oefenen.scale_high"))
        grid.addWidget(low, 1, 0)
        group = QButtonGroup(self)
        for value in range(SCALE_MIN, SCALE_MAX + 1):
            button = QRadioButton(str(value))
            button.setObjectName(f"answer_{statement.id}_{value}")
            button.setAccessibleName(
                t("oefenen.scale_value", value=value, high=SCALE_MAX, statement=statement.text)
            )
            group.addButton(button, value)
            grid.addWidget(button, 1, value)
        grid.addWidget(high, 1, SCALE_MAX + 1)
        grid.setColumnStretch(SCALE_MAX + 2, 1)
        group.idToggled.connect(lambda *_: self.status.setText(""))
        self.groups[statement.id] = group
        return box

    # -- data -----------------------------------------------------------------------------

    def refresh(self) -> None:
        loaded = self.store().load()
        log = loaded.value
        self.moment_buttons[suggested_moment(log, self.today())].setChecked(True)
        for group in self.groups.values():
            group.setExclusive(False)
            for button in group.buttons():
                button.setChecked(False)
            group.setExclusive(True)
        self.status.setText(loaded.notice or "")
        self._picture(log)

    def _picture(self, log: PracticeLog) -> None:
        rows = comparison(log, [s.id for s in self.statements])
        text = comparison_text(rows, self.statements)
        self.chart.set_data(rows, [s.text for s in self.statements], text)
        has_any = bool(log.checks)
        self.chart.setVisible(has_any)
        self.picture_text.setText(text if has_any else t("oefenen.picture_empty"))
        dates = [t(f"oefenen.history_{c.moment}", date=format_date(c.taken_on)) for c in log.checks]
        self.history.setText(t("oefenen.history", list="; ".join(dates)) if dates else "")
        self.delete_button.setEnabled(has_any or bool(log.done))

    def answers(self) -> dict[str, int]:
        return {
            statement: group.checkedId()
            for statement, group in self.groups.items()
            if group.checkedId() >= SCALE_MIN
        }

    def save(self) -> bool:
        answers = self.answers()
        missing = [s for s in self.statements if s.id not in answers]
        if missing:
            self.status.setText(t("oefenen.confidence_missing", statement=missing[0].text))
            self.groups[missing[0].id].buttons()[0].setFocus(Qt.FocusReason.OtherFocusReason)
            return False
        moment = next(m for m, b in self.moment_buttons.items() if b.isChecked())
        try:
            log = self.store().add_check(moment, answers, self.today())  # type: ignore[arg-type]
        except OSError as exc:
            dialogs.warn(
                self,
                t("oefenen.confidence_title"),
                t("oefenen.save_failed", reason=exc.strerror or str(exc)),
            )
            return False
        self._picture(log)
        self.status.setText(t("oefenen.confidence_saved"))
        self.saved.emit()
        return True

    def delete(self) -> bool:
        if not dialogs.confirm(self, t("oefenen.confidence_delete"), t("oefenen.delete_text")):
            return False
        try:
            self.store().delete()
        except OSError as exc:
            dialogs.warn(
                self,
                t("oefenen.confidence_delete"),
                t("oefenen.save_failed", reason=exc.strerror or str(exc)),
            )
            return False
        self.refresh()
        self.status.setText(t("oefenen.deleted"))
        self.saved.emit()
        return True

    def focus_first(self) -> None:
        first = self.groups[self.statements[0].id].buttons()[0]
        first.setFocus(Qt.FocusReason.TabFocusReason)
