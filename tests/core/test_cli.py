"""The command line: version, language and the self-test that packaging relies on."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from docentwijzer import __version__


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, "-m", "docentwijzer", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"DocentWijzer {__version__}"


def test_self_test_builds_everything_and_says_so() -> None:
    result = run("--self-test")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "self-test OK" in result.stdout
    assert "2 languages" in result.stdout
    assert "2 PDFs written" in result.stdout


def test_unknown_language_is_refused_with_a_message() -> None:
    result = run("--lang", "de", "--version")
    assert result.returncode == 2
    assert "invalid choice" in result.stderr


def test_the_modules_loaded_before_qt_at_start_up_are_qt_free() -> None:
    """Start-up loads these before PySide6 (which reads the source of every module imported
    after it); one that pulled Qt in would undo that, so none may."""
    probe = (
        "import sys\n"
        "from docentwijzer import app\n"
        "app.import_core_first()\n"
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))))\n"
        "print(all(name in sys.modules for name in app.CORE_FIRST))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True
    )
    assert result.stdout.split("\n")[:2] == ["[]", "True"]


GOOD_PROFILE = {
    "kind": "docentwijzer-profile",
    "schema_version": 1,
    "institution": "Hogeschool Voorbeeld",
    "issued": "2026-11-01",
    "maintainer": {"name": "Servicedesk", "contact": "servicedesk@example.nl"},
    "contacts": {"studentendecaan": {"name": "Decanaat", "phone": "030 123 45 67"}},
}


def test_check_profile_prints_the_card_and_exits_0_without_a_display(tmp_path: Path) -> None:
    path = tmp_path / "instelling.json"
    path.write_text(json.dumps(GOOD_PROFILE), "utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    result = subprocess.run(
        [sys.executable, "-m", "docentwijzer", "--check-profile", str(path)],
        capture_output=True,
        text=True,
        env={**env, "QT_QPA_PLATFORM": "xcb"},  # would fail if a window were attempted
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "is in orde" in result.stdout
    assert "Studentendecaan: Decanaat · 030 123 45 67" in result.stdout
    assert "Beheerder: Servicedesk (servicedesk@example.nl)" in result.stdout
    english = run("--check-profile", str(path), "--lang", "en")
    assert english.returncode == 0
    assert "is fine" in english.stdout and "Maintainer: Servicedesk" in english.stdout


def test_check_profile_names_each_problem_and_exits_1(tmp_path: Path) -> None:
    path = tmp_path / "instelling.json"
    path.write_text(json.dumps({**GOOD_PROFILE, "maintainer": None, "kleur": "rood"}), "utf-8")
    result = run("--check-profile", str(path))
    assert result.returncode == 1
    assert result.stdout.split("\n")[1:3] == [
        "  • kleur: is onbekend.",
        "  • 'maintainer' (wie het bestand bijhoudt: name en contact) ontbreekt.",
    ]
    missing = run("--check-profile", str(tmp_path / "nergens.json"), "--lang", "en")
    assert missing.returncode == 1
    assert "will not be used" in missing.stdout and "cannot be read" in missing.stdout
    foreign = tmp_path / "settings.json"
    foreign.write_text('{"schema_version": 1, "language": "nl"}', "utf-8")
    result = run("--check-profile", str(foreign), "--lang", "en")
    assert result.returncode == 1
    assert "it is not a DocentWijzer" in result.stdout
