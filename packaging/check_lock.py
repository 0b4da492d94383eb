"""Check that packaging/requirements.lock agrees with pyproject.toml and packaging/build.in.

Every runtime dependency in pyproject.toml and every build tool in build.in must be pinned in the
lock (``name==version``) at a version inside the range the project asks for, and every entry in
the lock must be an exact pin with at least one sha256 hash (``pip install --require-hashes``
refuses anything else). Prints one line per problem and exits 1 when there is any.

Usage: python packaging/check_lock.py
Needs the standard library and ``packaging`` (in the lock: PyInstaller depends on it).
"""

from __future__ import annotations

import re
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path

from packaging.requirements import InvalidRequirement, Requirement
from packaging.utils import canonicalize_name
from packaging.version import InvalidVersion, Version

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = ROOT / "pyproject.toml"
BUILD_IN = ROOT / "packaging" / "build.in"
LOCK = ROOT / "packaging" / "requirements.lock"

HASH = re.compile(r"--hash=sha256:[0-9a-f]{64}\b")


@dataclass(frozen=True)
class Pin:
    name: str
    version: Version | None  # None: not an exact ``==`` pin
    hashes: int
    line: str


def logical_lines(text: str) -> list[str]:
    """The lock's entries, each with its backslash-continued lines joined; comments dropped."""
    entries: list[str] = []
    current = ""
    for raw in text.splitlines():
        line = raw.split(" #", 1)[0].strip() if not raw.lstrip().startswith("#") else ""
        if line.endswith("\\"):
            current += line[:-1] + " "
            continue
        current += line
        if current.strip():
            entries.append(" ".join(current.split()))
        current = ""
    if current.strip():
        entries.append(" ".join(current.split()))
    return entries


def read_lock(text: str) -> tuple[dict[str, list[Pin]], list[str]]:
    pins: dict[str, list[Pin]] = {}
    problems: list[str] = []
    for entry in logical_lines(text):
        requirement_text = entry.split(" --", 1)[0].strip()
        if entry.startswith("-"):
            problems.append(f"lock: option line not allowed here: {entry[:60]}")
            continue
        try:
            requirement = Requirement(requirement_text)
        except InvalidRequirement:
            problems.append(f"lock: not a requirement: {requirement_text[:60]}")
            continue
        specifiers = list(requirement.specifier)
        version: Version | None = None
        if len(specifiers) == 1 and specifiers[0].operator == "==":
            try:
                version = Version(specifiers[0].version)
            except InvalidVersion:
                version = None
        name = canonicalize_name(requirement.name)
        pin = Pin(name, version, len(HASH.findall(entry)), requirement_text)
        pins.setdefault(name, []).append(pin)
        if version is None:
            problems.append(
                f"lock: {requirement_text} is not pinned to one version (name==version)"
            )
        if pin.hashes == 0:
            problems.append(f"lock: {requirement_text} has no sha256 hash")
    return pins, problems


def wanted(pyproject_text: str, build_in_text: str) -> list[tuple[str, Requirement]]:
    """(where it is asked for, requirement) for every runtime dependency and build tool."""
    project = tomllib.loads(pyproject_text)["project"]
    asked = [("pyproject.toml", Requirement(text)) for text in project.get("dependencies", [])]
    for line in build_in_text.splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            asked.append(("packaging/build.in", Requirement(line)))
    return asked


def problems(pyproject_text: str, build_in_text: str, lock_text: str) -> list[str]:
    pins, found = read_lock(lock_text)
    for origin, requirement in wanted(pyproject_text, build_in_text):
        name = canonicalize_name(requirement.name)
        if name not in pins:
            found.append(f"{origin}: {requirement} is not in the lock")
            continue
        for pin in pins[name]:
            if pin.version is not None and not requirement.specifier.contains(
                pin.version, prereleases=True
            ):
                found.append(f"{origin}: {requirement} but the lock pins {name}=={pin.version}")
    return found


def main() -> int:
    found = problems(
        PYPROJECT.read_text(encoding="utf-8"),
        BUILD_IN.read_text(encoding="utf-8"),
        LOCK.read_text(encoding="utf-8"),
    )
    for problem in found:
        print(problem, file=sys.stderr)
    if found:
        print("the lock disagrees with pyproject.toml: run `sh packaging/lock.sh`", file=sys.stderr)
        return 1
    print(f"lock: every runtime dependency and build tool pinned with hashes ({LOCK.name})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
