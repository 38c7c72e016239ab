"""Art 12-1(3), AMB-20: the police's biometric files are erased three calendar months after the reply,
clamped to the end of a shorter month."""

from __future__ import annotations

from datetime import date

import pytest

from gateway.law.tcn_biometrics import add_calendar_months, biometric_files_erase_on


@pytest.mark.parametrize(
    ("replied_on", "erase_on"),
    [
        (date(2026, 1, 31), date(2026, 4, 30)),  # AMB-20's example: April has 30 days
        (date(2026, 11, 30), date(2027, 2, 28)),  # common year
        (date(2027, 11, 30), date(2028, 2, 29)),  # leap year
        (date(2027, 11, 29), date(2028, 2, 29)),
        (date(2026, 11, 28), date(2027, 2, 28)),  # no clamping needed
        (date(2026, 10, 31), date(2027, 1, 31)),  # across the year end, long month
        (date(2026, 12, 31), date(2027, 3, 31)),
        (date(2026, 3, 15), date(2026, 6, 15)),
        (date(2026, 5, 31), date(2026, 8, 31)),
    ],
)
def test_biometric_files_are_erased_three_calendar_months_after_the_reply(replied_on: date, erase_on: date) -> None:
    assert biometric_files_erase_on(replied_on) == erase_on


def test_calendar_months_clamp_to_the_end_of_a_shorter_month() -> None:
    assert add_calendar_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_calendar_months(date(2028, 1, 31), 1) == date(2028, 2, 29)
    assert add_calendar_months(date(2026, 8, 31), 13) == date(2027, 9, 30)
