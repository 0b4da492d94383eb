"""Working days and the Dutch public holidays, for office hours and follow-up dates.

The huisartsenpost takes over from the GP in the evening, at night, at weekends and on public
holidays; the tree puts it first then. The holidays here are the nationally recognised ones on
which most offices close: Nieuwjaarsdag, Eerste en Tweede Paasdag, Koningsdag, Hemelvaartsdag,
Eerste en Tweede Pinksterdag, Eerste en Tweede Kerstdag. Goede Vrijdag and Bevrijdingsdag are
left out: whether they are days off depends on the collective agreement, so the app does not
pretend to know.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache


def easter_sunday(year: int) -> date:
    """Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return date(year, month, day + 1)


@cache
def public_holidays(year: int) -> frozenset[date]:
    easter = easter_sunday(year)
    kingsday = date(year, 4, 27)
    if kingsday.weekday() == 6:  # on a Sunday it moves to the Saturday before
        kingsday = date(year, 4, 26)
    return frozenset(
        {
            date(year, 1, 1),
            easter,
            easter + timedelta(days=1),
            kingsday,
            easter + timedelta(days=39),  # Hemelvaartsdag
            easter + timedelta(days=49),  # Eerste Pinksterdag
            easter + timedelta(days=50),  # Tweede Pinksterdag
            date(year, 12, 25),
            date(year, 12, 26),
        }
    )


def is_public_holiday(day: date) -> bool:
    return day in public_holidays(day.year)


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and not is_public_holiday(day)


def add_working_days(day: date, count: int) -> date:
    """The ``count``-th working day after ``day`` (``count`` 0: ``day`` itself if it is one)."""
    if count <= 0:
        while not is_working_day(day):
            day += timedelta(days=1)
        return day
    while count:
        day += timedelta(days=1)
        if is_working_day(day):
            count -= 1
    return day
