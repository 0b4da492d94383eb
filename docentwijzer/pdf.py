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
    KeepTogether,
    ListFlowable,
    ListItem,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
)
from reportlab.platypus.tables import CellStyle

from docentwijzer import APP_NAME, __version__
from docentwijzer.dates import format_date_long
from docentwijzer.i18n import Lang, language, t
from docentwijzer.sources import Source
from docentwijzer.storage import TEMP_SUFFIX, fsync_dir

from docentwijzer.ui.tokens import SCHEMES

#: Page margins: lines of at most ~75 characters (the screens' rule) at the body size; a sheet
#: of cards to cut out uses :data:`NARROW_MARGIN`. TEXT_WIDTH is what a frame gives its content
#: (reportlab pads a frame by 6 pt on each side).
MARGIN = 32 * mm
NARROW_MARGIN = 18 * mm
TEXT_WIDTH = A4[0] - 2 * MARGIN - 12
_FOOTER_BOTTOM = 10 * mm
#: The footer: small (the 9 pt minimum) and muted, on every page.
_FOOTER_SIZE = 9.0
_FOOTER_LEADING = 11.5

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
    # A table cell starts in reportlab's base font (Helvetica), named in the PDF even when every
    # cell holds a paragraph; start every table of the app in the embedded font instead.
    CellStyle.fontname = FONT


# -- the look: the screens' light tokens and type scale, on paper -------------------------------

#: Colours: the screens' light scheme (``ui/tokens.py``, pure data, no Qt), since paper is light:
#: text, muted text, decorative border (rules, cutting lines), input border (check boxes), the
#: window background (tinted boxes) and the one accent (a ticked box, bars in a chart).
_PAPER = SCHEMES["light"]
INK = _PAPER.text
MUTED = _PAPER.muted
RULE = _PAPER.border
BOX_EDGE = _PAPER.input_border
TINT = _PAPER.bg
ACCENT = _PAPER.primary
#: Body size in points; the type scale is the screens': title 1.5×, section 1.25×, subsection
#: 1× bold, small 0.9× but at least 9 pt (sources and hints only).
BASE = 10.5
SMALL = max(9.0, round(0.9 * BASE, 1))


@cache
def styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    body = ParagraphStyle(
        "body", fontName=FONT, fontSize=BASE, leading=BASE * 1.42, alignment=TA_LEFT, textColor=INK
    )
    heading = {"parent": body, "fontName": FONT_BOLD, "keepWithNext": 1}
    return {
        "title": ParagraphStyle(
            "title", **heading, fontSize=1.5 * BASE, leading=1.5 * BASE * 1.25, spaceAfter=3
        ),
        "subtitle": ParagraphStyle(
            "subtitle",
            parent=body,
            textColor=MUTED,
            spaceAfter=6,
        ),
        # More space above a section than inside it: groups read at a glance.
        "h2": ParagraphStyle(
            "h2",
            **heading,
            fontSize=1.25 * BASE,
            leading=1.25 * BASE * 1.3,
            spaceBefore=16,
            spaceAfter=4,
        ),
        "h3": ParagraphStyle(
            "h3", **heading, fontSize=BASE, leading=BASE * 1.4, spaceBefore=10, spaceAfter=2
        ),
        "body": body,
        "small": ParagraphStyle(
            "small", parent=body, fontSize=SMALL, leading=SMALL * 1.35, textColor=MUTED
        ),
        "box": ParagraphStyle(
            "box",
            parent=body,
            backColor=TINT,
            borderColor=RULE,
            borderWidth=0.75,
            borderRadius=4,
            borderPadding=8,
            leftIndent=8,  # the tinted box lines up with the text column
            rightIndent=8,
            spaceBefore=12,
            spaceAfter=16,
        ),
    }


