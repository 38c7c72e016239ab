"""What the codecs refuse: a message they cannot encode, an element they cannot decode."""

from __future__ import annotations

from gateway.errors import GatewayError
from gateway.model.reference_tables import FunctionalErrorCode


class EncodeError(GatewayError):
    """A core message the codec cannot turn into a contract-conform element."""


class DecodeError(GatewayError):
    """An element the codec cannot turn into a core message; carries the functional error to answer."""

    def __init__(self, message: str, code: FunctionalErrorCode = FunctionalErrorCode.INVALID_CONTENT) -> None:
        super().__init__(message)
        self.code = code
