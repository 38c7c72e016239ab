"""AMB-33: a driving or other ban under a pending full sursis still « reste à exécuter » (a revocation
would make it executable): on N°2 and N°3 until the sursis is non avenue or the ban's period has run."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from .factories import days, decision, driving_ban, explain, interdiction, minors_ban, natural, sursis

ON = date(2026, 6, 1)


@pytest.mark.parametrize("number", [2, 3])
@pytest.mark.parametrize(
    ("end", "non_avenue_on", "shown"),
    [
        (None, None, True),
        (None, ON + days(1), True),
        (None, ON, False),
        (ON, None, True),
        (ON - days(1), None, False),
    ],
    ids=["pending-no-end", "non-avenue-next-day", "non-avenue-that-day", "last-day-of-ban", "ban-run"],
)
def test_driving_ban_under_pending_full_sursis_is_still_to_execute_amb_33(
    number: int, end: date | None, non_avenue_on: date | None, shown: bool
) -> None:
    ban = driving_ban(end, sursis=sursis(non_avenue_on=non_avenue_on))
    explanation = explain(natural(decision(ban)), number, ON)
    assert explanation.included is shown


@pytest.mark.parametrize("number", [2, 3])
@pytest.mark.parametrize(
    ("end", "non_avenue_on", "shown"),
    [
        (ON, None, True),
        (ON - days(1), None, False),
        (ON + days(30), ON, False),
        (ON + days(30), ON + days(1), True),
    ],
    ids=["last-day", "period-run", "non-avenue-that-day", "non-avenue-next-day"],
)
def test_interdiction_under_pending_full_sursis_runs_until_non_avenue_or_its_end_amb_33(
    number: int, end: date, non_avenue_on: date | None, shown: bool
) -> None:
    for ban in (interdiction(end), minors_ban(end)):
        suspended = replace(ban, sursis=sursis(non_avenue_on=non_avenue_on))
        explanation = explain(natural(decision(suspended)), number, ON)
        assert explanation.included is shown, ban
