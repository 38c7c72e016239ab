"""Art 16: the deadline watch's flag of a request from the working days left on the day."""

from __future__ import annotations

import pytest

from gateway.law.deadline_flags import RequestFlag, deadline_flag


@pytest.mark.parametrize(("answered", "left", "warning", "flag"), [
    (False, 3, 2, None),  # three working days left: not yet
    (False, 2, 2, RequestFlag.DUE_SOON),  # the warning's first day
    (False, 0, 2, RequestFlag.DUE_SOON),  # due today: still on time
    (False, -1, 2, RequestFlag.LATE),  # the day after the due date
    (False, 5, 5, RequestFlag.DUE_SOON),  # a wider warning set
    (False, 1, 0, None),  # no warning at all: only late ones are flagged
    (True, -4, 2, None),  # answered, even late: no flag any more
    (True, None, 2, None),
])
def test_art_16_a_request_is_due_soon_within_the_warning_and_late_past_its_due_date(
        answered: bool, left: int | None, warning: int, flag: RequestFlag | None) -> None:
    assert deadline_flag(answered=answered, working_days_left=left, warning_working_days=warning) is flag
