"""Hostile or wrong input gets a SOAP 1.2 fault (or, once accepted, a functional error), is journalled, and
changes nothing else: no outbound message except the functional error, no register change."""

from __future__ import annotations

import copy
import dataclasses
import itertools
from typing import Any

import pytest
import requests
from lxml import etree

from adapters.soap.envelope import SOAP11_NS, SOAP12_NS, wrap
from adapters.soap.faults import fault_reason
from adapters.xml import codec
from gateway.model.exchange import MessageId, MessageType
from tests.integration.soap.conftest import MAX_BYTES, Gateway
from tests.integration.soap.inbound_samples import addressed, envelope_of, headers_for, notification_from
from tests.messaging_support import cli_json, journal_rows, outbox_ids, wait_until
from tests.samples import ecris_messages as samples

SERIALS = itertools.count(1000)
ACTION = "http://ec.europa.eu/ECRIS/deliverNotification"
SOAP12 = f'application/soap+xml; charset=utf-8; action="{ACTION}"'


def _post(gateway: Gateway, body: bytes, content_type: str = SOAP12, **headers: str) -> requests.Response:
    return requests.post(gateway.url, data=body, headers={"Content-Type": content_type, **headers}, timeout=30)


def _fault(response: requests.Response) -> tuple[str, str]:
    fault = fault_reason(response.content)
    assert fault is not None, response.content[:300]
    return fault


def _inbox(gateway: Gateway) -> list[dict[str, Any]]:
    return cli_json(["inbox", "list", "--json"], gateway.env)  # type: ignore[no-any-return]


def _outbox(gateway: Gateway) -> list[dict[str, Any]]:
    return cli_json(["outbox", "list", "--json"], gateway.env)  # type: ignore[no-any-return]


def _assert_refused(gateway: Gateway, response: requests.Response, *, status: int = 400,
                    subcode: str | None = None) -> None:
    """A Sender fault with ``status``, one more ``rejected`` journal row, and the outbox unchanged."""
    assert response.status_code == status, response.content[:500]
    assert response.headers["Content-Type"].startswith("application/soap+xml")
    code, _reason = _fault(response)
    assert code == "env:Sender"
    if subcode is not None:
        root = etree.fromstring(response.content)
        assert root.findtext(f".//{{{SOAP12_NS}}}Subcode/{{{SOAP12_NS}}}Value") == f"gw:{subcode}"


@pytest.fixture
def snapshot(gateway: Gateway) -> Any:
    """Journal rows and outbox before the test; after it, exactly one new rejected row, no new outbox row.
    (Read from the store directly: a CLI process per look would cost more than the test.)"""
    db_url = f"sqlite:///{gateway.db_path}"
    before_inbox, before_outbox = journal_rows(db_url), outbox_ids(db_url)
    yield
    new = journal_rows(db_url)[len(before_inbox):]
    assert [state for _id, state, _body in new] == ["rejected"], [row[:2] for row in new]
    assert outbox_ids(db_url) == before_outbox


def _notification_element(serial: int | None = None) -> etree._Element:
    return codec.encode(notification_from(serial=serial or next(SERIALS)))


def _envelope(element: etree._Element) -> bytes:
    return etree.tostring(wrap(element), xml_declaration=True, encoding="UTF-8")


