"""Character encodings and content codings a peer may legitimately use: UTF-16 (WS-I BP R1012) is taken
whether labelled or not, gzip is undone within the size limit, anything else gets a 415 naming it."""

from __future__ import annotations

import gzip
import itertools

import pytest
import requests
from lxml import etree

from adapters.soap.envelope import SOAP12_NS
from tests.integration.soap.conftest import MAX_BYTES, Gateway
from tests.integration.soap.inbound_samples import envelope_of, headers_for, notification_from
from tests.messaging_support import journal_rows

SERIALS = itertools.count(4000)
ACTION = 'action="http://ec.europa.eu/ECRIS/deliverNotification"'


def _subcode(response: requests.Response) -> str | None:
    return etree.fromstring(response.content).findtext(f".//{{{SOAP12_NS}}}Subcode/{{{SOAP12_NS}}}Value")


def _journalled(gateway: Gateway, message_id: str) -> list[tuple[str, bytes]]:
    return [(state, body) for mid, state, body in journal_rows(f"sqlite:///{gateway.db_path}") if mid == message_id]


def _utf16_envelope(serial: int) -> tuple[str, bytes]:
    message = notification_from(serial=serial)
    text = envelope_of(message).decode("utf-8").replace("encoding='UTF-8'", "encoding='UTF-16'")
    return str(message.metadata.message_id), text.encode("utf-16")


@pytest.mark.parametrize("label", ["; charset=utf-16", ""], ids=["labelled-utf-16", "unlabelled"])
def test_a_utf16_body_is_accepted_with_or_without_its_charset_label(gateway: Gateway, label: str) -> None:
    message_id, body = _utf16_envelope(next(SERIALS))
    response = requests.post(gateway.url, data=body, timeout=10,
                             headers={"Content-Type": f"application/soap+xml{label}; {ACTION}"})
    assert (response.status_code, response.content) == (202, b"")
    [(state, journalled)] = _journalled(gateway, message_id)
    assert state != "rejected" and journalled == body


def test_a_declared_encoding_other_than_utf8_or_utf16_is_refused_labelled_or_not(gateway: Gateway) -> None:
    message = notification_from(serial=next(SERIALS))
    text = envelope_of(message).decode("utf-8").replace("encoding='UTF-8'", "encoding='ISO-8859-1'")
    body = text.encode("iso-8859-1")
    unlabelled = requests.post(gateway.url, data=body, timeout=10,
                               headers={"Content-Type": f"application/soap+xml; {ACTION}"})
    labelled = requests.post(gateway.url, data=body, timeout=10,
                             headers={"Content-Type": f"application/soap+xml; charset=iso-8859-1; {ACTION}"})
    assert unlabelled.status_code == labelled.status_code == 415
    assert _subcode(unlabelled) == _subcode(labelled) == "gw:WrongContentType"


def test_a_gzip_body_is_decompressed_and_journalled_decompressed(gateway: Gateway) -> None:
    message = notification_from(serial=next(SERIALS))
    body = envelope_of(message)
    headers = {**headers_for(message), "Content-Encoding": "gzip"}
    response = requests.post(gateway.url, data=gzip.compress(body), headers=headers, timeout=10)
    assert (response.status_code, response.content) == (202, b"")
    [(state, journalled)] = _journalled(gateway, str(message.metadata.message_id))
    assert state != "rejected" and journalled == body


def test_a_gzip_body_is_bounded_by_the_size_limit_counted_decompressed(gateway: Gateway) -> None:
    message = notification_from(serial=next(SERIALS))
    body = envelope_of(message)
    padded = body.replace(b"<env:Body>", b"<env:Body>" + b" " * MAX_BYTES, 1)
    compressed = gzip.compress(padded)
    assert len(compressed) < MAX_BYTES < len(padded)
    headers = {**headers_for(message), "Content-Encoding": "gzip"}
    before = len(journal_rows(f"sqlite:///{gateway.db_path}"))
    response = requests.post(gateway.url, data=compressed, headers=headers, timeout=10)
    assert response.status_code == 400 and _subcode(response) == "gw:TooLarge"
    new = journal_rows(f"sqlite:///{gateway.db_path}")[before:]
    assert new == [(None, "rejected", compressed)]  # journalled as it came, never expanded


def test_a_corrupt_gzip_body_is_a_sender_fault(gateway: Gateway) -> None:
    message = notification_from(serial=next(SERIALS))
    headers = {**headers_for(message), "Content-Encoding": "gzip"}
    response = requests.post(gateway.url, data=gzip.compress(envelope_of(message))[:-20], headers=headers,
                             timeout=10)
    assert response.status_code == 400 and _subcode(response) == "gw:BadContentCoding"


def test_another_content_coding_gets_415_naming_it(gateway: Gateway) -> None:
    message = notification_from(serial=next(SERIALS))
    headers = {**headers_for(message), "Content-Encoding": "br"}
    response = requests.post(gateway.url, data=envelope_of(message), headers=headers, timeout=10)
    assert response.status_code == 415 and _subcode(response) == "gw:WrongContentType"
    assert b"content coding br" in response.content


def test_a_utf16_body_gets_the_same_hostile_input_checks(gateway: Gateway) -> None:
    """The parser's quick byte scan for DOCTYPEs cannot read UTF-16: the check after parsing does."""
    body = (f'<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE e [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
            f'<env:Envelope xmlns:env="{SOAP12_NS}"><env:Body>&xxe;</env:Body></env:Envelope>').encode("utf-16")
    response = requests.post(gateway.url, data=body, timeout=10,
                             headers={"Content-Type": f"application/soap+xml; charset=utf-16; {ACTION}"})
    assert response.status_code == 400 and _subcode(response) == "gw:HostileXml"
    assert b"root:" not in response.content
