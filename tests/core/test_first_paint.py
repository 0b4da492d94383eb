"""What the first paint reads without pydantic agrees with the validated loaders, and anything
odd falls back to the defaults (the full loader then reports it, after the first paint)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from docentwijzer import i18n
from docentwijzer.first_paint import FirstPaint, acute_bar_texts, preferences, window_geometry
from docentwijzer.helplines import help_content
from docentwijzer.settings import Settings, SettingsStore


def write(path: Path, data: object) -> Path:
    path.write_text(json.dumps(data) if not isinstance(data, str) else data, encoding="utf-8")
    return path


def test_valid_preferences_are_read_as_the_settings_model_reads_them(tmp_path: Path) -> None:
    file = write(
        tmp_path / "settings.json",
        {"schema_version": 1, "language": "en", "color_scheme": "dark", "text_scale": 150},
    )
    read = preferences(file)
    validated = SettingsStore(file).load().value
    assert read == FirstPaint("en", "dark", 150)
    assert read == (validated.language, validated.color_scheme, validated.text_scale)


def test_a_missing_file_gives_the_settings_models_defaults(tmp_path: Path) -> None:
    defaults = Settings()
    assert preferences(tmp_path / "none.json") == FirstPaint(
        defaults.language, defaults.color_scheme, defaults.text_scale
    )


@pytest.mark.parametrize(
    "content",
    [
        "{{{{",
        "[" * 100_000,
        "[1, 2]",
        {"language": "de", "color_scheme": "purple", "text_scale": 1000},
        {"language": 1, "color_scheme": None, "text_scale": "150"},
        {"text_scale": True},
        {"text_scale": 79},
        {"text_scale": 251},
    ],
)
def test_anything_unexpected_paints_with_the_defaults(tmp_path: Path, content: object) -> None:
    file = write(tmp_path / "settings.json", content)
    assert preferences(file) == FirstPaint()
    assert file.exists()  # the first paint moves nothing: the full loader does, and says so


def test_only_the_bad_field_falls_back(tmp_path: Path) -> None:
    file = write(tmp_path / "settings.json", {"language": "en", "text_scale": 9000})
    assert preferences(file) == FirstPaint(language="en")


@pytest.mark.skipif(os.name != "posix", reason="a FIFO needs a POSIX system")
def test_a_fifo_in_place_of_the_settings_file_does_not_hang_the_start(tmp_path: Path) -> None:
    fifo = tmp_path / "settings.json"
    os.mkfifo(fifo)
    assert preferences(fifo) == FirstPaint()


def test_window_geometry(tmp_path: Path) -> None:
    assert window_geometry(write(tmp_path / "a.json", {"geometry": "AdnQywAD"})) == "AdnQywAD"
    assert window_geometry(write(tmp_path / "b.json", {"geometry": 42})) == ""
    assert window_geometry(write(tmp_path / "c.json", "nonsense")) == ""
    assert window_geometry(tmp_path / "missing.json") == ""


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_the_acute_bar_reads_what_the_validated_help_content_says(lang: i18n.Lang) -> None:
    content = help_content(lang)
    assert acute_bar_texts(lang) == (content.bar_danger, content.bar_suicide, content.bar_chat)
