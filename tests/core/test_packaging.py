"""Packaging metadata agrees with the code: one version, every data file listed for the build."""

from __future__ import annotations

import configparser
import xml.etree.ElementTree as ET
from pathlib import Path

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
