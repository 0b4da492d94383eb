"""Every preference, declared once with its default."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from docentwijzer import paths
from docentwijzer.first_paint import TEXT_SCALE_MAX, TEXT_SCALE_MIN, ColorScheme
from docentwijzer.storage import Loaded, load_document, save_document

SETTINGS_VERSION = 1
Language = Literal["nl", "en"]


class Settings(BaseModel):
    """User preferences. UI state (window geometry) lives in a separate file."""

    model_config = ConfigDict(extra="ignore", validate_assignment=True)

    schema_version: int = SETTINGS_VERSION
    language: Language = "nl"
    color_scheme: ColorScheme = "system"
    #: Text size in percent of the system font: trainers project at 150-200%.
    text_scale: int = Field(default=100, ge=TEXT_SCALE_MIN, le=TEXT_SCALE_MAX)
    #: Minutes of inactivity after which the notes vault locks.
    idle_lock_minutes: int = Field(default=5, ge=1, le=240)
    #: Notes older than this (since their last change) are offered for deletion.
    retention_months: int = Field(default=12, ge=1, le=120)


class SettingsStore:
    """Loads and saves :class:`Settings`; never overwrites a file it could not read."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or paths.settings_file()
        self._writable = True

    def load(self) -> Loaded[Settings]:
        loaded = load_document(self.path, Settings, version=SETTINGS_VERSION, default=Settings)
        self._writable = loaded.writable
        return loaded

    def save(self, settings: Settings) -> bool:
        """Persist; returns False when the file on disk is from a newer version (kept as is)."""
        if not self._writable:
            return False
        save_document(self.path, settings)
        return True


UI_STATE_VERSION = 1


class UiState(BaseModel):
    """Window geometry and the like: remembered, but not a preference."""

    model_config = ConfigDict(extra="ignore")

    schema_version: int = UI_STATE_VERSION
    #: Base64 of QMainWindow.saveGeometry(); opaque to the core.
    geometry: str = ""


def load_ui_state(path: Path | None = None) -> UiState:
    """UI state is disposable: an unreadable file is moved aside silently."""
    target = path or paths.ui_state_file()
    return load_document(target, UiState, version=UI_STATE_VERSION, default=UiState).value


def save_ui_state(state: UiState, path: Path | None = None) -> None:
    save_document(path or paths.ui_state_file(), state)
