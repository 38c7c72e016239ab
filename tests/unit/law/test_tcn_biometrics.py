"""Art 12-2(1): fingerprints are mandatory for a third-country national (stateless, unknown assimilated;
EU nationals also holding a third-country nationality excluded) convicted to at least six months of custody,
suspended or not (AMB-19)."""

from __future__ import annotations

from datetime import date

import pytest

from gateway.law.tcn.biometrics import fingerprints_required
from gateway.model.conviction import (
    Decision,
    DecisionKind,
    Imprisonment,
    PenaltyLevel,
    Sursis,
    SuspensionType,
)
from gateway.model.person import NaturalPerson

ON = date(2026, 11, 23)


def _person(months: int, *nationalities: str, sursis: Sursis | None = None) -> NaturalPerson:
    decision = Decision(
        id="D1", court="TA Luxembourg", court_country="LU", reference=None, decision_date=date(2025, 1, 10),
        final_date=date(2025, 2, 20), kind=DecisionKind.CONVICTION, penalty_level=PenaltyLevel.CORRECTIONAL,
        penalties=(Imprisonment(months=months, sursis=sursis),),
    )
    return NaturalPerson(id="P", surname="Silva", nationalities=nationalities, decisions=(decision,))


@pytest.mark.parametrize(
    ("nationalities", "months", "required"),
    [
        (("BR",), 6, True),
        (("BR",), 5, False),
        (("STATELESS",), 6, True),
        (("UNKNOWN",), 6, True),
        ((), 6, True),
        (("PT", "BR"), 24, False),  # excluded: also an EU national (12-2(1) al. 3)
        (("LU", "MA"), 24, False),
        (("FR",), 24, False),
    ],
)
def test_art_12_2_fingerprints_mandatory_from_six_months_for_third_country_nationals_only(
    nationalities: tuple[str, ...], months: int, required: bool
) -> None:
    assert fingerprints_required(_person(months, *nationalities), ON).included is required


def test_amb_19_a_suspended_sentence_of_six_months_counts() -> None:
    ruling = fingerprints_required(_person(6, "BR", sursis=Sursis(SuspensionType.SIMPLE)), ON)
    assert ruling.included
    assert "AMB-19" in ruling.reason
