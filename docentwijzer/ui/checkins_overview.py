"""Mijn overzicht: the teacher's own year in numbers, for an intervision meeting.

Routes saved and check-ins recorded over the past year, by outcome and by where the referral
tree ended: a summary line, two simple bar charts (each readable as text too) and a table, and
a PDF of the same. Numbers only: no pseudonym, no note text. Computed from the notes as they
are (three indexed counts), shown only while the notes are unlocked.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from PySide6.QtCore import QEvent, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QPushButton,
    QSizePolicy,
    QStyle,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from docentwijzer.checkins import OUTCOMES, Overview, node_label, outcome_label
from docentwijzer.dates import format_date
from docentwijzer.i18n import t
from docentwijzer.tree import TreeContent, tree_content

from docentwijzer.ui import dialogs
from docentwijzer.ui import theme as themes
from docentwijzer.ui.notes_lock import Page
from docentwijzer.ui.widgets import action_bar, heading, paragraph, primary_button


class Bar:
    """One bar: its label, its number, and whether it is drawn muted (still open)."""

    __slots__ = ("label", "muted", "value")

    def __init__(self, label: str, value: int, muted: bool = False) -> None:
        self.label, self.value, self.muted = label, value, muted


def outcome_bars(overview: Overview) -> list[Bar]:
    bars = [Bar(outcome_label(o), overview.outcome(o)) for o in OUTCOMES]
    return [*bars, Bar(t("checkins.open"), overview.open, muted=True)]


def route_bars(overview: Overview, tree: TreeContent) -> list[Bar]:
    return [Bar(node_label(tree, r.node), r.routes) for r in overview.rows if r.routes]


class BarChart(QWidget):
    """Horizontal bars with the label before and the number after each; labels wrap at any
    text size. The accessible description reads the same numbers as text."""

    def __init__(self, title: str) -> None:
        super().__init__()
        self.title = title
        self.bars: list[Bar] = []
        self.setAccessibleName(title)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def set_bars(self, bars: Sequence[Bar]) -> None:
        self.bars = list(bars)
        self.setAccessibleDescription(", ".join(f"{b.label}: {b.value}" for b in self.bars))
        self.updateGeometry()
        self.update()

    def _label_width(self, width: int) -> int:
        return max(80, int(width * 0.4))

    def _rows(self, width: int) -> list[tuple[Bar, QRect]]:
        metrics = self.fontMetrics()
        gap = metrics.height() // 2
        label_width = self._label_width(width)
        rows = []
        y = 0
        for bar in self.bars:
            flags = int(Qt.TextFlag.TextWordWrap)
            bounds = metrics.boundingRect(QRect(0, 0, label_width, 10_000), flags, bar.label)
            height = max(bounds.height(), metrics.height())
            rows.append((bar, QRect(0, y, label_width, height)))
            y += height + gap
        return rows

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        rows = self._rows(width)
        return rows[-1][1].bottom() + 1 if rows else 0

    def sizeHint(self) -> QSize:
        width = max(self.width(), 400)
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        return QSize(200, self.heightForWidth(max(self.width(), 200)))

    def paintEvent(self, _event: QPaintEvent) -> None:
        colors = themes.current().colors
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = self.fontMetrics()
        width = self.width()
        label_width = self._label_width(width)
        number_width = metrics.horizontalAdvance("00000")
        room = max(10, width - label_width - number_width - metrics.height())
        top = max((b.value for b in self.bars), default=0) or 1
        for bar, rect in self._rows(width):
            painter.setPen(QColor(colors.text))
            painter.drawText(rect, int(Qt.TextFlag.TextWordWrap), bar.label)
            length = int(room * bar.value / top)
            x = label_width + metrics.height() // 2
            bar_height = metrics.height() - 4
            y = rect.top() + 2
            if bar.value:
                painter.fillRect(
                    x,
                    y,
                    max(length, 2),
                    bar_height,
                    QColor(colors.muted if bar.muted else colors.primary),
                )
            painter.setPen(QColor(colors.text))
            bold = painter.font()
            bold.setBold(True)
            painter.setFont(bold)
            painter.drawText(
                QRect(x + length + 6, rect.top(), number_width, metrics.height()),
                int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
                str(bar.value),
            )
            bold.setBold(False)
            painter.setFont(bold)
        painter.end()


def two_lines(text: str) -> str:
    """A column header of more than one word on two lines, broken at the space nearest the
    middle ('Niet gelukt' -> 'Niet' / 'gelukt'), so numbers keep narrow columns."""
    spaces = [i for i, char in enumerate(text) if char == " "]
    if not spaces:
        return text
    middle = min(spaces, key=lambda i: abs(i - len(text) / 2))
    return f"{text[:middle]}\n{text[middle + 1 :]}"


class NumbersTable(QTableWidget):
    """The overview's table: names wrap, numbers and their headers are always whole.

    The first column (where the tree ended) takes the room the numbers leave, but never less
    than its longest word; headers break over two lines. When even that is too wide (200% text
    in a narrow window) the table scrolls sideways and its height makes room for the scroll bar,
    so no row is ever hidden under it.
    """

    def __init__(self) -> None:
        super().__init__()
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setTabKeyNavigation(False)
        self.verticalHeader().hide()
        self.setWordWrap(True)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)

    def set_rows(self, head: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
        """Fill the table; the last row is the total (bold)."""
        self.clear()
        self.setColumnCount(len(head))
        self.setRowCount(len(rows))
        for column, text in enumerate(head):
            item = QTableWidgetItem(two_lines(text))
            item.setData(Qt.ItemDataRole.AccessibleTextRole, text)  # read as one line
            self.setHorizontalHeaderItem(column, item)
        for r, values in enumerate(rows):
            for c, value in enumerate(values):
                item = QTableWidgetItem(str(value))
                if c:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                if r == len(rows) - 1:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.setItem(r, c, item)
        self.selectionModel().clearCurrentIndex()
        self.fit()

    def focusInEvent(self, event: QFocusEvent) -> None:
        # Nothing to pick in it: no current cell, so focus shows as a ring around the table.
        super().focusInEvent(event)
        self.selectionModel().clearCurrentIndex()

    def _cell_width(self, text: str) -> int:
        """How wide a cell must be for ``text`` with the font and padding in use."""
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        option.features |= QStyleOptionViewItem.ViewItemFeature.HasDisplay
        option.text = text
        size = self.style().sizeFromContents(
            QStyle.ContentsType.CT_ItemViewItem, option, QSize(), self
        )
        return size.width() + 2

    def fit(self) -> None:
        """Column widths, row heights and the table's height, for the width it has now."""
        columns = self.columnCount()
        if not columns:
            return
        header = self.horizontalHeader()
        used = 0
        for column in range(1, columns):
            width = max(header.sectionSizeHint(column), self.sizeHintForColumn(column))
            header.resizeSection(column, width)
            used += width
        words = [
            word
            for row in range(self.rowCount())
            if (item := self.item(row, 0)) is not None
            for word in item.text().split()
        ]
        least = max([header.sectionSizeHint(0), *(self._cell_width(w) for w in words)])
        room = self.width() - 2 * self.frameWidth() - used
        header.resizeSection(0, max(least, room))
        self.resizeRowsToContents()
        rows = sum(self.rowHeight(row) for row in range(self.rowCount()))
        sideways = header.length() > self.width() - 2 * self.frameWidth()
        bar = self.horizontalScrollBar().sizeHint().height() if sideways else 0
        self.setFixedHeight(header.sizeHint().height() + rows + bar + 2 * self.frameWidth())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.fit()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.fit()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.fit()


