"""The notes store of one main window, and when it locks.

One :class:`NotesSession` per main window, shared by the notes screen and the home panel, so
switching language or text size (which rebuilds every screen) does not lock the notes. It
locks after ``Settings.idle_lock_minutes`` without keyboard, mouse or touch input anywhere in
the application (an application event filter, as KeePassXC does), on Ctrl+L, and on request.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QClipboard, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QWidget

from docentwijzer.notes import Note, NotesStore
from docentwijzer.settings import Settings
from docentwijzer.vault import VaultError

if TYPE_CHECKING:
    from docentwijzer.checkins import CheckIn, Outcome, Recorded

LOCK_SHORTCUT = QKeySequence("Ctrl+L")
_INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TabletPress,
    }
)
_ATTRIBUTE = "_docentwijzer_notes_session"


class NotesSession(QObject):
    #: new / locked / open changed
    state_changed = Signal()
    #: notes were added, changed or deleted
    notes_changed = Signal()
    #: emitted just before locking: a screen with a half-written note saves it now
    about_to_lock = Signal()

    def __init__(self, parent: QObject | None = None, store: NotesStore | None = None) -> None:
        super().__init__(parent)
        self.store = store or NotesStore()
        #: Monotonic clock; tests replace it.
        self.clock: Callable[[], float] = time.monotonic
        #: Wall clock, for the time a laptop sleeps: the monotonic clock stops then (Linux,
        #: macOS), so without this a lid closed for a night would not count as idle.
        self.wall_clock: Callable[[], float] = time.time
        #: Seconds of inactivity before locking; None: from the window's settings.
        self.idle_seconds_override: float | None = None
        self.locked_by_idle = False
        self._last_input = self.clock()
        self._last_input_wall = self.wall_clock()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.check_idle)
        self.notes_changed.connect(self._write_hint)
        self._filtering = False
        self._shortcut: QShortcut | None = None
        if isinstance(parent, QWidget):
            self._shortcut = QShortcut(LOCK_SHORTCUT, parent)
            self._shortcut.activated.connect(self.lock)
        # Trainer mode projects the screen to a room: the notes lock as the mode starts.
        trainer_mode_changed = getattr(parent, "trainer_mode_changed", None)
        if trainer_mode_changed is not None:
            trainer_mode_changed.connect(self._trainer_mode_changed)
        self._sync_retention()
        changed = getattr(parent, "settings_changed", None)
        if changed is not None:  # retention period edited under Over
            changed.connect(self._sync_retention)
        # Quitting with the notes open: a clipboard manager would otherwise keep what was
        # copied from a note (Qt hands the clipboard over to it on exit).
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self._quitting)

    def _quitting(self) -> None:
        if self.store.is_open:
            self._clear_clipboard()

    # -- settings ------------------------------------------------------------------------------

    def settings(self) -> Settings:
        found = getattr(self.parent(), "settings", None)
        return found if isinstance(found, Settings) else Settings()

    def idle_seconds(self) -> float:
        if self.idle_seconds_override is not None:
            return self.idle_seconds_override
        return self.settings().idle_lock_minutes * 60.0

    def _sync_retention(self) -> None:
        self.store.retention_months = self.settings().retention_months

    # -- state ---------------------------------------------------------------------------------

    @property
    def state(self) -> str:
        return self.store.state

    @property
    def is_open(self) -> bool:
        return self.store.is_open

    def setup(self, passphrase: str) -> None:
        self.store.setup(passphrase)
        self._opened()

    def unlock(self, passphrase: str) -> None:
        self.store.unlock(passphrase)
        self._opened()

    def restore(self, backup: Path, passphrase: str) -> None:
        self.store.restore(backup, passphrase)
        self._opened()

    def _opened(self) -> None:
        self.locked_by_idle = False
        self._sync_retention()
        self._start_watching()
        self._write_hint()
        self.state_changed.emit()

    def lock(self, *, idle: bool = False) -> None:
        """Save what can be saved, drop the keys, tell every widget to clear itself."""
        if not self.store.is_open:
            return
        self.about_to_lock.emit()
        self._clear_clipboard()
        self.store.lock()
        self.locked_by_idle = idle
        self._stop_watching()
        self.state_changed.emit()

    def _trainer_mode_changed(self, on: bool) -> None:
        if on:
            self.lock()

    def destroy_all(self) -> None:
        self.about_to_lock.emit()
        if self.store.is_open:
            self._clear_clipboard()
        try:
            self.store.destroy()
        finally:
            from docentwijzer import checkins

            checkins.forget_hint(self.store)
        self._stop_watching()
        self.state_changed.emit()

    def _clear_clipboard(self) -> None:
        """Empty the clipboard (and the X11 selection, the macOS find buffer) if what it holds
        came from a note: copied text must not outlive the lock."""
        app = QApplication.instance()
        if not isinstance(app, QApplication):
            return
        clipboard = app.clipboard()
        modes = [QClipboard.Mode.Clipboard]
        if clipboard.supportsSelection():
            modes.append(QClipboard.Mode.Selection)
        if clipboard.supportsFindBuffer():
            modes.append(QClipboard.Mode.FindBuffer)
        for mode in modes:
            if self.store.contains_text(clipboard.text(mode)):
                clipboard.clear(mode)

    # -- changes (each one written to disk before it returns) ---------------------------------

    def save(self, note: Note) -> Note:
        """Save a note by itself: its check-ins stay; a follow-up date without one becomes one."""
        from docentwijzer import checkins
        from docentwijzer.tree import tree_content

        with self._reloaded_on_conflict():
            saved = checkins.save_keeping_plan(self.store, note, tree_content())
        self.notes_changed.emit()
        return saved

    def delete(self, ids: Iterable[str]) -> int:
        with self._reloaded_on_conflict():
            removed = self.store.delete(ids)
        self.notes_changed.emit()
        return removed

    def delete_pseudonym(self, pseudonym: str) -> int:
        with self._reloaded_on_conflict():
            removed = self.store.delete_pseudonym(pseudonym)
        self.notes_changed.emit()
        return removed

    # check-ins: each change is written with its note, then the lists and Start's count follow

    def save_with_plan(self, note: Note, plan: Sequence[CheckIn]) -> Note:
        from docentwijzer import checkins

        with self._reloaded_on_conflict():
            saved = checkins.save_note(self.store, note, plan)
        self.notes_changed.emit()
        return saved

    def record_checkin(
        self, checkin_id: str, outcome: Outcome, line: str, then: CheckIn | None
    ) -> Recorded:
        from docentwijzer import checkins

        with self._reloaded_on_conflict():
            done = checkins.record(self.store, checkin_id, outcome, line, then=then)
        self.notes_changed.emit()
        return done

    def _write_hint(self) -> None:
        """What Start may say while locked: the number of open check-ins and the first date."""
        if self.store.is_open:
            from docentwijzer import checkins

            checkins.write_hint(self.store)

    def change_passphrase(self, old: str, new: str) -> list[Path]:
        """Returns the backups that still open with ``old`` (see NotesStore)."""
        with self._reloaded_on_conflict():
            return self.store.change_passphrase(old, new)

    @contextlib.contextmanager
    def _reloaded_on_conflict(self) -> Iterator[None]:
        """Another program wrote the vault: the store now shows what is on disk; so must
        every list (the error itself goes on to the screen that asked)."""
        try:
            yield
        except VaultError as exc:
            if exc.kind == "changed_reloaded":
                self.notes_changed.emit()
            raise

    # -- idle lock -----------------------------------------------------------------------------

    def _start_watching(self) -> None:
        self._last_input = self.clock()
        self._last_input_wall = self.wall_clock()
        app = QApplication.instance()
        if app is not None and not self._filtering:
            app.installEventFilter(self)
            self._filtering = True
        self._timer.start(int(self.idle_seconds() * 1000))

    def _stop_watching(self) -> None:
        self._timer.stop()
        app = QApplication.instance()
        if app is not None and self._filtering:
            app.removeEventFilter(self)
        self._filtering = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT_EVENTS:
            if self.store.is_open and self.seconds_idle() >= self.idle_seconds():
                # The first touch after a long absence (a laptop waking from sleep before the
                # timer could fire) locks instead of postponing; it does not reach the notes.
                self.lock(idle=True)
                return True
            self._last_input = self.clock()
            self._last_input_wall = self.wall_clock()
        return False

    def seconds_idle(self) -> float:
        awake = self.clock() - self._last_input
        return max(awake, self.wall_clock() - self._last_input_wall)

    def check_idle(self) -> None:
        """Lock when idle long enough; otherwise look again when it could be."""
        if not self.store.is_open:
            return
        remaining = self.idle_seconds() - self.seconds_idle()
        if remaining <= 0:
            self.lock(idle=True)
        else:
            self._timer.start(max(50, int(remaining * 1000)))


def session_for(widget: QWidget) -> NotesSession:
    """The session of ``widget``'s main window (created on first use)."""
    window = widget.window()
    found = getattr(window, _ATTRIBUTE, None)
    if isinstance(found, NotesSession):
        return found
    return install_session(window, NotesStore())


def install_session(window: QWidget, store: NotesStore) -> NotesSession:
    """Give ``window``'s session the store ``store`` (tests pass one with cheap key derivation)."""
    session = getattr(window, _ATTRIBUTE, None)
    if isinstance(session, NotesSession):
        session.lock()
        session.store = store
        session._sync_retention()
        session.state_changed.emit()
        return session
    session = NotesSession(window, store)
    setattr(window, _ATTRIBUTE, session)
    return session