class TitleRule(Flowable):
    """The quiet line under a document's title and subtitle: where the content starts."""

    def wrap(self, available_width: float, _available_height: float) -> tuple[float, float]:
        self.width = available_width
        return available_width, 14

    def draw(self) -> None:
        self.canv.setStrokeColor(RULE)
        self.canv.setLineWidth(0.75)
        self.canv.line(0, 7, self.width, 7)


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
    """One line per character: the character, its code point and its Unicode name.

    Each line starts with a left-to-right mark, so a right-to-left letter does not turn its
    line around on screen."""
    return "\n".join(
        f"\u200e{char}   U+{ord(char):04X}   {unicodedata.name(char, '')}".rstrip()
        for char in characters
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
    entries = [ListItem(para(item), leftIndent=14) for item in items]
    return ListFlowable(
        entries,
        bulletType="1" if numbered else "bullet",
        start="1" if numbered else "•",
        leftIndent=16,
        bulletFontName=FONT,
        bulletFontSize=BASE if numbered else SMALL,
        bulletColor=MUTED,
        spaceBefore=2,
        spaceAfter=2,
    )


#: Check boxes: what the screens show, drawn (not "[ ]"); the text layer says ☑ or ☐.
CHECKED, UNCHECKED = "\u2611", "\u2610"
_BOX = 8.5
_BOX_INDENT = 18


class CheckItem(Flowable):
    """One item of a checklist: a drawn box (filled with a tick when done) and its text.

    The state is also written as an invisible ☑ / ☐ before the text, so copying the text or
    reading it aloud keeps it."""

    def __init__(self, text: str, done: bool) -> None:
        super().__init__()
        self.text, self.done = text, done
        self.paragraph = para(text)

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        _, height = self.paragraph.wrap(available_width - _BOX_INDENT, available_height)
        self.width, self.height = available_width, height
        return available_width, height

    def draw(self) -> None:
        canvas = self.canv
        style = self.paragraph.style
        top = self.height - (style.leading - style.fontSize) / 2
        y = top - style.fontSize + (style.fontSize - _BOX) / 2 + 0.8
        canvas.saveState()
        # On the first line's baseline, at the text's size: read as one line with the text.
        baseline = self.height - pdfmetrics.getAscent(style.fontName, style.fontSize)
        mark = canvas.beginText(0, baseline)
        mark.setTextRenderMode(3)  # invisible: for the text layer only
        mark.setFont(FONT, style.fontSize)
        mark.textOut(CHECKED if self.done else UNCHECKED)
        canvas.drawText(mark)
        canvas.setLineWidth(1)
        canvas.setStrokeColor(ACCENT if self.done else BOX_EDGE)
        canvas.setFillColor(ACCENT)
        canvas.roundRect(0.5, y, _BOX, _BOX, 1.5, stroke=1, fill=1 if self.done else 0)
        if self.done:
            canvas.setStrokeColor("#ffffff")
            canvas.setLineWidth(1.4)
            canvas.setLineCap(1)
            canvas.setLineJoin(1)
            tick = canvas.beginPath()
            tick.moveTo(0.5 + _BOX * 0.22, y + _BOX * 0.52)
            tick.lineTo(0.5 + _BOX * 0.42, y + _BOX * 0.3)
            tick.lineTo(0.5 + _BOX * 0.8, y + _BOX * 0.74)
            canvas.drawPath(tick, stroke=1, fill=0)
        canvas.restoreState()
        self.paragraph.drawOn(canvas, _BOX_INDENT, 0)


def checklist(items: Iterable[tuple[str, bool]]) -> list[Flowable]:
    """Items with drawn check boxes: ``(text, done)`` each."""
    return [CheckItem(text, done) for text, done in items]


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
    #: Left and right page margin. Wide enough for lines of at most ~75 characters; a sheet of
    #: cards to cut out uses more of the width (:data:`NARROW_MARGIN`).
    margin: float = MARGIN


def source_list(sources: Iterable[Source], lang: Lang) -> list[str]:
    """The public citations, once per publication: its slides or sections after it, so a list
    of ten sections of one report is one entry, not ten repetitions of its title."""
    details: dict[str, list[str]] = {}
    for source in sources:
        found = details.setdefault(source.public.citation(lang), [])
        if source.detail and source.detail not in found:
            found.append(source.detail)
    return [
        f"{citation}, {'; '.join(parts)}" if parts else citation
        for citation, parts in details.items()
    ]


def _footer_lines(meta: PdfMeta) -> list[str]:
    """The disclaimer, wrapped to the text width (its helpline numbers are never cut off)."""
    lang = meta.lang or language()
    disclaimer = t(f"pdf.disclaimer_{meta.audience}", lang=lang)
    lines: list[str] = simpleSplit(disclaimer, FONT, _FOOTER_SIZE, A4[0] - 2 * meta.margin)
    return lines


def _footer_height(meta: PdfMeta) -> float:
    """From the page's bottom edge to the top of the footer's rule, plus a gap above it."""
    return float(_FOOTER_BOTTOM + (len(_footer_lines(meta)) + 1) * _FOOTER_LEADING + 14)


def _numbered_canvas(meta: PdfMeta, check: Check = no_check) -> type[Canvas]:
    lang = meta.lang or language()
    exported = format_date_long(meta.exported, lang)
    footer_left = f"{APP_NAME} {__version__} · {t('pdf.exported', lang=lang, date=exported)}"
    lines = _footer_lines(meta)
    margin = meta.margin

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
            """A quiet rule, the version, date and page, then the disclaimer: small and muted."""
            width, _ = A4
            leading = _FOOTER_LEADING
            self.saveState()
            self.setFont(FONT, _FOOTER_SIZE)
            self.setFillColor(MUTED)
            top = _FOOTER_BOTTOM + len(lines) * leading  # drawn top down: the reading order
            self.setStrokeColor(RULE)
            self.setLineWidth(0.75)
            self.line(margin, top + leading, width - margin, top + leading)
            self.drawString(margin, top, footer_left)
            page = t("pdf.page", lang=lang, page=self._pageNumber, total=total)
            self.drawRightString(width - margin, top, page)
            for index, line in enumerate(lines, start=1):
                self.drawString(margin, top - index * leading, line)
            self.restoreState()

    return NumberedCanvas


def _headings_kept_with_lists(body: Sequence[Flowable]) -> list[Flowable]:
    """A heading and the list after it, kept together: reportlab's keepWithNext skips lists
    (containers), so a section title could end a page with its list on the next."""
    out: list[Flowable] = []
    for flowable in body:
        previous = out[-1] if out else None
        if (
            isinstance(flowable, ListFlowable)
            and isinstance(previous, Paragraph)
            and getattr(previous.style, "keepWithNext", False)
        ):
            out[-1] = KeepTogether([previous, flowable])
        else:
            out.append(flowable)
    return out


def render_pdf(body: Sequence[Flowable], meta: PdfMeta, check: Check = no_check) -> bytes:
    """The PDF as bytes: title, the tool's flowables, then the sources section.

    ``check`` runs between pages and in every :class:`TextLines` block; raising
    :class:`ExportCancelled` there stops the build at once.
    """
    lang = meta.lang or language()
    story: list[Flowable] = [para(meta.title, "title")]
    if meta.subtitle:
        story.append(para(meta.subtitle, "subtitle"))
    story.append(TitleRule())
    story.extend(_headings_kept_with_lists(body))
    labels = source_list(meta.sources, lang)
    if labels:
        story += [Spacer(1, 6), para(t("pdf.sources", lang=lang), "h3")]
        story += [para(label, "small") for label in labels]
    buffer = BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=meta.margin,
        rightMargin=meta.margin,
        topMargin=16 * mm,
        bottomMargin=_footer_height(meta),
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
