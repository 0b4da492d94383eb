"""Small building blocks shared by the screens, so they look alike."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QEvent, QRect, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPaintEvent,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from docentwijzer.i18n import t

if TYPE_CHECKING:
    from docentwijzer.sources import Source

from docentwijzer.ui.flow import FlowRow
from docentwijzer.ui.icons import IconLabel, icon, pixmap
from docentwijzer.ui.theme import changed as theme_changed
from docentwijzer.ui.theme import current as current_theme
from docentwijzer.ui.tokens import SMALL_MIN_PT, SPACE, TYPE

#: Heading level → (size factor, weight) from the type scale (``tokens.TYPE``).
_HEADINGS = {
    1: (TYPE["title"], QFont.Weight.Bold),
    2: (TYPE["section"], QFont.Weight.Bold),
    3: (TYPE["subsection"], QFont.Weight.DemiBold),
}


#: Start-up: the labels made before the first paint, selectable right after it (None: at once).
_selectable_later: list[QLabel] | None = None


def selectable(label: QLabel) -> None:
    """Text the mouse can select (and copy).

    Such a label lays its text out through a text document of its own, again for every width
    a layout asks about: the Start screen's few labels took about 6 ms before the first paint.
    During start-up (:func:`select_after_first_paint`) a label gets it right after the paint,
    which looks the same (a test compares them pixel for pixel).
    """
    if _selectable_later is not None:
        _selectable_later.append(label)
    else:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)


def select_after_first_paint() -> None:
    """Start-up, before the window is built: labels become selectable in :func:`selectable_now`."""
    global _selectable_later
    _selectable_later = []


def selectable_now() -> None:
    """Right after the first paint: the labels made so far become selectable, and new ones at
    once (before the app's own style polishes them: it takes the Tab stop a selectable label
    gets, see ``ui/appstyle.py``)."""
    global _selectable_later
    labels, _selectable_later = _selectable_later or [], None
    for label in labels:
        if shiboken6.isValid(label):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)


def heading(text: str, level: int = 1) -> QLabel:
    """A title (1), section (2) or subsection (3) heading, on the one type scale."""
    label = QLabel(text)
    label.setObjectName(f"h{level}")
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    selectable(label)
    factor, weight = _HEADINGS.get(level, _HEADINGS[3])
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * factor)
    font.setWeight(weight)
    label.setFont(font)
    label.setAccessibleName(text)
    return label


def paragraph(text: str, *, muted: bool = False, rich: bool = False) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    selectable(label)
    if muted:
        label.setObjectName("muted")
    return label


def sources_line(sources: Iterable[Source]) -> QLabel:
    """ "Bron: ..." in small muted text, listing each distinct source once."""
    labels = list(dict.fromkeys(source.label() for source in sources))
    label = paragraph(t("app.sources", list="; ".join(labels)), muted=True)
    label.setObjectName("source")
    return small(label)


def small(label: QLabel) -> QLabel:
    """Sources and hints: the small size of the type scale, never below 9 pt."""
    font = label.font()
    font.setPointSizeF(max(SMALL_MIN_PT, font.pointSizeF() * TYPE["small"]))
    label.setFont(font)
    return label


def card(*children: QWidget, object_name: str = "card") -> QFrame:
    """A surface with a quiet edge (radius 8, padding 16) that groups what belongs together."""
    frame = QFrame()
    frame.setObjectName(object_name)
    frame.setFrameShape(QFrame.Shape.NoFrame)
    layout = QVBoxLayout(frame)
    pad = SPACE["l"]
    layout.setContentsMargins(pad, pad - 4, pad, pad)
    layout.setSpacing(SPACE["s"])
    for child in children:
        layout.addWidget(child)
    return frame


def section(title: str, *children: QWidget) -> QWidget:
    """A section heading with its content below it; more space above than inside."""
    host = QWidget()
    host.setObjectName("section")
    column = QVBoxLayout(host)
    column.setContentsMargins(0, SPACE["s"], 0, 0)
    column.setSpacing(SPACE["s"])
    column.addWidget(heading(title, 2))
    for child in children:
        column.addWidget(child)
    return host


#: Callout kinds (NL Design System "Alert"): the icon and the colour of the left edge.
CALLOUT_ICONS = {
    "info": ("info-circle", "primary"),
    "warning": ("alert-triangle", "warning"),
    "error": ("alert-circle", "danger"),
    "success": ("circle-check", "success"),
}


def callout(kind: str, title: str, text: str = "") -> QFrame:
    """A message in the page: 4 px coloured edge, icon, title, text. Not a Tab stop; the
    accessible name and description are the title and the text, without markup."""
    icon_name, token = CALLOUT_ICONS[kind]
    frame = QFrame()
    frame.setObjectName("callout")
    frame.setProperty("kind", kind)
    frame.setAccessibleName(title)
    if text:
        frame.setAccessibleDescription(text)
    row = QHBoxLayout(frame)
    row.setContentsMargins(SPACE["m"], SPACE["m"], SPACE["l"], SPACE["m"])
    row.setSpacing(SPACE["m"])
    row.addWidget(IconLabel(icon_name, token, 20), 0, Qt.AlignmentFlag.AlignTop)
    column = QVBoxLayout()
    column.setSpacing(SPACE["xs"])
    column.addWidget(heading(title, 3))
    if text:
        column.addWidget(paragraph(text))
    row.addLayout(column, 1)
    return frame


def empty_state(icon_name: str, text: str, action: QPushButton | None = None) -> QFrame:
    """What a list shows when it has nothing yet: an icon, one sentence, the way forward."""
    frame = QFrame()
    frame.setObjectName("emptyState")
    column = QVBoxLayout(frame)
    column.setContentsMargins(SPACE["xxxl"], SPACE["xl"], SPACE["xxxl"], SPACE["xl"])
    column.setSpacing(SPACE["m"])
    column.addWidget(IconLabel(icon_name, "muted", 32), 0, Qt.AlignmentFlag.AlignHCenter)
    label = paragraph(text)
    label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
    column.addWidget(label)
    if action is not None:
        column.addWidget(action, 0, Qt.AlignmentFlag.AlignHCenter)
    return frame


class IconButton(QPushButton):
    """A push button with a line icon that follows the colour scheme."""

    def __init__(self, icon_name: str, text: str = "", token: str = "text") -> None:
        super().__init__(text)
        self.icon_name, self.token = icon_name, token
        self.redraw()
        theme_changed().connect(self.redraw)  # a bound method: let go when the button goes

    def redraw(self) -> None:
        # As tall as a line of the button's text: it grows with the text size.
        size = max(16, self.fontMetrics().height())
        self.setIconSize(QSize(size, size))
        self.setIcon(icon(self.icon_name, self.token, size))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.redraw()


def icon_button(icon_name: str, name: str, text: str = "") -> QPushButton:
    """A button with an icon (and optional text); the accessible name and tooltip say what it
    does, also when only the icon shows."""
    button = IconButton(icon_name, text)
    button.setAccessibleName(name)
    button.setToolTip(name)
    return button


def scrolling(inner: QWidget) -> QScrollArea:
    """Wrap a screen's body so it stays usable at 200% text size."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(inner)
    return area


