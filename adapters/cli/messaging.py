"""ECRIS messaging commands: ``serve``, ``peer``, ``outbox …``, ``inbox …``, ``ping``."""

from __future__ import annotations

import json
import logging
import re
import signal
import sys
import threading
from typing import Any

import click
from lxml import etree

from adapters.bootstrap import App
from adapters.cli.context import Context, pass_context
from adapters.extract.verify_web import with_verification
from adapters.extract.wiring import verifier
from adapters.peer.app import PeerOptions, build_peer_runtime, peer_settings
from adapters.peer.behaviour import Answer, Behaviour
from adapters.settings import Settings
from adapters.soap.envelope import message_of_envelope
from adapters.soap.serve import Runtime
from adapters.soap.serve import serve as run_server
from adapters.xml.parsing import XmlRejected, parse_untrusted
from gateway.errors import GatewayError, NotFound
from gateway.model.exchange import AdditionalInformation, MessageId, MessageType
from gateway.ports import InboxRecord, InboxState, OutboxRecord, OutboxState

STATE_CODE = re.compile(r"[A-Z]{2}")


def _logging(level: str = "INFO") -> None:
    logging.basicConfig(level=getattr(logging, level.upper(), logging.INFO), stream=sys.stderr,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")


def gateway_runtime(settings: Settings, *, with_sender: bool, with_processor: bool = True,
                    with_scheduler: bool = False) -> Runtime:
    """The gateway's worker: endpoint, inbox processor, (unless disabled) outbox sender, and the scheduler
    (each worker tries; the store's lock lets one sweep)."""
    app = App(settings)
    engine = app.engine
    processor = app.messaging.processor(app.uow)
    sender_wake = threading.Event()

    def on_commit(states: list[InboxState]) -> None:
        if any(state in (InboxState.RECEIVED, InboxState.QUARANTINED) for state in states):
            processor.wake()

    wsgi = with_verification(app.messaging.wsgi_app(engine, on_commit=on_commit), verifier(app))

    def start(stop: threading.Event) -> None:
        if with_processor:
            processor.start(stop, on_processed=sender_wake.set)
        if with_sender:
            app.messaging.sender(engine).start(stop, interval=0.5, wake=sender_wake)
        if with_scheduler:
            from scheduler.service import run_scheduler

            threading.Thread(target=run_scheduler, args=(app, stop), name="scheduler", daemon=True).start()

    return Runtime(wsgi, start)


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", type=int, default=8080, show_default=True)
@click.option("--workers", type=int, default=1, show_default=True, help="gunicorn worker processes.")
@click.option("--threads", type=int, default=16, show_default=True, help="Request threads per worker.")
@click.option("--sender/--no-sender", default=True, show_default=True,
              help="Run the outbox sender in the server's workers.")
@click.option("--processor/--no-processor", default=True, show_default=True,
              help="Process journalled messages in the server's workers (else: ``inbox process --follow``).")
@click.option("--scheduler/--no-scheduler", "with_scheduler", default=True, show_default=True,
              help="Run the scheduler in the server (else: ``scheduler run``, e.g. beside several workers).")
@click.option("--log-level", default="info", show_default=True)
@pass_context
def serve(  # noqa: PLR0917
    ctx: Context, host: str, port: int, workers: int, threads: int, sender: bool, processor: bool,
    with_scheduler: bool, log_level: str
) -> None:
    """Serve the ECRIS endpoint: POST /ecris, GET /ecris?wsdl (gunicorn, threaded workers)."""
    settings = ctx.settings
    _logging(log_level)
    App(settings).engine  # migrate once, before the workers start  # noqa: B018
    run_server(lambda: gateway_runtime(settings, with_sender=sender, with_processor=processor,
                                       with_scheduler=with_scheduler), host=host,
               port=port, workers=workers, threads=threads, log_level=log_level)


def _items(text: str | None) -> tuple[AdditionalInformation, ...]:
    if not text:
        return ()
    try:
        return tuple(AdditionalInformation(item.strip()) for item in text.split(",") if item.strip())
    except ValueError:
        choices = ", ".join(i.value for i in AdditionalInformation)
        raise click.BadParameter(f"{text!r}: items among {choices}", param_hint="--ask-additional-info") from None


@click.command()
@click.option("--state", required=True, help="The simulated Member State (two letters, e.g. FR).")
@click.option("--port", type=int, required=True)
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--gateway", "gateway_url", required=True, metavar="URL", help="Where to send the answers.")
@click.option("--gateway-state", default="LU", show_default=True, help="The gateway's Member State.")
@click.option("--db", "db_url", metavar="URL", help="The peer's store (default: a temporary SQLite file).")
@click.option("--answer", type=click.Choice([a.value for a in Answer]), default=Answer.CONVICTIONS.value,
              show_default=True, help="How requests are answered.")
@click.option("--convictions", type=click.IntRange(0, 3), default=1, show_default=True,
              help="How many fictitious convictions a request is answered with (--answer convictions).")
@click.option("--knows", "known", multiple=True, metavar="SURNAME",
              help="Hold convictions only of persons of this surname (repeatable); the others get none.")
@click.option("--deadline", "announce_deadline", is_flag=True,
              help="Send a RequestDeadline before each RequestResponse.")
@click.option("--ask-additional-info", "ask", metavar="ITEMS",
              help="Ask the gateway for more identification data first (comma-separated, e.g. "
                   "BirthPlace,FatherName); the request is answered once the gateway replies.")
@click.option("--delay", type=float, default=0.0, show_default=True,
              help="Seconds to wait, after journalling, before answering each POST.")
@click.option("--fail-rate", type=click.FloatRange(0.0, 1.0), default=0.0, show_default=True,
              help="Share of POSTs refused with HTTP 503 (not journalled).")
@click.option("--threads", type=int, default=16, show_default=True)
@click.option("--log-level", default="info", show_default=True)
@pass_context
def peer(  # noqa: PLR0917
    ctx: Context, state: str, port: int, host: str, gateway_url: str, gateway_state: str, db_url: str | None,
         answer: str, convictions: int, known: tuple[str, ...], announce_deadline: bool, ask: str | None,
         delay: float, fail_rate: float, threads: int, log_level: str) -> None:
    """Run a simulated Member State speaking the ECRIS contract, answering through the gateway's URL."""
    state = state.upper()
    for option, code in (("--state", state), ("--gateway-state", gateway_state.upper())):
        if not STATE_CODE.fullmatch(code):
            raise GatewayError(f"{option} {code!r}: a Member State is two letters, e.g. FR")
    options = PeerOptions(state=state, host=host, port=port, gateway_url=gateway_url,
                          gateway_state=gateway_state.upper(), db_url=db_url, answer=Answer(answer), delay=delay,
                          fail_rate=fail_rate, behaviour=Behaviour(
                              Answer(answer), convictions, known, announce_deadline, _items(ask)))
    settings = peer_settings(ctx.settings, options)
    _logging(log_level)
    App(settings).engine  # create and migrate the peer's store before saying it is up  # noqa: B018
    click.echo(f"simulated {state} on http://{host}:{port}/ecris, store {settings.db_url}", err=True)
    run_server(lambda: build_peer_runtime(settings, options), host=host, port=port, workers=1, threads=threads,
               log_level=log_level)


# ------------------------------------------------------------------------------------------ listings


def _iso(value: Any) -> str | None:
    return None if value is None else value.isoformat()


def _outbox_json(record: OutboxRecord) -> dict[str, Any]:
    return {
        "message_id": record.message_id,
        "type": record.type,
        "counterpart": record.counterpart,
        "state": record.state.value,
        "created_at": _iso(record.created_at),
        "response_to": record.response_to,
        "attempts": record.attempts,
        "sent_at": _iso(record.sent_at),
        "acknowledged_by": record.acknowledged_by,
        "last_error": record.last_error,
        "alert": (f"delivery failed after {record.attempts} attempt(s): {record.last_error}"
                  if record.state is OutboxState.FAILED else None),
    }


def _inbox_json(record: InboxRecord) -> dict[str, Any]:
    return {
        "message_id": record.message_id,
        "type": record.type,
        "counterpart": record.counterpart,
        "state": record.state.value,
        "created_at": _iso(record.received_at),
        "journal_id": record.id,
        "response_to": record.response_to,
        "reply_id": record.reply_id,
        "error": record.error,
        "handled_at": _iso(record.handled_at),
    }


def _pretty(envelope_or_message: bytes, *, max_bytes: int) -> str:
    try:
        root = parse_untrusted(envelope_or_message, max_bytes=max_bytes)
        try:
            element = message_of_envelope(root)
        except GatewayError:
            element = root
    except XmlRejected as error:
        raise GatewayError(f"the stored message cannot be shown as XML: {error}") from None
    copy = etree.fromstring(etree.tostring(element))
    etree.indent(copy, space="  ")
    return etree.tostring(copy, encoding="unicode", pretty_print=True)


@click.group()
def outbox() -> None:
    """Outbound ECRIS messages: list, show, deliver, re-queue."""


@outbox.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array.")
@click.option("--state", type=click.Choice([s.value for s in OutboxState]), help="Only messages in this state.")
@pass_context
def outbox_list(ctx: Context, as_json: bool, state: str | None) -> None:
    """List outbound messages, oldest first; failed ones with an ALERT line."""
    with ctx.app.uow() as uow:
        records = uow.outbox.list(state=None if state is None else OutboxState(state))
    if as_json:
        click.echo(json.dumps([_outbox_json(r) for r in records], indent=2))
        return
    for r in records:
        click.echo(f"{r.message_id}  {r.type:<40} {r.counterpart}  {r.state.value:<12} "
                   f"{r.created_at:%Y-%m-%d %H:%M:%S}Z  attempts={r.attempts}")
    for r in records:
        if r.state is OutboxState.FAILED:
            click.echo(f"ALERT {r.message_id} to {r.counterpart} failed after {r.attempts} attempt(s): "
                       f"{r.last_error}")
    if not records:
        click.echo("the outbox is empty", err=True)


@outbox.command("show")
@click.argument("message_id")
@pass_context
def outbox_show(ctx: Context, message_id: str) -> None:
    """Print the message element of MESSAGE_ID as indented XML."""
    with ctx.app.uow() as uow:
        envelope = uow.outbox.envelope(message_id)
    if envelope is None:
        raise NotFound(f"no outbound message {message_id}")
    click.echo(_pretty(envelope, max_bytes=ctx.app.settings.max_message_bytes), nl=False)


@outbox.command("run")
@click.option("--once", is_flag=True, help="Deliver what is due now, then stop.")
@click.option("--interval", type=float, default=0.5, show_default=True, help="Seconds between sweeps.")
@click.option("--batch", type=int, default=8, show_default=True, help="Messages claimed per sweep.")
@pass_context
def outbox_run(ctx: Context, once: bool, interval: float, batch: int) -> None:
    """Deliver queued messages (retries with back-off; gives up after outbox_max_attempts)."""
    _logging()
    app = ctx.app
    sender = app.messaging.sender(app.engine, batch=batch)
    if once:
        sender.release_dead_claims()
        total = 0
        while (done := sender.run_once()) > 0:
            total += done
        click.echo(f"{total} delivery attempt(s)", err=True)
        return
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    try:
        sender.run(stop, interval=interval)
    except KeyboardInterrupt:
        stop.set()


@outbox.command("retry")
@click.argument("message_id")
@pass_context
def outbox_retry(ctx: Context, message_id: str) -> None:
    """Put a failed message back in the queue, under the same message ID."""
    with ctx.app.uow() as uow:
        if not uow.outbox.requeue(message_id):
            raise NotFound(f"no failed outbound message {message_id}")
        uow.commit()
    click.echo(f"{message_id} queued again")


@click.group()
def inbox() -> None:
    """Inbound ECRIS messages (the inbox journal): list, show, process."""


@inbox.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array.")
@pass_context
def inbox_list(ctx: Context, as_json: bool) -> None:
    """List the inbox journal, in order of receipt."""
    with ctx.app.uow() as uow:
        records = uow.inbox.list()
    if as_json:
        click.echo(json.dumps([_inbox_json(r) for r in records], indent=2))
        return
    for r in records:
        note = f"  {r.error}" if r.error else ""  # a refusal's reason, or a processed message's flags
        click.echo(f"{r.message_id or '-':<25}  {r.type or '-':<40} {r.counterpart or '--'}  "
                   f"{r.state.value:<11} {r.received_at:%Y-%m-%d %H:%M:%S}Z{note}")
    if not records:
        click.echo("the inbox is empty", err=True)


@inbox.command("show")
@click.argument("message_id")
@pass_context
def inbox_show(ctx: Context, message_id: str) -> None:
    """Print the message element of MESSAGE_ID as indented XML (the accepted copy)."""
    with ctx.app.uow() as uow:
        record = uow.inbox.get(message_id)
        body = None if record is None else uow.inbox.body(record.id)
    if record is None or body is None:
        raise NotFound(f"no inbound message {message_id}")
    click.echo(_pretty(body, max_bytes=ctx.app.settings.max_message_bytes), nl=False)


@inbox.command("process")
@click.option("--follow", is_flag=True, help="Keep processing until stopped (SIGTERM).")
@click.option("--interval", type=float, default=0.5, show_default=True, help="Seconds between sweeps.")
@pass_context
def inbox_process(ctx: Context, follow: bool, interval: float) -> None:
    """Process journalled messages (``serve`` does it by itself unless ``--no-processor``)."""
    _logging()
    app = ctx.app
    processor = app.messaging.processor(app.uow)
    if not follow:
        click.echo(f"{processor.process_pending()} message(s) processed", err=True)
        return
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    try:
        processor.run(stop, interval=interval)
    except KeyboardInterrupt:
        stop.set()


@click.command()
@click.argument("state")
@pass_context
def ping(ctx: Context, state: str) -> None:
    """Ask STATE's endpoint whether it is alive (isAlive)."""
    app = ctx.app_creating_store  # a first check of the connection may come before any import
    state = state.upper()
    client = app.messaging.peers.client(state)
    with app.uow() as uow:
        message_id = MessageId(app.settings.member_state, state, MessageType.IS_ALIVE, uow.outbox.next_serial())
        uow.commit()
    try:
        alive, answer_id = client.is_alive(message_id=str(message_id), timestamp=app.clock.now())
    except Exception as error:
        raise GatewayError(f"{state} did not answer isAlive: {type(error).__name__}: "
                           f"{str(error).splitlines()[0][:200] if str(error) else ''}") from None
    if not alive:
        raise GatewayError(f"{state} answered isAlive with IsAlive=false ({answer_id})")
    click.echo(f"{state} is alive ({message_id} → {answer_id})")