@pytest.mark.usefixtures("snapshot")
class TestFaults:
    def test_xxe_is_refused(self, gateway: Gateway) -> None:
        body = (b'<?xml version="1.0"?><!DOCTYPE e [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
                b'<env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope"><env:Body>&xxe;'
                b"</env:Body></env:Envelope>")
        response = _post(gateway, body)
        _assert_refused(gateway, response, subcode="HostileXml")
        assert b"root:" not in response.content

    def test_billion_laughs_is_refused(self, gateway: Gateway) -> None:
        entities = "".join(f'<!ENTITY l{i} "{("&l" + str(i - 1) + ";") * 10}">' for i in range(1, 10))
        body = (f'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY l0 "lol">{entities}]>'
                f'<env:Envelope xmlns:env="{SOAP12_NS}"><env:Body>&l9;</env:Body></env:Envelope>').encode()
        _assert_refused(gateway, _post(gateway, body), subcode="HostileXml")

    def test_an_oversized_body_is_refused_unread(self, gateway: Gateway) -> None:
        element = _notification_element()
        body = _envelope(element)
        padding = b" " * (MAX_BYTES + 1 - len(body) + 10)
        big = body.replace(b"<env:Body>", b"<env:Body>" + padding, 1)
        assert len(big) > MAX_BYTES
        _assert_refused(gateway, _post(gateway, big), subcode="TooLarge")

    def test_deep_nesting_is_refused(self, gateway: Gateway) -> None:
        deep = "<a>" * 200 + "</a>" * 200
        body = f'<env:Envelope xmlns:env="{SOAP12_NS}"><env:Body>{deep}</env:Body></env:Envelope>'.encode()
        _assert_refused(gateway, _post(gateway, body), subcode="HostileXml")

    def test_not_well_formed_is_refused(self, gateway: Gateway) -> None:
        _assert_refused(gateway, _post(gateway, b"<env:Envelope><unclosed>"), subcode="NotWellFormed")

    def test_a_wrong_namespace_is_refused(self, gateway: Gateway) -> None:
        element = _notification_element()
        element.tag = "{http://ec.europa.eu/ECRIS/service-v2.0}NotificationMessage"
        _assert_refused(gateway, _post(gateway, _envelope(element)), subcode="UnknownMessage")

    def test_a_wrong_action_is_refused(self, gateway: Gateway) -> None:
        body = _envelope(_notification_element())
        content_type = 'application/soap+xml; charset=utf-8; action="http://ec.europa.eu/ECRIS/deliverRequest"'
        _assert_refused(gateway, _post(gateway, body, content_type), subcode="WrongAction")

    def test_a_missing_action_is_refused(self, gateway: Gateway) -> None:
        body = _envelope(_notification_element())
        _assert_refused(gateway, _post(gateway, body, "application/soap+xml; charset=utf-8"), subcode="WrongAction")

    def test_a_soap_11_request_gets_a_soap_11_version_mismatch_fault_with_an_upgrade_header(
        self, gateway: Gateway
    ) -> None:
        """SOAP 1.2 Part 1 Appendix A: a SOAP 1.1 peer gets the fault in the form it can read."""
        envelope = etree.Element(f"{{{SOAP11_NS}}}Envelope", nsmap={"soap": SOAP11_NS})
        etree.SubElement(envelope, f"{{{SOAP11_NS}}}Body").append(_notification_element())
        response = _post(gateway, etree.tostring(envelope), "text/xml; charset=utf-8", SOAPAction=f'"{ACTION}"')
        assert response.status_code == 500
        assert response.headers["Content-Type"].startswith("text/xml")
        root = etree.fromstring(response.content)
        assert root.tag == f"{{{SOAP11_NS}}}Envelope"
        faultcode = root.find(f"{{{SOAP11_NS}}}Body/{{{SOAP11_NS}}}Fault/faultcode")
        assert faultcode is not None and faultcode.text is not None
        prefix, _, local = faultcode.text.partition(":")
        assert (faultcode.nsmap.get(prefix), local) == (SOAP11_NS, "VersionMismatch")
        [supported] = root.findall(f"{{{SOAP11_NS}}}Header/{{{SOAP12_NS}}}Upgrade/{{{SOAP12_NS}}}SupportedEnvelope")
        prefix, _, local = supported.get("qname", "").partition(":")
        assert (supported.nsmap.get(prefix), local) == (SOAP12_NS, "Envelope")

    def test_text_xml_without_a_soap_11_envelope_gets_415(self, gateway: Gateway) -> None:
        response = _post(gateway, _envelope(_notification_element()), "text/xml; charset=utf-8")
        _assert_refused(gateway, response, status=415, subcode="WrongContentType")

    def test_a_soap_11_envelope_gets_a_version_mismatch_fault_with_an_upgrade_header(
        self, gateway: Gateway
    ) -> None:
        envelope = etree.Element(f"{{{SOAP11_NS}}}Envelope", nsmap={"soap": SOAP11_NS})
        etree.SubElement(envelope, f"{{{SOAP11_NS}}}Body").append(_notification_element())
        response = _post(gateway, etree.tostring(envelope))
        assert response.status_code == 500
        assert _fault(response)[0] == "env:VersionMismatch"
        root = etree.fromstring(response.content)
        [supported] = root.findall(f"{{{SOAP12_NS}}}Header/{{{SOAP12_NS}}}Upgrade/{{{SOAP12_NS}}}SupportedEnvelope")
        prefix, _, local = supported.get("qname", "").partition(":")
        assert (supported.nsmap.get(prefix), local) == (SOAP12_NS, "Envelope")

    def test_an_envelope_without_body_is_a_sender_fault(self, gateway: Gateway) -> None:
        envelope = etree.Element(f"{{{SOAP12_NS}}}Envelope", nsmap={"env": SOAP12_NS})
        etree.SubElement(envelope, f"{{{SOAP12_NS}}}Header")
        _assert_refused(gateway, _post(gateway, etree.tostring(envelope)), subcode="MalformedEnvelope")

    def test_a_schema_invalid_code_is_refused(self, gateway: Gateway) -> None:
        element = _notification_element()
        code = element.find(".//{http://ec.europa.eu/ECRIS/domain-model-v1.0}OffenceCommonCategoryReference")
        assert code is not None
        code.text = "0202 00"  # the table's code column, not the technical identifier (pitfall 13)
        _assert_refused(gateway, _post(gateway, _envelope(element)), subcode="SchemaInvalid")

    def test_two_messages_in_one_body_are_refused(self, gateway: Gateway) -> None:
        envelope = wrap(_notification_element())
        envelope[0].append(_notification_element())
        _assert_refused(gateway, _post(gateway, etree.tostring(envelope)), subcode="UnknownMessage")

    def test_a_must_understand_header_gets_a_must_understand_fault_naming_it(self, gateway: Gateway) -> None:
        envelope = wrap(_notification_element())
        header = etree.Element(f"{{{SOAP12_NS}}}Header")
        block = etree.SubElement(header, "{urn:x-test}Security")
        block.set(f"{{{SOAP12_NS}}}mustUnderstand", "true")
        ignored = etree.SubElement(header, "{urn:x-test}Trace")  # targeted at nobody: never processed
        ignored.set(f"{{{SOAP12_NS}}}mustUnderstand", "true")
        ignored.set(f"{{{SOAP12_NS}}}role", f"{SOAP12_NS}/role/none")
        envelope.insert(0, header)
        response = _post(gateway, etree.tostring(envelope))
        assert response.status_code == 500
        assert _fault(response)[0] == "env:MustUnderstand"
        root = etree.fromstring(response.content)
        named = [(element.nsmap.get(element.get("qname", "").partition(":")[0]),
                  element.get("qname", "").partition(":")[2])
                 for element in root.findall(f"{{{SOAP12_NS}}}Header/{{{SOAP12_NS}}}NotUnderstood")]
        assert named == [("urn:x-test", "Security")]