def path_field(path: object, name: str) -> QLineEdit:
    """A folder path shown read-only: selectable, copyable, never clipped at 200% text."""
    field = QLineEdit(str(path))
    field.setReadOnly(True)
    field.setAccessibleName(name)
    field.setCursorPosition(0)
    return field


def action_bar(object_name: str, accessible_name: str = "") -> tuple[QFrame, FlowRow]:
    """A bar pinned below a scrolling page, so the next step stays in view at any text size.

    Returns the bar (add it below the scroll area) and the row to put its buttons in; the
    theme draws its top edge (``#actionBar``, ``#leafBar``, ``#editorBar``). When the buttons
    do not fit side by side they go below each other, never cut.
    """
    bar = QFrame()
    bar.setObjectName(object_name)
    bar.setFrameShape(QFrame.Shape.NoFrame)
    if accessible_name:
        bar.setAccessibleName(accessible_name)
    row = FlowRow(bar)
    row.setContentsMargins(SPACE["xl"], SPACE["m"], SPACE["xl"], SPACE["m"])
    row.setSpacing(SPACE["s"])
    return bar, row


def primary_button(text: str) -> QPushButton:
    """The one main action of a screen: the only filled button, first in the bottom bar."""
    button = QPushButton(text)
    button.setProperty("variant", "primary")
    return button


def danger_button(text: str) -> QPushButton:
    """A destructive action: danger text and outline, no red fill, never the default button;
    confirm it or make it undoable."""
    button = QPushButton(text)
    button.setProperty("variant", "danger")
    button.setAutoDefault(False)
    button.setDefault(False)
    return button


