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


def test_dates_are_read_as_people_type_them() -> None:
    from docentwijzer.dates import parse_date

    day = date(2026, 12, 2)
    for typed in (
        "02-12-2026",
        "2-12-2026",
        " 2/12/2026 ",
        "2.12.2026",
        "2-12-26",
        "2026-12-02",
        "2 december 2026",
        "2 dec 2026",
        "2 Dec 2026",
        "2 December 2026",
        "2 dec. 2026",
    ):
        assert parse_date(typed) == day, typed
    assert parse_date("1 okt 2026") == date(2026, 10, 1)
    assert parse_date("1 Oct 2026") == date(2026, 10, 1)
    assert parse_date("3 mrt 2027") == parse_date("3 March 2027") == date(2027, 3, 3)


def test_what_is_no_date_is_not_guessed() -> None:
    from docentwijzer.dates import parse_date

    for typed in ("", "gisteren", "31-02-2026", "12-1", "2026-13-01", "2 foo 2026", "1-1-1"):
        assert parse_date(typed) is None, typed


def test_a_shown_date_reads_back_as_the_same_date() -> None:
    from docentwijzer.dates import parse_date

    for lang in ("nl", "en"):
        for day in (date(2026, 1, 9), date(2027, 12, 31)):
            assert parse_date(format_date(day, lang)) == day
            assert parse_date(format_date_long(day, lang)) == day


def test_stored_months_and_days_are_shown_the_one_way() -> None:
    from docentwijzer.dates import format_stored

    assert format_stored("2026-11", "nl") == "november 2026"
    assert format_stored("2026-11-05", "nl") == "05-11-2026"
    assert format_stored("2026-11-05", "en") == "5 Nov 2026"
