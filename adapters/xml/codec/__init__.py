"""ECRIS v1.0 message codecs: core ``EcrisMessage`` values to lxml elements and back, plus the checks a
schema cannot make. One module per message; shared building blocks in their own modules (``namespaces``,
``writer``, ``reading``, ``texts``, ``dates``, ``amounts``, ``places``, ``metadata``, ``contact``, ``person``,
``attachments``, ``errors``) and ``conviction.py``.

    encode(message) -> etree._Element         build with lxml (never strings)
    decode(element) -> EcrisMessage           apply the contract's defaults; raise DecodeError
    check_message(element, ...) -> list[str]  IDs/IDREFs, message-ID type and parties, ResponseTo, codes
    check(element, ...) -> CheckResult        the same with functional error codes and clerk flags
    to_bytes(element) -> bytes                UTF-8 with an XML declaration

Outbound: ``encode`` → ``EcrisSchemas.validate`` → ``check_message`` → ``to_bytes`` → outbox.
Inbound: ``parse_untrusted`` → ``EcrisSchemas.validate`` → ``check`` → ``decode``.
"""

from __future__ import annotations

from typing import Any

from lxml import etree

from gateway.model.exchange import EcrisMessage
from gateway.model.reference_tables import ReferenceTables

from . import (
    additional_info,
    additional_info_response,
    cancellation,
    functional_error,
    is_alive,
    notification,
    notification_response,
    request,
    request_deadline,
    request_response,
)
from .checks import CheckResult, Finding, check
from .errors import DecodeError, EncodeError
from .namespaces import SVC_NS

_MODULES = (
    request,
    request_deadline,
    request_response,
    notification,
    notification_response,
    additional_info,
    additional_info_response,
    functional_error,
    cancellation,
    is_alive,
)
_ENCODERS: dict[type, Any] = {}
_DECODERS: dict[str, Any] = {}
for _module in _MODULES:
    _ENCODERS.update(_module.ENCODERS)
    _DECODERS.update({f"{{{SVC_NS}}}{k}": v for k, v in _module.DECODERS.items()})

_DEFAULT_TABLES: list[ReferenceTables] = []


def encode(message: EcrisMessage) -> etree._Element:
    """The message element (``svc:<Name>Message``), ready to validate and serialise."""
    encoder = _ENCODERS.get(type(message))
    if encoder is None:
        raise EncodeError(f"no codec for {type(message).__name__}")
    try:
        element: etree._Element = encoder(message)
    except (ValueError, TypeError) as error:  # lxml refuses control characters, NULs, …
        raise EncodeError(f"{type(message).__name__} cannot be encoded: {type(error).__name__}") from None
    return element


def decode(element: etree._Element) -> EcrisMessage:
    """The core message of a schema-valid element; ``DecodeError`` for anything it cannot represent."""
    decoder = _DECODERS.get(element.tag)
    if decoder is None:
        raise DecodeError("the element is not an ECRIS message")
    try:
        message: EcrisMessage = decoder(element)
    except DecodeError:
        raise
    except (ValueError, TypeError, AssertionError):
        raise DecodeError("the message holds a value the gateway cannot represent") from None
    return message


def default_tables() -> ReferenceTables:
    """The project's reference tables (``schemas/reference-tables/``), loaded once."""
    if not _DEFAULT_TABLES:
        from adapters.files.reference_tables import load_project_tables

        _DEFAULT_TABLES.append(load_project_tables())
    return _DEFAULT_TABLES[0]


def check_message(
    element: etree._Element,
    *,
    tables: ReferenceTables | None = None,
    strict: bool = False,
    expected_sender: str | None = None,
    expected_receiver: str | None = None,
) -> list[str]:
    """The errors the schema cannot find (empty = fine); unknown-but-well-formed codes only in strict mode.

    ``tables`` defaults to the project's reference tables. Use ``check`` for the clerk flags and the
    functional error code of each finding.
    """
    result = check(
        element,
        tables=tables if tables is not None else default_tables(),
        strict=strict,
        expected_sender=expected_sender,
        expected_receiver=expected_receiver,
    )
    return [finding.message for finding in result.errors]


def to_bytes(element: etree._Element) -> bytes:
    """UTF-8 bytes with an XML declaration (what the outbox stores and the client sends)."""
    return etree.tostring(element, encoding="UTF-8", xml_declaration=True)


__all__ = [
    "CheckResult",
    "DecodeError",
    "EncodeError",
    "Finding",
    "check",
    "check_message",
    "decode",
    "default_tables",
    "encode",
    "to_bytes",
]
