"""Notes as a PDF: one note, a selection, everything for one pseudonym, or all notes.

Uses the shared layout of :mod:`docentwijzer.pdf` (embedded DejaVu Sans, version, export date,
page X of Y, disclaimer). Long exports report progress and can be cancelled at any moment: a
zero-size checkpoint after each part of a note reports progress, and the cancel check runs in every
block of text, between pages and just before the file replaces anything, raising
:class:`ExportCancelled` with nothing written.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from reportlab.platypus import Flowable, HRFlowable, KeepTogether, Spacer

from docentwijzer.dates import format_date, format_date_long
from docentwijzer.handoff import REOPEN_AREAS
from docentwijzer.i18n import Lang, language, t
from docentwijzer.notes import Note, add_months
from docentwijzer.pdf import (
    RULE,
    Check,
    ExportCancelled,
    PdfMeta,
    checklist,
    no_check,
    para,
    plain_text,
    render_pdf,
    write_pdf,
)

Progress = Callable[[int, int], None]


class _Checkpoint(Flowable):  # type: ignore[misc]
    """Takes no space; reports progress when placed and stops the build when cancelled."""

    def __init__(self, done: int, total: int, progress: Progress | None, check: Check) -> None:
        super().__init__()
        self.done, self.total = done, total
        self.progress, self.check = progress, check

    def wrap(self, _available_width: float, _available_height: float) -> tuple[float, float]:
        self.check()
        return 0, 0

    def draw(self) -> None:
        if self.progress is not None:
            self.progress(self.done, self.total)


#: A line the route wrote into a note ("[x] Neem het serieus"): printed as a drawn check box.
_CHECK_LINE = re.compile(r"\[([ xX])\] (.{1,500})")


def _text_with_checklists(text: str, check: Check) -> list[Flowable]:
    """A note's text as typed, except that '[x] …' and '[ ] …' lines become drawn check boxes
    (as in the route PDF; the text layer says ☑ or ☐ there)."""
    if "[" not in text:
        return plain_text(text, check=check)
    out: list[Flowable] = []
    typed: list[str] = []
    for line in text.split("\n"):
        found = _CHECK_LINE.fullmatch(line)
        if found is None:
            typed.append(line)
            continue
        if typed:
            out += plain_text("\n".join(typed), check=check)
            typed = []
        out += checklist([(found.group(2), found.group(1) != " ")])
    if typed:
        out += plain_text("\n".join(typed), check=check)
    return out


def note_flowables(
    note: Note, lang: Lang, *, retention_months: int | None = None, check: Check = no_check
) -> list[Any]:
    """One note: heading (date and pseudonym), a line of dates and tags, then the sections.

    The note's own text is printed as typed (any length: blocks of lines, see
    :func:`~docentwijzer.pdf.plain_text`); each heading stays with the start of its text."""
    meta = [t("notes.pdf_changed", lang=lang, date=format_date(note.updated.date(), lang))]
    if note.follow_up:
        meta.insert(0, t("notes.pdf_follow_up", lang=lang, date=format_date(note.follow_up, lang)))
    if retention_months:
        keep = add_months(note.updated.date(), retention_months)
        meta.append(t("notes.pdf_keep_until", lang=lang, date=format_date(keep, lang)))
    if note.tags:
        meta.append(t("notes.pdf_tags", lang=lang, tags=", ".join(note.tags)))
    title = t(
        "notes.pdf_note_heading",
        lang=lang,
        date=format_date_long(note.note_date, lang),  # a heading: the long form
        pseudonym=note.pseudonym,
    )
    head: list[Flowable] = [para(title, "h2"), para(" · ".join(meta), "small")]
    sections: list[list[Flowable]] = []
    for key, text in (
        ("observed", note.observed),
        ("done", note.done),
        ("text", note.text),
    ):
        if text.strip():
            heading = para(t(f"notes.field_{key}", lang=lang), "h3")
            sections.append([heading, *_text_with_checklists(text.strip("\n"), check)])
    kind = note.link_kind
    if kind:
        tool = t(f"app.area_{REOPEN_AREAS[kind]}", lang=lang)
        link = para(t("notes.pdf_linked", lang=lang, tool=tool), "small")
        if sections:
            sections[-1].append(link)
        else:
            sections.append([link])
    if not sections:
        sections.append([para(t("notes.pdf_empty", lang=lang), "small")])
    # Each heading stays with its text's first lines, and the note's title with its first section.
    out: list[Flowable] = []
    for index, (heading, *blocks) in enumerate(sections):
        lead = [*head, heading] if index == 0 else [heading]
        out.append(KeepTogether([*lead, *blocks[:1]]))
        out.extend(blocks[1:])
    return out


def build(
    notes: Sequence[Note],
    *,
    lang: Lang,
    retention_months: int | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] = lambda: False,
) -> tuple[list[Flowable], Check]:
    """The notes' flowables, and the check that stops the build when ``cancelled()``.

    Progress counts the parts of each note (a long text is many), so the bar moves inside one
    long note too.
    """

    def check() -> None:
        if cancelled():
            raise ExportCancelled

    parts: list[list[Flowable]] = []
    for note in notes:
        check()
        parts.append(note_flowables(note, lang, retention_months=retention_months, check=check))
    total = sum(len(part) for part in parts)
    body: list[Flowable] = []
    done = 0
    for index, part in enumerate(parts):
        if index:
            rule = HRFlowable(width="100%", thickness=0.75, color=RULE, spaceBefore=4)
            body += [Spacer(1, 6), rule]
        for flowable in part:
            done += 1
            body += [flowable, _Checkpoint(done, total, progress, check)]
    return body, check


def note_texts(notes: Sequence[Note]) -> list[str]:
    """Everything of ``notes`` the teacher typed, to check before a PDF
    (see :func:`~docentwijzer.pdf.unprintable`)."""
    return [text for n in notes for text in (n.pseudonym, n.observed, n.done, n.text, *n.tags)]


def meta_for(
    notes: Sequence[Note], scope: str, lang: Lang, pseudonym: str = "", today: date | None = None
) -> PdfMeta:
    """``scope``: ``one``, ``selection``, ``pseudonym`` or ``all``."""
    title = t(f"notes.pdf_title_{scope}", lang=lang, pseudonym=pseudonym)
    subtitle = t("notes.pdf_subtitle", lang=lang, count=len(notes))
    return PdfMeta(title=title, subtitle=subtitle, lang=lang, exported=today or date.today())


def render_notes(
    notes: Sequence[Note], scope: str = "selection", *, pseudonym: str = "", **kwargs: Any
) -> bytes:
    lang: Lang = kwargs.pop("lang", None) or language()
    body, check = build(notes, lang=lang, **kwargs)
    return render_pdf(body, meta_for(notes, scope, lang, pseudonym), check)


def export_notes(
    path: Path,
    notes: Sequence[Note],
    scope: str = "selection",
    *,
    pseudonym: str = "",
    lang: Lang | None = None,
    retention_months: int | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] = lambda: False,
) -> None:
    """Write the PDF atomically to ``path``.

    Raises :class:`~docentwijzer.pdf.PdfWriteError` (a message for the user) when the
    location is not writable and :class:`ExportCancelled` when cancelled.
    """
    lang = lang or language()
    body, check = build(
        notes,
        lang=lang,
        retention_months=retention_months,
        progress=progress,
        cancelled=cancelled,
    )
    write_pdf(path, body, meta_for(notes, scope, lang, pseudonym), check)
