"""Sense-of-belonging tips on paper: a short handout, or tip cards to cut out (2 x 3 per page).

Both use the shared layout of :mod:`docentwijzer.pdf` (embedded font, version, date, page X of
Y, disclaimer, sources). Every tip carries its own source line too, so a card cut loose from
the sheet still says where it comes from.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepInFrame, KeepTogether, Paragraph, Spacer, Table
from reportlab.platypus.tables import TableStyle

from docentwijzer.belonging import (
    THEMES,
    BelongingContent,
    Tip,
    belonging_content,
    moment_label,
    theme_label,
)
from docentwijzer.i18n import Lang, language, t
from docentwijzer.pdf import (
    BOX_EDGE,
    FONT,
    FONT_BOLD,
    NARROW_MARGIN,
    RULE,
    TINT,
    PdfMeta,
    esc,
    styles,
    write_pdf,
)
from docentwijzer.sources import Source

#: A little more width than other PDFs (lines up to ~85 characters at the tips' 10 pt), so ten
#: tips and their sources still fit two pages.
HANDOUT_MARGIN = 18 * mm
CARDS_PER_PAGE = 6
_CARD_WIDTH = 87 * mm
_CARD_HEIGHT = 70 * mm
_CARD_PADDING = 4 * mm


@cache
def _styles() -> dict[str, ParagraphStyle]:
    base = styles()
    body = ParagraphStyle("tip_body", parent=base["body"], fontSize=9.5, leading=12.8)
    return {
        "tip_title": ParagraphStyle(
            "tip_title",
            parent=body,
            fontName=FONT_BOLD,
            fontSize=10.5,
            leading=13.5,
            spaceBefore=5,
            spaceAfter=1,
        ),
        "tip_body": body,
        "tip_meta": ParagraphStyle("tip_meta", parent=base["small"], spaceAfter=2),
        "theme": ParagraphStyle(
            "theme",
            parent=base["h2"],
            fontSize=12,
            leading=15,
            spaceBefore=8,
            spaceAfter=0,
            keepWithNext=1,
        ),
        "intro": ParagraphStyle(
            "intro",
            parent=body,
            fontSize=9,
            leading=12,
            backColor=TINT,
            borderColor=RULE,
            borderWidth=0.75,
            borderRadius=4,
            borderPadding=6,
            spaceBefore=2,
            spaceAfter=8,
        ),
        "card_kicker": ParagraphStyle("card_kicker", parent=base["small"]),
        "card_title": ParagraphStyle(
            "card_title", parent=body, fontName=FONT_BOLD, fontSize=12, leading=15, spaceAfter=4
        ),
        "card_body": ParagraphStyle("card_body", parent=body, fontSize=10, leading=13.6),
        "card_meta": ParagraphStyle("card_meta", parent=base["small"], spaceBefore=5),
    }


def when_line(tip: Tip, lang: Lang | None = None) -> str:
    moments = ", ".join(moment_label(m, lang) for m in tip.moments)
    return t("belonging.when_line", lang=lang, moments=moments)


def source_line(tip: Tip, lang: Lang | None = None) -> str:
    return t("belonging.source_short", lang=lang, source=tip.source.short(lang))


def _sources(tips: Sequence[Tip], extra: Sequence[Source] = ()) -> list[Source]:
    return list(dict.fromkeys([*extra, *(tip.source for tip in tips)]))


def handout_flowables(
    tips: Sequence[Tip], content: BelongingContent, lang: Lang
) -> tuple[list[Flowable], list[Source]]:
    """The handout body: the definition in a box, then the tips grouped by theme."""
    s = _styles()
    body: list[Flowable] = []
    extra: list[Source] = []
    definition = content.section("definitie")
    if definition is not None:
        body.append(Paragraph(esc(definition.text), s["intro"]))
        extra.append(definition.source)
    for theme in THEMES:
        group = [tip for tip in tips if tip.theme == theme]
        if not group:
            continue
        body.append(Paragraph(esc(theme_label(theme, lang)), s["theme"]))
        for tip in group:
            meta = f"{when_line(tip, lang)} · {source_line(tip, lang)}"
            body.append(
                KeepTogether(
                    [
                        Paragraph(esc(tip.title), s["tip_title"]),
                        Paragraph(esc(tip.what), s["tip_body"]),
                        Paragraph(esc(meta), s["tip_meta"]),
                    ]
                )
            )
    return body, _sources(tips, extra)


def write_handout(path: Path, tips: Sequence[Tip], lang: Lang | None = None) -> None:
    """A handout of the chosen tips (one or two pages for up to :data:`HANDOUT_MAX_TIPS`)."""
    lang = lang or language()
    content = belonging_content(lang)
    body, sources = handout_flowables(tips, content, lang)
    meta = PdfMeta(
        title=t("belonging.pdf_title", lang=lang),
        subtitle=t("belonging.pdf_subtitle", lang=lang, count=len(tips)),
        lang=lang,
        sources=sources,
        margin=HANDOUT_MARGIN,
    )
    write_pdf(path, body, meta)


def _card(tip: Tip, lang: Lang) -> Flowable:
    s = _styles()
    inner = [
        Paragraph(esc(theme_label(tip.theme, lang)), s["card_kicker"]),
        Paragraph(esc(tip.title), s["card_title"]),
        Paragraph(esc(tip.what), s["card_body"]),
        Paragraph(esc(when_line(tip, lang)), s["card_meta"]),
        Paragraph(esc(source_line(tip, lang)), s["card_meta"]),
    ]
    width = _CARD_WIDTH - 2 * _CARD_PADDING
    height = _CARD_HEIGHT - 2 * _CARD_PADDING
    return KeepInFrame(width, height, inner, mode="shrink")


def cards_flowables(tips: Sequence[Tip], lang: Lang) -> list[Flowable]:
    """One table of up to six boxed cards (two columns, three rows) per page."""
    body: list[Flowable] = []
    for start in range(0, len(tips), CARDS_PER_PAGE):
        chunk: list[Flowable | str] = [_card(tip, lang) for tip in tips[start : start + 6]]
        if len(chunk) % 2:
            chunk.append("")
        rows = [chunk[i : i + 2] for i in range(0, len(chunk), 2)]
        table = Table(
            rows,
            colWidths=[_CARD_WIDTH, _CARD_WIDTH],
            rowHeights=[_CARD_HEIGHT] * len(rows),
        )
        table.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("FONTNAME", (0, 0), (-1, -1), FONT),  # or reportlab names Helvetica
                    ("LEFTPADDING", (0, 0), (-1, -1), _CARD_PADDING),
                    ("RIGHTPADDING", (0, 0), (-1, -1), _CARD_PADDING),
                    ("TOPPADDING", (0, 0), (-1, -1), _CARD_PADDING),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), _CARD_PADDING),
                    # dashed cutting lines around every card
                    ("GRID", (0, 0), (-1, -1), 0.6, colors.HexColor(BOX_EDGE), None, (3, 3)),
                ]
            )
        )
        if body:
            body.append(Spacer(1, 1))
        body.append(table)
    return body


def write_cards(path: Path, tips: Sequence[Tip], lang: Lang | None = None) -> None:
    """Tip cards to print and cut: six per A4 page, each with its own source."""
    lang = lang or language()
    meta = PdfMeta(
        title=t("belonging.cards_title", lang=lang),
        subtitle=t("belonging.cards_subtitle", lang=lang, count=len(tips)),
        lang=lang,
        sources=_sources(tips),
        margin=NARROW_MARGIN,  # two cards side by side
    )
    write_pdf(path, cards_flowables(tips, lang), meta)
