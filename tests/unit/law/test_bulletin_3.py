"""Bulletin N°3 (Art 8-1): every exclusion and time rule of 8-1(1) and 8-1(2), on each side of its edge."""

from __future__ import annotations

from datetime import date

import pytest

from gateway.model.conviction import (
    ConditionalRelease,
    Decision,
    DecisionKind,
    FineNature,
    Imprisonment,
    LaterDecisionType,
    Penalty,
    PenaltyLevel,
    Sursis,
    SursisScope,
)

from .factories import (
    FINAL,
    closure,
    days,
    decision,
    dissolution,
    driving_ban,
    explain,
    fine,
    interdiction,
    later,
    legal,
    natural,
    placement,
    prison,
    procurement_exclusion,
    release,
    sursis,
    suspension_of_pronouncement,
    tig,
)

FIFTH_ANNIVERSARY = date(2025, 2, 20)
ON = date(2026, 6, 1)

# ------------------------------------------------------------------ natural persons, Art 8-1(1)


@pytest.mark.parametrize(
    ("kind_of_decision", "shown", "article"),
    [
        (decision(prison(36), level=PenaltyLevel.CRIMINAL), True, "8-1(1)"),
        (decision(prison(36), level=PenaltyLevel.POLICE), False, "8-1(1)"),
        (placement(), False, "8-1(1)"),
    ],
    ids=["criminal", "police", "placement"],
)
def test_bulletin_3_shows_only_criminal_and_correctional_convictions(
    kind_of_decision: Decision, shown: bool, article: str
) -> None:
    explanation = explain(natural(kind_of_decision), 3, ON)
    assert (explanation.included, explanation.article) == (shown, article)


@pytest.mark.parametrize(
    ("months", "prison_sursis", "shown", "article"),
    [
        (24, sursis(), False, "8-1(1) 1)"),
        (25, sursis(), True, "8-1(1) 1)"),
        (24, sursis(revoked_on=ON), True, "8-1(1) 1)"),
        (24, sursis(revoked_on=ON + days(1)), False, "8-1(1) 1)"),
        (25, sursis(revoked_on=ON), True, "8-1(1) 1)"),
        (24, sursis(forfeited_on=ON), True, "8-1(1) 1)"),
        (24, sursis(forfeited_on=ON + days(1)), False, "8-1(1) 1)"),
        (25, sursis(forfeited_on=ON), True, "8-1(1) 1)"),
        (24, sursis(non_avenue_on=ON), False, "8-1(1) 4)"),
        (25, sursis(non_avenue_on=ON), False, "8-1(1) 4)"),
        (25, sursis(non_avenue_on=ON + days(1)), True, "8-1(1) 1)"),
        (24, sursis(scope=SursisScope.PARTIAL), True, "8-1(1)"),
    ],
    ids=[
        "24-sursis",
        "25-sursis",
        "24-revoked",
        "24-revoked-next-day",
        "25-revoked",
        "24-forfeited",
        "24-forfeited-next-day",
        "25-forfeited",
        "24-non-avenue",
        "25-non-avenue",
        "25-non-avenue-next-day",
        "24-partial-sursis-AMB-7",
    ],
)
def test_bulletin_3_drops_suspended_imprisonment_of_at_most_24_months_unless_forfeited_or_revoked(
    months: int, prison_sursis: Sursis, shown: bool, article: str
) -> None:
    explanation = explain(natural(decision(prison(months, sursis=prison_sursis))), 3, ON)
    assert (explanation.included, explanation.article) == (shown, article)


@pytest.mark.parametrize(
    ("fine_sursis", "shown", "article"),
    [
        (sursis(), False, "8-1(1) 2)"),
        (sursis(revoked_on=ON), True, "8-1(1) al.2"),
        (sursis(forfeited_on=ON), True, "8-1(1) al.2"),
        (sursis(forfeited_on=ON + days(1)), False, "8-1(1) 2)"),
        (sursis(non_avenue_on=ON), False, "8-1(1) 4)"),
    ],
    ids=["pending", "revoked", "forfeited", "forfeited-next-day", "non-avenue"],
)
def test_bulletin_3_drops_suspended_fine_unless_forfeited_or_revoked(
    fine_sursis: Sursis, shown: bool, article: str
) -> None:
    person = natural(decision(fine(5000, sursis=fine_sursis), final=date(2024, 1, 10)))
    explanation = explain(person, 3, ON)
    assert (explanation.included, explanation.article) == (shown, article)


