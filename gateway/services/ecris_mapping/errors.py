"""What the ECRIS mapping refuses: data ECRIS v1.0 cannot carry, legal persons, decisions not notified."""

from __future__ import annotations

from gateway.errors import GatewayError


class EcrisMappingError(GatewayError):
    """A register datum the ECRIS v1.0 structures cannot carry, or a call the mapping refuses."""


class LegalPersonNotSupported(EcrisMappingError):
    """ECRIS v1.0 has no structure for a legal person (FD 2009/315 Art 2(a): natural persons only)."""


class NotNotifiable(EcrisMappingError):
    """A decision Luxembourg does not notify (R-NOT-1): foreign, or a suspension of the pronouncement."""
