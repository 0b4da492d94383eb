"""The shared PDF layout keeps Dutch diacritics and carries version, date, disclaimer, sources."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from docentwijzer import __version__
from docentwijzer.pdf import PdfMeta, PdfWriteError, bullets, para, render_pdf, write_pdf
from docentwijzer.sources import Source
from tests.core.pdf_support import assert_fonts_embedded, fonts, qpdf_check

SLIDE = Source(ref="dopmeijer-dias-studentenwelzijn", detail="Hoe weet je dat er een probleem is?")


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def test_pdf_has_title_body_sources_footer_and_diacritics(tmp_path: Path) -> None:
    target = tmp_path / "out.pdf"
    body = [
        para("Creëer een omgeving; naïef; ĳverig; Ελληνικά; Кирилиця"),
        bullets(["één", "twee"]),
    ]
    write_pdf(target, body, PdfMeta(title="Hygiëne en reïntegratie", sources=[SLIDE]))
    assert target.read_bytes().startswith(b"%PDF")
    fonts = {
        str(f) for page in PdfReader(target).pages for f in page["/Resources"]["/Font"].values()
    }
    assert fonts, "no fonts embedded"
    text = pdf_text(target)
    for expected in ("Hygiëne en reïntegratie", "Creëer", "naïef", "Ελληνικά", "Кирилиця", "één"):
        assert expected in text
    assert f"DocentWijzer {__version__}" in text
    assert "pagina 1 van 1" in text
    assert "geen diagnose" in text
    assert "Bronnen" in text and "J. Dopmeijer, dia's over studentenwelzijn" in text


def test_unwritable_location_gives_a_clear_message(tmp_path: Path) -> None:
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("x")
    with pytest.raises(PdfWriteError, match="kon niet worden opgeslagen"):
        write_pdf(blocked / "out.pdf", [para("x")], PdfMeta(title="x"))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_any_text_renders(text: str) -> None:
    assert render_pdf([para(text)], PdfMeta(title=text[:40] or "x")).startswith(b"%PDF")


def test_every_font_the_pdf_names_is_embedded_and_qpdf_finds_nothing_wrong(
    tmp_path: Path,
) -> None:
    """reportlab's canvas used to name an unused Helvetica (not embedded) on every page."""
    target = tmp_path / "out.pdf"
    write_pdf(target, [para("Eén regel"), bullets(["één"])], PdfMeta(title="Titel"))
    assert_fonts_embedded(target)
    assert not any("Helvetica" in name for name in fonts(target))
    qpdf_check(target)
