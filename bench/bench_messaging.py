"""ECRIS messaging throughput: the lxml limit, inbound accept, outbound queueing, the obvious way, HTTP.

In-process figures run on one core (CPU affinity 0), each as a rate, as a ratio to the raw lxml
parse+validate rate of the same message (the reference), and as a multiple of the obvious way (xmlschema to
validate, zeep ``create_message`` to build, SQLAlchemy Core and a commit per message, FULL). Inbound is the
whole accept path (``SoapEndpoint.accept``: parse, SOAP checks, schema, durable journal commit; the 202 comes
after the message's own commit), one request at a time and eight at once (group commit), with SQLite's
``synchronous=NORMAL`` and ``FULL``. Outbound is build, validate, envelope, serial, outbox insert and commit,
fifty messages per transaction (as one register import queues many notifications) and one. The HTTP figure
runs ``ecris-gateway serve`` and a load-generator process sharing the machine's cores.

    python bench/bench_messaging.py [--quick]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import dataclasses
import hashlib
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from lxml import etree  # noqa: E402
from sqlalchemy import insert  # noqa: E402

from adapters.bootstrap import App  # noqa: E402
from adapters.db.messaging import inbox  # noqa: E402
from adapters.settings import Settings  # noqa: E402
from adapters.soap.envelope import envelope_bytes, request_headers, wrap  # noqa: E402
from adapters.xml import codec  # noqa: E402
from adapters.xml.schemas import PROJECT_ENTRY, PROJECT_SCHEMA_DIR, EcrisSchemas  # noqa: E402
from gateway.model.exchange import MessageId, MessageMetadata, MessageType, Notification  # noqa: E402
from tests.samples import ecris_messages as samples  # noqa: E402

TEMPLATE_ID = "FR-LU-NOT-000000000000001"
TARGET_RATIO = 0.3
TARGET_GAIN = 10.0


def one_core() -> str:
    try:
        os.sched_setaffinity(0, {0})
        return "pinned to CPU 0"
    except (AttributeError, OSError):
        return "not pinned (no sched_setaffinity)"


def inbound_notification() -> Notification:
    """The benchmark notification (tests/samples: full person, 3 offences), from FR about a national."""
    base = samples.notification_8kb(1)
    person = dataclasses.replace(base.person, nationalities=("CO-00-442-LUX",))
    metadata = MessageMetadata(MessageId.parse(TEMPLATE_ID), base.metadata.timestamp)
    return dataclasses.replace(base, person=person, metadata=metadata)


def envelopes(count: int, first: int = 1) -> list[bytes]:
    """``count`` envelopes differing only in their message ID (a load generator's shortcut)."""
    template = envelope_bytes(codec.encode(inbound_notification()))
    assert template.count(TEMPLATE_ID.encode()) == 1
    return [template.replace(TEMPLATE_ID.encode(), f"FR-LU-NOT-{n:015d}".encode()) for n in range(first, first + count)]


def rate(count: int, started: float) -> float:
    return count / (time.perf_counter() - started)


# ------------------------------------------------------------------------------------------ in-process


def raw_lxml(messages: list[bytes], schemas: EcrisSchemas) -> float:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    schema = schemas._compile_for_thread()
    started = time.perf_counter()
    for data in messages:
        assert schema.validate(etree.fromstring(data, parser))
    return rate(len(messages), started)


def inbound_accept(bodies: list[bytes], folder: Path, synchronous: str, threads: int) -> float:
    app = App(Settings(db_url=f"sqlite:///{folder}/inbound-{synchronous}-{threads}.db", sqlite_synchronous=synchronous))
    endpoint = app.messaging.endpoint(app.engine)
    headers = {k.lower(): v for k, v in request_headers("deliverNotification").items()}
    endpoint.accept(envelopes(1, 10**9)[0], headers)  # warm-up: schema compiled, connection open
    work: Iterator[bytes] = iter(bodies)
    lock = threading.Lock()

    def worker() -> None:
        while True:
            with lock:
                body = next(work, None)
            if body is None:
                return
            assert endpoint.accept(body, headers).status == 202

    started = time.perf_counter()
    pool = [threading.Thread(target=worker) for _ in range(threads)]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join()
    result = rate(len(bodies), started)
    endpoint.close()
    with app.engine.connect() as connection:
        from sqlalchemy import text

        assert connection.execute(text("SELECT count(*) FROM ecris_inbox WHERE state='received'")).scalar_one() == len(bodies) + 1
    app.engine.dispose()
    return result


def outbound_queue(count: int, folder: Path, synchronous: str, per_transaction: int) -> float:
    app = App(Settings(db_url=f"sqlite:///{folder}/outbound-{synchronous}-{per_transaction}.db",
                       sqlite_synchronous=synchronous))
    base = samples.notification_8kb(1)
    clock = app.clock
    with app.uow() as uow:  # warm-up: schema compiled, connection open
        message_id = MessageId("LU", "PT", MessageType.NOTIFICATION, uow.outbox.next_serial())
        uow.outbox.queue(dataclasses.replace(base, metadata=MessageMetadata(message_id, clock.now())))
        uow.commit()
    started = time.perf_counter()
    done = 0
    while done < count:
        with app.uow() as uow:
            for _ in range(min(per_transaction, count - done)):
                message_id = MessageId("LU", "PT", MessageType.NOTIFICATION, uow.outbox.next_serial())
                uow.outbox.queue(dataclasses.replace(base, metadata=MessageMetadata(message_id, clock.now())))
                done += 1
            uow.commit()
    result = rate(count, started)
    app.engine.dispose()
    return result


def obvious_inbound(bodies: list[bytes], folder: Path) -> float:
    """Parse, validate with xmlschema, journal with a SQLAlchemy insert and one commit per message (FULL)."""
    import xmlschema

    app = App(Settings(db_url=f"sqlite:///{folder}/obvious-in.db", sqlite_synchronous="FULL"))
    schema = xmlschema.XMLSchema(str(PROJECT_SCHEMA_DIR / PROJECT_ENTRY))
    engine = app.engine
    clock = app.clock
    started = time.perf_counter()
    for body in bodies:
        root = etree.fromstring(body)
        message = root[0][0]
        schema.validate(message)
        message_id = message.findtext(".//{http://ec.europa.eu/ECRIS/messages-v1.0}MessageMetaDataMessageID")
        now = clock.now()
        with engine.begin() as connection:
            connection.execute(insert(inbox), {
                "message_id": message_id, "accepted_key": message_id, "type": "NotificationMessage",
                "counterpart": "FR", "state": "received", "received_at": now, "headers": {}, "body": body,
                "digest": hashlib.sha256(body).hexdigest()})
    result = rate(len(bodies), started)
    engine.dispose()
    return result


def _zeep_client() -> Any:
    from zeep import Client
    from zeep import Settings as ZeepSettings
    from zeep.xsd.types import builtins as zeep_builtins

    # python-zeep #1150 (ECRIS-NOTES §7.3): gMonth rendered as "--7"; the documented patch.
    zeep_builtins.gMonth.xmlvalue = lambda self, v: f"--{v[0]:02d}{zeep_builtins._unparse_timezone(v[1])}"
    return Client(str(PROJECT_SCHEMA_DIR / "ecris-service.wsdl"), settings=ZeepSettings(strict=True, forbid_dtd=True))


def obvious_outbound(count: int, folder: Path) -> float:
    """zeep ``create_message`` to build, xmlschema to validate, one commit per message (FULL)."""
    import xmlschema

    client = _zeep_client()
    binding = next(iter(next(iter(client.wsdl.services.values())).ports.values())).binding
    base = samples.notification_8kb(1)
    parsed = binding._operations["deliverNotification"].input.deserialize(wrap(codec.encode(base)))
    arguments = {name: parsed[name] for name in parsed}
    schema = xmlschema.XMLSchema(str(PROJECT_SCHEMA_DIR / PROJECT_ENTRY))
    app = App(Settings(db_url=f"sqlite:///{folder}/obvious-out.db", sqlite_synchronous="FULL"))
    started = time.perf_counter()
    for _ in range(count):
        with app.uow() as uow:
            serial = uow.outbox.next_serial()
            message_id = f"LU-PT-NOT-{serial:015d}"
            arguments["MessageMetaData"]["MessageMetaDataMessageID"] = message_id
            envelope = client.create_message(client.service, "deliverNotification", **arguments)
            body = envelope.find("{http://www.w3.org/2003/05/soap-envelope}Body")[0]
            schema.validate(body)
            uow.outbox.queue_envelope(message_id=message_id, type="NotificationMessage", counterpart="PT",
                                      response_to=None, envelope=etree.tostring(envelope))
            uow.commit()
    result = rate(count, started)
    app.engine.dispose()
    return result


# ------------------------------------------------------------------------------------------ HTTP


async def _load(port: int, requests_: list[bytes], connections: int) -> tuple[float, list[float], int]:
    queue: asyncio.Queue[bytes] = asyncio.Queue()
    for request in requests_:
        queue.put_nowait(request)
    latencies: list[float] = []
    failures = 0

    async def client() -> None:
        nonlocal failures
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        while not queue.empty():
            request = queue.get_nowait()
            started = time.perf_counter()
            writer.write(request)
            head = await reader.readuntil(b"\r\n\r\n")
            length = 0
            for line in head.split(b"\r\n"):
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            if length:
                await reader.readexactly(length)
            latencies.append(time.perf_counter() - started)
            if not head.startswith(b"HTTP/1.1 202"):
                failures += 1
        writer.close()

    started = time.perf_counter()
    await asyncio.gather(*(client() for _ in range(connections)))
    return len(requests_) / (time.perf_counter() - started), latencies, failures


def load_generator(port: int, count: int, connections: int, first: int) -> None:
    """Runs in its own process: POSTs ``count`` distinct notifications, prints rate and latencies."""
    headers = request_headers("deliverNotification")
    requests_ = []
    for body in envelopes(count, first):
        head = (f"POST /ecris HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: {headers['Content-Type']}\r\n"
                f"Content-Length: {len(body)}\r\n\r\n").encode()
        requests_.append(head + body)
    throughput, latencies, failures = asyncio.run(_load(port, requests_, connections))
    latencies.sort()
    p50 = statistics.median(latencies) * 1000
    p99 = latencies[int(len(latencies) * 0.99) - 1] * 1000
    print(f"{throughput:.0f} {p50:.2f} {p99:.2f} {failures}")


def http_figure(folder: Path, count: int, workers: int, connections: int) -> tuple[float, float, float, int]:
    from tests.messaging_support import free_port

    port = free_port()
    db = folder / f"http-{workers}.db"
    env = {k: v for k, v in os.environ.items() if not k.startswith("ECRIS_GATEWAY_")}
    env.update({"ECRIS_GATEWAY_DB": f"sqlite:///{db}", "PYTHONPATH": str(ROOT),
                "ECRIS_GATEWAY_SQLITE_SYNCHRONOUS": "NORMAL"})
    server = subprocess.Popen(
        [sys.executable, "-c", "from adapters.cli import main; main()", "serve", "--port", str(port),
         "--workers", str(workers), "--threads", "32", "--no-sender", "--no-processor", "--log-level", "warning"],
        env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        import requests

        deadline = time.monotonic() + 30
        while True:
            try:
                if requests.get(f"http://127.0.0.1:{port}/ecris?wsdl", timeout=1).status_code == 200:
                    break
            except requests.RequestException:
                pass
            if time.monotonic() > deadline or server.poll() is not None:
                raise RuntimeError("the server did not start")
            time.sleep(0.2)
        # Warm-up (schema compiled in each worker, connections open), then the measured run.
        for first, n in ((10**9, 400), (1, count)):
            output = subprocess.run(
                [sys.executable, __file__, "--loadgen", str(port), str(n), str(connections), str(first)],
                env=env, cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
        throughput, p50, p99, failures = float(output[0]), float(output[1]), float(output[2]), int(output[3])
        return throughput, p50, p99, failures
    finally:
        import signal

        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


# ------------------------------------------------------------------------------------------ report


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="fewer messages (a smoke run)")
    parser.add_argument("--loadgen", nargs=4, type=int, metavar=("PORT", "COUNT", "CONNECTIONS", "FIRST"))
    args = parser.parse_args()
    if args.loadgen:
        load_generator(*args.loadgen)
        return
    scale = 0.2 if args.quick else 1.0
    n = int(3000 * scale)
    n_obvious = int(300 * scale)
    n_http = int(12000 * scale)

    pinning = one_core()
    schemas = EcrisSchemas.load()
    message = codec.to_bytes(codec.encode(inbound_notification()))
    bodies = envelopes(n, 1)
    print(f"ECRIS messaging benchmark ({pinning}); notification {len(message):,} bytes, envelope "
          f"{len(bodies[0]):,} bytes; project schema; SQLite in WAL mode")
    print(f"targets: inbound and outbound >= {TARGET_RATIO:.2f} x raw and >= x{TARGET_GAIN:.0f} the obvious way")
    results: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        results["lxml"] = raw_lxml([message] * n, schemas)
        results["obvious-in"] = obvious_inbound(bodies[:n_obvious], folder)
        results["obvious-out"] = obvious_outbound(n_obvious, folder)
        raw = results["lxml"]
        print(f"\n{'':<66}{'per s':>8}  {'x raw':>6}  {'x obvious':>9}")
        print(f"  {'raw lxml parse + validate of the message (the reference)':<64}{raw:8,.0f}  {1:6.2f}")

        def row(label: str, value: float, obvious: str | None = None) -> None:
            gain = f"x{value / results[obvious]:8.1f}" if obvious else ""
            print(f"  {label:<64}{value:8,.0f}  {value / raw:6.2f}  {gain:>9}")

        print("inbound accepted: parse, SOAP checks, validate, durable journal commit, 202 after its own commit")
        for sync in ("NORMAL", "FULL"):
            results[f"in-{sync}-1"] = inbound_accept(envelopes(n, 100_000), folder, sync, threads=1)
            row(f"synchronous={sync:<6} one request at a time (a commit each)", results[f"in-{sync}-1"],
                "obvious-in")
            results[f"in-{sync}-8"] = inbound_accept(bodies, folder, sync, threads=8)
            row(f"synchronous={sync:<6} 8 concurrent requests (group commit)", results[f"in-{sync}-8"],
                "obvious-in")
        row("obvious way: lxml parse, xmlschema, SQLAlchemy insert, commit each (FULL)", results["obvious-in"])
        print("outbound queued: encode, validate, envelope, serial, outbox insert, commit")
        for sync in ("NORMAL", "FULL"):
            for per in (50, 1):
                key = f"out-{sync}-{per}"
                results[key] = outbound_queue(n if per > 1 else n // 2, folder, sync, per)
                what = "one per transaction" if per == 1 else f"{per} per transaction (one register import)"
                row(f"synchronous={sync:<6} {what}", results[key], "obvious-out")
        row("obvious way: zeep create_message, xmlschema, commit each (FULL)", results["obvious-out"])
        with contextlib.suppress(AttributeError, OSError):
            os.sched_setaffinity(0, set(range(os.cpu_count() or 1)))
        print(f"HTTP on 127.0.0.1: ecris-gateway serve (gunicorn gthread, --no-processor, NORMAL) and the load "
              f"generator share the {os.cpu_count()} cores; 32 connections")
        for workers in (1, 2):
            throughput, p50, p99, failures = http_figure(folder, n_http, workers, connections=32)
            print(f"  serve --workers {workers}: {throughput:8,.0f} accepted/s   p50 {p50:5.1f} ms   "
                  f"p99 {p99:5.1f} ms" + (f"  ({failures} not 202!)" if failures else ""))


if __name__ == "__main__":
    main()
