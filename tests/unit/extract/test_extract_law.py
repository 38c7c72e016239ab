"""Which bulletins the person may receive as an extract (Arts 6, 8, 8-1(3), 8-2(2), 8-3(2)) and the
retention limits printed on it (Art 8-5)."""

from __future__ import annotations

import pytest

from gateway.errors import InvalidRequest
from gateway.law.extract_delivery import extract_allowed
from gateway.law.extract_retention import retention_limits
from gateway.services.extract.issue import refuse_unless_allowed


@pytest.mark.parametrize(("number", "article"), [(1, "6"), (2, "8")])
def test_bulletins_1_and_2_are_never_handed_to_the_person(number: int, article: str) -> None:
    ruling = extract_allowed(number)
    assert not ruling.included
    assert ruling.article == article
    with pytest.raises(InvalidRequest, match=rf"art\. {article}\)"):
        refuse_unless_allowed(number)


@pytest.mark.parametrize(("number", "article"), [(3, "8-1(3) 1)"), (4, "8-2(2) 1)"), (5, "8-3(2) 1)")])
def test_bulletins_3_to_5_are_delivered_to_the_person_under_their_point(number: int, article: str) -> None:
    ruling = extract_allowed(number)
    assert ruling.included and ruling.article == article


def test_a_bulletin_number_the_law_does_not_know_is_refused() -> None:
    assert not extract_allowed(6).included


@pytest.mark.parametrize("number", [3, 4, 5])
def test_every_extract_says_nothing_may_be_kept_after_the_limits(number: int) -> None:
    articles = [limit.article for limit in retention_limits(number)]
    assert articles[-1] == "8-5(4)"
    assert "8-5(1) al.1" in articles


def test_the_employer_limits_follow_the_bulletin() -> None:
    assert "8-5(2)" in [limit.article for limit in retention_limits(3)]
    assert "8-5(3)" in [limit.article for limit in retention_limits(4)]
    assert "8-5(3)" not in [limit.article for limit in retention_limits(3)]
