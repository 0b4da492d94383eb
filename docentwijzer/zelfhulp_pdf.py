"""The 'Wat kun je zelf doen?' hand-out on paper: one A4 page a teacher gives a student.

The shared layout of :mod:`docentwijzer.pdf` (embedded font, version, date, page X of Y, the
student's disclaimer, the sources once at the end), a little more width and a smaller type than
the other PDFs so the whole hand-out fits one page; the acute numbers in a box of their own.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, ListFlowable, ListItem, Paragraph, Spacer, Table
from reportlab.platypus.tables import TableStyle

from docentwijzer.i18n import Lang, language
from docentwijzer.pdf import (
    ACCENT,
    FONT,
    FONT_BOLD,
    MUTED,
    RULE,
    SMALL,
    TINT,
    Check,
    PdfMeta,
    esc,
    no_check,
    styles,
    write_pdf,
)
from docentwijzer.zelfhulp import Point, Section, SelfHelpContent, self_help

#: Wider lines than the other PDFs, in two columns of about 50 characters: one page in all.
MARGIN = 14 * mm


@cache
def _styles() -> dict[str, ParagraphStyle]:
    base = styles()
    body = ParagraphStyle("help_body", parent=base["body"], fontSize=9.0, leading=11.6)
    return {
        "body": body,
        "intro": ParagraphStyle(
            "help_intro",
            parent=body,
            backColor=TINT,
            borderColor=RULE,
            borderWidth=0.75,
            borderRadius=4,
            borderPadding=5,
            leftIndent=5,
            rightIndent=5,
            spaceBefore=2,
            spaceAfter=6,
        ),
        "section": ParagraphStyle(
            "help_section",
            parent=body,
            fontName=FONT_BOLD,
            fontSize=11,
            leading=14,
            spaceBefore=5,
            spaceAfter=1,
            keepWithNext=1,
        ),
        "note": ParagraphStyle("help_note", parent=base["small"], fontSize=SMALL, spaceBefore=1),
        "acute": ParagraphStyle("help_acute", parent=body, fontSize=10, leading=13.4),
    }


def _points(points: list[Point]) -> ListFlowable:
    s = _styles()
    return ListFlowable(
        [ListItem(Paragraph(esc(point.text), s["body"]), leftIndent=12) for point in points],
        bulletType="bullet",
        start="•",
        leftIndent=12,
        bulletFontName=FONT,
        bulletFontSize=SMALL,
        bulletColor=MUTED,
        spaceBefore=1,
        spaceAfter=1,
    )


def _acute_box(content: SelfHelpContent) -> Flowable:
    """The acute numbers, boxed with the accent edge, so they are found at a glance."""
    s = _styles()
    first, *rest = content.acute.points
    title = f"<font name='{FONT_BOLD}'>{esc(content.acute.title)}</font>"
    inner = [Paragraph(f"{title} {esc(first.text)}", s["acute"])]
    inner += [Paragraph(esc(point.text), s["acute"]) for point in rest]
    table = Table([[inner]], colWidths=["100%"])
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT),  # or reportlab names Helvetica
                ("BOX", (0, 0), (-1, -1), 1.2, ACCENT),
                ("LINEBEFORE", (0, 0), (0, -1), 4, ACCENT),
                ("LEFTPADDING", (0, 0), (-1, -1), 10),
                ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ]
        )
    )
    return table


def _section(section: Section) -> list[Flowable]:
    s = _styles()
    part: list[Flowable] = [Paragraph(esc(section.title), s["section"]), _points(section.points)]
    if section.note:
        part.append(Paragraph(esc(section.note), s["note"]))
    return part


def _split(sections: list[Section]) -> int:
    """Where the sections go from the left column to the right: about half the words each."""
    sizes = [sum(len(p.text) for p in sec.points) + len(sec.note) + 60 for sec in sections]
    total = sum(sizes)
    return min(
        range(1, len(sections)),
        key=lambda cut: abs(total - 2 * sum(sizes[:cut])),
    )


def self_help_flowables(content: SelfHelpContent, width: float) -> list[Flowable]:
    """Intro in a tinted box, the sections in two columns, then the acute box."""
    s = _styles()
    intro = " ".join(point.text for point in content.intro)
    cut = _split(content.sections)
    left = [f for section in content.sections[:cut] for f in _section(section)]
    right = [f for section in content.sections[cut:] for f in _section(section)]
    gap = 6 * mm
    columns = Table([[left, right]], colWidths=[width / 2] * 2)
    columns.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT),  # or reportlab names Helvetica
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (0, -1), gap / 2),
                ("LEFTPADDING", (1, 0), (1, -1), gap / 2),
                ("RIGHTPADDING", (1, 0), (1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return [Paragraph(esc(intro), s["intro"]), columns, Spacer(1, 6), _acute_box(content)]


def write_self_help(path: Path, lang: Lang | None = None, check: Check = no_check) -> None:
    """The hand-out in ``lang``: one A4 page (a test holds it to one)."""
    lang = lang or language()
    content = self_help(lang)
    meta = PdfMeta(
        title=content.title,
        subtitle=content.subtitle,
        lang=lang,
        sources=content.sources,
        audience="student",
        margin=MARGIN,
    )
    width = A4[0] - 2 * MARGIN - 12  # the frame pads 6 pt on each side
    write_pdf(path, self_help_flowables(content, width), meta, check)
