"""Handouts and tip cards carry the chosen tips, their sources and the shared footer."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from docentwijzer.belonging import HANDOUT_MAX_TIPS, belonging_content
from docentwijzer.belonging_pdf import CARDS_PER_PAGE, write_cards, write_handout
from docentwijzer.i18n import LANGUAGES, Lang, t


def text_of(path: Path) -> str:
    return " ".join(" ".join((page.extract_text() or "").split()) for page in PdfReader(path).pages)


def test_handout_has_the_chosen_tips_and_no_others(tmp_path: Path) -> None:
    tips = belonging_content("nl").tips
    chosen = [tips[0], tips[10], tips[30]]
    target = tmp_path / "handout.pdf"
    write_handout(target, chosen, "nl")
    text = text_of(target)
    for tip in chosen:
        assert tip.title in text
    assert tips[1].title not in text
    assert "Asher & Weeks" in text  # the definition heads the handout
    assert "Bronnen" in text and "J. Dopmeijer" in text
    assert "0800-0113" in text  # the footer's helpline is never cut off
    assert len(PdfReader(target).pages) == 1


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_longest_tips_still_fit_a_two_page_handout(tmp_path: Path, lang: Lang) -> None:
    longest = sorted(belonging_content(lang).tips, key=lambda t: len(t.what))[-HANDOUT_MAX_TIPS:]
    target = tmp_path / "long.pdf"
    write_handout(target, longest, lang)
    assert len(PdfReader(target).pages) <= 2


@pytest.mark.parametrize("lang", LANGUAGES)
def test_cards_put_six_per_page_and_every_card_names_its_source(tmp_path: Path, lang: Lang) -> None:
    tips = belonging_content(lang).tips
    target = tmp_path / "cards.pdf"
    write_cards(target, tips, lang)
    pages = PdfReader(target).pages
    # 45 cards: 8 pages of cards (the last one partly filled) and the sources after them.
    assert len(tips) // CARDS_PER_PAGE + 1 <= len(pages) <= len(tips) // CARDS_PER_PAGE + 2
    text = text_of(target)
    for tip in tips:
        assert tip.title in text, tip.id
    first = " ".join((pages[0].extract_text() or "").split())
    assert sum(tip.title in first for tip in tips) == CARDS_PER_PAGE
    prefix = t("belonging.source_short", lang=lang, source="").strip()
    assert first.count(prefix) >= CARDS_PER_PAGE
