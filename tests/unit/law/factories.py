"""Small builders of decisions and persons for the bulletin rules' tests."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from gateway.model.conviction import (
    Closure,
    CommunityService,
    ConditionalRelease,
    Decision,
    DecisionKind,
    DeprivationOfRights,
    Dissolution,
    DrivingBan,
    Fine,
    FineNature,
    Imprisonment,
    LaterDecision,
    LaterDecisionType,
    MinorInvolvement,
    MinorsActivityBan,
    Offence,
    Penalty,
    PenaltyLevel,
    PlacementMeasure,
    PublicProcurementExclusion,
    RightsSubtype,
    Sursis,
    SursisScope,
    Suspension,
    SuspensionType,
)
from gateway.model.partial_date import PartialDate
from gateway.model.person import Birth, LegalPerson, NaturalPerson, Person
from gateway.services.bulletin import Bulletin, Explanation, compute_bulletin

FINAL = date(2020, 2, 20)
"""Default date of force de chose jugée; its fifth anniversary is 2025-02-20."""


def days(n: int) -> timedelta:
    return timedelta(days=n)


def offence(minor: MinorInvolvement = MinorInvolvement.NONE, qualification: str = "vol") -> Offence:
    return Offence(date=PartialDate(2019, 12, 1), qualification=qualification, minor=minor)


def decision(
    *penalties: Penalty,
    id: str = "D1",
    final: date | None = FINAL,
    kind: DecisionKind = DecisionKind.CONVICTION,
    level: PenaltyLevel | None = PenaltyLevel.CORRECTIONAL,
    offences: tuple[Offence, ...] = (),
    by_default_not_notified: bool = False,
    later: tuple[LaterDecision, ...] = (),
    traffic: bool = False,
    police_class: int | None = None,
) -> Decision:
    return Decision(
        id=id,
        court="Tribunal d'arrondissement de Luxembourg",
        court_country="LU",
        reference=f"REF-{id}",
        decision_date=(final or FINAL) - days(40),
        final_date=final,
        kind=kind,
        penalty_level=level,
        police_contravention_class=police_class,
        traffic_offence=traffic,
        by_default_not_notified=by_default_not_notified,
        offences=offences or (offence(),),
        penalties=penalties,
        later_decisions=later,
        suspension=Suspension(SuspensionType.SIMPLE, 2)
        if kind is DecisionKind.SUSPENSION_OF_PRONOUNCEMENT
        else None,
    )


def placement(
    *, id: str = "D1", final: date = FINAL, minor: MinorInvolvement = MinorInvolvement.NONE
) -> Decision:
    return decision(
        PlacementMeasure(),
        id=id,
        final=final,
        kind=DecisionKind.PLACEMENT,
        level=None,
        offences=(offence(minor),),
    )


def suspension_of_pronouncement(*, id: str = "D1", final: date = FINAL) -> Decision:
    return decision(id=id, final=final, kind=DecisionKind.SUSPENSION_OF_PRONOUNCEMENT)


def later(kind: LaterDecisionType, on: date) -> LaterDecision:
    return LaterDecision(kind, on)


def sursis(
    *,
    scope: SursisScope = SursisScope.FULL,
    revoked_on: date | None = None,
    forfeited_on: date | None = None,
    non_avenue_on: date | None = None,
) -> Sursis:
    return Sursis(
        SuspensionType.SIMPLE,
        scope=scope,
        revoked_on=revoked_on,
        forfeited_on=forfeited_on,
        non_avenue_on=non_avenue_on,
    )


def fine(
    amount: int | str, nature: FineNature = FineNature.CORRECTIONNELLE, *, sursis: Sursis | None = None
) -> Fine:
    return Fine(Decimal(amount), nature, sursis=sursis)


def prison(
    months: int,
    *,
    sursis: Sursis | None = None,
    executed_on: date | None = None,
    release: ConditionalRelease | None = None,
) -> Imprisonment:
    return Imprisonment(months, executed_on=executed_on, conditional_release=release, sursis=sursis)


def release(
    released_on: date, probation_expiry: date | None, revoked_on: date | None = None
) -> ConditionalRelease:
    return ConditionalRelease(released_on, probation_expiry, revoked_on)


def tig(hours: int = 120, *, sursis: Sursis | None = None) -> CommunityService:
    return CommunityService(hours, sursis=sursis)


def driving_ban(end: date | None = None, *, months: int = 12, sursis: Sursis | None = None) -> DrivingBan:
    return DrivingBan(months, execution_end_date=end, sursis=sursis)


def interdiction(
    end: date | None = None, *, perpetual: bool = False, subtype: RightsSubtype = RightsSubtype.INTERDICTION
) -> DeprivationOfRights:
    return DeprivationOfRights(subtype, label="droit de vote", end_date=end, perpetual=perpetual)


def minors_ban(end: date | None = None, *, perpetual: bool = False) -> MinorsActivityBan:
    return MinorsActivityBan(end_date=end, perpetual=perpetual)


def closure(end: date | None = None, *, sursis: Sursis | None = None) -> Closure:
    return Closure(end_date=end, sursis=sursis)


def dissolution() -> Dissolution:
    return Dissolution()


def procurement_exclusion(end: date | None) -> PublicProcurementExclusion:
    return PublicProcurementExclusion(end_date=end)


def natural(
    *decisions: Decision, id: str = "P1", born: date = date(1980, 5, 17), died: date | None = None
) -> NaturalPerson:
    return NaturalPerson(
        id=id,
        surname="Muller",
        forenames=("Jean",),
        birth=Birth(PartialDate.of(born), "Luxembourg", "LU"),
        nationalities=("LU",),
        death_date=died,
        decisions=decisions,
    )


def legal(*decisions: Decision, id: str = "B1") -> LegalPerson:
    return LegalPerson(id=id, name="ACME S.A.", rcs_number=id, governing_law="LU", decisions=decisions)


def bulletin(person: Person, number: int, on: date) -> Bulletin:
    return compute_bulletin(person, number, on)


def explain(person: Person, number: int, on: date, decision_id: str = "D1") -> Explanation:
    """The explanation of one decision on bulletin N°``number`` issued on ``on``."""
    result = compute_bulletin(person, number, on)
    found = [e for e in result.explanations if e.decision == decision_id]
    assert len(found) == 1, result
    explanation = found[0]
    assert explanation.included is (decision_id in result.decisions)
    assert result.nil is (not result.decisions)
    return explanation
