"""Oefenen: practise the conversation before it happens (alone, in threes, in a staff session).

Pages: the overview (conversations, self-check, own material), one practice conversation, the
self-check, and the editor for a trainer's own conversations and cases. What is stored is only
the teacher's own self-check answers and which conversations were done, never in trainer mode.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QStackedWidget, QWidget

from docentwijzer.i18n import t
from docentwijzer.oefenen import ConversationDraft, practice_content
from docentwijzer.oefenen_eigen import OwnMaterial, OwnMaterialStore
from docentwijzer.oefenen_progress import PracticeLog, ProgressStore
from docentwijzer.tree import tree_content

from docentwijzer.ui import dialogs
from docentwijzer.ui.oefenen.confidence import ConfidencePage
from docentwijzer.ui.oefenen.overview import OverviewPage
from docentwijzer.ui.oefenen.practice import PracticePage
from docentwijzer.ui.screen import Screen


class OefenenScreen(Screen):
    area_id = "oefenen"
    #: "Now" and "today", injectable for tests.
    clock = staticmethod(datetime.now)

    def __init__(self) -> None:
        super().__init__(scroll=False)
        self.content = practice_content()
        self.tree = tree_content()
        self.own = OwnMaterial()
        self.notice = ""
        self.stack = QStackedWidget()
        self.body.setContentsMargins(0, 0, 0, 0)
        self.body.addWidget(self.stack)

        self.overview = OverviewPage(self.content)
        self.overview.open_conversation.connect(self.open_conversation)
        self.overview.open_confidence.connect(self.open_confidence)
        self.overview.open_editor.connect(self.open_editor)
        self.overview.open_area.connect(self._navigate)
        self.overview.dismiss_reminder.connect(self._dismiss_reminder)
        self.practice = PracticePage(self.content, self.tree, lambda: self.clock(), self.presenting)
        self.practice.leave.connect(self.show_overview)
        self.practice.finished.connect(self._finished)
        self.practice.open_area.connect(self._navigate)
        self.practice.print_sheet.connect(self.print_sheet)
        self.confidence = ConfidencePage(
            self.content.confidence, ProgressStore, lambda: self.clock().date()
        )
        self.confidence.leave.connect(self.show_overview)
        self.confidence.saved.connect(self._refresh_overview)
        self.editor: QWidget | None = None
        # Saving that a practice was done waits for the screen to show the end first.
        self._pending_done: str | None = None
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(0)
        self._save_timer.timeout.connect(self._save_done)
        for page in (self.overview, self.practice, self.confidence):
            self.stack.addWidget(page)
        self.show_overview()

    # -- state ------------------------------------------------------------------------------

    def presenting(self) -> bool:
        return bool(getattr(self.window(), "trainer_mode", False))

    def today(self) -> date:
        return self.clock().date()

    def _log(self) -> PracticeLog:
        loaded = ProgressStore().load()
        self.notice = loaded.notice or ""
        return loaded.value

    def conversations(self) -> list[ConversationDraft]:
        return [*self.content.conversations, *self.own.conversations]

    def conversation(self, conversation_id: str) -> ConversationDraft:
        for conversation in self.conversations():
            if conversation.id == conversation_id:
                return conversation
        raise KeyError(conversation_id)

    def _refresh_overview(self) -> None:
        self.own = OwnMaterialStore().load(s.id for s in self.content.skills)
        self.overview.refresh(
            self._log(),
            list(self.own.conversations),
            [*self.own.problems, *([self.notice] if self.notice else [])],
            self.today(),
            presenting=self.presenting(),
        )

    # -- pages ------------------------------------------------------------------------------

    def show_overview(self) -> None:
        self._refresh_overview()
        self.stack.setCurrentWidget(self.overview)
        if self.isVisible():
            self.overview.focus_first()

    def open_conversation(self, conversation_id: str) -> None:
        self.practice.start(self.conversation(conversation_id))
        self.stack.setCurrentWidget(self.practice)
        self.practice.focus_first()

    def open_confidence(self) -> None:
        self.confidence.refresh()
        self.stack.setCurrentWidget(self.confidence)
        self.confidence.focus_first()

    def open_editor(self) -> None:
        from docentwijzer.ui.oefenen.editor import EditorPage

        if self.editor is None:
            self.editor = EditorPage(self.content, self.tree)
            self.editor.leave.connect(self.show_overview)  # type: ignore[attr-defined]
            self.editor.try_out.connect(self._try_draft)  # type: ignore[attr-defined]
            self.stack.addWidget(self.editor)
        self.editor.refresh()  # type: ignore[attr-defined]
        self.stack.setCurrentWidget(self.editor)
        self.editor.focus_first()  # type: ignore[attr-defined]

    def _try_draft(self, conversation: ConversationDraft) -> None:
        self.practice.start(conversation)
        self.stack.setCurrentWidget(self.practice)
        self.practice.focus_first()

    def receive(self, payload: object) -> None:
        if payload == "confidence":
            self.open_confidence()
        elif payload == "editor":
            self.open_editor()
        elif isinstance(payload, str) and payload.startswith("conversation:"):
            self.open_conversation(payload.removeprefix("conversation:"))

    def focus_first(self) -> None:
        page = self.stack.currentWidget()
        if hasattr(page, "focus_first"):
            page.focus_first()
        else:
            super().focus_first()

    def has_unsaved_changes(self) -> bool:
        return bool(self.editor is not None and self.editor.has_unsaved_changes())  # type: ignore[attr-defined]

    def discard_changes(self) -> None:
        if self.editor is not None:
            self.editor.discard_changes()  # type: ignore[attr-defined]

    def showEvent(self, event: object) -> None:
        if self.stack.currentWidget() is self.overview:
            self._refresh_overview()
        super().showEvent(event)  # type: ignore[arg-type]

    # -- what happens -----------------------------------------------------------------------

    def _navigate(self, area_id: str, payload: object) -> None:
        self.window().navigate(area_id, payload)  # type: ignore[attr-defined]

    def _finished(self, conversation_id: str, _leaf_id: str) -> None:
        """A practice reached the tree: note that it was done (never in trainer mode)."""
        if self.presenting() or conversation_id not in {c.id for c in self.conversations()}:
            return
        self._pending_done = conversation_id
        self._save_timer.start()

    def _save_done(self) -> None:
        conversation_id, self._pending_done = self._pending_done, None
        if conversation_id is None:
            return
        try:
            ProgressStore().mark_done(conversation_id, self.today())
        except OSError as exc:
            dialogs.warn(
                self, t("oefenen.title"), t("oefenen.save_failed", reason=exc.strerror or str(exc))
            )

    def _dismiss_reminder(self) -> None:
        try:
            ProgressStore().dismiss_reminder(self.today())
        except OSError as exc:
            dialogs.warn(
                self, t("oefenen.title"), t("oefenen.save_failed", reason=exc.strerror or str(exc))
            )
        self._refresh_overview()
        self.overview.focus_first()

    def print_sheet(self, conversation: ConversationDraft | None) -> bool:
        if conversation is None:
            return False
        from docentwijzer.oefenen_pdf import write_observer_sheet  # reportlab: when a PDF is made

        saved = dialogs.save_pdf(
            self,
            title=t("oefenen.sheet"),
            suggested=str(Path.home() / t("oefenen.sheet_file", id=conversation.id)),
            filters=t("oefenen.pdf_filter"),
            write=lambda path: write_observer_sheet(
                path, conversation, list(self.content.skills), self.tree
            ),
            failed_title=t("oefenen.sheet"),
            done_title=t("oefenen.sheet"),
            done=lambda path: t("oefenen.sheet_saved", path=str(path)),
        )
        if saved is None:
            return False
        self.practice.sheet_button.setFocus(Qt.FocusReason.OtherFocusReason)
        return True
