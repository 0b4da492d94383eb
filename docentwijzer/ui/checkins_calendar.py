"""A check-in to the teacher's own calendar: ask how, then write one .ics file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from docentwijzer import checkins, ics
from docentwijzer.dates import format_date
from docentwijzer.i18n import t
from docentwijzer.notes import NotesStore
from docentwijzer.tree import tree_content

from docentwijzer.ui import dialogs


def export_calendar(parent: QWidget, store: NotesStore, checkin_id: str) -> Path | None:
    """Ask the time (and whether to add the pseudonym and question: off by default), where to
    save, and write the file; returns where, or None (cancelled, or a message was shown)."""
    checkin = checkins.get(store, checkin_id)
    note = store.get(checkin.note_id) if checkin is not None else None
    if checkin is None or note is None:
        return None
    choice = dialogs.ask_calendar_details(parent, format_date(checkin.due))
    if choice is None:
        return None
    at, with_details = choice
    # The suggested name has the date only: file names end up in places nobody encrypts.
    suggested = str(Path.home() / ics.file_name(checkin.due))
    chosen = dialogs.ask_save_file(
        parent, t("checkins.calendar_dialog"), suggested, t("checkins.calendar_filter")
    )
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.lower() != ".ics":
        path = path.with_name(path.name + ".ics")
    data = ics.checkin_ics(
        checkin.due,
        at=at,
        uid=checkin.id,
        pseudonym=note.pseudonym if with_details else "",
        question=checkin.question(tree_content()) if with_details else "",
    )
    try:
        ics.write_ics(path, data)
    except ics.IcsWriteError as exc:
        dialogs.warn(parent, t("checkins.calendar_title"), str(exc))
        return None
    dialogs.info(parent, t("checkins.calendar_title"), t("checkins.calendar_done", path=str(path)))
    return path
