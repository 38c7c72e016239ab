"""ECRIS v1.0 message codecs: core ``EcrisMessage`` values to lxml elements and back, plus the checks a
schema cannot make. One module per message; shared building blocks in ``common.py``.

    encode(message) -> etree._Element        build with lxml (never strings)
    decode(element) -> EcrisMessage          apply the contract's defaults; raise DecodeError
    check_message(element, ...) -> list[str] IDs/IDREFs, message-ID type and parties, ResponseTo, codes
    to_bytes(element) -> bytes               UTF-8 with an XML declaration
"""

from __future__ import annotations

from lxml import etree

from gateway.model.exchange import EcrisMessage


def encode(message: EcrisMessage) -> etree._Element:
    raise NotImplementedError


def decode(element: etree._Element) -> EcrisMessage:
    raise NotImplementedError


def check_message(element: etree._Element) -> list[str]:
    raise NotImplementedError


def to_bytes(element: etree._Element) -> bytes:
    return etree.tostring(element, encoding="UTF-8", xml_declaration=True)
