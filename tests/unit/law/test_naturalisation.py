"""Art 14(3), R-NAT, AMB-23: each former nationality's route, the Art 14(3) basis waiving the convention
condition of Art 1(2) 3), and when the supplied extract replaces a Member State's answer."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from gateway.law.naturalisation import (
    FormerNationalityRoute,
    answer_is_complete,
    extract_falls_back,
    route_for_former_nationality,
)
from gateway.law.register import may_be_inscribed
from gateway.model.conviction import Decision, DecisionKind, InscriptionBasis, InscriptionSource, PenaltyLevel
from gateway.model.person import NaturalPerson

LUXEMBOURGER = NaturalPerson(id="P1", surname="Benali", nationalities=("LU",))
MOROCCAN_JUDGMENT = Decision(id="D1", court="Tribunal de Casablanca", court_country="MA", reference="R1",
                             decision_date=date(2019, 3, 4), final_date=date(2019, 4, 20),
                             kind=DecisionKind.CONVICTION, penalty_level=PenaltyLevel.CORRECTIONAL)
ART_14_3 = InscriptionBasis(InscriptionSource.EXTRACT, "MA", "2026-abc", date(2026, 11, 23), date(2025, 8, 15))


@pytest.mark.parametrize(("country", "route"), [
    ("FR", FormerNationalityRoute.ECRIS_REQUEST),
    ("EL", FormerNationalityRoute.ECRIS_REQUEST),
    ("MA", FormerNationalityRoute.SUPPLIED_EXTRACT),
    ("GB", FormerNationalityRoute.SUPPLIED_EXTRACT),
    ("LU", FormerNationalityRoute.NOTHING),
])
def test_each_former_nationality_has_its_route(country: str, route: FormerNationalityRoute) -> None:
    assert route_for_former_nationality(country) is route


def test_art_1_2_3_refuses_a_third_country_decision_not_notified_under_a_convention() -> None:
    ruling = may_be_inscribed(MOROCCAN_JUDGMENT, LUXEMBOURGER)
    assert not ruling.included and ruling.article == "1(2) 3)"


def test_art_14_3_inscribes_the_extract_without_the_convention_condition_amb_23() -> None:
    ruling = may_be_inscribed(replace(MOROCCAN_JUDGMENT, inscription_basis=ART_14_3), LUXEMBOURGER)
    assert ruling.included and ruling.article == "1(1) 1)"


def test_art_14_3_refuses_an_act_the_extract_says_is_no_offence_in_luxembourg() -> None:
    decision = replace(MOROCCAN_JUDGMENT, inscription_basis=ART_14_3, act_is_offence_in_lu=False)
    ruling = may_be_inscribed(decision, LUXEMBOURGER)
    assert not ruling.included and ruling.article == "14(3), 1(2) 3)"


def test_art_14_3_still_needs_force_de_chose_jugee_art_1_1() -> None:
    decision = replace(MOROCCAN_JUDGMENT, inscription_basis=ART_14_3, final_date=None)
    assert may_be_inscribed(decision, LUXEMBOURGER).article == "1(1)"


@pytest.mark.parametrize(("answered", "response_type", "complete"), [
    (True, "RRT-00-00", True), (True, "RRT-00-01", False), (True, "RRT-00-02", False),
    (True, "FunctionalErrorMessage", False), (False, None, False),
])
def test_only_an_answer_giving_the_record_is_complete(answered: bool, response_type: str | None,
                                                       complete: bool) -> None:
    assert answer_is_complete(answered=answered, response_type=response_type) is complete


@pytest.mark.parametrize(("on", "falls_back"), [
    (date(2026, 12, 7), False),  # the last of the 10 working days
    (date(2026, 12, 8), True),   # the day after
])
def test_silence_falls_back_to_the_extract_the_day_after_the_deadline(on: date, falls_back: bool) -> None:
    assert extract_falls_back(answered=False, response_type=None, expected_by=date(2026, 12, 7), on=on) is falls_back


def test_an_incomplete_answer_falls_back_at_once_and_a_complete_one_never() -> None:
    due = date(2026, 12, 7)
    assert extract_falls_back(answered=True, response_type="RRT-00-01", expected_by=due, on=date(2026, 11, 24))
    assert not extract_falls_back(answered=True, response_type="RRT-00-00", expected_by=due, on=date(2027, 6, 1))
