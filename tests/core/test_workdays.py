"""Working days and Dutch public holidays: office hours and follow-up dates depend on them."""

from __future__ import annotations

from datetime import date

import pytest

from docentwijzer.workdays import (
    add_working_days,
    easter_sunday,
    is_public_holiday,
    is_working_day,
)


@pytest.mark.parametrize(
    ("year", "easter"),
    [
        (2024, date(2024, 3, 31)),
        (2025, date(2025, 4, 20)),
        (2026, date(2026, 4, 5)),
        (2027, date(2027, 3, 28)),
        (2038, date(2038, 4, 25)),
    ],
)
def test_easter(year: int, easter: date) -> None:
    assert easter_sunday(year) == easter


def test_the_public_holidays_of_2026_and_2027() -> None:
    holidays_2026 = {
        date(2026, 1, 1),
        date(2026, 4, 5),
        date(2026, 4, 6),
        date(2026, 4, 27),
        date(2026, 5, 14),  # Hemelvaartsdag
        date(2026, 5, 24),
        date(2026, 5, 25),
        date(2026, 12, 25),
        date(2026, 12, 26),
    }
    assert {d for d in holidays_2026 if is_public_holiday(d)} == holidays_2026
    assert not is_public_holiday(date(2026, 4, 3))  # Goede Vrijdag: not for everyone
    assert not is_public_holiday(date(2026, 5, 5))  # Bevrijdingsdag: not for everyone
    assert is_public_holiday(date(2027, 1, 1))
    # Koningsdag on a Sunday moves to the Saturday before (2025: 26 April)
    assert is_public_holiday(date(2025, 4, 26)) and not is_public_holiday(date(2025, 4, 27))


def test_working_days_skip_weekends_and_holidays() -> None:
    assert is_working_day(date(2026, 12, 2))  # a Wednesday
    assert not is_working_day(date(2026, 11, 28))  # Saturday
    assert not is_working_day(date(2026, 12, 25))  # Christmas, a Friday
    assert add_working_days(date(2026, 11, 27), 1) == date(2026, 11, 30)  # Fri → Mon
    assert add_working_days(date(2026, 11, 28), 1) == date(2026, 11, 30)  # Sat → Mon
    assert add_working_days(date(2026, 11, 24), 5) == date(2026, 12, 1)  # Tue → next Tue
    # over Christmas and New Year: 24 Dec (Thu) + 5 working days skips 25 Dec, the weekend
    # and 1 Jan
    assert add_working_days(date(2026, 12, 24), 5) == date(2027, 1, 4)
    assert add_working_days(date(2026, 12, 31), 1) == date(2027, 1, 4)
    assert add_working_days(date(2026, 12, 26), 0) == date(2026, 12, 28)
