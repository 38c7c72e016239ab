"""Bulletin N°1 (Art 5): every live inscription, with its annotations."""

from __future__ import annotations

from datetime import date

import pytest

from gateway.model.conviction import Decision, LaterDecisionType, PenaltyLevel

from .factories import (
    FINAL,
    days,
    decision,
    driving_ban,
    explain,
    fine,
    later,
    legal,
    natural,
    placement,
    prison,
    sursis,
    suspension_of_pronouncement,
)

ON = date(2026, 6, 1)


@pytest.mark.parametrize(
    "inscription",
    [
        decision(fine(100), level=PenaltyLevel.POLICE),
        decision(driving_ban(date(2020, 6, 1)), level=PenaltyLevel.POLICE, traffic=True),
        suspension_of_pronouncement(),
        decision(prison(12, sursis=sursis(non_avenue_on=date(2023, 1, 1)))),
        decision(prison(12), by_default_not_notified=True),
        placement(),
        decision(prison(30), later=(later(LaterDecisionType.AMNESTY, date(2022, 1, 1)),)),
        decision(fine(100), final=date(1950, 1, 1)),
    ],
    ids=["police", "traffic", "suspension", "non-avenue", "default", "placement", "amnestied", "old"],
)
def test_bulletin_1_shows_every_live_inscription(inscription: Decision) -> None:
    explanation = explain(natural(inscription), 1, ON)
    assert (explanation.included, explanation.article) == (True, "5")


@pytest.mark.parametrize(
    ("final", "shown"),
    [(ON, True), (ON + days(1), False), (None, False)],
    ids=["final-that-day", "final-next-day", "never-final"],
)
def test_bulletin_1_shows_decision_from_the_day_it_became_final(final: date | None, shown: bool) -> None:
    explanation = explain(natural(decision(prison(6), final=final)), 1, ON)
    assert explanation.included is shown
    if not shown:
        assert explanation.article == "1(1)"


def test_bulletin_1_drops_decision_the_register_does_not_inscribe() -> None:
    explanation = explain(natural(decision(fine(50), level=PenaltyLevel.POLICE, police_class=3)), 1, ON)
    assert (explanation.included, explanation.article) == (False, "1(1) 2)")


def test_bulletin_1_of_legal_person_shows_every_live_inscription() -> None:
    explanation = explain(legal(decision(fine(10))), 1, FINAL)
    assert (explanation.included, explanation.article) == (True, "5")
