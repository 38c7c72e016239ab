"""Deadlines of the answers to requests for criminal-record information (Art 16, Loi du 29 mars 2013;
FD 2009/315 Art 8), counted in working days (``gateway/working_days.py``, RULES.md §B.5).

Each moment is a ``date`` or a timezone-aware instant, which counts on its calendar day in Luxembourg
(AMB-27); the day a period runs from is never counted (Reg 1182/71 Art 3(1)).
"""

from __future__ import annotations

from datetime import date

from gateway.errors import InvalidRequest
from gateway.law.wording import day
from gateway.working_days import LUXEMBOURG_WORKING_DAYS, Moment, WorkingDays, calendar_of, day_of

ANSWER_WORKING_DAYS = 10
"""Art 16(1): "dix jours ouvrables"."""
OWN_RECORD_ANSWER_WORKING_DAYS = 20
"""Art 16(2): "vingt jours ouvrables", the requests of Art 14."""


def clock_start(received: Moment, *, restarted_on: Moment | None = None) -> date:
    """Art 16(1) — the day the time to answer runs from: the day of receipt of the request or, when
    identifying the person needed a request for additional information sent to the requesting State,
    the day its reply was received (the clock restarts; only an identification exchange restarts it).
    Both are Luxembourg calendar days (AMB-27); a reply cannot come before the request."""
    start = day_of(received)
    if restarted_on is None:
        return start
    restart = day_of(restarted_on)
    if restart < start:
        raise InvalidRequest(
            f"la réponse à la demande d'informations complémentaires ({day(restart)}) ne peut précéder "
            f"la réception de la demande ({day(start)})"
        )
    return restart


def due_date(
    received: Moment,
    *,
    working_days: int = ANSWER_WORKING_DAYS,
    restarted_on: Moment | None = None,
    calendar: WorkingDays = LUXEMBOURG_WORKING_DAYS,
) -> date:
    """Art 16 — an answer is due on the ``working_days``-th working day of ``calendar`` after the day the
    clock starts (``clock_start``), that day not counted; working days are Monday to Friday minus the
    legal holidays (AMB-26), receipt days Luxembourg calendar days (AMB-27)."""
    if working_days < 1:
        raise InvalidRequest(f"un délai compte au moins un jour ouvrable (pas {working_days})")
    return calendar.after(clock_start(received, restarted_on=restarted_on), working_days)


def answer_due_date(received: Moment, *, restarted_on: Moment | None = None) -> date:
    """Art 16(1) — Luxembourg answers a request of another Member State within 10 Luxembourg working days
    of its receipt, or of the receipt of the reply to its request for additional identification
    information (AMB-26, AMB-27). Own-record requests forwarded by other States are answered in the same
    10 days: Art 16(1) lists the person's own bulletin N°3 (Art 8-1(3) 4)), which the 20 days of Art
    16(2) would otherwise cover (AMB-25)."""
    return due_date(received, working_days=ANSWER_WORKING_DAYS, restarted_on=restarted_on)


def awaited_answer_working_days(*, own_record: bool) -> int:
    """Art 16(1), Art 16(2) with Art 14, reading AMB-25 — the working days a requested State has to answer
    Luxembourg: 10 for Luxembourg's requests (FD 2009/315 Art 8(1)), 20 for the own-record requests
    Luxembourg forwards under Art 14 (FD Art 8(2))."""
    return OWN_RECORD_ANSWER_WORKING_DAYS if own_record else ANSWER_WORKING_DAYS


def awaited_answer_due_date(
    sent: Moment, *, requested_state: str, own_record: bool, restarted_on: Moment | None = None
) -> date:
    """Art 16(1), Art 16(2) with Art 14, reading AMB-25 — when the answer Luxembourg awaits from
    ``requested_state`` is due: ``awaited_answer_working_days`` counted in that State's working days
    (Reg 1182/71 Art 2(1): the holidays of the State where the action is taken; AMB-26), from the day the
    request reached it (a Luxembourg calendar day, AMB-27) or the day it received the additional
    identification information it asked for."""
    return due_date(sent, working_days=awaited_answer_working_days(own_record=own_record),
                    restarted_on=restarted_on, calendar=calendar_of(requested_state))


def is_late(due: date, *, on: date) -> bool:
    """Art 16 — an answer still owed on ``on`` is late once its due date has passed."""
    return on > due


def working_days_left(due: date, *, on: date, calendar: WorkingDays = LUXEMBOURG_WORKING_DAYS) -> int:
    """Art 16, AMB-26 — the working days of ``calendar`` left on ``on`` to answer by ``due``: those after
    ``on`` up to ``due`` (0 on the due date itself); once late, minus the working days from the day after
    ``due`` up to the first working day on or after ``on`` (the first day an answer can still be given), so
    a request due on a Friday is -1 on the Saturday, the Sunday and the Monday."""
    if on <= due:
        return calendar.between(on, due)
    answerable = on if calendar.is_working_day(on) else calendar.add(on, 1)
    return -calendar.between(due, answerable)
