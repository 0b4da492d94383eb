"""Settings survive crashes and bad files: atomic writes, corrupt files kept aside."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from docentwijzer import paths
from docentwijzer.settings import Settings, SettingsStore
from docentwijzer.storage import TEMP_SUFFIX, atomic_write_bytes, remove_stale_temp_files


def test_settings_round_trip(dw_home: Path) -> None:
    store = SettingsStore()
    assert store.load().value == Settings()
    assert store.save(Settings(language="en", text_scale=200, color_scheme="dark"))
    loaded = SettingsStore().load()
    assert loaded.notice is None
    assert (loaded.value.language, loaded.value.text_scale, loaded.value.color_scheme) == (
        "en",
        200,
        "dark",
    )
    assert json.loads(paths.settings_file().read_text())["schema_version"] == 1


@pytest.mark.parametrize(
    "garbage", [b"", b"{not json", b"[1, 2]", b'{"language": "fr"}', b"\xff\xfe"]
)
def test_a_corrupt_settings_file_is_kept_aside_and_defaults_are_used(garbage: bytes) -> None:
    path = paths.settings_file()
    path.write_bytes(garbage)
    loaded = SettingsStore().load()
    assert loaded.value == Settings()
    assert loaded.notice is not None and "beschadigd" in loaded.notice
    kept = [p for p in path.parent.iterdir() if ".corrupt-" in p.name]
    assert len(kept) == 1 and kept[0].read_bytes() == garbage
    assert kept[0].name in loaded.notice
    assert not path.exists()


def test_a_settings_file_from_a_newer_version_is_never_overwritten() -> None:
    path = paths.settings_file()
    newer = json.dumps({"schema_version": 99, "language": "en", "future": True})
    path.write_text(newer)
    store = SettingsStore()
    loaded = store.load()
    assert loaded.notice is not None and "nieuwere versie" in loaded.notice
    assert store.save(Settings(language="en")) is False
    assert path.read_text() == newer


def test_atomic_write_leaves_the_old_file_when_the_write_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "doc.json"
    target.write_bytes(b"old")

    def broken_replace(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError, match="No space"):
        atomic_write_bytes(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["doc.json"]


def test_stale_temp_files_are_removed(tmp_path: Path) -> None:
    (tmp_path / f".settings.json.abc{TEMP_SUFFIX}").write_bytes(b"half")
    (tmp_path / "settings.json").write_bytes(b"{}")
    assert remove_stale_temp_files(tmp_path) == 1
    assert [p.name for p in tmp_path.iterdir()] == ["settings.json"]


def test_home_override_and_private_permissions(dw_home: Path) -> None:
    assert paths.data_dir() == dw_home / "data"
    assert paths.config_dir() == dw_home / "config"
    if os.name == "posix":
        assert stat.S_IMODE(paths.data_dir().stat().st_mode) == 0o700


def test_without_override_the_data_folder_is_the_platform_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("DOCENTWIJZER_HOME")
    import platformdirs

    expected = Path(platformdirs.user_data_dir("DocentWijzer", appauthor=False, roaming=False))
    monkeypatch.setattr(paths, "_ensure_private", lambda folder: folder)
    assert paths.data_dir() == expected
