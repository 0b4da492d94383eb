"""The referral tree screen: one question at a time, urgency first, ending at a leaf.

The walk, the contacts, the note draft and the PDF all come from the core
(:mod:`docentwijzer.tree`); this module only shows the current node and passes on clicks and keys.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from html import escape
from pathlib import Path

from pydantic import ValidationError
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QIcon, QKeyEvent, QKeySequence, QMouseEvent, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QCommandLinkButton,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from docentwijzer.checklist import checklist_content, summarise, ticks_from_context
from docentwijzer.dates import format_date
from docentwijzer.handoff import Reopen, SignalContext
from docentwijzer.helplines import help_content
from docentwijzer.i18n import t
from docentwijzer.profile import InstitutionProfile, ProfileStore
from docentwijzer.tree import (
    Leaf,
    Question,
    ResolvedContact,
    RouteError,
    StepNode,
    TreeContent,
    Walk,
    follow_up_date,
    is_office_hours,
    leaf_sources,
    note_draft,
    resolve_contacts,
    tree_content,
)

from docentwijzer.ui import dialogs
from docentwijzer.ui.screen import Screen
from docentwijzer.ui.theme import plain_text
from docentwijzer.ui.widgets import (
    action_bar,
    card,
    heading,
    paragraph,
    primary_button,
    sources_line,
)

Clock = Callable[[], datetime]


def load_profile() -> tuple[InstitutionProfile, str | None]:
    """The institution profile as saved now (re-read each time, so edits show at once)."""
    loaded = ProfileStore().load()
    return loaded.value, loaded.notice


# -- pieces shared with the acute screen -------------------------------------------------------


def contact_card(contact: ResolvedContact) -> QWidget:
    """One contact: who, the number in bold (or "vul in bij Instellingsgegevens"), why, details."""
    lines = [f"<b>{escape(contact.title)}</b>"]
    if contact.note:
        lines[0] += f" — {escape(contact.note)}"
    if contact.number:
        lines.append(f"<span style='font-size:large'><b>{escape(contact.number)}</b></span>")
    elif contact.missing:
        lines.append(f"<i>{escape(t('tree.missing'))}</i>")
    lines += [escape(detail) for detail in contact.details]
    if contact.national and contact.checked:
        lines.append(f"<small>{escape(t('tree.numbers_checked', date=contact.checked))}</small>")
    elif contact.checked and not contact.national and contact.number:
        lines.append(f"<small>{escape(t('tree.contact_checked', date=contact.checked))}</small>")
    label = paragraph("<br>".join(lines), rich=True)
    label.setObjectName(f"contact_{contact.key}")
    label.setAccessibleName(plain_text(label.text()))  # words, not HTML
    box = card(label, object_name="card")
    box.setProperty("missing", contact.missing)
    return box


def contact_line(contact: ResolvedContact) -> QLabel:
    """One contact on one line (the acute screen: the details are in the numbers table)."""
    who = escape(contact.title) + (f" — {escape(contact.note)}" if contact.note else "")
    if contact.number:
        text = f"<b>{escape(contact.number)}</b> · {who}"
    elif contact.missing:
        text = f"{who}: <i>{escape(t('tree.missing'))}</i>"
    else:
        text = f"{who}: {escape(' '.join(contact.details))}"
    label = paragraph(text, rich=True)
    label.setObjectName(f"contact_{contact.key}")
    return label


def contacts_block(
    contacts: Sequence[ResolvedContact], office_now: bool, *, compact: bool = False
) -> QWidget:
    host = QWidget()
    column = QVBoxLayout(host)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(6)
    if any(c.hours != "always" for c in contacts):
        column.addWidget(
            paragraph(t("tree.office_now" if office_now else "tree.outside_now"), muted=True)
        )
    for contact in contacts:
        column.addWidget(contact_line(contact) if compact else contact_card(contact))
    return host


class _ActionItem(QWidget):
    """A check box with a wrapping label (a QCheckBox's own text does not wrap at 200%)."""

    def __init__(self, number: int, text: str, checked: bool) -> None:
        super().__init__()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 2, 0, 2)
        # outlined in the text colour and sized from the font, as on the checklist: the plain
        # Fusion box is a faint grey square in light mode and on a projector
        self.box = QCheckBox()
        self.box.setObjectName("actionBox")
        self.box.setChecked(checked)
        self.box.setAccessibleName(text)
        self.text = f"{number}. {text}"
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.box.toggled.connect(self._mark)
        self._mark(checked)
        self.label.setBuddy(self.box)
        self.label.mousePressEvent = self._toggle  # type: ignore[method-assign]
        row.addWidget(self.box, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.label, 1)

    def _mark(self, on: bool) -> None:
        # A visible tick next to the text too: "done" is never told by colour alone.
        self.label.setText(f"✓ {self.text}" if on else self.text)

    def _toggle(self, _event: QMouseEvent) -> None:
        self.box.toggle()
        self.box.setFocus(Qt.FocusReason.MouseFocusReason)


