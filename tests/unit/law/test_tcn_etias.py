"""Art 12-1(1) last sentence; Reg 2019/816 Art 5(1)(c): the ETIAS/VIS flag — terrorist offence within 25 years,
another ETIAS Annex offence within 15, punishable in Luxembourg by at least three years (AMB-17), the windows
counted from the decision date with the anniversary inside (AMB-18)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from gateway.law.tcn.etias import etias_category, etias_flag, lu_max_custodial_months
from gateway.model.conviction import Decision, DecisionKind, Offence, PenaltyLevel
from gateway.model.person import NaturalPerson

DECIDED = date(2020, 3, 10)


def _offence(etias: str | None = "annex:8", months: int | None = 60, **fields: object) -> Offence:
    return Offence(date=None, qualification="escroquerie", etias=etias, lu_max_custodial_months=months,
                   **fields)


def _decision(*offences: Offence, decided: date = DECIDED, decision_id: str = "D1",
              level: PenaltyLevel = PenaltyLevel.CORRECTIONAL) -> Decision:
    return Decision(
        id=decision_id, court="TA Luxembourg", court_country="LU", reference=None, decision_date=decided,
        final_date=decided, kind=DecisionKind.CONVICTION, penalty_level=level, offences=offences,
    )


def _person(*decisions: Decision, nationalities: tuple[str, ...] = ("BR",)) -> NaturalPerson:
    return NaturalPerson(id="P", surname="Silva", nationalities=nationalities, decisions=decisions)


@pytest.mark.parametrize(
    ("etias", "last_day"),
    [("terrorist", date(2045, 3, 10)), ("annex:1", date(2045, 3, 10)), ("annex:8", date(2035, 3, 10))],
)
def test_flag_holds_on_the_windows_last_day_and_turns_off_the_day_after(etias: str, last_day: date) -> None:
    person = _person(_decision(_offence(etias)))
    on_last = etias_flag(person, last_day)
    assert on_last.flag
    assert on_last.ground is not None and on_last.ground.window_end == last_day
    assert last_day.strftime("%d/%m/%Y") in on_last.reason
    assert not etias_flag(person, date.fromordinal(last_day.toordinal() + 1)).flag


def test_once_the_window_closed_the_reason_says_when() -> None:
    verdict = etias_flag(_person(_decision(_offence())), date(2035, 3, 11))
    assert not verdict.flag
    assert "s'est close le 10/03/2035" in verdict.reason and "D1" in verdict.reason


def test_three_year_threshold_36_months_sets_the_flag_35_does_not() -> None:
    on = date(2026, 11, 23)
    assert etias_flag(_person(_decision(_offence(months=36))), on).flag
    assert not etias_flag(_person(_decision(_offence(months=35))), on).flag


def test_amb_17_the_threshold_applies_to_terrorist_offences_too() -> None:
    on = date(2026, 11, 23)
    assert not etias_flag(_person(_decision(_offence("terrorist", months=35))), on).flag
    assert etias_flag(_person(_decision(_offence("terrorist", months=36))), on).flag


def test_an_offence_outside_the_etias_annex_never_sets_the_flag() -> None:
    assert not etias_flag(_person(_decision(_offence(None, months=120))), date(2026, 11, 23)).flag


def test_unknown_maximum_does_not_set_the_flag() -> None:
    assert not etias_flag(_person(_decision(_offence(months=None))), date(2026, 11, 23)).flag


def test_a_dual_eu_and_third_country_national_is_flagged() -> None:
    person = _person(_decision(_offence()), nationalities=("PT", "BR"))
    assert etias_flag(person, date(2026, 11, 23)).flag


def test_amb_18_a_decision_of_29_february_ends_its_window_on_28_february() -> None:
    person = _person(_decision(_offence(), decided=date(2024, 2, 29)))
    assert etias_flag(person, date(2039, 2, 28)).flag
    assert not etias_flag(person, date(2039, 3, 1)).flag


def test_the_conviction_whose_window_closes_last_is_named() -> None:
    older = _decision(_offence("terrorist"), decided=date(2010, 1, 5), decision_id="D-OLD")
    newer = _decision(_offence("annex:8"), decided=date(2024, 6, 1), decision_id="D-NEW")
    verdict = etias_flag(_person(older, newer), date(2026, 11, 23))
    assert verdict.ground is not None and verdict.ground.decision_id == "D-NEW"
    assert verdict.ground.window_end == date(2039, 6, 1)


def test_erasing_the_flagged_conviction_removes_only_the_flag() -> None:
    flagged = _decision(_offence(), decision_id="D-FLAG")
    other = _decision(_offence(None), decision_id="D-OTHER")
    on = date(2026, 11, 23)
    assert etias_flag(_person(flagged, other), on).flag
    assert not etias_flag(_person(other), on).flag


def test_a_foreign_conviction_does_not_set_the_flag() -> None:
    foreign = replace(_decision(_offence("terrorist")), court_country="FR", origin="ecris:FR")
    assert not etias_flag(_person(foreign, nationalities=("LU", "BR")), date(2026, 11, 23)).flag


def test_the_registers_fields_come_first_then_the_mapping_tables() -> None:
    # Annex A chapter 03 (terrorism) maps to a terrorist offence; the register's own field wins over it.
    assert etias_category(_offence(None, ecris_category="0302 00")) == "terrorist"
    assert etias_category(_offence("annex:5", ecris_category="0302 00")) == "annex:5"
    assert etias_category(_offence(None, ecris_category="0401 00")) == "annex:3"
    assert etias_category(_offence(None, ecris_category="0809 00")) is None  # chapter not read: never guessed
    assert etias_category(_offence("annex:30")) is None  # the Annex has 29 items
    assert etias_category(_offence("annex:29")) == "annex:29"
    plain = _decision()
    assert lu_max_custodial_months(_offence(months=24, legal_provisions="art. 463 du Code pénal"), plain) == 24
    assert lu_max_custodial_months(_offence(months=None, legal_provisions="art. 461 et 463 du Code pénal"),
                                   plain) == 60
    crime = _decision(level=PenaltyLevel.CRIMINAL)
    assert lu_max_custodial_months(_offence(months=None), crime) == 60
    assert lu_max_custodial_months(_offence(months=None), plain) is None
