"""At-least-once under one ID: kill -9 the sender mid-delivery, restart it, and no message is lost or sent
under a second ID. On PostgreSQL, two sender processes share one outbox without delivering a message twice."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest

from tests.messaging_support import (
    Process,
    base_env,
    cli_json,
    conviction_id_of,
    free_port,
    journal_rows,
    queue_notifications,
    running,
    wait_until,
    write_config,
)


def _peer(tmp_path: Path, *, delay: float) -> tuple[list[str], str, str]:
    port = free_port()
    peer_db = f"sqlite:///{tmp_path / 'peer-fr.db'}"
    gateway_url = f"http://127.0.0.1:{free_port()}/ecris"  # not running: the peer's answers just wait
    args = ["peer", "--state", "FR", "--port", str(port), "--gateway", gateway_url, "--db", peer_db,
            "--delay", str(delay), "--answer", "none", "--log-level", "warning"]
    return args, f"http://127.0.0.1:{port}/ecris", peer_db


def _ids_by_payload(peer_db: str) -> dict[str, set[str]]:
    by_payload: dict[str, set[str]] = defaultdict(set)
    for message_id, _state, body in journal_rows(peer_db):
        payload = conviction_id_of(body)
        assert payload is not None and message_id is not None
        by_payload[payload].add(message_id)
    return by_payload


def test_killing_the_sender_mid_delivery_loses_nothing_and_never_sends_under_two_ids(tmp_path: Path) -> None:
    peer_args, peer_url, peer_db = _peer(tmp_path, delay=2.0)
    gateway_db = f"sqlite:///{tmp_path / 'gateway.db'}"
    config = write_config(tmp_path / "gateway.toml", peers={"FR": peer_url}, timeout=10.0,
                          outbox_backoff_seconds=0.1)
    env = base_env(gateway_db, ECRIS_GATEWAY_CONFIG=str(config))
    queued = queue_notifications(gateway_db, 4)
    with running(peer_args, base_env(peer_db), tmp_path / "peer.log", url=peer_url):
        sender = Process(["outbox", "run", "--interval", "0.1", "--batch", "1"], env, tmp_path / "sender-1.log")
        try:
            # The peer journals the first message, then holds its 202 for 2 s: kill the sender meanwhile.
            wait_until(lambda: len(journal_rows(peer_db)) >= 1, timeout=30, what="the first delivery")
            sender.kill()
        finally:
            sender.stop()
        first = journal_rows(peer_db)
        assert len(first) == 1
        states = {r["message_id"]: r["state"] for r in cli_json(["outbox", "list", "--json"], env)}
        assert states[queued[0]] == "queued"  # delivered, but the sender died before marking it sent

        restarted = Process(["outbox", "run", "--interval", "0.1", "--batch", "4"], env, tmp_path / "sender-2.log")
        try:
            def all_sent() -> bool:
                rows = cli_json(["outbox", "list", "--json"], env)
                return all(r["state"] == "sent" for r in rows)

            wait_until(all_sent, timeout=60, interval=0.5, what="every message to be sent")
        finally:
            restarted.stop()

    by_payload = _ids_by_payload(peer_db)
    assert len(by_payload) == 4
    assert all(len(ids) == 1 for ids in by_payload.values()), by_payload  # one ID per payload, always
    assert {next(iter(ids)) for ids in by_payload.values()} == set(queued)
    rows = journal_rows(peer_db)
    states_by_id: dict[str, list[str]] = defaultdict(list)
    for message_id, state, _ in rows:
        assert message_id is not None
        states_by_id[message_id].append(state)
    assert states_by_id[queued[0]][0] in {"received", "processed"}
    assert states_by_id[queued[0]][1:] == ["duplicate"]  # the resend, absorbed by the peer's journal
    assert all(states_by_id[i] in (["received"], ["processed"]) for i in queued[1:])


@pytest.mark.postgres
def test_two_senders_on_one_postgresql_outbox_never_deliver_a_message_twice(tmp_path: Path, postgres_url: str) -> None:
    peer_args, peer_url, peer_db = _peer(tmp_path, delay=0.02)
    config = write_config(tmp_path / "gateway.toml", peers={"FR": peer_url}, timeout=10.0)
    env = base_env(postgres_url, ECRIS_GATEWAY_CONFIG=str(config))
    queued = queue_notifications(postgres_url, 40)
    with running(peer_args, base_env(peer_db), tmp_path / "peer.log", url=peer_url):
        senders = [Process(["outbox", "run", "--interval", "0.05"], env, tmp_path / f"sender-{i}.log")
                   for i in (1, 2)]
        try:
            def all_sent() -> bool:
                return all(r["state"] == "sent" for r in cli_json(["outbox", "list", "--json"], env))

            wait_until(all_sent, timeout=120, interval=0.5, what="every message to be sent")
        finally:
            for sender in senders:
                sender.stop()
    rows = journal_rows(peer_db)
    received = [message_id for message_id, _, _ in rows]
    assert sorted(received) == sorted(queued)  # each exactly once: no duplicate at the peer
    assert all(state in {"received", "processed"} for _, state, _ in rows)
    logs = [s.log_text() for s in senders]
    assert all(" sent to FR" in text for text in logs), "both senders should have delivered some"
