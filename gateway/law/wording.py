"""How the law's rulings write what they cite, in French as a clerk reads it: dates ``dd/mm/yyyy``,
numbers with a comma and thin-space thousands (``1 000,50 EUR``)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from functools import lru_cache

from babel import Locale
from babel.numbers import format_decimal

_LOCALE = Locale.parse("fr")


def day(value: date) -> str:
    """``04/03/2024``."""
    return value.strftime("%d/%m/%Y")


def number(value: Decimal | int) -> str:
    """``50 000``, ``0,9512``: every digit given is kept."""
    return _number(str(value))


def euros(amount: Decimal | int) -> str:
    """``1 000 EUR``, ``1 000,50 EUR``: cents only when there are some."""
    return _euros(str(amount))


# Bulletins cite the same few amounts over and over (thresholds, common fines): formatting each
# once keeps Babel off the bulletins' hot path. Keyed by the text, so 1000 and 1000.00 stay apart.
@lru_cache(maxsize=4096)
def _number(text: str) -> str:
    return format_decimal(Decimal(text), locale=_LOCALE, decimal_quantization=False)


@lru_cache(maxsize=4096)
def _euros(text: str) -> str:
    value = Decimal(text)
    if value == value.to_integral_value():
        return f"{_number(str(value.quantize(Decimal(1))))} EUR"
    return f"{format_decimal(value, format='#,##0.00', locale=_LOCALE)} EUR"


PENALTY_NAMES = {
    "imprisonment": "emprisonnement",
    "fine": "amende",
    "community_service": "travail d'intérêt général",
    "driving_ban": "interdiction de conduire",
    "deprivation_of_rights": "interdiction, incapacité ou déchéance",
    "minors_activity_ban": "interdiction d'exercer une activité impliquant un contact avec des mineurs",
    "closure": "fermeture d'entreprise ou d'établissement",
    "dissolution": "dissolution",
    "public_procurement_exclusion": "exclusion de la participation aux marchés publics",
    "placement": "mesure de placement",
    "confiscation": "confiscation",
    "publication": "publication de la décision",
    "professional_ban": "interdiction professionnelle",
    "other": "autre peine",
}


def penalty_name(penalty_type: str) -> str:
    """The French name of a penalty type (``closure`` → ``fermeture d'entreprise ou d'établissement``)."""
    return PENALTY_NAMES.get(penalty_type, penalty_type.replace("_", " "))
