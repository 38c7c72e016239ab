"""What the message store refuses."""

from __future__ import annotations

from gateway.errors import GatewayError


class MessagingError(GatewayError):
    """The message store cannot do what was asked (e.g. the serial is exhausted)."""
