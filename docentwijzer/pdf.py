"""The shared PDF layout: embedded Unicode font, header, footer, disclaimer, sources.

Every tool builds a list of reportlab flowables with :func:`styles` and :func:`esc`, and hands it
to :func:`write_pdf`. Every page carries the app version, the export date, page X of Y and the
disclaimer; the document ends with the sources of the guidance it quotes.

reportlab cannot write tagged (PDF/UA) files; the README says so.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
import unicodedata
from collections.abc import Callable, Iterable, Sequence
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
from docentwijzer.storage import TEMP_SUFFIX, fsync_dir

#: Page margins, and the width a frame gives its content (reportlab pads a frame by 6 pt).
MARGIN = 18 * mm
TEXT_WIDTH = A4[0] - 2 * MARGIN - 12

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
FONT_ITALIC = "DejaVuSans-Oblique"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class PdfWriteError(Exception):
    """The PDF could not be written where the user chose; ``str()`` is a message for them."""


class ExportCancelled(Exception):  # noqa: N818 (not an error: the user chose it)
    """The user cancelled (or the notes locked); nothing was written."""


#: Called often while a PDF is laid out, drawn and written; raises :class:`ExportCancelled`.
Check = Callable[[], None]


def no_check() -> None:
    return None


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


#: What a character the PDF cannot print becomes (after the teacher was told; see below).
REPLACEMENT = "\ufffd"
#: Scripts written right to left: reportlab draws them left to right and unjoined (it cannot
#: shape or reorder without extras that are not available here), so they count as unprintable.
_RTL_SCRIPTS = ("ARABIC", "HEBREW", "SYRIAC", "THAANA", "NKO", "SAMARITAN", "MANDAIC", "ADLAM")


@cache
def _font_covers() -> frozenset[int]:
    """The characters every embedded face (regular, bold, italic) has a glyph for."""
    register_fonts()
    faces = [pdfmetrics.getFont(name).face for name in (FONT, FONT_BOLD, FONT_ITALIC)]
    covered = set(faces[0].charToGlyph)
    for face in faces[1:]:
        covered &= set(face.charToGlyph)
    return frozenset(covered)


@cache
def _printable_char(char: str) -> bool:
    if char in "\n\r\t" or _CONTROL.match(char):
        return True  # line breaks and tabs are layout; other control codes are never shown
    if ord(char) > 0xFFFF:
        # Beyond the first 65,536 code points (most emoji) reportlab writes a wrong text layer
        # (😀 U+1F600 reads back as ὠ U+1F60), even where the font has a glyph.
        return False
    if unicodedata.bidirectional(char) in ("R", "AL", "AN"):
        return False
    if unicodedata.name(char, "").startswith(_RTL_SCRIPTS):
        return False
    return ord(char) in _font_covers()


def unprintable(*texts: str) -> str:
    """The distinct characters of ``texts`` that a PDF of this app cannot print correctly, in
    order of first appearance: those the embedded font has no glyph for (Chinese, Japanese,
    Korean, most Indic scripts…), those beyond U+FFFF (most emoji) and right-to-left scripts
    (Arabic, Hebrew…).

    Ask before exporting text that has any (:func:`describe_characters` lists them); in the PDF
    each becomes :data:`REPLACEMENT`, so none vanishes unnoticed."""
    found: dict[str, None] = {}
    for text in texts:
        for char in dict.fromkeys(text):
            if not _printable_char(char):
                found[char] = None
    return "".join(found)


def describe_characters(characters: str) -> str:
    """One line per character: the character, its code point and its Unicode name."""
    return "\n".join(
        f"{char}\tU+{ord(char):04X}\t{unicodedata.name(char, '')}".rstrip() for char in characters
    )


def printable(text: str) -> str:
    """``text`` with every character the PDF cannot print replaced by :data:`REPLACEMENT`."""
    missing = unprintable(text)
    if not missing:
        return text
    return text.translate(dict.fromkeys(map(ord, missing), REPLACEMENT))


def esc(text: str) -> str:
    """User or content text made safe for a Paragraph (markup escaped, newlines kept, characters
    the font cannot print shown as :data:`REPLACEMENT`)."""
    return escape(_CONTROL.sub("", printable(text))).replace("\n", "<br/>")


def para(text: str, style: str = "body") -> Paragraph:
    return Paragraph(esc(text), styles()[style])


def wrap_text(
    text: str, width: float, font: str = FONT, size: float = 10.5, check: Check = no_check
) -> list[str]:
    """``text`` broken into lines no wider than ``width`` points: at spaces, and inside a word
    only when the word alone is wider than a line. Linear in the length of the text; ``check``
    runs every few hundred lines."""
    register_fonts()
    text = printable(text)
    text = _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    "))
    space = pdfmetrics.stringWidth(" ", font, size)
    lines: list[str] = []
    for paragraph in text.split("\n"):
        current: list[str] = []
        used = 0.0
        for word in paragraph.split(" "):
            needed = pdfmetrics.stringWidth(word, font, size)
            gap = space if current else 0.0
            if used + gap + needed <= width:
                current.append(word)
                used += gap + needed
                continue
            if current:
                lines.append(" ".join(current))
                if len(lines) % 100 == 0:
                    check()
            current, used = [], 0.0
            if needed > width:  # a word wider than a line: break it where it must
                *pieces, word = _broken(word, width, font, size, check)
                lines.extend(pieces)
                needed = pdfmetrics.stringWidth(word, font, size)
            current, used = [word], needed
        lines.append(" ".join(current))
        if len(lines) % 100 == 0:
            check()
    return lines


def _broken(word: str, width: float, font: str, size: float, check: Check) -> list[str]:
    """``word`` cut into pieces that each fit ``width`` (the last may be shorter).

    Looks ahead in growing steps from where the last piece ended, so a word of a megabyte is
    cut in linear time (no copying of the rest for every line)."""
    pieces: list[str] = []
    start = 0
    while start < len(word):
        check()
        step = 64
        while start + step < len(word):
            if pdfmetrics.stringWidth(word[start : start + step], font, size) > width:
                break
            step *= 2
        end = start + _fitting(word[start : start + step], width, font, size)
        pieces.append(word[start:end])
        start = end
    return pieces


def _fitting(word: str, width: float, font: str, size: float) -> int:
    """How many leading characters of ``word`` fit in ``width`` (at least one)."""
    low, high = 1, len(word)
    while low < high:
        middle = (low + high + 1) // 2
        if pdfmetrics.stringWidth(word[:middle], font, size) <= width:
            low = middle
        else:
            high = middle - 1
    return low


class TextLines(Flowable):
    """Plain text already broken into lines: any length, split between any two lines at no cost.

    A long note is many of these (see :func:`plain_text`), so laying out a megabyte takes
    seconds, not minutes, and ``check`` (cancel) runs between every few lines.
    """

    def __init__(self, lines: list[str], style: ParagraphStyle, check: Check = no_check) -> None:
        super().__init__()
        self.lines, self.style, self.check = lines, style, check

    def wrap(self, available_width: float, _available_height: float) -> tuple[float, float]:
        self.check()
        self.width = available_width
        self.height = len(self.lines) * self.style.leading
        return self.width, self.height

    def split(self, _available_width: float, available_height: float) -> list[Flowable]:
        self.check()
        fits = int(available_height // self.style.leading)
        if fits <= 0 or fits >= len(self.lines):
            return []
        return [
            TextLines(self.lines[:fits], self.style, self.check),
            TextLines(self.lines[fits:], self.style, self.check),
        ]

    def draw(self) -> None:
        self.check()
        style = self.style
        text = self.canv.beginText(0, self.height - style.fontSize)
        text.setFont(style.fontName, style.fontSize, style.leading)
        text.setFillColor(style.textColor)
        for line in self.lines:
            text.textLine(line)
        self.canv.drawText(text)


#: Lines per :class:`TextLines` block: small enough that a cancel is seen at once.
BLOCK_LINES = 40
FIRST_BLOCK_LINES = 3


def plain_text(
    text: str, style: str = "body", *, width: float = 0.0, check: Check = no_check
) -> list[Flowable]:
    """User text of any length as blocks of lines (no markup: what was typed is printed)."""
    chosen = styles()[style]
    lines = wrap_text(text, width or TEXT_WIDTH, chosen.fontName, chosen.fontSize, check)
    # A short first block, so a heading kept with it does not push a page of text ahead.
    starts = [0, *range(FIRST_BLOCK_LINES, len(lines), BLOCK_LINES)]
    ends = [*starts[1:], len(lines)]
    return [
        TextLines(lines[a:b], chosen, check) for a, b in zip(starts, ends, strict=True) if b > a
    ]


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


def _numbered_canvas(meta: PdfMeta, check: Check = no_check) -> type[Canvas]:
    lang = meta.lang or language()
    footer_left = (
        f"{APP_NAME} {__version__} · {t('pdf.exported', lang=lang, date=meta.exported.isoformat())}"
    )
    disclaimer = t(f"pdf.disclaimer_{meta.audience}", lang=lang)

    class NumberedCanvas(Canvas):
        """Two-pass canvas so every page can say 'page X of Y'."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            # The embedded font from the first page on: reportlab's default (Helvetica) would be
            # named in every page's resources without being embedded.
            kwargs["initialFontName"] = FONT
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                check()
                self.__dict__.update(state)
                self._footer(total)
                super().showPage()
            super().save()

        def _footer(self, total: int) -> None:
            width, _ = A4
            self.setFont(FONT, 7.5)
            self.setFillColor("#555555")
            self.drawString(MARGIN, 14 * mm, footer_left)
            page = t("pdf.page", lang=lang, page=self._pageNumber, total=total)
            self.drawRightString(width - MARGIN, 14 * mm, page)
            # Wrapped, so the helpline numbers at its end are never cut off at the page edge.
            lines = simpleSplit(disclaimer, FONT, 7.5, width - 2 * MARGIN)
            for index, line in enumerate(lines):
                self.drawString(MARGIN, (10 - 3.2 * index) * mm, line)

    return NumberedCanvas


