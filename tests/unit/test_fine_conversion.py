"""Foreign fines converted to euros at import (AMB-29): the rate of the decision date, kept with the fine."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from adapters.currency.ecb_rates import EcbEuroRates
from gateway.model.conviction import Decision, DecisionKind, Fine, FineNature, PenaltyLevel
from gateway.model.person import Birth, NaturalPerson
from gateway.ports import EuroRate
from gateway.services.fine_conversion import (
    decisions_with_unconverted_fines,
    fine_in_euros,
    with_fines_in_euros,
)

DECIDED = date(2020, 1, 12)  # a Sunday


@dataclass
class KnownRates:
    rates: dict[str, EuroRate] = field(default_factory=dict)
    asked: list[tuple[str, date]] = field(default_factory=list)

    def rate_on(self, currency: str, day: date) -> EuroRate | None:
        self.asked.append((currency, day))
        return self.rates.get(currency)


CHF = KnownRates({"CHF": EuroRate("CHF", Decimal("1.0822"), date(2020, 1, 10))})


def _decision(*fines: Fine) -> Decision:
    return Decision("D1", "Tribunal", "CH", None, DECIDED, date(2020, 3, 1), DecisionKind.CONVICTION,
                    PenaltyLevel.CORRECTIONAL, penalties=fines)


def _fine(amount: str, currency: str | None, amount_eur: str | None = None) -> Fine:
    return Fine(None if amount_eur is None else Decimal(amount_eur), FineNature.CORRECTIONNELLE,
                amount=Decimal(amount), currency=currency)


def test_amb_29_a_chf_fine_is_converted_at_the_ecb_rate_of_the_decision_date_and_keeps_the_rate() -> None:
    rates = KnownRates(dict(CHF.rates))
    fine = fine_in_euros(_fine("50000", "CHF"), _decision(), rates)
    assert fine.amount_eur == Decimal("46202.18")  # 50,000 / 1.0822, to the cent
    assert (fine.eur_rate, fine.eur_rate_date) == (Decimal("1.0822"), date(2020, 1, 10))
    assert rates.asked == [("CHF", DECIDED)]


def test_amb_29_an_amount_in_euros_given_by_the_register_wins_over_the_conversion() -> None:
    fine = fine_in_euros(_fine("50000", "CHF", amount_eur="45000"), _decision(), CHF)
    assert (fine.amount_eur, fine.eur_rate) == (Decimal("45000"), None)


def test_a_fine_pronounced_in_euros_needs_no_rate() -> None:
    fine = fine_in_euros(_fine("1500", "EUR"), _decision(), KnownRates())
    assert (fine.amount_eur, fine.eur_rate) == (Decimal("1500"), None)


def test_amb_29_without_a_rate_the_fine_stays_without_euros_and_its_decision_is_listed_for_a_clerk() -> None:
    person = NaturalPerson("P1", "Muller", birth=Birth(None), decisions=(_decision(_fine("900", "XAF")),))
    converted = with_fines_in_euros(person, KnownRates())
    fine = converted.decisions[0].penalties[0]
    assert isinstance(fine, Fine) and fine.amount_eur is None
    assert decisions_with_unconverted_fines(converted) == ["P1/D1"]


def test_the_ecb_series_gives_the_rate_of_the_day_or_of_the_nearest_earlier_published_day() -> None:
    rates = EcbEuroRates()
    assert rates.rate_on("CHF", date(2020, 1, 10)) == EuroRate("CHF", Decimal("1.0822"), date(2020, 1, 10))
    assert rates.rate_on("CHF", DECIDED) == EuroRate("CHF", Decimal("1.0822"), date(2020, 1, 10))
    assert rates.rate_on("XAF", date(2020, 1, 10)) is None  # not in the ECB series
    assert rates.rate_on("CHF", date(1998, 6, 1)) is None  # before the euro
