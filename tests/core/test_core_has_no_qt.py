"""The core must never import Qt, so it can be tested, reused and packaged on its own."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import docentwijzer


def core_modules() -> list[str]:
    names = []
    for info in pkgutil.walk_packages(docentwijzer.__path__, "docentwijzer."):
        if info.name.startswith("docentwijzer.ui") or info.name == "docentwijzer.__main__":
            continue
        names.append(info.name)
    return names


def test_the_core_modules_are_found() -> None:
    assert {"docentwijzer.i18n", "docentwijzer.storage", "docentwijzer.app"} <= set(core_modules())


def test_importing_every_core_module_loads_no_pyside6() -> None:
    code = (
        "import importlib, sys\n"
        f"for name in {core_modules()!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
        "print(bad)\n"
        "sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
