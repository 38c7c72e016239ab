"""Bulletin N°4 (Art 8-2(1)): N°3, plus every conviction pronouncing a driving ban for three years."""

from __future__ import annotations

from datetime import date

import pytest

from gateway.errors import InvalidRequest
from gateway.model.conviction import (
    Decision,
    DecisionKind,
    LaterDecisionType,
    PenaltyLevel,
    Sursis,
    SursisScope,
)

from .factories import (
    bulletin,
    days,
    decision,
    driving_ban,
    explain,
    fine,
    later,
    legal,
    natural,
    prison,
    sursis,
)

ON = date(2026, 6, 1)
BAN_END = date(2021, 9, 30)
THIRD_ANNIVERSARY = date(2024, 9, 30)


def test_bulletin_4_shows_every_decision_on_bulletin_3() -> None:
    explanation = explain(natural(decision(prison(30))), 4, ON)
    assert (explanation.included, explanation.article) == (True, "8-2(1)")
    assert "8-1(1)" in explanation.reason


def test_bulletin_4_drops_decision_not_on_bulletin_3_without_driving_ban() -> None:
    explanation = explain(natural(decision(fine(1000))), 4, ON)
    assert (explanation.included, explanation.article) == (False, "8-1(1) 5)")


@pytest.mark.parametrize(
    ("on", "shown"),
    [(BAN_END, True), (THIRD_ANNIVERSARY, True), (THIRD_ANNIVERSARY + days(1), False)],
    ids=["last-day-of-ban", "third-anniversary", "day-after"],
)
def test_bulletin_4_drops_driving_ban_three_years_after_its_execution(on: date, shown: bool) -> None:
    explanation = explain(natural(decision(driving_ban(BAN_END), fine(300))), 4, on)
    assert explanation.included is shown
    if on > BAN_END:
        assert explanation.article == "8-2(1) al.2"


@pytest.mark.parametrize(
    ("on", "shown"), [(date(2023, 2, 28), True), (date(2023, 3, 1), False)], ids=["28-february", "1-march"]
)
def test_bulletin_4_drops_driving_ban_three_years_after_execution_ending_29_february(
    on: date, shown: bool
) -> None:
    assert explain(natural(decision(driving_ban(date(2020, 2, 29)))), 4, on).included is shown


@pytest.mark.parametrize("end", [None, ON + days(400)], ids=["end-unrecorded", "still-executing"])
def test_bulletin_4_shows_driving_ban_not_yet_executed(end: date | None) -> None:
    assert explain(natural(decision(driving_ban(end))), 4, ON).included


NON_AVENUE = date(2022, 4, 1)


@pytest.mark.parametrize(
    ("ban_sursis", "on", "shown"),
    [
        (sursis(), ON, True),
        (sursis(non_avenue_on=NON_AVENUE), date(2025, 4, 1), True),
        (sursis(non_avenue_on=NON_AVENUE), date(2025, 4, 2), False),
        (sursis(revoked_on=date(2020, 6, 1)), THIRD_ANNIVERSARY, True),
        (sursis(revoked_on=date(2020, 6, 1)), THIRD_ANNIVERSARY + days(1), False),
    ],
    ids=[
        "pending",
        "non-avenue-third-anniversary",
        "non-avenue-day-after",
        "revoked-anniversary",
        "revoked-day-after",
    ],
)
def test_bulletin_4_drops_suspended_driving_ban_three_years_after_non_avenue(
    ban_sursis: Sursis, on: date, shown: bool
) -> None:
    person = natural(decision(driving_ban(BAN_END, sursis=ban_sursis)))
    assert explain(person, 4, on).included is shown


@pytest.mark.parametrize(
    ("non_avenue_on", "on", "shown"),
    [
        (date(2023, 1, 10), date(2026, 1, 10), True),
        (date(2023, 1, 10), date(2026, 1, 11), False),
        (date(2020, 1, 10), THIRD_ANNIVERSARY, True),
        (date(2020, 1, 10), THIRD_ANNIVERSARY + days(1), False),
        (None, ON, True),
    ],
    ids=[
        "non-avenue-later",
        "non-avenue-later-day-after",
        "execution-later",
        "execution-later-day-after",
        "pending",
    ],
)
def test_bulletin_4_counts_partly_suspended_driving_ban_from_the_later_date_AMB_11(
    non_avenue_on: date | None, on: date, shown: bool
) -> None:
    ban = driving_ban(BAN_END, sursis=sursis(scope=SursisScope.PARTIAL, non_avenue_on=non_avenue_on))
    assert explain(natural(decision(ban)), 4, on).included is shown


@pytest.mark.parametrize(
    "convicted",
    [
        decision(driving_ban(BAN_END), level=PenaltyLevel.POLICE, traffic=True),
        decision(driving_ban(BAN_END), by_default_not_notified=True),
    ],
    ids=["police-traffic", "default-not-notified"],
)
def test_bulletin_4_shows_every_conviction_with_a_driving_ban_AMB_10(convicted: Decision) -> None:
    assert explain(natural(convicted), 4, THIRD_ANNIVERSARY).included
    assert not explain(natural(convicted), 4, THIRD_ANNIVERSARY + days(1)).included


def test_bulletin_4_drops_suspension_of_pronouncement_with_driving_ban() -> None:
    person = natural(decision(driving_ban(None), kind=DecisionKind.SUSPENSION_OF_PRONOUNCEMENT))
    assert not explain(person, 4, ON).included


def test_bulletin_4_drops_amnestied_conviction_with_driving_ban() -> None:
    person = natural(decision(driving_ban(None), later=(later(LaterDecisionType.AMNESTY, ON),)))
    assert explain(person, 4, ON - days(1)).included
    assert not explain(person, 4, ON).included


def test_bulletin_4_does_not_exist_for_legal_persons() -> None:
    with pytest.raises(InvalidRequest, match="8-2"):
        bulletin(legal(decision(fine(30_000))), 4, ON)
