"""The Member States of the European Union, by ISO 3166-1 alpha-2 code."""

from __future__ import annotations

EU_MEMBER_STATES: frozenset[str] = frozenset(
    ["AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK"]
)
LUXEMBOURG = "LU"


def is_member_state(country: str | None) -> bool:
    """True for an EU Member State; ``EL`` (the EU's code for Greece) is accepted as ``GR``."""
    return country is not None and (country in EU_MEMBER_STATES or country == "EL")
