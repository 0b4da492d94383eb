"""The teacher's own overview on paper: the past year in numbers, for an intervision meeting.

Numbers only (no pseudonym, no note text, no date of any single note): a summary line, two
simple bar charts (check-ins by outcome, routes by where the referral tree ended) and a table.
Uses the shared layout of :mod:`docentwijzer.pdf`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table
from reportlab.platypus.tables import TableStyle

from docentwijzer.checkins import OUTCOMES, Overview, node_label, outcome_label
from docentwijzer.dates import format_date
from docentwijzer.i18n import Lang, language, t
from docentwijzer.pdf import (
    ACCENT,
    FONT,
    FONT_BOLD,
    INK,
    MUTED,
    RULE,
    TEXT_WIDTH,
    PdfMeta,
    esc,
    para,
    render_pdf,
    styles,
    write_pdf,
)
from docentwijzer.tree import TreeContent, tree_content

#: The shared PDF palette: bars in the one accent, those still open in the muted text colour.
BAR = colors.HexColor(ACCENT)
BAR_MUTED = colors.HexColor(MUTED)
INK_COLOR = colors.HexColor(INK)
RULE_COLOR = colors.HexColor(RULE)


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    muted: bool = False


def outcome_bars(overview: Overview, lang: Lang | None = None) -> list[Bar]:
    """Check-ins by outcome, then those still open (shared by the screen and the PDF)."""
    bars = [Bar(outcome_label(o, lang), overview.outcome(o)) for o in OUTCOMES]
    return [*bars, Bar(t("checkins.open", lang=lang), overview.open, muted=True)]


def route_bars(overview: Overview, tree: TreeContent, lang: Lang | None = None) -> list[Bar]:
    """Routes by the node they ended at, in the tree's order; nodes without routes left out."""
    return [Bar(node_label(tree, r.node, lang), r.routes) for r in overview.rows if r.routes]


class BarChart(Flowable):  # type: ignore[misc]
    """Horizontal bars, each with its label before it (wrapped, never cut) and its number."""

    LINE = 11.0
    PAD = 4.0
    LABEL = 56 * mm
    NUMBER = 12 * mm
    SIZE = 9

    def __init__(self, bars: Sequence[Bar], width: float) -> None:
        super().__init__()
        self.bars = list(bars)
        self.width = width
        self._lines: list[list[str]] = []
        self.height = 0.0

    def wrap(self, available_width: float, _available_height: float) -> tuple[float, float]:
        self.width = min(self.width, available_width)
        self._lines = [simpleSplit(b.label, FONT, self.SIZE, self.LABEL - 6) for b in self.bars]
        self.height = sum(len(lines) * self.LINE + self.PAD for lines in self._lines)
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        top = max((bar.value for bar in self.bars), default=0) or 1
        room = self.width - self.LABEL - self.NUMBER
        y = self.height
        for bar, lines in zip(self.bars, self._lines, strict=True):
            first = y - self.LINE + 2.5  # baseline of the label's first line
            canvas.setFillColor(INK_COLOR)
            canvas.setFont(FONT, self.SIZE)
            for index, line in enumerate(lines):
                canvas.drawString(0, first - index * self.LINE, line)
            length = room * bar.value / top
            if bar.value:
                canvas.setFillColor(BAR_MUTED if bar.muted else BAR)
                canvas.rect(
                    self.LABEL, first - 2, max(length, 1.5), self.LINE - 2, stroke=0, fill=1
                )
            canvas.setFillColor(INK_COLOR)
            canvas.setFont(FONT_BOLD, self.SIZE)
            canvas.drawString(self.LABEL + length + 4, first, str(bar.value))
            y -= len(lines) * self.LINE + self.PAD


@cache
def _numeric_head() -> ParagraphStyle:
    return ParagraphStyle("numeric_head", parent=styles()["small"], alignment=TA_RIGHT)


