"""The student hand-out on paper: one A4 page in both languages, sound, fonts embedded, every
point and the acute numbers on it, the public sources listed once and nothing internal."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from docentwijzer.i18n import LANGUAGES, Lang
from docentwijzer.zelfhulp import Section, self_help
from docentwijzer.zelfhulp_pdf import write_self_help
from tests.core.pdf_support import assert_fonts_embedded, qpdf_check
from tests.core.test_sources import problems_in


def _text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_hand_out_is_one_sound_page_with_every_point_and_the_acute_numbers(
    tmp_path: Path, lang: Lang
) -> None:
    target = tmp_path / "zelfhulp.pdf"
    write_self_help(target, lang)
    assert len(PdfReader(target).pages) == 1
    qpdf_check(target)
    assert_fonts_embedded(target)
    text = _text(target)
    content = self_help(lang)
    for point in content.points():
        assert " ".join(point.text.split()[:4]) in text, point.id
    for number in ("112", "0800-0113", "113.nl"):
        assert number in text
    assert "Handreiking prestatiedruk en stress onder studenten in het hoger onderwijs" in text
    assert "Werken aan studentenwelzijn: pak het integraal aan" in text
    assert not problems_in(text), problems_in(text)


def test_the_one_page_check_can_fail(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Half as much again does not fit: the page count above is a real limit, not a given."""
    import docentwijzer.zelfhulp_pdf as module

    content = self_help("nl")
    longer = content.model_copy(update={"sections": [*content.sections, *content.sections[:3]]})
    assert all(isinstance(section, Section) for section in longer.sections)
    monkeypatch.setattr(module, "self_help", lambda lang=None: longer)
    target = tmp_path / "langer.pdf"
    write_self_help(target, "nl")
    assert len(PdfReader(target).pages) > 1
