"""Check-ins: after a referral, planned moments to ask how it went, and what came of it.

A note carries a plan of one or more check-ins ("ask whether the contact with the student
psychologist worked out", and a date). They live in the notes' encrypted vault (table
``checkins``, schema version 2 in :mod:`docentwijzer.notes`), are changed in the same write as
their note and are deleted with it. A note's ``follow_up`` is kept equal to the date of its first
open check-in, so the list, the filters and the PDF show the next one.

Defaults come from the referral tree: a route's leaf suggests the date (``tree.follow_up_date``;
urgent leaves the next calendar day) and what to ask (the leaf's follow-up text). Recording an
outcome offers the next step from the same leaf (:func:`next_step`): who else to try, or the
guidance for a student who does not want help (now), and a later check-in.

While the notes are locked nothing here can be read. Start may still say *how many* check-ins
are planned and whether one is due: :class:`Hint`, a small plaintext file next to the vault with
two values only (a count and the first date), declared in docs/privacy.md.
"""

from __future__ import annotations

import contextlib
import sqlite3
import uuid
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field

from docentwijzer.i18n import Lang, t
from docentwijzer.notes import Note, NotesStore, add_months
from docentwijzer.notes import _text as storable
from docentwijzer.storage import load_document, save_document
from docentwijzer.tree import (
    CONVERSATION_STEP,
    DESTINATIONS,
    Leaf,
    StepNode,
    TreeContent,
    follow_up_date,
)

#: What came of a check-in: it worked out, partly, it did not, or the student does not want
#: help (now).
Outcome = Literal["succeeded", "partly", "not_succeeded", "declined"]
OUTCOMES: tuple[Outcome, ...] = get_args(Outcome)
#: Where a student who does not want help (now) is guided: the tree's own leaf for it.
DECLINED_LEAF = "GEEN_HULP"
#: Where "it did not work out" leads when the check-in follows no route: consult someone.
CONSULT_LEAF = "OVERLEG"
#: "Within a week": the days after today that count as coming up.
WEEK_DAYS = 7
#: A check-in planned by hand, without a route to suggest a date: one week from today.
DEFAULT_DAYS = 7

#: Where a note's route ends (as indexed in notes.py, so counting reads no note).
_ROUTE_END = "json_extract(link, '$.route.path[#-1]')"
_COLUMNS = "id, note_id, due, ask, leaf, created, outcome, outcome_note, done_on"


class CheckIn(BaseModel):
    """One planned moment to ask how it went; ``outcome`` is None until it is recorded."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    id: str = Field(default_factory=lambda: uuid.uuid4().hex)
    note_id: str = ""
    due: date
    #: What to ask. Empty: the follow-up text of ``leaf`` (in the language of the moment).
    ask: str = ""
    #: The tree node this check-in follows up (a leaf, or the conversation step), or None.
    leaf: str | None = None
    created: datetime = Field(default_factory=datetime.now)
    outcome: Outcome | None = None
    #: The teacher's one line about the outcome.
    outcome_note: str = ""
    done_on: date | None = None

    @property
    def is_open(self) -> bool:
        return self.outcome is None

    def question(self, tree: TreeContent | None = None) -> str:
        """What to ask: the teacher's words, else the follow-up text of the leaf."""
        if self.ask.strip() or tree is None:
            return self.ask.strip()
        node = _dated_node(tree, self.leaf)
        return node.follow_up.text if node is not None and node.follow_up is not None else ""


def _checkin(row: Sequence[Any]) -> CheckIn:
    return CheckIn(
        id=row[0],
        note_id=row[1],
        due=date.fromisoformat(row[2]),
        ask=row[3],
        leaf=row[4],
        created=datetime.fromisoformat(row[5]),
        outcome=row[6],
        outcome_note=row[7],
        done_on=date.fromisoformat(row[8]) if row[8] else None,
    )


def _row(checkin: CheckIn) -> tuple[object, ...]:
    return (
        checkin.id,
        checkin.note_id,
        checkin.due.isoformat(),
        storable(checkin.ask),
        checkin.leaf,
        checkin.created.isoformat(),
        checkin.outcome,
        storable(checkin.outcome_note),
        checkin.done_on.isoformat() if checkin.done_on else None,
    )


def _db(store: NotesStore) -> sqlite3.Connection:
    return store.database()


def _upsert(db: sqlite3.Connection, checkins: Iterable[CheckIn]) -> None:
    db.executemany(
        f"INSERT OR REPLACE INTO checkins ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [_row(c) for c in checkins],
    )


