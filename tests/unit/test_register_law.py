"""Art 1 (what is inscribed) and Art 3 (erasure) of the Loi du 29 mars 2013."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from gateway.law.register import (
    ErasureGround,
    erasure_due,
    inscribable_by_issuing_court,
    inscribable_decision_type,
    may_be_inscribed,
    needs_manual_erasure_review,
)
from gateway.model.conviction import Decision, DecisionKind, PenaltyLevel
from gateway.model.partial_date import PartialDate
from gateway.model.person import Birth, LegalPerson, NaturalPerson

CONVICTION = Decision(
    id="D1",
    court="TA Luxembourg",
    court_country="LU",
    reference=None,
    decision_date=date(2020, 1, 1),
    final_date=date(2020, 2, 1),
    kind=DecisionKind.CONVICTION,
    penalty_level=PenaltyLevel.CORRECTIONAL,
)
LUXEMBOURGER = NaturalPerson(id="P1", surname="Muller", nationalities=("LU",))
FRENCH = NaturalPerson(id="P2", surname="Dupont", nationalities=("FR",))


@pytest.mark.parametrize(
    ("changes", "included", "article"),
    [
        ({}, True, "1(1) 1)"),
        ({"penalty_level": PenaltyLevel.CRIMINAL, "military_code": True}, True, "1(1) 4)"),
        ({"penalty_level": PenaltyLevel.POLICE, "police_contravention_class": 2}, True, "1(1) 2)"),
        ({"penalty_level": PenaltyLevel.POLICE, "police_contravention_class": 3}, False, "1(1) 2)"),
        ({"penalty_level": PenaltyLevel.POLICE, "police_contravention_class": 4}, False, "1(1) 2)"),
        ({"penalty_level": PenaltyLevel.POLICE, "traffic_offence": True, "police_contravention_class": 4}, True, "1(1) 3)"),
        ({"penalty_level": PenaltyLevel.POLICE, "traffic_offence": True, "parking_contravention": True}, False, "1(1) 3)"),
        ({"kind": DecisionKind.PLACEMENT, "penalty_level": None}, True, "1(1) 5)"),
        ({"kind": DecisionKind.SUSPENSION_OF_PRONOUNCEMENT}, True, "1(4)"),
        ({"final_date": None}, False, "1(1)"),
    ],
)
def test_art_1_1_inscribes_only_the_listed_final_decisions(changes: dict[str, object], included: bool, article: str) -> None:
    ruling = inscribable_decision_type(replace(CONVICTION, **changes))  # type: ignore[arg-type]
    assert (ruling.included, ruling.article) == (included, article)


@pytest.mark.parametrize(
    ("court_country", "person", "extra", "included", "article"),
    [
        ("LU", FRENCH, {}, True, "1(2) 1)"),
        ("DE", LUXEMBOURGER, {}, True, "1(2) 2)"),
        ("DE", FRENCH, {}, False, "1(2) 2)"),
        ("US", LUXEMBOURGER, {"notified_under_convention": True, "act_is_offence_in_lu": True}, True, "1(2) 3)"),
        ("US", LUXEMBOURGER, {"notified_under_convention": False, "act_is_offence_in_lu": True}, False, "1(2) 3)"),
        ("US", LUXEMBOURGER, {"notified_under_convention": True, "act_is_offence_in_lu": None}, False, "1(2) 3)"),
        ("US", FRENCH, {"notified_under_convention": True, "act_is_offence_in_lu": True}, False, "1(2) 3)"),
    ],
)
def test_art_1_2_inscribes_foreign_decisions_only_for_luxembourgers(
    court_country: str, person: NaturalPerson, extra: dict[str, object], included: bool, article: str
) -> None:
    decision = replace(CONVICTION, court_country=court_country, **extra)  # type: ignore[arg-type]
    ruling = inscribable_by_issuing_court(decision, person)
    assert (ruling.included, ruling.article) == (included, article)


def test_art_1_2_2_inscribes_member_state_decision_about_luxembourg_legal_person_only() -> None:
    decision = replace(CONVICTION, court_country="BE")
    assert may_be_inscribed(decision, LegalPerson(id="B1", name="ACME", governing_law="LU")).included
    assert not may_be_inscribed(decision, LegalPerson(id="B2", name="ACME", governing_law="BE")).included


def test_art_3_erases_at_death_from_the_day_of_death() -> None:
    person = replace(LUXEMBOURGER, death_date=date(2026, 3, 1))
    assert erasure_due(person, date(2026, 2, 28)) is None
    due = erasure_due(person, date(2026, 3, 1))
    assert due is not None and due.ground is ErasureGround.DEATH


def test_art_3_erases_on_the_hundredth_birthday_not_the_day_before() -> None:
    person = replace(LUXEMBOURGER, birth=Birth(PartialDate(1926, 8, 15)))
    assert erasure_due(person, date(2026, 8, 14)) is None
    due = erasure_due(person, date(2026, 8, 15))
    assert due is not None and due.ground is ErasureGround.HUNDREDTH_BIRTHDAY and due.since == date(2026, 8, 15)


def test_art_3_person_born_on_29_february_is_erased_on_28_february_when_the_centenary_year_is_common() -> None:
    person = replace(LUXEMBOURGER, birth=Birth(PartialDate(2000, 2, 29)))  # 2100 is not a leap year
    assert erasure_due(person, date(2100, 2, 27)) is None
    assert erasure_due(person, date(2100, 2, 28)) is not None


def test_art_3_person_born_on_29_february_is_erased_on_29_february_of_a_leap_centenary() -> None:
    person = replace(LUXEMBOURGER, birth=Birth(PartialDate(1928, 2, 29)))
    assert erasure_due(person, date(2028, 2, 28)) is None
    assert erasure_due(person, date(2028, 2, 29)) is not None


def test_art_3_never_erases_legal_persons_amb_3() -> None:
    assert erasure_due(LegalPerson(id="B1", name="ACME"), date(2200, 1, 1)) is None


@pytest.mark.parametrize(
    ("born", "day_before", "erased_from"),
    [
        (PartialDate(1926), date(2025, 12, 31), date(2026, 1, 1)),
        (PartialDate(1926, 8), date(2026, 7, 31), date(2026, 8, 1)),
        (PartialDate(1928, 2), date(2028, 1, 31), date(2028, 2, 1)),
        (PartialDate(1926, 8, 15), date(2026, 8, 14), date(2026, 8, 15)),
    ],
    ids=["year-only", "year-and-month", "year-and-february", "complete"],
)
def test_art_3_amb_2_erases_a_partial_birth_date_on_the_centenary_of_its_earliest_day(
    born: PartialDate, day_before: date, erased_from: date
) -> None:
    person = replace(LUXEMBOURGER, birth=Birth(born))
    assert erasure_due(person, day_before) is None
    due = erasure_due(person, erased_from)
    assert due is not None and (due.ground, due.since) == (ErasureGround.HUNDREDTH_BIRTHDAY, erased_from)
    assert not needs_manual_erasure_review(person, day_before)
    assert not needs_manual_erasure_review(person, erased_from)


def test_art_3_amb_2_only_a_wholly_unknown_birth_date_goes_to_the_clerk() -> None:
    unknown = replace(LUXEMBOURGER, birth=Birth(None))
    assert erasure_due(unknown, date(2126, 11, 23)) is None
    assert needs_manual_erasure_review(unknown, date(2026, 11, 23))
    dead = replace(unknown, death_date=date(2026, 3, 1))
    assert not needs_manual_erasure_review(dead, date(2026, 3, 1))
