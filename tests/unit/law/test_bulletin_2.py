"""Bulletin N°2 (Art 7): every exclusion and time rule of 7(1) and 7(2), on each side of its edge."""

from __future__ import annotations

from datetime import date

import pytest

from gateway.model.conviction import (
    DecisionKind,
    FineNature,
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
    minors_ban,
    natural,
    placement,
    prison,
    procurement_exclusion,
    sursis,
    tig,
)

FIFTH_ANNIVERSARY = date(2025, 2, 20)
ON = date(2026, 6, 1)

# ------------------------------------------------------------------ natural persons, Art 7(1)


@pytest.mark.parametrize(
    ("level", "kind", "shown", "article"),
    [
        (PenaltyLevel.CRIMINAL, DecisionKind.CONVICTION, True, "7(1)"),
        (PenaltyLevel.CORRECTIONAL, DecisionKind.CONVICTION, True, "7(1)"),
        (PenaltyLevel.POLICE, DecisionKind.CONVICTION, False, "7(1)"),
    ],
    ids=["criminal", "correctional", "police"],
)
def test_bulletin_2_shows_only_criminal_and_correctional_convictions(
    level: PenaltyLevel, kind: DecisionKind, shown: bool, article: str
) -> None:
    person = natural(decision(prison(36), level=level, kind=kind))
    explanation = explain(person, 2, ON)
    assert (explanation.included, explanation.article) == (shown, article)


def test_bulletin_2_shows_placement_ordered_in_criminal_proceedings() -> None:
    explanation = explain(natural(placement()), 2, ON)
    assert explanation.included
    assert explanation.article == "7(1)"


@pytest.mark.parametrize(
    ("fine_sursis", "shown"),
    [
        (sursis(), False),
        (sursis(revoked_on=ON), True),
        (sursis(revoked_on=ON + days(1)), False),
        (sursis(forfeited_on=ON), True),
        (sursis(forfeited_on=ON + days(1)), False),
        (sursis(scope=SursisScope.PARTIAL), True),
    ],
    ids=[
        "pending",
        "revoked-that-day",
        "revoked-next-day",
        "forfeited-that-day",
        "forfeited-next-day",
        "partial",
    ],
)
def test_bulletin_2_drops_fine_with_sursis_unless_forfeited_or_revoked(
    fine_sursis: Sursis | None, shown: bool
) -> None:
    person = natural(decision(fine(5000, sursis=fine_sursis)))
    explanation = explain(person, 2, ON)
    assert explanation.included is shown
    if not shown:
        assert explanation.article == "7(1) 1)"


@pytest.mark.parametrize(
    ("kind", "shown"),
    [(DecisionKind.SUSPENSION_OF_PRONOUNCEMENT, False), (DecisionKind.CONVICTION, True)],
    ids=["suspension", "conviction"],
)
def test_bulletin_2_drops_decision_suspending_the_pronouncement(kind: DecisionKind, shown: bool) -> None:
    explanation = explain(natural(decision(prison(6), kind=kind)), 2, ON)
    assert (explanation.included, explanation.article) == (shown, "7(1)" if shown else "7(1) 2)")


@pytest.mark.parametrize(
    ("non_avenue_on", "shown"),
    [(ON, False), (ON - days(1), False), (ON + days(1), True)],
    ids=["non-avenue-that-day", "non-avenue-before", "non-avenue-next-day"],
)
def test_bulletin_2_drops_suspended_conviction_once_non_avenue(non_avenue_on: date, shown: bool) -> None:
    person = natural(decision(prison(12, sursis=sursis(non_avenue_on=non_avenue_on))))
    explanation = explain(person, 2, ON)
    assert explanation.included is shown
    assert explanation.article == ("7(1)" if shown else "7(1) 3)")


@pytest.mark.parametrize(
    ("not_notified", "shown"), [(True, False), (False, True)], ids=["not-notified", "notified"]
)
def test_bulletin_2_drops_default_judgment_not_notified(not_notified: bool, shown: bool) -> None:
    person = natural(decision(prison(6), by_default_not_notified=not_notified))
    explanation = explain(person, 2, ON)
    assert explanation.included is shown
    if not shown:
        assert explanation.article == "7(1) 4)"