# -- reading --------------------------------------------------------------------------------------


def plan(store: NotesStore, note_id: str) -> list[CheckIn]:
    """A note's check-ins, open and recorded, by date."""
    rows = _db(store).execute(
        f"SELECT {_COLUMNS} FROM checkins WHERE note_id = ? ORDER BY due, created", (note_id,)
    )
    return [_checkin(row) for row in rows]


def get(store: NotesStore, checkin_id: str) -> CheckIn | None:
    row = (
        _db(store)
        .execute(f"SELECT {_COLUMNS} FROM checkins WHERE id = ?", (checkin_id,))
        .fetchone()
    )
    return _checkin(row) if row else None


def open_count(store: NotesStore) -> int:
    (count,) = _db(store).execute("SELECT count(*) FROM checkins WHERE outcome IS NULL").fetchone()
    return int(count)


@dataclass(frozen=True, slots=True)
class DueItem:
    """One open check-in in a due list: enough to show it and open its note."""

    checkin_id: str
    note_id: str
    pseudonym: str
    due: date
    ask: str
    leaf: str | None


@dataclass(frozen=True)
class DueList:
    """Open check-ins that need attention: overdue, due today, and within a week."""

    today: date
    overdue: tuple[DueItem, ...] = ()
    due_today: tuple[DueItem, ...] = ()
    this_week: tuple[DueItem, ...] = ()

    @property
    def due_count(self) -> int:
        """Overdue or due today: what the start-up message counts."""
        return len(self.overdue) + len(self.due_today)

    def __len__(self) -> int:
        return len(self.overdue) + len(self.due_today) + len(self.this_week)

    def items(self) -> tuple[DueItem, ...]:
        return (*self.overdue, *self.due_today, *self.this_week)


def week_end(today: date) -> date:
    """The last day that counts as "within a week" (today plus seven days)."""
    return today + timedelta(days=WEEK_DAYS)


def due_list(store: NotesStore, today: date | None = None) -> DueList:
    """Open check-ins due up to a week from ``today``, earliest first (one indexed query)."""
    today = today or store.today()
    rows = _db(store).execute(
        "SELECT c.id, c.note_id, n.pseudonym, c.due, c.ask, c.leaf FROM checkins c "
        "JOIN notes n ON n.id = c.note_id "
        "WHERE c.outcome IS NULL AND c.due <= ? ORDER BY c.due, n.pseudonym, c.created",
        (week_end(today).isoformat(),),
    )
    overdue: list[DueItem] = []
    on_day: list[DueItem] = []
    soon: list[DueItem] = []
    for checkin_id, note_id, pseudonym, due, ask, leaf in rows:
        day = date.fromisoformat(due)
        item = DueItem(checkin_id, note_id, pseudonym, day, ask, leaf)
        (overdue if day < today else on_day if day == today else soon).append(item)
    return DueList(today, tuple(overdue), tuple(on_day), tuple(soon))


# -- defaults from the tree -----------------------------------------------------------------------


def _follow_up_node(tree: TreeContent, node_id: str | None) -> Leaf | None:
    """The leaf ``node_id`` names, when it is one (its follow-up suggests date and question)."""
    if not node_id:
        return None
    try:
        node = tree.node(node_id)
    except KeyError:
        return None
    return node if isinstance(node, Leaf) else None


def _dated_node(tree: TreeContent, node_id: str | None) -> Leaf | StepNode | None:
    """The leaf, or the parked conversation step, whose follow-up suggests a date and question."""
    if node_id == CONVERSATION_STEP:
        step = tree.node(node_id)
        if isinstance(step, StepNode) and step.follow_up is not None:
            return step
    return _follow_up_node(tree, node_id)


def route_node(link: dict[str, Any]) -> str | None:
    """The tree node a note's link ends at: the route's last node, else the node the checklist
    pointed to."""
    route = link.get("route")
    if isinstance(route, dict):
        path = route.get("path")
        if isinstance(path, list) and path and isinstance(path[-1], str):
            return path[-1]
    context = link.get("checklist")
    if isinstance(context, dict):
        suggested = context.get("suggested_node")
        if isinstance(suggested, str):
            return suggested
    return None


