"""Check-ins: plan after a referral, see what is due, record what came of it, count the year."""

from __future__ import annotations

import errno
import json
import os
import sqlite3
import time
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from docentwijzer import checkins
from docentwijzer.checkins import CheckIn
from docentwijzer.handoff import SignalContext
from docentwijzer.notes import _SCHEMA, Note, NoteQuery, NotesStore
from docentwijzer.tree import TreeContent, Walk, follow_up_date, note_draft, tree_content
from docentwijzer.vault import Vault, VaultError
from tests.core.notes_support import PASSPHRASE, TEST_KDF, make_store, new_store

TODAY = date(2026, 5, 20)  # a Wednesday


@pytest.fixture(scope="module")
def tree() -> TreeContent:
    return tree_content("nl")


def path_to(tree: TreeContent, leaf: str) -> list[str]:
    from docentwijzer.tree import all_paths

    return next(p for p in all_paths(tree) if p[-1] == leaf)


def route_note(tree: TreeContent, leaf: str, pseudonym: str, day: date = TODAY) -> Note:
    """A note as 'Bewaar route als notitie' hands it over, for a walk ending at ``leaf``."""
    walk = Walk(tree, path_to(tree, leaf))
    draft = note_draft(walk, [], SignalContext(pseudonym=pseudonym), day)
    return Note.from_draft(draft, today=day)


def store_at(tmp_path: Path, today: date = TODAY) -> NotesStore:
    return new_store(tmp_path, today=lambda: today)


# -- planning ----------------------------------------------------------------------------------


def test_a_route_note_starts_with_the_check_in_its_leaf_suggests(tree: TreeContent) -> None:
    note = route_note(tree, "PSYCHISCH", "AB")
    [planned] = checkins.default_plan(tree, note, TODAY)
    leaf = tree.leaf("PSYCHISCH")
    assert planned.due == follow_up_date(leaf, TODAY) == note.follow_up
    assert planned.ask == "" and planned.question(tree) == leaf.follow_up.text
    assert planned.leaf == "PSYCHISCH" and planned.note_id == note.id and planned.is_open


def test_a_route_parked_at_the_conversation_gets_its_check_in_after_the_conversation(
    tree: TreeContent,
) -> None:
    walk = Walk(tree, ["start", "zelfdoding", "gesprek", "GESPREK"])
    note = Note.from_draft(note_draft(walk, [], None, TODAY), today=TODAY)
    [planned] = checkins.default_plan(tree, note, TODAY)
    step = tree.node("GESPREK")
    assert planned.leaf == "GESPREK"
    assert planned.due == follow_up_date(step, TODAY)  # type: ignore[arg-type]
    assert planned.question(tree).startswith("Na het gesprek")


def test_urgent_leaves_suggest_the_next_calendar_day_even_at_a_weekend_or_year_end(
    tree: TreeContent,
) -> None:
    for today in (date(2026, 5, 22), date(2026, 5, 23), date(2026, 12, 31), date(2028, 2, 28)):
        for leaf in ("ACUUT", "ZELFDODING"):
            suggestion = checkins.suggest(tree, leaf, today)
            assert suggestion.due == follow_up_date(tree.leaf(leaf), today)
            assert suggestion.due - today <= timedelta(days=3)  # never a week away
    # From a Saturday the next calendar day is the Sunday.
    assert checkins.suggest(tree, "ZELFDODING", date(2026, 12, 31)).due == date(2027, 1, 1)


