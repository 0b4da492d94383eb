"""Checks every PDF test can make: structure (qpdf), embedded fonts, the text layer."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

from pypdf import PdfReader


def qpdf_check(path: Path) -> None:
    """``qpdf --check`` finds nothing wrong (qpdf is installed by .ci/run on CI)."""
    qpdf = shutil.which("qpdf")
    assert qpdf, "qpdf is needed for the PDF tests (apt-get install qpdf)"
    result = subprocess.run([qpdf, "--check", str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No syntax or stream encoding errors" in result.stdout


def _descriptor(font: Any) -> Any:
    if font.get("/Subtype") == "/Type0":
        font = font["/DescendantFonts"][0].get_object()
    return font.get("/FontDescriptor")


def fonts(path: Path) -> dict[str, bool]:
    """Every font any page refers to, and whether it is embedded."""
    found: dict[str, bool] = {}
    for page in PdfReader(path).pages:
        resources = page.get("/Resources") or {}
        for ref in (resources.get("/Font") or {}).values():
            font = ref.get_object()
            descriptor = _descriptor(font)
            embedded = descriptor is not None and any(
                key in descriptor.get_object() for key in ("/FontFile", "/FontFile2", "/FontFile3")
            )
            found[str(font.get("/BaseFont"))] = embedded
    return found


def assert_fonts_embedded(path: Path) -> None:
    found = fonts(path)
    assert found, "no fonts"
    missing = [name for name, embedded in found.items() if not embedded]
    assert not missing, f"not embedded: {missing}"


def text_layer(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


#: The footer's height on an A4 page (version, page, two or three lines of disclaimer).
FOOTER_POINTS = 80


def pdftotext(path: Path, *, without_footer: bool = False) -> str:
    """The text layer as poppler reads it (fast on hundreds of pages; .ci/run installs it);
    ``without_footer`` leaves out the bottom of every page, where the footer is."""
    tool = shutil.which("pdftotext")
    assert tool, "pdftotext is needed for the PDF tests (apt-get install poppler-utils)"
    crop = ["-x", "0", "-y", "0", "-W", "595", "-H", str(842 - FOOTER_POINTS)]
    command = [tool, "-enc", "UTF-8", *(crop if without_footer else []), str(path), "-"]
    result = subprocess.run(command, capture_output=True)
    assert result.returncode == 0, result.stderr
    return result.stdout.decode("utf-8")
