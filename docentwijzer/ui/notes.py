"""Notities: private dated notes about a pseudonym, encrypted, only on this computer.

The screen is a stack of pages: set a passphrase or unlock (``notes_lock``), the list
(``notes_list``), one note and the editor (``notes_editor``), a check-in's outcome and the year
in numbers (``checkins_*``). This module moves between them; all storage goes through the
window's :class:`~docentwijzer.ui.notes_session.NotesSession`, and PDFs through
:class:`~docentwijzer.ui.notes_exporting.Exporter`.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QStackedWidget

from docentwijzer import checkins
from docentwijzer.dates import format_date
from docentwijzer.handoff import REOPEN_AREAS, NoteDraft, Reopen
from docentwijzer.i18n import t
from docentwijzer.notes import Note, NoteQuery
from docentwijzer.tree import tree_content
from docentwijzer.vault import VaultError

from docentwijzer.ui import dialogs
from docentwijzer.ui.checkins_calendar import export_calendar
from docentwijzer.ui.checkins_overview import OverviewPage
from docentwijzer.ui.checkins_record import RecordPage
from docentwijzer.ui.notes_editor import EditorPage, ViewPage
from docentwijzer.ui.notes_exporting import Exporter
from docentwijzer.ui.notes_list import ListPage
from docentwijzer.ui.notes_lock import ChangePassphrasePage, SetupPage, UnlockPage
from docentwijzer.ui.notes_session import NotesSession, session_for
from docentwijzer.ui.screen import Screen


@dataclass(frozen=True)
class ShowNotes:
    """Payload from the home screen: open the list with a filter (``due`` or ``retention``),
    or (``checkin``) record how the check-in ``checkin`` went."""

    filter: str = ""
    checkin: str = ""


@contextmanager
def _busy() -> Iterator[None]:
    """Key derivation takes about half a second: show that something is happening."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


