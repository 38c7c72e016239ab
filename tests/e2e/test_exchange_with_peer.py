"""The gateway and a simulated Member State exchange real SOAP over HTTP on 127.0.0.1."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from adapters.bootstrap import App
from adapters.settings import Settings
from gateway.model.exchange import MessageMetadata, MessageType
from gateway.services.outbox import new_message_id
from tests.messaging_support import (
    GatewayAndPeer,
    cli,
    cli_json,
    gateway_and_peer,
    queue_notifications,
    wait_until,
)
from tests.samples import ecris_messages as samples

Pair = GatewayAndPeer


def _pair(tmp_path: Path, answer: str) -> Iterator[Pair]:
    with gateway_and_peer(tmp_path, "FR", "--answer", answer) as pair:
        yield pair


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
    peer_inbox = cli_json(["inbox", "list", "--json"], pair.peer_env)
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
    peer_inbox = cli_json(["inbox", "list", "--json"], pair.peer_env)
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


# --- issue 8: notifications from the register's changes, over real SOAP -------------------------------


def _notifications(pair: Pair, person_id: str) -> list[dict[str, Any]]:
    return cli_json(["notifications", "list", "--json", "--person", person_id], pair.env)  # type: ignore[no-any-return]


def _all_acknowledged(pair: Pair, person_id: str, count: int) -> list[dict[str, Any]]:
    def done() -> list[dict[str, Any]] | None:
        rows = _notifications(pair, person_id)
        return rows if len(rows) == count and all(r["state"] == "acknowledged" for r in rows) else None

    return wait_until(done, timeout=30, what=f"{count} notification(s) of {person_id} acknowledged")  # type: ignore[no-any-return]


def _peer_received(pair: Pair) -> list[tuple[str, str | None]]:
    """(message ID, ConvictionID) of every notification the simulated France journalled."""
    from tests.messaging_support import conviction_id_of, journal_rows

    return [(m or "", conviction_id_of(body)) for m, _, body in journal_rows(pair.peer_db)
            if m is not None and "-NOT-" in m]


def test_a_french_conviction_imported_pardoned_then_erased_reaches_france_as_notification_update_deletion(
    pair: Pair, tmp_path: Path
) -> None:
    from tests.samples.register_documents import decision, natural_person, register, write

    french = natural_person("P-FR", decision("D1"), nationalities=["FR"])
    cli(["register", "import", str(write(tmp_path / "1.json", register(french)))], pair.env)
    [first] = _all_acknowledged(pair, "P-FR", 1)
    assert first["act"] == "notification" and first["response_type"] == "NRT-00-00"
    conviction_id = first["conviction_id"]

    cli(["register", "import", str(write(tmp_path / "same.json", register(french)))], pair.env)
    pardon = [{"type": "pardon", "date": "2024-05-01", "remarks": None}]
    pardoned = natural_person("P-FR", decision("D1", later_decisions=pardon), nationalities=["FR"])
    cli(["register", "import", str(write(tmp_path / "2.json", register(pardoned)))], pair.env)
    update = _all_acknowledged(pair, "P-FR", 2)[1]
    assert (update["act"], update["conviction_id"]) == ("update", conviction_id)

    dead = dict(pardoned, death_date="2025-01-01")
    cli(["register", "import", str(write(tmp_path / "3.json", register(dead)))], pair.env)
    cli(["register", "erase-due"], pair.env)
    rows = _all_acknowledged(pair, "P-FR", 3)
    assert [(r["act"], r["conviction_id"]) for r in rows[2:]] == [("deletion", conviction_id)]
    assert [c for _, c in _peer_received(pair)] == [conviction_id] * 3  # the identical re-import sent nothing
    shown = cli(["outbox", "show", rows[2]["message_id"]], pair.env).stdout
    assert "DecisionDeleteConvictionFromRegister>Yes<" in shown


def test_a_decision_not_yet_final_is_sent_to_france_only_from_its_final_date(pair: Pair, tmp_path: Path) -> None:
    from datetime import date, timedelta

    from tests.samples.register_documents import decision, natural_person, register, write

    tomorrow = date.today() + timedelta(days=1)
    pending = natural_person("P-FR2", decision("D1", final_date=tomorrow.isoformat()), nationalities=["FR"])
    cli(["register", "import", str(write(tmp_path / "p.json", register(pending)))], pair.env)
    cli(["notifications", "sweep"], pair.env)
    assert _notifications(pair, "P-FR2") == []
    refused = cli(["notifications", "sweep", "--on", tomorrow.isoformat()], pair.env, check=False)
    assert refused.returncode == 2 and "still to come" in refused.stderr
    cli(["notifications", "sweep"], dict(pair.env, ECRIS_GATEWAY_NOW=f"{tomorrow.isoformat()}T09:00:00+01:00"))
    [row] = _all_acknowledged(pair, "P-FR2", 1)
    assert row["act"] == "notification" and row["receiver"] == "FR"
