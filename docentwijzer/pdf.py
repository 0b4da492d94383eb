"""The shared PDF layout: embedded Unicode font, header, footer, disclaimer, sources.

Every tool builds a list of reportlab flowables with :func:`styles` and :func:`esc`, and hands it
to :func:`write_pdf`. Every page carries the app version, the export date, page X of Y and the
disclaimer; the document ends with the sources of the guidance it quotes.

reportlab cannot write tagged (PDF/UA) files; the README says so.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from importlib import resources
from io import BytesIO
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    ListFlowable,
    ListItem,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
)

from docentwijzer import APP_NAME, __version__
from docentwijzer.i18n import Lang, language, t
from docentwijzer.sources import Source
from docentwijzer.storage import atomic_write_bytes

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
FONT_ITALIC = "DejaVuSans-Oblique"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class PdfWriteError(Exception):
    """The PDF could not be written where the user chose; ``str()`` is a message for them."""


@cache
def register_fonts() -> None:
    folder = resources.files("docentwijzer") / "assets" / "fonts"
    for name in (FONT, FONT_BOLD, FONT_ITALIC):
        with resources.as_file(folder / f"{name}.ttf") as path:
            pdfmetrics.registerFont(TTFont(name, str(path)))
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=FONT_BOLD, italic=FONT_ITALIC, boldItalic=FONT_BOLD
    )


@cache
def styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    body = ParagraphStyle("body", fontName=FONT, fontSize=10.5, leading=14.5, alignment=TA_LEFT)
    return {
        "title": ParagraphStyle(
            "title", parent=body, fontName=FONT_BOLD, fontSize=18, leading=23, spaceAfter=4
        ),
        "subtitle": ParagraphStyle(
            "subtitle", parent=body, fontSize=11, leading=15, textColor="#444444", spaceAfter=10
        ),
        "h2": ParagraphStyle(
            "h2",
            parent=body,
            fontName=FONT_BOLD,
            fontSize=13,
            leading=17,
            spaceBefore=10,
            spaceAfter=4,
        ),
        "h3": ParagraphStyle(
            "h3",
            parent=body,
            fontName=FONT_BOLD,
            fontSize=11,
            leading=15,
            spaceBefore=6,
            spaceAfter=2,
        ),
        "body": body,
        "small": ParagraphStyle(
            "small", parent=body, fontSize=8.5, leading=11, textColor="#444444"
        ),
        "box": ParagraphStyle(
            "box", parent=body, backColor="#f1f3f5", borderPadding=6, spaceBefore=6, spaceAfter=10
        ),
    }


def esc(text: str) -> str:
    """User or content text made safe for a Paragraph (markup escaped, newlines kept)."""
    return escape(_CONTROL.sub("", text)).replace("\n", "<br/>")


def para(text: str, style: str = "body") -> Paragraph:
    return Paragraph(esc(text), styles()[style])


def bullets(items: Iterable[str], *, numbered: bool = False) -> ListFlowable:
    entries = [ListItem(para(item), leftIndent=12) for item in items]
    return ListFlowable(
        entries,
        bulletType="1" if numbered else "bullet",
        start="1" if numbered else "•",
        leftIndent=14,
        bulletFontName=FONT,
        bulletFontSize=9.5,
    )


@dataclass
class PdfMeta:
    title: str
    subtitle: str = ""
    lang: Lang | None = None
    #: The guidance quoted, listed once each at the end.
    sources: Sequence[Source] = field(default_factory=list)
    #: Student-facing PDFs (the openness exercise) use the student wording of the disclaimer.
    audience: str = "teacher"
    exported: date = field(default_factory=date.today)


def _numbered_canvas(meta: PdfMeta) -> type[Canvas]:
    lang = meta.lang or language()
    footer_left = (
        f"{APP_NAME} {__version__} · {t('pdf.exported', lang=lang, date=meta.exported.isoformat())}"
    )
    disclaimer = t(f"pdf.disclaimer_{meta.audience}", lang=lang)

    class NumberedCanvas(Canvas):
        """Two-pass canvas so every page can say 'page X of Y'."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._footer(total)
                super().showPage()
            super().save()

        def _footer(self, total: int) -> None:
            width, _ = A4
            self.setFont(FONT, 7.5)
            self.setFillColor("#555555")
            self.drawString(18 * mm, 12 * mm, footer_left)
            page = t("pdf.page", lang=lang, page=self._pageNumber, total=total)
            self.drawRightString(width - 18 * mm, 12 * mm, page)
            # The disclaimer carries the crisis numbers: wrap it, never let it run off the page.
            for line_no, line in enumerate(simpleSplit(disclaimer, FONT, 7.5, width - 36 * mm)):
                self.drawString(18 * mm, (8 - 3.2 * line_no) * mm, line)

    return NumberedCanvas


def render_pdf(body: Sequence[Flowable], meta: PdfMeta) -> bytes:
    """The PDF as bytes: title, the tool's flowables, then the sources section."""
    lang = meta.lang or language()
    story: list[Flowable] = [para(meta.title, "title")]
    if meta.subtitle:
        story.append(para(meta.subtitle, "subtitle"))
    story.extend(body)
    labels = list(dict.fromkeys(source.label(lang) for source in meta.sources))
    if labels:
        story += [Spacer(1, 6), para(t("pdf.sources", lang=lang), "h3")]
        story += [para(label, "small") for label in labels]
    buffer = BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=16 * mm,
        bottomMargin=22 * mm,
        title=meta.title,
        author=APP_NAME,
        creator=f"{APP_NAME} {__version__}",
        lang="nl-NL" if lang == "nl" else "en-GB",
    )
    doc.build(story, canvasmaker=_numbered_canvas(meta))
    return buffer.getvalue()


def write_pdf(path: Path, body: Sequence[Flowable], meta: PdfMeta) -> None:
    """Render and write atomically; an unwritable location raises :class:`PdfWriteError`."""
    data = render_pdf(body, meta)
    try:
        atomic_write_bytes(path, data)
    except OSError as exc:
        raise PdfWriteError(
            t("pdf.write_failed", path=str(path), reason=exc.strerror or str(exc))
        ) from exc
