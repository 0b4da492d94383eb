"""Every location the app reads or writes, in one place.

Locations come from platformdirs. ``DOCENTWIJZER_HOME`` points everything at one folder
(tests, trainers with a USB stick); a file named ``docentwijzer-portable`` beside the
executable does the same with a ``DocentWijzerData`` folder next to it (portable mode).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_DIR_NAME = "DocentWijzer"
HOME_ENV = "DOCENTWIJZER_HOME"
#: A folder that replaces the system-wide (managed) folders: tests and portable installs.
SITE_ENV = "DOCENTWIJZER_SITE"
PORTABLE_MARKER = "docentwijzer-portable"


def _override_home() -> Path | None:
    env = os.environ.get(HOME_ENV)
    if env:
        return Path(env).expanduser()
    exe_dir = Path(sys.executable).resolve().parent
    if (exe_dir / PORTABLE_MARKER).exists():
        return exe_dir / "DocentWijzerData"
    return None


def _ensure_private(folder: Path) -> Path:
    """Create ``folder`` readable by this user only (0700); notes are health data."""
    folder.mkdir(parents=True, exist_ok=True)
    if os.name == "posix":
        os.chmod(folder, 0o700)
    return folder


def config_dir(*, create: bool = True) -> Path:
    """Settings and UI state (``create=False``: only where it is, for a look without writing)."""
    home = _override_home()
    folder = (
        home / "config"
        if home is not None
        else Path(platformdirs.user_config_dir(APP_DIR_NAME, appauthor=False))
    )
    return _ensure_private(folder) if create else folder


def data_dir() -> Path:
    """Notes vault, favourites, the institution profile: never roams, never synced by us."""
    home = _override_home()
    if home is not None:
        return _ensure_private(home / "data")
    return _ensure_private(
        Path(platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False, roaming=False))
    )


def site_config_dirs() -> list[Path]:
    """The system-wide folders an administrator fills (the managed institution profile), in
    the order they are searched; never created by the app.

    platformdirs' site config folder: Linux each folder of ``$XDG_CONFIG_DIRS`` (by default
    ``/etc/xdg``) + ``/DocentWijzer``; macOS ``/Library/Application Support/DocentWijzer``;
    Windows ``C:\\ProgramData\\DocentWijzer``. ``DOCENTWIJZER_SITE`` replaces them all.
    """
    env = os.environ.get(SITE_ENV)
    if env:
        return [Path(env).expanduser()]
    joined = platformdirs.site_config_dir(APP_DIR_NAME, appauthor=False, multipath=True)
    return [Path(part) for part in joined.split(os.pathsep) if part]


def settings_file(*, create: bool = True) -> Path:
    return config_dir(create=create) / "settings.json"


def ui_state_file() -> Path:
    return config_dir() / "ui-state.json"
