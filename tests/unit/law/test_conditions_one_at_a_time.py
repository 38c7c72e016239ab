"""Conditions of the law varied one at a time: each case changes one condition of a rule and nothing else,
so that dropping or inverting that condition fails a test (the cases a mutmut run over gateway/law
found missing)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from gateway.law.fines import cited_fine
from gateway.law.register import inscribable_decision_type, may_be_inscribed
from gateway.model.conviction import (
    Fine,
    FineNature,
    LaterDecisionType,
    Penalty,
    PenaltyLevel,
    Sursis,
    SursisScope,
)
from gateway.model.person import Person

from .factories import (
    closure,
    days,
    decision,
    dissolution,
    driving_ban,
    explain,
    fine,
    later,
    legal,
    natural,
    placement,
    prison,
    procurement_exclusion,
    release,
    sursis,
)

ON = date(2026, 6, 1)


def test_art_1_1_refuses_a_conviction_without_a_penalty_level() -> None:
    ruling = inscribable_decision_type(decision(fine(100), level=None))
    assert (ruling.included, ruling.article) == (False, "1(1)")
    assert inscribable_decision_type(decision(fine(100), level=PenaltyLevel.POLICE)).included


def test_art_1_a_decision_both_rules_allow_is_inscribed_under_its_type() -> None:
    ruling = may_be_inscribed(decision(fine(100)), natural())
    assert (ruling.included, ruling.article) == (True, "1(1) 1)")


@pytest.mark.parametrize("number", [2, 3])
@pytest.mark.parametrize(
    ("penalty", "shown"),
    [
        (closure(ON), True),
        (closure(ON - days(1)), False),
        (procurement_exclusion(ON), True),
        (procurement_exclusion(ON - days(1)), False),
        (dissolution(), True),
    ],
    ids=["closure-last-day", "closure-ended", "exclusion-last-day", "exclusion-ended", "dissolution"],
)
def test_legal_person_measures_pronounced_against_a_natural_person_run_until_their_last_day(
    number: int, penalty: Penalty, shown: bool
) -> None:
    explanation = explain(natural(decision(penalty)), number, ON)
    assert explanation.included is shown


@pytest.mark.parametrize(
    ("person", "number", "shown"),
    [
        (natural(placement()), 2, True),
        (natural(replace(placement(), penalties=())), 2, True),
        (natural(decision()), 2, False),
        (natural(decision()), 3, False),
        (legal(decision()), 2, False),
        (legal(decision()), 3, False),
    ],
    ids=[
        "placement-measure",
        "placement-without-measure",
        "N2-no-penalty",
        "N3-no-penalty",
        "N2-legal",
        "N3-legal",
    ],
)
def test_a_placement_is_on_bulletin_2_even_without_a_measure_but_a_conviction_needs_a_penalty(
    person: Person, number: int, shown: bool
) -> None:
    assert explain(person, number, ON).included is shown


AMNESTIED_CASES: dict[str, tuple[Callable[..., Person], int, Penalty]] = {
    "N2-legal": (legal, 2, fine(30_000)),
    "N3": (natural, 3, prison(36)),
    "N3-legal": (legal, 3, fine(30_000)),
}


@pytest.mark.parametrize("case", list(AMNESTIED_CASES))
@pytest.mark.parametrize("kind", [LaterDecisionType.AMNESTY, LaterDecisionType.REHABILITATION])
@pytest.mark.parametrize(("when", "shown"), [(ON, False), (ON + days(1), True)], ids=["that-day", "next-day"])
def test_amnesty_and_rehabilitation_remove_the_decision_from_the_day_they_are_dated(
    case: str, kind: LaterDecisionType, when: date, shown: bool
) -> None:
    build, number, penalty = AMNESTIED_CASES[case]
    person = build(decision(penalty, later=(later(kind, when),)))
    assert explain(person, number, ON).included is shown


@pytest.mark.parametrize(
    ("revoked_on", "shown"),
    [(ON, True), (ON + days(1), False)],
    ids=["release-revoked-that-day", "release-revoked-next-day"],
)
def test_bulletin_3_a_conditional_release_revoked_on_the_day_brings_the_short_sentence_back(
    revoked_on: date, shown: bool
) -> None:
    penalty = prison(6, release=release(date(2021, 1, 1), ON - days(1), revoked_on=revoked_on))
    assert explain(natural(decision(penalty)), 3, ON).included is shown


@pytest.mark.parametrize(
    ("end", "shown", "article"),
    [
        (None, True, "8-2(1)"),
        (ON, True, "8-2(1) al.2"),
        (date(2023, 6, 1), True, "8-2(1) al.2"),
        (date(2023, 5, 31), False, "8-2(1) al.2"),
    ],
    ids=["no-end-recorded", "ends-that-day", "three-years-that-day", "three-years-and-a-day"],
)
def test_bulletin_4_a_driving_ban_of_a_police_conviction_stays_three_years_after_its_end(
    end: date | None, shown: bool, article: str
) -> None:
    ban_decision = decision(driving_ban(end), level=PenaltyLevel.POLICE, traffic=True)
    explanation = explain(natural(ban_decision), 4, ON)
    assert (explanation.included, explanation.article) == (shown, article)


@pytest.mark.parametrize(
    ("penalty", "text"),
    [
        (fine(1500), "1\u202f500 EUR"),
        (Fine(Decimal(1500), FineNature.POLICE, amount=Decimal(1500), currency="EUR"), "1\u202f500 EUR"),
        (Fine(None, FineNature.POLICE), "montant inconnu"),
        (
            Fine(Decimal("95.12"), FineNature.POLICE, Decimal(100), "CHF", eur_rate=Decimal("1.0513")),
            "95,12 EUR (100 CHF converti au cours BCE (1,0513 CHF pour 1 EUR))",
        ),
        (
            Fine(None, FineNature.POLICE, Decimal(100), "CHF", eur_rate=Decimal("1.0513")),
            "100 CHF, sans cours BCE pour le convertir",
        ),
        (
            Fine(Decimal("95.12"), FineNature.POLICE, Decimal(100), "CHF"),
            "95,12 EUR (100 CHF, cours de conversion non enregistré)",
        ),
    ],
    ids=["euros", "euros-with-currency", "unknown", "converted-no-rate-day", "no-amount-eur", "no-rate"],
)
def test_amb_29_a_fine_is_cited_with_the_rate_it_was_converted_at(penalty: Fine, text: str) -> None:
    assert cited_fine(penalty) == text


@pytest.mark.parametrize(
    ("ban_sursis", "end", "article"),
    [
        (sursis(revoked_on=ON - days(30)), None, "8-2(1)"),
        (sursis(revoked_on=ON - days(30)), ON + days(1), "8-2(1)"),
        (sursis(revoked_on=ON - days(30)), ON, "8-2(1) al.2"),
        (sursis(scope=SursisScope.PARTIAL, non_avenue_on=ON - days(30)), None, "8-2(1)"),
        (sursis(scope=SursisScope.PARTIAL, non_avenue_on=ON - days(30)), ON + days(1), "8-2(1)"),
        (sursis(scope=SursisScope.PARTIAL, non_avenue_on=ON - days(30)), ON, "8-2(1) al.2"),
    ],
    ids=[
        "revoked-no-end",
        "revoked-ends-next-day",
        "revoked-ends-that-day",
        "partial-no-end",
        "partial-ends-next-day",
        "partial-ends-that-day",
    ],
)
def test_bulletin_4_an_executable_ban_counts_its_three_years_from_its_last_day_only_once_reached(
    ban_sursis: Sursis, end: date | None, article: str
) -> None:
    """Art 8-2(1) al.2, AMB-5, AMB-11: the three years run from the end of execution once it is reached."""
    ban_decision = decision(driving_ban(end, sursis=ban_sursis), level=PenaltyLevel.POLICE, traffic=True)
    explanation = explain(natural(ban_decision), 4, ON)
    assert (explanation.included, explanation.article) == (True, article)


@pytest.mark.parametrize(
    ("person", "article"),
    [(natural(decision()), "7(1) al.5"), (legal(decision()), "7(2) al.2-3")],
    ids=["natural", "legal"],
)
def test_bulletin_2_a_conviction_without_penalty_is_explained_by_the_contagion_paragraph(
    person: Person, article: str
) -> None:
    assert explain(person, 2, ON).article == article