# Real dates, worked out by hand from a calendar (2026: Easter 5 April, Koningsdag Monday 27
# April, Tweede Pinksterdag 25 May; clocks change on Sunday 29 March and Sunday 25 October).
WORKING_WEEK = [
    # (today, a week of working days later)
    (date(2026, 6, 3), date(2026, 6, 10)),  # Wednesday to Wednesday
    (date(2026, 6, 6), date(2026, 6, 12)),  # Saturday: Monday to Friday
    (date(2026, 5, 20), date(2026, 5, 28)),  # Tweede Pinksterdag skipped
    (date(2026, 5, 22), date(2026, 6, 1)),  # a Friday before Pinksteren
    (date(2026, 5, 23), date(2026, 6, 1)),  # a Saturday before Pinksteren
    (date(2026, 4, 24), date(2026, 5, 4)),  # Koningsdag on a Monday, month end
    (date(2026, 4, 2), date(2026, 4, 10)),  # Tweede Paasdag skipped
    (date(2026, 12, 24), date(2027, 1, 4)),  # Christmas and New Year's Day, year end
    (date(2027, 1, 29), date(2027, 2, 5)),  # end of January
    (date(2028, 2, 25), date(2028, 3, 3)),  # across a leap day (a Tuesday, a working day)
    (date(2026, 3, 27), date(2026, 4, 3)),  # the Friday before summer time starts
    (date(2026, 10, 23), date(2026, 10, 30)),  # the Friday before summer time ends
]
NEXT_DAY = [
    (date(2026, 3, 28), date(2026, 3, 29)),  # Saturday before summer time: the Sunday
    (date(2026, 10, 24), date(2026, 10, 25)),  # Saturday before winter time: the Sunday
    (date(2026, 12, 31), date(2027, 1, 1)),  # year end, a public holiday
    (date(2027, 1, 31), date(2027, 2, 1)),  # month end
    (date(2028, 2, 28), date(2028, 2, 29)),  # leap day
    (date(2027, 2, 28), date(2027, 3, 1)),  # no leap day
]


def test_the_leaves_follow_up_intervals_these_dates_assume(tree: TreeContent) -> None:
    """The dates below follow from the tree's intervals; if the tree changes, so do they."""
    for leaf in ("PSYCHISCH", "STUDIE", "GEEN_HULP", "OVERLEG"):
        follow = tree.leaf(leaf).follow_up
        assert follow is not None and (follow.days, follow.working_days) == (5, True), leaf
    for leaf in ("ACUUT", "TWIJFEL_GEVAAR", "ZELFDODING"):
        follow = tree.leaf(leaf).follow_up
        assert follow is not None and (follow.days, follow.working_days) == (1, False), leaf


@pytest.mark.parametrize(("today", "expected"), WORKING_WEEK)
def test_a_working_week_skips_weekends_and_public_holidays(
    tree: TreeContent, today: date, expected: date
) -> None:
    note = route_note(tree, "STUDIE", "AB", today)
    [planned] = checkins.default_plan(tree, note, today)
    assert planned.due == expected
    # After an outcome, the later check-in counts from the day it is recorded, the same way.
    checkin = CheckIn(due=today, leaf="PSYCHISCH")
    for outcome in ("partly", "not_succeeded", "declined"):
        step = checkins.next_step(tree, checkin, outcome, today)
        assert step.later is not None and step.later.due == expected, outcome


@pytest.mark.parametrize(("today", "expected"), NEXT_DAY)
def test_urgent_leaves_check_in_the_next_calendar_day(
    tree: TreeContent, today: date, expected: date
) -> None:
    for leaf in ("ACUUT", "TWIJFEL_GEVAAR", "ZELFDODING"):
        note = route_note(tree, leaf, "AB", today)
        [planned] = checkins.default_plan(tree, note, today)
        assert planned.due == expected, leaf
        declined = checkins.next_step(tree, CheckIn(due=today, leaf=leaf), "declined", today)
        assert declined.later is not None and declined.later.due == expected, leaf


def test_a_check_in_by_hand_is_seven_calendar_days_away() -> None:
    tree = tree_content("nl")
    for today, expected in [
        (date(2026, 3, 26), date(2026, 4, 2)),  # across the start of summer time
        (date(2026, 12, 28), date(2027, 1, 4)),  # across the year end
        (date(2028, 2, 24), date(2028, 3, 2)),  # across a leap day
        (date(2027, 2, 24), date(2027, 3, 3)),
    ]:
        assert checkins.suggest(tree, None, today).due == expected


