"""The reasons of the rulings are French, as the clerks read them: dates dd/mm/yyyy, amounts as a French
clerk writes them (``2 500 EUR``); the articles keep their form."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

import pytest

from gateway.law.notification_duty import notifiable_decision
from gateway.law.register import (
    ErasureDue,
    ErasureGround,
    inscribable_by_issuing_court,
    inscribable_decision_type,
)
from gateway.model.conviction import (
    DecisionKind,
    FineNature,
    LaterDecisionType,
    MinorInvolvement,
    PenaltyLevel,
)
from gateway.model.person import Person
from gateway.ports import Tombstone
from gateway.services.bulletin import compute_bulletins, erased_bulletin

from .factories import (
    closure,
    days,
    decision,
    dissolution,
    driving_ban,
    fine,
    interdiction,
    later,
    legal,
    minors_ban,
    natural,
    offence,
    placement,
    prison,
    procurement_exclusion,
    release,
    sursis,
    suspension_of_pronouncement,
    tig,
)

ON = date(2026, 6, 1)
ENGLISH = re.compile(
    r"\b(the|of|not|fine|fines|months|until|within|shown|running|expired|conviction|penalty|decision|"
    r"imprisonment|driving|ban|totalling|more|than|at most|years|after|executed|suspension of|None)\b"
)
ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
ENGLISH_AMOUNT = re.compile(r"\d,\d{3}")

NATURAL_CASES = [
    decision(fine(800), id="small-fine"),
    decision(fine(800), id="small-fine-old", final=date(2019, 1, 1)),
    decision(fine(3000), id="big-fine"),
    decision(
        fine(3000, FineNature.CRIMINELLE), fine(200, sursis=sursis()), id="fines", level=PenaltyLevel.CRIMINAL
    ),
    decision(fine(3000), id="old-correctional-fine", final=date(2018, 1, 1)),
    decision(fine(100), id="police", level=PenaltyLevel.POLICE),
    decision(fine(100), id="class-3", level=PenaltyLevel.POLICE, police_class=3),
    decision(prison(12, sursis=sursis()), id="suspended-prison"),
    decision(prison(30, sursis=sursis()), id="suspended-prison-30"),
    decision(prison(30, sursis=sursis(revoked_on=ON - days(9))), id="revoked"),
    decision(prison(30, sursis=sursis(forfeited_on=ON - days(9))), id="forfeited"),
    decision(prison(12, sursis=sursis(non_avenue_on=ON - days(9))), id="non-avenue"),
    decision(prison(6, executed_on=date(2021, 1, 1)), id="short-executed"),
    decision(prison(6, release=release(date(2021, 1, 1), date(2022, 1, 1))), id="short-released"),
    decision(prison(6, release=release(date(2021, 1, 1), None)), id="short-release-running"),
    decision(prison(6), id="short"),
    decision(tig(), id="tig"),
    decision(tig(), id="tig-old", final=date(2019, 1, 1)),
    decision(driving_ban(None), id="ban"),
    decision(driving_ban(ON + days(9)), id="ban-running"),
    decision(driving_ban(date(2024, 1, 1)), id="ban-executed", level=PenaltyLevel.POLICE, traffic=True),
    decision(driving_ban(date(2020, 1, 1)), id="ban-old", level=PenaltyLevel.POLICE, traffic=True),
    decision(interdiction(None, perpetual=True), id="perpetual"),
    decision(interdiction(ON + days(9)), id="interdiction"),
    decision(interdiction(ON - days(9)), id="interdiction-expired"),
    decision(minors_ban(None), id="minors-ban", offences=(offence(MinorInvolvement.AGGRAVATING),)),
    decision(prison(36), id="minor", offences=(offence(MinorInvolvement.CONSTITUTIVE),)),
    decision(closure(ON - days(9)), procurement_exclusion(None), dissolution(), id="measures"),
    decision(prison(36), id="by-default", by_default_not_notified=True),
    decision(prison(36), id="amnestied", later=(later(LaterDecisionType.AMNESTY, ON - days(9)),)),
    decision(prison(36), id="rehabilitated", later=(later(LaterDecisionType.REHABILITATION, ON - days(9)),)),
    decision(prison(36), id="not-final-yet", final=ON + days(1)),
    decision(prison(36), id="never-final", final=None),
    decision(id="no-penalty"),
    replace(placement(), id="placement"),
    replace(suspension_of_pronouncement(), id="suspension"),
    replace(decision(prison(36)), id="suspension-kind", kind=DecisionKind.SUSPENSION_OF_PRONOUNCEMENT),
]
LEGAL_CASES = [
    decision(fine(20_000), id="legal-small"),
    decision(fine(30_000), id="legal-big"),
    decision(closure(None), dissolution(), procurement_exclusion(ON - days(9)), id="legal-measures"),
    decision(fine(100), id="legal-police", level=PenaltyLevel.POLICE),
]


def _assert_french(text: str) -> None:
    assert not ENGLISH.search(text), text
    assert not ISO_DAY.search(text), text
    assert not ENGLISH_AMOUNT.search(text), text


@pytest.mark.parametrize(
    "person",
    [natural(*NATURAL_CASES), legal(*LEGAL_CASES)],
    ids=["natural", "legal"],
)
def test_every_bulletin_explains_its_decisions_in_french(person: Person) -> None:
    reasons = [e.reason for b in compute_bulletins(person, ON).values() for e in b.explanations]
    assert reasons
    for reason in reasons:
        _assert_french(reason)


@pytest.mark.parametrize(
    ("ruling_reason", "expected"),
    [
        (ErasureDue(ErasureGround.DEATH, date(2026, 3, 1)).reason, "décès le 01/03/2026"),
        (
            ErasureDue(ErasureGround.HUNDREDTH_BIRTHDAY, date(2026, 1, 1)).reason,
            "100 ans après la naissance, atteints le 01/01/2026",
        ),
        (
            compute_bulletins(natural(decision(fine(1500))), ON)[3].explanations[0].reason,
            "amendes totalisant 1\u202f500 EUR (au plus 2\u202f500 EUR)",
        ),
        (
            compute_bulletins(natural(decision(prison(36), final=ON + days(1))), ON)[1]
            .explanations[0]
            .reason,
            "pas encore coulée en force de chose jugée à cette date (le 02/06/2026)",
        ),
    ],
    ids=["death", "hundredth-birthday", "fines", "not-final"],
)
def test_reasons_write_dates_and_amounts_as_a_french_clerk_does(ruling_reason: str, expected: str) -> None:
    assert ruling_reason == expected


def test_register_and_notification_rulings_are_french() -> None:
    person = natural(id="P")
    foreign = replace(decision(fine(100)), court_country="US")
    reasons = [
        inscribable_decision_type(decision(fine(100), level=None)).reason,
        inscribable_by_issuing_court(foreign, replace(person, nationalities=("FR",))).reason,
        inscribable_by_issuing_court(foreign, person).reason,
        notifiable_decision(legal(), decision(fine(100)), on=ON).reason,
        notifiable_decision(person, placement(), on=ON).reason,
        notifiable_decision(replace(person, nationalities=("FR",)), decision(fine(100), final=ON + days(1)), on=ON).reason,
        erased_bulletin(Tombstone("P9", date(2026, 1, 2), "décès le 01/01/2026"), 1, ON).erasure.reason,  # type: ignore[union-attr]
    ]
    for reason in reasons:
        _assert_french(reason)