def test_a_get_without_wsdl_and_other_paths_are_not_messages(gateway: Gateway) -> None:
    assert requests.get(gateway.url, timeout=5).status_code == 405
    assert requests.post(gateway.url.replace("/ecris", "/other"), data=b"x", timeout=5).status_code == 404


def test_a_byte_identical_duplicate_gets_the_same_202_and_is_not_processed_again(gateway: Gateway) -> None:
    message = notification_from(serial=next(SERIALS))
    body, headers = envelope_of(message), headers_for(message)
    first = requests.post(gateway.url, data=body, headers=headers, timeout=10)
    second = requests.post(gateway.url, data=body, headers=headers, timeout=10)
    assert (first.status_code, first.content) == (second.status_code, second.content) == (202, b"")
    message_id = str(message.metadata.message_id)

    def rows() -> list[dict[str, Any]] | None:
        found = [r for r in _inbox(gateway) if r["message_id"] == message_id]
        return found if found and found[0]["state"] == "processed" else None

    found = wait_until(rows, what="the first copy to be processed")
    assert [r["state"] for r in found] == ["processed", "duplicate"]
    replies = [r for r in _outbox(gateway) if r["response_to"] == message_id]
    assert len(replies) == 1 and replies[0]["type"] == "NotificationResponseMessage"


def test_same_id_with_different_content_is_quarantined_and_answered_with_a_functional_error(
    gateway: Gateway,
) -> None:
    message = notification_from(serial=next(SERIALS))
    first = requests.post(gateway.url, data=envelope_of(message), headers=headers_for(message), timeout=10)
    other = dataclasses.replace(message, remarks=samples.ml("Une autre remarque."))
    second = requests.post(gateway.url, data=envelope_of(other), headers=headers_for(other), timeout=10)
    assert first.status_code == second.status_code == 202
    message_id = str(message.metadata.message_id)

    def handled() -> list[dict[str, Any]] | None:
        found = [r for r in _inbox(gateway) if r["message_id"] == message_id]
        return found if len(found) == 2 and all(r["handled_at"] for r in found) else None

    found = wait_until(handled, what="both copies to be handled")
    assert [r["state"] for r in found] == ["processed", "quarantined"]
    replies = {r["type"] for r in _outbox(gateway) if r["response_to"] == message_id}
    assert replies == {"NotificationResponseMessage", "FunctionalErrorMessage"}
    fem = next(r for r in _outbox(gateway) if r["message_id"] == found[1]["reply_id"])
    assert fem["type"] == "FunctionalErrorMessage"
    shown = cli_json(["outbox", "list", "--json"], gateway.env)
    assert any(r["message_id"] == fem["message_id"] for r in shown)


