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
from gateway.model.exchange_identifiers import identifier_problems
from gateway.model.reference_tables import FunctionalErrorCode, ReferenceTables
from gateway.services.inbound import MessageProblem

log = logging.getLogger("ecris.messages")


class InvalidOutboundMessage(GatewayError):
    """A message the gateway built does not validate: a bug, never sent."""


@dataclass(frozen=True)
class MessageWriter:
    schemas: EcrisSchemas

    def __call__(self, message: EcrisMessage) -> bytes:
        if problems := identifier_problems(message):
            raise InvalidOutboundMessage(f"{message.element_name} {message.metadata.message_id}: {problems[0]}")
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


def project_reference_tables() -> ReferenceTables | None:
    """The project's reference tables, or None (codes then checked by pattern only) if they cannot load."""
    try:
        return codec.default_tables()
    except (ImportError, GatewayError, OSError) as error:
        log.warning("reference tables unavailable (%s): codes are checked by pattern only", error)
        return None


@dataclass(frozen=True, slots=True)
class ReadMessage:
    """A journalled message as the codec sees it."""

    message: EcrisMessage | None
    """The decoded message; None when it cannot be read."""
    problems: list[MessageProblem]
    """Reasons to refuse it, each with its FE code."""
    flags: list[str]
    """What a clerk should look at in an accepted message (e.g. a well-formed code missing from the
    reference tables, outside strict mode); free of personal data."""


@dataclass(frozen=True)
class MessageReader:
    max_bytes: int
    member_state: str
    strict_codes: bool = False
    tables: ReferenceTables | None = None
    """The reference tables codes are checked against (the ``reference_tables`` setting); None: by pattern."""

    def element(self, envelope: bytes) -> etree._Element:
        return message_of_envelope(parse_untrusted(envelope, max_bytes=self.max_bytes))

    def read(self, envelope: bytes) -> ReadMessage:
        """The decoded message and what the codec's checks say about it (errors with FE codes, flags)."""
        try:
            element = self.element(envelope)
        except (XmlRejected, GatewayError) as error:
            return ReadMessage(None, [MessageProblem(FunctionalErrorCode.INVALID_CONTENT.value, str(error))], [])
        result = codec.check(element, tables=self.tables, strict=self.strict_codes,
                             expected_receiver=self.member_state)
        problems = [MessageProblem(finding.code.value, finding.message) for finding in result.errors]
        try:
            message = codec.decode(element)
        except (GatewayError, ValueError) as error:
            problems.append(MessageProblem(FunctionalErrorCode.INVALID_CONTENT.value, str(error)[:500]))
            return ReadMessage(None, problems, list(result.flags))
        return ReadMessage(message, problems, list(result.flags))
