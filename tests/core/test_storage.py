"""Settings survive crashes and bad files: atomic writes, corrupt files kept aside."""

from __future__ import annotations

import json
import os
import stat
import tempfile
from pathlib import Path

import pytest

from docentwijzer import paths, storage
from docentwijzer.settings import Settings, SettingsStore, UiState, load_ui_state
from docentwijzer.storage import TEMP_SUFFIX, atomic_write_bytes, remove_stale_temp_files
from tests.core.userfile_support import HOSTILE, finishes, make_hostile


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


@pytest.mark.parametrize("kind", HOSTILE)
def test_a_hostile_settings_file_is_set_aside_quickly_and_defaults_are_used(kind: str) -> None:
    """Deep nesting used to raise RecursionError and stop the app from starting."""
    path = make_hostile(paths.settings_file(), kind)
    loaded = finishes(lambda: SettingsStore().load(), fifo=path)
    assert not isinstance(loaded, BaseException), loaded
    assert loaded.value == Settings()  # type: ignore[attr-defined]
    assert loaded.notice and "bewaard als" in loaded.notice  # type: ignore[attr-defined]
    assert not os.path.lexists(path)
    assert [p for p in path.parent.iterdir() if ".corrupt-" in p.name]


def test_a_broken_settings_file_that_cannot_be_moved_still_gives_defaults(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = make_hostile(paths.settings_file(), "deep")
    before = path.read_bytes()

    def refuse(*_args: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    store = SettingsStore()
    loaded = store.load()
    assert loaded.value == Settings()
    assert loaded.notice and "settings.json" in loaded.notice
    assert store.save(Settings(language="en")) is False  # never overwrites what it could not read
    assert path.read_bytes() == before


def test_a_broken_ui_state_file_is_set_aside() -> None:
    make_hostile(paths.ui_state_file(), "deep")
    assert load_ui_state() == UiState()
    assert not paths.ui_state_file().exists()


FILE_CALLS = ["mkstemp", "write", "fsync", "replace", "fsync_dir"]


@pytest.mark.parametrize("call", FILE_CALLS)
def test_saving_settings_on_a_full_disk_fails_cleanly_at_every_file_call(
    monkeypatch: pytest.MonkeyPatch, call: str
) -> None:
    """Every file-system call of the save fails in turn: OSError, the old file intact."""
    store = SettingsStore()
    assert store.save(Settings(language="en"))
    before = paths.settings_file().read_bytes()

    def full(*_args: object, **_kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    if call == "mkstemp":
        monkeypatch.setattr(tempfile, "mkstemp", full)
    elif call == "write":
        monkeypatch.setattr(os, "fdopen", lambda *a, **k: _FullFile())
    elif call == "fsync":
        monkeypatch.setattr(os, "fsync", full)
    elif call == "replace":
        monkeypatch.setattr(os, "replace", full)
    else:
        monkeypatch.setattr(storage, "fsync_dir", full)
    with pytest.raises(OSError, match="No space"):
        store.save(Settings(language="nl", text_scale=150))
    if call != "fsync_dir":  # after the rename the new file is in place (only durability failed)
        assert paths.settings_file().read_bytes() == before
    assert not [p for p in paths.config_dir().iterdir() if p.name.endswith(TEMP_SUFFIX)]


class _FullFile:
    def __enter__(self) -> _FullFile:
        return self

    def __exit__(self, *_: object) -> None:
        return None

    def write(self, _data: bytes) -> int:
        raise OSError(28, "No space left on device")
