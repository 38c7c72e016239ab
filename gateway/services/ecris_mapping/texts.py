"""Free texts, names, amounts and durations as the ECRIS v1.0 contract writes them."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal

from gateway.model.exchange import Amount, MultilingualText, NameText, Text, iso_duration

FRENCH = "fr"
"""The language of the register's texts (qualifications, court names, penalty titles)."""


def _clean(text: str | None, limit: int) -> str | None:
    """A contract-conform string: no ``<``/``>``, not blank (else None), at most ``limit`` characters."""
    if text is None:
        return None
    cleaned = text.replace("<", "‹").replace(">", "›").strip()
    if not cleaned:
        return None
    return cleaned if len(cleaned) <= limit else cleaned[: limit - 1].rstrip() + "…"


def _ml(text: str | None, limit: int = 400, language: str | None = FRENCH) -> MultilingualText:
    cleaned = _clean(text, limit)
    return () if cleaned is None else (Text(cleaned, language),)


def _name(text: str | None) -> NameText | None:
    cleaned = _clean(text, 200)
    return None if cleaned is None else NameText(cleaned)


def _forenames(forenames: Sequence[str]) -> NameText | None:
    """ECRIS v1.0 has one ``Forename``: the forenames joined by spaces."""
    return _name(" ".join(forenames))


def _amount(value: Decimal) -> Amount:
    """Euros (or the pronounced currency) as unit + two-digit cents, rounded to the cent."""
    return Amount.of(value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def _months(months: int) -> str:
    return iso_duration(years=months // 12, months=months % 12)
