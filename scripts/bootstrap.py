"""Set up ``.venv`` once (again only when pyproject.toml or the lock changes), then run the app or
the tests.

The runtime dependencies are installed from ``packaging/requirements.lock`` (exact versions,
hash-checked), so the tests run against what the frozen build ships; the test tools come from
pyproject.toml's ``test`` extra. Called by ``./dev run`` and ``./dev test``; needs only Python
3.11+ and access to the package index. Standard library only.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
STAMP = VENV / "docentwijzer-install.stamp"
LOCK = ROOT / "packaging" / "requirements.lock"


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def create_venv() -> None:
    print("DocentWijzer: creating .venv ...", flush=True)
    try:
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
        return
    except (subprocess.CalledProcessError, OSError) as exc:
        print(
            f"  venv with pip failed ({exc}); trying virtualenv from the package index", flush=True
        )
    # Debian's python3 without python3-venv has no ensurepip: fetch virtualenv with pip instead.
    helper = ROOT / ".venv-bootstrap"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--target", str(helper), "virtualenv"],
        check=True,
    )
    env = dict(os.environ, PYTHONPATH=str(helper))
    subprocess.run([sys.executable, "-m", "virtualenv", "--clear", str(VENV)], check=True, env=env)


def ensure_installed() -> None:
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + LOCK.read_bytes()).hexdigest()
    if not venv_python().exists():
        create_venv()
    if STAMP.exists() and STAMP.read_text().strip() == wanted:
        return
    print("DocentWijzer: installing dependencies into .venv ...", flush=True)
    pip = [str(venv_python()), "-m", "pip", "--disable-pip-version-check"]
    subprocess.run([*pip, "install", "--quiet", "--upgrade", "pip"], check=True)
    subprocess.run([*pip, "install", "--quiet", "--require-hashes", "-r", str(LOCK)], check=True)
    subprocess.run([*pip, "install", "--quiet", "-e", f"{ROOT}[test]"], check=True)
    STAMP.write_text(wanted)


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("run", "test"):
        print("usage: ./dev run [app options] | ./dev test [pytest options]", file=sys.stderr)
        return 2
    ensure_installed()
    python = str(venv_python())
    command, rest = argv[0], argv[1:]
    if command == "run":
        return subprocess.call([python, "-m", "docentwijzer", *rest], cwd=ROOT)
    for check in (["ruff", "check", "."], ["ruff", "format", "--check", "."]):
        if subprocess.call([python, "-m", *check], cwd=ROOT) != 0:
            print(
                "ruff found problems: run `.venv/bin/ruff format . && .venv/bin/ruff check --fix .`"
            )
            return 1
    if subprocess.call([python, "-m", "mypy"], cwd=ROOT) != 0:  # strict on the core
        print("mypy found type errors in the core (see above)")
        return 1
    return subprocess.call([python, "-m", "pytest", *rest], cwd=ROOT)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
