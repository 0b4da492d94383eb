"""Light, dark and trainer contrast, and the text size: applied to the whole application.

How (docs/design.md): colours come from ``ui/tokens.py``. A switch sets the application palette
first, then ONE style sheet, given to each region of a window (never ``app.setStyleSheet``, never
a sheet of its own on a single widget: every sheet change re-polishes the widgets under it). A
region is a screen, the navigation or a bar: regions on screen are restyled at once, hidden
screens when they are next shown (:func:`style_region`). Screens select
looks through object names and properties (``variant="primary"``), set before first show.
``ui/appstyle.AppStyle`` draws what the sheet cannot reach cheaply (check-box and combo-box
edges) from the same tokens, and makes labels and page scroll areas no Tab stop.
"""

from __future__ import annotations

import os

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, Signal, SignalInstance
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QPalette,
    QTextDocumentFragment,
)
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QWidget,
)

from docentwijzer.ui.tokens import (
    CONTROL_HEIGHT,
    FOCUS_WIDTH,
    RADIUS,
    SCHEMES,
    Colors,
    spacing_factor,
)

SCHEME_ENV = "DOCENTWIJZER_COLOR_SCHEME"
_BASE_POINT_SIZE = "docentwijzer_base_point_size"


def effective_scheme(setting: str) -> str:
    """'light' or 'dark': the environment override, then the setting, then the system."""
    forced = os.environ.get(SCHEME_ENV, "").strip().lower()
    if forced in ("light", "dark"):
        return forced
    if setting in ("light", "dark"):
        return setting
    hints = QGuiApplication.styleHints()
    return "dark" if hints.colorScheme() == Qt.ColorScheme.Dark else "light"


class Theme:
    """What is applied now: the token scheme, the text size and whether trainer mode is on."""

    def __init__(self, key: str = "light", text_scale: int = 100, trainer: bool = False) -> None:
        self.key = key
        self.text_scale = text_scale
        self.trainer = trainer

    @property
    def colors(self) -> Colors:
        return SCHEMES[self.key]

    @property
    def dark(self) -> bool:
        return QColor(self.colors.bg).lightness() < 128

    def px(self, value: float) -> int:
        """A spacing token in px at the current text size."""
        return round(value * spacing_factor(self.text_scale))

    @property
    def focus_width(self) -> int:
        return FOCUS_WIDTH["trainer" if self.trainer else "normal"]

    @property
    def control_height(self) -> int:
        return self.px(CONTROL_HEIGHT["trainer" if self.trainer else "normal"])


_theme = Theme()


class _Notifier(QObject):
    changed = Signal()


_notifier = _Notifier()


def changed() -> SignalInstance:
    """Emitted after the colours or the text size changed (e.g. to re-draw icons)."""
    return _notifier.changed


def current() -> Theme:
    return _theme


def _mix(a: str, b: str, amount: float) -> str:
    ca, cb = QColor(a), QColor(b)
    mixed = QColor(
        round(ca.red() + (cb.red() - ca.red()) * amount),
        round(ca.green() + (cb.green() - ca.green()) * amount),
        round(ca.blue() + (cb.blue() - ca.blue()) * amount),
    )
    return mixed.name()


def build_palette(c: Colors) -> QPalette:
    """The scheme as a QPalette, including the Disabled group."""
    r = QPalette.ColorRole
    palette = QPalette()
    colors = {
        r.Window: c.bg,
        r.WindowText: c.text,
        r.Base: c.field,
        r.AlternateBase: c.surface,
        r.ToolTipBase: c.surface,
        r.ToolTipText: c.text,
        r.PlaceholderText: c.muted,
        r.Text: c.text,
        r.Button: c.surface,
        r.ButtonText: c.text,
        r.BrightText: c.on_primary,
        r.Link: c.primary,
        r.LinkVisited: c.primary,
        r.Highlight: c.primary,
        r.HighlightedText: c.on_primary,
        r.Light: c.surface,
        r.Midlight: c.hover,
        r.Mid: c.input_border,
        r.Dark: c.input_border,
        r.Shadow: c.border,
        r.Accent: c.primary,
    }
    for role, value in colors.items():
        palette.setColor(role, QColor(value))
    disabled = QPalette.ColorGroup.Disabled
    for role in (r.Text, r.ButtonText, r.WindowText, r.PlaceholderText):
        palette.setColor(disabled, role, QColor(c.disabled))
    palette.setColor(disabled, r.Button, QColor(c.bg))
    palette.setColor(disabled, r.Base, QColor(c.bg))
    palette.setColor(disabled, r.Highlight, QColor(c.disabled))
    return palette


