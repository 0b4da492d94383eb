"""A check-in as a calendar reminder: one standard iCalendar file (RFC 5545).

Outlook, Apple Calendar and Thunderbird open it as one appointment. By default it carries no
student data: the title is "DocentWijzer: check-in" and the text says only the date; who it is
about and what to ask stay in the encrypted notes. The teacher may choose to add the pseudonym
and the question (a calendar is often synchronised to a server; the screen says so).

The appointment is at a time of day in Dutch time (``Europe/Amsterdam``, with its own time-zone
definition in the file, so a calendar shows 09:00 on the day whether summer time applies or not).
Written by hand: the file format is small and the app needs no extra package for it; the tests
read every file back with the maintained ``icalendar`` package.
"""

from __future__ import annotations

import re
import uuid
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from docentwijzer import APP_NAME, __version__
from docentwijzer.dates import format_date_long
from docentwijzer.i18n import Lang, language, t
from docentwijzer.storage import atomic_write_bytes

TZID = "Europe/Amsterdam"
#: The Dutch rules since 1996: summer time from the last Sunday of March 02:00 to the last
#: Sunday of October 03:00.
_VTIMEZONE = (
    "BEGIN:VTIMEZONE",
    f"TZID:{TZID}",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "DTSTART:19700329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "DTSTART:19701025T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
)
DEFAULT_TIME = time(9, 0)
DEFAULT_MINUTES = 15
#: Control characters (C0 except tab and newline, DEL, C1) are dropped; Unicode line and
#: paragraph separators become newlines (readers split lines on them).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x84\x86-\x9f]")
_BREAKS = re.compile(r"\r\n|[\r\x85\u2028\u2029]")


class IcsWriteError(Exception):
    """The file could not be written where the teacher chose; ``str()`` says so for them."""


def clean_text(text: str) -> str:
    """What of ``text`` goes into the file: line breaks as newlines, no control characters."""
    return _CONTROL.sub("", _BREAKS.sub("\n", text))


def escape_text(text: str) -> str:
    """A TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and newlines escaped."""
    text = clean_text(text)
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def fold(line: str) -> str:
    """Lines of at most 75 octets, continued with CRLF and a space, never inside a character."""
    encoded = line.encode("utf-8")
    if len(encoded) <= 75:
        return line
    parts: list[str] = []
    current = ""
    size = 0
    limit = 75
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            parts.append(current)
            current, size, limit = "", 0, 74  # continuation lines start with a space
        current += char
        size += width
    parts.append(current)
    return "\r\n ".join(parts)


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _local(day: date, at: time) -> str:
    return datetime.combine(day, at).strftime("%Y%m%dT%H%M%S")


def file_name(due: date) -> str:
    """A suggested file name: the date only, never who it is about."""
    return f"docentwijzer-check-in-{due.isoformat()}.ics"


def checkin_ics(
    due: date,
    *,
    at: time = DEFAULT_TIME,
    minutes: int = DEFAULT_MINUTES,
    uid: str | None = None,
    pseudonym: str = "",
    question: str = "",
    lang: Lang | None = None,
    now: datetime | None = None,
) -> bytes:
    """One appointment for a check-in on ``due`` at ``at`` (Dutch time), with a reminder.

    ``pseudonym`` and ``question`` are added only when given (the teacher opted in).
    """
    lang = lang or language()
    now = now or datetime.now(UTC)
    pseudonym, question = clean_text(pseudonym).strip(), clean_text(question).strip()
    title = t("checkins.ics_title", lang=lang)
    if pseudonym:
        title = t("checkins.ics_title_with", lang=lang, pseudonym=pseudonym)
    text = t("checkins.ics_text", lang=lang, date=format_date_long(due, lang))
    if question:
        text += "\n\n" + question
    start = datetime.combine(due, at)
    end = start + timedelta(minutes=max(1, minutes))
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//{APP_NAME}//{APP_NAME} {__version__}//{lang.upper()}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        *_VTIMEZONE,
        "BEGIN:VEVENT",
        f"UID:{uid or uuid.uuid4().hex}@docentwijzer",
        f"DTSTAMP:{_stamp(now)}",
        f"DTSTART;TZID={TZID}:{_local(start.date(), start.time())}",
        f"DTEND;TZID={TZID}:{_local(end.date(), end.time())}",
        f"SUMMARY:{escape_text(title)}",
        f"DESCRIPTION:{escape_text(text)}",
        "CLASS:PRIVATE",
        "TRANSP:TRANSPARENT",
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        f"DESCRIPTION:{escape_text(title)}",
        "TRIGGER:PT0S",
        "END:VALARM",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return ("\r\n".join(fold(line) for line in lines) + "\r\n").encode("utf-8")


def write_ics(path: Path, data: bytes) -> None:
    """Write atomically; an unwritable location raises :class:`IcsWriteError`."""
    try:
        atomic_write_bytes(path, data)
    except OSError as exc:
        raise IcsWriteError(
            t("checkins.ics_write_failed", path=str(path), reason=exc.strerror or str(exc))
        ) from exc
