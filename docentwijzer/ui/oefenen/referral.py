"""The end of a practice: walk the real referral tree, as after a real conversation.

The walk is :class:`docentwijzer.tree.Walk` over the packaged tree; the leaf's contacts come from
the institution profile, resolved exactly as in Beslisboom. At the leaf the panel says whether it
is where this conversation leads, and why.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from docentwijzer.handoff import Channel
from docentwijzer.helplines import help_content
from docentwijzer.i18n import t
from docentwijzer.oefenen import Ending, ReferralVerdict, referral_verdict, referral_walk
from docentwijzer.tree import (
    Leaf,
    Question,
    ResolvedContact,
    StepNode,
    TreeContent,
    Walk,
    is_office_hours,
    leaf_sources,
    resolve_contacts,
)

from docentwijzer.ui.oefenen.common import (
    ArrowKeys,
    WrapButton,
    answer_button,
    digit,
    set_rich,
    show_if,
)
from docentwijzer.ui.tree import load_profile
from docentwijzer.ui.widgets import card, heading, icon_button, paragraph, sources_line


def contacts_html(contacts: list[ResolvedContact], office_now: bool) -> str:
    """The leaf's contacts, one a line, in the order to try them now (as on the acute screen)."""
    lines = []
    if any(c.hours != "always" for c in contacts):
        lines.append(f"<i>{escape(t('tree.office_now' if office_now else 'tree.outside_now'))}</i>")
    for contact in contacts:
        who = escape(contact.title) + (f" — {escape(contact.note)}" if contact.note else "")
        if contact.number:
            lines.append(f"<b>{escape(contact.number)}</b> · {who}")
        elif contact.missing:
            lines.append(f"{who}: <i>{escape(t('tree.missing'))}</i>")
        else:
            lines.append(f"{who}: {escape(' '.join(contact.details))}")
    return "<br>".join(lines)