@pytest.mark.parametrize(
    ("kind", "shown"),
    [(DecisionKind.SUSPENSION_OF_PRONOUNCEMENT, False), (DecisionKind.CONVICTION, True)],
    ids=["suspension", "conviction"],
)
def test_bulletin_3_drops_decision_suspending_the_pronouncement(kind: DecisionKind, shown: bool) -> None:
    explanation = explain(natural(decision(prison(30), kind=kind)), 3, ON)
    assert (explanation.included, explanation.article) == (shown, "8-1(1)" if shown else "8-1(1) 3)")


@pytest.mark.parametrize(
    ("amounts", "shown", "article"),
    [
        ((2500,), False, "8-1(1) 5)"),
        ((2501,), True, "8-1(1) al.2"),
        ((1500, 1000), False, "8-1(1) 5)"),
        ((1500, 1001), True, "8-1(1) al.2"),
    ],
    ids=["2500", "2501", "summed-2500", "summed-2501"],
)
def test_bulletin_3_drops_fines_totalling_at_most_2500_eur(
    amounts: tuple[int, ...], shown: bool, article: str
) -> None:
    person = natural(decision(*(fine(a) for a in amounts), final=date(2024, 1, 10)))
    explanation = explain(person, 3, ON)
    assert (explanation.included, explanation.article) == (shown, article)


@pytest.mark.parametrize(
    ("not_notified", "shown"), [(True, False), (False, True)], ids=["not-notified", "notified"]
)
def test_bulletin_3_drops_default_judgment_not_notified(not_notified: bool, shown: bool) -> None:
    explanation = explain(natural(decision(prison(30), by_default_not_notified=not_notified)), 3, ON)
    assert explanation.included is shown
    assert explanation.article == ("8-1(1)" if shown else "8-1(1) 6)")


def test_bulletin_3_drops_community_service() -> None:
    explanation = explain(natural(decision(tig(), final=date(2026, 1, 1))), 3, ON)
    assert (explanation.included, explanation.article) == (False, "8-1(1) 7)")


def test_bulletin_3_shows_community_service_with_a_qualifying_penalty_of_the_same_decision() -> None:
    explanation = explain(natural(decision(tig(), prison(30))), 3, ON)
    assert (explanation.included, explanation.article) == (True, "8-1(1)")
    assert "8-1(1) al.6" in explanation.reason


@pytest.mark.parametrize(
    ("amounts", "on", "shown"),
    [
        ((3000,), FIFTH_ANNIVERSARY, True),
        ((3000,), FIFTH_ANNIVERSARY + days(1), False),
        ((2000, 1000), FIFTH_ANNIVERSARY, True),
        ((2000, 1000), FIFTH_ANNIVERSARY + days(1), False),
    ],
    ids=["anniversary", "day-after", "summed-anniversary", "summed-day-after"],
)
def test_bulletin_3_drops_correctional_fine_after_five_years(
    amounts: tuple[int, ...], on: date, shown: bool
) -> None:
    explanation = explain(natural(decision(*(fine(a) for a in amounts))), 3, on)
    assert (explanation.included, explanation.article) == (shown, "8-1(1) al.2")


@pytest.mark.parametrize(
    ("on", "shown"), [(date(2025, 2, 28), True), (date(2025, 3, 1), False)], ids=["28-february", "1-march"]
)
def test_bulletin_3_drops_correctional_fine_after_five_years_from_29_february(on: date, shown: bool) -> None:
    explanation = explain(natural(decision(fine(3000), final=date(2020, 2, 29))), 3, on)
    assert explanation.included is shown


@pytest.mark.parametrize(
    "nature",
    [FineNature.CRIMINELLE, FineNature.POLICE],
    ids=["criminal-fine", "police-fine-in-correctional-decision"],
)
def test_bulletin_3_keeps_other_fines_above_2500_eur_after_five_years(nature: FineNature) -> None:
    explanation = explain(natural(decision(fine(3000, nature))), 3, FIFTH_ANNIVERSARY + days(1))
    assert (explanation.included, explanation.article) == (True, "8-1(1)")


EXECUTED = date(2022, 5, 10)


@pytest.mark.parametrize(
    ("penalty", "on", "shown"),
    [
        (prison(12), ON, True),
        (prison(12, executed_on=EXECUTED), EXECUTED - days(1), True),
        (prison(12, executed_on=EXECUTED), EXECUTED, False),
        (prison(13, executed_on=EXECUTED), EXECUTED, True),
        (prison(12, executed_on=EXECUTED, sursis=sursis(revoked_on=date(2021, 1, 1))), EXECUTED, False),
        (prison(12, executed_on=EXECUTED, sursis=sursis(scope=SursisScope.PARTIAL)), EXECUTED, False),
    ],
    ids=[
        "not-executed",
        "day-before-execution",
        "day-of-execution",
        "13-months-executed",
        "revoked-sursis-executed",
        "partial-sursis-executed",
    ],
)
def test_bulletin_3_drops_single_imprisonment_of_at_most_12_months_from_execution(
    penalty: Penalty, on: date, shown: bool
) -> None:
    explanation = explain(natural(decision(penalty)), 3, on)
    assert explanation.included is shown
    if isinstance(penalty, Imprisonment) and penalty.months <= 12:
        assert explanation.article == "8-1(1) al.3"


