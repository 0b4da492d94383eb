"""Own conversations and cases: write them in a form, see them as a participant would, share.

Conversations and cases a trainer writes are checked as they type, with the same rules as the
packaged content, and the problems are listed in the trainer's language. The preview walks the
draft conversation exactly as a participant would (the practice page itself), or shows the
case as Training does. Saved material stays in the data folder
(:mod:`docentwijzer.oefenen_eigen`); *Delen* writes one file for colleagues and *Inlezen* reads
one, reporting what it could not take over without stopping.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from html import escape
from pathlib import Path
from typing import TypeVar

from pydantic import ValidationError
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from docentwijzer.i18n import t
from docentwijzer.oefenen import (
    Conversation,
    ConversationDraft,
    PracticeContent,
    conversation_problems,
    skill_problems,
)
from docentwijzer.oefenen_eigen import (
    SHARE_SUFFIX,
    OwnMaterial,
    OwnMaterialStore,
    new_id,
    read_shared,
    upsert,
    write_shared,
)
from docentwijzer.sources import Source
from docentwijzer.training import Case, builtin_cases, leaf_name
from docentwijzer.tree import TreeContent

from docentwijzer.ui import dialogs
from docentwijzer.ui.oefenen.case_form import CaseForm
from docentwijzer.ui.oefenen.common import set_rich
from docentwijzer.ui.oefenen.conversation_form import ConversationForm
from docentwijzer.ui.oefenen.practice import PracticePage
from docentwijzer.ui.widgets import heading, icon_button, paragraph, scrolling, sources_line

#: A trainer's own item: a conversation or a case.
_Own = TypeVar("_Own", Conversation, Case)

#: How long to wait after the last keystroke before checking and refreshing the preview.
CHECK_DELAY_MS = 250


class _Tab(QWidget):
    """Choose an own item (or start a new one), the form with its problems, and the preview.

    The form and the preview sit side by side when there is room, one above the other when the
    text is large or the window narrow.
    """

    def __init__(self, form: QWidget, preview: QWidget, kind: str) -> None:
        super().__init__()
        self.kind = kind
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 8, 0, 0)
        top = QHBoxLayout()
        self.items = QComboBox()
        self.items.setAccessibleName(t(f"oefenen.editor_list_{kind}"))
        self.items.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.items.setMinimumContentsLength(16)
        self.new_button = QPushButton(t(f"oefenen.editor_new_{kind}"))
        self.new_button.setObjectName(f"new_{kind}")
        self.delete_button = QPushButton(t("oefenen.editor_delete"))
        self.delete_button.setObjectName(f"delete_{kind}")
        top.addWidget(self.items, 1)
        top.addWidget(self.new_button)
        top.addWidget(self.delete_button)
        column.addLayout(top)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        editing = QWidget()
        edit_column = QVBoxLayout(editing)
        edit_column.setContentsMargins(0, 0, 0, 0)
        self.problems = paragraph("", rich=True)
        self.problems.setObjectName(f"problems_{kind}")
        self.save_button = QPushButton(t("oefenen.editor_save"))
        self.save_button.setObjectName(f"save_{kind}")
        form_scroll = scrolling(form)
        form_scroll.setAccessibleName(t(f"oefenen.editor_form_{kind}"))
        edit_column.addWidget(form_scroll, 1)
        problems_scroll = scrolling(self.problems)
        problems_scroll.setAccessibleName(t("oefenen.editor_problems"))
        problems_scroll.setMaximumHeight(self.fontMetrics().lineSpacing() * 7)
        edit_column.addWidget(problems_scroll)
        edit_column.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.splitter.addWidget(editing)
        self.splitter.addWidget(preview)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([11, 9])
        column.addWidget(self.splitter, 1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Side by side from about 90 characters wide; otherwise the preview goes below."""
        wide = event.size().width() >= self.fontMetrics().horizontalAdvance("M") * 90
        orientation = Qt.Orientation.Horizontal if wide else Qt.Orientation.Vertical
        if self.splitter.orientation() != orientation:
            self.splitter.setOrientation(orientation)
            self.splitter.setSizes([11, 9])
        # Enough height for form and preview; the page scrolls when the window is lower.
        lines = 20 if wide else 44
        self.splitter.setMinimumHeight(self.fontMetrics().lineSpacing() * lines)
        super().resizeEvent(event)


