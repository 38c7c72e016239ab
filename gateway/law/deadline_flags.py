"""The warning flags of the requests' deadlines (Art 16, Loi du 29 mars 2013): a request whose answer is
owed soon is flagged *due soon*, one whose due date has passed *late* (RULES.md §B.5)."""

from __future__ import annotations

import enum

DEFAULT_WARNING_WORKING_DAYS = 2
"""An operational choice (the law sets the deadline, not the warning): two working days before the due
date; the setting ``deadline_warning_working_days`` changes it."""


class RequestFlag(enum.StrEnum):
    DUE_SOON = "due_soon"
    LATE = "late"


def deadline_flag(*, answered: bool, working_days_left: int | None,
                  warning_working_days: int = DEFAULT_WARNING_WORKING_DAYS) -> RequestFlag | None:
    """Art 16(1)-(2) — the flag of a request on a day: none once answered; *late* when its working days
    left are negative (the due date has passed, ``gateway.law.deadlines.is_late``); *due soon* when at most
    ``warning_working_days`` working days are left (0: due today); none otherwise."""
    if answered or working_days_left is None:
        return None
    if working_days_left < 0:
        return RequestFlag.LATE
    if working_days_left <= warning_working_days:
        return RequestFlag.DUE_SOON
    return None
