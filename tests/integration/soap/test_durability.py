"""Inbound durability: a 202 is given only after the message's journal commit.

The gateway is SIGKILLed right after a 202 while concurrent requests are in flight, restarted, and every
message that got its 202 must be in the inbox journal. A process kill cannot tell ``synchronous=OFF`` from
a durable setting (the page cache survives it): the journal's own connection is read back for each mode.
"""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from sqlalchemy import text

from adapters.bootstrap import App
from adapters.settings import Settings
from tests.integration.soap.inbound_samples import envelope_of, headers_for, notification_from
from tests.messaging_support import Process, base_env, free_port, journal_rows, running, write_config

ROUNDS = 4
CLIENTS = 16
PER_CLIENT = 20
KILL_AFTER = 40
"""The 202 after which the server is killed: by then every client thread is sending."""


def _serve(tmp_path: Path, db_url: str, name: str) -> tuple[list[str], dict[str, str], str]:
    port = free_port()
    url = f"http://127.0.0.1:{port}/ecris"
    config = write_config(tmp_path / f"{name}.toml", peers={}, public_url=url)
    args = ["serve", "--port", str(port), "--no-sender", "--no-processor", "--no-scheduler", "--threads", str(CLIENTS),
            "--log-level", "warning"]
    return args, base_env(db_url, ECRIS_GATEWAY_CONFIG=str(config)), url


def _bodies(first_serial: int) -> Iterator[list[tuple[str, bytes, dict[str, str]]]]:
    for client in range(CLIENTS):
        batch = []
        for serial in range(first_serial + client * PER_CLIENT, first_serial + (client + 1) * PER_CLIENT):
            message = notification_from(serial=serial)
            batch.append((str(message.metadata.message_id), envelope_of(message), headers_for(message)))
        yield batch


def _load_until_killed(url: str, server: Process, first_serial: int) -> tuple[list[str], int]:
    """Send from ``CLIENTS`` threads; the thread receiving the ``KILL_AFTER``-th 202 SIGKILLs the server.
    Returns the IDs that got a 202 and the number of requests cut off by the kill."""
    accepted: list[str] = []
    cut_off = 0
    lock = threading.Lock()
    killed = threading.Event()

    def client(batch: list[tuple[str, bytes, dict[str, str]]]) -> None:
        nonlocal cut_off
        with requests.Session() as session:
            for message_id, body, headers in batch:
                try:
                    response = session.post(url, data=body, headers=headers, timeout=10)
                except requests.RequestException:
                    with lock:
                        cut_off += 1
                    return
                if response.status_code != 202:
                    return
                with lock:
                    accepted.append(message_id)
                    kill_now = len(accepted) == KILL_AFTER
                if kill_now:
                    os.killpg(server.pid, signal.SIGKILL)
                    killed.set()
                if killed.is_set():
                    return

    threads = [threading.Thread(target=client, args=(batch,)) for batch in _bodies(first_serial)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert killed.is_set(), f"only {len(accepted)} messages were accepted: the server was never killed"
    return accepted, cut_off


def test_every_message_answered_202_is_in_the_journal_after_a_sigkill(tmp_path: Path) -> None:
    db_url = f"sqlite:///{tmp_path / 'gateway.db'}"
    accepted: list[str] = []
    cut_off = 0
    for round_number in range(ROUNDS):
        args, env, url = _serve(tmp_path, db_url, f"round-{round_number}")
        server = Process(args, env, tmp_path / f"serve-{round_number}.log")
        try:
            server.wait_http(url)
            got, lost = _load_until_killed(url, server, first_serial=1 + round_number * CLIENTS * PER_CLIENT)
            accepted += got
            cut_off += lost
        finally:
            server.stop()
    assert cut_off > 0  # requests were in flight when the server died

    args, env, url = _serve(tmp_path, db_url, "restart")
    with running(args, env, tmp_path / "serve-restart.log", url=url):
        journalled = {message_id: state for message_id, state, _ in journal_rows(db_url)}
    missing = [message_id for message_id in accepted if message_id not in journalled]
    assert missing == [], f"{len(missing)} of {len(accepted)} messages answered 202 are not in the journal"
    assert {journalled[message_id] for message_id in accepted} == {"received"}


SYNCHRONOUS = {"OFF": 0, "NORMAL": 1, "FULL": 2, "EXTRA": 3}


@pytest.mark.parametrize("mode", list(SYNCHRONOUS))
def test_the_journal_commits_with_the_configured_sqlite_synchronous_mode(tmp_path: Path, mode: str) -> None:
    app = App(Settings(db_url=f"sqlite:///{tmp_path / 'store.db'}", sqlite_synchronous=mode))
    try:
        endpoint = app.messaging.endpoint(app.engine)
        connection = endpoint._journal._open()  # the one connection every inbound commit goes through
        cursor = connection.cursor()
        assert cursor.execute("PRAGMA synchronous").fetchone()[0] == SYNCHRONOUS[mode]
        assert cursor.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        cursor.close()
        endpoint.close()
        with app.engine.connect() as other:  # and every pooled connection, e.g. the processor's
            assert other.execute(text("PRAGMA synchronous")).scalar_one() == SYNCHRONOUS[mode]
    finally:
        app.engine.dispose()


def test_the_default_sqlite_synchronous_mode_survives_a_process_crash() -> None:
    """NORMAL under WAL keeps every commit through a process crash (FULL is needed for a power loss)."""
    assert Settings().sqlite_synchronous.upper() in {"NORMAL", "FULL", "EXTRA"}