def suggest(tree: TreeContent, node_id: str | None, today: date) -> CheckIn:
    """A check-in as the tree suggests it after ``node_id``: its follow-up date and text.

    Without a node (a note written by hand) the date is a week from today and the question is
    the teacher's to write.
    """
    node = _dated_node(tree, node_id)
    if node is None:
        return CheckIn(due=today + timedelta(days=DEFAULT_DAYS), leaf=None)
    # The question stays empty: the leaf's follow-up text is shown, in the language of the day.
    return CheckIn(due=follow_up_date(node, today), leaf=node.id)


def default_plan(tree: TreeContent, note: Note, today: date) -> list[CheckIn]:
    """The plan a new note starts with: one check-in when the note comes from a route (or a
    checklist that points at the tree), on the note's follow-up date if it has one."""
    node_id = route_node(note.link)
    if node_id is None and note.follow_up is None:
        return []
    suggestion = suggest(tree, node_id, today)
    if note.follow_up is not None:
        suggestion = suggestion.model_copy(update={"due": note.follow_up})
    elif suggestion.leaf is None:
        return []
    return [suggestion.model_copy(update={"note_id": note.id})]


# -- changing (each change is one write of the vault, together with its note) ---------------------


def save_note(store: NotesStore, note: Note, checkins: Sequence[CheckIn]) -> Note:
    """Save ``note`` with its open check-ins as given: new ones added, changed ones updated,
    open ones left out removed. Recorded check-ins are never touched here."""
    wanted = [c.model_copy(update={"note_id": note.id}) for c in checkins if c.is_open]
    first = min((c.due for c in wanted), default=None)
    keep = [c.id for c in wanted]

    def write(db: sqlite3.Connection) -> None:
        marks = ",".join("?" * len(keep))
        db.execute(
            "DELETE FROM checkins WHERE note_id = ? AND outcome IS NULL"
            + (f" AND id NOT IN ({marks})" if keep else ""),
            (note.id, *keep),
        )
        recorded = {
            row[0]
            for row in db.execute(
                "SELECT id FROM checkins WHERE note_id = ? AND outcome IS NOT NULL", (note.id,)
            )
        }
        _upsert(db, (c for c in wanted if c.id not in recorded))

    return store.save(note.model_copy(update={"follow_up": first}), also=write)


def save_keeping_plan(store: NotesStore, note: Note, tree: TreeContent) -> Note:
    """Save ``note`` by itself (no plan edited): its open check-ins stay as they are; a note
    with a follow-up date and no open check-in gets one on that date, as its leaf suggests."""
    current = [c for c in plan(store, note.id) if c.is_open]
    if not current and note.follow_up is not None:
        suggestion = suggest(tree, route_node(note.link), store.today())
        current = [suggestion.model_copy(update={"due": note.follow_up})]
    return save_note(store, note, current)


def add(store: NotesStore, note_id: str, checkin: CheckIn) -> CheckIn:
    """Plan one more check-in for a note."""
    note = _note(store, note_id)
    new = checkin.model_copy(update={"note_id": note_id, "outcome": None, "done_on": None})
    _change(store, note, lambda db: _upsert(db, [new]), gone=(), added=[new])
    return new


def remove(store: NotesStore, checkin_id: str) -> bool:
    """Take a planned check-in out of its note's plan."""
    found = get(store, checkin_id)
    if found is None:
        return False
    note = _note(store, found.note_id)

    def write(db: sqlite3.Connection) -> None:
        db.execute("DELETE FROM checkins WHERE id = ?", (found.id,))

    _change(store, note, write, gone=[found.id], added=())
    return True


@dataclass(frozen=True)
class Recorded:
    checkin: CheckIn
    note: Note
    #: The later check-in planned in the same step, if any.
    planned: CheckIn | None


def record(
    store: NotesStore,
    checkin_id: str,
    outcome: Outcome,
    line: str = "",
    *,
    today: date | None = None,
    then: CheckIn | None = None,
) -> Recorded:
    """Record what came of a check-in (one step), and plan ``then`` in the same write."""
    found = get(store, checkin_id)
    if found is None:
        raise KeyError(checkin_id)
    note = _note(store, found.note_id)
    done = found.model_copy(
        update={
            "outcome": outcome,
            "outcome_note": line.strip(),
            "done_on": today or store.today(),
        }
    )
    planned = (
        then.model_copy(update={"note_id": note.id, "outcome": None, "done_on": None})
        if then is not None
        else None
    )
    added = [planned] if planned else []
    saved = _change(
        store, note, lambda db: _upsert(db, [done, *added]), gone=[found.id], added=added
    )
    return Recorded(done, saved, planned)