def _functional_error_of(gateway: Gateway, message_id: str) -> str:
    def handled() -> dict[str, Any] | None:
        found = [r for r in _inbox(gateway) if r["message_id"] == message_id]
        return found[0] if found and found[0]["handled_at"] else None

    row = wait_until(handled, what=f"{message_id} to be handled")
    assert row["state"] == "rejected" and row["reply_id"], row
    from tests.messaging_support import cli

    shown = cli(["outbox", "show", row["reply_id"]], gateway.env).stdout
    assert "FunctionalErrorMessage" in shown and message_id in shown
    return str(row["error"])


def test_an_answer_to_a_message_never_sent_gets_an_unknown_correlation_error(gateway: Gateway) -> None:
    never_sent = MessageId("LU", "FR", MessageType.NOTIFICATION, 424242)
    message = addressed(samples.notification_response("ok"), serial=next(SERIALS), response_to=never_sent)
    response = requests.post(gateway.url, data=envelope_of(message), headers=headers_for(message), timeout=10)
    assert response.status_code == 202
    assert "FE-90004" in _functional_error_of(gateway, str(message.metadata.message_id))


def test_a_notification_about_a_foreigner_is_answered_not_a_national_and_not_inscribed(gateway: Gateway) -> None:
    """Art 1(2) 2): the register holds no Member State's conviction of a non-national; the convicting State
    is told so by the NotificationResponse type "not a national" (NRT-00-01), not by a functional error."""
    message = notification_from(serial=next(SERIALS), national=False)
    response = requests.post(gateway.url, data=envelope_of(message), headers=headers_for(message), timeout=10)
    assert response.status_code == 202
    message_id = str(message.metadata.message_id)

    def handled() -> dict[str, Any] | None:
        found = [r for r in _inbox(gateway) if r["message_id"] == message_id]
        return found[0] if found and found[0]["handled_at"] else None

    row = wait_until(handled, what=f"{message_id} to be handled")
    assert row["state"] == "processed" and row["reply_id"], row
    from tests.messaging_support import cli

    shown = cli(["outbox", "show", row["reply_id"]], gateway.env).stdout
    assert "NotificationResponseMessage" in shown and "NRT-00-01" in shown and message_id in shown
    assert cli(["register", "show", f"ECRIS-{message.conviction.id}"], gateway.env, check=False).returncode == 2


def test_a_message_id_of_the_wrong_type_gets_a_functional_error(gateway: Gateway) -> None:
    message = notification_from(serial=next(SERIALS))
    wrong = dataclasses.replace(message.metadata, message_id=MessageId("FR", "LU", MessageType.REQUEST,
                                                                       next(SERIALS)))
    message = dataclasses.replace(message, metadata=wrong)
    response = requests.post(gateway.url, data=envelope_of(message), headers=headers_for(message), timeout=10)
    assert response.status_code == 202
    assert "FE-90003" in _functional_error_of(gateway, str(message.metadata.message_id))


def _post_accepted(gateway: Gateway, element: etree._Element) -> str:
    response = _post(gateway, _envelope(element))
    assert (response.status_code, response.content) == (202, b"")
    message_id = element.findtext(".//{http://ec.europa.eu/ECRIS/messages-v1.0}MessageMetaDataMessageID")
    assert message_id is not None
    return message_id


def test_a_duplicate_element_id_gets_an_invalid_identifier_error(gateway: Gateway) -> None:
    """Element-content xsd:ID (libxml2 does not check them): the codec's checks answer FE-90002."""
    element = _notification_element()
    offence = element.find(".//{http://ec.europa.eu/ECRIS/domain-model-v1.0}ConvictionOffence")
    assert offence is not None
    offence.addnext(copy.deepcopy(offence))  # a second offence under the same OffenceID
    assert "FE-90002" in _functional_error_of(gateway, _post_accepted(gateway, element))


def test_a_dangling_idref_gets_an_invalid_identifier_error(gateway: Gateway) -> None:
    element = _notification_element()
    reference = element.find(".//{http://ec.europa.eu/ECRIS/domain-model-v1.0}Offence")
    assert reference is not None
    reference.text = "O-09999"
    assert "FE-90002" in _functional_error_of(gateway, _post_accepted(gateway, element))


def test_nothing_but_accepted_notifications_reached_the_register(gateway: Gateway) -> None:
    """Hostile or refused input never reaches the register: every person held was created by a notification
    the gateway processed (Art 1(2) 2)), keyed by that notification's conviction ID."""
    from sqlalchemy import create_engine, text

    processed = {MessageId.parse(r["message_id"]).serial for r in _inbox(gateway)
                 if r["type"] == "NotificationMessage" and r["state"] == "processed" and r["message_id"]}
    engine = create_engine(f"sqlite:///{gateway.db_path}")
    with engine.connect() as connection:
        held = set(connection.execute(text("SELECT id FROM persons")).scalars())
    engine.dispose()
    assert held <= {f"ECRIS-FR-C-{serial:015d}" for serial in processed}
