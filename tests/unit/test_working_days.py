"""Luxembourg working days (AMB-26): Monday to Friday, legal holidays excepted."""

from __future__ import annotations

from datetime import date

from gateway.working_days import WorkingDays

LU = WorkingDays()


def test_weekends_and_luxembourg_holidays_are_not_working_days() -> None:
    assert LU.is_working_day(date(2026, 12, 24))  # Thursday
    assert not LU.is_working_day(date(2026, 12, 25))  # Christmas
    assert not LU.is_working_day(date(2026, 12, 26))  # Saint Stephen's day, a Saturday anyway
    assert not LU.is_working_day(date(2026, 6, 23))  # National day (Tuesday)
    assert not LU.is_working_day(date(2026, 5, 9))  # Europe day (Saturday): not counted either way
    assert not LU.is_working_day(date(2026, 11, 28))  # Saturday


def test_adding_working_days_skips_weekends_and_holidays() -> None:
    assert LU.add(date(2026, 12, 23), 2) == date(2026, 12, 28)  # Thu 24, (Fri 25 holiday, weekend), Mon 28
    assert LU.add(date(2026, 6, 22), 1) == date(2026, 6, 24)  # over National day
    assert LU.add(date(2026, 11, 23), 0) == date(2026, 11, 23)


def test_working_days_between_two_days_count_the_end_not_the_start() -> None:
    assert LU.between(date(2026, 12, 23), date(2026, 12, 29)) == 3
    assert LU.between(date(2026, 12, 29), date(2026, 12, 23)) == 0
