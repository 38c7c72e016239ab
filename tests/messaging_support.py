"""Helpers for the messaging tests: real ``ecris-gateway`` processes on 127.0.0.1 and their stores."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import requests

ROOT = Path(__file__).resolve().parents[1]
CLI = [sys.executable, "-c", "from adapters.cli import main; main()"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_until(predicate: Callable[[], Any], *, timeout: float = 20.0, interval: float = 0.1,
               what: str = "condition") -> Any:
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:g} s waiting for {what}")
        time.sleep(interval)


def base_env(db_url: str, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ECRIS_GATEWAY_")}
    env["ECRIS_GATEWAY_DB"] = db_url
    env["PYTHONPATH"] = str(ROOT)
    env.update(extra)
    return env


def cli(args: Sequence[str], env: Mapping[str, str], *, check: bool = True,
        timeout: float = 60.0) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([*CLI, *args], env=dict(env), cwd=ROOT, capture_output=True, text=True,
                            timeout=timeout, check=False)
    if check and result.returncode != 0:
        raise AssertionError(f"ecris-gateway {' '.join(args)} failed ({result.returncode}):\n{result.stderr}")
    return result


def cli_json(args: Sequence[str], env: Mapping[str, str]) -> Any:
    return json.loads(cli(args, env).stdout)


class Process:
    """A background ``ecris-gateway`` process (server or peer) and its log file."""

    def __init__(self, args: Sequence[str], env: Mapping[str, str], log: Path) -> None:
        self.args = list(args)
        self.env = dict(env)
        self.log = log
        self._handle = log.open("ab")
        self.popen = subprocess.Popen([*CLI, *args], env=self.env, cwd=ROOT, stdout=self._handle,
                                      stderr=subprocess.STDOUT, start_new_session=True)

    @property
    def pid(self) -> int:
        return self.popen.pid

    def log_text(self) -> str:
        return self.log.read_text(errors="replace")

    def wait_http(self, url: str, *, timeout: float = 30.0) -> None:
        def up() -> bool:
            if self.popen.poll() is not None:
                raise AssertionError(f"process exited early ({self.popen.returncode}):\n{self.log_text()[-3000:]}")
            try:
                return requests.get(url + "?wsdl", timeout=1).status_code == 200
            except requests.RequestException:
                return False

        wait_until(up, timeout=timeout, what=f"{url} to answer")

    def kill(self, sig: int = signal.SIGKILL) -> None:
        if self.popen.poll() is None:
            with suppress(ProcessLookupError):
                os.killpg(self.popen.pid, sig)
        self.popen.wait(timeout=30)

    def stop(self) -> None:
        if self.popen.poll() is None:
            try:
                os.killpg(self.popen.pid, signal.SIGTERM)
                self.popen.wait(timeout=15)
            except (ProcessLookupError, subprocess.TimeoutExpired):
                self.kill()
        self._handle.close()


@contextmanager
def running(args: Sequence[str], env: Mapping[str, str], log: Path, *, url: str | None = None) -> Iterator[Process]:
    process = Process(args, env, log)
    try:
        if url is not None:
            process.wait_http(url)
        yield process
    finally:
        process.stop()


@dataclass
class Gateway:
    """A running ``ecris-gateway serve`` with its own SQLite store."""

    url: str
    env: dict[str, str]
    process: Process
    db_path: Path


@contextmanager
def gateway_server(folder: Path, *, peers: Mapping[str, str], sender: bool = False, threads: int = 8,
                   **settings: Any) -> Iterator[Gateway]:
    """``ecris-gateway serve`` on a free port of 127.0.0.1, its store and config in ``folder``."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/ecris"
    db_path = folder / "gateway.db"
    config = write_config(folder / "ecris-gateway.toml", peers=peers, public_url=url, **settings)
    env = base_env(f"sqlite:///{db_path}", ECRIS_GATEWAY_CONFIG=str(config))
    args = ["serve", "--port", str(port), "--no-scheduler", "--threads", str(threads), "--sender" if sender else "--no-sender"]
    with running(args, env, folder / "serve.log", url=url) as process:
        yield Gateway(url, env, process, db_path)