@pytest.mark.parametrize(
    ("amounts", "on", "shown"),
    [
        ((1000,), FIFTH_ANNIVERSARY, True),
        ((1000,), FIFTH_ANNIVERSARY + days(1), False),
        ((1001,), FIFTH_ANNIVERSARY + days(1), True),
        ((600, 400), FIFTH_ANNIVERSARY, True),
        ((600, 400), FIFTH_ANNIVERSARY + days(1), False),
        ((600, 401), FIFTH_ANNIVERSARY + days(1), True),
    ],
    ids=[
        "1000-anniversary",
        "1000-day-after",
        "1001-day-after",
        "summed-1000-anniversary",
        "summed-1000-day-after",
        "summed-1001-day-after",
    ],
)
def test_bulletin_2_drops_fine_of_1000_eur_after_five_years(
    amounts: tuple[int, ...], on: date, shown: bool
) -> None:
    person = natural(decision(*(fine(a) for a in amounts)))
    explanation = explain(person, 2, on)
    assert explanation.included is shown
    assert explanation.article == ("7(1)" if sum(amounts) > 1000 else "7(1) al.2")


@pytest.mark.parametrize(
    ("on", "shown"),
    [(date(2025, 2, 28), True), (date(2025, 3, 1), False)],
    ids=["anniversary-28-feb", "1-march"],
)
def test_bulletin_2_drops_fine_of_1000_eur_after_five_years_from_29_february(on: date, shown: bool) -> None:
    person = natural(decision(fine(1000), final=date(2020, 2, 29)))
    assert explain(person, 2, on).included is shown


@pytest.mark.parametrize(
    ("on", "shown"),
    [(FIFTH_ANNIVERSARY, True), (FIFTH_ANNIVERSARY + days(1), False)],
    ids=["anniversary", "day-after"],
)
def test_bulletin_2_drops_community_service_after_five_years(on: date, shown: bool) -> None:
    explanation = explain(natural(decision(tig())), 2, on)
    assert (explanation.included, explanation.article) == (shown, "7(1) al.2")


@pytest.mark.parametrize(
    ("end", "shown"),
    [(ON, True), (ON - days(1), False), (None, True)],
    ids=["last-day", "day-after", "not-yet-executed"],
)
def test_bulletin_2_shows_driving_ban_while_being_executed(end: date | None, shown: bool) -> None:
    explanation = explain(natural(decision(driving_ban(end), level=PenaltyLevel.CORRECTIONAL)), 2, ON)
    assert (explanation.included, explanation.article) == (shown, "7(1) al.3")


@pytest.mark.parametrize(
    ("penalty", "shown"),
    [
        (interdiction(ON), True),
        (interdiction(ON - days(1)), False),
        (interdiction(perpetual=True), True),
        (minors_ban(ON), True),
        (minors_ban(ON - days(1)), False),
    ],
    ids=[
        "interdiction-last-day",
        "interdiction-day-after",
        "perpetual",
        "minors-ban-last-day",
        "minors-ban-day-after",
    ],
)
def test_bulletin_2_shows_interdiction_incapacity_deprivation_while_running(
    penalty: Penalty, shown: bool
) -> None:
    explanation = explain(natural(decision(penalty)), 2, ON)
    assert (explanation.included, explanation.article) == (shown, "7(1) al.4")


@pytest.mark.parametrize(
    "penalty",
    [prison(6), prison(6, sursis=sursis()), prison(240)],
    ids=["firm", "suspended-pending", "long"],
)
def test_bulletin_2_shows_imprisonment_without_time_limit(penalty: Penalty) -> None:
    explanation = explain(natural(decision(penalty)), 2, date(2060, 1, 1))
    assert (explanation.included, explanation.article) == (True, "7(1)")


def test_bulletin_2_shows_all_penalties_of_a_decision_with_one_qualifying_penalty() -> None:
    old_small_fine_and_running_interdiction = decision(fine(500), tig(), interdiction(date(2030, 1, 1)))
    explanation = explain(natural(old_small_fine_and_running_interdiction), 2, ON)
    assert explanation.included
    assert explanation.article == "7(1) al.4"
    assert "7(1) al.5" in explanation.reason


def test_bulletin_2_drops_decision_whose_every_penalty_lapsed() -> None:
    explanation = explain(natural(decision(fine(500), interdiction(date(2021, 1, 1)))), 2, ON)
    assert not explanation.included
    assert explanation.article == "7(1) al.2, 7(1) al.4"