def _note(store: NotesStore, note_id: str) -> Note:
    note = store.get(note_id)
    if note is None:
        raise KeyError(note_id)
    return note


def _change(
    store: NotesStore,
    note: Note,
    write: Callable[[sqlite3.Connection], None],
    *,
    gone: Iterable[str],
    added: Iterable[CheckIn],
) -> Note:
    """Apply ``write`` together with the note, its follow-up kept at the first open check-in."""
    left = set(gone)
    dues = [c.due for c in plan(store, note.id) if c.is_open and c.id not in left]
    first = min([*dues, *(c.due for c in added)], default=None)
    return store.save(note.model_copy(update={"follow_up": first}), also=write)


# -- the next step after an outcome ---------------------------------------------------------------


@dataclass(frozen=True)
class NextStep:
    """What the tree offers after an outcome, from the same leaf.

    ``contacts_from``: the leaf whose contacts answer "who else" (resolve them with
    ``tree.resolve_contacts`` against the institution profile); ``guidance``: a leaf whose
    actions to show (the student does not want help (now)); ``later``: a later check-in to plan,
    on the date ``later_from``'s follow-up suggests (cite its source with it).
    """

    outcome: Outcome
    leaf: Leaf | None
    contacts_from: Leaf | None = None
    guidance: Leaf | None = None
    later: CheckIn | None = None
    later_from: Leaf | None = None


def next_step(tree: TreeContent, checkin: CheckIn, outcome: Outcome, today: date) -> NextStep:
    """The next step after ``outcome``, from the check-in's own leaf.

    - succeeded: nothing more is needed (the teacher may still plan one by hand);
    - partly: a later check-in, as the leaf suggests;
    - not succeeded: who else, from the leaf's contacts (without a route: whom to consult), and
      a later check-in;
    - declined: the tree's guidance for a student who does not want help (now) and a later
      check-in; after an urgent leaf its contacts stay in view and the check-in is the next day.
    """
    leaf = node = _follow_up_node(tree, checkin.leaf)
    if outcome == "succeeded":
        return NextStep(outcome, node)
    same = suggest(tree, checkin.leaf, today)
    later = same.model_copy(update={"ask": checkin.ask})
    if outcome == "partly":
        return NextStep(outcome, node, later=later, later_from=leaf)
    if outcome == "not_succeeded":
        who = leaf if leaf is not None else tree.leaf(CONSULT_LEAF)
        return NextStep(outcome, node, contacts_from=who, later=later, later_from=leaf)
    declined = tree.leaf(DECLINED_LEAF)
    if leaf is not None and leaf.urgent:
        return NextStep(
            outcome, node, contacts_from=leaf, guidance=declined, later=later, later_from=leaf
        )
    after = suggest(tree, DECLINED_LEAF, today).model_copy(
        update={"ask": checkin.ask, "leaf": checkin.leaf}
    )
    return NextStep(outcome, node, guidance=declined, later=after, later_from=declined)


# -- your own year in numbers ---------------------------------------------------------------------


#: The row of check-ins and notes that follow no route.
NO_ROUTE = ""


@dataclass(frozen=True)
class OverviewRow:
    #: A tree node id, or :data:`NO_ROUTE`.
    node: str
    routes: int = 0
    outcomes: dict[str, int] = field(default_factory=dict)
    open: int = 0

    @property
    def recorded(self) -> int:
        return sum(self.outcomes.values())


@dataclass(frozen=True)
class Overview:
    """Counts of the past year, from the notes as they are now: numbers only.

    Nothing is kept apart from the notes: deleting a note (by hand or after its retention period)
    takes it out of the counts.
    """

    start: date
    end: date
    rows: tuple[OverviewRow, ...]

    @property
    def routes(self) -> int:
        return sum(r.routes for r in self.rows)

    @property
    def recorded(self) -> int:
        return sum(r.recorded for r in self.rows)

    @property
    def open(self) -> int:
        return sum(r.open for r in self.rows)

    def outcome(self, outcome: str) -> int:
        return sum(r.outcomes.get(outcome, 0) for r in self.rows)

    @property
    def is_empty(self) -> bool:
        return not (self.routes or self.recorded or self.open)


def node_label(tree: TreeContent, node: str, lang: Lang | None = None) -> str:
    """How a row of the overview is named: the leaf's (or step's) title, or "without a route"."""
    if node == NO_ROUTE:
        return t("checkins.no_route", lang=lang)
    try:
        found = tree.node(node)
    except KeyError:
        return t("checkins.no_route", lang=lang)
    return found.title if isinstance(found, Leaf | StepNode) else found.text


