from __future__ import annotations

from datetime import date

from docentwijzer.dates import format_date, format_date_long


def test_short_dates_are_one_format_per_language() -> None:
    assert format_date(date(2026, 12, 2), "nl") == "02-12-2026"
    assert format_date(date(2026, 12, 9), "en") == "9 Dec 2026"


def test_long_dates_spell_the_month() -> None:
    assert format_date_long(date(2027, 1, 1), "nl") == "1 januari 2027"
    assert format_date_long(date(2026, 5, 31), "en") == "31 May 2026"


def test_default_language_is_the_interface_language() -> None:
    from docentwijzer import i18n

    i18n.set_language("en")
    assert format_date(date(2026, 3, 4)) == "4 Mar 2026"