@pytest.mark.parametrize(
    ("kind", "shown"),
    [
        (LaterDecisionType.AMNESTY, False),
        (LaterDecisionType.REHABILITATION, False),
        (LaterDecisionType.PARDON, True),
    ],
)
def test_bulletin_2_drops_amnestied_or_rehabilitated_decision(kind: LaterDecisionType, shown: bool) -> None:
    person = natural(decision(prison(30), later=(later(kind, ON),)))
    assert explain(person, 2, ON).included is shown
    assert explain(person, 2, ON - days(1)).included


# ------------------------------------------------------------------ legal persons, Art 7(2)


def test_bulletin_2_of_legal_person_shows_only_criminal_and_correctional_convictions() -> None:
    explanation = explain(legal(decision(fine(100), level=PenaltyLevel.POLICE)), 2, ON)
    assert (explanation.included, explanation.article) == (False, "7(2)")


@pytest.mark.parametrize(
    ("fine_sursis", "shown"),
    [(sursis(), False), (sursis(revoked_on=ON), True), (sursis(forfeited_on=ON), True), (None, True)],
    ids=["pending", "revoked", "forfeited", "firm"],
)
def test_bulletin_2_of_legal_person_drops_fine_with_sursis_unless_forfeited_or_revoked(
    fine_sursis: Sursis | None, shown: bool
) -> None:
    explanation = explain(legal(decision(fine(50_000, sursis=fine_sursis))), 2, ON)
    assert explanation.included is shown
    assert explanation.article == ("7(2)" if shown else "7(2) 1)")


@pytest.mark.parametrize(
    ("kind", "shown"),
    [(DecisionKind.SUSPENSION_OF_PRONOUNCEMENT, False), (DecisionKind.CONVICTION, True)],
    ids=["suspension", "conviction"],
)
def test_bulletin_2_of_legal_person_drops_suspension_of_pronouncement(
    kind: DecisionKind, shown: bool
) -> None:
    explanation = explain(legal(decision(fine(100), kind=kind)), 2, ON)
    assert (explanation.included, explanation.article) == (shown, "7(2)" if shown else "7(2) 2)")


@pytest.mark.parametrize(
    ("non_avenue_on", "shown"), [(ON, False), (ON + days(1), True)], ids=["that-day", "next-day"]
)
def test_bulletin_2_of_legal_person_drops_non_avenue_conviction(non_avenue_on: date, shown: bool) -> None:
    person = legal(decision(closure(date(2030, 1, 1), sursis=sursis(non_avenue_on=non_avenue_on))))
    explanation = explain(person, 2, ON)
    assert explanation.included is shown
    assert explanation.article == ("7(2) al.2" if shown else "7(2) 3)")


@pytest.mark.parametrize(
    ("not_notified", "shown"), [(True, False), (False, True)], ids=["not-notified", "notified"]
)
def test_bulletin_2_of_legal_person_drops_default_judgment_not_notified(
    not_notified: bool, shown: bool
) -> None:
    explanation = explain(legal(decision(fine(30_000), by_default_not_notified=not_notified)), 2, ON)
    assert explanation.included is shown
    if not shown:
        assert explanation.article == "7(2) 4)"


@pytest.mark.parametrize(
    "penalty", [closure(date(2021, 1, 1)), dissolution()], ids=["closure-ended-long-ago", "dissolution"]
)
def test_bulletin_2_of_legal_person_shows_closure_and_dissolution_without_time_limit(
    penalty: Penalty,
) -> None:
    explanation = explain(legal(decision(penalty, fine(10))), 2, date(2070, 1, 1))
    assert (explanation.included, explanation.article) == (True, "7(2) al.2")
    lapsed_exclusion_only = legal(decision(procurement_exclusion(date(2021, 1, 1))))
    assert not explain(lapsed_exclusion_only, 2, date(2070, 1, 1)).included


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
def test_bulletin_2_of_legal_person_shows_measures_while_running(penalty: Penalty, shown: bool) -> None:
    explanation = explain(legal(decision(penalty)), 2, ON)
    assert (explanation.included, explanation.article) == (shown, "7(2) al.3")


def test_bulletin_2_of_legal_person_shows_any_fine_without_threshold_or_time_limit() -> None:
    person = legal(decision(fine(1, FineNature.CORRECTIONNELLE)))
    explanation = explain(person, 2, FINAL.replace(year=2050))
    assert (explanation.included, explanation.article) == (True, "7(2)")