class _ArrowKeys(QObject):
    """Up/Down move between the answer buttons (instead of scrolling the page)."""

    def __init__(self, buttons: list[QCommandLinkButton]) -> None:
        super().__init__()
        self.buttons = buttons

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress:
            step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1}.get(Qt.Key(event.key()))
            if step is not None and watched in self.buttons:
                index = self.buttons.index(watched)  # type: ignore[arg-type]
                target = self.buttons[(index + step) % len(self.buttons)]
                target.setFocus(Qt.FocusReason.TabFocusReason)
                return True
        return False


# -- the screen ----------------------------------------------------------------------------------


class TreeScreen(Screen):
    area_id = "beslisboom"
    #: "Now", injectable for tests (office hours, follow-up date).
    clock: Clock = staticmethod(datetime.now)  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.tree: TreeContent = tree_content()
        self.walk = Walk(self.tree)
        self.context: SignalContext | None = None
        self.suggested_node: str | None = None
        self.note_id: str | None = None
        self.done: set[str] = set()
        self.answer_buttons: list[QCommandLinkButton] = []
        self.action_items: dict[str, _ActionItem] = {}
        self.contacts: list[ResolvedContact] = []
        self._arrows: _ArrowKeys | None = None

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

        self.crumbs = paragraph("", rich=True)
        self.crumbs.setObjectName("breadcrumb")
        self.body.addWidget(self.crumbs)

        self.node_host = QWidget()
        self.node_column = QVBoxLayout(self.node_host)
        self.node_column.setContentsMargins(0, 0, 0, 0)
        self.node_page: QWidget | None = None
        self.body.addWidget(self.node_host)
        self.body.addStretch(1)
        self._build_leaf_bar()
        self.render()

    def _build_leaf_bar(self) -> None:
        """At a leaf, "save as note" and "print" stay in view below the page (no scrolling)."""
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
            self.context = payload
            self.suggested_node = payload.suggested_node
            self.note_id = None
            self.done = set()
            if payload.urgent:
                self.walk.go_urgent()
            else:
                self.walk.restart()
        elif isinstance(payload, Reopen) and payload.kind == "route":
            self.note_id = payload.note_id
            self.suggested_node = None
            data, checklist = payload.data, None
            if isinstance(data.get("route"), dict):  # handed the whole link of a note
                data, checklist = data["route"], data.get("checklist")
            try:
                self.context = SignalContext.model_validate(checklist) if checklist else None
            except ValidationError:
                self.context = None
            if payload.pseudonym and self.context is None:
                self.context = SignalContext(pseudonym=payload.pseudonym)
            try:
                self.walk, done = Walk.restore(self.tree, data)
            except RouteError:
                self.walk = Walk(self.tree)
                done = []
                dialogs.info(self, t("tree.title"), t("tree.reopen_failed"))
            self.done = set(done)
        else:
            return
        self.render()

    # -- walking ----------------------------------------------------------------------------------

    def choose(self, target: str) -> None:
        if isinstance(self.walk.current, Leaf):
            return
        self.walk.choose(target)
        self.done = set()
        self.render()

    def choose_number(self, number: int) -> bool:
        for option in self.walk.options():
            if option.number == number:
                self.choose(option.target)
                return True
        return False

    def go_back(self) -> None:
        if self.walk.back():
            self.done = set()
            self.render()

    def restart(self) -> None:
        self.walk.restart()
        self.done = set()
        self.render()

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
        suggested = self.walk.suggested(self.suggested_node)
        if self.answer_buttons:
            index = suggested.number - 1 if suggested else 0
            self.answer_buttons[index].setFocus(Qt.FocusReason.TabFocusReason)
        elif self.action_items:
            next(iter(self.action_items.values())).box.setFocus(Qt.FocusReason.TabFocusReason)
        else:
            super().focus_first()

    # -- showing ----------------------------------------------------------------------------------

    def render(self) -> None:
        self._render_context()
        self._render_crumbs()
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
        self.action_items = {}
        node = self.walk.current
        if isinstance(node, Question):
            self._render_question(node)
        elif isinstance(node, StepNode):
            self._render_step(node)
        else:
            self._render_leaf(node)
        self.node_column.addWidget(self.node_page)
        self.node_page.show()
        self._render_leaf_bar(isinstance(node, Leaf))
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
        self.context_label.setText("".join(parts))
        self.context_panel.show()

    def _render_crumbs(self) -> None:
        crumbs = self.walk.breadcrumb()
        if not crumbs:
            self.crumbs.setText(escape(t("tree.route_empty")))
            return
        steps = "".join(f"<li>{escape(c.asked)} <b>{escape(c.answered)}</b></li>" for c in crumbs)
        self.crumbs.setText(f"{escape(t('tree.route'))}:<ol style='margin:0'>{steps}</ol>")
        self.crumbs.setAccessibleName(plain_text(self.crumbs.text()))

    def _answer_button(
        self, number: int, label: str, hint: str, urgent: bool
    ) -> QCommandLinkButton:
        button = QCommandLinkButton(f"{number}.  {label}", hint)
        # Without an explicit font a command link keeps a fixed 9 pt: unreadable at 200%.
        font = QApplication.font()
        font.setPointSizeF(font.pointSizeF() * 1.1)
        button.setFont(font)
        button.setIcon(QIcon())  # the number says enough; the default arrow vanishes in dark mode
        button.setObjectName("urgentAnswer" if urgent else "answer")
        button.setAutoDefault(True)
        button.setAccessibleName(label)
        button.setAccessibleDescription(hint)
        return button

    def _add_options(self) -> None:
        suggested = self.walk.suggested(self.suggested_node)
        for option in self.walk.options():
            hint = option.hint
            if suggested is not None and option.target == suggested.target:
                hint = f"{hint} · ★ {t('tree.suggested')}" if hint else f"★ {t('tree.suggested')}"
            button = self._answer_button(option.number, option.label, hint, option.urgent)
            button.setProperty("suggested", suggested is not None and option == suggested)
            button.clicked.connect(lambda _=False, target=option.target: self.choose(target))
            self.node_layout.addWidget(button)
            self.answer_buttons.append(button)
        self._arrows = _ArrowKeys(self.answer_buttons)
        for button in self.answer_buttons:
            button.installEventFilter(self._arrows)
        hint_label = paragraph(t("tree.keys_hint", count=len(self.answer_buttons)), muted=True)
        self.node_layout.addWidget(hint_label)

    def _render_question(self, node: Question) -> None:
        self.node_layout.addWidget(heading(node.text, 2))
        if node.help:
            self.node_layout.addWidget(paragraph(node.help, muted=True))
        self._add_options()
        self.node_layout.addWidget(sources_line([node.source]))

    def _render_step(self, node: StepNode) -> None:
        self.node_layout.addWidget(heading(node.title, 2))
        if node.intro:
            self.node_layout.addWidget(paragraph(node.intro))
        items = "".join(f"<li>{escape(a.text)}</li>" for a in node.actions)
        self.node_layout.addWidget(paragraph(f"<ol>{items}</ol>", rich=True))
        self.node_layout.addWidget(sources_line(leaf_sources(node)))
        self._add_options()

    def _render_leaf(self, leaf: Leaf) -> None:
        now = self.clock()
        title = heading(leaf.title, 2)
        title.setObjectName("leafTitle")
        self.node_layout.addWidget(title)
        if leaf.summary:
            self.node_layout.addWidget(paragraph(leaf.summary, muted=True))

        self.node_layout.addWidget(heading(t("tree.actions"), 3))
        self.node_layout.addWidget(paragraph(t("tree.actions_hint"), muted=True))
        for number, action in enumerate(leaf.actions, start=1):
            item = _ActionItem(number, action.text, action.id in self.done)
            item.box.toggled.connect(lambda on, a=action.id: self._tick(a, on))
            self.action_items[action.id] = item
            self.node_layout.addWidget(item)

        self.node_layout.addWidget(heading(t("tree.contacts"), 3))
        profile, notice = load_profile()
        if notice:
            self.node_layout.addWidget(
                paragraph(t("tree.profile_notice", notice=notice), muted=True)
            )
        contacts = resolve_contacts(leaf, profile, help_content(), now)
        self.contacts = contacts
        self.node_layout.addWidget(contacts_block(contacts, is_office_hours(now)))
        if any(c.missing for c in contacts):
            go = QPushButton(t("tree.open_profile"))
            go.setObjectName("openProfile")
            go.clicked.connect(lambda: self.window().navigate("instelling"))  # type: ignore[attr-defined]
            self.node_layout.addWidget(go, 0, Qt.AlignmentFlag.AlignLeft)

        self.node_layout.addWidget(heading(t("tree.follow_up"), 3))
        suggested = format_date(follow_up_date(leaf, now.date()))
        follow = paragraph(f"{leaf.follow_up.text} {t('tree.follow_up_date', date=suggested)}")
        follow.setObjectName("followUp")
        self.node_layout.addWidget(follow)

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

        sources = [*leaf_sources(leaf), *(p.source for p in self.tree.your_role)]
        sources += [c.source for c in contacts if c.source is not None]
        self.node_layout.addWidget(sources_line(sources))

    def _render_leaf_bar(self, at_leaf: bool) -> None:
        """Fresh buttons after the page, so Tab reaches them after the page's own controls."""
        while (item := self.leaf_row.takeAt(0)) is not None:
            if (widget := item.widget()) is not None:
                widget.hide()
                widget.deleteLater()
        self.leaf_bar.setVisible(at_leaf)
        if not at_leaf:
            return
        self.save_button = primary_button(t("tree.save_note"))
        self.save_button.setObjectName("saveNote")
        self.save_button.setToolTip(t("tree.save_note_tip"))
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
        node = self.walk.current
        if not isinstance(node, Leaf):
            return []
        return [a.id for a in node.actions if a.id in self.done]

    def save_note(self) -> bool:
        if not isinstance(self.walk.current, Leaf):
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
        from docentwijzer.pdf import PdfWriteError  # reportlab: loaded when a PDF is made
        from docentwijzer.tree_pdf import contact_line as contact_text
        from docentwijzer.tree_pdf import write_route_pdf

        if not isinstance(self.walk.current, Leaf):
            return False
        typed = [self.context.model_dump_json()] if self.context is not None else []
        typed += [contact_text(contact) for contact in self.contacts]  # the profile's details
        if not dialogs.ok_to_print(self, *typed):
            return False
        chosen = dialogs.ask_save_file(
            self,
            t("tree.pdf_save_title"),
            str(Path.home() / t("tree.pdf_file")),
            t("tree.pdf_filter"),
        )
        if not chosen:
            return False
        path = Path(chosen)
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        try:
            write_route_pdf(
                path, self.walk, self.ticked(), self.contacts, self.context, self.clock().date()
            )
        except PdfWriteError as exc:
            dialogs.warn(self, t("tree.pdf_failed_title"), str(exc))
            return False
        dialogs.info(self, t("tree.pdf_saved_title"), t("tree.pdf_saved", path=str(path)))
        return True
