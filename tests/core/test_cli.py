"""The command line: version, language and the self-test that packaging relies on."""

from __future__ import annotations

import os
import subprocess
import sys

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
