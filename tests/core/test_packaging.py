"""Packaging metadata agrees with the code and validates: one version, every data file listed for
the build, a desktop file and AppStream metainfo that the ecosystem's validators accept."""

from __future__ import annotations

import ast
import configparser
import os
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from docentwijzer import __version__

ROOT = Path(__file__).resolve().parents[2]


def test_appstream_release_is_the_package_version() -> None:
    tree = ET.parse(ROOT / "resources/nl.docentwijzer.DocentWijzer.metainfo.xml")
    releases = [r.get("version") for r in tree.getroot().iter("release")]
    assert releases and releases[0] == __version__


def test_desktop_file_launches_the_entry_point_with_its_icon() -> None:
    desktop = configparser.ConfigParser(interpolation=None)
    desktop.optionxform = str  # type: ignore[assignment,method-assign]
    desktop.read(ROOT / "resources/nl.docentwijzer.DocentWijzer.desktop", encoding="utf-8")
    entry = desktop["Desktop Entry"]
    assert entry["Exec"] == "docentwijzer"
    icon = entry["Icon"]
    for size in (16, 32, 48, 128, 256):
        assert (ROOT / f"resources/icons/hicolor/{size}x{size}/apps/{icon}.png").is_file()


def test_the_build_spec_ships_content_locales_fonts_and_icons() -> None:
    spec = (ROOT / "packaging/docentwijzer.spec").read_text(encoding="utf-8")
    for pattern in (
        "content/bronnen.json",  # the catalogue of public sources that every citation needs
        "content/nl/*.json",
        "content/en/*.json",
        "locales/*.json",
        "assets/fonts/*",
    ):
        assert pattern in spec
    assert "PySide6.QtNetwork" in spec  # excluded: the app never uses the network


# The desktop file and AppStream metainfo must pass the ecosystem's own validators (Debian's
# desktop-file-utils and appstream; .ci/run installs both). Locally a missing validator skips;
# with CI=true it fails, so a clean CI machine cannot pass without having checked.
DESKTOP = ROOT / "resources/nl.docentwijzer.DocentWijzer.desktop"
METAINFO = ROOT / "resources/nl.docentwijzer.DocentWijzer.metainfo.xml"
VALIDATORS = {
    "desktop-file-validate": ("desktop-file-utils", []),
    # --no-net: the check never goes online; --strict: a warning fails as an error does.
    "appstreamcli": ("appstream", ["validate", "--no-net", "--strict"]),
}


def _validate(program: str, path: Path) -> tuple[int, str]:
    package, arguments = VALIDATORS[program]
    found = shutil.which(program)
    if found is None:
        message = f"{program} is not installed (Debian package {package}; .ci/run installs it)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    done = subprocess.run(
        [found, *arguments, str(path)], capture_output=True, text=True, timeout=60, check=False
    )
    return done.returncode, (done.stdout + done.stderr).strip()


def _is_clean(program: str, returncode: int, output: str) -> bool:
    if program == "desktop-file-validate":
        # It prints nothing for a file without errors, warnings or hints.
        return returncode == 0 and output == ""
    return returncode == 0


def test_the_desktop_file_passes_desktop_file_validate_without_a_remark() -> None:
    returncode, output = _validate("desktop-file-validate", DESKTOP)
    assert _is_clean("desktop-file-validate", returncode, output), output


def test_the_metainfo_passes_appstreamcli_validate_strictly() -> None:
    returncode, output = _validate("appstreamcli", METAINFO)
    assert _is_clean("appstreamcli", returncode, output), output


def test_the_validators_reject_a_broken_desktop_file(tmp_path: Path) -> None:
    broken = tmp_path / DESKTOP.name
    # A typo in the type and a main category that does not exist: a menu would not show it.
    text = DESKTOP.read_text(encoding="utf-8")
    broken.write_text(
        text.replace("Type=Application", "Type=Aplication").replace("Education;", "Schooling;"),
        encoding="utf-8",
    )
    returncode, output = _validate("desktop-file-validate", broken)
    assert not _is_clean("desktop-file-validate", returncode, output)


def test_the_validators_reject_a_broken_metainfo_file(tmp_path: Path) -> None:
    broken = tmp_path / METAINFO.name
    # Without its summary a software centre has nothing to show under the name.
    text = METAINFO.read_text(encoding="utf-8")
    broken.write_text(
        "\n".join(line for line in text.splitlines() if "<summary" not in line), encoding="utf-8"
    )
    returncode, output = _validate("appstreamcli", broken)
    assert not _is_clean("appstreamcli", returncode, output)


# The frozen build ships every data file where the app looks for it. (The spec listed
# assets/icons/* only: the tabler icons' folder was copied flat into assets/icons, and the frozen
# app stopped at start-up, looking for assets/icons/tabler.)
PKG = ROOT / "docentwijzer"
SPEC = ROOT / "packaging/docentwijzer.spec"


def _spec_constant(name: str) -> object:
    for node in ast.parse(SPEC.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and any(
            isinstance(target, ast.Name) and target.id == name for target in node.targets
        ):
            return ast.literal_eval(node.value)
    raise AssertionError(f"{name} is not defined in {SPEC.name}")


def test_the_build_ships_every_data_file_of_the_package_in_its_own_folder() -> None:
    spec = SPEC.read_text(encoding="utf-8")
    assert "if found.is_file():" in spec  # folders would be copied flat into the target
    shipped: set[str] = set()
    for pattern, target in _spec_constant("DATA_FILES"):  # type: ignore[attr-defined]
        shipped |= {f"{target}/{found.name}" for found in PKG.glob(pattern) if found.is_file()}
    wanted = {
        f"docentwijzer/{path.relative_to(PKG).as_posix()}"
        for path in PKG.rglob("*")
        if path.is_file()
        and path.suffix not in (".py", ".pyc")
        and "__pycache__" not in path.parts
        and path.name != "py.typed"
    }
    assert sorted(wanted - shipped) == [], "data files the frozen app would miss"
    assert sorted(shipped - wanted) == []
