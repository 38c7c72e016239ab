"""Bulletin N°5 (Art 8-3(1)): acts against or involving a minor, and bans on activities with minors."""

from __future__ import annotations

from datetime import date

import pytest

from gateway.errors import InvalidRequest
from gateway.model.conviction import (
    Decision,
    DecisionKind,
    LaterDecisionType,
    MinorInvolvement,
    Penalty,
    PenaltyLevel,
)

from .factories import (
    bulletin,
    days,
    decision,
    explain,
    fine,
    later,
    legal,
    minors_ban,
    natural,
    offence,
    placement,
    prison,
    sursis,
)

ON = date(2026, 6, 1)


@pytest.mark.parametrize(
    ("minor", "shown"),
    [
        (MinorInvolvement.CONSTITUTIVE, True),
        (MinorInvolvement.AGGRAVATING, True),
        (MinorInvolvement.NONE, False),
    ],
    ids=["constitutive", "aggravating", "none"],
)
def test_bulletin_5_shows_conviction_for_acts_against_or_involving_a_minor(
    minor: MinorInvolvement, shown: bool
) -> None:
    person = natural(decision(prison(6), offences=(offence(), offence(minor, "attentat à la pudeur"))))
    explanation = explain(person, 5, ON)
    assert (explanation.included, explanation.article) == (shown, "8-3(1) al.1" if shown else "8-3(1)")


@pytest.mark.parametrize(
    ("minor", "shown"),
    [(MinorInvolvement.CONSTITUTIVE, True), (MinorInvolvement.NONE, False)],
    ids=["against-a-minor", "not-against-a-minor"],
)
def test_bulletin_5_shows_placement_for_acts_against_a_minor(minor: MinorInvolvement, shown: bool) -> None:
    assert explain(natural(placement(minor=minor)), 5, ON).included is shown


@pytest.mark.parametrize(
    "ban",
    [minors_ban(date(2021, 1, 1)), minors_ban(perpetual=True), minors_ban(None)],
    ids=["expired", "perpetual", "open"],
)
def test_bulletin_5_shows_every_ban_on_activities_with_minors_whatever_the_offence(ban: Penalty) -> None:
    explanation = explain(natural(decision(ban, level=PenaltyLevel.POLICE)), 5, ON)
    assert (explanation.included, explanation.article) == (True, "8-3(1) al.2")


def test_bulletin_5_has_no_time_limit() -> None:
    person = natural(
        decision(fine(100), offences=(offence(MinorInvolvement.AGGRAVATING),), final=date(1990, 1, 1))
    )
    assert explain(person, 5, date(2070, 1, 1)).included


@pytest.mark.parametrize(
    "kept",
    [
        decision(
            prison(6, sursis=sursis(non_avenue_on=date(2022, 1, 1))),
            offences=(offence(MinorInvolvement.CONSTITUTIVE),),
        ),
        decision(prison(6), by_default_not_notified=True, offences=(offence(MinorInvolvement.CONSTITUTIVE),)),
    ],
    ids=["non-avenue", "default-not-notified"],
)
def test_bulletin_5_keeps_non_avenue_and_default_convictions_AMB_12(kept: Decision) -> None:
    assert explain(natural(kept), 5, ON).included


@pytest.mark.parametrize(
    ("kind", "shown"),
    [(DecisionKind.SUSPENSION_OF_PRONOUNCEMENT, False), (DecisionKind.CONVICTION, True)],
    ids=["suspension", "conviction"],
)
def test_bulletin_5_drops_suspension_of_pronouncement_AMB_12(kind: DecisionKind, shown: bool) -> None:
    person = natural(decision(prison(6), kind=kind, offences=(offence(MinorInvolvement.CONSTITUTIVE),)))
    explanation = explain(person, 5, ON)
    assert (explanation.included, explanation.article) == (shown, "8-3(1) al.1" if shown else "8-3(1)")


@pytest.mark.parametrize(
    ("final", "shown"), [(ON, True), (ON + days(1), False)], ids=["final-that-day", "final-next-day"]
)
def test_bulletin_5_shows_only_final_decisions(final: date, shown: bool) -> None:
    person = natural(decision(prison(6), final=final, offences=(offence(MinorInvolvement.CONSTITUTIVE),)))
    assert explain(person, 5, ON).included is shown


def test_bulletin_5_drops_rehabilitated_conviction() -> None:
    person = natural(
        decision(
            prison(6),
            offences=(offence(MinorInvolvement.CONSTITUTIVE),),
            later=(later(LaterDecisionType.REHABILITATION, ON),),
        )
    )
    assert explain(person, 5, ON - days(1)).included
    assert not explain(person, 5, ON).included


def test_bulletin_5_does_not_exist_for_legal_persons() -> None:
    with pytest.raises(InvalidRequest, match="8-3"):
        bulletin(legal(decision(fine(30_000))), 5, ON)
