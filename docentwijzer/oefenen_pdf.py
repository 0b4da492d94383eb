"""The observer sheet: a printable PDF for practising one conversation in threes.

One person plays the student from a role card, one the teacher, one observes with a short
checklist. The checklist is drawn from the same content as the practice on screen: the points
its helpful choices practise (:class:`docentwijzer.oefenen.Skill`) and, to watch for, the lines
that made the conversation harder. Each role gets its own page, so the sheet can be handed out.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.platypus import (
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from docentwijzer.i18n import Lang, language, t
from docentwijzer.oefenen import ConversationDraft, Skill, channel_name
from docentwijzer.pdf import (
    FONT,
    NARROW_MARGIN,
    RULE,
    PdfMeta,
    bullets,
    esc,
    para,
    source_list,
    styles,
    write_pdf,
)
from docentwijzer.sources import Source
from docentwijzer.tree import TreeContent


def skills_practised(conversation: ConversationDraft, skills: list[Skill]) -> list[Skill]:
    """The checklist: every point a helpful (or partly helpful) choice practises, in order."""
    by_id = {skill.id: skill for skill in skills}
    wanted = [c.skill for _, c in conversation.choices() if c.skill and c.effect != "hinders"]
    return [by_id[i] for i in dict.fromkeys(wanted) if i in by_id]


def pitfalls(conversation: ConversationDraft) -> list[str]:
    """Lines that made this conversation harder, as examples for the observer."""
    lines = [c.text for _, c in conversation.choices() if c.effect == "hinders"]
    # a line in brackets describes what the teacher does; the rest is said, so it is quoted
    return [line if line.startswith("(") else f"“{line}”" for line in lines]


def _checklist(skills: list[Skill], lang: Lang) -> Table:
    """One row a point: a box to tick, the point, room to write what was said."""
    heard = t("oefenen.pdf_heard", lang=lang)
    rows = [["☐", para(skill.observe), para(heard, "small")] for skill in skills]
    table = Table(rows, colWidths=["6%", "54%", "40%"])  # of the text width
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (0, -1), FONT, 13),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.75, RULE),
                ("LEFTPADDING", (0, 0), (0, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 10),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return table


def observer_sheet_flowables(
    conversation: ConversationDraft, skills: list[Skill], tree: TreeContent, lang: Lang
) -> list[Flowable]:
    story: list[Flowable] = [
        para(t("oefenen.pdf_how", lang=lang), "box"),
        bullets(
            [
                t("oefenen.pdf_step_roles", lang=lang),
                t("oefenen.pdf_step_play", lang=lang),
                t("oefenen.pdf_step_discuss", lang=lang),
                t("oefenen.pdf_step_rotate", lang=lang),
            ],
            numbered=True,
        ),
        Spacer(1, 8),
        # -- the teacher
        para(t("oefenen.pdf_teacher", lang=lang), "h2"),
        para(conversation.situation),
        para(
            t("oefenen.pdf_channel", lang=lang, channel=channel_name(conversation.channel, lang)),
            "small",
        ),
        Spacer(1, 4),
        para(t("oefenen.pdf_teacher_hint", lang=lang)),
        # The sources on this first page, which explains the exercise: each role's page is
        # handed out on its own, and a list at the end would spill onto a fourth page.
        *_sources(sheet_sources(conversation, skills), lang),
        PageBreak(),
        # -- the student
        para(t("oefenen.pdf_student", lang=lang, student=conversation.student), "h2"),
        para(t("oefenen.pdf_student_only", lang=lang), "small"),
        Spacer(1, 4),
        para(conversation.role_card or conversation.situation),
        Spacer(1, 6),
        para(t("oefenen.pdf_first_line", lang=lang), "h3"),
        para(f"“{conversation.start.student}”"),
        Spacer(1, 6),
        para(t("oefenen.pdf_student_hint", lang=lang), "small"),
        PageBreak(),
        # -- the observer
        para(t("oefenen.pdf_observer", lang=lang), "h2"),
        para(t("oefenen.pdf_observer_intro", lang=lang)),
        Spacer(1, 4),
        _checklist(skills_practised(conversation, skills), lang),
        Spacer(1, 8),
    ]
    harder = pitfalls(conversation)
    if harder:
        story.append(
            KeepTogether([para(t("oefenen.pdf_pitfalls", lang=lang), "h3"), bullets(harder)])
        )
    story.append(para(t("oefenen.pdf_referral", lang=lang), "h3"))
    story += _where_it_leads(conversation, tree)
    story += [
        para(t("oefenen.pdf_discuss", lang=lang), "h3"),
        bullets(
            [
                t("oefenen.pdf_q_helped", lang=lang),
                t("oefenen.pdf_q_harder", lang=lang),
                t("oefenen.pdf_q_refer", lang=lang),
                t("oefenen.pdf_q_you", lang=lang),
            ]
        ),
    ]
    return story


def _where_it_leads(conversation: ConversationDraft, tree: TreeContent) -> list[Flowable]:
    """Each leaf the talk can end in, named once, with the reason of every ending there."""
    story: list[Flowable] = []
    for destination in conversation.destinations():
        reasons = list(
            dict.fromkeys(e.why for e in conversation.endings if e.destination == destination)
        )
        title = f"<b>{esc(tree.leaf(destination).title)}</b>"
        if len(reasons) == 1:
            story.append(Paragraph(f"{title}<br/>{esc(reasons[0])}", styles()["body"]))
        else:
            story += [Paragraph(title, styles()["body"]), bullets(reasons)]
        story.append(Spacer(1, 4))
    return story


def _sources(sources: list[Source], lang: Lang) -> list[Flowable]:
    labels = source_list(sources, lang)
    if not labels:
        return []
    return [Spacer(1, 10), para(t("pdf.sources", lang=lang), "h3")] + [
        para(label, "small") for label in labels
    ]


def sheet_sources(conversation: ConversationDraft, skills: list[Skill]) -> list[Source]:
    used = [s.source for s in skills_practised(conversation, skills)]
    used += [e.source for e in conversation.endings if e.source is not None]
    return list(dict.fromkeys(used))


def write_observer_sheet(
    path: Path,
    conversation: ConversationDraft,
    skills: list[Skill],
    tree: TreeContent,
    lang: Lang | None = None,
) -> None:
    """Raises :class:`docentwijzer.pdf.PdfWriteError` with a user message if unwritable."""
    lang = lang or language()
    meta = PdfMeta(
        title=t("oefenen.pdf_title", lang=lang, title=conversation.title),
        subtitle=t("oefenen.pdf_subtitle", lang=lang),
        lang=lang,
        # listed on the first page (see observer_sheet_flowables), not after the last
        sources=[],
        margin=NARROW_MARGIN,  # a worksheet: room to write, one page per role
    )
    write_pdf(path, observer_sheet_flowables(conversation, skills, tree, lang), meta)
