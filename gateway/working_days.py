"""Luxembourg working days: Monday to Friday, legal holidays excepted (AMB-26, the EU meaning).

One small object, used wherever the law or a service target counts in working days (the follow-up of
notifications, the deadlines of requests).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import holidays


@dataclass(frozen=True)
class WorkingDays:
    """The working-day calendar of ``country`` (Luxembourg by default): Mon–Fri minus its legal holidays."""

    country: str = "LU"
    _holidays: Any = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_holidays", holidays.country_holidays(self.country))

    def is_working_day(self, day: date) -> bool:
        return day.weekday() < 5 and day not in self._holidays

    def add(self, day: date, count: int) -> date:
        """The ``count``-th working day after ``day`` (``day`` itself is not counted)."""
        if count < 0:
            raise ValueError("count working days forwards only")
        current = day
        while count:
            current += timedelta(days=1)
            if self.is_working_day(current):
                count -= 1
        return current

    def between(self, start: date, end: date) -> int:
        """How many working days come after ``start`` up to ``end`` included (0 when ``end`` ≤ ``start``)."""
        count = 0
        current = start
        while current < end:
            current += timedelta(days=1)
            if self.is_working_day(current):
                count += 1
        return count


LUXEMBOURG_WORKING_DAYS = WorkingDays()
