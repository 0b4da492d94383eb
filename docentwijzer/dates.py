"""How dates are shown: one format on every screen and in every PDF.

Stored dates stay ISO (``2026-12-02``); what a person reads comes from here only.

- :func:`format_date`: fields, lists and short mentions: ``02-12-2026`` in Dutch, ``2 Dec 2026``
  in English (a numeric day-month order would be misread by readers used to month-first).
- :func:`format_date_long`: in running text and PDF headings: ``2 december 2026`` /
  ``2 December 2026``.
"""

from __future__ import annotations

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
