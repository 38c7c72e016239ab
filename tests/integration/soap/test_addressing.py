"""The gateway speaks only in its own Member State's name: a message whose ID does not address LU from another
State is refused at the door (SOAP fault, journalled ``rejected``) and nothing is ever queued in answer."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime

import pytest
import requests
from lxml import etree

from adapters.bootstrap import App
from adapters.db.messaging import InboundEntry
from adapters.soap.envelope import SOAP12_NS
from adapters.soap.faults import fault_reason
from gateway.model.exchange import MessageId
from gateway.ports import InboxState
from gateway.services.inbound import misaddressing
from tests.integration.soap.conftest import Gateway
from tests.integration.soap.inbound_samples import addressed, envelope_of, headers_for, notification_from
from tests.messaging_support import journal_rows, outbox_ids
from tests.samples import ecris_messages as samples

SERIALS = itertools.count(3000)


def _inbox(gateway: Gateway) -> list[tuple[str | None, str]]:
    return [(message_id, state) for message_id, state, _ in journal_rows(f"sqlite:///{gateway.db_path}")]


def _outbox(gateway: Gateway) -> list[str]:
    return outbox_ids(f"sqlite:///{gateway.db_path}")


def _subcode(response: requests.Response) -> str | None:
    return etree.fromstring(response.content).findtext(f".//{{{SOAP12_NS}}}Subcode/{{{SOAP12_NS}}}Value")


@pytest.mark.parametrize(("sender", "receiver"), [("LU", "FR"), ("LU", "LU"), ("FR", "DE")],
                         ids=["claims-LU-as-sender", "LU-to-LU", "addressed-to-another-state"])
@pytest.mark.parametrize("kind", ["notification", "isAlive"])
def test_a_message_not_addressed_to_lu_by_another_state_is_refused_at_the_door(
    gateway: Gateway, sender: str, receiver: str, kind: str
) -> None:
    serial = next(SERIALS)
    base = notification_from(serial=serial) if kind == "notification" else samples.is_alive()
    message = addressed(base, sender=sender, receiver=receiver, serial=serial)
    before_inbox, before_outbox = _inbox(gateway), _outbox(gateway)

    response = requests.post(gateway.url, data=envelope_of(message), headers=headers_for(message), timeout=10)

    assert response.status_code == 400, response.content[:300]
    fault = fault_reason(response.content)
    assert fault is not None and fault[0] == "env:Sender"
    assert _subcode(response) == "gw:Misaddressed"
    assert b"IsAliveMessage" not in response.content  # no isAlive answer minted in anyone's name
    new = _inbox(gateway)[len(before_inbox):]
    assert new == [(str(message.metadata.message_id), "rejected")]
    assert _outbox(gateway) == before_outbox


def test_an_is_alive_from_fr_is_answered_in_lu_s_name(gateway: Gateway) -> None:
    message = addressed(samples.is_alive(), sender="FR", receiver="LU", serial=next(SERIALS))
    response = requests.post(gateway.url, data=envelope_of(message), headers=headers_for(message), timeout=10)
    assert response.status_code == 200
    answered = etree.fromstring(response.content).findtext(
        ".//{http://ec.europa.eu/ECRIS/messages-v1.0}MessageMetaDataMessageID")
    assert answered is not None and answered.startswith("LU-FR-IAL-")


def test_a_misaddressed_message_journalled_earlier_is_never_answered(app: App) -> None:
    """A row accepted before the door checked the addressing: processed as rejected, nothing queued."""
    message = addressed(samples.notification(), sender="LU", receiver="FR", serial=1)
    entry = InboundEntry(body=envelope_of(message), headers={}, received_at=datetime(2026, 3, 14, tzinfo=UTC),
                         message_id=str(message.metadata.message_id), type="NotificationMessage",
                         counterpart="LU")
    with app.uow() as uow:
        assert uow.inbox.record([entry]) == [InboxState.RECEIVED]
        uow.commit()

    assert app.messaging.processor(app.uow).process_pending() == 1

    with app.uow() as uow:
        [record] = uow.inbox.list()
        assert record.state is InboxState.REJECTED and record.reply_id is None
        assert uow.outbox.list() == []


@pytest.mark.parametrize(("message_id", "member_state", "refused"), [
    ("FR-DE-NOT-000000000000001", "DE", False),
    ("DE-FR-NOT-000000000000001", "DE", True),
    ("DE-DE-NOT-000000000000001", "DE", True),
    ("FR-LU-NOT-000000000000001", "DE", True),
])
def test_misaddressing_is_judged_against_the_configured_member_state(
    message_id: str, member_state: str, refused: bool
) -> None:
    assert (misaddressing(MessageId.parse(message_id), member_state) is not None) is refused
