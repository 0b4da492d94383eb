"""The shared PDF layout keeps Dutch diacritics and carries version, date, disclaimer, sources."""

from __future__ import annotations

import re
from datetime import date
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from reportlab.platypus import Spacer

from docentwijzer import __version__
from docentwijzer.dates import format_date_long
from docentwijzer.i18n import LANGUAGES, Lang, t
from docentwijzer.pdf import (
    REPLACEMENT,
    PdfMeta,
    PdfWriteError,
    bullets,
    describe_characters,
    para,
    plain_text,
    render_pdf,
    unprintable,
    write_pdf,
)
from docentwijzer.sources import Source
from tests.core.every_pdf import EVERY_PDF, TODAY
from tests.core.pdf_support import assert_fonts_embedded, fonts, pdftotext, qpdf_check

SLIDE = Source(ref="dopmeijer-dias-studentenwelzijn", detail="Hoe weet je dat er een probleem is?")


def pdf_text(path: Path) -> str:
    """The text layer, whitespace folded (lines wrap differently as the layout changes)."""
    return " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())


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


MIXED = "Dag Ελένη, Кирилл en José – ‘prima’ ✓. 你好 王芳; 😀👍; مرحبا سلمى; שלום דנה."
#: What the embedded font cannot print correctly, in order of first appearance.
MIXED_UNPRINTABLE = "你好王芳😀👍مرحباسلىשלוםדנה"


def test_exactly_the_characters_the_pdf_cannot_print_are_found() -> None:
    """Chinese, emoji (beyond U+FFFF), Arabic and Hebrew; Greek, Cyrillic and accents print."""
    assert unprintable(MIXED) == MIXED_UNPRINTABLE
    assert unprintable("Één ĳsje, naïef; Ελληνικά; Кирилиця") == ""
    listed = describe_characters("你😀")
    assert listed.splitlines() == [
        "\u200e你   U+4F60   CJK UNIFIED IDEOGRAPH-4F60",
        "\u200e😀   U+1F600   GRINNING FACE",
    ]
    # A right-to-left letter does not turn its line around: each line starts left to right.
    assert describe_characters("ش").startswith("\u200e")


def test_mixed_scripts_never_vanish_the_text_layer_shows_each_as_a_replacement(
    tmp_path: Path,
) -> None:
    """Chinese and emoji used to vanish (empty boxes, gone from the text layer) and Arabic was
    drawn unjoined left to right: now each such character is the announced replacement."""
    target = tmp_path / "mix.pdf"
    write_pdf(target, [para(MIXED), *plain_text(MIXED)], PdfMeta(title="Mix"))
    qpdf_check(target)
    assert_fonts_embedded(target)
    expected = "".join(REPLACEMENT if c in MIXED_UNPRINTABLE else c for c in MIXED)
    layer = " ".join(pdftotext(target).split())
    assert layer.count(expected) == 2, layer


def test_every_text_the_app_itself_prints_is_printable() -> None:
    """Content and interface strings (which PDFs quote) never need a replacement."""
    root = resources.files("docentwijzer")
    for folder in (root / "content" / "nl", root / "content" / "en", root / "locales"):
        for item in folder.iterdir():
            if item.name.endswith(".json"):
                assert unprintable(item.read_text("utf-8")) == "", item.name


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("kind", list(EVERY_PDF))
def test_every_pdf_is_sound_embeds_its_fonts_and_shows_dates_one_way(
    tmp_path: Path, kind: str, lang: Lang
) -> None:
    """qpdf-clean, no font named without being embedded (the cards named Helvetica), dates as
    docentwijzer.dates writes them (never ISO), check boxes drawn (never '[ ]' or '[x]')."""
    target = tmp_path / "out.pdf"
    EVERY_PDF[kind](target, lang)
    qpdf_check(target)
    assert_fonts_embedded(target)
    layer = pdftotext(target)
    assert not re.search(r"\b\d{4}-\d{2}-\d{2}\b", layer), "an ISO date is shown"
    assert "[ ]" not in layer and "[x]" not in layer
    compact = " ".join(layer.split())
    footer_dates = {format_date_long(day, lang) for day in (date.today(), TODAY)}
    assert any(t("pdf.exported", lang=lang, date=day) in compact for day in footer_dates)


def test_the_route_draws_its_check_boxes_and_says_their_state_in_the_text_layer(
    tmp_path: Path,
) -> None:
    target = tmp_path / "route.pdf"
    EVERY_PDF["route"](target, "nl")
    compact = " ".join(pdftotext(target).split())
    assert "☑ Beloof geen geheimhouding." in compact
    assert "☐ Neem het serieus" in compact


def test_a_heading_never_ends_a_page_without_its_list(tmp_path: Path) -> None:
    """reportlab's keepWithNext skips lists: 'Jouw rol' ended the route's first page alone."""
    for height in range(520, 680, 12):  # push the heading down to every spot near the page end
        target = tmp_path / f"kop-{height}.pdf"
        body = [Spacer(1, height), para("Kopje", "h2"), bullets(["eerste punt", "tweede punt"])]
        write_pdf(target, body, PdfMeta(title="Titel"))
        pages = [page.extract_text() for page in PdfReader(target).pages]
        [with_heading] = [text for text in pages if "Kopje" in text]
        assert "eerste punt" in with_heading, height
