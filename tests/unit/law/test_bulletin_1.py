"""Bulletin N°1 (Art 5): every live inscription, with its annotations."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from adapters.text.bulletin_fr import render_bulletin
from gateway.model.conviction import Decision, LaterDecisionType, PenaltyLevel, Suspension, SuspensionType

from .factories import (
    FINAL,
    bulletin,
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


OPPOSITION = "jugement sur opposition du 12/03/2021, TA Luxembourg, réf. 2021/123 : peine confirmée"


def _with_mentions() -> tuple[Decision, Decision]:
    probation = replace(
        sursis(),
        type=SuspensionType.PROBATOIRE,
        probation_years=3,
        obligations=("soins", "indemniser la victime"),
    )
    convicted = replace(
        decision(fine(500), prison(12, sursis=probation), id="D1", by_default_not_notified=True),
        opposition_decision=OPPOSITION,
    )
    suspended = replace(
        suspension_of_pronouncement(id="D2"),
        suspension=Suspension(
            SuspensionType.PROBATOIRE, duration_years=2, obligations=("stage de sensibilisation",)
        ),
    )
    return convicted, suspended


def test_bulletin_1_gives_the_opposition_decision_and_the_obligations_with_their_duration_art_1_3_4() -> None:
    convicted, suspended = _with_mentions()
    result = bulletin(natural(convicted, suspended), 1, ON)
    by_decision = {m.decision: m for m in result.details}
    assert list(by_decision) == ["D1", "D2"]
    d1, d2 = by_decision["D1"], by_decision["D2"]
    assert (d1.by_default_not_notified, d1.opposition_decision) == (True, OPPOSITION)
    assert [(s.penalty_index, s.penalty, s.type, s.probation_years, s.obligations) for s in d1.sursis] == [
        (1, "imprisonment", SuspensionType.PROBATOIRE, 3, ("soins", "indemniser la victime"))
    ]
    assert d2.suspension is not None
    assert (d2.suspension.duration_years, d2.suspension.obligations) == (2, ("stage de sensibilisation",))


@pytest.mark.parametrize("number", [2, 3, 4, 5])
def test_only_bulletin_1_carries_the_art_1_mentions(number: int) -> None:
    convicted, _ = _with_mentions()
    assert bulletin(natural(convicted), number, ON).details == ()


def test_bulletin_1_text_gives_the_opposition_decision_and_the_obligations_with_their_duration_art_1_3_4() -> (
    None
):
    convicted, suspended = _with_mentions()
    person = natural(convicted, suspended)
    text = render_bulletin(bulletin(person, 1, ON), person)
    assert "rendue par défaut et non notifiée à personne" in text
    assert f"décision rendue sur opposition : {OPPOSITION}" in text
    assert (
        "emprisonnement de 1 an, avec sursis probatoire, pendant 3 ans, "
        "obligations imposées : soins ; indemniser la victime"
    ) in text
    assert (
        "suspension probatoire du prononcé, pendant 2 ans, obligations imposées : stage de sensibilisation"
        in text
    )
