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
