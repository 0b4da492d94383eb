"""PDF export off the UI thread: a worker in a QThread that reports progress and can stop.

The worker checks for a cancel between every few lines of text, between pages and just before
the file replaces anything (see :mod:`docentwijzer.notes_pdf`), so Stop and locking take effect
at once at any size, and a cancelled export leaves no file.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal, Slot

from docentwijzer.i18n import Lang
from docentwijzer.notes import Note
from docentwijzer.notes_pdf import ExportCancelled, export_notes
from docentwijzer.pdf import PdfWriteError


class _Worker(QObject):
    progress = Signal(int, int)
    #: status ("done", "cancelled", "failed") and, when failed, a message for the user
    finished = Signal(str, str)

    def __init__(self, job: dict[str, object]) -> None:
        super().__init__()
        self.job = job
        self.cancel_requested = False

    @Slot()
    def run(self) -> None:
        try:
            export_notes(
                progress=self.progress.emit,
                cancelled=lambda: self.cancel_requested,
                **self.job,  # type: ignore[arg-type]
            )
        except ExportCancelled:
            self.finished.emit("cancelled", "")
        except PdfWriteError as exc:
            self.finished.emit("failed", str(exc))
        else:
            self.finished.emit("done", "")


class ExportJob(QObject):
    """One running export. The notes are copies: the store may lock while this runs."""

    progress = Signal(int, int)
    finished = Signal(str, str)

    def __init__(
        self,
        parent: QObject,
        path: Path,
        notes: Sequence[Note],
        scope: str,
        *,
        pseudonym: str,
        lang: Lang,
        retention_months: int,
    ) -> None:
        super().__init__(parent)
        self.path = path
        self.total = len(notes)
        self._thread = QThread()
        self._worker = _Worker(
            {
                "path": path,
                "notes": list(notes),
                "scope": scope,
                "pseudonym": pseudonym,
                "lang": lang,
                "retention_months": retention_months,
            }
        )
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.progress.connect(self.progress)
        self._worker.finished.connect(self._done)

    def start(self) -> None:
        self._thread.start()

    def cancel(self) -> None:
        self._worker.cancel_requested = True

    def is_running(self) -> bool:
        return self._thread.isRunning()

    def wait(self) -> None:
        """Cancel and wait (closing the app): takes effect within a second at any size."""
        self.cancel()
        self._thread.quit()
        self._thread.wait()
        self._worker.job.clear()

    def abandon(self) -> None:
        """Cancel without waiting (locking): the worker stops at its next check, well within a
        second, writes nothing (a finished temp file is removed), drops its note copies and
        reports ``cancelled``; nobody need listen."""
        self.cancel()

    @Slot(str, str)
    def _done(self, status: str, message: str) -> None:
        self._thread.quit()
        self._thread.wait()
        self._worker.job.clear()
        self.finished.emit(status, message)
