"""Every message the gateway sends, as it goes over the wire, validates against the official ECRIS v1.0 XSDs:
a receiver playing FR checks each POST (envelope, action, Body element with lxml and xmlschema)."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest
from zeep.exceptions import Fault

from adapters.bootstrap import App
from adapters.settings import Settings
from adapters.soap.envelope import wrap
from adapters.xml import codec
from gateway.model.exchange import Cancellation, EcrisMessage, MessageId, MessageMetadata
from tests.conformance.official import OfficialReceiver, official_client, receiving
from tests.messaging_support import Gateway, Process, base_env, cli, cli_json, wait_until, write_config
from tests.samples import ecris_messages as samples

pytestmark = pytest.mark.shared  # skipped without ../shared, failed when CI is set (tests/conftest.py)

FIRST_SERIAL = 900_000


def _to_fr(message: EcrisMessage, serial: int) -> EcrisMessage:
    """A corpus message as LU would send it to FR (an answer answers FR; a cancellation cancels our own)."""
    old = message.metadata
    response_to = old.response_to
    if response_to is not None:
        parties = ("LU", "FR") if isinstance(message, Cancellation) else ("FR", "LU")
        response_to = MessageId(*parties, response_to.type, response_to.serial)
    metadata = MessageMetadata(MessageId("LU", "FR", old.message_id.type, serial), old.timestamp, response_to)
    return dataclasses.replace(message, metadata=metadata)  # type: ignore[type-var]


def _queue_corpus(db_url: str) -> list[str]:
    """Every variant of the sample corpus in the gateway's outbox, towards FR; their message IDs."""
    app = App(Settings(db_url=db_url))
    queued = []
    try:
        for offset, (_name, message) in enumerate(samples.corpus()):
            outbound = _to_fr(message, FIRST_SERIAL + offset)
            with app.uow() as uow:
                uow.outbox.queue(outbound)
                uow.commit()
            queued.append(str(outbound.metadata.message_id))
    finally:
        app.engine.dispose()
    return queued


def test_every_message_the_gateway_sends_validates_against_the_official_xsds(tmp_path: Path) -> None:
    receiver = OfficialReceiver("FR")
    db_url = f"sqlite:///{tmp_path / 'gateway.db'}"
    with receiving(receiver) as fr_url:
        config = write_config(tmp_path / "gateway.toml", peers={"FR": fr_url}, outbox_backoff_seconds=0.1)
        env = base_env(db_url, ECRIS_GATEWAY_CONFIG=str(config))
        queued = _queue_corpus(db_url)
        assert "FR is alive" in cli(["ping", "FR"], env).stdout  # the one message zeep builds itself
        sender = Process(["outbox", "run", "--interval", "0.1", "--batch", "8"], env, tmp_path / "sender.log")
        try:
            wait_until(lambda: all(r["state"] == "sent" for r in cli_json(["outbox", "list", "--json"], env)),
                       timeout=60, interval=0.3, what="every queued message to be sent")
        finally:
            sender.stop()

    invalid = [(r.element_name, r.message_id, r.problems[:2]) for r in receiver.received if r.problems]
    assert invalid == []
    delivered = {r.message_id for r in receiver.received}
    assert set(queued) <= delivered
    _, binding = official_client(fr_url)
    operations = {binding._operations[name].input.body.qname.localname for name in binding._operations}
    assert {r.element_name for r in receiver.received} == operations  # all fifteen, isAlive included


def _unpatched_zeep_notification(address: str) -> tuple[Any, dict[str, Any]]:
    """zeep's service proxy at ``address`` and a notification with a birth month, as zeep's values."""
    service, binding = official_client(address)
    body = binding._operations["deliverNotification"].input.deserialize(wrap(codec.encode(samples.notification())))
    return service, {name: body[name] for name in body}


def test_the_receiver_refuses_zeeps_unpatched_gmonth() -> None:
    """The receiver can fail: zeep 4.3 writes the birth month as ``--7``, which the official XSDs refuse."""
    receiver = OfficialReceiver("FR")
    with receiving(receiver) as fr_url:
        service, arguments = _unpatched_zeep_notification(fr_url)
        service.deliverNotification(**arguments)
    [received] = receiver.received
    assert received.element_name == "NotificationMessage"
    assert any("--7" in problem for problem in received.problems), received.problems


def test_the_gateway_refuses_zeeps_unpatched_gmonth_as_the_official_xsds_do(gateway: Gateway) -> None:
    service, arguments = _unpatched_zeep_notification(gateway.url)
    arguments["MessageMetaData"]["MessageMetaDataMessageID"] = "FR-LU-NOT-000000000000777"
    with pytest.raises(Fault) as raised:
        service.deliverNotification(**arguments)
    assert "schema validation failed" in raised.value.message and "DateMonth" in raised.value.message
