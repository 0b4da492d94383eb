"""The referral route as a PDF: where the teacher ended up, how, what to do first and then, whom
to call, what to say, and when to follow up. Also for a route parked at the conversation step."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path

from reportlab.platypus import Flowable

from docentwijzer.dates import format_date, format_date_long, format_stored
from docentwijzer.handoff import SignalContext
from docentwijzer.i18n import t
from docentwijzer.pdf import PdfMeta, bullets, checklist, para, write_pdf
from docentwijzer.tree import (
    Leaf,
    Phrase,
    ResolvedContact,
    StepNode,
    Walk,
    channel_label,
    follow_up_date,
    leaf_sources,
    phrase_sources,
)


def contact_line(contact: ResolvedContact) -> str:
    number = contact.number or (t("tree.missing") if contact.missing else "")
    parts = [f"{contact.title}: {number}" if number else contact.title]
    if contact.note:
        parts.append(f"({contact.note})")
    parts += list(contact.details)
    if contact.national and contact.checked:
        parts.append(t("tree.numbers_checked", date=format_stored(contact.checked)))
    return " · ".join(parts)


def say_flowables(phrases: Sequence[Phrase]) -> list[Flowable]:
    """ "Wat je kunt zeggen" and "Wat je beter niet zegt" (empty when there are no phrases)."""
    say = [p for p in phrases if p.kind != "avoid"]
    avoid = [p for p in phrases if p.kind == "avoid"]
    story: list[Flowable] = []
    if say:
        story.append(para(t("tree.say_title"), "h2"))
        story.append(bullets([p.text + (f" ({p.note})" if p.note else "") for p in say]))
    if avoid:
        story.append(para(t("tree.avoid_title"), "h3"))
        story.append(bullets([p.text + (f" — {p.note}" if p.note else "") for p in avoid]))
    return story


def route_flowables(
    walk: Walk,
    done: Iterable[str],
    contacts: Sequence[ResolvedContact],
    context: SignalContext | None,
    today: date,
) -> list[Flowable]:
    node = walk.current
    assert isinstance(node, Leaf | StepNode)
    done = list(done)
    story: list[Flowable] = []
    if isinstance(node, Leaf) and node.summary:
        story.append(para(node.summary))
    if isinstance(node, StepNode):
        story.append(para(t("tree.pdf_parked"), "box"))
    story.append(para(t("tree.note_channel", channel=channel_label(walk.channel))))
    crumbs = walk.breadcrumb()
    story.append(para(t("tree.route"), "h2"))
    story.append(bullets([f"{c.asked} — {c.answered}" for c in crumbs], numbered=True))
    if context is not None and context.signals:
        story.append(para(t("tree.pdf_signals"), "h2"))
        story.append(
            bullets(
                [
                    " — ".join(p for p in (s.label, s.observation, format_date(s.observed_on)) if p)
                    for s in context.signals
                ]
            )
        )
    ticked = set(done)
    first = walk.first_steps()
    if first:
        story.append(
            para(t("tree.first_steps", channel=t(f"tree.channel_short_{walk.channel}")), "h2")
        )
        story += checklist((action.text, action.id in ticked) for action in first)
    story.append(para(t("tree.actions"), "h2"))
    story += checklist((action.text, action.id in ticked) for action in node.actions)
    if contacts:
        story.append(para(t("tree.contacts"), "h2"))
        story.append(bullets([contact_line(c) for c in contacts]))
    story += say_flowables(walk.phrases())
    if node.follow_up is not None:
        story.append(para(t("tree.follow_up"), "h2"))
        suggested = format_date_long(follow_up_date(node, today))
        story.append(para(f"{node.follow_up.text} {t('tree.follow_up_date', date=suggested)}"))
    if isinstance(node, Leaf):
        story.append(para(walk.tree.your_role_title, "h2"))
        story.append(bullets([point.text for point in walk.tree.your_role]))
    return story


def write_route_pdf(
    path: Path,
    walk: Walk,
    done: Iterable[str],
    contacts: Sequence[ResolvedContact],
    context: SignalContext | None,
    today: date,
) -> None:
    """Write the route and its end point; raises :class:`docentwijzer.pdf.PdfWriteError`."""
    node = walk.current
    assert isinstance(node, Leaf | StepNode)
    done = list(done)
    subtitle = t("tree.pdf_subtitle", date=format_date_long(today))
    if context is not None and context.pseudonym:
        subtitle += " · " + t("tree.context_pseudonym", pseudonym=context.pseudonym)
    sources = leaf_sources(node) + phrase_sources(walk.phrases())
    if isinstance(node, Leaf):
        sources += [point.source for point in walk.tree.your_role]
    sources += [c.source for c in contacts if c.source is not None]
    meta = PdfMeta(
        title=t("tree.pdf_title", title=node.title),
        subtitle=subtitle,
        sources=list(dict.fromkeys(sources)),
        exported=today,
    )
    write_pdf(path, route_flowables(walk, done, contacts, context, today), meta)