@pytest.fixture
def dutch_time(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The process runs in Dutch time (as a teacher's computer does)."""
    monkeypatch.setenv("TZ", "Europe/Amsterdam")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.mark.skipif(not hasattr(time, "tzset"), reason="time.tzset exists on Unix only")
@pytest.mark.usefixtures("dutch_time")
def test_a_check_in_keeps_its_calendar_day_whatever_the_clock_does(tmp_path: Path) -> None:
    """Planned on the Saturday before the clocks change, for the Sunday and the Monday: after
    locking and unlocking in Dutch time they are still on those days and due on them."""
    for saturday in (date(2026, 3, 28), date(2026, 10, 24)):
        folder = tmp_path / saturday.isoformat()
        folder.mkdir()
        store = store_at(folder, saturday)
        sunday, monday = saturday + timedelta(days=1), saturday + timedelta(days=2)
        checkins.save_note(store, Note(pseudonym="AB"), [CheckIn(due=sunday), CheckIn(due=monday)])
        store.lock()
        later = make_store(folder, today=lambda day=sunday: day)
        later.unlock(PASSPHRASE)
        due = checkins.due_list(later)
        assert [i.due for i in due.due_today] == [sunday]
        assert [i.due for i in due.this_week] == [monday]
        assert later.query()[0].follow_up == sunday


def test_a_checklist_note_pointing_at_a_leaf_gets_that_leaf_s_check_in(
    tree: TreeContent,
) -> None:
    context = SignalContext(pseudonym="CD", suggested_node="STUDIE")
    note = Note(pseudonym="CD", origin="checklist", link={"checklist": context.model_dump()})
    [planned] = checkins.default_plan(tree, note, TODAY)
    assert planned.leaf == "STUDIE"
    assert planned.question(tree) == tree.leaf("STUDIE").follow_up.text
    # A note written by hand starts without a plan; a check-in by hand is a week away.
    assert checkins.default_plan(tree, Note(pseudonym="EF"), TODAY) == []
    by_hand = checkins.suggest(tree, None, TODAY)
    assert by_hand.due == TODAY + timedelta(days=7) and by_hand.ask == "" and by_hand.leaf is None


def test_a_plan_of_several_check_ins_is_saved_with_its_note_and_survives_locking(
    tmp_path: Path, tree: TreeContent
) -> None:
    store = store_at(tmp_path)
    note = route_note(tree, "PSYCHISCH", "AB")
    first = CheckIn(due=date(2026, 5, 27), ask="Is het contact gelukt?", leaf="PSYCHISCH")
    second = CheckIn(due=date(2026, 6, 10), ask="Hoe gaat het nu?", leaf="PSYCHISCH")
    saved = checkins.save_note(store, note, [second, first])
    assert saved.follow_up == date(2026, 5, 27)  # the note shows its first check-in
    store.lock()
    store.unlock(PASSPHRASE)
    plan = checkins.plan(store, note.id)
    assert [(c.due, c.ask) for c in plan] == [
        (date(2026, 5, 27), "Is het contact gelukt?"),
        (date(2026, 6, 10), "Hoe gaat het nu?"),
    ]
    assert store.query()[0].follow_up == date(2026, 5, 27)


def test_editing_the_plan_changes_adds_and_removes_only_open_check_ins(
    tmp_path: Path, tree: TreeContent
) -> None:
    store = store_at(tmp_path)
    note = route_note(tree, "STUDIE", "AB")
    a = CheckIn(due=date(2026, 5, 25), ask="a")
    b = CheckIn(due=date(2026, 5, 26), ask="b")
    note = checkins.save_note(store, note, [a, b])
    checkins.record(store, a.id, "partly", "Eerste gesprek gehad", today=date(2026, 5, 25))
    # The teacher drops b, moves nothing else, adds c.
    c = CheckIn(due=date(2026, 6, 1), ask="c")
    stored = store.get(note.id)
    assert stored is not None
    saved = checkins.save_note(store, stored, [c])
    plan = checkins.plan(store, note.id)
    assert [(x.ask, x.outcome) for x in plan] == [("a", "partly"), ("c", None)]
    assert saved.follow_up == date(2026, 6, 1)
    # Saving with an empty plan keeps the recorded one; the note has no follow-up left.
    saved = checkins.save_note(store, saved, [])
    assert [x.ask for x in checkins.plan(store, note.id)] == ["a"]
    assert saved.follow_up is None
    assert store.query(NoteQuery(follow_up_due=True)) == []


def test_a_note_saved_by_itself_keeps_its_plan_and_a_follow_up_date_becomes_a_check_in(
    tmp_path: Path, tree: TreeContent
) -> None:
    store = store_at(tmp_path)
    note = route_note(tree, "STUDIE", "AB")
    saved = checkins.save_keeping_plan(store, note, tree)
    [made] = checkins.plan(store, note.id)
    assert made.due == note.follow_up and made.leaf == "STUDIE"
    assert made.question(tree) == tree.leaf("STUDIE").follow_up.text
    # Saved again with another date: the plan is not changed behind the teacher's back.
    checkins.save_keeping_plan(store, saved.model_copy(update={"follow_up": None}), tree)
    assert checkins.plan(store, note.id) == [made]
    assert store.query()[0].follow_up == made.due
    plain = checkins.save_keeping_plan(store, Note(pseudonym="CD"), tree)
    assert checkins.plan(store, plain.id) == [] and plain.follow_up is None


def test_saving_a_note_again_keeps_its_check_ins_and_deleting_it_removes_them(
    tmp_path: Path, tree: TreeContent
) -> None:
    store = store_at(tmp_path)
    one = checkins.save_note(store, route_note(tree, "STUDIE", "AB"), [CheckIn(due=TODAY)])
    two = checkins.save_note(store, route_note(tree, "BINDING", "CD"), [CheckIn(due=TODAY)])
    three = checkins.save_note(store, route_note(tree, "BINDING", "CD"), [CheckIn(due=TODAY)])
    store.save(one.model_copy(update={"text": "Aangevuld"}))  # a plain save of the note
    assert len(checkins.plan(store, one.id)) == 1
    store.delete([one.id])
    assert checkins.plan(store, one.id) == []
    store.delete_pseudonym("CD")
    assert checkins.plan(store, two.id) == checkins.plan(store, three.id) == []
    assert checkins.open_count(store) == 0
    store.lock()
    store.unlock(PASSPHRASE)
    assert checkins.open_count(store) == 0


def test_half_a_character_pasted_into_a_question_or_outcome_is_stored_as_a_replacement(
    tmp_path: Path,
) -> None:
    store = store_at(tmp_path)
    broken = CheckIn(due=TODAY, ask="Vraag \ud83d na")
    note = checkins.save_note(store, Note(pseudonym="AB"), [broken])
    checkins.record(store, broken.id, "partly", "Deels \udc00 gelukt")
    [stored] = checkins.plan(store, note.id)
    assert (stored.ask, stored.outcome_note) == ("Vraag \ufffd na", "Deels \ufffd gelukt")


# -- due lists --------------------------------------------------------------------------------


def plan_dates(store: NotesStore, days: list[date]) -> None:
    for index, day in enumerate(days):
        note = Note(pseudonym=f"P{index}", note_date=TODAY - timedelta(days=30))
        checkins.save_note(store, note, [CheckIn(due=day, ask=f"vraag {index}")])


@pytest.mark.parametrize(
    ("today", "overdue", "on_day", "week", "later"),
    [
        # A Friday: the weekend and the next Friday are within a week.
        (
            date(2026, 5, 22),
            [date(2026, 5, 21)],
            [date(2026, 5, 22)],
            [date(2026, 5, 23), date(2026, 5, 25), date(2026, 5, 29)],
            [date(2026, 5, 30)],
        ),
        # Month end (30 days) into the next month.
        (
            date(2026, 6, 30),
            [date(2026, 5, 31), date(2026, 6, 29)],
            [date(2026, 6, 30)],
            [date(2026, 7, 1), date(2026, 7, 7)],
            [date(2026, 7, 8)],
        ),
        # Year end.
        (
            date(2026, 12, 31),
            [date(2026, 12, 30)],
            [date(2026, 12, 31)],
            [date(2027, 1, 1), date(2027, 1, 7)],
            [date(2027, 1, 8)],
        ),
        # Leap day, and the week across the end of February.
        (
            date(2028, 2, 28),
            [date(2027, 2, 28)],
            [date(2028, 2, 28)],
            [date(2028, 2, 29), date(2028, 3, 6)],
            [date(2028, 3, 7)],
        ),
        # The Sundays daylight saving time starts and ends (dates, not hours, decide).
        (
            date(2026, 3, 29),
            [date(2026, 3, 28)],
            [date(2026, 3, 29)],
            [date(2026, 3, 30), date(2026, 4, 5)],
            [date(2026, 4, 6)],
        ),
        (
            date(2026, 10, 25),
            [date(2026, 10, 24)],
            [date(2026, 10, 25)],
            [date(2026, 10, 26), date(2026, 11, 1)],
            [date(2026, 11, 2)],
        ),
    ],
)
def test_due_list_overdue_today_and_within_a_week(
    tmp_path: Path,
    today: date,
    overdue: list[date],
    on_day: list[date],
    week: list[date],
    later: list[date],
) -> None:
    store = store_at(tmp_path, today)
    plan_dates(store, [*later, *week, *on_day, *overdue])
    due = checkins.due_list(store)
    assert [i.due for i in due.overdue] == overdue
    assert [i.due for i in due.due_today] == on_day
    assert [i.due for i in due.this_week] == week
    assert due.due_count == len(overdue) + len(on_day)
    assert all(i.pseudonym.startswith("P") for i in due.items())


def test_a_recorded_check_in_leaves_the_due_list_and_the_next_one_becomes_the_follow_up(
    tmp_path: Path,
) -> None:
    store = store_at(tmp_path)
    note = Note(pseudonym="AB")
    first, second = CheckIn(due=TODAY), CheckIn(due=TODAY + timedelta(days=14))
    checkins.save_note(store, note, [first, second])
    assert [i.checkin_id for i in checkins.due_list(store).due_today] == [first.id]
    done = checkins.record(store, first.id, "succeeded", "  Contact is er.  ")
    assert done.checkin.outcome == "succeeded" and done.checkin.outcome_note == "Contact is er."
    assert done.checkin.done_on == TODAY
    assert done.note.follow_up == second.due
    assert len(checkins.due_list(store)) == 0
    assert store.query()[0].follow_up == second.due
    store.lock()
    store.unlock(PASSPHRASE)
    recorded = checkins.get(store, first.id)
    assert recorded is not None and recorded.outcome == "succeeded"


# -- the next step -----------------------------------------------------------------------------


def test_not_succeeded_offers_who_else_from_the_same_leaf(tree: TreeContent) -> None:
    checkin = CheckIn(due=TODAY, leaf="PSYCHISCH", ask="Is het gelukt?")
    step = checkins.next_step(tree, checkin, "not_succeeded", TODAY)
    assert step.contacts_from == tree.leaf("PSYCHISCH")
    assert step.guidance is None
    assert step.later is not None and step.later.leaf == "PSYCHISCH"
    assert step.later.due == follow_up_date(tree.leaf("PSYCHISCH"), TODAY)
    assert step.later.ask == "Is het gelukt?"
    # Without a route: whom to consult, from the tree.
    by_hand = checkins.next_step(tree, CheckIn(due=TODAY), "not_succeeded", TODAY)
    assert by_hand.contacts_from == tree.leaf("OVERLEG")


def test_declined_offers_the_no_help_guidance_and_a_later_check_in(tree: TreeContent) -> None:
    checkin = CheckIn(due=TODAY, leaf="STUDIE")
    step = checkins.next_step(tree, checkin, "declined", TODAY)
    assert step.guidance == tree.leaf("GEEN_HULP")
    assert step.contacts_from is None
    assert step.later is not None
    assert step.later.due == follow_up_date(tree.leaf("GEEN_HULP"), TODAY)
    assert step.later.leaf == "STUDIE"  # the loop stays with the original need
    assert step.later_from == tree.leaf("GEEN_HULP")  # whose interval it is: cite that


def test_declined_after_an_urgent_leaf_keeps_its_contacts_and_checks_in_the_next_day(
    tree: TreeContent,
) -> None:
    friday = date(2026, 5, 22)
    step = checkins.next_step(tree, CheckIn(due=friday, leaf="ZELFDODING"), "declined", friday)
    assert step.guidance == tree.leaf("GEEN_HULP")
    assert step.contacts_from == tree.leaf("ZELFDODING")
    assert step.later is not None and step.later.due == follow_up_date(
        tree.leaf("ZELFDODING"), friday
    )
    assert step.later_from == tree.leaf("ZELFDODING")


def test_succeeded_needs_nothing_more_and_partly_plans_a_later_check_in(
    tree: TreeContent,
) -> None:
    checkin = CheckIn(due=TODAY, leaf="MIDDELEN")
    done = checkins.next_step(tree, checkin, "succeeded", TODAY)
    assert done.later is None and done.contacts_from is None and done.guidance is None
    partly = checkins.next_step(tree, checkin, "partly", TODAY)
    assert partly.later is not None and partly.later.leaf == "MIDDELEN"


def test_recording_and_planning_the_next_check_in_is_one_write(
    tmp_path: Path, tree: TreeContent
) -> None:
    store = store_at(tmp_path)
    note = route_note(tree, "PSYCHISCH", "AB")
    [planned] = checkins.default_plan(tree, note, TODAY)
    checkins.save_note(store, note, [planned])
    step = checkins.next_step(tree, planned, "declined", TODAY)
    result = checkins.record(store, planned.id, "declined", "Wil nu niet", then=step.later)
    assert result.planned is not None
    store.lock()
    store.unlock(PASSPHRASE)
    plan = checkins.plan(store, note.id)
    assert [(c.outcome, c.due) for c in plan] == [
        ("declined", planned.due),
        (None, step.later.due),  # type: ignore[union-attr]
    ]


# -- failing writes --------------------------------------------------------------------------


@pytest.mark.parametrize("operation", ["write", "fsync", "replace"])
def test_a_failing_write_changes_neither_the_note_nor_its_check_ins(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, tree: TreeContent, operation: str
) -> None:
    store = store_at(tmp_path)
    note = route_note(tree, "STUDIE", "AB")
    first = CheckIn(due=TODAY, ask="eerst")
    checkins.save_note(store, note, [first])
    real = getattr(os, operation)

    def boom(*_a: object, **_k: object) -> object:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    attempts = [
        lambda: checkins.record(store, first.id, "succeeded", "x", then=CheckIn(due=TODAY)),
        lambda: checkins.add(store, note.id, CheckIn(due=TODAY + timedelta(days=3))),
        lambda: checkins.remove(store, first.id),
        lambda: checkins.save_note(store, note, [CheckIn(due=TODAY, ask="anders")]),
    ]
    for attempt in attempts:
        monkeypatch.setattr(os, operation, boom)
        with pytest.raises(VaultError):
            attempt()
        monkeypatch.setattr(os, operation, real)
        # What the teacher sees is what is on disk: still the one open check-in.
        assert [(c.ask, c.outcome) for c in checkins.plan(store, note.id)] == [("eerst", None)]
        assert store.query()[0].follow_up == TODAY
    store.lock()
    store.unlock(PASSPHRASE)
    assert [(c.ask, c.outcome) for c in checkins.plan(store, note.id)] == [("eerst", None)]


# -- the overview ----------------------------------------------------------------------------


def test_the_overview_counts_the_past_year_by_leaf_and_outcome(
    tmp_path: Path, tree: TreeContent
) -> None:
    store = store_at(tmp_path)
    year_ago = date(2025, 5, 20)
    for leaf, day in [
        ("PSYCHISCH", TODAY),
        ("PSYCHISCH", date(2025, 5, 21)),  # the first day of the past year
        ("PSYCHISCH", year_ago),  # a year ago to the day: not in the past year
        ("STUDIE", date(2026, 1, 3)),
    ]:
        note = route_note(tree, leaf, "AB", day)
        plan = checkins.default_plan(tree, note, day)
        checkins.save_note(store, note, plan)
        for checkin in plan:
            if leaf == "PSYCHISCH":
                checkins.record(store, checkin.id, "succeeded", today=max(checkin.due, day))
    by_hand = checkins.save_note(store, Note(pseudonym="CD"), [CheckIn(due=date(2026, 5, 1))])
    checkin = checkins.plan(store, by_hand.id)[0]
    checkins.record(store, checkin.id, "declined", "Nu niet", today=date(2026, 5, 2))
    overview = checkins.overview(store)
    assert (overview.start, overview.end) == (date(2025, 5, 21), TODAY)
    rows = {row.node: row for row in overview.rows}
    assert rows["PSYCHISCH"].routes == 2
    assert rows["PSYCHISCH"].outcomes["succeeded"] == 2  # recorded within the year
    assert rows["STUDIE"].routes == 1 and rows["STUDIE"].recorded == 0
    assert rows["STUDIE"].open == 1  # due in January, not recorded yet
    assert rows[checkins.NO_ROUTE].outcomes["declined"] == 1
    assert (overview.routes, overview.recorded, overview.open) == (3, 3, 1)
    assert overview.outcome("succeeded") == 2


def test_the_overview_holds_numbers_only_and_deleted_notes_leave_it(
    tmp_path: Path, tree: TreeContent
) -> None:
    store = store_at(tmp_path)
    note = route_note(tree, "BINDING", "Zeldzame-Pseudoniem")
    [planned] = checkins.default_plan(tree, note, TODAY)
    checkins.save_note(store, note, [planned])
    checkins.record(store, planned.id, "not_succeeded", "Wachtlijst te lang")
    overview = checkins.overview(store)
    assert overview.routes == 1 and overview.outcome("not_succeeded") == 1
    text = repr(overview)
    assert "Zeldzame" not in text and "Wachtlijst" not in text and note.id not in text
    store.delete([note.id])
    assert checkins.overview(store).is_empty


def test_a_note_past_retention_goes_with_its_check_ins_and_its_counts(
    tmp_path: Path, tree: TreeContent
) -> None:
    """Retention still rules: the note offered for deletion takes its check-ins (open and
    recorded, with their text) out of the vault, its backups, the hint and the overview."""
    now = datetime(2026, 1, 12, 10, 0)
    store = new_store(tmp_path, today=lambda: TODAY, now=lambda: now, retention_months=3)
    old = route_note(tree, "PSYCHISCH", "Zeldzaam-Oud", date(2026, 1, 12))
    [first] = checkins.default_plan(tree, old, date(2026, 1, 12))
    marker = "MARKER-" + os.urandom(4).hex()
    checkins.save_note(store, old, [first.model_copy(update={"ask": f"{marker} vraag"})])
    checkins.record(
        store,
        first.id,
        "not_succeeded",
        f"{marker} uitkomst",
        today=date(2026, 1, 19),
        then=CheckIn(due=date(2026, 1, 26), ask=f"{marker} later", leaf="PSYCHISCH"),
    )
    now = datetime(2026, 5, 18, 10, 0)
    recent = route_note(tree, "STUDIE", "NIEUW", date(2026, 5, 18))
    checkins.save_note(store, recent, checkins.default_plan(tree, recent, date(2026, 5, 18)))
    before = checkins.overview(store)
    assert before.routes == 2 and before.outcome("not_succeeded") == 1 and before.open == 1
    assert checkins.write_hint(store) == checkins.Hint(open=2, first_due=date(2026, 1, 26))

    expired = [s.id for s in store.query(NoteQuery(past_retention=True))]
    assert expired == [old.id]
    store.delete(expired)
    checkins.write_hint(store)

    assert checkins.plan(store, old.id) == [] and checkins.get(store, first.id) is None
    after = checkins.overview(store)
    assert (after.routes, after.recorded, after.open) == (1, 0, 0)
    assert [r.node for r in after.rows] == ["STUDIE"]
    assert checkins.read_hint(store) == checkins.Hint(
        open=1, first_due=checkins.plan(store, recent.id)[0].due
    )
    # Not in the database as it is written, nor in any backup once decrypted.
    for path in [store.vault.path, *store.vault.backups()]:
        payload = Vault(path, kdf=TEST_KDF).open(PASSPHRASE)
        assert marker.encode() not in payload and b"Zeldzaam" not in payload, path.name


def test_the_year_starts_the_day_after_the_same_date_a_year_ago() -> None:
    assert checkins.year_start(date(2026, 5, 20)) == date(2025, 5, 21)
    assert checkins.year_start(date(2028, 2, 29)) == date(2027, 3, 1)
    assert checkins.year_start(date(2027, 1, 1)) == date(2026, 1, 2)


# -- the notes of version 1 -------------------------------------------------------------------


def version_1_vault(folder: Path, notes: list[Note]) -> None:
    """A vault as the previous version wrote it: the notes table only, user_version 1."""
    from docentwijzer.notes import VAULT_NAME, _row

    db = sqlite3.connect(":memory:")
    db.executescript(_SCHEMA)
    db.execute("PRAGMA user_version = 1")
    db.executemany(
        "INSERT INTO notes VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", [_row(n) for n in notes]
    )
    db.commit()
    Vault(folder / VAULT_NAME, kdf=TEST_KDF).create(PASSPHRASE, db.serialize())
    db.close()


def test_a_version_1_follow_up_becomes_the_note_s_first_check_in(
    tmp_path: Path, tree: TreeContent
) -> None:
    routed = route_note(tree, "MIDDELEN", "AB")
    plain = Note(pseudonym="CD", follow_up=date(2026, 6, 1))
    none = Note(pseudonym="EF")
    version_1_vault(tmp_path, [routed, plain, none])
    store = make_store(tmp_path, today=lambda: TODAY)
    store.unlock(PASSPHRASE)
    [from_route] = checkins.plan(store, routed.id)
    assert from_route.due == routed.follow_up and from_route.leaf == "MIDDELEN"
    assert from_route.question(tree) == tree.leaf("MIDDELEN").follow_up.text
    [by_hand] = checkins.plan(store, plain.id)
    assert by_hand.due == date(2026, 6, 1) and by_hand.leaf is None
    assert checkins.plan(store, none.id) == []
    # The next write stores the new schema; it opens again without migrating twice.
    store.save(Note(pseudonym="GH"))
    store.lock()
    store.unlock(PASSPHRASE)
    (version,) = store.database().execute("PRAGMA user_version").fetchone()
    assert version == 2
    assert checkins.open_count(store) == 2


def test_a_failing_first_write_after_migrating_keeps_the_migrated_check_ins(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plain = Note(pseudonym="CD", follow_up=date(2026, 6, 1))
    version_1_vault(tmp_path, [plain])
    store = make_store(tmp_path, today=lambda: TODAY)
    store.unlock(PASSPHRASE)

    def boom(*_a: object, **_k: object) -> object:
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    real = os.fsync
    monkeypatch.setattr(os, "fsync", boom)
    with pytest.raises(VaultError):
        store.save(Note(pseudonym="GH"))
    monkeypatch.setattr(os, "fsync", real)
    assert [c.due for c in checkins.plan(store, plain.id)] == [date(2026, 6, 1)]
    assert checkins.due_list(store, date(2026, 6, 1)).due_count == 1


# -- what Start knows while locked -----------------------------------------------------------


def test_the_hint_holds_a_count_and_a_date_only(tmp_path: Path, tree: TreeContent) -> None:
    store = store_at(tmp_path)
    note = route_note(tree, "PSYCHISCH", "Pseudo-Zichtbaar")
    checkins.save_note(
        store,
        note.model_copy(update={"text": "Geheime notitietekst"}),
        [CheckIn(due=date(2026, 5, 27), ask="Vraag-tekst"), CheckIn(due=date(2026, 6, 3))],
    )
    hint = checkins.write_hint(store)
    assert hint == checkins.Hint(open=2, first_due=date(2026, 5, 27))
    store.lock()
    raw = checkins.hint_path(store).read_text(encoding="utf-8")
    assert set(json.loads(raw)) == {"schema_version", "open", "first_due"}
    for secret in ("Pseudo", "Geheime", "Vraag", note.id):
        assert secret not in raw
    read = checkins.read_hint(store)
    assert read is not None and read.open == 2
    assert not read.due_count_known(date(2026, 5, 26)) and read.due_count_known(date(2026, 5, 27))


def test_the_hint_goes_when_nothing_is_open_or_the_notes_are_gone(tmp_path: Path) -> None:
    store = store_at(tmp_path)
    note = checkins.save_note(store, Note(pseudonym="AB"), [CheckIn(due=TODAY)])
    checkins.write_hint(store)
    assert checkins.hint_path(store).exists()
    checkins.record(store, checkins.plan(store, note.id)[0].id, "succeeded")
    assert checkins.write_hint(store) == checkins.Hint(open=0)
    assert not checkins.hint_path(store).exists()
    checkins.add(store, note.id, CheckIn(due=TODAY))
    checkins.write_hint(store)
    store.destroy()
    assert checkins.read_hint(store) is None  # no vault: the stale hint is removed
    assert not checkins.hint_path(store).exists()


def test_an_unwritable_hint_never_stops_the_notes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = store_at(tmp_path)
    note = checkins.save_note(store, Note(pseudonym="AB"), [CheckIn(due=TODAY)])
    import docentwijzer.checkins as module

    def full(*_a: object, **_k: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(module, "save_document", full)
    assert checkins.write_hint(store) is None
    assert checkins.plan(store, note.id)


def test_an_unreadable_hint_is_ignored_and_not_left_behind(tmp_path: Path) -> None:
    store = store_at(tmp_path)
    checkins.save_note(store, Note(pseudonym="AB"), [CheckIn(due=TODAY)])
    store.lock()
    checkins.hint_path(store).write_text("{niet json", encoding="utf-8")
    assert checkins.read_hint(store) is None
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("checkins")] == []


def test_check_ins_cannot_be_read_while_locked(tmp_path: Path) -> None:
    store = store_at(tmp_path)
    checkins.save_note(store, Note(pseudonym="AB"), [CheckIn(due=TODAY)])
    store.lock()
    with pytest.raises(VaultError):
        checkins.due_list(store)
    with pytest.raises(VaultError):
        checkins.overview(store)


def test_created_times_round_trip(tmp_path: Path) -> None:
    store = store_at(tmp_path)
    made = datetime(2026, 5, 20, 9, 30, 15)
    checkin = CheckIn(due=TODAY, created=made)
    note = checkins.save_note(store, Note(pseudonym="AB"), [checkin])
    assert checkins.plan(store, note.id)[0] == checkin.model_copy(update={"note_id": note.id})