def outcome_label(outcome: str, lang: Lang | None = None, *, short: bool = False) -> str:
    """The outcome as the teacher chooses it; ``short`` for a table column."""
    if short and outcome == "declined":
        return t("checkins.outcome_declined_short", lang=lang)
    return t(f"checkins.outcome_{outcome}", lang=lang)


def year_start(today: date) -> date:
    """The first day of "the past year": the day after the same date a year ago."""
    return add_months(today, -12) + timedelta(days=1)


def _node_key(node: str | None) -> str:
    return node if node in DESTINATIONS else NO_ROUTE


def overview(store: NotesStore, today: date | None = None) -> Overview:
    """Routes saved, check-ins recorded (by outcome) and check-ins still open, per tree node,
    over the past year up to ``today``. Three grouped queries; no note is read."""
    today = today or store.today()
    start = year_start(today)
    first, last = start.isoformat(), today.isoformat()
    db = _db(store)
    routes: Counter[str] = Counter()
    for node, count in db.execute(
        f"SELECT {_ROUTE_END}, count(*) FROM notes "
        f"WHERE note_date BETWEEN ? AND ? AND {_ROUTE_END} IS NOT NULL GROUP BY 1",
        (first, last),
    ):
        routes[_node_key(node)] += count
    outcomes: dict[str, Counter[str]] = {}
    for node, outcome, count in db.execute(
        "SELECT leaf, outcome, count(*) FROM checkins "
        "WHERE outcome IS NOT NULL AND done_on BETWEEN ? AND ? GROUP BY 1, 2",
        (first, last),
    ):
        outcomes.setdefault(_node_key(node), Counter())[outcome] += count
    still_open: Counter[str] = Counter()
    for node, count in db.execute(
        "SELECT leaf, count(*) FROM checkins WHERE outcome IS NULL AND due BETWEEN ? AND ? "
        "GROUP BY 1",
        (first, last),
    ):
        still_open[_node_key(node)] += count
    order = [*DESTINATIONS, NO_ROUTE]
    rows = tuple(
        OverviewRow(
            node,
            routes[node],
            {o: outcomes.get(node, Counter())[o] for o in OUTCOMES if outcomes.get(node)},
            still_open[node],
        )
        for node in order
        if routes[node] or outcomes.get(node) or still_open[node]
    )
    return Overview(start, today, rows)


# -- what Start may know while the notes are locked -----------------------------------------------

HINT_NAME = "checkins.json"
HINT_VERSION = 1


class Hint(BaseModel):
    """Two values, so Start can say "3 check-ins planned, one is due" while the notes are
    locked: how many check-ins are open and the date of the first. Nothing about whom, what, or
    which note; written whenever the notes change, removed with them."""

    model_config = ConfigDict(extra="forbid")

    schema_version: int = HINT_VERSION
    open: int = Field(default=0, ge=0)
    first_due: date | None = None

    def due_count_known(self, today: date) -> bool:
        return self.first_due is not None and self.first_due <= today


def hint_path(store: NotesStore) -> Path:
    return store.vault.path.with_name(HINT_NAME)


def write_hint(store: NotesStore) -> Hint | None:
    """Bring the hint up to date with the open notes; None when it could not be written (the
    notes are unaffected, Start only shows less while locked)."""
    db = _db(store)
    count, first = db.execute(
        "SELECT count(*), min(due) FROM checkins WHERE outcome IS NULL"
    ).fetchone()
    hint = Hint(open=count, first_due=date.fromisoformat(first) if first else None)
    path = hint_path(store)
    try:
        if not count:
            path.unlink(missing_ok=True)
        else:
            save_document(path, hint)
    except OSError:
        return None
    return hint


def read_hint(store: NotesStore) -> Hint | None:
    """The hint, when the vault exists and the hint file is readable; otherwise None."""
    path = hint_path(store)
    if not path.exists():
        return None
    if store.state == "new":
        forget_hint(store)
        return None
    loaded = load_document(path, Hint, version=HINT_VERSION, default=Hint)
    if loaded.notice is not None:  # unreadable: moved aside by load_document; drop that too
        for aside in path.parent.glob(f"{path.stem}.corrupt-*{path.suffix}"):
            with contextlib.suppress(OSError):
                aside.unlink()
        return None
    return loaded.value


def forget_hint(store: NotesStore) -> None:
    with contextlib.suppress(OSError):
        hint_path(store).unlink(missing_ok=True)
