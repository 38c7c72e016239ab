"""Working days (RULES.md §B.5): Monday to Friday, a country's legal public holidays excepted (AMB-26, the
EU meaning of Reg 1182/71 Art 2(2)).

The holidays are the ``holidays`` package's default category for the country (for Luxembourg: Code du
travail art L.232-2, Europe Day included since 2019) — never its bank holidays, which add Good Friday and
the 24 and 31 December. A period counted in working days does not count the day it runs from (Reg 1182/71
Art 3(1)); given as an instant, that day is its calendar day in Luxembourg (AMB-27).

One small object per country, used wherever the law or a service target counts in working days (the
deadlines of Art 16 in ``gateway/law/deadlines.py``, the follow-up of notifications); Luxembourg's is
``LUXEMBOURG_WORKING_DAYS``, another State's serves to follow the answers it owes (Reg 1182/71 Art 2(1):
the holidays of the State where the action is taken).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import cache
from typing import Any

import holidays

from gateway.clock import legal_date
from gateway.errors import GatewayError

Moment = date | datetime
"""A day, or a timezone-aware instant standing for its calendar day in Luxembourg (AMB-27)."""

COUNTRY_ALIASES = {"EL": "GR", "UK": "GB"}
"""The EU's own codes for Greece and the United Kingdom, and the ISO codes the calendars are filed under."""


class NoCalendar(GatewayError):
    """No working-day calendar for a country, or for a year: a due date is never computed without one."""


def day_of(moment: Moment) -> date:
    """AMB-27 — the day a period runs from: a date as given; an instant, its calendar day in
    Europe/Luxembourg (``2026-03-26T23:30:00Z`` is the 27th there). A naive instant is refused."""
    if isinstance(moment, datetime):
        if moment.tzinfo is None or moment.utcoffset() is None:
            raise ValueError("an instant without its offset has no day in Luxembourg")
        return legal_date(moment)
    return moment


@dataclass(frozen=True)
class WorkingDays:
    """The working-day calendar of ``country`` (Luxembourg by default): Mon–Fri minus its legal holidays."""

    country: str = "LU"
    _holidays: Any = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        code = self.country.strip().upper()
        code = COUNTRY_ALIASES.get(code, code)
        try:
            calendar = holidays.country_holidays(code)  # the default category: the legal public holidays
        except NotImplementedError:
            raise NoCalendar(
                f"aucun calendrier des jours fériés pour le pays {self.country!r} "
                "(code ISO à deux lettres, p. ex. LU, FR, DE)"
            ) from None
        object.__setattr__(self, "country", code)
        object.__setattr__(self, "_holidays", calendar)

    def _known(self, day: date) -> date:
        first, last = self._holidays.start_year, self._holidays.end_year
        if not first <= day.year <= last:
            raise NoCalendar(
                f"le calendrier des jours fériés de {self.country} ne couvre que {first} à {last} "
                f"(pas {day.year})"
            )
        return day

    def holidays_in(self, year: int) -> dict[date, str]:
        """The legal holidays of ``year``, by day, named in French when the package has the names."""
        self._known(date(year, 1, 1))
        languages = self._holidays.supported_languages
        named = holidays.country_holidays(self.country, years=year, language="fr" if "fr" in languages else None)
        return dict(sorted(named.items()))

    def is_working_day(self, day: date) -> bool:
        return day.weekday() < 5 and self._known(day) not in self._holidays

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

    def after(self, moment: Moment, count: int) -> date:
        """Reg 1182/71 Art 3(1), AMB-27 — the ``count``-th working day after the day of ``moment`` (a
        date, or an instant on its Luxembourg calendar day), that day not counted."""
        return self.add(self._known(day_of(moment)), count)

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


@cache
def calendar_of(country: str) -> WorkingDays:
    """The working-day calendar of ``country``, built once (``NoCalendar`` for a country without one)."""
    return WorkingDays(country)
