"""The one hardened XML parser for every input the gateway receives (SOAP envelopes, messages, CRT files).

No DTD (a DOCTYPE is refused outright), no entity expansion, no network access, comments and processing
instructions dropped, a size limit checked before parsing and a nesting-depth limit checked after.
Errors carry a short message that never repeats the input (it may hold personal data).
"""

from __future__ import annotations

import threading

from lxml import etree

from gateway.errors import GatewayError

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
"""20 MiB: NIST fingerprint files travel base64-inline in the Push messages."""

MAX_DEPTH = 64
"""ECRIS messages inside a SOAP envelope nest about 14 deep; anything past this is hostile."""

_HUGE_TEXT_THRESHOLD = 9_000_000
"""libxml2 refuses a text node over 10 MB unless ``huge_tree`` is on: only then is it switched on."""


class XmlRejected(GatewayError):
    """An XML input refused before any processing; ``str(error)`` is safe to log and to send back."""

    fault_kind = "Sender"


class MalformedXml(XmlRejected):
    """The input is not well-formed XML."""


class HostileXml(XmlRejected):
    """The input uses a construct the gateway never accepts (DOCTYPE, entities, excessive nesting)."""


class XmlTooLarge(XmlRejected):
    """The input is larger than the configured limit."""


def _new_parser(*, huge: bool) -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        dtd_validation=False,
        load_dtd=False,
        remove_comments=True,
        remove_pis=True,
        huge_tree=huge,
        collect_ids=False,
    )


class _Parsers(threading.local):
    """lxml parsers must not be shared between threads: one pair per thread."""

    def __init__(self) -> None:
        self.normal = _new_parser(huge=False)
        self.huge = _new_parser(huge=True)


_PARSERS = _Parsers()
_TOO_DEEP = etree.XPath("boolean(" + "/*" * (MAX_DEPTH + 1) + ")")


def parse_untrusted(data: bytes, *, max_bytes: int = DEFAULT_MAX_BYTES) -> etree._Element:
    """Parse bytes from outside the gateway and return the root element.

    Raises ``XmlTooLarge`` (before parsing) when ``len(data) > max_bytes``, ``HostileXml`` for a DOCTYPE,
    an entity declaration or nesting deeper than ``MAX_DEPTH``, and ``MalformedXml`` otherwise.
    """
    if not isinstance(data, bytes | bytearray | memoryview):
        raise MalformedXml("XML input must be bytes")
    size = len(data)
    if size > max_bytes:
        raise XmlTooLarge(f"XML input of {size} bytes exceeds the limit of {max_bytes} bytes")
    if size == 0:
        raise MalformedXml("XML input is empty")
    raw = data if type(data) is bytes else bytes(data)
    # Every declaration starts with "<!", and "!" is rare in ECRIS messages: one memchr pass usually
    # settles it, the two exact scans run only when a "!" is present.
    if b"!" in raw and (b"<!DOCTYPE" in raw or b"<!ENTITY" in raw):
        raise HostileXml("DTDs and entity declarations are not accepted")
    parser = _PARSERS.huge if size > _HUGE_TEXT_THRESHOLD else _PARSERS.normal
    try:
        root = etree.fromstring(raw, parser)
    except etree.XMLSyntaxError as error:
        # libxml2's message names a position, not content; keep only its first line.
        reason = str(error.msg or "syntax error").splitlines()[0][:200]
        raise MalformedXml(f"XML input is not well-formed (line {error.lineno}): {reason}") from None
    if root is None:
        raise MalformedXml("XML input has no root element")
    tree = root.getroottree()
    docinfo = tree.docinfo
    if docinfo.doctype or docinfo.internalDTD is not None or docinfo.externalDTD is not None:  # type: ignore[union-attr]
        # Reached only for encodings the byte scan above cannot see (e.g. UTF-16).
        raise HostileXml("DTDs and entity declarations are not accepted")
    if _TOO_DEEP(tree):
        raise HostileXml(f"XML input nests deeper than {MAX_DEPTH} levels")
    return root