class NotesScreen(Screen):
    area_id = "notities"

    def __init__(self) -> None:
        super().__init__(scroll=False)
        self.body.setContentsMargins(0, 0, 0, 0)
        self.pages = QStackedWidget()
        self.body.addWidget(self.pages)
        self._session: NotesSession | None = None
        self._pending: NoteDraft | None = None
        #: A check-in chosen on Start while the notes were locked: opened after unlocking.
        self._pending_checkin = ""
        self._after_unlock = ""
        self._exporter: Exporter | None = None
        self._current_note: Note | None = None

        self.setup_page = SetupPage()
        self.setup_page.submitted.connect(self._setup)
        self.unlock_page = UnlockPage()
        self.unlock_page.submitted.connect(self._unlock)
        self.unlock_page.restore_requested.connect(self._restore)
        self.list_page = ListPage()
        page = self.list_page
        page.query_changed.connect(self.refresh)
        page.new_requested.connect(self.new_note)
        page.open_requested.connect(self.open_note)
        page.lock_requested.connect(self.lock)
        page.overview_requested.connect(self.show_overview)
        page.checkin_requested.connect(self.record_checkin)
        page.export_selection_requested.connect(self._export_selection)
        page.delete_selection_requested.connect(self._delete_selection)
        page.export_all_requested.connect(self._export_all)
        page.change_passphrase_requested.connect(self._show_change_passphrase)
        page.delete_all_requested.connect(self._delete_all)
        page.export_pseudonym_requested.connect(self._export_pseudonym)
        page.delete_pseudonym_requested.connect(self._delete_pseudonym)
        page.delete_expired_requested.connect(self._delete_expired)
        page.cancel_export_requested.connect(self.cancel_export)
        self.view_page = ViewPage()
        self.view_page.edit_requested.connect(self._edit_current)
        self.view_page.delete_requested.connect(self._delete_current)
        self.view_page.export_requested.connect(self._export_current)
        self.view_page.reopen_requested.connect(self._reopen_current)
        self.view_page.back_requested.connect(self.show_list)
        self.view_page.checkins.record_requested.connect(self.record_checkin)
        self.view_page.checkins.calendar_requested.connect(self.export_calendar)
        self.overview_page = OverviewPage()
        self.overview_page.back_requested.connect(self.show_list)
        self.record_page = RecordPage()
        self.record_page.submitted.connect(self._record)
        self.record_page.cancelled.connect(self._cancel_record)
        self.editor = EditorPage()
        self.editor.save_requested.connect(self._save)
        self.editor.cancelled.connect(self._cancel_edit)
        self.change_page = ChangePassphrasePage()
        self.change_page.submitted.connect(self._change_passphrase)
        self.change_page.cancelled.connect(self.show_list)
        for page in (
            self.setup_page,
            self.unlock_page,
            self.list_page,
            self.view_page,
            self.editor,
            self.change_page,
            self.record_page,
            self.overview_page,
        ):
            self.pages.addWidget(page)

    # -- the session ----

    @property
    def session(self) -> NotesSession:
        if self._session is None:
            self._session = session_for(self)
            self._session.state_changed.connect(self._state_changed)
            self._session.notes_changed.connect(self._notes_changed)
            self._session.about_to_lock.connect(self._about_to_lock)
            self._exporter = Exporter(self, self._session, self.list_page)
        return self._session

    @property
    def exporter(self) -> Exporter:
        if self._exporter is None:
            self.session  # noqa: B018 (creates the exporter with the session)
        assert self._exporter is not None
        return self._exporter

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self._sync()

    def _sync(self) -> None:
        """Show the page that fits the state: set up, unlock, or (when open) what was shown."""
        state = self.session.state
        page = self.pages.currentWidget()
        if state == "new":
            self.pages.setCurrentWidget(self.setup_page)
            self.setup_page.set_notice(t("notes.setup_to_save") if self._pending else "")
        elif state == "locked":
            self.pages.setCurrentWidget(self.unlock_page)
            self.unlock_page.set_notice(self._lock_notice())
        elif page in (self.setup_page, self.unlock_page):
            if self._pending is not None:
                self._open_draft()
            elif self._pending_checkin:
                self._open_pending_checkin()
            else:
                self.show_list()

    def _lock_notice(self) -> str:
        parts = []
        if self._pending is not None:
            parts.append(t("notes.unlock_to_save"))
        if self.session.locked_by_idle:
            parts.append(t("notes.locked_idle"))
        return " ".join(parts)

    def _state_changed(self) -> None:
        if not self.session.is_open:
            self._clear_everything()
        self._sync()
        if self.isVisible():
            self.focus_first()

    def _notes_changed(self) -> None:
        if self.session.is_open:
            self._fill_filters()
            self.refresh()
            self._update_due()

    def _update_due(self) -> None:
        self.list_page.show_due(checkins.due_list(self.session.store))

    def _about_to_lock(self) -> None:
        """Locking: stop exports without waiting; a half-written valid note is saved."""
        if self._exporter is not None:
            self._exporter.abandon()
        self._after_unlock = ""
        if self.pages.currentWidget() is self.editor and self.editor.is_dirty():
            note = self.editor.current()
            try:
                if note is None:
                    raise ValueError
                checkins.save_note(self.session.store, note, self.editor.plan.values())
                self._after_unlock = t("notes.saved_on_lock")
            except (VaultError, ValueError):
                self._after_unlock = t("notes.lost_on_lock")

    def _clear_everything(self) -> None:
        self.overview_page.clear()
        self.list_page.clear()
        self.editor.clear()
        self.record_page.clear()
        self.view_page.clear()
        self.change_page.clear()
        self.setup_page.clear()
        self.unlock_page.clear()
        self._current_note = None

    # -- setting up and unlocking ----

    def _setup(self, passphrase: str) -> None:
        try:
            with _busy():
                self.session.setup(passphrase)
        except VaultError as exc:
            self.setup_page.error.setText(str(exc))
            self.setup_page.error.show()
            return
        self.setup_page.clear()

    def _unlock(self, passphrase: str) -> None:
        page = self.unlock_page
        try:
            with _busy():
                self.session.unlock(passphrase)
        except VaultError as exc:
            page.error.setText(str(exc))
            page.error.show()
            offer = self.session.store.vault.backups() if exc.backup_may_help else []
            # exc.paths: the backups this passphrase opens (the vault needs the other one)
            page.offer_backups(exc.paths or offer, other_passphrase=bool(exc.paths))
            page.passphrase.selectAll()
            page.passphrase.setFocus()
            return
        page.clear()  # the passphrase does not linger in a hidden field
        self._after_unlock_notice()

    def _restore(self, backup: Path, passphrase: str) -> None:
        try:
            with _busy():
                self.session.restore(backup, passphrase)
        except VaultError as exc:
            self.unlock_page.error.setText(str(exc))
            self.unlock_page.error.show()
            return
        self.unlock_page.clear()
        dialogs.info(self, t("notes.backup_title"), t("notes.backup_restored"))

    def _after_unlock_notice(self) -> None:
        if self._after_unlock:
            message, self._after_unlock = self._after_unlock, ""
            dialogs.info(self, t("app.area_notities"), message)

    def lock(self) -> None:
        self.session.lock()

    # -- the list ----

    def _fill_filters(self) -> None:
        store = self.session.store
        self.list_page.fill_filters(store.pseudonyms(), store.tags())

    def query(self) -> NoteQuery:
        return self.list_page.query()

    def refresh(self) -> None:
        """Run the query (search as you type) and show the result."""
        if not self.session.is_open:
            return
        query = self.list_page.query()
        self.list_page.show_result(self.session.store.query(query), query)

    def selected_ids(self) -> list[str]:
        return self.list_page.selected_ids()

    def show_list(self) -> None:
        if not self.session.is_open:
            self._sync()
            return
        self.editor.clear()
        self._fill_filters()
        self.refresh()
        self._update_due()
        self.pages.setCurrentWidget(self.list_page)
        self.list_page.focus_first()

    def apply_filter(self, name: str) -> None:
        self.list_page.apply_filter(name)

    # -- one note ----

    # -- the list ----

    def open_note(self, note_id: str) -> None:
        note = self.session.store.get(note_id)
        if note is None:
            self.show_list()
            return
        self._current_note = note
        store = self.session.store
        plan = checkins.plan(store, note.id)
        self.view_page.show_note(note, store.retention_date(note), plan)
        self.pages.setCurrentWidget(self.view_page)
        self.view_page.focus_first()

    # -- check-ins ----

    def show_overview(self) -> None:
        """Mijn overzicht: the past year in numbers (computed now, from the notes as they are)."""
        if not self.session.is_open:
            return
        self.overview_page.show_overview(checkins.overview(self.session.store))
        self.pages.setCurrentWidget(self.overview_page)
        self.overview_page.focus_first()

    def record_checkin(self, checkin_id: str) -> None:
        """Record what came of a check-in (from the note's page, Start or the due list)."""
        if not self.session.is_open:
            return
        store = self.session.store
        checkin = checkins.get(store, checkin_id)
        note = store.get(checkin.note_id) if checkin is not None else None
        if checkin is None or note is None or not checkin.is_open:
            self.show_list()
            return
        self._current_note = note
        self.record_page.load(checkin, note.pseudonym)
        self.pages.setCurrentWidget(self.record_page)
        self.record_page.focus_first()

    def _record(self, checkin_id: str, outcome: str, line: str, then: object) -> None:
        try:
            done = self.session.record_checkin(
                checkin_id,
                outcome,  # type: ignore[arg-type]
                line,
                then,  # type: ignore[arg-type]
            )
        except VaultError as exc:
            dialogs.warn(self, t("notes.error_title"), str(exc))
            return
        self.record_page.clear()
        self.open_note(done.note.id)

    def _cancel_record(self) -> None:
        if self.record_page.is_dirty() and not dialogs.confirm_discard(self):
            return
        self.record_page.clear()
        note = self._current_note
        if note is not None and self.session.store.get(note.id):
            self.open_note(note.id)
        else:
            self.show_list()

    def export_calendar(self, checkin_id: str) -> None:
        """The check-in as a calendar file; no student data unless the teacher adds it."""
        if self.session.is_open:
            export_calendar(self, self.session.store, checkin_id)

    def new_note(self) -> None:
        if not self.session.is_open:
            return
        self._edit(Note(pseudonym=self.list_page.chosen_pseudonym() or ""), is_new=True)

    def _edit(self, note: Note, *, is_new: bool, notice: str = "", from_tool: bool = False) -> None:
        store = self.session.store
        pseudonyms = store.pseudonyms()
        plan = checkins.plan(store, note.id)
        if (is_new or from_tool) and not any(c.is_open for c in plan):
            # A tool handed this over (a route saved, or saved again): the tree suggests one.
            plan += checkins.default_plan(tree_content(), note, date.today())
        self.editor.load(note, is_new=is_new, pseudonyms=pseudonyms, notice=notice, plan=plan)
        self.pages.setCurrentWidget(self.editor)
        self.editor.focus_first()

    def _edit_current(self) -> None:
        if self._current_note is not None:
            self._edit(self._current_note, is_new=False)

    def _save(self, note: Note) -> None:
        try:
            saved = self.session.save_with_plan(note, self.editor.plan.values())
        except VaultError as exc:
            dialogs.warn(self, t("notes.error_title"), str(exc))
            return
        self.editor.mark_saved()
        self.editor.clear()
        self.open_note(saved.id)

    def _cancel_edit(self) -> None:
        if self.editor.is_dirty() and not dialogs.confirm_discard(self):
            return
        self.editor.clear()
        if self._current_note is not None and self.session.store.get(self._current_note.id):
            self.open_note(self._current_note.id)
        else:
            self.show_list()

    def _delete_current(self) -> None:
        note = self._current_note
        if note is None:
            return
        what = t("notes.what_one", pseudonym=note.pseudonym, date=format_date(note.note_date))
        if self._delete([note.id], what):
            self._current_note = None
            self.show_list()

    def _reopen_current(self) -> None:
        note = self._current_note
        kind = note.link_kind if note else None
        if note is None or kind is None:
            return
        payload = Reopen(kind=kind, data=note.link[kind], note_id=note.id, pseudonym=note.pseudonym)
        self.window().navigate(REOPEN_AREAS[kind], payload)  # type: ignore[attr-defined]

    # -- deleting ----

    def _delete(self, ids: list[str], what: str) -> bool:
        if not ids or not dialogs.confirm_delete(self, what):
            return False
        try:
            self.session.delete(ids)
        except VaultError as exc:
            dialogs.warn(self, t("notes.error_title"), str(exc))
            return False
        return True

    def _delete_selection(self) -> None:
        if self.pages.currentWidget() is not self.list_page:
            return
        ids = self.selected_ids()
        self._delete(ids, t("notes.what_selection", count=len(ids)))

    def _delete_pseudonym(self) -> None:
        pseudonym = self.list_page.chosen_pseudonym()
        if pseudonym is None:
            return
        count = len(self.session.store.query(NoteQuery(pseudonym=pseudonym)))
        what = t("notes.what_pseudonym", count=count, pseudonym=pseudonym)
        if not dialogs.confirm_delete(self, what):
            return
        try:
            self.session.delete_pseudonym(pseudonym)
        except VaultError as exc:
            dialogs.warn(self, t("notes.error_title"), str(exc))
            return
        self.list_page.pseudonym_filter.setCurrentIndex(0)

    def _delete_expired(self) -> None:
        ids = [s.id for s in self.session.store.query(NoteQuery(past_retention=True))]
        if self._delete(ids, t("notes.what_expired", count=len(ids))):
            self.list_page.retention_filter.setChecked(False)

    def _delete_all(self) -> None:
        if not dialogs.confirm(self, t("notes.delete_all_title"), t("notes.delete_all_text")):
            return
        try:
            self.session.destroy_all()
        except VaultError as exc:  # a file could not be removed: say which, keep going
            dialogs.warn(self, t("notes.error_title"), str(exc))

    # -- passphrase ----

    def _show_change_passphrase(self) -> None:
        self.change_page.clear()
        self.pages.setCurrentWidget(self.change_page)
        self.change_page.focus_first()

    def _change_passphrase(self, old: str, new: str) -> None:
        try:
            with _busy():
                left = self.session.change_passphrase(old, new)
        except VaultError as exc:
            self.change_page.error.setText(str(exc))
            self.change_page.error.show()
            return
        self.change_page.clear()
        if left:  # changed, but these files still open with the old passphrase: say which
            files = ", ".join(str(path) for path in left)
            dialogs.warn(self, t("notes.change_title"), t("notes.change_done_partial", files=files))
        else:
            dialogs.info(self, t("notes.change_title"), t("notes.change_done"))
        self.show_list()

    # -- export ----

    def _export_current(self) -> None:
        if self._current_note is not None:
            self.export([self._current_note.id], "one", self._current_note.pseudonym)

    def _export_selection(self) -> None:
        ids = self.selected_ids()
        if len(ids) == 1:
            self.export(ids, "one", self.list_page.pseudonym_of(ids[0]))
        else:
            self.export(ids, "selection")

    def _export_pseudonym(self) -> None:
        pseudonym = self.list_page.chosen_pseudonym()
        if pseudonym is not None:
            ids = [s.id for s in self.session.store.query(NoteQuery(pseudonym=pseudonym))]
            self.export(ids, "pseudonym", pseudonym)

    def _export_all(self) -> None:
        self.export([s.id for s in self.session.store.query()], "all")

    def export(self, ids: list[str], scope: str, pseudonym: str = "") -> None:
        self.exporter.start(ids, scope, pseudonym)

    def cancel_export(self) -> None:
        self.exporter.cancel()

    def is_exporting(self) -> bool:
        return self._exporter is not None and self._exporter.is_running()

    # -- what other screens hand over ----

    def receive(self, payload: object) -> None:
        if isinstance(payload, NoteDraft):
            self._pending = payload
            if self.session.is_open:
                self._open_draft()
            else:
                self._sync()
        elif isinstance(payload, ShowNotes):
            if payload.checkin:
                self._pending_checkin = payload.checkin
                if self.session.is_open:
                    self._open_pending_checkin()
                else:
                    self._sync()
            elif self.session.is_open:
                self.apply_filter(payload.filter)
                self.show_list()
            else:
                self._sync()

    def _open_pending_checkin(self) -> None:
        checkin_id, self._pending_checkin = self._pending_checkin, ""
        if checkin_id:
            self.record_checkin(checkin_id)

    def _open_draft(self) -> None:
        draft, self._pending = self._pending, None
        if draft is None:
            return
        existing = self.session.store.get(draft.note_id) if draft.note_id else None
        if existing is not None:
            self._current_note = existing
            self._edit(existing.merged_with(draft), is_new=False, from_tool=True)
            return
        notice = t("notes.original_gone") if draft.note_id else ""
        self._edit(Note.from_draft(draft), is_new=True, notice=notice)

    # -- Screen ----

    def has_unsaved_changes(self) -> bool:
        page = self.pages.currentWidget()
        editing = page is self.editor and self.editor.is_dirty()
        recording = page is self.record_page and self.record_page.is_dirty()
        return editing or recording or self.is_exporting()

    def discard_changes(self) -> None:
        if self._exporter is not None:
            self._exporter.wait()
        self.editor.clear()
        if self.session.is_open:
            self.show_list()

    def focus_first(self) -> None:
        page = self.pages.currentWidget()
        if hasattr(page, "focus_first"):
            page.focus_first()
