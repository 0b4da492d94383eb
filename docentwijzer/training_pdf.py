"""The trainer's handout: the cases with their discussion (and the key figures) as a PDF.

Apart from :mod:`docentwijzer.training` so that opening the Training screen does not load the
PDF library; it loads when a handout is made.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from reportlab.platypus import Flowable, KeepTogether, PageBreak, Paragraph, Spacer

from docentwijzer.i18n import Lang, language, t
from docentwijzer.pdf import PdfMeta, bullets, esc, para, styles, write_pdf
from docentwijzer.sources import Source
from docentwijzer.training import (
    Background,
    Case,
    channel_step,
    leaf_name,
    route_steps,
    step_text,
)


def _case_flowables(number: int, case: Case, lang: Lang) -> list[Flowable]:
    story: list[Flowable] = [
        para(t("training.pdf_case_heading", lang=lang, number=number, title=case.title), "h2"),
        para(case.theme, "subtitle"),
    ]
    for text in case.paragraphs():
        story += [para(text), Spacer(1, 5)]
    discussion = case.discussion
    story.append(para(t("training.route_title", lang=lang), "h3"))
    story.append(para(step_text(*channel_step(case, lang))))
    steps = [step_text(question, answer) for question, answer in route_steps(case, lang)]
    story.append(bullets(steps, numbered=True))
    outcome = t("training.route_end", lang=lang, leaf=leaf_name(case.expected_leaf, lang))
    story.append(Paragraph(f"<b>{esc(outcome)}</b>", styles()["body"]))
    story.append(para(t("training.why_title", lang=lang), "h3"))
    story.append(
        bullets(
            f"{point.text} [{point.source.label(lang)}]"  # the source next to each reason
            for point in discussion.why
        )
    )
    story.append(para(t("training.contacts_title", lang=lang), "h3"))
    story.append(bullets(discussion.contacts))
    story.append(para(t("training.questions_title", lang=lang), "h3"))
    story.append(bullets(discussion.questions))
    return story


def _background_flowables(data: Background, lang: Lang) -> list[Flowable]:
    story: list[Flowable] = [
        para(t("training.background_title", lang=lang), "h2"),
        para(data.monitor, "subtitle"),
    ]
    for figure in data.figures:
        line = f"{figure.value} — {figure.label}"
        if figure.detail:
            line += f" ({figure.detail})"
        story.append(para(line))
        story.append(para(f"{figure.source.label(lang)}, {figure.year}", "small"))
        story.append(Spacer(1, 4))
    story.append(para(data.pillars_title, "h2"))
    for number, pillar in enumerate(data.pillars, start=1):
        story.append(
            KeepTogether([para(f"{number}. {pillar.title}", "h3"), bullets(pillar.points)])
        )
    return story


def handout_flowables(
    cases: Sequence[Case], figures: Background | None = None, lang: Lang | None = None
) -> list[Flowable]:
    lang = lang or language()
    story: list[Flowable] = [para(t("training.pdf_intro", lang=lang), "box")]
    for number, case in enumerate(cases, start=1):
        if number > 1:
            story.append(PageBreak())
        story += _case_flowables(number, case, lang)
    if figures is not None:
        story.append(PageBreak())
        story += _background_flowables(figures, lang)
    return story


def write_handout(
    path: Path,
    cases: Sequence[Case],
    figures: Background | None = None,
    lang: Lang | None = None,
) -> None:
    """The cases with their discussion (and the key figures) as a PDF for participants.

    Raises :class:`docentwijzer.pdf.PdfWriteError` with a user message if ``path`` is unwritable.
    """
    lang = lang or language()
    quoted: list[Source] = [source for case in cases for source in case.sources]
    if figures is not None:
        quoted += [figure.source for figure in figures.figures]
        quoted += [pillar.source for pillar in figures.pillars]
    # Each reason names its slide or section in the text; the list at the end names documents.
    sources = [source.model_copy(update={"detail": ""}) for source in quoted]
    meta = PdfMeta(
        title=t("training.pdf_title", lang=lang),
        subtitle=t("training.pdf_subtitle", lang=lang, count=len(cases)),
        lang=lang,
        sources=sources,
    )
    write_pdf(path, handout_flowables(cases, figures, lang), meta)
