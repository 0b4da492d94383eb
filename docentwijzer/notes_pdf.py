"""Notes as a PDF: one note, a selection, everything for one pseudonym, or all notes.

Uses the shared layout of :mod:`docentwijzer.pdf` (embedded DejaVu Sans, version, export date,
page X of Y, disclaimer). Long exports report progress and can be cancelled: a zero-size
checkpoint after each note calls back while reportlab lays the pages out, and cancelling raises
:class:`ExportCancelled` before anything is written.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from reportlab.platypus import Flowable, HRFlowable, KeepTogether, Spacer

from docentwijzer.dates import format_date
from docentwijzer.handoff import REOPEN_AREAS
from docentwijzer.i18n import Lang, language, t
from docentwijzer.notes import Note, add_months
from docentwijzer.pdf import PdfMeta, para, render_pdf, write_pdf

Progress = Callable[[int, int], None]


class ExportCancelled(Exception):  # noqa: N818 (not an error: the user chose it)
    """The user cancelled; nothing was written."""


class _Checkpoint(Flowable):  # type: ignore[misc]
    """Takes no space; reports progress when placed and stops the build when cancelled."""

    def __init__(
        self, done: int, total: int, progress: Progress | None, cancelled: Callable[[], bool]
    ) -> None:
        super().__init__()
        self.done, self.total = done, total
        self.progress, self.cancelled = progress, cancelled

    def wrap(self, _available_width: float, _available_height: float) -> tuple[float, float]:
        if self.cancelled():
            raise ExportCancelled
        return 0, 0

    def draw(self) -> None:
        if self.progress is not None:
            self.progress(self.done, self.total)


def note_flowables(note: Note, lang: Lang, *, retention_months: int | None = None) -> list[Any]:
    """One note: heading (date and pseudonym), a line of dates and tags, then the sections."""
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
        date=format_date(note.note_date, lang),
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
            sections.append([para(t(f"notes.field_{key}", lang=lang), "h3"), para(text)])
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
    # Each heading stays with its text, and the note's title with its first section.
    first, *rest = sections
    return [KeepTogether([*head, *first]), *(KeepTogether(part) for part in rest)]


def build(
    notes: Sequence[Note],
    *,
    lang: Lang,
    retention_months: int | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] = lambda: False,
) -> list[Flowable]:
    body: list[Flowable] = []
    total = len(notes)
    for index, note in enumerate(notes, start=1):
        if cancelled():
            raise ExportCancelled
        if index > 1:
            body += [Spacer(1, 6), HRFlowable(width="100%", thickness=0.5, color="#999999")]
        body += note_flowables(note, lang, retention_months=retention_months)
        body.append(_Checkpoint(index, total, progress, cancelled))
    return body


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
    body = build(notes, lang=lang, **kwargs)
    return render_pdf(body, meta_for(notes, scope, lang, pseudonym))


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
    body = build(
        notes,
        lang=lang,
        retention_months=retention_months,
        progress=progress,
        cancelled=cancelled,
    )
    write_pdf(path, body, meta_for(notes, scope, lang, pseudonym))
