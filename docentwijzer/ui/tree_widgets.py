"""Pieces of the referral tree screen, shared with the acute screen: contact cards, tickable
actions, the arrow keys between answers, the channel choice and "Wat je kunt zeggen".

They are plain widgets built from the shared helpers in :mod:`docentwijzer.ui.widgets`, so the
app's styling (tokens, focus ring) applies to them as to every other screen.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from docentwijzer.dates import format_stored
from docentwijzer.i18n import t
from docentwijzer.sources import Source, cited_once
from docentwijzer.tree import CHANNELS, Channel, Phrase, PhraseKind, ResolvedContact, channel_label

from docentwijzer.ui.widgets import card, heading, paragraph, small

# -- pieces shared with the acute screen -------------------------------------------------------


def sources_block(sources: Iterable[Source]) -> QLabel:
    """The sources under a page: each publication once, with the sections to look up.

    One source reads "Bron: ..." on one line; several are a short list under "Bronnen", so the
    eye finds them and a screen reader reads them as words.
    """
    cited = cited_once(sources)
    if len(cited) <= 1:
        text = t("app.sources", list="".join(cited))
        label = paragraph(text, muted=True)
    else:
        items = "".join(f"<li>{escape(line)}</li>" for line in cited)
        html = f"{escape(t('tree.sources_title'))}<ul style='margin:0'>{items}</ul>"
        label = paragraph(html, muted=True, rich=True)
        text = t("tree.sources_title") + " " + " · ".join(cited)
    label.setObjectName("source")
    label.setAccessibleName(text)
    return small(label)


def contact_card(contact: ResolvedContact) -> QWidget:
    """One contact: who, the number in bold (or "vul in bij Instellingsgegevens"), why, details."""
    who = contact.title + (f" — {contact.note}" if contact.note else "")
    lines = [f"<b>{escape(contact.title)}</b>"]
    if contact.note:
        lines[0] += f" — {escape(contact.note)}"
    plain = [who]
    if contact.number:
        lines.append(f"<span style='font-size:large'><b>{escape(contact.number)}</b></span>")
        plain.append(contact.number)
    elif contact.missing:
        lines.append(f"<i>{escape(t('tree.missing'))}</i>")
        plain.append(t("tree.missing"))
    lines += [escape(detail) for detail in contact.details]
    plain += list(contact.details)
    checked = ""
    if contact.national and contact.checked:
        checked = t("tree.numbers_checked", date=format_stored(contact.checked))
    elif contact.checked and not contact.national and contact.number:
        checked = t("tree.contact_checked", date=format_stored(contact.checked))
    if checked:
        lines.append(f"<small>{escape(checked)}</small>")
        plain.append(checked)
    label = paragraph("<br>".join(lines), rich=True)
    label.setObjectName(f"contact_{contact.key}")
    label.setAccessibleName(". ".join(plain))  # a screen reader reads words, not markup
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


class ActionItem(QWidget):
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


class ArrowKeys(QObject):
    """Up/Down move between the answer buttons (instead of scrolling the page)."""

    def __init__(self, buttons: Sequence[QAbstractButton]) -> None:
        super().__init__()
        self.buttons = list(buttons)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress:
            step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1}.get(Qt.Key(event.key()))
            if step is not None and watched in self.buttons:
                index = self.buttons.index(watched)  # type: ignore[arg-type]
                target = self.buttons[(index + step) % len(self.buttons)]
                target.setFocus(Qt.FocusReason.TabFocusReason)
                return True
        return False


class ChannelChoice(QWidget):
    """How the worry arrived: one compact, keyboard-reachable choice for the whole walk."""

    changed = Signal(str)

    def __init__(self, channel: Channel) -> None:
        super().__init__()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel(t("tree.channel_question"))
        self.label.setWordWrap(True)
        self.combo = QComboBox()
        self.combo.setObjectName("channelChoice")
        # Its width follows the page, not its longest item: at 200% text the row still fits
        # (the open list shows every item in full).
        self.combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.combo.setMinimumContentsLength(16)
        self.combo.setAccessibleName(t("tree.channel_question"))
        self.combo.setToolTip(t("tree.channel_tip"))
        for value in CHANNELS:
            self.combo.addItem(channel_label(value), value)
        self.label.setBuddy(self.combo)
        self.set_channel(channel)
        self.combo.currentIndexChanged.connect(self._changed)
        row.addWidget(self.label)
        row.addWidget(self.combo, 1)

    def channel(self) -> Channel:
        value: Channel = self.combo.currentData()
        return value

    def set_channel(self, channel: Channel) -> None:
        self.combo.blockSignals(True)
        self.combo.setCurrentIndex(self.combo.findData(channel))
        self.combo.blockSignals(False)

    def _changed(self, _index: int) -> None:
        self.changed.emit(self.channel())


#: The order and headings of "Wat je kunt zeggen".
SAY_ORDER: tuple[PhraseKind, ...] = ("opener", "ask", "listen", "secrecy", "close")


def say_block(phrases: Sequence[Phrase]) -> QWidget:
    """ "Wat je kunt zeggen": example sentences by purpose, then what not to say."""
    parts: list[str] = []
    for kind in SAY_ORDER:
        found = [p for p in phrases if p.kind == kind]
        if not found:
            continue
        items = "".join(
            f"<li>{escape(p.text)}" + (f" <i>({escape(p.note)})</i>" if p.note else "") + "</li>"
            for p in found
        )
        parts.append(f"<b>{escape(t(f'tree.say_{kind}'))}</b><ul style='margin:0'>{items}</ul>")
    avoid = [p for p in phrases if p.kind == "avoid"]
    body = paragraph("".join(parts), rich=True)
    body.setObjectName("sayPhrases")
    body.setAccessibleName(t("tree.say_title"))
    children: list[QWidget] = [heading(t("tree.say_title"), 3), body]
    if avoid:
        items = "".join(
            f"<li>{escape(p.text)}" + (f" — {escape(p.note)}" if p.note else "") + "</li>"
            for p in avoid
        )
        children.append(heading(t("tree.avoid_title"), 3))
        avoid_label = paragraph(f"<ul style='margin:0'>{items}</ul>", rich=True)
        avoid_label.setObjectName("avoidPhrases")
        avoid_label.setAccessibleName(t("tree.avoid_title"))
        children.append(avoid_label)
    box = card(*children)  # styled as every card; found by its accessible name
    box.setAccessibleName(t("tree.say_title"))
    return box
