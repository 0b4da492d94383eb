"""Notities' PDF export as the teacher sees it: which characters cannot be printed, where to
save, the progress bar, Stop, and what came of it.

The work itself runs in :class:`~docentwijzer.ui.notes_export.ExportJob` (a thread), loaded
only when a PDF is made: reportlab stays out of start-up.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from docentwijzer import i18n
from docentwijzer.i18n import t

from docentwijzer.ui import dialogs
from docentwijzer.ui.notes_list import ListPage
from docentwijzer.ui.notes_session import NotesSession

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from docentwijzer.ui.notes_export import ExportJob


class Exporter(QObject):
    """At most one export at a time; its progress shows on the list page."""

    def __init__(self, owner: QWidget, session: NotesSession, page: ListPage) -> None:
        super().__init__(owner)
        self.owner = owner
        self.session = session
        self.page = page
        self.job: ExportJob | None = None
        #: Exports stopped by a lock that have not ended yet (they end within a second).
        self._stopping: list[ExportJob] = []

    def start(self, ids: list[str], scope: str, pseudonym: str = "") -> None:
        if self.job is not None or not ids:
            return
        from docentwijzer.notes_pdf import note_texts  # reportlab: loaded when a PDF is made

        from docentwijzer.ui.notes_export import ExportJob

        notes = self.session.store.notes(ids)
        # Before anything else: which characters the PDF cannot print, and whether to go on.
        if not dialogs.ok_to_print(self.owner, *note_texts(notes)):
            return
        # No pseudonym in the suggested name: file names end up in places nobody encrypts
        # (recent-files lists, file-manager thumbnails, synced folders, the dialog's history).
        name = f"{t('notes.file_prefix')}-{date.today().isoformat()}.pdf"
        path = dialogs.ask_save_pdf(
            self.owner, t("notes.export_dialog"), str(Path.home() / name), t("notes.pdf_filter")
        )
        if path is None:
            return
        self.job = ExportJob(
            self.owner,
            path,
            notes,
            scope,
            pseudonym=pseudonym,
            lang=i18n.language(),
            retention_months=self.session.store.retention_months,
        )
        del notes
        self.job.progress.connect(self.page.show_progress)
        self.job.finished.connect(self._finished)
        self.page.show_progress(0, len(ids))
        self.job.start()

    def _finished(self, status: str, message: str) -> None:
        job, self.job = self.job, None
        self.page.hide_progress()
        if job is None or not self.session.is_open:
            return
        if status == "done":
            dialogs.info(
                self.owner, t("notes.export_title"), t("notes.export_done", path=str(job.path))
            )
        elif status == "cancelled":
            dialogs.info(self.owner, t("notes.export_title"), t("notes.export_cancelled"))
        else:
            dialogs.warn(self.owner, t("notes.export_title"), message)

    def abandon(self) -> None:
        """Locking: stop the export and forget it at once; it ends by itself within a second,
        writing nothing, and is kept (not deleted mid-run) until then."""
        job, self.job = self.job, None
        if job is None:
            return
        job.finished.disconnect(self._finished)
        job.progress.disconnect(self.page.show_progress)
        self._stopping.append(job)
        job.finished.connect(lambda *_: self._stopping.remove(job))
        job.abandon()
        self.page.hide_progress()

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()

    def is_running(self) -> bool:
        return self.job is not None

    def wait(self) -> None:
        """Closing: stop and wait for every export, the running one and those a lock stopped
        (each ends within a second)."""
        if self.job is not None:
            self.job.wait()
            self.job = None
            self.page.hide_progress()
        for job in list(self._stopping):
            job.wait()
