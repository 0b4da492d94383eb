"""Calendar reminders: standard iCalendar a calendar can read, with no student data by default.

Every file is read back with the maintained ``icalendar`` package (a test dependency only).
"""

from __future__ import annotations

import errno
import os
import unicodedata
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from docentwijzer import ics

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
NOW = datetime(2026, 5, 20, 14, 3, 9, tzinfo=UTC)


def parse(data: bytes) -> icalendar.Event:
    calendar = icalendar.Calendar.from_ical(data)
    assert calendar["VERSION"] == "2.0" and calendar["PRODID"]
    [event] = calendar.walk("VEVENT")
    return event


def test_by_default_only_the_app_name_and_the_date() -> None:
    data = ics.checkin_ics(date(2026, 12, 2), uid="abc", now=NOW, lang="nl")
    event = parse(data)
    assert str(event["SUMMARY"]) == "DocentWijzer: check-in"
    assert str(event["DESCRIPTION"]).startswith("Check-in op 2 december 2026.")
    assert event.decoded("DTSTART") == datetime(2026, 12, 2, 9, 0, tzinfo=AMSTERDAM)
    assert event.decoded("DTEND") - event.decoded("DTSTART") == timedelta(minutes=15)
    assert event.decoded("DTSTAMP") == NOW
    assert str(event["UID"]) == "abc@docentwijzer"
    assert str(event["CLASS"]) == "PRIVATE"
    [alarm] = event.walk("VALARM")
    assert alarm.decoded("TRIGGER") == timedelta(0)
    assert str(alarm["ACTION"]) == "DISPLAY"


def test_english_reminder() -> None:
    event = parse(ics.checkin_ics(date(2026, 12, 2), now=NOW, lang="en"))
    assert str(event["SUMMARY"]) == "DocentWijzer: check-in"
    assert str(event["DESCRIPTION"]).startswith("Check-in on 2 December 2026.")


def test_no_pseudonym_and_no_note_text_unless_the_teacher_adds_them() -> None:
    pseudonym, question = "Zeldzaam-Pseudoniem", "Vraag na of de afspraak bij de psycholoog er is"
    plain = ics.checkin_ics(date(2026, 6, 3), now=NOW)
    for secret in (pseudonym, "Zeldzaam", "psycholoog"):
        assert secret.encode() not in plain
        assert secret not in str(parse(plain).to_ical().decode())
    chosen = parse(ics.checkin_ics(date(2026, 6, 3), pseudonym=pseudonym, question=question))
    assert str(chosen["SUMMARY"]) == f"DocentWijzer: check-in {pseudonym}"
    assert str(chosen["DESCRIPTION"]).endswith(question)


@pytest.mark.parametrize(
    ("day", "offset_hours"),
    [
        (date(2026, 3, 28), 1),  # the Saturday before summer time
        (date(2026, 3, 29), 2),  # the Sunday summer time starts (02:00 -> 03:00)
        (date(2026, 10, 24), 2),
        (date(2026, 10, 25), 1),  # the Sunday summer time ends (03:00 -> 02:00)
        (date(2027, 3, 28), 2),
        (date(2026, 12, 31), 1),
        (date(2028, 2, 29), 1),
    ],
)
def test_nine_o_clock_dutch_time_on_either_side_of_a_clock_change(
    day: date, offset_hours: int
) -> None:
    event = parse(ics.checkin_ics(day, now=NOW))
    start = event.decoded("DTSTART")
    assert (start.date(), start.time()) == (day, time(9, 0))
    assert start.utcoffset() == timedelta(hours=offset_hours)
    assert start == datetime.combine(day, time(9, 0), tzinfo=AMSTERDAM)


def test_the_file_s_own_time_zone_agrees_with_the_tz_database() -> None:
    calendar = icalendar.Calendar.from_ical(ics.checkin_ics(date(2026, 3, 29), now=NOW))
    [zone] = calendar.walk("VTIMEZONE")
    tz = zone.to_tz(lookup_tzid=False)  # the rules in the file, not the name looked up
    for day in (date(2026, 3, 28), date(2026, 3, 29), date(2026, 10, 25), date(2030, 3, 31)):
        for hour in (1, 4, 12):
            moment = datetime.combine(day, time(hour))
            assert tz.utcoffset(moment) == moment.replace(tzinfo=AMSTERDAM).utcoffset()


def test_an_appointment_late_in_the_evening_ends_the_next_day() -> None:
    event = parse(ics.checkin_ics(date(2026, 12, 31), at=time(23, 50), minutes=15, now=NOW))
    assert event.decoded("DTEND") == datetime(2027, 1, 1, 0, 5, tzinfo=AMSTERDAM)


def test_lines_are_folded_at_75_octets_with_crlf_and_never_inside_a_character() -> None:
    question = "Één vraag, met; komma's\\ en een\nnieuwe regel: " + "ë" * 120
    data = ics.checkin_ics(date(2026, 6, 3), question=question, pseudonym="Zoë")
    assert data.endswith(b"\r\n") and b"\n" not in data.replace(b"\r\n", b"")
    for line in data.split(b"\r\n"):
        assert len(line) <= 75
        line.decode("utf-8")  # no line ends inside a character
    unfolded = data.replace(b"\r\n ", b"").decode("utf-8")
    assert "Één vraag\\, met\\; komma's\\\\ en een\\nnieuwe regel:" in unfolded
    assert str(parse(data)["DESCRIPTION"]).endswith(question)


@settings(max_examples=60, deadline=None)
@given(
    pseudonym=st.text(max_size=60),
    question=st.text(max_size=300),
    day=st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)),
)
def test_any_text_the_teacher_adds_reads_back_unchanged(
    pseudonym: str, question: str, day: date
) -> None:
    event = parse(ics.checkin_ics(day, pseudonym=pseudonym, question=question))
    clean = ics.clean_text(question).strip()
    if clean:
        assert str(event["DESCRIPTION"]).endswith(clean)
    if ics.clean_text(pseudonym).strip():
        assert str(event["SUMMARY"]).endswith(ics.clean_text(pseudonym).strip())
    if all(unicodedata.category(c) != "Cc" and c not in "\u2028\u2029" for c in question):
        assert clean == question.strip()  # only control characters are ever dropped
    assert event.decoded("DTSTART").date() == day


def test_the_suggested_file_name_names_the_date_only() -> None:
    assert ics.file_name(date(2026, 6, 3)) == "docentwijzer-check-in-2026-06-03.ics"


def test_writing_is_atomic_and_a_failure_says_where(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "herinnering.ics"
    data = ics.checkin_ics(date(2026, 6, 3))
    ics.write_ics(target, data)
    assert target.read_bytes() == data
    real = os.replace

    def full(*_a: object, **_k: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "replace", full)
    with pytest.raises(ics.IcsWriteError) as caught:
        ics.write_ics(target, ics.checkin_ics(date(2026, 7, 1)))
    monkeypatch.setattr(os, "replace", real)
    assert str(target) in str(caught.value) and os.strerror(errno.ENOSPC) in str(caught.value)
    assert target.read_bytes() == data  # the earlier file is untouched
    assert [p.name for p in tmp_path.iterdir()] == ["herinnering.ics"]
