"""The outbox sender against a stub peer: delivery, back-off, the failure limit and its alert."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterator
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

from adapters.bootstrap import App
from adapters.cli import main
from adapters.settings import PeerSettings, Settings
from adapters.soap.faults import Fault
from gateway.ports import OutboxState
from tests.messaging_support import free_port, queue_notifications


class StubPeer:
    """An HTTP endpoint answering each POST with the next status of ``statuses`` (then the last one)."""

    def __init__(self, statuses: list[int], *, fault_code: str = "env:Sender", fault: bytes | None = None) -> None:
        self.statuses = statuses
        self.received: list[tuple[str, bytes]] = []
        stub = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"]))
                stub.received.append((self.headers["Content-Type"], body))
                index = min(len(stub.received) - 1, len(stub.statuses) - 1)
                status = stub.statuses[index]
                payload = b"" if status == 202 else fault or (
                    b'<env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope"><env:Body><env:Fault>'
                    b"<env:Code><env:Value>" + fault_code.encode() + b"</env:Value></env:Code><env:Reason>"
                    b'<env:Text xml:lang="en">stub refusal</env:Text></env:Reason></env:Fault></env:Body>'
                    b"</env:Envelope>")
                self.send_response(status)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def log_message(self, *_args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/ecris"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def stub() -> Iterator[StubPeer]:
    peer = StubPeer([202])
    yield peer
    peer.close()


def _app(tmp_path: Path, url: str, *, attempts: int = 3, backoff: float = 0.05) -> App:
    return App(Settings(db_url=f"sqlite:///{tmp_path / 'gw.db'}", outbox_max_attempts=attempts,
                        outbox_backoff_seconds=backoff, peers={"FR": PeerSettings("FR", url, timeout_seconds=2)}))


def _states(app: App) -> dict[str, tuple[OutboxState, int]]:
    with app.uow() as uow:
        return {r.message_id: (r.state, r.attempts) for r in uow.outbox.list()}


def test_a_queued_message_is_posted_once_as_soap_12_and_marked_sent(tmp_path: Path, stub: StubPeer) -> None:
    app = _app(tmp_path, stub.url)
    [message_id] = queue_notifications(app.settings.db_url, 1)
    sender = app.messaging.sender(app.engine)
    assert sender.run_once() == 1
    assert sender.run_once() == 0
    assert _states(app) == {message_id: (OutboxState.SENT, 1)}
    [(content_type, body)] = stub.received
    assert content_type.startswith("application/soap+xml")
    assert 'action="http://ec.europa.eu/ECRIS/deliverNotification"' in content_type
    with app.uow() as uow:
        assert uow.outbox.envelope(message_id) == body  # the stored bytes, under the stored ID
    assert message_id.encode() in body


def test_retries_back_off_exponentially_then_deliver(tmp_path: Path) -> None:
    stub = StubPeer([503, 503, 202])
    try:
        app = _app(tmp_path, stub.url, attempts=5, backoff=0.2)
        [message_id] = queue_notifications(app.settings.db_url, 1)
        sender = app.messaging.sender(app.engine)
        started = time.monotonic()
        delays = []
        while _states(app)[message_id][0] is OutboxState.QUEUED and time.monotonic() - started < 10:
            if sender.run_once():
                with app.uow() as uow:
                    record = uow.outbox.get(message_id)
                assert record is not None
                if record.state is OutboxState.QUEUED and record.next_attempt_at is not None:
                    delays.append((record.next_attempt_at - record.updated_at).total_seconds())
            time.sleep(0.02)
        assert _states(app)[message_id] == (OutboxState.SENT, 3)
        assert [round(d, 2) for d in delays] == [0.2, 0.4]
        assert len(stub.received) == 3
        assert len({body for _, body in stub.received}) == 1  # the same bytes each time
        assert time.monotonic() - started >= 0.6
    finally:
        stub.close()


def test_the_sender_gives_up_after_the_limit_with_an_alert(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    app = _app(tmp_path, f"http://127.0.0.1:{free_port()}/ecris", attempts=3, backoff=0.01)
    [message_id] = queue_notifications(app.settings.db_url, 1)
    sender = app.messaging.sender(app.engine)
    with caplog.at_level(logging.WARNING, logger="ecris.outbox"):
        deadline = time.monotonic() + 10
        while _states(app)[message_id][0] is OutboxState.QUEUED and time.monotonic() < deadline:
            sender.run_once()
            time.sleep(0.02)
    assert _states(app)[message_id] == (OutboxState.FAILED, 3)
    alerts = [r.getMessage() for r in caplog.records if r.getMessage().startswith("ALERT")]
    assert len(alerts) == 1 and message_id in alerts[0] and "3 attempt(s)" in alerts[0]
    result = CliRunner().invoke(main, ["--db", app.settings.db_url, "outbox", "list"])
    assert result.exit_code == 0
    assert any(line.startswith(f"ALERT {message_id}") for line in result.output.splitlines())
    listed = CliRunner().invoke(main, ["--db", app.settings.db_url, "outbox", "list", "--json"])
    import json

    [row] = json.loads(listed.output)
    assert row["state"] == "failed" and row["alert"] and row["message_id"] == message_id
    retried = CliRunner().invoke(main, ["--db", app.settings.db_url, "outbox", "retry", message_id])
    assert retried.exit_code == 0
    assert _states(app)[message_id] == (OutboxState.QUEUED, 0)


def test_a_fault_from_the_peer_fails_the_message_at_once(tmp_path: Path) -> None:
    stub = StubPeer([400])
    try:
        app = _app(tmp_path, stub.url, attempts=8)
        [message_id] = queue_notifications(app.settings.db_url, 1)
        app.messaging.sender(app.engine).run_once()
        assert _states(app)[message_id] == (OutboxState.FAILED, 1)
        with app.uow() as uow:
            record = uow.outbox.get(message_id)
        assert record is not None and record.last_error is not None and "stub refusal" in record.last_error
    finally:
        stub.close()


@pytest.mark.parametrize(("fault_code", "state"), [
    ("env:VersionMismatch", OutboxState.FAILED),
    ("env:MustUnderstand", OutboxState.FAILED),
    ("env:Receiver", OutboxState.QUEUED),
])
def test_a_version_or_must_understand_fault_fails_the_message_at_once_though_http_500(
    tmp_path: Path, fault_code: str, state: OutboxState
) -> None:
    """SOAP 1.2 Part 2 §7.5.1 answers both with HTTP 500: the same envelope sent again cannot succeed."""
    stub = StubPeer([500], fault_code=fault_code)
    try:
        app = _app(tmp_path, stub.url, attempts=8)
        [message_id] = queue_notifications(app.settings.db_url, 1)
        app.messaging.sender(app.engine).run_once()
        assert _states(app)[message_id] == (state, 1)
    finally:
        stub.close()


def test_a_soap_11_peers_version_mismatch_fails_the_message_at_once(tmp_path: Path) -> None:
    """A SOAP 1.1-only peer answers in SOAP 1.1 (as the gateway answers such a peer): its fault is read too."""
    stub = StubPeer([500], fault=Fault("VersionMismatch", "NotSoap12", "SOAP 1.1 only", 500, soap11=True).to_bytes())
    try:
        app = _app(tmp_path, stub.url, attempts=8)
        [message_id] = queue_notifications(app.settings.db_url, 1)
        app.messaging.sender(app.engine).run_once()
        assert _states(app)[message_id] == (OutboxState.FAILED, 1)
        with app.uow() as uow:
            record = uow.outbox.get(message_id)
        assert record is not None and record.last_error is not None and "SOAP 1.1 only" in record.last_error
    finally:
        stub.close()


def test_a_message_to_a_state_without_peer_settings_fails_with_an_alert(tmp_path: Path, stub: StubPeer) -> None:
    app = _app(tmp_path, stub.url)
    [message_id] = queue_notifications(app.settings.db_url, 1, receiver="DE")
    app.messaging.sender(app.engine).run_once()
    assert _states(app)[message_id] == (OutboxState.FAILED, 1)
    assert stub.received == []


def test_a_claim_hides_a_message_from_other_senders_until_its_lease_ends(tmp_path: Path, stub: StubPeer) -> None:
    app = _app(tmp_path, stub.url)
    queue_notifications(app.settings.db_url, 2)
    with app.engine.begin() as connection:
        from adapters.db.messaging import SqlOutbox
        from gateway.clock import SystemClock

        first = SqlOutbox(connection, SystemClock(), None).claim_due(worker="elsewhere:1:x",
                                                                     lease=timedelta(minutes=5), limit=1)
    assert len(first) == 1
    sender = app.messaging.sender(app.engine)
    assert sender.run_once() == 1  # only the other message
    assert sender.run_once() == 0
    assert len(stub.received) == 1 and first[0].message_id.encode() not in stub.received[0][1]
