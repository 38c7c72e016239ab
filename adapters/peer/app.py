"""The simulated Member State's process: its settings, its endpoint and its background threads."""

from __future__ import annotations

import random
import tempfile
import threading
import time
from dataclasses import dataclass, replace
from pathlib import Path

from adapters.bootstrap import App
from adapters.peer.additional_info import additional_info_handlers
from adapters.peer.behaviour import Answer, Behaviour, peer_handlers
from adapters.settings import PeerSettings, Settings
from adapters.soap.faults import Fault
from adapters.soap.serve import Runtime
from adapters.soap.server import HttpResponse
from gateway.ports import InboxState


@dataclass(frozen=True)
class PeerOptions:
    state: str
    host: str
    port: int
    gateway_url: str
    gateway_state: str = "LU"
    db_url: str | None = None
    answer: Answer = Answer.CONVICTIONS
    behaviour: Behaviour | None = None
    """How requests are answered in detail (convictions held, RequestDeadline, additional information);
    None: as ``answer`` says, one conviction each."""
    delay: float = 0.0
    fail_rate: float = 0.0
    timeout_seconds: float = 10.0


def peer_settings(base: Settings, options: PeerOptions) -> Settings:
    """The peer's own settings: its State, its store (a temporary SQLite file by default), one peer."""
    db_url = options.db_url
    if db_url is None:
        folder = Path(tempfile.mkdtemp(prefix=f"ecris-peer-{options.state.lower()}-"))
        db_url = f"sqlite:///{folder / 'peer.db'}"
    gateway = PeerSettings(state=options.gateway_state, url=options.gateway_url,
                           timeout_seconds=options.timeout_seconds)
    return replace(
        base,
        db_url=db_url,
        member_state=options.state,
        public_url=f"http://{options.host}:{options.port}/ecris",
        peers={options.gateway_state: gateway},
        strict_codes=False,
        now=None,
    )


def build_peer_runtime(settings: Settings, options: PeerOptions) -> Runtime:
    app = App(settings)
    engine = app.engine
    handlers = {**peer_handlers(options.behaviour or options.answer), **additional_info_handlers()}
    processor = app.messaging.processor(app.uow, handlers)
    sender = app.messaging.sender(engine)
    sender_wake = threading.Event()
    chance = random.Random()
    unavailable = Fault("Receiver", "Unavailable", "simulated failure of the peer", 503)

    def before_accept() -> HttpResponse | None:
        if options.fail_rate > 0 and chance.random() < options.fail_rate:
            return HttpResponse(503, [("Content-Type", "application/soap+xml; charset=utf-8")],
                                unavailable.to_bytes())
        return None

    def after_accept(_response: HttpResponse) -> None:
        if options.delay > 0:
            time.sleep(options.delay)

    def on_commit(states: list[InboxState]) -> None:
        if any(state in (InboxState.RECEIVED, InboxState.QUARANTINED) for state in states):
            processor.wake()

    wsgi = app.messaging.wsgi_app(engine, on_commit=on_commit, before_accept=before_accept,
                                  after_accept=after_accept)

    def start(stop: threading.Event) -> None:
        processor.start(stop, interval=0.5, on_processed=sender_wake.set)
        sender.start(stop, interval=0.5, wake=sender_wake)

    return Runtime(wsgi, start)