class CardButton(QPushButton):
    """A large choice drawn as a card: icon, bold title, a line of detail, a chevron.

    The text is painted, not made of child labels, so a screen reader meets one push button
    (name = the title, description = the detail) instead of a button and its labels read
    twice. Wraps at any width and grows with the text size, icon and chevron included.
    """

    def __init__(self, title: str, detail: str = "", icon_name: str = "") -> None:
        super().__init__()
        self.title, self.detail, self.icon_name = title, detail, icon_name
        self.setObjectName("cardButton")
        self.setAccessibleName(title)
        if detail:
            self.setAccessibleDescription(detail)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        theme_changed().connect(self.update)
        #: width -> (title height, detail height): a layout asks many times for a few widths;
        #: emptied when the font changes
        self._measured: dict[int, tuple[int, int]] = {}

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self._measured.clear()
            self.updateGeometry()
        super().changeEvent(event)

    def description(self) -> str:
        """The line of detail (as a command link button names it)."""
        return self.detail

    # -- geometry (all in the widget's own font, so it follows the text size) ------------------

    def _fonts(self) -> tuple[QFont, QFont]:
        title = QFont(self.font())
        title.setPointSizeF(title.pointSizeF() * 1.1)
        title.setWeight(QFont.Weight.Bold)
        return title, QFont(self.font())

    def _metrics(self) -> tuple[int, int, int, int]:
        """(padding, icon size, gap, chevron size) in px."""
        line = self.fontMetrics().height()
        pad = max(SPACE["m"], round(line * 0.9))
        icon_size = round(line * 1.9) if self.icon_name else 0
        return pad, icon_size, round(line * 0.7), round(line * 1.6)

    def _text_width(self, width: int) -> int:
        pad, icon_size, gap, chevron = self._metrics()
        used = 2 * pad + (icon_size + gap if icon_size else 0) + gap + chevron
        return max(width - used, 40)

    def _text_heights(self, width: int) -> tuple[int, int]:
        known = self._measured.get(width)
        if known is None:
            known = self._measured[width] = self._measure(width)
        return known

    def _measure(self, width: int) -> tuple[int, int]:
        title_font, detail_font = self._fonts()
        text_width = self._text_width(width)
        flags = int(Qt.TextFlag.TextWordWrap)
        box = QRect(0, 0, text_width, 100000)
        title_h = QFontMetrics(title_font).boundingRect(box, flags, self.title).height()
        detail_h = (
            QFontMetrics(detail_font).boundingRect(box, flags, self.detail).height()
            if self.detail
            else 0
        )
        return title_h, detail_h

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        pad, icon_size, _gap, _chevron = self._metrics()
        title_h, detail_h = self._text_heights(width)
        inner = title_h + (SPACE["xs"] + detail_h if detail_h else 0)
        return 2 * pad + max(inner, icon_size)

    def sizeHint(self) -> QSize:
        width = self.fontMetrics().horizontalAdvance("M") * 30
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        pad, icon_size, gap, chevron = self._metrics()
        width = 2 * pad + icon_size + 2 * gap + chevron + self.fontMetrics().horizontalAdvance("M")
        width += self.fontMetrics().horizontalAdvance("M") * 8
        return QSize(width, self.heightForWidth(self.width() or width))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.setMinimumHeight(self.heightForWidth(event.size().width()))

    # -- painting ----------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        # The button's own panel (it has no text of its own), then the card's content on it.
        super().paintEvent(event)
        painter = QPainter(self)
        pad, icon_size, gap, chevron = self._metrics()
        enabled = self.isEnabled()
        x = pad
        if icon_size:
            token = "primary" if enabled else "disabled"
            painter.drawPixmap(x, pad, pixmap(self.icon_name, token, icon_size))
            x += icon_size + gap
        title_font, detail_font = self._fonts()
        title_h, detail_h = self._text_heights(self.width())
        text_width = self._text_width(self.width())
        colors = current_theme().colors
        flags = int(Qt.TextFlag.TextWordWrap) | int(Qt.AlignmentFlag.AlignLeft)
        painter.setPen(QColor(colors.text if enabled else colors.disabled))
        painter.setFont(title_font)
        painter.drawText(QRect(x, pad, text_width, title_h), flags, self.title)
        if self.detail:
            painter.setPen(QColor(colors.muted if enabled else colors.disabled))
            painter.setFont(detail_font)
            top = pad + title_h + SPACE["xs"]
            painter.drawText(QRect(x, top, text_width, detail_h), flags, self.detail)
        token = "primary" if enabled else "disabled"
        mark = pixmap("chevron-right", token, chevron)
        painter.drawPixmap(self.width() - pad - chevron, (self.height() - chevron) // 2, mark)
        painter.end()
