"""What the window's first paint needs, read by the cheapest correct path: no pydantic.

Importing pydantic and building its models takes longer than Qt needs to put a bare window on
screen. The first paint needs only a few things: the language, colour scheme and text size, the
window's last position and the acute bar's text (the interface strings are read the same way by
:mod:`docentwijzer.i18n`). They are read here with the standard library, through the same safe
reader as every user file; anything missing or unexpected falls back to the default.

Right after the first paint the usual loaders (``SettingsStore.load``, ``load_ui_state``,
``i18n.catalog``, ``helplines.help_content``) validate everything fully, and what they find (a
damaged settings file set aside, a broken content file) reaches the user as before.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal, NamedTuple, get_args

from docentwijzer.i18n import DEFAULT_LANGUAGE, LANGUAGES, Lang
from docentwijzer.userfiles import UserFileError, read_json

ColorScheme = Literal["system", "light", "dark"]
COLOR_SCHEMES: tuple[ColorScheme, ...] = get_args(ColorScheme)
#: Text size in percent of the system font (the settings model's bounds).
TEXT_SCALE_MIN, TEXT_SCALE_MAX = 80, 250
#: A settings or window-state file is far below this; a larger one is left to the full loader.
_LIMIT = 1_000_000


class FirstPaint(NamedTuple):
    """The preferences the first paint uses (the settings model's defaults when not readable)."""

    language: Lang = DEFAULT_LANGUAGE
    color_scheme: ColorScheme = "system"
    text_scale: int = 100


def _object(path: Path) -> dict[str, Any]:
    try:
        raw = read_json(path, limit=_LIMIT)
    except (UserFileError, OSError, ValueError):
        return {}
    return raw if isinstance(raw, dict) else {}


def preferences(path: Path) -> FirstPaint:
    """Language, colour scheme and text size from the settings file, each only if valid."""
    raw = _object(path)
    default = FirstPaint()
    language = raw.get("language")
    scheme = raw.get("color_scheme")
    scale = raw.get("text_scale")
    return FirstPaint(
        language=language if language in LANGUAGES else default.language,
        color_scheme=scheme if scheme in COLOR_SCHEMES else default.color_scheme,
        text_scale=(
            scale
            if type(scale) is int and TEXT_SCALE_MIN <= scale <= TEXT_SCALE_MAX
            else default.text_scale
        ),
    )


def window_geometry(path: Path) -> str:
    """The saved window geometry (base64 text), or "" when there is none."""
    geometry = _object(path).get("geometry")
    return geometry if isinstance(geometry, str) else ""


@cache
def acute_bar_texts(lang: Lang) -> tuple[str, str, str] | None:
    """The acute bar's three texts from ``content/<lang>/hulp.json``; None if not all there.

    None sends the caller to the full, validating loader at once (which names what is wrong).
    """
    file = resources.files("docentwijzer") / "content" / lang / "hulp.json"
    try:
        with resources.as_file(file) as path:
            raw = _object(path)
    except OSError:
        return None
    texts = tuple(raw.get(key) for key in ("bar_danger", "bar_suicide", "bar_chat"))
    if all(isinstance(text, str) and text.strip() for text in texts):
        return texts  # type: ignore[return-value]
    return None
