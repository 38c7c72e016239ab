"""The gateway and a simulated Member State exchange real SOAP over HTTP on 127.0.0.1."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from adapters.bootstrap import App
from adapters.settings import Settings
from gateway.model.exchange import MessageMetadata, MessageType
from gateway.services.outbox import new_message_id
from tests.messaging_support import (
    base_env,
    cli,
    cli_json,
    free_port,
    queue_notifications,
    running,
    wait_until,
    write_config,
)
from tests.samples import ecris_messages as samples


@dataclass
class Pair:
    gateway_url: str
    gateway_db: str
    env: dict[str, str]
    peer_db: str


def _pair(tmp_path: Path, answer: str) -> Iterator[Pair]:
    gateway_port, peer_port = free_port(), free_port()
    gateway_url = f"http://127.0.0.1:{gateway_port}/ecris"
    peer_url = f"http://127.0.0.1:{peer_port}/ecris"
    gateway_db = f"sqlite:///{tmp_path / 'gateway.db'}"
    peer_db = f"sqlite:///{tmp_path / 'peer.db'}"
    config = write_config(tmp_path / "gateway.toml", peers={"FR": peer_url}, public_url=gateway_url)
    env = base_env(gateway_db, ECRIS_GATEWAY_CONFIG=str(config))
    with running(["serve", "--port", str(gateway_port), "--threads", "4"], env, tmp_path / "gateway.log",
                 url=gateway_url), \
         running(["peer", "--state", "FR", "--port", str(peer_port), "--gateway", gateway_url, "--db", peer_db,
                  "--answer", answer], base_env(peer_db), tmp_path / "peer.log", url=peer_url):
        yield Pair(gateway_url, gateway_db, env, peer_db)


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[Pair]:
    yield from _pair(tmp_path, "convictions")


def _outbox(pair: Pair) -> dict[str, dict[str, Any]]:
    return {r["message_id"]: r for r in cli_json(["outbox", "list", "--json"], pair.env)}


def _acknowledged(pair: Pair, message_id: str) -> dict[str, Any]:
    def done() -> dict[str, Any] | None:
        row = _outbox(pair).get(message_id)
        return row if row is not None and row["state"] == "acknowledged" else None

    return wait_until(done, timeout=30, what=f"{message_id} to be acknowledged")  # type: ignore[no-any-return]


def test_a_notification_is_delivered_and_acknowledged_by_the_peer(pair: Pair) -> None:
    [message_id] = queue_notifications(pair.gateway_db, 1)
    row = _acknowledged(pair, message_id)
    assert row["acknowledged_by"].startswith("FR-LU-NRS-")
    inbox = cli_json(["inbox", "list", "--json"], pair.env)
    [answer] = [r for r in inbox if r["message_id"] == row["acknowledged_by"]]
    assert answer["type"] == "NotificationResponseMessage" and answer["state"] == "processed"
    assert answer["counterpart"] == "FR" and answer["response_to"] == message_id
    shown = cli(["inbox", "show", answer["message_id"]], pair.env).stdout
    assert "NRT-00-00" in shown and "\n  " in shown  # indented XML of the message element
    peer_inbox = cli_json(["inbox", "list", "--json"], base_env(pair.peer_db))
    assert [r["message_id"] for r in peer_inbox] == [message_id]


def test_a_request_is_answered_with_convictions(pair: Pair) -> None:
    app = App(Settings(db_url=pair.gateway_db))
    with app.uow() as uow:
        message_id = new_message_id(uow.outbox, sender="LU", receiver="FR", message_type=MessageType.REQUEST)
        request = dataclasses.replace(samples.request("full"), metadata=MessageMetadata(message_id, app.clock.now()))
        uow.outbox.queue(request)
        uow.commit()
    app.engine.dispose()
    row = _acknowledged(pair, str(message_id))
    shown = cli(["inbox", "show", row["acknowledged_by"]], pair.env).stdout
    assert "RequestResponseMessage" in shown and "RRT-00-00" in shown and "FR-C-" in shown


def test_ping_asks_the_peer_whether_it_is_alive(pair: Pair) -> None:
    result = cli(["ping", "FR"], pair.env)
    assert result.stdout.startswith("FR is alive (LU-FR-IAL-")
    peer_inbox = cli_json(["inbox", "list", "--json"], base_env(pair.peer_db))
    assert [r["type"] for r in peer_inbox] == ["IsAliveMessage"]


def test_outbox_show_prints_the_message_element(pair: Pair) -> None:
    [message_id] = queue_notifications(pair.gateway_db, 1, first_serial=7)
    shown = cli(["outbox", "show", message_id], pair.env).stdout
    assert shown.startswith("<svc:NotificationMessage") or "NotificationMessage" in shown.splitlines()[0]
    assert message_id in shown and "Envelope" not in shown


def test_a_denial_comes_back_as_a_request_response(tmp_path: Path) -> None:
    with contextmanager(_pair)(tmp_path, "deny") as current:
        app = App(Settings(db_url=current.gateway_db))
        with app.uow() as uow:
            message_id = new_message_id(uow.outbox, sender="LU", receiver="FR", message_type=MessageType.REQUEST)
            uow.outbox.queue(dataclasses.replace(samples.request("minimal"),
                                                 metadata=MessageMetadata(message_id, app.clock.now())))
            uow.commit()
        app.engine.dispose()
        row = _acknowledged(current, str(message_id))
        assert "RRT-00-01" in cli(["inbox", "show", row["acknowledged_by"]], current.env).stdout
