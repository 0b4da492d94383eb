"""Packaging metadata agrees with the code and validates: one version, every data file listed for
the build, a desktop file and AppStream metainfo that the ecosystem's validators accept."""

from __future__ import annotations

import ast
import configparser
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from importlib import metadata
from pathlib import Path
from types import ModuleType

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

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


# The lock: every runtime dependency (pyproject.toml) and the build tool (packaging/build.in)
# pinned with hashes, within the ranges asked for; packaging/check_lock.py says where not.
def _load(name: str) -> ModuleType:
    """A script of packaging/ as a module (that folder is no package: it would shadow
    ``packaging``, the library)."""
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, ROOT / f"packaging/{name}.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


def _check_lock() -> ModuleType:
    return _load("check_lock")


def _lock_inputs() -> tuple[str, str, str]:
    return (
        (ROOT / "pyproject.toml").read_text(encoding="utf-8"),
        (ROOT / "packaging/build.in").read_text(encoding="utf-8"),
        (ROOT / "packaging/requirements.lock").read_text(encoding="utf-8"),
    )


def test_the_lock_pins_every_runtime_dependency_and_the_build_tool_with_hashes() -> None:
    check = _check_lock()
    pyproject, build_in, lock = _lock_inputs()
    assert check.problems(pyproject, build_in, lock) == []
    pins, _ = check.read_lock(lock)
    assert "pyinstaller" in pins
    for requirement in tomllib.loads(pyproject)["project"]["dependencies"]:
        assert check.canonicalize_name(Requirement(requirement).name) in pins


def test_the_lock_check_finds_a_dependency_the_lock_lacks_or_pins_out_of_range() -> None:
    check = _check_lock()
    pyproject, build_in, lock = _lock_inputs()
    added = pyproject.replace(
        '    "cryptography>=44",', '    "cryptography>=44",\n    "requests>=2",'
    )
    assert added != pyproject
    assert check.problems(added, build_in, lock) == [
        "pyproject.toml: requests>=2 is not in the lock"
    ]
    narrowed = pyproject.replace('"pydantic>=2.6,<3"', '"pydantic>=2.6,<2.7"')
    assert narrowed != pyproject
    [problem] = check.problems(narrowed, build_in, lock)
    assert problem.startswith("pyproject.toml: pydantic<2.7,>=2.6 but the lock pins pydantic==")
    newer_tool = build_in.replace("pyinstaller>=6.10", "pyinstaller>=99")
    assert newer_tool != build_in
    [problem] = check.problems(pyproject, newer_tool, lock)
    assert problem.startswith("packaging/build.in: pyinstaller>=99 but the lock pins")


def test_the_lock_check_refuses_an_entry_without_hash_or_exact_version() -> None:
    check = _check_lock()
    pyproject, build_in, lock = _lock_inputs()
    unhashed = "platformdirs==4.0.0\n" + "\n".join(
        line for line in lock.splitlines() if not line.startswith("platformdirs==")
    )
    assert "lock: platformdirs==4.0.0 has no sha256 hash" in check.problems(
        pyproject, build_in, unhashed
    )
    loose = lock.replace("platformdirs==", "platformdirs>=", 1)
    assert any(
        "is not pinned to one version" in problem
        for problem in check.problems(pyproject, build_in, loose)
    )


def _runtime_closure() -> set[str]:
    """Every distribution the runtime dependencies need here, as installed in this venv."""
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    todo = [Requirement(text) for text in pyproject["project"]["dependencies"]]
    seen: set[str] = set()
    while todo:
        requirement = todo.pop()
        name = canonicalize_name(requirement.name)
        if name in seen or (requirement.marker and not requirement.marker.evaluate({"extra": ""})):
            continue
        seen.add(name)
        todo.extend(Requirement(text) for text in metadata.requires(name) or [])
    return seen


def test_the_lock_holds_every_package_the_runtime_needs_at_the_version_the_tests_run() -> None:
    check = _check_lock()
    pins, _ = check.read_lock((ROOT / "packaging/requirements.lock").read_text(encoding="utf-8"))
    for name in sorted(_runtime_closure()):
        assert name in pins, f"{name} is needed at run time but not locked"
        # ./dev installs from the lock: the tests run the versions the frozen build ships.
        assert {str(pin.version) for pin in pins[name]} == {metadata.version(name)}, name


# The lean build (Linux): the spec keeps what the app loads, and the ICU data it ships holds
# root, Dutch and English only (packaging/icu_data.py) and sorts and names as the full data does.
def test_the_lean_build_keeps_the_qt_plugins_and_translation_the_app_loads() -> None:
    kept = _spec_constant("QT_PLUGINS_KEPT")
    assert isinstance(kept, dict)
    assert {"libqxcb.so", "libqwayland.so", "libqoffscreen.so"} <= kept["platforms"]
    # Dead keys and compose (é, ë) on X11, and input methods.
    assert "libcomposeplatforminputcontextplugin.so" in kept["platforminputcontexts"]
    assert "libibusplatforminputcontextplugin.so" in kept["platforminputcontexts"]
    assert "libxdg-shell.so" in kept["wayland-shell-integration"]
    # --self-test builds every screen on the offscreen platform.
    app = (ROOT / "docentwijzer/app.py").read_text(encoding="utf-8")
    assert 'os.environ["QT_QPA_PLATFORM"] = "offscreen"' in app
    # Qt's own texts: the app loads qtbase_<lang>, the build ships those.
    translation = (ROOT / "docentwijzer/ui/qt_translation.py").read_text(encoding="utf-8")
    assert 'translator.load(f"qtbase_{lang}", folder)' in translation
    assert set(_spec_constant("QT_TRANSLATIONS")) == {"qtbase_nl.qm", "qtbase_en.qm"}  # type: ignore[arg-type]


