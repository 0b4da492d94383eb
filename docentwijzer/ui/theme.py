"""Light and dark, and the text size: applied to the whole application."""

from __future__ import annotations

import os

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QApplication,
    QProxyStyle,
    QStyle,
    QStyleFactory,
    QStyleOption,
    QWidget,
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


def _dark_palette() -> QPalette:
    palette = QPalette()
    colors = {
        QPalette.ColorRole.Window: "#1f2227",
        QPalette.ColorRole.WindowText: "#e8e8e8",
        QPalette.ColorRole.Base: "#16181c",
        QPalette.ColorRole.AlternateBase: "#262a30",
        QPalette.ColorRole.ToolTipBase: "#2b2f36",
        QPalette.ColorRole.ToolTipText: "#f0f0f0",
        QPalette.ColorRole.PlaceholderText: "#9aa0a6",
        QPalette.ColorRole.Text: "#e8e8e8",
        QPalette.ColorRole.Button: "#2b2f36",
        QPalette.ColorRole.ButtonText: "#e8e8e8",
        QPalette.ColorRole.BrightText: "#ffffff",
        QPalette.ColorRole.Link: "#8ab4f8",
        QPalette.ColorRole.Highlight: "#3d6fb4",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.Mid: "#3a3f47",
        QPalette.ColorRole.Dark: "#121417",
        QPalette.ColorRole.Light: "#3a3f47",
    }
    for role, value in colors.items():
        palette.setColor(role, QColor(value))
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
        QPalette.ColorRole.WindowText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7d838b"))
    return palette


STYLE = {
    "light": """
        QCheckBox::indicator, QRadioButton::indicator { width: 0.9em; height: 0.9em; }
        #acuteBar { background: #fdecea; border-bottom: 1px solid #e3a29b; }
        #acuteLabel { color: #8a1c12; }
        #acuteButton:focus { border: 2px solid #8a1c12; border-radius: 4px; }
        #navigation { border: none; background: #e9ecef; }
        #navigation::item { padding: 7px 12px; }
        #navigation::item:selected { background: #1f5fa8; color: white; }
        #muted, #source { color: #555b62; }
        #disclaimer, #card, #contextPanel, #yourRole { background: #f4f6f8;
            border: 1px solid #d5dae0; border-radius: 6px; }
        #actionBar, #leafBar, #editorBar { border-top: 1px solid #c6cdd5; }
        #answer, #urgentAnswer { background: #ffffff; border: 1px solid #c6cdd5;
            border-left: 6px solid #8796a8; border-radius: 6px; padding: 4px 8px; }
        #urgentAnswer { background: #fbf3f1; border-left-color: #b4574b; }
        #answer[suggested="true"] { background: #eaf1fb; }
        #answer:focus, #urgentAnswer:focus { border-top: 2px solid #2a62b5;
            border-right: 2px solid #2a62b5; border-bottom: 2px solid #2a62b5; }
    """,
    "dark": """
        QCheckBox::indicator, QRadioButton::indicator { width: 0.9em; height: 0.9em; }
        #acuteBar { background: #4a1f1b; border-bottom: 1px solid #7a3a33; }
        #acuteLabel { color: #ffd9d4; }
        #acuteButton:focus { border: 2px solid #ffd9d4; border-radius: 4px; }
        #navigation { border: none; background: #191c20; }
        #navigation::item { padding: 7px 12px; }
        #navigation::item:selected { background: #3d6fb4; color: white; }
        #muted, #source { color: #b5bac1; }
        #disclaimer, #card, #contextPanel, #yourRole { background: #262a30;
            border: 1px solid #3a3f47; border-radius: 6px; }
        #actionBar, #leafBar, #editorBar { border-top: 1px solid #5a616b; }
        #answer, #urgentAnswer { background: #262a30; border: 1px solid #3a3f47;
            border-left: 6px solid #6f7c8c; border-radius: 6px; padding: 4px 8px; }
        #urgentAnswer { background: #33272a; border-left-color: #c7786d; }
        #answer[suggested="true"] { background: #22314a; }
        #answer:focus, #urgentAnswer:focus { border-top: 2px solid #8ab4f8;
            border-right: 2px solid #8ab4f8; border-bottom: 2px solid #8ab4f8; }
    """,
}


class AppStyle(QProxyStyle):
    """Fusion, with check boxes and radio buttons that keep a visible edge in dark mode.

    Fusion draws an indicator whose edge is a shade of the window colour, which all but
    disappears on a dark background. Their size follows the text through the style sheet
    (``::indicator`` in em). Do not override ``pixelMetric`` here: PySide6 (6.12, Python 3.11)
    mis-counts references to ``None`` when Qt calls it without an option, and the process
    aborts ("none_dealloc") after a while.
    """

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawPrimitive(element, option, painter, widget)
        box = element == QStyle.PrimitiveElement.PE_IndicatorCheckBox
        if not box and element != QStyle.PrimitiveElement.PE_IndicatorRadioButton:
            return
        enabled = bool(option.state & QStyle.StateFlag.State_Enabled)
        group = QPalette.ColorGroup.Active if enabled else QPalette.ColorGroup.Disabled
        focused = bool(option.state & QStyle.StateFlag.State_HasFocus)
        color = option.palette.color(
            group, QPalette.ColorRole.Highlight if focused else QPalette.ColorRole.Text
        )
        if not focused:
            color.setAlpha(180)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(color, 3.0 if focused else 1.5))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        rect = option.rect.adjusted(1, 1, -1, -1)
        if box:
            painter.drawRoundedRect(rect, 2, 2)
        else:
            painter.drawEllipse(rect)
        painter.restore()


_app_style: AppStyle | None = None


def apply_theme(
    app: QApplication,
    scheme_setting: str,
    text_scale: int,
    extra_style: dict[str, str] | None = None,
) -> str:
    """Apply colours and text size; returns the scheme actually used.

    ``extra_style`` (per scheme) is appended to the style sheet, e.g. trainer mode's contrast.
    """
    global _app_style
    if _app_style is None:  # once: app.style() is wrapped by the style-sheet style afterwards
        _app_style = AppStyle(QStyleFactory.create("Fusion"))
        app.setStyle(_app_style)
    scheme = effective_scheme(scheme_setting)
    app.setPalette(_dark_palette() if scheme == "dark" else app.style().standardPalette())
    base = app.property(_BASE_POINT_SIZE)
    if base is None:
        base = app.font().pointSizeF()
        app.setProperty(_BASE_POINT_SIZE, base)
    font = app.font()
    font.setPointSizeF(float(base) * text_scale / 100)
    app.setFont(font)
    sheet = STYLE[scheme] + (extra_style or {}).get(scheme, "")
    if app.styleSheet() != sheet:  # re-polishing every widget takes seconds: only on change
        app.setStyleSheet(sheet)
    return scheme