def write_config(path: Path, *, peers: Mapping[str, str], timeout: float = 5.0, **settings: Any) -> Path:
    lines = []
    for key, value in settings.items():
        lines.append(f"{key} = {json.dumps(value)}")
    for state, url in peers.items():
        lines += ["", f"[peers.{state}]", f"url = {json.dumps(url)}", f"timeout_seconds = {timeout}"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def queue_notifications(db_url: str, count: int, *, receiver: str = "FR", first_serial: int = 1) -> list[str]:
    """Queue ``count`` distinct notifications from LU to ``receiver`` in the gateway's outbox (one
    transaction each, as a register change would); their message IDs."""
    import dataclasses

    from adapters.bootstrap import App
    from adapters.settings import Settings
    from gateway.model.exchange import MessageMetadata, MessageType
    from gateway.services.outbox import new_message_id
    from tests.samples import ecris_messages as samples

    app = App(Settings(db_url=db_url))
    ids: list[str] = []
    try:
        for serial in range(first_serial, first_serial + count):
            with app.uow() as uow:
                message_id = new_message_id(uow.outbox, sender="LU", receiver=receiver,
                                            message_type=MessageType.NOTIFICATION)
                base = samples.notification_8kb(serial)
                message = dataclasses.replace(base, metadata=MessageMetadata(message_id, app.clock.now()))
                uow.outbox.queue(message)
                uow.commit()
            ids.append(str(message_id))
    finally:
        app.engine.dispose()
    return ids


def conviction_id_of(body: bytes) -> str | None:
    """The ConvictionID inside a journalled envelope: what identifies the payload, whatever its message ID."""
    from lxml import etree

    root = etree.fromstring(body)
    found = root.findtext(".//{http://ec.europa.eu/ECRIS/domain-model-v1.0}ConvictionID")
    return None if found is None else found.strip()


def journal_rows(db_url: str) -> list[tuple[str | None, str, bytes]]:
    """(message_id, state, body) of every row of an inbox journal, in order."""
    from sqlalchemy import create_engine, text

    engine = create_engine(db_url)
    try:
        with engine.connect() as connection:
            rows = connection.execute(text("SELECT message_id, state, body FROM ecris_inbox ORDER BY id")).all()
    finally:
        engine.dispose()
    return [(row[0], row[1], bytes(row[2])) for row in rows]


def outbox_ids(db_url: str) -> list[str]:
    """The message IDs in a gateway's outbox, read from the store directly (quicker than a CLI process)."""
    from sqlalchemy import create_engine, text

    engine = create_engine(db_url)
    try:
        with engine.connect() as connection:
            return list(connection.execute(text("SELECT message_id FROM ecris_outbox ORDER BY message_id")).scalars())
    finally:
        engine.dispose()


@dataclass
class GatewayAndPeer:
    """A running gateway (``serve``) and a simulated Member State (``peer``) that knows it, each with its store."""

    gateway_url: str
    gateway_db: str
    env: dict[str, str]
    peer_db: str

    @property
    def peer_env(self) -> dict[str, str]:
        return base_env(self.peer_db)


@contextmanager
def gateway_and_peer(tmp_path: Path, state: str, *peer_args: str,
                     serve_args: Sequence[str] = ()) -> Iterator[GatewayAndPeer]:
    """Start the gateway, configured with ``state``'s peer, and that peer (``peer_args`` added to its command,
    ``serve_args`` to the gateway's, e.g. ``--no-processor`` to process with ``inbox process`` on a set clock)."""
    gateway_port, peer_port = free_port(), free_port()
    gateway_url = f"http://127.0.0.1:{gateway_port}/ecris"
    peer_url = f"http://127.0.0.1:{peer_port}/ecris"
    gateway_db = f"sqlite:///{tmp_path / 'gateway.db'}"
    peer_db = f"sqlite:///{tmp_path / 'peer.db'}"
    config = write_config(tmp_path / "gateway.toml", peers={state: peer_url}, public_url=gateway_url)
    env = base_env(gateway_db, ECRIS_GATEWAY_CONFIG=str(config))
    with running(["serve", "--port", str(gateway_port), "--threads", "4", "--no-scheduler", *serve_args], env, tmp_path / "gateway.log",
                 url=gateway_url), \
         running(["peer", "--state", state, "--port", str(peer_port), "--gateway", gateway_url, "--db", peer_db,
                  *peer_args], base_env(peer_db), tmp_path / "peer.log", url=peer_url):
        yield GatewayAndPeer(gateway_url, gateway_db, env, peer_db)
