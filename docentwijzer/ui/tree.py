"""The referral tree screen: one question at a time, urgency first, ending at a leaf.

The walk, the contacts, the note draft and the PDF all come from the core
(:mod:`docentwijzer.tree`); this module only shows the current node and passes on clicks and keys.
How the worry arrived (the walk's channel) is one compact choice above the route; it changes
what a leaf or the conversation step says to do first. The conversation step can be parked
(saved as a note or printed) and resumed later at "what does the student need".
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from html import escape
from pathlib import Path

from pydantic import ValidationError
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from docentwijzer.checklist import checklist_content, summarise, ticks_from_context
from docentwijzer.dates import format_date
from docentwijzer.handoff import Channel, Reopen, SignalContext
from docentwijzer.helplines import help_content
from docentwijzer.i18n import t
from docentwijzer.profile import ROLES, InstitutionProfile, load_effective, managed_overdue
from docentwijzer.tree import (
    SUICIDE_LEAF,
    Action,
    Leaf,
    Option,
    Question,
    ResolvedContact,
    StepNode,
    TreeContent,
    Walk,
    follow_up_date,
    is_office_hours,
    leaf_sources,
    note_draft,
    phrase_sources,
    resolve_contacts,
    tree_content,
)

from docentwijzer.ui import dialogs
from docentwijzer.ui.screen import Screen
from docentwijzer.ui.theme import plain_text
from docentwijzer.ui.tree_widgets import (
    ActionItem,
    ArrowKeys,
    ChannelChoice,
    contacts_block,
    say_block,
    sources_block,
)
from docentwijzer.ui.widgets import (
    CardButton,
    action_bar,
    card,
    heading,
    paragraph,
    primary_button,
)

Clock = Callable[[], datetime]

__all__ = ["Clock", "TreeScreen", "contacts_block", "load_profile"]


def load_profile() -> tuple[InstitutionProfile, str | None]:
    """The institution profile as saved now (re-read each time, so edits show at once): the
    managed card of the institution, where there is one, with the teacher's own additions."""
    return load_effective()