RELEASED = date(2021, 3, 1)
PROBATION_END = date(2023, 3, 1)


@pytest.mark.parametrize(
    ("conditional_release", "on", "shown"),
    [
        (release(RELEASED, PROBATION_END), PROBATION_END - days(1), True),
        (release(RELEASED, PROBATION_END), PROBATION_END, False),
        (release(RELEASED, PROBATION_END, revoked_on=date(2022, 1, 1)), PROBATION_END, True),
        (release(RELEASED, PROBATION_END, revoked_on=PROBATION_END + days(1)), PROBATION_END, False),
        (release(RELEASED, None), ON, True),
    ],
    ids=[
        "probation-running",
        "probation-expired",
        "release-revoked",
        "revoked-only-after-expiry",
        "expiry-unrecorded",
    ],
)
def test_bulletin_3_drops_single_imprisonment_of_at_most_12_months_when_conditional_release_expires(
    conditional_release: ConditionalRelease, on: date, shown: bool
) -> None:
    penalty = prison(10, release=conditional_release)
    explanation = explain(natural(decision(penalty)), 3, on)
    assert (explanation.included, explanation.article) == (shown, "8-1(1) al.3")


@pytest.mark.parametrize(
    ("others", "shown"),
    [
        ((), False),
        ((decision(fine(100), id="D2", level=PenaltyLevel.POLICE),), True),
        ((decision(fine(500), id="D2"),), True),
        ((decision(fine(500), id="D2", final=ON + days(1)),), False),
        ((suspension_of_pronouncement(id="D2"),), False),
        ((placement(id="D2"),), False),
        ((decision(prison(6, sursis=sursis(non_avenue_on=ON)), id="D2"),), False),
        ((decision(prison(6, sursis=sursis(non_avenue_on=ON + days(1))), id="D2"),), True),
        ((decision(fine(500), id="D2", later=(later(LaterDecisionType.AMNESTY, ON),)),), False),
    ],
    ids=[
        "one-conviction",
        "two-convictions-police",
        "two-convictions",
        "second-not-yet-final",
        "second-is-a-suspension",
        "second-is-a-placement",
        "second-non-avenue",
        "second-non-avenue-next-day",
        "second-amnestied",
    ],
)
def test_bulletin_3_applies_12_month_rule_only_to_the_persons_single_conviction(
    others: tuple[Decision, ...], shown: bool
) -> None:
    person = natural(decision(prison(6, executed_on=EXECUTED)), *others)
    explanation = explain(person, 3, ON)
    assert (explanation.included, explanation.article) == (shown, "8-1(1) al.3")


@pytest.mark.parametrize(
    ("end", "shown"),
    [(ON, True), (ON - days(1), False), (None, True)],
    ids=["last-day", "day-after", "not-executed"],
)
def test_bulletin_3_shows_driving_ban_while_being_executed(end: date | None, shown: bool) -> None:
    explanation = explain(natural(decision(driving_ban(end))), 3, ON)
    assert (explanation.included, explanation.article) == (shown, "8-1(1) al.4")


@pytest.mark.parametrize(
    ("penalty", "shown"),
    [(interdiction(ON), True), (interdiction(ON - days(1)), False), (interdiction(perpetual=True), True)],
    ids=["last-day", "day-after", "perpetual"],
)
def test_bulletin_3_shows_interdiction_incapacity_deprivation_while_running(
    penalty: Penalty, shown: bool
) -> None:
    explanation = explain(natural(decision(penalty)), 3, ON)
    assert (explanation.included, explanation.article) == (shown, "8-1(1) al.5")


def test_bulletin_3_shows_suspended_short_imprisonment_with_a_qualifying_fine_AMB_6() -> None:
    person = natural(decision(prison(12, sursis=sursis()), fine(3000), final=date(2024, 1, 10)))
    explanation = explain(person, 3, ON)
    assert (explanation.included, explanation.article) == (True, "8-1(1) al.2")
    assert "8-1(1) al.6" in explanation.reason


def test_bulletin_3_drops_decision_when_no_penalty_qualifies_and_cites_each_exclusion() -> None:
    explanation = explain(natural(decision(prison(8, sursis=sursis()), fine(1500))), 3, ON)
    assert not explanation.included
    assert explanation.article == "8-1(1) 1), 8-1(1) 5)"


