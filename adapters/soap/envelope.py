"""SOAP 1.2 envelopes of the ECRIS v1.0 binding (document/literal, bare), with lxml.

Inbound: the media type and its ``action`` parameter (SOAP 1.2 carries the soapAction there), the Envelope
(a SOAP 1.1 one is recognised and refused), header blocks the gateway must understand (none), and exactly
one Body child, an ECRIS message element, whose operation must match the action.
Outbound: a validated message element wrapped in an Envelope, serialised once.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass

from lxml import etree

from adapters.xml.schemas import MESSAGES_NS, SERVICE_NS
from gateway.errors import GatewayError
from gateway.model.exchange import MESSAGE_CLASSES

SOAP12_NS = "http://www.w3.org/2003/05/soap-envelope"
SOAP11_NS = "http://schemas.xmlsoap.org/soap/envelope/"
SOAP12_MEDIA_TYPE = "application/soap+xml"
SOAP11_MEDIA_TYPE = "text/xml"
ACTION_PREFIX = "http://ec.europa.eu/ECRIS/"
ACCEPTED_CHARSETS = frozenset({"utf-8", "utf8", "utf-16", "utf-16le", "utf-16be"})
"""WS-I Basic Profile 1.2 R1012: a message is serialised as UTF-8 or UTF-16. The parser tells which from
the bytes (BOM or XML declaration, XML 1.0 Appendix F), so a label is checked, never needed."""

OPERATION_BY_ELEMENT: dict[str, str] = {cls.element_name: cls.operation for cls in MESSAGE_CLASSES}
ELEMENT_BY_OPERATION: dict[str, str] = {op: name for name, op in OPERATION_BY_ELEMENT.items()}

_ENVELOPE = f"{{{SOAP12_NS}}}Envelope"
_HEADER = f"{{{SOAP12_NS}}}Header"
_BODY = f"{{{SOAP12_NS}}}Body"
_MUST_UNDERSTAND = f"{{{SOAP12_NS}}}mustUnderstand"
_ROLE = f"{{{SOAP12_NS}}}role"
_ROLES_WE_PLAY = frozenset({"", f"{SOAP12_NS}/role/next", f"{SOAP12_NS}/role/ultimateReceiver"})
"""SOAP 1.2 Part 1 §2.2: the ultimate receiver plays "next" and "ultimateReceiver" (the default)."""
_META = f"{{{MESSAGES_NS}}}MessageMetaData"
_META_ID = f"{{{MESSAGES_NS}}}MessageMetaDataMessageID"
_META_RESPONSE_TO = f"{{{MESSAGES_NS}}}MessageMetaDataResponseTo"


class SoapRejected(GatewayError):
    """A request refused at the SOAP layer; ``str(error)`` is safe to send back and to log."""

    fault_code = "Sender"
    subcode = "BadRequest"
    http_status = 400


class WrongContentType(SoapRejected):
    subcode = "WrongContentType"
    http_status = 415


class NotSoap12(SoapRejected):
    """A root element other than the SOAP 1.2 Envelope (SOAP 1.1's among others): SOAP 1.2 Part 1 §5.4.7
    makes it ``env:VersionMismatch``, answered with an ``env:Upgrade`` header; HTTP 500 (Part 2 §7.5.1).

    ``soap11_peer``: the request came as SOAP 1.1 (``text/xml``), so the fault goes back as SOAP 1.1
    (Part 1 Appendix A), the one form such a peer can read."""

    fault_code = "VersionMismatch"
    subcode = "NotSoap12"
    http_status = 500

    def __init__(self, reason: str, *, soap11_peer: bool = False) -> None:
        super().__init__(reason)
        self.soap11_peer = soap11_peer


class MalformedEnvelope(SoapRejected):
    """A SOAP 1.2 Envelope whose children are not one optional Header and one Body."""

    subcode = "MalformedEnvelope"


class NotUnderstood(SoapRejected):
    """Header blocks targeted at us and marked ``mustUnderstand`` that the gateway does not process: SOAP 1.2
    Part 1 §5.4.8, answered with one ``env:NotUnderstood`` header per block; HTTP 500 (Part 2 §7.5.1)."""

    fault_code = "MustUnderstand"
    subcode = "NotUnderstood"
    http_status = 500

    def __init__(self, blocks: tuple[str, ...]) -> None:
        super().__init__(f"{len(blocks)} header block(s) marked mustUnderstand are not understood")
        self.blocks = blocks
        """The Clark names (``{namespace}local``) of the blocks."""


class NotAnEcrisMessage(SoapRejected):
    subcode = "UnknownMessage"


class WrongAction(SoapRejected):
    subcode = "WrongAction"


class SchemaInvalid(SoapRejected):
    subcode = "SchemaInvalid"


class Misaddressed(SoapRejected):
    """A message whose ID is not addressed to this Member State by another one: never answered."""

    subcode = "Misaddressed"


# ------------------------------------------------------------------------------------------- headers


@functools.lru_cache(maxsize=64)
def _parsed_media_type(value: str) -> tuple[str, tuple[tuple[str, str], ...]]:
    media, params = parse_media_type(value)
    return media, tuple(params.items())


def parse_media_type(value: str) -> tuple[str, dict[str, str]]:
    """``type/subtype; a=b; c="d; e"`` → (``type/subtype``, {a: b, c: "d; e"}); names lowercased."""
    media, _, rest = value.partition(";")
    params: dict[str, str] = {}
    i, n = 0, len(rest)
    while i < n:
        while i < n and rest[i] in " \t;":
            i += 1
        start = i
        while i < n and rest[i] not in "=;":
            i += 1
        name = rest[start:i].strip().lower()
        if i >= n or rest[i] == ";":
            continue
        i += 1  # '='
        while i < n and rest[i] in " \t":
            i += 1
        if i < n and rest[i] == '"':
            i += 1
            chars: list[str] = []
            while i < n and rest[i] != '"':
                if rest[i] == "\\" and i + 1 < n:
                    i += 1
                chars.append(rest[i])
                i += 1
            i += 1
            param = "".join(chars)
        else:
            start = i
            while i < n and rest[i] != ";":
                i += 1
            param = rest[start:i].strip()
        if name:
            params[name] = param
    return media.strip().lower(), params


def action_of(content_type: str, soap_action_header: str | None) -> str | None:
    """The action of a SOAP 1.2 request: the media type's ``action`` parameter, else ``SOAPAction``.

    Raises ``WrongContentType`` for anything but ``application/soap+xml`` and ``WrongAction`` when the
    two places disagree. (Senders repeat the same few header values: the answers are cached.)
    """
    return _action_of(content_type or "", soap_action_header)


@functools.lru_cache(maxsize=256)
def _action_of(content_type: str, soap_action_header: str | None) -> str | None:
    media, items = _parsed_media_type(content_type)
    params = dict(items)
    if media != SOAP12_MEDIA_TYPE:
        shown = media or "none"
        hint = " (SOAP 1.1; this binding is SOAP 1.2)" if media == SOAP11_MEDIA_TYPE else ""
        raise WrongContentType(f"content type {shown[:60]} is not {SOAP12_MEDIA_TYPE}{hint}")
    charset = params.get("charset", "utf-8").strip().lower()
    if charset not in ACCEPTED_CHARSETS:
        raise WrongContentType(f"charset {charset[:30]} is not accepted; send UTF-8 or UTF-16")
    action = params.get("action")
    header = (soap_action_header or "").strip().strip('"') or None
    if action is not None and header is not None and action != header:
        raise WrongAction("the action parameter and the SOAPAction header disagree")
    return action if action is not None else header


def is_soap11_request(content_type: str) -> bool:
    """Whether the media type is SOAP 1.1's (``text/xml``)."""
    return _parsed_media_type(content_type or "")[0] == SOAP11_MEDIA_TYPE


# ------------------------------------------------------------------------------------------- inbound


@dataclass(frozen=True, slots=True)
class Unwrapped:
    """An ECRIS message taken out of its Envelope (still part of the parsed tree)."""

    message: etree._Element
    element_name: str
    operation: str
    message_id: str | None
    response_to: str | None

    @property
    def sender(self) -> str | None:
        """The two letters of the sending Member State, when the message ID is shaped like one."""
        mid = self.message_id
        if mid and len(mid) == 25 and mid[2] == "-" and mid[:2].isalpha() and mid[:2].isupper():
            return mid[:2]
        return None


_MESSAGE_TAGS: dict[str, tuple[str, str]] = {
    f"{{{SERVICE_NS}}}{name}": (name, operation) for name, operation in OPERATION_BY_ELEMENT.items()
}
"""Clark name of each ECRIS message element → (element name, operation)."""


def _collapsed(element: etree._Element | None) -> str | None:
    if element is None or element.text is None:
        return None
    value = " ".join(element.text.split())
    return value[:64] or None


def _child(parent: etree._Element, tag: str) -> etree._Element | None:
    return next(parent.iterchildren(tag), None)


def message_ids(message: etree._Element) -> tuple[str | None, str | None]:
    """(MessageID, ResponseTo) of a message element, whitespace-collapsed (None when absent)."""
    meta = _child(message, _META)
    if meta is None:
        return None, None
    return _collapsed(_child(meta, _META_ID)), _collapsed(_child(meta, _META_RESPONSE_TO))


def _not_understood(header: etree._Element) -> tuple[str, ...]:
    """The header blocks targeted at us that we must understand: we understand none."""
    return tuple(
        block.tag for block in header
        if isinstance(block.tag, str)
        and block.get(_MUST_UNDERSTAND, "").strip() in {"true", "1"}
        and block.get(_ROLE, "").strip() in _ROLES_WE_PLAY
    )


def unwrap(root: etree._Element) -> Unwrapped:
    """Check the Envelope and return its one ECRIS message. Raises a ``SoapRejected``."""
    declared = (root.getroottree().docinfo.encoding or "utf-8").lower()
    if declared not in ACCEPTED_CHARSETS:
        # The same refusal as for the charset label: the encoding is the document's, however it is told.
        raise WrongContentType(f"XML encoding {declared[:30]} is not accepted; send UTF-8 or UTF-16")
    if root.tag != _ENVELOPE:
        if root.tag == f"{{{SOAP11_NS}}}Envelope":
            raise NotSoap12("SOAP 1.1 envelope; this binding is SOAP 1.2")
        raise NotSoap12("the document is not a SOAP 1.2 Envelope")
    header: etree._Element | None = None
    body: etree._Element | None = None
    for child in root:
        tag = child.tag
        if tag == _HEADER and header is None and body is None:
            header = child
        elif tag == _BODY and body is None:
            body = child
        elif isinstance(tag, str):
            raise MalformedEnvelope("the Envelope holds something other than one Header and one Body")
    if body is None:
        raise MalformedEnvelope("the Envelope has no Body")
    if header is not None and (blocks := _not_understood(header)):
        raise NotUnderstood(blocks)
    children = [child for child in body if isinstance(child.tag, str)]
    if len(children) != 1:
        raise NotAnEcrisMessage(f"the Body must hold exactly one ECRIS message, not {len(children)}")
    message = children[0]
    if (body.text and not body.text.isspace()) or (message.tail and not message.tail.isspace()):
        raise NotAnEcrisMessage("the Body holds text besides the message")
    known = _MESSAGE_TAGS.get(message.tag)
    if known is None:
        raise NotAnEcrisMessage("the Body element is not an ECRIS v1.0 message of the service namespace")
    message_id, response_to = message_ids(message)
    return Unwrapped(
        message=message,
        element_name=known[0],
        operation=known[1],
        message_id=message_id,
        response_to=response_to,
    )


def check_action(action: str | None, unwrapped: Unwrapped) -> None:
    """The action must name the operation of the Body element (``soapActionRequired="true"``)."""
    expected = ACTION_PREFIX + unwrapped.operation
    if action is None:
        raise WrongAction(f"no action given; expected {expected}")
    if action != expected:
        raise WrongAction(f"action {action[:100]} does not match the Body element (expected {expected})")


# ------------------------------------------------------------------------------------------- outbound


def wrap(message: etree._Element) -> etree._Element:
    """A new Envelope whose Body holds ``message`` (moved, not copied)."""
    envelope = etree.Element(_ENVELOPE, nsmap={"env": SOAP12_NS})
    body = etree.SubElement(envelope, _BODY)
    body.append(message)
    return envelope


def envelope_bytes(message: etree._Element) -> bytes:
    """The UTF-8 bytes of an Envelope around ``message`` (which is moved into it)."""
    return etree.tostring(wrap(message), encoding="UTF-8", xml_declaration=True)


def request_headers(operation: str) -> Mapping[str, str]:
    """HTTP headers of a SOAP 1.2 call of ``operation`` (the action travels in the media type)."""
    return {
        "Content-Type": f'{SOAP12_MEDIA_TYPE}; charset=utf-8; action="{ACTION_PREFIX}{operation}"',
    }


def message_of_envelope(envelope: etree._Element) -> etree._Element:
    """The message element of an envelope the gateway built or journalled (no checks)."""
    body = envelope.find(_BODY)
    if body is None or len(body) == 0:
        raise NotAnEcrisMessage("the Envelope has no message")
    return body[0]