def _table(overview: Overview, tree: TreeContent, lang: Lang) -> Table:
    head = [
        t("checkins.column_node", lang=lang),
        t("checkins.column_routes", lang=lang),
        *(outcome_label(o, lang, short=True) for o in OUTCOMES),
        t("checkins.open", lang=lang),
    ]
    rows: list[list[object]] = [
        [para(head[0], "small"), *(Paragraph(esc(h), _numeric_head()) for h in head[1:])]
    ]
    for row in overview.rows:
        rows.append(
            [
                para(node_label(tree, row.node, lang), "small"),
                row.routes,
                *(row.outcomes.get(o, 0) for o in OUTCOMES),
                row.open,
            ]
        )
    rows.append(
        [
            para(t("checkins.column_total", lang=lang), "small"),
            overview.routes,
            *(overview.outcome(o) for o in OUTCOMES),
            overview.open,
        ]
    )
    first = 40 * mm
    rest = (TEXT_WIDTH - first) / (len(head) - 1)
    table = Table(rows, colWidths=[first, *([rest] * (len(head) - 1))], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (1, 1), (-1, -1), FONT, 9),
                ("FONT", (1, -1), (-1, -1), FONT_BOLD, 9),
                ("ALIGN", (1, 1), (-1, -1), "RIGHT"),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, INK_COLOR),
                ("LINEABOVE", (0, -1), (-1, -1), 0.8, INK_COLOR),
                ("LINEBELOW", (0, 1), (-1, -3), 0.3, RULE_COLOR),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("LEFTPADDING", (1, 0), (-1, -1), 2),
                ("RIGHTPADDING", (1, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


def build(overview: Overview, lang: Lang, tree: TreeContent | None = None) -> list[Flowable]:
    tree = tree or tree_content(lang)
    width = TEXT_WIDTH
    body: list[Flowable] = []
    if overview.is_empty:
        body.append(para(t("checkins.overview_empty", lang=lang)))
    else:
        summary = t(
            "checkins.overview_summary",
            lang=lang,
            routes=overview.routes,
            recorded=overview.recorded,
            succeeded=overview.outcome("succeeded"),
            open=overview.open,
        )
        body.append(para(summary))
        body.append(
            KeepTogether(
                [
                    para(t("checkins.chart_outcomes", lang=lang), "h2"),
                    BarChart(outcome_bars(overview, lang), width),
                ]
            )
        )
        routes = route_bars(overview, tree, lang)
        if routes:
            body.append(
                KeepTogether(
                    [
                        para(t("checkins.chart_routes", lang=lang), "h2"),
                        BarChart(routes, width),
                    ]
                )
            )
        body += [para(t("checkins.table_title", lang=lang), "h2"), _table(overview, tree, lang)]
    body += [Spacer(1, 8), para(t("checkins.overview_numbers_only", lang=lang), "small")]
    return body


def meta_for(overview: Overview, lang: Lang, today: date | None = None) -> PdfMeta:
    period = t(
        "checkins.overview_period",
        lang=lang,
        start=format_date(overview.start, lang),
        end=format_date(overview.end, lang),
    )
    return PdfMeta(
        title=t("checkins.overview_title", lang=lang),
        subtitle=period,
        lang=lang,
        exported=today or date.today(),
    )


def render_overview(overview: Overview, lang: Lang | None = None) -> bytes:
    lang = lang or language()
    return render_pdf(build(overview, lang), meta_for(overview, lang))


def export_overview(path: Path, overview: Overview, lang: Lang | None = None) -> None:
    """Write atomically; raises :class:`~docentwijzer.pdf.PdfWriteError` when it cannot."""
    lang = lang or language()
    write_pdf(path, build(overview, lang), meta_for(overview, lang))


def file_name(today: date, lang: Lang | None = None) -> str:
    return f"{t('checkins.overview_file_prefix', lang=lang)}-{today.isoformat()}.pdf"