def window_sheet(theme: Theme) -> str:
    """The one style sheet of a main window (and the dialogs parented to it)."""
    c = theme.colors
    px = theme.px
    h = theme.control_height
    pad_y, pad_x = px(6), 16
    indicator = px(16)
    scroll = px(12)
    thick = 2 if theme.trainer else 1
    v = {
        **{name: getattr(c, name) for name in c.__dataclass_fields__},
        "primary_hover": _mix(c.primary, c.text, 0.2),
        "button_min": h - 2 * pad_y - 2 * thick,
        "field_min": h - 2 * px(4) - 2 * thick,
        "pad_y": pad_y,
        "pad_x": pad_x,
        "fpad_y": px(4),
        "fpad_x": px(8),
        "indicator": indicator,
        "scroll": scroll,
        "handle_r": scroll // 2 - 2,
        "radius": RADIUS["control"],
        "card_radius": RADIUS["card"],
        "thick": thick,
        "item_y": px(6),
        "item_x": px(10),
        "space_s": px(8),
    }
    return _SHEET % v


_SHEET = """
QToolTip { background: %(surface)s; color: %(text)s; border: 1px solid %(input_border)s;
  padding: 4px; }
QLabel#muted, QLabel#source, QLabel#hint { color: %(muted)s; }
QLabel#error { color: %(danger)s; }
QLabel#success { color: %(success)s; }

QFrame#card, QFrame#disclaimer, QFrame#contextPanel, QFrame#yourRole, QFrame#emptyState {
  background: %(surface)s; border: %(thick)spx solid %(border)s; border-radius: %(card_radius)spx; }
QFrame#callout { background: %(surface)s; border: %(thick)spx solid %(border)s;
  border-left: 4px solid %(primary)s; border-radius: %(radius)spx; }
QFrame#callout[kind="warning"] { border-left-color: %(warning)s; }
QFrame#callout[kind="error"] { border-left-color: %(danger)s; }
QFrame#callout[kind="success"] { border-left-color: %(success)s; }
QLabel#calloutIcon[kind="info"] { color: %(primary)s; }
QFrame#actionBar, QFrame#leafBar, QFrame#editorBar { background: %(surface)s;
  border: none; border-top: %(thick)spx solid %(border)s; }
QFrame#separator { background: %(border)s; max-height: 1px; border: none; }

QFrame#acuteBar { background: %(acute_fill)s; border: none;
  border-bottom: 2px solid %(acute_edge)s; }
QPushButton#acuteButton, QPushButton#acuteButton:hover { background: transparent; border: none;
  padding: 0; min-height: 0; }
QLabel#acuteLabel, QLabel#acuteIcon { color: %(acute_text)s; }
QFrame#trainerBar { background: %(selected)s; border-bottom: 2px solid %(text)s; }
QFrame#trainerBar QLabel { color: %(text)s; font-weight: bold; }

QListWidget#navigation { background: %(nav)s; border: none;
  border-right: 1px solid %(border)s; border-radius: 0; outline: 0; padding: %(space_s)spx 0; }
QListWidget#navigation::item { color: %(text)s; padding: %(item_y)spx %(item_x)spx;
  margin: 1px %(space_s)spx 1px 0; border: 2px solid transparent;
  border-left: 4px solid transparent;
  border-top-right-radius: %(radius)spx; border-bottom-right-radius: %(radius)spx; }
QListWidget#navigation::item:hover { background: %(hover)s; }
QListWidget#navigation::item:selected { background: %(selected)s; color: %(text)s;
  border-left-color: %(primary)s; }
QListWidget#navigation::item:focus { border-color: %(focus)s; }
QListWidget#navigation::item:selected:focus { border-color: %(focus)s;
  border-left-color: %(primary)s; }

QListView, QTreeView, QTableView { background: %(field)s; color: %(text)s;
  border: %(thick)spx solid %(input_border)s; border-radius: %(radius)spx; outline: 0;
  selection-background-color: %(selected)s; selection-color: %(text)s; }
QListView::item, QTreeView::item, QTableView::item { padding: %(fpad_y)spx %(fpad_x)spx;
  border: 2px solid transparent; color: %(text)s; }
QListView::item:hover, QTreeView::item:hover, QTableView::item:hover { background: %(hover)s; }
QListView::item:selected, QTreeView::item:selected, QTableView::item:selected {
  background: %(selected)s; color: %(text)s; }
QListView::item:focus, QTreeView::item:focus, QTableView::item:focus { border-color: %(focus)s; }
QHeaderView::section { background: %(surface)s; color: %(text)s; font-weight: bold; border: none;
  border-bottom: 1px solid %(input_border)s; padding: %(fpad_y)spx %(fpad_x)spx; }
QTableCornerButton::section { background: %(surface)s; border: none; }

QPushButton { background: %(surface)s; color: %(text)s;
  border: %(thick)spx solid %(input_border)s; border-radius: %(radius)spx;
  padding: %(pad_y)spx %(pad_x)spx; min-height: %(button_min)spx; }
QPushButton:hover { background: %(hover)s; }
QPushButton:pressed, QPushButton:checked { background: %(selected)s; }
QPushButton:checked { border: 2px solid %(primary)s; font-weight: bold; }
QPushButton[variant="primary"] { background: %(primary)s; color: %(on_primary)s;
  border-color: %(primary)s; font-weight: bold; }
QPushButton[variant="primary"]:hover { background: %(primary_hover)s;
  border-color: %(primary_hover)s; }
QPushButton[variant="danger"] { color: %(danger)s; border-color: %(danger)s; }
QPushButton:disabled, QPushButton[variant="primary"]:disabled,
QPushButton[variant="danger"]:disabled { background: transparent; color: %(disabled)s;
  border: %(thick)spx dashed %(disabled)s; }
QPushButton:flat { background: transparent; border: none; }
QPushButton#cardButton { background: %(surface)s; border: %(thick)spx solid %(input_border)s;
  border-radius: %(card_radius)spx; padding: 0; text-align: left; }
QPushButton#cardButton:hover { background: %(hover)s; }
QPushButton#cardButton[urgent="true"] { border-color: %(acute_edge)s; }
QPushButton#cardButton QLabel { background: transparent; }
QPushButton#cardButton QLabel#cardIcon, QPushButton#cardButton QLabel#cardChevron {
  color: %(primary)s; }
QToolButton { background: %(surface)s; color: %(text)s;
  border: %(thick)spx solid %(input_border)s; border-radius: %(radius)spx;
  padding: %(pad_y)spx %(space_s)spx; min-height: %(button_min)spx; }
QToolButton:hover { background: %(hover)s; }
QToolButton:disabled { background: transparent; color: %(disabled)s;
  border: %(thick)spx dashed %(disabled)s; }

QLineEdit, QPlainTextEdit, QTextEdit { background: %(field)s; color: %(text)s;
  border: %(thick)spx solid %(input_border)s; border-radius: %(radius)spx;
  padding: %(fpad_y)spx %(fpad_x)spx; selection-background-color: %(primary)s;
  selection-color: %(on_primary)s; }
QLineEdit { min-height: %(field_min)spx; }
QLineEdit:read-only, QPlainTextEdit[readOnly="true"] { background: %(surface)s; }
QLineEdit[managed="true"] { background: %(bg)s; border-style: dashed; }
QLineEdit:disabled, QPlainTextEdit:disabled, QTextEdit:disabled { color: %(disabled)s;
  border-style: dashed; border-color: %(disabled)s; background: %(bg)s; }
QLineEdit[invalid="true"], QPlainTextEdit[invalid="true"] { border: 2px solid %(danger)s; }

QCheckBox, QRadioButton { spacing: %(space_s)spx; min-height: %(field_min)spx; color: %(text)s; }
QCheckBox:disabled, QRadioButton:disabled { color: %(disabled)s; }
QCheckBox::indicator, QRadioButton::indicator { width: %(indicator)spx; height: %(indicator)spx; }

QTabWidget::pane { border: %(thick)spx solid %(border)s; background: %(surface)s;
  border-radius: %(radius)spx; top: -1px; }
QTabBar::tab { background: %(bg)s; color: %(text)s; border: 1px solid %(border)s;
  border-bottom: none; padding: %(pad_y)spx %(pad_x)spx;
  border-top-left-radius: %(radius)spx; border-top-right-radius: %(radius)spx; }
QTabBar::tab:hover { background: %(hover)s; }
QTabBar::tab:selected { background: %(surface)s; border-color: %(input_border)s;
  border-top: 3px solid %(primary)s; font-weight: bold; }

QProgressBar { background: %(field)s; color: %(text)s; border: 1px solid %(input_border)s;
  border-radius: %(radius)spx; text-align: center; min-height: %(space_s)spx; }
QProgressBar::chunk { background: %(primary)s; border-radius: %(radius)spx; }

QScrollBar:vertical { background: transparent; width: %(scroll)spx; margin: 0; border: none; }
QScrollBar:horizontal { background: transparent; height: %(scroll)spx; margin: 0; border: none; }
QScrollBar::handle { background: %(input_border)s; border-radius: %(handle_r)spx; margin: 2px; }
QScrollBar::handle:vertical { min-height: 32px; }
QScrollBar::handle:horizontal { min-width: 32px; }
QScrollBar::handle:hover, QScrollBar::handle:pressed { background: %(text)s; }
QScrollBar::add-line, QScrollBar::sub-line { width: 0; height: 0; border: none;
  background: none; }
QScrollBar::add-page, QScrollBar::sub-page { background: none; }
QSplitter::handle { background: %(border)s; }

QWidget#option { background: %(surface)s; border: %(thick)spx solid %(input_border)s;
  border-radius: %(radius)spx; }
QWidget#option[checked="true"] { background: %(selected)s; border: 2px solid %(primary)s; }
QWidget#option[focused="true"] { border: 2px solid %(focus)s; }
QSplitter::handle:horizontal { width: 1px; }
QSplitter::handle:vertical { height: 1px; }
"""