class EditorPage(QWidget):
    """Write, try out, save and share own conversations and cases."""

    leave = Signal()
    try_out = Signal(object)

    def __init__(self, content: PracticeContent, tree: TreeContent) -> None:
        super().__init__()
        self.content = content
        self.tree = tree
        self.skills = list(content.skills)
        self.store = OwnMaterialStore()
        self.own = OwnMaterial()
        self.dirty = False
        self._loading = False

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        inner = QWidget()
        column = QVBoxLayout(inner)
        column.setContentsMargins(24, 16, 24, 16)
        page_scroll = scrolling(inner)
        page_scroll.setAccessibleName(t("oefenen.own_title"))
        outer.addWidget(page_scroll)
        top = QHBoxLayout()
        back = icon_button(
            "arrow-left", t("oefenen.back_to_overview"), t("oefenen.back_to_overview")
        )
        back.setObjectName("editorBack")
        back.clicked.connect(self.leave.emit)
        top.addWidget(back)
        top.addStretch(1)
        self.import_button = QPushButton(t("oefenen.editor_import"))
        self.import_button.setObjectName("importShared")
        self.import_button.clicked.connect(self.import_file)
        self.export_button = QPushButton(t("oefenen.editor_export"))
        self.export_button.setObjectName("exportShared")
        self.export_button.clicked.connect(self.export_file)
        top.addWidget(self.import_button)
        top.addWidget(self.export_button)
        column.addLayout(top)
        column.addWidget(heading(t("oefenen.own_title")))
        column.addWidget(paragraph(t("oefenen.editor_intro"), muted=True))

        # conversations: the preview is the practice page itself, walking the draft
        self.conversation_form = ConversationForm(self.skills, tree)
        self.preview = PracticePage(content, tree, datetime.now, lambda: False, preview=True)
        self.preview.setObjectName("preview")
        self.preview_note = paragraph("", muted=True)
        preview_host = QWidget()
        preview_column = QVBoxLayout(preview_host)
        preview_column.setContentsMargins(0, 0, 0, 0)
        preview_column.addWidget(heading(t("oefenen.editor_preview"), 2))
        preview_column.addWidget(self.preview_note)
        preview_column.addWidget(self.preview, 1)
        self.conversations_tab = _Tab(self.conversation_form, preview_host, "conversation")

        # cases: shown as Training shows them
        self.case_form = CaseForm(tree)
        self.case_preview = paragraph("", rich=True)
        self.case_preview.setObjectName("casePreview")
        self.case_sources = sources_line([])
        case_preview_host = QWidget()
        case_column = QVBoxLayout(case_preview_host)
        case_column.addWidget(heading(t("oefenen.editor_preview"), 2))
        case_column.addWidget(self.case_preview)
        case_column.addWidget(self.case_sources)
        case_column.addStretch(1)
        case_scroll = scrolling(case_preview_host)
        case_scroll.setAccessibleName(t("oefenen.editor_preview"))
        self.cases_tab = _Tab(self.case_form, case_scroll, "case")

        self.tabs = QTabWidget()
        self.tabs.addTab(self.conversations_tab, t("oefenen.editor_tab_conversations"))
        self.tabs.addTab(self.cases_tab, t("oefenen.editor_tab_cases"))
        column.addWidget(self.tabs, 1)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(CHECK_DELAY_MS)
        self._timer.timeout.connect(self.check)
        self.conversation_form.changed.connect(self._edited)
        self.case_form.changed.connect(self._edited)
        tab = self.conversations_tab
        tab.new_button.clicked.connect(self.new_conversation)
        tab.delete_button.clicked.connect(self.delete_conversation)
        tab.save_button.clicked.connect(self.save_conversation)
        tab.items.activated.connect(self._pick_conversation)
        tab = self.cases_tab
        tab.new_button.clicked.connect(self.new_case)
        tab.delete_button.clicked.connect(self.delete_case)
        tab.save_button.clicked.connect(self.save_case)
        tab.items.activated.connect(self._pick_case)

    # -- loading ----------------------------------------------------------------------------

    def _skill_ids(self) -> list[str]:
        return [skill.id for skill in self.skills]

    def refresh(self) -> None:
        self.own = self.store.load(self._skill_ids())
        self._fill_lists()
        self._loading = True
        if self.own.conversations:
            self.conversation_form.load(self.own.conversations[0])
            self.conversations_tab.items.setCurrentIndex(1)
        else:
            self.conversation_form.new()
        if self.own.cases:
            self.case_form.load(self.own.cases[0])
            self.cases_tab.items.setCurrentIndex(1)
        else:
            self.case_form.new()
        self._loading = False
        self.dirty = False
        self.check()

    def _fill_lists(self) -> None:
        for tab, items in (
            (self.conversations_tab, self.own.conversations),
            (self.cases_tab, self.own.cases),
        ):
            tab.items.blockSignals(True)
            tab.items.clear()
            tab.items.addItem(t(f"oefenen.editor_unsaved_{tab.kind}"), "")
            for item in items:
                tab.items.addItem(item.title, item.id)
            tab.items.blockSignals(False)
            tab.delete_button.setEnabled(bool(items))

    def _edited(self) -> None:
        if not self._loading:
            self.dirty = True
        self._timer.start()

    # -- checking and the preview -------------------------------------------------------------

    def conversation_messages(self) -> list[str]:
        try:
            draft = self.conversation_form.draft()
        except ValidationError as exc:  # the form only makes valid shapes; never fatal
            return [str(exc.errors()[0].get("msg", ""))]
        found = [str(p) for p in conversation_problems(draft)]
        found += [p.message for p in skill_problems(draft, self._skill_ids())]
        return found

    def check(self) -> None:
        """List what is wrong (in the trainer's language) and refresh the previews."""
        self._show_problems(self.conversations_tab, self.conversation_messages())
        self._show_problems(self.cases_tab, self.case_messages())
        self._preview_conversation()
        self._preview_case()

    def _show_problems(self, tab: _Tab, problems: list[str]) -> None:
        if problems:
            items = "".join(f"<li>{escape(p)}</li>" for p in problems)
            tab.problems.setText(
                f"<b>{escape(t('oefenen.editor_problems'))}</b><ul style='margin:0'>{items}</ul>"
            )
        else:
            tab.problems.setText(escape(t("oefenen.editor_no_problems")))
        tab.problems.setAccessibleName(
            " ".join([t("oefenen.editor_problems"), *problems])
            if problems
            else t("oefenen.editor_no_problems")
        )

    def _walkable(self, draft: ConversationDraft) -> bool:
        """Every choice leads somewhere that exists (the preview can then follow any of them)."""
        known = {turn.id for turn in draft.turns} | {ending.id for ending in draft.endings}
        return bool(draft.turns) and all(
            choice.next in known and choice.next != turn.id for turn, choice in draft.choices()
        )

    def _preview_conversation(self) -> None:
        try:
            draft = self.conversation_form.draft()
        except ValidationError:
            return
        if not self._walkable(draft):
            self.preview.hide()
            self.preview_note.setText(t("oefenen.editor_preview_waits"))
            return
        # Replay the choices made in the preview so far, as long as they still fit.
        made = [o.number for o in self.preview.practice.taken] if self.preview.practice else []
        self.preview.start(draft)
        for number in made:
            if not self.preview.choose_number(number):
                break
        self.preview_note.setText(t("oefenen.editor_preview_note"))
        self.preview.show()

    def case_messages(self) -> list[str]:
        found = self.case_form.problems()
        if found:
            return found
        try:
            Case.model_validate(self.case_form.raw())
        except ValidationError as exc:
            error = exc.errors()[0]
            return [str(error.get("ctx", {}).get("error", error.get("msg", "")))]
        return []

    def _preview_case(self) -> None:
        raw = self.case_form.raw()
        paragraphs = "".join(
            f"<p>{escape(part.strip())}</p>" for part in raw["story"].split("\n\n") if part.strip()
        )
        steps = "".join(f"<li>{escape(answer)}</li>" for answer in raw["route"])
        why = "".join(f"<li>{escape(point['text'])}</li>" for point in raw["discussion"]["why"])
        contacts = "".join(f"<li>{escape(c)}</li>" for c in raw["discussion"]["contacts"])
        questions = "".join(f"<li>{escape(q)}</li>" for q in raw["discussion"]["questions"])
        html = (
            f"<h3>{escape(raw['title'] or t('oefenen.editor_untitled'))}</h3>"
            f"<p><i>{escape(raw['theme'])}</i></p>{paragraphs}"
            f"<p><b>{escape(t('training.route_title'))}</b></p><ol>{steps}</ol>"
            f"<p><b>{escape(t('training.route_end', leaf=leaf_name(raw['expected_leaf'])))}</b></p>"
            f"<p><b>{escape(t('training.why_title'))}</b></p><ul>{why}</ul>"
            f"<p><b>{escape(t('training.contacts_title'))}</b></p><ul>{contacts}</ul>"
            f"<p><b>{escape(t('training.questions_title'))}</b></p><ul>{questions}</ul>"
        )
        set_rich(self.case_preview, html)
        sources = [
            Source.model_validate(point["source"])
            for point in raw["discussion"]["why"]
            if point["source"] is not None
        ]
        self.case_sources.setText(
            t("app.sources", list="; ".join(dict.fromkeys(s.label() for s in sources)))
            if sources
            else ""
        )

    # -- conversations -----------------------------------------------------------------------

    def _pick_conversation(self, index: int) -> None:
        conversation_id = self.conversations_tab.items.itemData(index)
        if not conversation_id or not self._may_leave():
            return
        found = next((c for c in self.own.conversations if c.id == conversation_id), None)
        if found is not None:
            self._load(lambda: self.conversation_form.load(found))

    def _load(self, fill: object) -> None:
        self._loading = True
        fill()  # type: ignore[operator]
        self._loading = False
        self.dirty = False
        self.check()

    def _may_leave(self) -> bool:
        if not self.dirty:
            return True
        if dialogs.confirm_discard(self):
            self.dirty = False
            return True
        return False

    def new_conversation(self) -> None:
        if self._may_leave():
            self.conversations_tab.items.setCurrentIndex(0)
            self._load(self.conversation_form.new)
            self.conversation_form.title.setFocus()

    def save_conversation(self) -> bool:
        problems = self.conversation_messages()
        if problems:
            dialogs.warn(self, t("oefenen.editor_save"), t("oefenen.editor_fix_first"))
            return False
        raw = self.conversation_form.raw()
        taken = [c.id for c in (*self.content.conversations, *self.own.conversations)]
        if not self.conversation_form.conversation_id:
            raw["id"] = new_id(raw["title"], taken)
        conversation = Conversation.model_validate(raw)
        conversations = upsert(self.own.conversations, conversation)
        if not self._write("oefenen.editor_save", self.store.save_conversations, conversations):
            return False
        self.own.conversations = conversations
        self.conversation_form.conversation_id = conversation.id
        self._saved(self.conversations_tab, conversation.id)
        return True

    def delete_conversation(self) -> bool:
        kept = self._delete_selected(
            self.conversations_tab, self.own.conversations, self.store.save_conversations
        )
        if kept is None:
            return False
        self.own.conversations = kept
        self._deleted()
        return True

    # -- cases -----------------------------------------------------------------------------

    def _pick_case(self, index: int) -> None:
        case_id = self.cases_tab.items.itemData(index)
        if not case_id or not self._may_leave():
            return
        found = next((c for c in self.own.cases if c.id == case_id), None)
        if found is not None:
            self._load(lambda: self.case_form.load(found))

    def new_case(self) -> None:
        if self._may_leave():
            self.cases_tab.items.setCurrentIndex(0)
            self._load(self.case_form.new)
            self.case_form.title.setFocus()

    def save_case(self) -> bool:
        if self.case_messages():
            dialogs.warn(self, t("oefenen.editor_save"), t("oefenen.editor_fix_first"))
            return False
        raw = self.case_form.raw()
        taken = [c.id for c in (*builtin_cases().cases, *self.own.cases)]
        if not self.case_form.case_id:
            raw["id"] = new_id(raw["title"], taken)
        case = Case.model_validate(raw)
        cases = upsert(self.own.cases, case)
        if not self._write("oefenen.editor_save", self.store.save_cases, cases):
            return False
        self.own.cases = cases
        self.case_form.case_id = case.id
        self._saved(self.cases_tab, case.id)
        return True

    def delete_case(self) -> bool:
        kept = self._delete_selected(self.cases_tab, self.own.cases, self.store.save_cases)
        if kept is None:
            return False
        self.own.cases = kept
        self._deleted()
        return True

    # -- saving and deleting, for conversations and cases alike -----------------------------

    def _write(self, action: str, save: Callable[[list[_Own]], None], items: list[_Own]) -> bool:
        """Write the trainer's own items; a failing disk is told in the trainer's words and
        nothing in memory changes (the file keeps what it had)."""
        try:
            save(items)
        except OSError as exc:
            dialogs.warn(self, t(action), t("oefenen.save_failed", reason=exc.strerror or str(exc)))
            return False
        return True

    def _saved(self, tab: _Tab, item_id: str) -> None:
        self.dirty = False
        self._fill_lists()
        self._select(tab, item_id)
        tab.problems.setText(escape(t("oefenen.editor_saved")))

    def _delete_selected(
        self, tab: _Tab, items: list[_Own], save: Callable[[list[_Own]], None]
    ) -> list[_Own] | None:
        """The items without the one selected in ``tab``, once confirmed and written."""
        item_id = tab.items.currentData()
        if not item_id or not dialogs.confirm_delete(self, tab.items.currentText()):
            return None
        kept = [item for item in items if item.id != item_id]
        return kept if self._write("oefenen.editor_delete", save, kept) else None

    def _deleted(self) -> None:
        self.dirty = False
        self.refresh()

    def _select(self, tab: _Tab, item_id: str) -> None:
        tab.items.blockSignals(True)
        tab.items.setCurrentIndex(max(tab.items.findData(item_id), 0))
        tab.items.blockSignals(False)

    # -- sharing ----------------------------------------------------------------------------

    def export_file(self) -> bool:
        if not self.own.conversations and not self.own.cases:
            dialogs.info(self, t("oefenen.editor_export"), t("oefenen.editor_nothing_to_share"))
            return False
        chosen = dialogs.ask_save_file(
            self,
            t("oefenen.editor_export"),
            str(Path.home() / f"{t('oefenen.editor_share_file')}{SHARE_SUFFIX}"),
            t("oefenen.editor_share_filter"),
        )
        if not chosen:
            return False
        path = Path(chosen)
        if not path.name.endswith(".json"):
            path = path.with_name(path.name + SHARE_SUFFIX)
        try:
            write_shared(path, self.own.conversations, self.own.cases)
        except OSError as exc:
            dialogs.warn(
                self,
                t("oefenen.editor_export"),
                t("oefenen.save_failed", reason=exc.strerror or str(exc)),
            )
            return False
        dialogs.info(
            self,
            t("oefenen.editor_export"),
            t(
                "oefenen.editor_shared",
                path=str(path),
                conversations=t("oefenen.n_conversations", count=len(self.own.conversations)),
                cases=t("oefenen.n_cases", count=len(self.own.cases)),
            ),
        )
        return True

    def import_file(self) -> bool:
        if not self._may_leave():
            return False
        chosen = dialogs.ask_open_file(
            self, t("oefenen.editor_import"), t("oefenen.editor_share_filter")
        )
        if not chosen:
            return False
        result = read_shared(
            Path(chosen),
            self._skill_ids(),
            [c.id for c in (*self.content.conversations, *self.own.conversations)],
            [c.id for c in (*builtin_cases().cases, *self.own.cases)],
        )
        lines: list[str] = []
        if not result.empty:
            conversations = [*self.own.conversations, *result.conversations]
            cases = [*self.own.cases, *result.cases]
            try:
                self.store.save_conversations(conversations)
                self.store.save_cases(cases)
            except OSError as exc:
                dialogs.warn(
                    self,
                    t("oefenen.editor_import"),
                    t("oefenen.save_failed", reason=exc.strerror or str(exc)),
                )
                return False
            lines.append(
                t(
                    "oefenen.editor_imported",
                    conversations=t("oefenen.n_conversations", count=len(result.conversations)),
                    cases=t("oefenen.n_cases", count=len(result.cases)),
                )
            )
        if result.problems:
            lines.append(t("oefenen.editor_import_problems"))
            lines += [f"• {problem}" for problem in result.problems]
        dialogs.info(self, t("oefenen.editor_import"), "\n".join(lines))
        self.refresh()
        return not result.empty

    # -- the screen's questions ---------------------------------------------------------------

    def has_unsaved_changes(self) -> bool:
        return self.dirty

    def discard_changes(self) -> None:
        self.dirty = False

    def focus_first(self) -> None:
        self.conversation_form.title.setFocus(Qt.FocusReason.TabFocusReason)
