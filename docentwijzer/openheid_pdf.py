"""The openness exercise's PDF for the student: their own choices, in 'jij' form.

Apart from :mod:`docentwijzer.openheid` so that opening the exercise does not load the PDF
library; it loads when the student asks for the PDF.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from docentwijzer.dates import format_date_long
from docentwijzer.i18n import Lang, language, t
from docentwijzer.openheid import (
    OpennessContent,
    OpennessResult,
    summary_lines,
    sure_rows,
    used_sources,
    yes_no,
)
from docentwijzer.pdf import BOX_EDGE, FONT, RULE, PdfMeta, bullets, para, styles, write_pdf


def student_pdf_body(
    result: OpennessResult, content: OpennessContent, lang: Lang | None = None
) -> list[Flowable]:
    """The student's own choices, in 'jij' form; no teacher notes, no pseudonym."""
    lang = lang or language()
    body: list[Flowable] = [para(t("openheid.pdf_intro", lang=lang), "box")]
    for heading, lines in summary_lines(result, content, lang):
        body.append(para(heading, "h2"))
        body.append(bullets(lines) if len(lines) > 1 else para(lines[0]))
    rows = sure_rows(result, content)
    if result.sure_before or result.sure_after:
        body.append(para(t("openheid.sure_heading", lang=lang), "h2"))
        small = styles()["body"]
        data = [
            [
                para(t("openheid.sure_question", lang=lang), "h3"),
                para(t("openheid.sure_start", lang=lang), "h3"),
                para(t("openheid.sure_end", lang=lang), "h3"),
            ]
        ]
        data += [
            [para(row.text), para(yes_no(row.before, lang)), para(yes_no(row.after, lang))]
            for row in rows
        ]
        table = Table(data, colWidths=["64%", "18%", "18%"], repeatRows=1)
        table.setStyle(
            TableStyle(
                [
                    ("FONT", (0, 0), (-1, -1), FONT, small.fontSize),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LINEBELOW", (0, 0), (-1, 0), 0.75, BOX_EDGE),
                    ("LINEBELOW", (0, 1), (-1, -1), 0.5, RULE),
                ]
            )
        )
        body.append(table)
    body += [Spacer(1, 8), para(t("openheid.pdf_change", lang=lang), "small")]
    return body


def write_student_pdf(
    path: Path, result: OpennessResult, content: OpennessContent, lang: Lang | None = None
) -> None:
    """Write 'jouw keuzes' for the student; raises :class:`docentwijzer.pdf.PdfWriteError`."""
    lang = lang or language()
    meta = PdfMeta(
        title=t("openheid.pdf_title", lang=lang),
        subtitle=t(
            "openheid.pdf_subtitle",
            lang=lang,
            title=content.title,
            date=format_date_long(result.date, lang),
        ),
        lang=lang,
        sources=used_sources(result, content),
        audience="student",
    )
    write_pdf(path, student_pdf_body(result, content, lang), meta)