def plain_name(label: QLabel) -> None:
    """A label showing rich text is read by its text: give it the words, not the markup.

    Qt reports a QLabel's text as its accessible name, HTML tags and entities included, so a
    screen reader read "<b>Studentpsycholoog</b><br>..." and "&#x27;". Called when a label is
    first polished and by code that changes a rich label's text.
    """
    text = label.accessibleName() or label.text()
    if label.textFormat() == Qt.TextFormat.PlainText and not label.accessibleName():
        return
    if "<" not in text and "&" not in text:
        return
    label.setAccessibleName(plain_text(text))


def plain_text(html: str) -> str:
    """What a screen reader should say for a piece of rich text: the words, no tags or
    entities ("&#x27;" becomes "'")."""
    return QTextDocumentFragment.fromHtml(html).toPlainText().strip()


class _LateSheet(QObject):
    """Gives a hidden region the current sheet when it is shown, not before."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget):
            watched.removeEventFilter(self)
            _give_sheet(watched)
        return False


_regions: list[QWidget] = []
_late: _LateSheet | None = None
_sheet_cache: tuple[tuple[str, int, bool], str] | None = None


def current_sheet() -> str:
    global _sheet_cache
    key = (_theme.key, _theme.text_scale, _theme.trainer)
    if _sheet_cache is None or _sheet_cache[0] != key:
        _sheet_cache = (key, window_sheet(_theme))
    return _sheet_cache[1]


def _give_sheet(widget: QWidget) -> None:
    sheet = current_sheet()
    if widget.styleSheet() != sheet:
        widget.setStyleSheet(sheet)


def style_region(widget: QWidget) -> None:
    """Give a part of a window (a screen, the navigation, a bar) the sheet, now and after every
    switch. A switch restyles the regions on screen at once and the others when next shown, so
    its cost follows what is visible, not how many screens were opened."""
    if widget not in _regions:
        _regions.append(widget)
    _give_sheet(widget)


def style_dialog(dialog: QWidget) -> None:
    """A dialog gets the sheet once; it lives shorter than any switch."""
    _give_sheet(dialog)


def _restyle_regions() -> None:
    global _late
    if _late is None:
        _late = _LateSheet()
    alive = [w for w in _regions if shiboken6.isValid(w)]
    _regions[:] = alive
    for widget in alive:
        if widget.isVisible():
            _give_sheet(widget)
        elif widget.styleSheet() != current_sheet():
            widget.removeEventFilter(_late)
            widget.installEventFilter(_late)


def apply_theme(
    app: QApplication, scheme_setting: str, text_scale: int, *, contrast: bool = False
) -> str:
    """Apply colours and text size to the app and every styled region; returns 'light'/'dark'.

    ``contrast``: trainer mode's high-contrast look (bigger targets, thicker focus ring).
    """
    global _theme
    scheme = effective_scheme(scheme_setting)
    key = f"contrast_{scheme}" if contrast else scheme
    _theme = Theme(key, text_scale, contrast)
    app.setPalette(build_palette(_theme.colors))
    base = app.property(_BASE_POINT_SIZE)
    if base is None:
        base = app.font().pointSizeF()
        app.setProperty(_BASE_POINT_SIZE, base)
    size = float(base) * text_scale / 100
    if app.font().pointSizeF() != size:
        font = app.font()
        font.setPointSizeF(size)
        app.setFont(font)
    _restyle_regions()
    _notifier.changed.emit()
    return scheme


def set_variant(widget: QWidget, variant: str) -> None:
    """``primary``, ``secondary`` or ``danger``; re-polishes only this widget if it is shown."""
    widget.setProperty("variant", variant)
    if widget.isVisible():
        widget.style().unpolish(widget)
        widget.style().polish(widget)


def repolish(widget: QWidget) -> None:
    """After a property the sheet selects on changed: restyle this one widget."""
    widget.style().unpolish(widget)
    widget.style().polish(widget)
    widget.update()
