"""Trainer mode's look and session: full screen, 200% text, high contrast, notes hidden.

The main window switches the mode (``enter_trainer_mode`` / ``leave_trainer_mode``); this module
supplies what it needs: the high-contrast look, the bar with the way back, and the
:class:`TrainerSession` that remembers what to restore. Nothing in trainer mode is persisted.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QFrame, QHBoxLayout, QLabel, QPushButton

from docentwijzer.i18n import t

from docentwijzer.ui.theme import apply_theme


class _Preferences(Protocol):
    color_scheme: str
    text_scale: int


class TrainerWindow(Protocol):
    """What trainer mode needs of the main window (which imports this module, not the reverse)."""

    @property
    def settings(self) -> _Preferences: ...

    def windowState(self) -> Qt.WindowState: ...

    def navigate(self, area_id: str) -> bool: ...

    def leave_trainer_mode(self) -> None: ...

    def showMaximized(self) -> None: ...

    def showNormal(self) -> None: ...


#: Trainer mode projects at this text size (percent); the setting itself is left alone.
TRAINER_TEXT_SCALE = 200

_R = QPalette.ColorRole
_CONTRAST: dict[str, dict[QPalette.ColorRole, str]] = {
    "light": {
        _R.Window: "#ffffff",
        _R.WindowText: "#000000",
        _R.Base: "#ffffff",
        _R.AlternateBase: "#eeeeee",
        _R.Text: "#000000",
        _R.Button: "#ffffff",
        _R.ButtonText: "#000000",
        _R.BrightText: "#000000",
        _R.PlaceholderText: "#333333",
        _R.ToolTipBase: "#ffffff",
        _R.ToolTipText: "#000000",
        _R.Highlight: "#0033a0",
        _R.HighlightedText: "#ffffff",
        _R.Link: "#0033a0",
        _R.Light: "#ffffff",
        _R.Mid: "#000000",
        _R.Dark: "#000000",
        _R.Shadow: "#000000",
    },
    "dark": {
        _R.Window: "#000000",
        _R.WindowText: "#ffffff",
        _R.Base: "#000000",
        _R.AlternateBase: "#1a1a1a",
        _R.Text: "#ffffff",
        _R.Button: "#000000",
        _R.ButtonText: "#ffffff",
        _R.BrightText: "#ffffff",
        _R.PlaceholderText: "#cccccc",
        _R.ToolTipBase: "#000000",
        _R.ToolTipText: "#ffffff",
        _R.Highlight: "#ffd200",
        _R.HighlightedText: "#000000",
        _R.Link: "#ffd200",
        _R.Light: "#000000",
        _R.Mid: "#ffffff",
        _R.Dark: "#ffffff",
        _R.Shadow: "#ffffff",
    },
}

_CONTRAST_STYLE = {
    "light": """
        #acuteBar { background: #ffffff; border-bottom: 3px solid #a00000; }
        #acuteButton { color: #8b0000; border: none; background: transparent; }
        #muted, #source { color: #111111; }
        #disclaimer, #card { background: #ffffff; border: 2px solid #000000; border-radius: 6px; }
        #trainerBar { background: #000000; }
        #trainerBar QLabel { color: #ffffff; font-weight: bold; }
        QPushButton { background: #ffffff; color: #000000; border: 2px solid #000000;
                      border-radius: 6px; padding: 4px 12px; }
        QPushButton:focus { border: 4px solid #0033a0; }
        QPushButton:checked { background: #000000; color: #ffffff; }
        #trainerBar QPushButton { border-color: #ffffff; }
    """,
    "dark": """
        #acuteBar { background: #000000; border-bottom: 3px solid #ff6b5e; }
        #acuteButton { color: #ffb3ab; border: none; background: transparent; }
        #muted, #source { color: #eeeeee; }
        #disclaimer, #card { background: #000000; border: 2px solid #ffffff; border-radius: 6px; }
        #trainerBar { background: #ffd200; }
        #trainerBar QLabel { color: #000000; font-weight: bold; }
        QPushButton { background: #000000; color: #ffffff; border: 2px solid #ffffff;
                      border-radius: 6px; padding: 4px 12px; }
        QPushButton:focus { border: 4px solid #ffd200; }
        QPushButton:checked { background: #ffffff; color: #000000; }
        #trainerBar QPushButton { border-color: #000000; }
    """,
}


def _app() -> QApplication:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    return app


def apply_trainer_look(scheme_setting: str) -> str:
    """200% text and a high-contrast palette, light or dark; returns the scheme used."""
    app = _app()
    scheme = apply_theme(app, scheme_setting, TRAINER_TEXT_SCALE, _CONTRAST_STYLE)
    palette = QPalette()
    for role, value in _CONTRAST[scheme].items():
        palette.setColor(role, QColor(value))
    for role in (_R.Text, _R.ButtonText, _R.WindowText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#777777"))
    app.setPalette(palette)
    return scheme


class TrainerBar(QFrame):
    """Under the acute-help bar in trainer mode: what mode this is, and the way back."""

    def __init__(self, window: TrainerWindow) -> None:
        super().__init__()
        self.setObjectName("trainerBar")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 10, 4)
        self.label = QLabel(t("training.bar"))
        self.label.setWordWrap(True)
        layout.addWidget(self.label, 1)
        self.back_button = QPushButton(t("training.back_to_cases"))
        self.back_button.clicked.connect(lambda: window.navigate("training"))
        layout.addWidget(self.back_button)
        self.leave_button = QPushButton(t("training.leave"))
        self.leave_button.setObjectName("leaveTrainerMode")
        self.leave_button.setAccessibleName(t("training.leave"))
        self.leave_button.clicked.connect(window.leave_trainer_mode)
        layout.addWidget(self.leave_button)


class TrainerSession:
    """What trainer mode changed, so that leaving puts it all back. It writes nothing."""

    def __init__(self, window: TrainerWindow) -> None:
        self.window = window
        self.previous_state = window.windowState()
        self.scheme = window.settings.color_scheme

    def apply_look(self) -> None:
        apply_trainer_look(self.scheme)

    def set_scheme(self, scheme: str) -> None:
        """Light/dark chosen during the session: applied, not remembered."""
        self.scheme = scheme
        self.apply_look()

    def restore_look(self) -> None:
        settings = self.window.settings
        apply_theme(_app(), settings.color_scheme, settings.text_scale)

    def bar(self) -> TrainerBar:
        return TrainerBar(self.window)

    def restore_window(self) -> None:
        if self.previous_state & Qt.WindowState.WindowFullScreen:
            return
        if self.previous_state & Qt.WindowState.WindowMaximized:
            self.window.showMaximized()
        else:
            self.window.showNormal()


__all__ = ["TRAINER_TEXT_SCALE", "TrainerBar", "TrainerSession", "apply_trainer_look"]
