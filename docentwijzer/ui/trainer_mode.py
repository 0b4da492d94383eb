"""Trainer mode's look and session: full screen, 200% text, high contrast, notes hidden.

The main window switches the mode (``enter_trainer_mode`` / ``leave_trainer_mode``); this module
supplies what it needs: the high-contrast look, the bar with the way back, and the
:class:`TrainerSession` that remembers what to restore. Nothing in trainer mode is persisted.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import Qt, SignalInstance
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

    @property
    def area_changed(self) -> SignalInstance: ...

    def current_area(self) -> str: ...

    def navigate(self, area_id: str) -> bool: ...

    def leave_trainer_mode(self) -> None: ...

    def showMaximized(self) -> None: ...

    def showNormal(self) -> None: ...


#: Trainer mode projects at this text size (percent); the setting itself is left alone.
TRAINER_TEXT_SCALE = 200

#: What a trainer projects to the room, and what the bar's way back to it says: a case on
#: Training, a conversation on Oefenen. On that screen itself the bar offers no way back.
PROJECTED = {"training": "training.back_to_cases", "oefenen": "training.back_to_conversation"}


def _app() -> QApplication:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    return app


def apply_trainer_look(scheme_setting: str) -> str:
    """200% text and the high-contrast scheme, light or dark; returns the scheme used."""
    return apply_theme(_app(), scheme_setting, TRAINER_TEXT_SCALE, contrast=True)


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
        # Back to what is being projected (the case, or the practice conversation), from a tool
        # opened on the way; the last of the two shown, Training when neither was yet.
        current = window.current_area()
        self.projected = current if current in PROJECTED else "training"
        self.back_button = QPushButton(t(PROJECTED[self.projected]))
        self.back_button.setObjectName("backToProjected")
        self.back_button.clicked.connect(lambda: window.navigate(self.projected))
        layout.addWidget(self.back_button)
        self.leave_button = QPushButton(t("training.leave"))
        self.leave_button.setObjectName("leaveTrainerMode")
        self.leave_button.setAccessibleName(t("training.leave"))
        self.leave_button.clicked.connect(window.leave_trainer_mode)
        layout.addWidget(self.leave_button)
        self.show_area(current)
        window.area_changed.connect(self.show_area)

    def show_area(self, area_id: str) -> None:
        """The screen now shown: remember it if it is projected; offer the way back if not."""
        if area_id in PROJECTED:
            self.projected = area_id
            self.back_button.setText(t(PROJECTED[area_id]))
        self.back_button.setVisible(area_id not in PROJECTED)


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


__all__ = ["PROJECTED", "TRAINER_TEXT_SCALE", "TrainerBar", "TrainerSession", "apply_trainer_look"]