def test_the_icu_data_keeps_root_dutch_english_and_what_belongs_to_no_language() -> None:
    keep = _load("icu_data").keep
    for item in (
        "coll/root.res",
        "coll/nl.res",
        "coll/ucadata.icu",
        "coll/res_index.res",
        "nl.res",
        "nl_BE.res",
        "en_US_POSIX.res",
        "en_001.res",
        "zone/nl.res",
        "pool.res",
        "zone/pool.res",
        "supplementalData.res",
        "zoneinfo64.res",
        "metaZones.res",
        "uprops.icu",
        "nfkc.nrm",
        "brkitr/word.brk",
        "brkitr/root.res",
        "cnvalias.icu",
    ):
        assert keep(item), item
    for item in (
        "de.res",
        "nds.res",
        "coll/zh.res",
        "coll/de__PHONEBOOK.res",
        "zone/fr_CA.res",
        "curr/ja.res",
        "brkitr/cjdict.dict",
        "ibm-1047_P100-1995.cnv",
        "translit/root.res",
    ):
        assert not keep(item), item


ICU_TOOLS = ("objcopy", "nm", "icupkg", "gcc")
QT_TEXTS = r"""
import json, sys
from PySide6.QtCore import QCollator, QDateTime, QLocale, QTimeZone
words = ["zebra", "Ærø", "appel", "IJsland", "ijs", "Île", "10 dingen", "9 dingen", "école",
         "Zeeland", "éen", "een", "Één", "Åse", "aap"]
result = {}
for name in ("nl_NL", "nl_BE", "en_GB", "en_US"):
    collator = QCollator(QLocale(name))
    result[name] = sorted(words, key=collator.sortKey)
    collator.setNumericMode(True)
    result[name + " numeric"] = sorted(words, key=collator.sortKey)
result["upper"] = QLocale("nl_NL").toUpper("ijsje straße")
zone = QTimeZone(b"Europe/Amsterdam")
moment = QDateTime.fromString("2026-01-15T12:00:00", "yyyy-MM-ddTHH:mm:ss")
for name in ("nl_NL", "en_GB"):
    result["zone " + name] = zone.displayName(moment, QTimeZone.NameType.LongName, QLocale(name))
maps = open("/proc/self/maps").read().splitlines()
result["icudata"] = sorted({line.split()[-1] for line in maps if "libicudata" in line})
print(json.dumps(result))
"""


def _qt_texts(library_path: Path | None) -> dict[str, object]:
    env = {k: v for k, v in os.environ.items() if k != "LD_LIBRARY_PATH"}
    if library_path is not None:
        env["LD_LIBRARY_PATH"] = str(library_path)
    done = subprocess.run(
        [sys.executable, "-c", QT_TEXTS], capture_output=True, text=True, env=env, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert "Could not create collator" not in done.stderr, done.stderr
    result: dict[str, object] = json.loads(done.stdout)
    return result


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the lean build is Linux's")
def test_the_smaller_icu_data_sorts_and_names_as_the_full_data_does(tmp_path: Path) -> None:
    missing = [tool for tool in ICU_TOOLS if shutil.which(tool) is None]
    if missing:
        message = f"{', '.join(missing)} not installed (binutils, icu-devtools, gcc)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message + "; .ci/run installs them")
        pytest.skip(message)
    import PySide6

    [full] = (Path(PySide6.__file__).parent / "Qt/lib").glob("libicudata.so.*")
    smaller = _load("icu_data").subset(full, tmp_path / "work")
    assert smaller is not None
    assert smaller.name == full.name
    assert smaller.stat().st_size < full.stat().st_size / 4
    (tmp_path / "lib").mkdir()
    shutil.copy(smaller, tmp_path / "lib" / full.name)
    expected = _qt_texts(None)
    got = _qt_texts(tmp_path / "lib")
    assert got.pop("icudata") == [str(tmp_path / "lib" / full.name)]  # really the smaller one
    expected.pop("icudata")
    assert got == expected
    assert expected["nl_NL numeric"][:2] == ["9 dingen", "10 dingen"]  # type: ignore[index]
    assert expected["zone nl_NL"] == "Midden-Europese standaardtijd"


def test_the_build_script_builds_from_the_lock_and_self_tests_in_an_empty_environment() -> None:
    build = (ROOT / "packaging/build.sh").read_text(encoding="utf-8")
    commands = [line.strip() for line in build.splitlines() if not line.lstrip().startswith("#")]
    text = "\n".join(commands)
    assert '"$PYTHON" -m venv "$venv"' in text  # a fresh venv, not the developer's .venv
    assert "--require-hashes --only-binary=:all: -r packaging/requirements.lock" in text
    assert "pip install" in text and text.count("pip install") == 1  # nothing unlocked
    assert "packaging/check_lock.py" in text
    assert 'env -i PATH=/usr/bin:/bin HOME="$home" "$app" --self-test' in text
    assert "unpacked" in text and "--self-test in an empty environment: $result" in text
