"""ECB euro reference rates from the series ``currencyconverter`` ships (offline, no network)."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from functools import cached_property

from currency_converter import CurrencyConverter, RateNotFoundError

from gateway.ports import EuroRate

# The ECB publishes on TARGET business days: the longest gap (Easter, Christmas) is four days. A
# decision further from any published rate (after the shipped series ends) gets none.
LOOKBACK_DAYS = 7


class EcbEuroRates:
    """``EuroRates`` from the ECB series of the installed ``currencyconverter`` (loaded on first use:
    about a third of a second, spent only by an import that has a foreign fine to convert)."""

    @cached_property
    def _series(self) -> CurrencyConverter:
        return CurrencyConverter(fallback_on_missing_rate=False, fallback_on_wrong_date=False, decimal=True)

    def rate_on(self, currency: str, day: date) -> EuroRate | None:
        series = self._series
        if currency not in series.currencies:
            return None
        for back in range(LOOKBACK_DAYS + 1):
            published = day - timedelta(days=back)
            try:
                rate = series.convert(1, "EUR", currency, date=published)
            except RateNotFoundError:
                continue
            return EuroRate(currency, Decimal(rate), published)
        return None