class TreeScreen(Screen):
    area_id = "beslisboom"
    #: "Now", injectable for tests (office hours, follow-up date).
    clock: Clock = staticmethod(datetime.now)  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.tree: TreeContent = tree_content()
        self.walk = Walk(self.tree)
        self.context: SignalContext | None = None
        self.suggested_nodes: list[str] = []
        self.note_id: str | None = None
        self.done: set[str] = set()
        self.answer_buttons: list[CardButton] = []
        self.onward_buttons: list[CardButton] = []
        self.action_items: dict[str, ActionItem] = {}
        self.contacts: list[ResolvedContact] = []
        self._arrows: ArrowKeys | None = None

        self.body.addWidget(heading(self.tree.title))
        self.body.addWidget(paragraph(self.tree.intro, muted=True))

        self.context_label = paragraph("", rich=True)
        self.context_panel = card(self.context_label, object_name="card")
        self.context_panel.setObjectName("contextPanel")
        self.context_panel.hide()
        self.body.addWidget(self.context_panel)

        controls = QHBoxLayout()
        self.back_button = QPushButton(t("tree.back"))
        self.back_button.setObjectName("treeBack")
        self.back_button.setToolTip(t("tree.back_tip"))
        self.back_button.setAccessibleName(t("tree.back_tip"))
        self.back_button.setShortcut(QKeySequence("Alt+Left"))
        self.back_button.clicked.connect(self.go_back)
        self.restart_button = QPushButton(t("tree.restart"))
        self.restart_button.setObjectName("treeRestart")
        self.restart_button.setToolTip(t("tree.restart_tip"))
        self.restart_button.clicked.connect(self.restart)
        for button in (self.back_button, self.restart_button):
            button.setAutoDefault(True)
            controls.addWidget(button)
        controls.addStretch(1)
        self.body.addLayout(controls)

        self.channel_choice = ChannelChoice(self.walk.channel)
        self.channel_choice.changed.connect(self.set_channel)
        self.body.addWidget(self.channel_choice)

        self.crumbs = paragraph("", rich=True)
        self.crumbs.setObjectName("breadcrumb")
        self.body.addWidget(self.crumbs)

        self.notice = paragraph("")
        self.notice.setObjectName("resumeNotice")
        self.notice.hide()
        self.body.addWidget(self.notice)

        self.node_host = QWidget()
        self.node_column = QVBoxLayout(self.node_host)
        self.node_column.setContentsMargins(0, 0, 0, 0)
        self.node_page: QWidget | None = None
        self.body.addWidget(self.node_host)
        self.body.addStretch(1)
        self._build_leaf_bar()
        self.render()

    def _build_leaf_bar(self) -> None:
        """At a leaf or the conversation step, "save as note" and "print" stay in view below the
        page (no scrolling)."""
        self.leaf_bar, self.leaf_row = action_bar("leafBar", t("tree.leaf_bar_name"))
        self.layout().addWidget(self.leaf_bar)
        self.leaf_bar.hide()
        for keys, slot in (
            (QKeySequence.StandardKey.Save, self.save_note),
            (QKeySequence.StandardKey.Print, self.print_route),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    # -- hand-offs --------------------------------------------------------------------------------

    def receive(self, payload: object) -> None:
        if isinstance(payload, SignalContext):
            self._receive_signals(payload)
        elif isinstance(payload, Reopen) and payload.kind == "route":
            self._reopen(payload)
        else:
            return
        self.render()

    def _receive_signals(self, context: SignalContext) -> None:
        self.context = context
        self.suggested_nodes = list(context.suggested_nodes) or (
            [context.suggested_node] if context.suggested_node else []
        )
        self.note_id = None
        self.done = set()
        self.notice.hide()
        if context.channel is not None:
            self.walk.channel = context.channel
        if context.urgent:
            self.walk.go_urgent()
        elif SUICIDE_LEAF in self.suggested_nodes:
            # Talk of death or suicide without danger now: straight to the suicide guidance.
            self.walk.go_suicide()
        else:
            self.walk.restart()

    def _reopen(self, payload: Reopen) -> None:
        self.note_id = payload.note_id
        self.suggested_nodes = []
        data, checklist = payload.data, None
        if isinstance(data.get("route"), dict):  # handed the whole link of a note
            data, checklist = data["route"], data.get("checklist")
        try:
            self.context = SignalContext.model_validate(checklist) if checklist else None
        except ValidationError:
            self.context = None
        if payload.pseudonym and self.context is None:
            self.context = SignalContext(pseudonym=payload.pseudonym)
        resumed = Walk.resume(self.tree, data)
        self.walk = resumed.walk
        self.done = set(resumed.done)
        self.notice.hide()
        if not resumed.readable or (not resumed.complete and not self.walk.can_go_back()):
            dialogs.info(self, t("tree.title"), t("tree.reopen_failed"))
        elif not resumed.complete:
            where = self._node_name(self.walk.current)
            dialogs.info(self, t("tree.title"), t("tree.reopen_partly", where=where))
        elif resumed.continued:
            self.notice.setText(t("tree.resumed_after_conversation"))
            self.notice.show()

    @staticmethod
    def _node_name(node: Question | StepNode | Leaf) -> str:
        return node.text if isinstance(node, Question) else node.title

    # -- walking ----------------------------------------------------------------------------------

    def choose(self, target: str) -> None:
        if target not in [option.target for option in self.walk.options()]:
            return
        self.walk.choose(target)
        self.done = set()
        self.notice.hide()
        self.render()

    def choose_number(self, number: int) -> bool:
        if isinstance(self.walk.current, Leaf):
            return False  # a leaf's way on is chosen with Tab and Enter, never by a stray digit
        if isinstance(self.walk.current, StepNode) and number != 1:
            return False  # so is a step's: only "Verder" has a number
        for option in self.walk.options():
            if option.number == number:
                self.choose(option.target)
                return True
        return False

    def go_back(self) -> None:
        if self.walk.back():
            self.done = set()
            self.notice.hide()
            self.render()

    def restart(self) -> None:
        self.walk.restart()
        self.done = set()
        self.notice.hide()
        self.render()

    def set_channel(self, channel: Channel) -> None:
        """How the worry arrived changed: the same node, its first steps for that channel."""
        if channel == self.walk.channel:
            return
        self.walk.channel = channel
        self.render()
        self.channel_choice.combo.setFocus(Qt.FocusReason.OtherFocusReason)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if plain and Qt.Key.Key_1 <= key <= Qt.Key.Key_9 and self.choose_number(key - Qt.Key.Key_0):
            return
        if key == Qt.Key.Key_Backspace and self.walk.can_go_back():
            self.go_back()
            return
        super().keyPressEvent(event)

    def focus_first(self) -> None:
        suggested = self.walk.suggested(self.suggested_nodes)
        if self.onward_buttons and not self.answer_buttons:  # a leaf's way on
            self.onward_buttons[0].setFocus(Qt.FocusReason.TabFocusReason)
        elif self.answer_buttons:
            numbered = suggested is not None and suggested.number <= len(self.answer_buttons)
            index = suggested.number - 1 if suggested and numbered else 0
            self.answer_buttons[index].setFocus(Qt.FocusReason.TabFocusReason)
        elif self.action_items:
            next(iter(self.action_items.values())).box.setFocus(Qt.FocusReason.TabFocusReason)
        else:
            super().focus_first()

    # -- showing ----------------------------------------------------------------------------------

    def render(self) -> None:
        self._render_context()
        self._render_crumbs()
        self.channel_choice.set_channel(self.walk.channel)
        self.back_button.setEnabled(self.walk.can_go_back())
        if self.node_page is not None:
            self.node_page.hide()
            self.node_page.deleteLater()
        # A fresh page per node: shown explicitly, so it is visible at once.
        self.node_page = QWidget()
        self.node_page.setObjectName(f"node_{self.walk.current.id}")
        self.node_layout = QVBoxLayout(self.node_page)
        self.node_layout.setContentsMargins(0, 0, 0, 0)
        self.node_layout.setSpacing(10)
        self.answer_buttons = []
        self.onward_buttons = []
        self.action_items = {}
        self.contacts = []
        node = self.walk.current
        if isinstance(node, Question):
            self._render_question(node)
        elif isinstance(node, StepNode):
            self._render_step(node)
        else:
            self._render_leaf(node)
        self.node_column.addWidget(self.node_page)
        self.node_page.show()
        self._render_leaf_bar(not isinstance(node, Question))
        if self.scroll_area is not None:
            self.scroll_area.verticalScrollBar().setValue(0)
        if self.isVisible():
            self.focus_first()

    def _render_context(self) -> None:
        ctx = self.context
        if ctx is None or not (ctx.pseudonym or ctx.signals):
            self.context_panel.hide()
            return
        parts = [f"<b>{escape(t('tree.context_title'))}</b>"]
        if ctx.pseudonym:
            parts[0] += " · " + escape(t("tree.context_pseudonym", pseudonym=ctx.pseudonym))
        if ctx.signals:
            items = "".join(
                "<li>"
                + escape(s.label)
                + (f": <i>{escape(s.observation)}</i>" if s.observation else "")
                + f" <small>({format_date(s.observed_on)})</small></li>"
                for s in ctx.signals
            )
            parts.append(f"<ul style='margin:0'>{items}</ul>")
        if ctx.urgent:
            parts.append(escape(t("tree.context_urgent")))
        elif SUICIDE_LEAF in self.suggested_nodes:
            parts.append(escape(t("tree.context_suicide")))
        self.context_label.setText("".join(parts))
        self.context_panel.show()

    def _render_crumbs(self) -> None:
        crumbs = self.walk.breadcrumb()
        if not crumbs:
            self.crumbs.setText(escape(t("tree.route_empty")))
            self.crumbs.setAccessibleName(t("tree.route_empty"))
            return
        steps = "".join(f"<li>{escape(c.asked)} <b>{escape(c.answered)}</b></li>" for c in crumbs)
        self.crumbs.setText(f"{escape(t('tree.route'))}:<ol style='margin:0'>{steps}</ol>")
        self.crumbs.setAccessibleName(plain_text(self.crumbs.text()))  # words, not HTML

    def _answer_button(self, number: int | None, label: str, hint: str, urgent: bool) -> CardButton:
        """An answer as the design's large choice (a card: number and answer in bold, the hint
        muted below, a chevron); urgent answers with the acute edge. Read by its label."""
        title = f"{number}.  {label}" if number is not None else f"→  {label}"
        button = CardButton(title, hint)
        button.setProperty("urgent", urgent)
        button.setAutoDefault(True)
        button.setAccessibleName(label)
        button.setAccessibleDescription(hint)
        return button

    def _add_options(self, options: list[Option] | None = None) -> None:
        suggested = self.walk.suggested(self.suggested_nodes)
        for option in self.walk.options() if options is None else options:
            hint = option.hint
            if suggested is not None and option.target == suggested.target:
                hint = f"{hint} · ★ {t('tree.suggested')}" if hint else f"★ {t('tree.suggested')}"
            button = self._answer_button(option.number, option.label, hint, option.urgent)
            button.setProperty("suggested", suggested is not None and option == suggested)
            button.clicked.connect(lambda _=False, target=option.target: self.choose(target))
            self.node_layout.addWidget(button)
            self.answer_buttons.append(button)
        self._arrows = ArrowKeys(self.answer_buttons)
        for button in self.answer_buttons:
            button.installEventFilter(self._arrows)
        hint_label = paragraph(t("tree.keys_hint", count=len(self.answer_buttons)), muted=True)
        self.node_layout.addWidget(hint_label)

    def _render_question(self, node: Question) -> None:
        self.node_layout.addWidget(heading(node.text, 2))
        if node.help:
            self.node_layout.addWidget(paragraph(node.help, muted=True))
        self._add_options()
        self.node_layout.addWidget(sources_block([node.source]))

    def _add_checklist(self, first: list[Action], actions: list[Action]) -> None:
        """The first steps for how the worry arrived, then the actions: tickable, numbered."""
        number = 0
        for title, items in (
            (t("tree.first_steps", channel=t(f"tree.channel_short_{self.walk.channel}")), first),
            (t("tree.actions"), actions),
        ):
            if not items:
                continue
            section = heading(title, 3)
            section.setObjectName("firstStepsTitle" if items is first else "actionsTitle")
            self.node_layout.addWidget(section)
            if number == 0:
                self.node_layout.addWidget(paragraph(t("tree.actions_hint"), muted=True))
            for action in items:
                number += 1
                item = ActionItem(number, action.text, action.id in self.done)
                item.setObjectName("firstStep" if items is first else "action")
                item.box.toggled.connect(lambda on, a=action.id: self._tick(a, on))
                self.action_items[action.id] = item
                self.node_layout.addWidget(item)

    def _add_follow_up(self, node: Leaf | StepNode) -> None:
        if node.follow_up is None:
            return
        self.node_layout.addWidget(heading(t("tree.follow_up"), 3))
        suggested = format_date(follow_up_date(node, self.clock().date()))
        follow = paragraph(f"{node.follow_up.text} {t('tree.follow_up_date', date=suggested)}")
        follow.setObjectName("followUp")
        self.node_layout.addWidget(follow)

    def _render_step(self, node: StepNode) -> None:
        self.node_layout.addWidget(heading(node.title, 2))
        if node.intro:
            self.node_layout.addWidget(paragraph(node.intro))
        self._add_checklist(self.walk.first_steps(), list(node.actions))
        phrases = self.walk.phrases()
        if phrases:
            self.node_layout.addWidget(say_block(phrases))
        # "Verder" (and the way on, for talk of death heard in the conversation) before the
        # notes on parking and the sources
        self._add_options([o for o in self.walk.options() if o.target == node.next])
        self._render_onward(node)
        park = paragraph(t("tree.park_hint"), muted=True)
        park.setObjectName("parkHint")
        self.node_layout.addWidget(park)
        self._add_follow_up(node)
        self.node_layout.addWidget(sources_block([*leaf_sources(node), *phrase_sources(phrases)]))

    def _render_onward(self, node: Leaf | StepNode) -> None:
        if not node.onward:
            return
        box = QWidget()
        box.setObjectName("onward")
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(heading(node.onward_title or t("tree.onward"), 3))
        onward = {answer.next for answer in node.onward}
        for option in (o for o in self.walk.options() if o.target in onward):
            button = self._answer_button(None, option.label, option.hint, option.urgent)
            button.setProperty("onward", True)
            button.clicked.connect(lambda _=False, target=option.target: self.choose(target))
            column.addWidget(button)
            self.onward_buttons.append(button)
        self.node_layout.addWidget(box)

    def _render_leaf(self, leaf: Leaf) -> None:
        now = self.clock()
        title = heading(leaf.title, 2)
        title.setObjectName("leafTitle")
        self.node_layout.addWidget(title)
        if leaf.summary:
            self.node_layout.addWidget(paragraph(leaf.summary, muted=True))
        self._render_onward(leaf)
        self._add_checklist(self.walk.first_steps(), list(leaf.actions))

        self.node_layout.addWidget(heading(t("tree.contacts"), 3))
        profile, notice = load_profile()
        if notice:
            self.node_layout.addWidget(
                paragraph(t("tree.profile_notice", notice=notice), muted=True)
            )
        contacts = resolve_contacts(leaf, profile, help_content(), now)
        self.contacts = contacts
        self.node_layout.addWidget(contacts_block(contacts, is_office_hours(now)))
        overdue = managed_overdue(profile, now.date())
        if overdue and any(c.key in ROLES and not c.missing for c in contacts):
            line = paragraph(overdue, muted=True)  # the institution's card is past its review
            line.setObjectName("managedOverdue")
            self.node_layout.addWidget(line)
        if any(c.missing for c in contacts):
            go = QPushButton(t("tree.open_profile"))
            go.setObjectName("openProfile")
            go.clicked.connect(lambda: self.window().navigate("instelling"))  # type: ignore[attr-defined]
            self.node_layout.addWidget(go, 0, Qt.AlignmentFlag.AlignLeft)

        phrases = self.walk.phrases()
        if phrases:
            self.node_layout.addWidget(say_block(phrases))
        self._add_follow_up(leaf)

        for area_id, label in leaf.see_also.items():
            link = QPushButton(f"{t('tree.see_also')}: {label}")
            link.setObjectName(f"seeAlso_{area_id}")
            link.clicked.connect(lambda _=False, a=area_id: self.window().navigate(a))  # type: ignore[attr-defined]
            self.node_layout.addWidget(link, 0, Qt.AlignmentFlag.AlignLeft)

        role_items = "".join(f"<li>{escape(p.text)}</li>" for p in self.tree.your_role)
        role = card(
            heading(self.tree.your_role_title, 3),
            paragraph(f"<ul style='margin:0'>{role_items}</ul>", rich=True),
            object_name="card",
        )
        role.setObjectName("yourRole")
        self.node_layout.addWidget(role)

        sources = [*leaf_sources(leaf), *phrase_sources(phrases)]
        sources += [p.source for p in self.tree.your_role]
        sources += [c.source for c in contacts if c.source is not None]
        self.node_layout.addWidget(sources_block(sources))

    def _render_leaf_bar(self, shown: bool) -> None:
        """Fresh buttons after the page, so Tab reaches them after the page's own controls."""
        while (item := self.leaf_row.takeAt(0)) is not None:
            if (widget := item.widget()) is not None:
                widget.hide()
                widget.deleteLater()
        self.leaf_bar.setVisible(shown)
        if not shown:
            return
        parking = isinstance(self.walk.current, StepNode)
        self.save_button = primary_button(t("tree.park_note" if parking else "tree.save_note"))
        self.save_button.setObjectName("saveNote")
        self.save_button.setToolTip(t("tree.park_note_tip" if parking else "tree.save_note_tip"))
        self.save_button.clicked.connect(self.save_note)
        self.print_button = QPushButton(t("tree.print"))
        self.print_button.setObjectName("printRoute")
        self.print_button.setToolTip(t("tree.print_tip"))
        self.print_button.clicked.connect(self.print_route)
        for button in (self.save_button, self.print_button):
            button.setAutoDefault(True)
            self.leaf_row.addWidget(button)
            button.show()  # added to a shown bar: Qt does not show it by itself
        self.leaf_row.addStretch(1)
        # Trainer mode keeps no notes: no button that can only say so.
        self.save_button.setVisible(not getattr(self.window(), "trainer_mode", False))

    def _tick(self, action_id: str, on: bool) -> None:
        (self.done.add if on else self.done.discard)(action_id)

    # -- saving and printing ----------------------------------------------------------------------

    def ticked(self) -> list[str]:
        return [a.id for a in self.walk.checklist() if a.id in self.done]

    def _at_end_point(self) -> bool:
        return isinstance(self.walk.current, Leaf | StepNode)

    def save_note(self) -> bool:
        if not self._at_end_point():
            return False
        draft = note_draft(
            self.walk, self.ticked(), self.context, self.clock().date(), self.note_id
        )
        if not draft.observed:  # what was ticked on the checklist goes into the note too
            draft = draft.model_copy(update={"observed": self._observed_text()})
        return bool(self.window().save_as_note(draft))  # type: ignore[attr-defined]

    def _observed_text(self) -> str:
        """The checklist's signals as the checklist itself writes them into a note."""
        ctx = self.context
        if ctx is None or not (ctx.signals or ctx.urgent):
            return ""
        content = checklist_content()
        ticks, missing = ticks_from_context(content, ctx)
        text = summarise(content, ticks, urgent=ctx.urgent).observed_text()
        extra = [f"- {s.label} ({format_date(s.observed_on)})" for s in missing]
        return "\n".join(part for part in (text, *extra) if part)

    def print_route(self) -> bool:
        from docentwijzer.tree_pdf import contact_line as contact_text  # reportlab: loaded now
        from docentwijzer.tree_pdf import write_route_pdf

        if not self._at_end_point():
            return False
        typed = [self.context.model_dump_json()] if self.context is not None else []
        typed += [contact_text(contact) for contact in self.contacts]  # the profile's details
        if not dialogs.ok_to_print(self, *typed):
            return False
        saved = dialogs.save_pdf(
            self,
            title=t("tree.pdf_save_title"),
            suggested=str(Path.home() / t("tree.pdf_file")),
            filters=t("tree.pdf_filter"),
            write=lambda path: write_route_pdf(
                path, self.walk, self.ticked(), self.contacts, self.context, self.clock().date()
            ),
            failed_title=t("tree.pdf_failed_title"),
            done_title=t("tree.pdf_saved_title"),
            done=lambda path: t("tree.pdf_saved", path=str(path)),
        )
        return saved is not None