class ReferralPanel(QWidget):
    """One question of the tree at a time; at a leaf the verdict and the leaf itself."""

    #: Emitted once, when the walk first reaches a leaf (the practice counts as done).
    reached = Signal(object)

    def __init__(self, tree: TreeContent, clock: Callable[[], datetime]) -> None:
        super().__init__()
        self.setObjectName("referral")
        # Named: it holds the focus for a moment while the answers change (see render).
        self.setAccessibleName(t("oefenen.referral_title"))
        self.tree = tree
        self.clock = clock
        self.walk: Walk = referral_walk(tree)
        self.ending: Ending | None = None
        self.verdict: ReferralVerdict | None = None
        self.buttons: list[QPushButton] = []
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(10)
        title = heading(t("oefenen.referral_title"), 2)
        title.setObjectName("referralTitle")
        column.addWidget(title)
        column.addWidget(paragraph(t("oefenen.referral_intro"), muted=True))
        controls = QHBoxLayout()
        self.back_button = icon_button(
            "arrow-left", t("oefenen.referral_back"), t("oefenen.referral_back")
        )
        self.back_button.setObjectName("referralBack")
        self.back_button.clicked.connect(self.go_back)
        controls.addWidget(self.back_button)
        controls.addStretch(1)
        column.addLayout(controls)
        # Everything below changes at each step; it is hidden while it changes, so the page is
        # laid out once per step instead of once per widget shown or hidden.
        self.content = QWidget()
        body = QVBoxLayout(self.content)
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(10)
        column.addWidget(self.content)
        # A question: made once, new words at every step (cheaper than new widgets).
        self.question = heading("", 3)
        self.question.setObjectName("referralQuestion")
        self.question_help = paragraph("", muted=True)
        self.step_text = paragraph("", rich=True)
        self.pool: list[WrapButton] = []
        for widget in (self.question, self.question_help, self.step_text):
            body.addWidget(widget)
        # The leaf: made once too, filled when the walk gets there.
        self.verdict_label = paragraph("", rich=True)
        self.verdict_label.setObjectName("verdict")
        self.verdict_source = sources_line([])
        self.verdict_card = card(self.verdict_label, self.verdict_source, object_name="card")
        # At the leaf the verdict takes the focus, so a screen reader reads it first (as the
        # feedback does during the talk); Tab goes on from there.
        self.verdict_card.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.follow_button = QPushButton()
        self.follow_button.setObjectName("followIntended")
        self.follow_button.clicked.connect(self.follow_intended)
        self.leaf_title = heading("", 3)
        self.leaf_title.setObjectName("referralLeaf")
        self.leaf_actions = paragraph("", rich=True)
        self.leaf_contacts = paragraph("", rich=True)
        self.leaf_contacts.setObjectName("referralContacts")
        self.leaf_sources = sources_line([])
        self.leaf_widgets: list[QWidget] = [
            self.verdict_card,
            self.leaf_title,
            self.leaf_actions,
            self.leaf_contacts,
            self.leaf_sources,
        ]
        body.addWidget(self.verdict_card)
        body.addWidget(self.follow_button, 0, Qt.AlignmentFlag.AlignLeft)
        for widget in self.leaf_widgets[1:]:
            body.addWidget(widget)
        for widget in (*self.leaf_widgets, self.follow_button):
            widget.hide()
        # Where the guidance may lead on from a leaf (e.g. from doubt to the suicide guidance).
        self.onward_title = heading("", 3)
        self.onward_title.setObjectName("referralOnward")
        self.onward_title.hide()
        body.addWidget(self.onward_title)
        # The answers: below the question (the leaf's widgets are hidden then), and below the
        # leaf when it leads on.
        for number in range(1, 10):
            button = answer_button(number, "")
            button.setObjectName("referralAnswer")
            button.clicked.connect(lambda _=False, n=number: self.choose_number(n))
            body.addWidget(button)
            self.pool.append(button)
        self._arrows = ArrowKeys(list(self.pool))

    def reset(self, channel: Channel | None = None) -> None:
        """A fresh walk at the first question (done while hidden, when a practice starts)."""
        self.ending = None
        self.verdict = None
        self.walk = referral_walk(self.tree, channel or self.walk.channel)
        self.render()

    def start(self, ending: Ending) -> None:
        """The conversation has ended at ``ending``: the teacher walks the tree now."""
        if len(self.walk.path) > 1 or self.verdict is not None:
            self.reset()
        self.ending = ending

    # -- walking --------------------------------------------------------------------------

    def choose_number(self, number: int) -> bool:
        for option in self.walk.options():
            if option.number == number:
                self.walk.choose(option.target)
                self.render()
                return True
        return False

    def go_back(self) -> None:
        if self.walk.back():
            self.render()

    def follow_intended(self) -> None:
        """Walk the route to the leaf this conversation leads to (after a different leaf)."""
        if self.ending is None:
            return
        self.walk = referral_walk(self.tree, self.walk.channel)
        assert self.verdict is not None
        for crumb in self.verdict.route:
            target = next(o.target for o in self.walk.options() if o.label == crumb.answered)
            self.walk.choose(target)
        self.render()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        number = digit(event)
        if number is not None and self.choose_number(number):
            return
        if event.key() == Qt.Key.Key_Backspace and self.walk.can_go_back():
            self.go_back()
            return
        super().keyPressEvent(event)

    # -- showing --------------------------------------------------------------------------

    def render(self) -> None:
        focused = QApplication.focusWidget()
        had_focus = focused is not None and self.isAncestorOf(focused)
        shown = self.content.isVisible()
        if had_focus:
            # Parked here while the answers change: hiding a focused button would pass the
            # focus on along the window's Tab chain (to the help bar at the top).
            self.setFocus(Qt.FocusReason.OtherFocusReason)
        if shown:
            self.content.hide()
        self._fill()
        if shown:
            self.content.show()
        if had_focus:
            self.focus_first()

    def _fill(self) -> None:
        self.buttons = []
        self.back_button.setEnabled(self.walk.can_go_back())
        node = self.walk.current
        at_leaf = isinstance(node, Leaf)
        for widget in self.leaf_widgets:
            show_if(widget, at_leaf)
        show_if(self.follow_button, False)
        show_if(self.question, not isinstance(node, Leaf))
        show_if(self.question_help, isinstance(node, Question) and bool(node.help))
        show_if(self.step_text, isinstance(node, StepNode))
        onward = isinstance(node, Leaf) and bool(self.walk.options())
        show_if(self.onward_title, onward)
        if onward and isinstance(node, Leaf):
            self.onward_title.setText(node.onward_title or t("oefenen.referral_onward"))
            self.onward_title.setAccessibleName(self.onward_title.text())
        if isinstance(node, Question):
            self.question.setText(node.text)
            self.question.setAccessibleName(node.text)
            self.question_help.setText(node.help)
        elif isinstance(node, StepNode):
            self.question.setText(node.title)
            self.question.setAccessibleName(node.title)
            items = "".join(f"<li>{escape(a.text)}</li>" for a in node.actions)
            set_rich(self.step_text, f"<ol style='margin:0'>{items}</ol>")
        else:
            self._leaf(node)
        self._options()

    def focus_first(self) -> bool:
        """Focus the first answer, or at a leaf its verdict; False when there is none."""
        if isinstance(self.walk.current, Leaf) and self.verdict is not None:
            self.verdict_card.setFocus(Qt.FocusReason.OtherFocusReason)
            return True
        target = self.buttons[0] if self.buttons else self.follow_button
        if not target.isVisibleTo(self):
            return False
        target.setFocus(Qt.FocusReason.TabFocusReason)
        return True

    def _options(self) -> None:
        options = self.walk.options()
        for index, button in enumerate(self.pool):
            if index < len(options):
                option = options[index]
                button.set_text(f"{option.number}.  {option.label}", option.hint, option.label)
                show_if(button, True)
                self.buttons.append(button)
            else:
                show_if(button, False)

    def _leaf(self, leaf: Leaf) -> None:
        assert self.ending is not None
        first = self.verdict is None
        self.verdict = referral_verdict(self.walk, self.ending)
        assert self.verdict is not None
        verdict = self.verdict
        if verdict.matches:
            said = t("oefenen.verdict_match", leaf=leaf.title)
        else:
            said = t("oefenen.verdict_other", leaf=leaf.title, intended=verdict.intended.title)
        lines = [f"<b>{escape(said)}</b>", escape(self.ending.why)]
        if not verdict.matches:
            steps = "".join(
                f"<li>{escape(c.asked)} <b>{escape(c.answered)}</b></li>" for c in verdict.route
            )
            lines.append(f"{escape(t('oefenen.verdict_route'))}<ol style='margin:0'>{steps}</ol>")
        set_rich(self.verdict_label, "<br>".join(lines))
        sources = [self.ending.source] if self.ending.source is not None else []
        self.verdict_source.setText(t("app.sources", list="; ".join(x.label() for x in sources)))
        self.verdict_card.setAccessibleName(self.verdict_label.accessibleName())
        self.verdict_card.setAccessibleDescription(self.verdict_source.text())
        if not verdict.matches:
            self.follow_button.setText(t("oefenen.verdict_follow", leaf=verdict.intended.title))
            show_if(self.follow_button, True)

        # The leaf as Beslisboom shows it: what to do, whom to call (from the profile).
        now = self.clock()
        self.leaf_title.setText(leaf.title)
        self.leaf_title.setAccessibleName(leaf.title)
        # What to do first for how the worry arrived, then the leaf's actions (as in Beslisboom).
        first_steps = self.walk.first_steps()
        parts = []
        if first_steps:
            channel = t(f"tree.channel_short_{self.walk.channel}")
            steps = "".join(f"<li>{escape(a.text)}</li>" for a in first_steps)
            parts.append(
                f"<b>{escape(t('tree.first_steps', channel=channel))}</b>"
                f"<ol style='margin:0'>{steps}</ol>"
            )
        items = "".join(f"<li>{escape(a.text)}</li>" for a in leaf.actions)
        parts.append(f"<ol style='margin:0'>{items}</ol>")
        # "Wat je kunt zeggen": the tree's own phrase book, for this leaf and channel.
        phrases = self.walk.phrases()
        say = [p for p in phrases if p.kind != "avoid"]
        avoid = [p for p in phrases if p.kind == "avoid"]
        for title, chosen in (("tree.say_title", say), ("tree.avoid_title", avoid)):
            if chosen:
                lines = "".join(
                    f"<li>{escape(p.text)}"
                    + (f" <i>({escape(p.note)})</i>" if p.note else "")
                    + "</li>"
                    for p in chosen
                )
                parts.append(f"<b>{escape(t(title))}</b><ul style='margin:0'>{lines}</ul>")
        set_rich(self.leaf_actions, "".join(parts))
        profile, _notice = load_profile()
        contacts = resolve_contacts(leaf, profile, help_content(), now)
        set_rich(self.leaf_contacts, contacts_html(contacts, is_office_hours(now)))
        cited = [
            *leaf_sources(leaf, follow_up=False),
            *(a.source for a in first_steps),
            *(p.source for p in phrases),
        ]
        labels = list(dict.fromkeys(x.label() for x in cited))
        self.leaf_sources.setText(t("app.sources", list="; ".join(labels)))
        if first:
            self.reached.emit(leaf)
