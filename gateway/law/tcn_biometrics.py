"""When the police's biometric files for an ECRIS-TCN query are erased (Loi du 29 mars 2013, Art 12-1(3);
RULES.md §A.5 R-TCN-4)."""

from __future__ import annotations

import calendar
from datetime import date

BIOMETRIC_FILES_KEPT_MONTHS = 3
"""Art 12-1(3): "au terme d'une durée de trois mois après la réponse fournie"."""

ARTICLE = "12-1(3)"


def add_calendar_months(start: date, months: int) -> date:
    """The same day ``months`` calendar months later, clamped to the last day of a shorter month
    (31 January + 1 month = 28 or 29 February)."""
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def biometric_files_erase_on(replied_on: date) -> date:
    """Art 12-1(3) — the day the procureur général d'État erases the fingerprint and facial-image files the
    Police grand-ducale sent for a query: three months after "la réponse fournie".

    AMB-20: the reply is the PG's reply to the request that led to the query, and the three months are
    calendar months from that day, clamped to the end of a shorter month (31 January → 30 April,
    30 November → 28 February, or 29 in a leap year). The files are erased on that day.
    """
    return add_calendar_months(replied_on, BIOMETRIC_FILES_KEPT_MONTHS)
