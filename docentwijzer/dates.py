"""How dates are shown: one format on every screen and in every PDF.

Stored dates stay ISO (``2026-12-02``); what a person reads comes from here only.

- :func:`format_date`: fields, lists and short mentions: ``02-12-2026`` in Dutch, ``2 Dec 2026``
  in English (a numeric day-month order would be misread by readers used to month-first).
- :func:`format_date_long`: in running text and PDF headings: ``2 december 2026`` /
  ``2 December 2026``.
- :func:`format_stored`: a stored ``2026-11`` or ``2026-11-05`` (e.g. when numbers were
  checked) the same way: ``november 2026`` / ``05-11-2026``.
- :func:`parse_date`: what people type in a date field, in either language: ``2-12-2026``,
  ``02-12-2026``, ``2/12/26``, ``2026-12-02``, ``2 dec 2026``, ``2 December 2026``. Numbers
  are read day first (as written in the Netherlands); nothing is guessed beyond that.
"""

from __future__ import annotations

import re
from datetime import date

from docentwijzer.i18n import language

_MONTHS = {
    "nl": [
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ],
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
}


def format_date(day: date, lang: str | None = None) -> str:
    """02-12-2026 in Dutch, 2 Dec 2026 in English."""
    if (lang or language()) == "nl":
        return f"{day.day:02d}-{day.month:02d}-{day.year}"
    return f"{day.day} {_MONTHS['en'][day.month - 1][:3]} {day.year}"


def format_date_long(day: date, lang: str | None = None) -> str:
    """2 december 2026 in Dutch, 2 December 2026 in English."""
    months = _MONTHS["nl" if (lang or language()) == "nl" else "en"]
    return f"{day.day} {months[day.month - 1]} {day.year}"


def format_month(year: int, month: int, lang: str | None = None) -> str:
    """A month without a day, e.g. when a web page was checked: november 2026 / November 2026."""
    months = _MONTHS["nl" if (lang or language()) == "nl" else "en"]
    return f"{months[month - 1]} {year}"


def format_stored(value: str, lang: str | None = None) -> str:
    """A stored ISO month (``2026-11``) or day (``2026-11-05``), shown the one way."""
    parts = [int(part) for part in value.split("-")]
    if len(parts) == 2:
        return format_month(parts[0], parts[1], lang)
    return format_date(date(parts[0], parts[1], parts[2]), lang)


#: Month names and their usual abbreviations in both languages (lower case) → month number.
_MONTH_WORDS: dict[str, int] = {}
for _names in _MONTHS.values():
    for _number, _name in enumerate(_names, start=1):
        _MONTH_WORDS[_name.lower()] = _number
        _MONTH_WORDS[_name[:3].lower()] = _number
_MONTH_WORDS.update({"mrt": 3, "okt": 10, "sept": 9})

_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_NUMERIC = re.compile(r"(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{4}|\d{2})")
_WORDS = re.compile(r"(\d{1,2})\.?\s+([^\W\d_]+)\.?,?\s+(\d{4})")


def parse_date(text: str) -> date | None:
    """The date in ``text`` as people type it, or None when it is not one (never a guess)."""
    text = text.strip()
    numbers: tuple[int, int, int] | None = None
    if match := _ISO.fullmatch(text):
        numbers = (int(match[1]), int(match[2]), int(match[3]))
    elif match := _NUMERIC.fullmatch(text):
        year = int(match[3])
        numbers = (year + 2000 if len(match[3]) == 2 else year, int(match[2]), int(match[1]))
    elif (match := _WORDS.fullmatch(text)) and match[2].lower() in _MONTH_WORDS:
        numbers = (int(match[3]), _MONTH_WORDS[match[2].lower()], int(match[1]))
    if numbers is None:
        return None
    try:
        return date(*numbers)
    except ValueError:
        return None
