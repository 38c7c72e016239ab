"""A peer built by zeep from the official ECRIS v1.0 WSDL calls every operation of a running
``ecris-gateway serve`` (the official files are read from ../shared, never copied)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import requests
from lxml import etree
from zeep import Client, Settings
from zeep.exceptions import Fault

from adapters.soap.envelope import wrap
from adapters.xml import codec
from tests.conformance.official import official_client, zeep_gmonth_patched
from tests.integration.soap.inbound_samples import addressed, envelope_of, headers_for, notification_from
from tests.messaging_support import Gateway, cli_json, wait_until
from tests.samples import ecris_messages as samples

pytestmark = pytest.mark.shared  # skipped without ../shared, failed when CI is set (tests/conftest.py)


@pytest.fixture(scope="module")
def official(gateway: Gateway) -> Iterator[tuple[Any, Any]]:
    """The official client, with zeep's gMonth patched as a zeep-based peer must (python-zeep #1150)."""
    with zeep_gmonth_patched():
        yield official_client(gateway.url)


def _zeep_arguments(binding: Any, operation: str, element: etree._Element) -> dict[str, Any]:
    """The message as zeep values: zeep reads our element with the official types (a peer's view)."""
    body = binding._operations[operation].input.deserialize(wrap(element))
    return {name: (body[name] if body[name] is not None else {}) for name in body}


CORPUS = [(name, message) for name, message in samples.corpus()]


@pytest.mark.parametrize(("name", "message"), CORPUS, ids=[name for name, _ in CORPUS])
def test_zeep_with_the_official_wsdl_calls_every_operation(official: tuple[Any, Any], gateway: Gateway,
                                                           name: str, message: Any) -> None:
    service, binding = official
    serial = 700 + [n for n, _ in CORPUS].index(name)
    inbound = addressed(message, serial=serial)
    arguments = _zeep_arguments(binding, inbound.operation, codec.encode(inbound))
    answer = getattr(service, inbound.operation)(**arguments)
    if inbound.operation == "isAlive":
        assert answer.MessageData.IsAlive is True
        assert answer.MessageMetaData.MessageMetaDataMessageID.startswith("LU-FR-IAL-")
    else:
        assert answer is None  # one-way: HTTP 202, empty body


def test_all_fifteen_operations_are_covered(official: tuple[Any, Any]) -> None:
    _, binding = official
    assert {message.operation for _, message in CORPUS} == set(binding._operations)


def test_zeep_gets_a_fault_for_a_schema_invalid_message(official: tuple[Any, Any]) -> None:
    service, _ = official
    with pytest.raises(Fault) as raised:
        service.deliverNotificationResponse(
            MessageMetaData={"MessageMetaDataMessageID": "FR-LU-NRS-000000000000999",
                             "MessageMetaDataTimestamp": "2026-03-14T09:00:00Z",
                             "MessageMetaDataResponseTo": "LU-FR-NOT-000000000000001"},
            MessageData={"MessageDataNotificationResponseTypeReference": "NRT-1"},
        )
    assert raised.value.code is not None and "Sender" in raised.value.code
    assert "schema validation failed" in raised.value.message


def test_the_wsdl_is_served_with_the_public_address(gateway: Gateway) -> None:
    response = requests.get(gateway.url + "?wsdl", timeout=5)
    assert response.status_code == 200
    root = etree.fromstring(response.content)
    locations = root.xpath("//soap12:address/@location", namespaces={"soap12": "http://schemas.xmlsoap.org/wsdl/soap12/"})
    assert locations == [gateway.url]
    imports = root.xpath("//xsd:import/@schemaLocation", namespaces={"xsd": "http://www.w3.org/2001/XMLSchema"})
    assert imports and all(location.startswith(gateway.url + "?xsd=") for location in imports)


def test_zeep_can_load_the_served_wsdl_and_call_the_gateway(gateway: Gateway) -> None:
    client = Client(gateway.url + "?wsdl", settings=Settings(strict=True, forbid_dtd=True))
    message = notification_from(serial=790)
    element = codec.encode(message)
    binding = next(iter(next(iter(client.wsdl.services.values())).ports.values())).binding
    arguments = _zeep_arguments(binding, "deliverNotification", element)
    assert client.service.deliverNotification(**arguments) is None


def test_a_notification_for_a_national_is_journalled_processed_and_answered(gateway: Gateway) -> None:
    message = notification_from(serial=791)
    response = requests.post(gateway.url, data=envelope_of(message), headers=headers_for(message), timeout=10)
    assert (response.status_code, response.content) == (202, b"")
    message_id = str(message.metadata.message_id)

    def processed() -> dict[str, Any] | None:
        rows = [r for r in cli_json(["inbox", "list", "--json"], gateway.env) if r["message_id"] == message_id]
        return rows[0] if rows and rows[0]["state"] == "processed" else None

    row = wait_until(processed, what="the notification to be processed")
    assert row["type"] == "NotificationMessage" and row["counterpart"] == "FR"
    replies = [r for r in cli_json(["outbox", "list", "--json"], gateway.env) if r["message_id"] == row["reply_id"]]
    assert replies and replies[0]["type"] == "NotificationResponseMessage"
    assert replies[0]["counterpart"] == "FR" and replies[0]["state"] == "queued"
    assert replies[0]["response_to"] == message_id
