"""Luxembourg's own requests (Art 13) and their answers, on one core.

A register of 10,000 synthetic persons (bench/synthetic_register.py) in a fresh SQLite store (WAL,
synchronous=NORMAL). Then, for as many French nationals of the register:

    send     ``requests send``'s use case: person read, Request built from the register, validated, queued in
             the outbox with its ``outgoing_requests`` row and journal entry, one commit per request
    answer   France's RequestResponse (two fictitious convictions, as the simulated State sends them) received
             as the endpoint receives it (parse, SOAP checks, schema, journal commit: the 202), then processed
             as the inbox processor does (decode, correlation, convictions mapped back and stored on the
             request, one commit per answer)

Each figure is per second and as a ratio to the raw lxml parse+validate rate of the same messages (the
requests, the answers), measured in the same run. ``--quick`` uses 2,000 persons and 300 requests.

    python bench/bench_outgoing_requests.py [--quick]
"""

from __future__ import annotations

import argparse
import logging
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import text  # noqa: E402

from adapters.bootstrap import App  # noqa: E402
from adapters.files.register_format import person_from_json  # noqa: E402
from adapters.peer.behaviour import sample_conviction  # noqa: E402
from adapters.settings import Settings  # noqa: E402
from adapters.soap.envelope import envelope_bytes, request_headers  # noqa: E402
from adapters.xml import codec  # noqa: E402
from adapters.xml.schemas import EcrisSchemas  # noqa: E402
from bench.bench_codec import pin_to_one_core  # noqa: E402
from bench.bench_messaging import raw_lxml  # noqa: E402
from bench.synthetic_register import synthetic_register  # noqa: E402
from gateway.model.exchange import MessageId, MessageMetadata, MessageType, Request, RequestResponse  # noqa: E402
from gateway.services.outgoing_request import send_request  # noqa: E402

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def send_all(app: App, person_ids: list[str]) -> tuple[float, list[str]]:
    """Seconds to send one request to FR per person, one transaction each; the message IDs."""
    ids: list[str] = []
    started = time.perf_counter()
    for person_id in person_ids:
        with app.uow() as uow:
            [sent] = send_request(uow, person_id=person_id, to=["FR"], purpose="criminal_proceedings",
                                  member_state="LU", clock=app.clock, official="bench")
            uow.commit()
        ids.append(sent.message_id)
    return time.perf_counter() - started, ids


def sent_requests(app: App, ids: list[str]) -> list[Request]:
    from adapters.soap.messages import MessageReader

    reader = MessageReader(max_bytes=10**7, member_state="FR")
    out = []
    with app.uow() as uow:
        for message_id in ids:
            envelope = uow.outbox.envelope(message_id)
            assert envelope is not None
            message = reader.read(envelope).message
            assert isinstance(message, Request)
            out.append(message)
    return out


def answers(requests: list[Request]) -> list[RequestResponse]:
    out = []
    for n, request in enumerate(requests):
        metadata = MessageMetadata(MessageId("FR", "LU", MessageType.REQUEST_RESPONSE, 9000 + n), NOW,
                                   response_to=request.metadata.message_id)
        convictions = (sample_conviction("FR", 20_000 + 2 * n, 1), sample_conviction("FR", 20_001 + 2 * n, 2))
        out.append(RequestResponse(metadata=metadata, person=request.person, response_type="RRT-00-00",
                                   convictions=convictions))
    return out


def receive_and_process(app: App, envelopes: list[bytes]) -> float:
    endpoint = app.messaging.endpoint(app.engine)
    headers = {k.lower(): v for k, v in request_headers("deliverRequestResponse").items()}
    started = time.perf_counter()
    for body in envelopes:
        assert endpoint.accept(body, headers).status == 202
    assert app.messaging.processor(app.uow).process_pending() == len(envelopes)
    seconds = time.perf_counter() - started
    endpoint.close()
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    logging.getLogger("ecris").setLevel(logging.ERROR)  # the simulated State's provisional codes are flagged
    persons_count, count = (2000, 300) if args.quick else (10_000, 1000)
    pinning = pin_to_one_core()
    register = synthetic_register(persons_count)["persons"]
    french = [str(p["id"]) for p in register if "FR" in p["nationalities"] and p.get("kind") == "natural"]
    chosen = (french * (count // max(1, len(french)) + 1))[:count]
    print(f"Outgoing requests ({pinning}); register of {persons_count:,} persons, {count:,} requests to FR about "
          f"French nationals of the register, answered with two convictions each; SQLite WAL NORMAL")
    with tempfile.TemporaryDirectory() as folder:
        app = App(Settings(db_url=f"sqlite:///{folder}/outgoing.db", now=NOW, sqlite_synchronous="NORMAL"))
        with app.uow() as uow:
            uow.persons.save_many([person_from_json(raw)[0] for raw in register])
            uow.commit()
        schemas = EcrisSchemas.load()
        sending, ids = send_all(app, chosen)
        requests = sent_requests(app, ids)
        raw_requests = raw_lxml([codec.to_bytes(codec.encode(r)) for r in requests], schemas)
        responses = answers(requests)
        raw_answers = raw_lxml([codec.to_bytes(codec.encode(r)) for r in responses], schemas)
        matching = receive_and_process(app, [envelope_bytes(codec.encode(r)) for r in responses])
        with app.engine.connect() as connection:
            answered = connection.execute(text(
                "SELECT count(*) FROM outgoing_requests WHERE state = 'answered'")).scalar_one()
        app.engine.dispose()
    assert answered == count, answered
    print(f"\n{'':<70}{'per s':>8}  {'x raw':>6}")
    for label, value, reference in (
        ("raw lxml parse + validate of the Request (its reference)", raw_requests, raw_requests),
        ("send: built from the register, validated, queued with its row", count / sending, raw_requests),
        ("raw lxml parse + validate of the RequestResponse (its reference)", raw_answers, raw_answers),
        ("answers matched: receive (202) + process, convictions stored", count / matching, raw_answers),
    ):
        print(f"  {label:<68}{value:8,.0f}  {value / reference:6.2f}")
    print(f"checked: {answered} requests answered and stored")


if __name__ == "__main__":
    main()
