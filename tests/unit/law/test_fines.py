"""The fines of a decision against the thresholds of Arts 7 and 8-1: foreign fines converted at the ECB
rate, unconvertible ones never small (AMB-29), several fines by their total (AMB-31), suspended ones
counted (AMB-32)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from gateway.model.conviction import Fine, FineNature, PenaltyLevel

from .factories import days, decision, explain, fine, legal, natural, sursis

FIFTH_ANNIVERSARY = date(2025, 2, 20)
ON = date(2026, 6, 1)
RATE_DAY = date(2024, 3, 4)


def chf(amount_eur: str | None, nature: FineNature = FineNature.CORRECTIONNELLE) -> Fine:
    """A fine of 50 000 CHF; ``amount_eur`` None when no ECB rate converts it."""
    rate = None if amount_eur is None else Decimal("0.9512")
    return Fine(
        None if amount_eur is None else Decimal(amount_eur),
        nature,
        amount=Decimal(50000),
        currency="CHF",
        eur_rate=rate,
        eur_rate_date=None if rate is None else RATE_DAY,
    )


def test_a_fine_with_no_ecb_rate_leaves_the_total_unknown_amb_29() -> None:
    assert decision(fine(100), chf(None)).fines_total_eur() is None
    assert decision(fine(100), chf("900.5")).fines_total_eur() == Decimal("1000.5")


@pytest.mark.parametrize(
    ("fines", "on", "shown"),
    [
        ((chf("1000"),), FIFTH_ANNIVERSARY, True),
        ((chf("1000"),), FIFTH_ANNIVERSARY + days(1), False),
        ((chf("1000.01"),), FIFTH_ANNIVERSARY + days(1), True),
        ((chf(None),), FIFTH_ANNIVERSARY + days(1), True),
        ((fine(100), chf(None)), FIFTH_ANNIVERSARY + days(1), True),
    ],
    ids=[
        "converted-1000-last-day",
        "converted-1000-day-after",
        "converted-1000.01",
        "no-rate",
        "no-rate-with-100",
    ],
)
def test_bulletin_2_five_year_rule_never_treats_a_fine_without_rate_as_small_amb_29(
    fines: tuple[Fine, ...], on: date, shown: bool
) -> None:
    explanation = explain(natural(decision(*fines)), 2, on)
    assert explanation.included is shown
    assert explanation.article == ("7(1)" if shown and on > FIFTH_ANNIVERSARY else "7(1) al.2")


@pytest.mark.parametrize(
    ("fines", "shown"),
    [
        ((chf("2500", FineNature.CRIMINELLE),), False),
        ((chf("2500.01", FineNature.CRIMINELLE),), True),
        ((chf(None, FineNature.CRIMINELLE),), True),
        ((fine(100, FineNature.CRIMINELLE), chf(None, FineNature.CRIMINELLE)), True),
    ],
    ids=["converted-2500", "converted-2500.01", "no-rate", "no-rate-with-100"],
)
def test_bulletin_3_never_treats_a_fine_without_rate_as_at_most_2500_eur_amb_29(
    fines: tuple[Fine, ...], shown: bool
) -> None:
    explanation = explain(natural(decision(*fines, level=PenaltyLevel.CRIMINAL)), 3, ON)
    assert (explanation.included, explanation.article) == (shown, "8-1(1)" if shown else "8-1(1) 5)")


@pytest.mark.parametrize(
    ("on", "shown"),
    [(FIFTH_ANNIVERSARY, True), (FIFTH_ANNIVERSARY + days(1), False)],
    ids=["last-day", "day-after"],
)
def test_bulletin_3_correctional_fine_without_rate_still_leaves_after_five_years_amb_29(
    on: date, shown: bool
) -> None:
    explanation = explain(natural(decision(chf(None))), 3, on)
    assert (explanation.included, explanation.article) == (shown, "8-1(1) al.2")


@pytest.mark.parametrize(
    ("fines", "shown"),
    [((chf("25000"),), False), ((chf("25000.01"),), True), ((chf(None),), True)],
    ids=["converted-25000", "converted-25000.01", "no-rate"],
)
def test_bulletin_3_of_legal_person_never_treats_a_fine_without_rate_as_at_most_25000_eur_amb_29(
    fines: tuple[Fine, ...], shown: bool
) -> None:
    explanation = explain(legal(decision(*fines)), 3, ON)
    assert (explanation.included, explanation.article) == (shown, "8-1(2)" if shown else "8-1(2) 4)")


@pytest.mark.parametrize(
    ("person", "number"),
    [
        (natural(decision(chf("47560"))), 2),
        (natural(decision(chf("47560"), final=date(2024, 1, 10))), 3),
        (legal(decision(chf("47560"))), 2),
        (legal(decision(chf("47560"))), 3),
    ],
    ids=["N2", "N3", "N2-legal", "N3-legal"],
)
def test_bulletin_explanation_names_the_ecb_rate_used_amb_29(person: object, number: int) -> None:
    explanation = explain(person, number, ON)  # type: ignore[arg-type]
    assert explanation.included
    assert "50\u202f000 CHF converti au cours BCE du 04/03/2024 (0,9512 CHF pour 1 EUR)" in explanation.reason
    assert "47\u202f560 EUR" in explanation.reason


@pytest.mark.parametrize(("number", "legal_person"), [(2, False), (3, False), (2, True), (3, True)])
def test_bulletin_explanation_says_no_ecb_rate_exists_amb_29(number: int, legal_person: bool) -> None:
    build = legal if legal_person else natural
    explanation = explain(build(decision(chf(None), final=date(2024, 1, 10))), number, ON)
    assert explanation.included
    assert "50\u202f000 CHF, sans cours BCE pour le convertir" in explanation.reason


@pytest.mark.parametrize(
    ("suspended", "shown"), [(1000, True), (999, False)], ids=["total-2501", "total-2500"]
)
def test_bulletin_3_total_counts_the_suspended_fines_too_amb_32(suspended: int, shown: bool) -> None:
    person = natural(decision(fine(1501), fine(suspended, sursis=sursis()), final=date(2024, 1, 10)))
    explanation = explain(person, 3, ON)
    assert explanation.included is shown
    assert explanation.article.startswith("8-1(1) al.2" if shown else "8-1(1) 5)")


@pytest.mark.parametrize(("suspended", "shown"), [(1, True), (0, False)], ids=["total-25001", "total-25000"])
def test_bulletin_3_of_legal_person_total_counts_the_suspended_fines_too_amb_32(
    suspended: int, shown: bool
) -> None:
    person = legal(decision(fine(25000), *([fine(suspended, sursis=sursis())] if suspended else [])))
    explanation = explain(person, 3, ON)
    assert explanation.included is shown
    assert explanation.article.startswith("8-1(2)" if shown else "8-1(2) 4)")


@pytest.mark.parametrize(
    ("suspended", "on", "shown"),
    [
        (1, FIFTH_ANNIVERSARY + days(1), True),
        (0, FIFTH_ANNIVERSARY + days(1), False),
        (0, FIFTH_ANNIVERSARY, True),
    ],
    ids=["total-1001-after", "total-1000-after", "total-1000-last-day"],
)
def test_bulletin_2_five_year_rule_reads_the_fines_by_their_total_suspended_included_amb_31(
    suspended: int, on: date, shown: bool
) -> None:
    penalties = [fine(600), fine(400)] + ([fine(suspended, sursis=sursis())] if suspended else [])
    explanation = explain(natural(decision(*penalties)), 2, on)
    assert explanation.included is shown
