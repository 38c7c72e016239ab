"""Messages as another Member State would send them to the gateway (LU), built from the sample corpus."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

from adapters.soap.envelope import envelope_bytes, request_headers
from adapters.xml import codec
from gateway.model.exchange import EcrisMessage, MessageId, MessageMetadata, Notification
from gateway.services.ecris_mapping import country_code
from tests.samples import ecris_messages as samples

LUXEMBOURG_NATIONALITY = "CO-00-442-LUX"
TIMESTAMP = datetime(2026, 3, 14, 9, 30, tzinfo=UTC)


def addressed(message: EcrisMessage, *, sender: str = "FR", receiver: str = "LU", serial: int = 1,
              response_to: MessageId | None = None) -> EcrisMessage:
    """``message`` re-addressed from ``sender`` to ``receiver`` under serial ``serial``."""
    old = message.metadata
    metadata = MessageMetadata(MessageId(sender, receiver, old.message_id.type, serial), TIMESTAMP,
                               response_to if response_to is not None else old.response_to)
    return dataclasses.replace(message, metadata=metadata)  # type: ignore[type-var]


def notification_from(sender: str = "FR", serial: int = 1, *, national: bool = True) -> Notification:
    """A notification of a conviction by a court of ``sender`` about a Luxembourg national (or not)."""
    message = samples.notification_8kb(serial)
    person = message.person
    if national:
        person = dataclasses.replace(person, nationalities=(LUXEMBOURG_NATIONALITY,))
    else:
        person = dataclasses.replace(person, nationalities=("CO-00-620-PRT",))
    conviction = dataclasses.replace(message.conviction, id=f"{sender}-C-{serial:015d}",
                                     convicting_country=country_code(sender))
    result = addressed(dataclasses.replace(message, person=person, conviction=conviction), sender=sender,
                       serial=serial)
    assert isinstance(result, Notification)
    return result


def envelope_of(message: EcrisMessage) -> bytes:
    return envelope_bytes(codec.encode(message))


def headers_for(message: EcrisMessage) -> dict[str, str]:
    return {k.lower(): v for k, v in request_headers(message.operation).items()}