def render_pdf(body: Sequence[Flowable], meta: PdfMeta, check: Check = no_check) -> bytes:
    """The PDF as bytes: title, the tool's flowables, then the sources section.

    ``check`` runs between pages and in every :class:`TextLines` block; raising
    :class:`ExportCancelled` there stops the build at once.
    """
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
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=16 * mm,
        bottomMargin=22 * mm,
        title=meta.title,
        author=APP_NAME,
        creator=f"{APP_NAME} {__version__}",
        lang="nl-NL" if lang == "nl" else "en-GB",
    )
    doc.build(story, canvasmaker=_numbered_canvas(meta, check))
    return buffer.getvalue()


def _write_atomically(path: Path, data: bytes, check: Check) -> None:
    """Like :func:`~docentwijzer.storage.atomic_write_bytes`, with a last ``check`` just before
    the finished file replaces what is at ``path``: a cancel leaves no file and no temp file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TEMP_SUFFIX, dir=path.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        check()
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    with contextlib.suppress(OSError):  # the file is complete; only the rename's durability
        fsync_dir(path.parent)


def write_pdf(path: Path, body: Sequence[Flowable], meta: PdfMeta, check: Check = no_check) -> None:
    """Render and write atomically; an unwritable location raises :class:`PdfWriteError`,
    ``check`` may raise :class:`ExportCancelled` up to the moment the file is replaced."""
    data = render_pdf(body, meta, check)
    check()
    try:
        _write_atomically(path, data, check)
    except OSError as exc:
        raise PdfWriteError(
            t("pdf.write_failed", path=str(path), reason=exc.strerror or str(exc))
        ) from exc
