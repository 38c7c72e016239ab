"""Art 12-1(1), (4): who has an ECRIS-TCN record — a natural person assimilated to a third-country national
with a Luxembourg conviction in the register."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from gateway.law.tcn.record_duty import tcn_operation_owed
from gateway.law.tcn.who import assimilated_third_country_national, nationality_status, tcn_record_required
from gateway.model.conviction import Decision, DecisionKind, PenaltyLevel, Suspension, SuspensionType
from gateway.model.person import LegalPerson, NaturalPerson
from gateway.model.tcn import NationalityStatus, TcnOperation

ON = date(2026, 11, 23)
CONVICTION = Decision(
    id="D1", court="TA Luxembourg", court_country="LU", reference=None, decision_date=date(2024, 1, 10),
    final_date=date(2024, 2, 20), kind=DecisionKind.CONVICTION, penalty_level=PenaltyLevel.CORRECTIONAL,
)


def _person(*nationalities: str, decisions: tuple[Decision, ...] = (CONVICTION,)) -> NaturalPerson:
    return NaturalPerson(id="P", surname="Silva", nationalities=nationalities, decisions=decisions)


@pytest.mark.parametrize(
    ("nationalities", "required"),
    [
        (("BR",), True),  # third-country national
        (("STATELESS",), True),  # assimilated (12-1(4))
        (("UNKNOWN",), True),  # assimilated (12-1(4))
        ((), True),  # no nationality recorded: unknown
        (("PT", "BR"), True),  # EU national also holding a third-country nationality (12-1(4))
        (("LU", "MA"), True),  # Luxembourg included
        (("FR",), False),
        (("LU",), False),
        (("DE", "IT"), False),
    ],
)
def test_art_12_1_4_a_record_for_third_country_nationals_and_assimilated_persons(
    nationalities: tuple[str, ...], required: bool
) -> None:
    assert tcn_record_required(_person(*nationalities), ON).included is required


def test_no_nationality_recorded_counts_as_unknown() -> None:
    assert nationality_status(_person()) is NationalityStatus.UNKNOWN
    assert nationality_status(_person("STATELESS")) is NationalityStatus.STATELESS
    assert nationality_status(_person("BR")) is NationalityStatus.KNOWN


def test_art_12_1_1_never_a_legal_person() -> None:
    company = LegalPerson(id="B1", name="ACME", governing_law="LU", decisions=(CONVICTION,))
    assert not assimilated_third_country_national(company).included
    assert not tcn_record_required(company, ON).included


def test_art_12_1_1_a_foreign_decision_does_not_call_for_a_record() -> None:
    foreign = replace(CONVICTION, court="Tribunal de Paris", court_country="FR", origin="ecris:FR")
    assert not tcn_record_required(_person("LU", "MA", decisions=(foreign,)), ON).included


def test_art_12_1_1_no_record_before_the_conviction_is_final_nor_for_a_suspension_of_the_pronouncement() -> None:
    pending = replace(CONVICTION, final_date=date(2026, 11, 24))
    assert not tcn_record_required(_person("BR", decisions=(pending,)), ON).included
    assert tcn_record_required(_person("BR", decisions=(pending,)), date(2026, 11, 24)).included
    suspension = replace(CONVICTION, kind=DecisionKind.SUSPENSION_OF_PRONOUNCEMENT, penalty_level=None,
                         suspension=Suspension(SuspensionType.SIMPLE))
    assert not tcn_record_required(_person("BR", decisions=(suspension,)), ON).included


def test_art_12_1_5_no_record_once_the_person_is_erased_or_without_conviction() -> None:
    assert not tcn_record_required(None, ON).included
    assert not tcn_record_required(_person("BR", decisions=()), ON).included


@pytest.mark.parametrize(
    ("required", "held", "changed", "owed"),
    [
        (True, False, True, TcnOperation.CREATE),
        (True, True, True, TcnOperation.UPDATE),
        (True, True, False, None),
        (False, True, False, TcnOperation.DELETE),
        (False, False, False, None),
    ],
)
def test_art_12_1_5_create_update_delete_or_nothing(required: bool, held: bool, changed: bool,
                                                     owed: TcnOperation | None) -> None:
    assert tcn_operation_owed(required=required, held=held, changed=changed) is owed
