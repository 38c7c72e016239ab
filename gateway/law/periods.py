"""How the law counts periods of years (AMB-4: the anniversary day is still inside)."""

from __future__ import annotations

from datetime import date


def anniversary(start: date, years: int) -> date:
    """The same day and month ``years`` later; 29 February becomes 28 February.

    RULES.md §A.2 "Years from F" and AMB-4: a period of N years running from F ends at the end
    of this day (quantième rule; Reg 1182/71 Art 3(2)(c)).
    """
    try:
        return start.replace(year=start.year + years)
    except ValueError:  # 29 February in a non-leap year
        return start.replace(year=start.year + years, day=28)


def within_years(start: date, years: int, on: date) -> bool:
    """True while ``on`` is not later than the last day of an N-year period from ``start`` (AMB-4)."""
    return on <= anniversary(start, years)
