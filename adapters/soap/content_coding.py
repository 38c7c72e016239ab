"""HTTP content codings of an inbound request body (RFC 9110 §8.4): ``gzip`` is undone, within the size limit.

The limit counts the decompressed bytes — the ones parsed and journalled — so a small compressed body cannot
expand past what an uncompressed one may be. Any other coding is refused with HTTP 415, naming it.
"""

from __future__ import annotations

import zlib

from adapters.soap.envelope import SoapRejected, WrongContentType
from adapters.xml.parsing import XmlTooLarge

GZIP_CODINGS = frozenset({"gzip", "x-gzip"})
_GZIP_WBITS = 16 + zlib.MAX_WBITS
"""zlib's window-bits value for the gzip wrapper (header and CRC checked)."""


class BadContentCoding(SoapRejected):
    """A body declared gzip that does not decompress."""

    subcode = "BadContentCoding"


def codings_of(content_encoding: str | None) -> list[str]:
    """The codings applied to the body, in the order they were applied (``identity`` left out)."""
    codings = [part.strip().lower() for part in (content_encoding or "").split(",")]
    return [coding for coding in codings if coding and coding != "identity"]


def decoded_body(body: bytes, content_encoding: str | None, *, max_bytes: int) -> bytes:
    """``body`` with its content coding undone; raises ``WrongContentType`` (415) for a coding other than
    one gzip, ``XmlTooLarge`` past ``max_bytes`` decompressed bytes, ``BadContentCoding`` when corrupt."""
    codings = codings_of(content_encoding)
    if not codings:
        return body
    if len(codings) > 1 or codings[0] not in GZIP_CODINGS:
        shown = ", ".join(codings)[:60]
        raise WrongContentType(f"content coding {shown} is not accepted; send gzip or no coding")
    return _gunzip(body, max_bytes)


def _gunzip(data: bytes, max_bytes: int) -> bytes:
    out = bytearray()
    remaining = data
    while True:  # a gzip stream may hold several members, one after the other (RFC 1952 §2.2)
        decompressor = zlib.decompressobj(_GZIP_WBITS)
        try:
            out += decompressor.decompress(remaining, max_bytes + 1 - len(out))
        except zlib.error:
            raise BadContentCoding("the body is declared gzip but does not decompress") from None
        if len(out) > max_bytes:
            raise XmlTooLarge(f"XML input exceeds the limit of {max_bytes} bytes once decompressed")
        if not decompressor.eof:
            raise BadContentCoding("the gzip body is truncated")
        remaining = decompressor.unused_data
        if not remaining:
            return bytes(out)
