"""Art 16 — answers are due within 10 working days of receipt of the request, or of the reply to a request
for additional identification information (16(1)); 20 for the own-record requests of Art 14 (16(2));
Luxembourg's answers count in Luxembourg's working days, the answers it awaits in the requested State's
(AMB-25, AMB-26); the day of receipt is not counted and is a Luxembourg calendar day (AMB-27)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from gateway.errors import InvalidRequest
from gateway.law.copies import copy_due_date
from gateway.law.deadlines import (
    ANSWER_WORKING_DAYS,
    OWN_RECORD_ANSWER_WORKING_DAYS,
    answer_due_date,
    awaited_answer_due_date,
    awaited_answer_working_days,
    clock_start,
    due_date,
    is_late,
    working_days_left,
)
from gateway.working_days import WorkingDays


@pytest.mark.parametrize(("received", "due"), [
    # Friday before Whit Monday (25 May 2026): Monday is not counted, nor Friday itself
    (date(2026, 5, 22), date(2026, 6, 8)),
    (date(2027, 5, 14), date(2027, 5, 31)),  # the same in 2027 (Whit Monday 17 May)
    # Christmas week: 25 December and 1 January skipped, 24 and 31 December counted
    (date(2026, 12, 22), date(2027, 1, 7)),
    (date(2026, 12, 24), date(2027, 1, 11)),
    (date(2026, 12, 28), date(2027, 1, 12)),
    # Easter: Good Friday (3 April) counts, Easter Monday (6 April) does not
    (date(2026, 4, 2), date(2026, 4, 17)),
    (date(2026, 3, 26), date(2026, 4, 10)),
    # received on a Saturday that is Europe Day: Ascension (14 May) and Whit Monday skipped too
    (date(2026, 5, 9), date(2026, 5, 26)),
    # National Day (Tuesday 23 June)
    (date(2026, 6, 16), date(2026, 7, 1)),
    # two plain weeks
    (date(2026, 11, 23), date(2026, 12, 7)),
])
def test_art_16_1_luxembourg_answers_within_ten_luxembourg_working_days_of_receipt(received: date, due: date) -> None:
    assert answer_due_date(received) == due


@pytest.mark.parametrize(("received", "due"), [
    (datetime(2026, 3, 26, 22, 59, 59, tzinfo=UTC), date(2026, 4, 10)),  # 23:59:59 on Thursday in Luxembourg
    (datetime(2026, 3, 26, 23, 30, tzinfo=UTC), date(2026, 4, 13)),  # already Friday 27 in Luxembourg
    (datetime(2026, 5, 21, 22, 15, tzinfo=UTC), date(2026, 6, 8)),  # summer time: Friday 22 May, 00:15
    (datetime(2026, 12, 23, 23, 5, tzinfo=UTC), date(2027, 1, 11)),  # Christmas Eve in Luxembourg
])
def test_art_16_1_an_instant_is_received_on_its_calendar_day_in_luxembourg(received: datetime, due: date) -> None:
    assert answer_due_date(received) == due


@pytest.mark.parametrize(("received", "reply", "start", "due"), [
    # additional identification information asked; its reply arrives a week later: 10 days from the reply
    (date(2026, 3, 26), date(2026, 4, 2), date(2026, 4, 2), date(2026, 4, 17)),
    # the reply on the Friday before Whit Monday
    (date(2026, 5, 12), date(2026, 5, 22), date(2026, 5, 22), date(2026, 6, 8)),
    # the reply in Christmas week, after a request received in November
    (date(2026, 11, 30), date(2026, 12, 23), date(2026, 12, 23), date(2027, 1, 8)),
    # the reply the same day: nothing moves
    (date(2026, 3, 26), date(2026, 3, 26), date(2026, 3, 26), date(2026, 4, 10)),
    # the reply late on Thursday evening UTC, Friday in Luxembourg
    (datetime(2026, 3, 19, 9, 0, tzinfo=UTC), datetime(2026, 3, 26, 23, 30, tzinfo=UTC), date(2026, 3, 27),
     date(2026, 4, 13)),
])
def test_art_16_1_the_reply_to_a_request_for_additional_identification_restarts_the_clock(
    received: date, reply: date, start: date, due: date
) -> None:
    assert clock_start(received, restarted_on=reply) == start
    assert answer_due_date(received, restarted_on=reply) == due
    assert clock_start(received) == (received.date() if isinstance(received, datetime) else received)


def test_art_16_1_a_reply_cannot_restart_the_clock_before_the_request_was_received() -> None:
    with pytest.raises(InvalidRequest, match="26/03/2026"):
        answer_due_date(date(2026, 3, 26), restarted_on=date(2026, 3, 25))
    with pytest.raises(InvalidRequest):  # Wednesday 25 at 23:30 in Luxembourg, before Thursday's request
        answer_due_date(date(2026, 3, 26), restarted_on=datetime(2026, 3, 25, 22, 30, tzinfo=UTC))


@pytest.mark.parametrize(("own_record", "working_days"), [(False, 10), (True, 20)])
def test_art_16_and_14_a_requested_state_has_10_working_days_or_20_for_an_own_record_request(
    own_record: bool, working_days: int
) -> None:
    assert awaited_answer_working_days(own_record=own_record) == working_days
    assert (ANSWER_WORKING_DAYS, OWN_RECORD_ANSWER_WORKING_DAYS) == (10, 20)


@pytest.mark.parametrize(("sent", "state", "own_record", "due"), [
    # 10 working days in France: Bastille Day (14 July) skipped, unlike in Luxembourg (24 July)
    (date(2026, 7, 10), "FR", False, date(2026, 7, 27)),
    (date(2026, 7, 10), "LU", False, date(2026, 7, 24)),
    # Germany: Good Friday is a holiday there, not in Luxembourg (17 April)
    (date(2026, 4, 2), "DE", False, date(2026, 4, 20)),
    # 20 working days for an own-record request forwarded under Art 14
    (date(2026, 4, 2), "DE", True, date(2026, 5, 5)),  # Good Friday, Easter Monday, 1 May
    (date(2026, 4, 2), "LU", True, date(2026, 5, 4)),  # Easter Monday, 1 May
    (date(2026, 6, 12), "DE", True, date(2026, 7, 10)),  # four plain weeks in Germany
    (date(2026, 6, 5), "PT", False, date(2026, 6, 22)),  # Dia de Portugal (10 June); Luxembourg: 19 June
    (date(2026, 5, 22), "FR", True, date(2026, 6, 22)),  # Friday before Whit Monday, a holiday in France
    (date(2026, 12, 22), "DE", True, date(2027, 1, 21)),  # Christmas week in Germany
    # sent late on Thursday evening UTC: Friday in Luxembourg
    (datetime(2026, 7, 9, 22, 30, tzinfo=UTC), "FR", False, date(2026, 7, 27)),
])
def test_art_16_answers_luxembourg_awaits_count_in_the_requested_states_working_days(
    sent: date, state: str, own_record: bool, due: date
) -> None:
    assert awaited_answer_due_date(sent, requested_state=state, own_record=own_record) == due


def test_art_16_1_the_requested_state_restarts_its_clock_on_the_additional_information_it_asked_for() -> None:
    assert awaited_answer_due_date(date(2026, 7, 1), requested_state="FR", own_record=False,
                                   restarted_on=date(2026, 7, 10)) == date(2026, 7, 27)


@pytest.mark.parametrize(("received", "working_days", "country", "due"), [
    (date(2026, 3, 26), 20, "LU", date(2026, 4, 24)),
    (date(2026, 3, 26), 1, "LU", date(2026, 3, 27)),
    (date(2026, 3, 27), 1, "LU", date(2026, 3, 30)),
    (date(2026, 7, 13), 1, "FR", date(2026, 7, 15)),
])
def test_art_16_a_deadline_is_the_nth_working_day_after_the_day_of_receipt(
    received: date, working_days: int, country: str, due: date
) -> None:
    assert due_date(received, working_days=working_days, calendar=WorkingDays(country)) == due


@pytest.mark.parametrize("working_days", [0, -1])
def test_art_16_a_deadline_counts_at_least_one_working_day(working_days: int) -> None:
    with pytest.raises(InvalidRequest):
        due_date(date(2026, 3, 26), working_days=working_days)


def test_art_12_3_copies_are_due_when_art_16_1_has_a_request_answered() -> None:
    """AMB-15: one rule, one place — every day of a year gives the same due date."""
    day = date(2026, 1, 1)
    while day.year == 2026:
        assert copy_due_date(day) == answer_due_date(day), day
        day += timedelta(days=1)


@pytest.mark.parametrize(("on", "left"), [
    (date(2026, 12, 7), 0),    # the due date itself
    (date(2026, 12, 4), 1),    # the Friday before
    (date(2026, 12, 8), -1),   # the next day: late
    (date(2026, 12, 12), -5),  # a Saturday: counted to the Monday, the first day an answer can go
    (date(2026, 12, 14), -5),
])
def test_working_days_left_are_luxembourg_working_days_zero_on_the_due_date_negative_when_late(
        on: date, left: int) -> None:
    assert working_days_left(date(2026, 12, 7), on=on) == left
    assert is_late(date(2026, 12, 7), on=on) is (left < 0)
