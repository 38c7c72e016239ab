"""The bridge between the codecs (part A) and messaging: envelopes out, decoded messages in.

``MessageWriter`` builds a message with the codec, validates it against the schema (never send what the
contract refuses) and returns the SOAP envelope bytes the outbox stores. ``MessageReader`` takes a journalled
envelope back to a core message plus the problems the codec's checks found, each with its FE code.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from lxml import etree

from adapters.soap.envelope import envelope_bytes, message_of_envelope
from adapters.xml import codec
from adapters.xml.parsing import XmlRejected, parse_untrusted
from adapters.xml.schemas import EcrisSchemas
from gateway.errors import GatewayError
from gateway.model.exchange import EcrisMessage
from gateway.model.reference_tables import FunctionalErrorCode, ReferenceTables
from gateway.services.inbound import MessageProblem

log = logging.getLogger("ecris.messages")


class InvalidOutboundMessage(GatewayError):
    """A message the gateway built does not validate: a bug, never sent."""


@dataclass(frozen=True)
class MessageWriter:
    schemas: EcrisSchemas

    def __call__(self, message: EcrisMessage) -> bytes:
        element = codec.encode(message)
        problems = self.schemas.validate(element)
        if problems:
            raise InvalidOutboundMessage(
                f"{message.element_name} {message.metadata.message_id} does not validate: {problems[0]}"
            )
        return envelope_bytes(element)


def structural_problems(element: etree._Element) -> list[str]:
    """Duplicate element IDs and dangling IDREFs: ``xsd:ID`` semantics libxml2 does not check, so a
    message that has them is schema-invalid (refused with a fault, as a full validator would)."""
    return [finding.message for finding in codec.check(element, tables=None).errors
            if finding.code is FunctionalErrorCode.INVALID_IDENTIFIER]


_TABLES: list[ReferenceTables | None] = []


def _reference_tables() -> ReferenceTables | None:
    """The project's reference tables, or None (codes then checked by pattern only) if they cannot load."""
    if not _TABLES:
        try:
            _TABLES.append(codec.default_tables())
        except (ImportError, GatewayError, OSError) as error:
            log.warning("reference tables unavailable (%s): codes are checked by pattern only", error)
            _TABLES.append(None)
    return _TABLES[0]


@dataclass(frozen=True)
class MessageReader:
    max_bytes: int
    member_state: str
    strict_codes: bool = False

    def element(self, envelope: bytes) -> etree._Element:
        return message_of_envelope(parse_untrusted(envelope, max_bytes=self.max_bytes))

    def read(self, envelope: bytes) -> tuple[EcrisMessage | None, list[MessageProblem]]:
        """The decoded message and what the codec's checks say about it (with FE codes)."""
        try:
            element = self.element(envelope)
        except (XmlRejected, GatewayError) as error:
            return None, [MessageProblem(FunctionalErrorCode.INVALID_CONTENT.value, str(error))]
        result = codec.check(element, tables=_reference_tables(), strict=self.strict_codes,
                             expected_receiver=self.member_state)
        problems = [MessageProblem(finding.code.value, finding.message) for finding in result.errors]
        try:
            message = codec.decode(element)
        except (GatewayError, ValueError) as error:
            return None, [*problems, MessageProblem(FunctionalErrorCode.INVALID_CONTENT.value, str(error)[:500])]
        return message, problems