# ------------------------------------------------------------------ legal persons, Art 8-1(2)


@pytest.mark.parametrize(
    ("amounts", "shown", "article"),
    [
        ((25_000,), False, "8-1(2) 4)"),
        ((25_001,), True, "8-1(2)"),
        ((20_000, 5_000), False, "8-1(2) 4)"),
        ((20_000, 5_001), True, "8-1(2)"),
    ],
    ids=["25000", "25001", "summed-25000", "summed-25001"],
)
def test_bulletin_3_of_legal_person_drops_fines_totalling_at_most_25000_eur(
    amounts: tuple[int, ...], shown: bool, article: str
) -> None:
    explanation = explain(legal(decision(*(fine(a) for a in amounts))), 3, ON)
    assert (explanation.included, explanation.article) == (shown, article)


@pytest.mark.parametrize(
    ("fine_sursis", "shown", "article"),
    [
        (sursis(), False, "8-1(2) 1)"),
        (sursis(revoked_on=ON), True, "8-1(2)"),
        (sursis(forfeited_on=ON), True, "8-1(2)"),
    ],
    ids=["pending", "revoked", "forfeited"],
)
def test_bulletin_3_of_legal_person_drops_suspended_fine_unless_forfeited_or_revoked(
    fine_sursis: Sursis, shown: bool, article: str
) -> None:
    explanation = explain(legal(decision(fine(30_000, sursis=fine_sursis))), 3, ON)
    assert (explanation.included, explanation.article) == (shown, article)


@pytest.mark.parametrize(
    ("kind", "shown"),
    [(DecisionKind.SUSPENSION_OF_PRONOUNCEMENT, False), (DecisionKind.CONVICTION, True)],
    ids=["suspension", "conviction"],
)
def test_bulletin_3_of_legal_person_drops_suspension_of_pronouncement(
    kind: DecisionKind, shown: bool
) -> None:
    explanation = explain(legal(decision(fine(30_000), kind=kind)), 3, ON)
    assert (explanation.included, explanation.article) == (shown, "8-1(2)" if shown else "8-1(2) 2)")


@pytest.mark.parametrize(
    ("non_avenue_on", "shown"), [(ON, False), (ON + days(1), True)], ids=["that-day", "next-day"]
)
def test_bulletin_3_of_legal_person_drops_non_avenue_conviction(non_avenue_on: date, shown: bool) -> None:
    person = legal(decision(closure(date(2030, 1, 1), sursis=sursis(non_avenue_on=non_avenue_on))))
    explanation = explain(person, 3, ON)
    assert (explanation.included, explanation.article) == (shown, "8-1(2) al.2" if shown else "8-1(2) 3)")


@pytest.mark.parametrize(
    ("not_notified", "shown"), [(True, False), (False, True)], ids=["not-notified", "notified"]
)
def test_bulletin_3_of_legal_person_drops_default_judgment_not_notified(
    not_notified: bool, shown: bool
) -> None:
    explanation = explain(legal(decision(fine(30_000), by_default_not_notified=not_notified)), 3, ON)
    assert explanation.included is shown
    if not shown:
        assert explanation.article == "8-1(2) 5)"


@pytest.mark.parametrize(
    "penalty", [closure(date(2021, 1, 1)), dissolution()], ids=["closure", "dissolution"]
)
def test_bulletin_3_of_legal_person_shows_small_fine_with_closure_or_dissolution(penalty: Penalty) -> None:
    explanation = explain(legal(decision(fine(1000), penalty)), 3, date(2060, 1, 1))
    assert (explanation.included, explanation.article) == (True, "8-1(2) al.2")


@pytest.mark.parametrize(
    ("penalty", "shown"),
    [
        (procurement_exclusion(ON), True),
        (procurement_exclusion(ON - days(1)), False),
        (interdiction(ON), True),
        (interdiction(ON - days(1)), False),
    ],
    ids=["procurement-last-day", "procurement-day-after", "interdiction-last-day", "interdiction-day-after"],
)
def test_bulletin_3_of_legal_person_shows_measures_while_running(penalty: Penalty, shown: bool) -> None:
    explanation = explain(legal(decision(fine(1000), penalty)), 3, ON)
    assert explanation.included is shown
    assert "8-1(2) al.3" in explanation.article


def test_bulletin_3_of_legal_person_has_no_five_year_rule_for_correctional_fines() -> None:
    explanation = explain(
        legal(decision(fine(30_000, FineNature.CORRECTIONNELLE))), 3, FINAL.replace(year=2050)
    )
    assert (explanation.included, explanation.article) == (True, "8-1(2)")
