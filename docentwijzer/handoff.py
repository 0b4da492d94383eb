"""What one tool hands to another: the seams between screens, as plain data.

The signalling checklist hands a :class:`SignalContext` to the referral tree; any tool hands
a :class:`NoteDraft` to the notes store. Keeping these in the core lets each tool be built and
tested on its own.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

#: How a worry reached the teacher: the student is with you or you saw it yourself; at a
#: distance (e-mail, chat, phone, something written); or through someone else (a colleague or
#: fellow student told you). A setting of the whole walk, never an answer; ``tree.Channel``.
Channel = Literal["in_person", "distance", "via_other"]


class ObservedSignal(BaseModel):
    """One ticked signal with what the teacher saw."""

    model_config = ConfigDict(extra="forbid")

    signal_id: str
    label: str
    observation: str = ""
    observed_on: date = Field(default_factory=date.today)


class SignalContext(BaseModel):
    """Context carried from the checklist into the referral tree."""

    model_config = ConfigDict(extra="forbid")

    pseudonym: str | None = None
    signals: list[ObservedSignal] = Field(default_factory=list)
    #: The teacher marked the situation as urgent: the tree opens at the urgent branch.
    urgent: bool = False
    #: Optional node id the tree should emphasise (e.g. the conversation step): the earliest
    #: of ``suggested_nodes`` in the tree's order.
    suggested_node: str | None = None
    #: Every node the ticked signals point to; the tree marks the answer leading to any of them.
    suggested_nodes: list[str] = Field(default_factory=list)
    #: How the worry arrived, when the ticked signals tell (e.g. "others voiced concern").
    channel: Channel | None = None


NoteOrigin = Literal["manual", "checklist", "route", "openheid"]


class NoteFields(BaseModel):
    """What a note records, shared by a proposed draft and a stored note."""

    model_config = ConfigDict(extra="forbid")

    observed: str = ""
    done: str = ""
    follow_up: date | None = None
    text: str = ""
    tags: list[str] = Field(default_factory=list)
    origin: NoteOrigin = "manual"
    #: Structured link back to where it came from: ``{"checklist": SignalContext dump}``,
    #: ``{"route": route dump}`` or ``{"openheid": exercise result dump}``.
    link: dict[str, Any] = Field(default_factory=dict)


class NoteDraft(NoteFields):
    """A note a tool proposes; the notes screen lets the teacher edit it before saving."""

    pseudonym: str | None = None
    #: Set when the draft updates an existing note (e.g. a reopened exercise saved again).
    note_id: str | None = None


#: Which area reopens a note's link, by link key.
REOPEN_AREAS: dict[str, str] = {
    "checklist": "signalering",
    "route": "beslisboom",
    "openheid": "openheid",
}


class Reopen(BaseModel):
    """Sent by the notes screen to a tool: show this saved result again so it can be changed."""

    model_config = ConfigDict(extra="forbid")

    kind: str
    data: dict[str, Any]
    note_id: str
    pseudonym: str | None = None
