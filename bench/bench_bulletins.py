"""Compute bulletins N°1 to N°5 for every person of a 100,000-person register held in memory.

The register is synthetic and seeded: natural persons (with every kind of penalty, sursis pending,
revoked or non avenue, conditional releases, minors, placements, suspensions) and one legal person in
ten (for whom N°4 and N°5 do not exist). Building it is not timed; computing the bulletins is.
"""

from __future__ import annotations

import random
import sys
import time
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

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
from gateway.services.bulletin import compute_bulletins

PERSONS = 100_000
ON = date(2026, 11, 23)
SEED = 2013
AMOUNTS = [Decimal(a) for a in (250, 800, 1000, 1001, 1500, 2500, 2501, 4000, 25_000, 25_001, 60_000)]


def _sursis(rng: random.Random, final: date) -> Sursis | None:
    roll = rng.random()
    if roll < 0.6:
        return None
    later = final + timedelta(days=rng.randrange(200, 2500))
    scope = SursisScope.PARTIAL if rng.random() < 0.15 else SursisScope.FULL
    if roll < 0.75:
        return Sursis(SuspensionType.SIMPLE, scope)
    if roll < 0.85:
        return Sursis(SuspensionType.PROBATOIRE, scope, non_avenue_on=later)
    if roll < 0.95:
        return Sursis(SuspensionType.SIMPLE, scope, revoked_on=later)
    return Sursis(SuspensionType.PROBATOIRE, scope, forfeited_on=later)


def _natural_penalty(rng: random.Random, final: date) -> Penalty:
    roll = rng.random()
    sursis = _sursis(rng, final)
    if roll < 0.35:
        nature = FineNature.CORRECTIONNELLE if rng.random() < 0.8 else FineNature.CRIMINELLE
        return Fine(rng.choice(AMOUNTS), nature, sursis=sursis)
    if roll < 0.6:
        months = rng.choice([3, 6, 12, 13, 18, 24, 25, 36, 60])
        executed = final + timedelta(days=30 * months) if rng.random() < 0.5 else None
        release = None
        if rng.random() < 0.1:
            released = final + timedelta(days=15 * months)
            release = ConditionalRelease(released, released + timedelta(days=700))
        return Imprisonment(months, executed_on=executed, conditional_release=release, sursis=sursis)
    if roll < 0.75:
        end = final + timedelta(days=rng.randrange(30, 900)) if rng.random() < 0.9 else None
        return DrivingBan(rng.choice([3, 6, 12, 24]), execution_end_date=end, sursis=sursis)
    if roll < 0.85:
        return CommunityService(rng.choice([40, 120, 240]), sursis=sursis)
    if roll < 0.95:
        perpetual = rng.random() < 0.1
        end = None if perpetual else final + timedelta(days=365 * rng.randrange(1, 10))
        return DeprivationOfRights(RightsSubtype.INTERDICTION, "droit de vote", end, perpetual)
    return MinorsActivityBan(end_date=final + timedelta(days=3650))


def _legal_penalty(rng: random.Random, final: date) -> Penalty:
    roll = rng.random()
    if roll < 0.7:
        return Fine(rng.choice(AMOUNTS), FineNature.CORRECTIONNELLE, sursis=_sursis(rng, final))
    if roll < 0.8:
        return Closure(end_date=final + timedelta(days=365))
    if roll < 0.85:
        return Dissolution()
    return PublicProcurementExclusion(end_date=final + timedelta(days=365 * rng.randrange(1, 6)))


def _decision(rng: random.Random, person: int, n: int, legal: bool) -> Decision:
    decided = date(2000, 1, 1) + timedelta(days=rng.randrange(365 * 27))
    final = decided + timedelta(days=rng.randrange(20, 90))
    roll = rng.random()
    kind, level = DecisionKind.CONVICTION, PenaltyLevel.CORRECTIONAL
    if roll < 0.05 and not legal:
        kind, level = DecisionKind.PLACEMENT, None
    elif roll < 0.1:
        kind = DecisionKind.SUSPENSION_OF_PRONOUNCEMENT
    elif roll < 0.2:
        level = PenaltyLevel.POLICE
    elif roll < 0.3:
        level = PenaltyLevel.CRIMINAL
    make = _legal_penalty if legal else _natural_penalty
    if kind is DecisionKind.PLACEMENT:
        penalties: tuple[Penalty, ...] = (PlacementMeasure(),)
    else:
        penalties = tuple(make(rng, final) for _ in range(rng.choice([1, 1, 1, 2, 3])))
    minor = MinorInvolvement.NONE
    if not legal and rng.random() < 0.05:
        minor = rng.choice([MinorInvolvement.CONSTITUTIVE, MinorInvolvement.AGGRAVATING])
    later = ()
    if rng.random() < 0.03:
        later = (
            LaterDecision(
                rng.choice(list(LaterDecisionType)), final + timedelta(days=rng.randrange(100, 3000))
            ),
        )
    return Decision(
        id=f"D{person:06d}-{n}",
        court="Tribunal d'arrondissement de Luxembourg",
        court_country="LU",
        reference=f"{decided.year}/{person}/{n}",
        decision_date=decided,
        final_date=final if rng.random() < 0.98 else None,
        kind=kind,
        penalty_level=level,
        by_default_not_notified=rng.random() < 0.02,
        offences=(Offence(PartialDate.of(decided - timedelta(days=90)), "vol", minor=minor),),
        penalties=penalties,
        later_decisions=later,
        suspension=Suspension(SuspensionType.SIMPLE, 2)
        if kind is DecisionKind.SUSPENSION_OF_PRONOUNCEMENT
        else None,
    )


def synthetic_persons(count: int, *, seed: int = SEED) -> list[Person]:
    rng = random.Random(seed)
    persons: list[Person] = []
    for index in range(count):
        legal = rng.random() < 0.1
        decisions = tuple(
            _decision(rng, index, n, legal) for n in range(rng.choice([0, 1, 1, 1, 2, 2, 3, 5]))
        )
        if legal:
            persons.append(
                LegalPerson(id=f"B{index:06d}", name="ACME S.A.", governing_law="LU", decisions=decisions)
            )
            continue
        born = date(1930, 1, 1) + timedelta(days=rng.randrange(365 * 75))
        died = ON - timedelta(days=rng.randrange(3000)) if rng.random() < 0.01 else None
        persons.append(
            NaturalPerson(
                id=f"{born:%Y%m%d}{index:06d}",
                surname="Muller",
                forenames=("Jean",),
                birth=Birth(PartialDate.of(born), "Luxembourg", "LU"),
                nationalities=("LU",),
                death_date=died,
                decisions=decisions,
            )
        )
    return persons


def main() -> None:
    persons = synthetic_persons(PERSONS)
    decisions = sum(len(p.decisions) for p in persons)
    started = time.perf_counter()
    bulletins = shown = nil = 0
    for person in persons:
        for result in compute_bulletins(person, ON).values():
            bulletins += 1
            shown += len(result.decisions)
            nil += result.nil
    elapsed = time.perf_counter() - started
    print(f"bulletins N°1-N°5: {PERSONS:,} persons, {decisions:,} decisions, {bulletins:,} bulletins on {ON}")
    print(f"  decisions shown: {shown:,}; bulletins bearing « néant »: {nil:,}")
    print(
        f"  total: {elapsed:6.2f} s  ({PERSONS / elapsed:,.0f} persons/s, {bulletins / elapsed:,.0f} bulletins/s)"
    )


if __name__ == "__main__":
    main()