class OverviewPage(Page):
    """The past year in numbers, with a PDF of the same."""

    back_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        self._overview: Overview | None = None
        self.column.addWidget(heading(t("checkins.overview_title")))
        self.period = paragraph("", muted=True)
        self.period.setObjectName("overviewPeriod")
        self.column.addWidget(self.period)
        self.summary = paragraph("")
        self.summary.setObjectName("overviewSummary")
        self.column.addWidget(self.summary)
        self.outcomes_title = heading(t("checkins.chart_outcomes"), 2)
        self.column.addWidget(self.outcomes_title)
        self.outcomes = BarChart(t("checkins.chart_outcomes"))
        self.column.addWidget(self.outcomes)
        self.routes_title = heading(t("checkins.chart_routes"), 2)
        self.column.addWidget(self.routes_title)
        self.routes = BarChart(t("checkins.chart_routes"))
        self.column.addWidget(self.routes)
        self.table_title = heading(t("checkins.table_title"), 2)
        self.column.addWidget(self.table_title)
        self.table = NumbersTable()
        self.table.setObjectName("overviewTable")
        self.table.setAccessibleName(t("checkins.table_title"))
        self.column.addWidget(self.table)
        self.numbers_only = paragraph(t("checkins.overview_numbers_only"), muted=True)
        self.column.addWidget(self.numbers_only)
        self.column.addStretch(1)

        self.pdf_button = primary_button(t("checkins.overview_pdf"))
        self.pdf_button.setToolTip(t("checkins.overview_pdf_tip"))
        self.pdf_button.clicked.connect(self.export_pdf)
        back = QPushButton(t("notes.back"))
        back.clicked.connect(self.back_requested.emit)
        bar, row = action_bar("editorBar")
        row.addWidget(self.pdf_button)
        row.addWidget(back)
        row.addStretch(1)
        self.layout().addWidget(bar)

    def show_overview(self, overview: Overview) -> None:
        self._overview = overview
        tree = tree_content()
        self.period.setText(
            t(
                "checkins.overview_period",
                start=format_date(overview.start),
                end=format_date(overview.end),
            )
        )
        if overview.is_empty:
            self.summary.setText(t("checkins.overview_empty"))
        else:
            self.summary.setText(
                t(
                    "checkins.overview_summary",
                    routes=overview.routes,
                    recorded=overview.recorded,
                    succeeded=overview.outcome("succeeded"),
                    open=overview.open,
                )
            )
        self.outcomes.set_bars(outcome_bars(overview))
        routes = route_bars(overview, tree)
        self.routes.set_bars(routes)
        for widget in (self.outcomes_title, self.outcomes, self.table_title, self.table):
            widget.setVisible(not overview.is_empty)
        for widget in (self.routes_title, self.routes):
            widget.setVisible(bool(routes))
        self.pdf_button.setEnabled(True)
        self._fill_table(overview, tree)

    def _fill_table(self, overview: Overview, tree: TreeContent) -> None:
        head = [
            t("checkins.column_node"),
            t("checkins.column_routes"),
            *(outcome_label(o, short=True) for o in OUTCOMES),
            t("checkins.open"),
        ]
        rows = [
            [node_label(tree, r.node), r.routes, *(r.outcomes.get(o, 0) for o in OUTCOMES), r.open]
            for r in overview.rows
        ]
        rows.append(
            [
                t("checkins.column_total"),
                overview.routes,
                *(overview.outcome(o) for o in OUTCOMES),
                overview.open,
            ]
        )
        self.table.set_rows(head, rows)

    def export_pdf(self) -> None:
        overview = self._overview
        if overview is None:
            return
        from docentwijzer import overview_pdf

        dialogs.save_pdf(
            self,
            title=t("checkins.overview_pdf"),
            suggested=str(Path.home() / overview_pdf.file_name(date.today())),
            filters=t("notes.pdf_filter"),
            write=lambda path: overview_pdf.export_overview(path, overview),
            failed_title=t("checkins.overview_title"),
            done_title=t("checkins.overview_title"),
            done=lambda path: t("checkins.overview_pdf_done", path=str(path)),
        )

    def clear(self) -> None:
        self._overview = None
        self.summary.clear()
        self.period.clear()
        self.outcomes.set_bars([])
        self.routes.set_bars([])
        self.table.clear()
        self.table.setRowCount(0)

    def focus_first(self) -> None:
        self.pdf_button.setFocus()
