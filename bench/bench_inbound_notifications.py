"""Inbound notifications inscribed (Art 1(2) 2)), on one core: receive → match → inscribe → answer queued.

A register of 10,000 synthetic persons (bench/synthetic_register.py) in a fresh SQLite store (WAL,
synchronous=NORMAL); then notifications from a simulated Portugal (``adapters.peer.notifications``, the
messages ``peer-notify`` sends), half about persons the register holds (found by national number), half
about Luxembourgers it does not (created). Each is received as the endpoint receives it (parse, SOAP checks,
schema, durable journal commit), then processed as the inbox processor does (decode, code checks, identify,
map back, inscribe with events and journal, queue the NotificationResponse, mark: each message in a savepoint
of its own, messages waiting together sharing a commit, as in production).

    receive           endpoint.accept, to the journal commit (the 202)
    process           the inbox processor: match, inscribe, answer queued, commit
    receive + process the whole flow, per notification

Then as many Art 12(3) requests from FR about French nationals of the register, each answered with the copy
of the Luxembourg convictions (receive, identify, copy, RequestResponse queued; ``incoming_copy_request``).

Each figure is per second and as a ratio to the raw lxml parse+validate rate of the same messages (notification or request), measured
in the same run. ``--quick`` uses 2,000 persons and 300 notifications.

    python bench/bench_inbound_notifications.py [--quick]
"""

from __future__ import annotations

import argparse
import logging
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import text  # noqa: E402

from adapters.bootstrap import App  # noqa: E402
from adapters.files.register_format import person_from_json  # noqa: E402
from adapters.peer.notifications import NotifiedPerson, notification_of  # noqa: E402
from adapters.settings import Settings  # noqa: E402
from adapters.soap.envelope import envelope_bytes, request_headers  # noqa: E402
from adapters.xml import codec  # noqa: E402
from adapters.xml.schemas import EcrisSchemas  # noqa: E402
from bench.bench_codec import pin_to_one_core  # noqa: E402
from bench.bench_messaging import raw_lxml  # noqa: E402
from bench.synthetic_register import synthetic_register  # noqa: E402
from gateway.law.copies import COPY_REQUEST_PURPOSE  # noqa: E402
from gateway.model.exchange import (  # noqa: E402
    EcrisPerson,
    MessageId,
    MessageMetadata,
    MessageType,
    NameText,
    Notification,
    PersonName,
    Place,
    Request,
    RequestingAuthority,
    ml,
)
from gateway.model.partial_date import PartialDate  # noqa: E402

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def notifications(held: list[dict[str, object]], count: int) -> list[Notification]:
    """``count`` notifications from PT: even ones about a person held (by national number), odd ones new."""
    out = []
    for n in range(count):
        if n % 2 == 0:
            raw = held[n // 2 % len(held)]
            birth = raw["birth"]
            assert isinstance(birth, dict)
            forenames = raw["forenames"]
            assert isinstance(forenames, list)
            person = NotifiedPerson(surname=str(raw["surname"]), forenames=" ".join(forenames),
                                    born=date.fromisoformat(birth["date"]), birth_place=str(birth["city"]),
                                    national_number=str(raw["id"]))
        else:
            born = date(1950, 1, 1) + timedelta(days=n * 7 % 20000)
            person = NotifiedPerson(surname=f"Nouveau{n}", forenames="Luc", born=born, birth_place="Wiltz",
                                    national_number=f"{born:%Y%m%d}9{n % 10000:04d}")
        message_id = MessageId("PT", "LU", MessageType.NOTIFICATION, 1000 + n)
        out.append(notification_of(person, message_id=message_id, now=NOW, conviction_serial=1000 + n))
    return out


def copy_requests(held: list[dict[str, object]], count: int) -> list[Request]:
    """``count`` Art 12(3) requests from FR about French nationals of the register (found by national number)."""
    out = []
    for n in range(count):
        raw = held[n % len(held)]
        birth = raw["birth"]
        assert isinstance(birth, dict)
        person = EcrisPerson(name=PersonName(NameText(" ".join(raw["forenames"])),  # type: ignore[arg-type]
                                             NameText(str(raw["surname"]))),
                             birth_place=Place(town_name=ml(str(birth["city"]))),
                             birth_date=PartialDate.parse(birth["date"]), nationalities=("CO-00-250-FRA",),
                             identity_number=str(raw["id"]))
        out.append(Request(metadata=MessageMetadata(MessageId("FR", "LU", MessageType.REQUEST, 5000 + n), NOW),
                           person=person, purpose_category=COPY_REQUEST_PURPOSE, purpose=ml("Art 4(4) FD 2009/315"),
                           requesting_authority=RequestingAuthority("RAT-99-C", ml("Casier judiciaire national"))))
    return out


def flow(app: App, envelopes: list[bytes], operation: str) -> tuple[float, float]:
    """Seconds to receive ``envelopes`` (endpoint.accept, to the 202), then to process them."""
    endpoint = app.messaging.endpoint(app.engine)
    headers = {k.lower(): v for k, v in request_headers(operation).items()}
    started = time.perf_counter()
    for body in envelopes:
        assert endpoint.accept(body, headers).status == 202
    received = time.perf_counter() - started
    processor = app.messaging.processor(app.uow)
    started = time.perf_counter()
    assert processor.process_pending() == len(envelopes)
    processed = time.perf_counter() - started
    endpoint.close()
    return received, processed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    logging.getLogger("ecris").setLevel(logging.ERROR)  # the peer's fictitious offence code is flagged each time
    persons_count, count = (2000, 300) if args.quick else (10_000, 1000)
    pinning = pin_to_one_core()
    register = synthetic_register(persons_count)["persons"]
    luxembourgers = [p for p in register if "LU" in p["nationalities"]]
    messages = notifications(luxembourgers, count)
    elements = [codec.to_bytes(codec.encode(m)) for m in messages]
    envelopes = [envelope_bytes(codec.encode(m)) for m in messages]
    print(f"Inbound notifications ({pinning}); register of {persons_count:,} persons, {count:,} notifications "
          f"from PT (half about persons held, half new), {len(elements[0]):,} bytes each; SQLite WAL NORMAL")
    with tempfile.TemporaryDirectory() as folder:
        app = App(Settings(db_url=f"sqlite:///{folder}/inbound.db", now=NOW, sqlite_synchronous="NORMAL"))
        with app.uow() as uow:
            uow.persons.save_many([person_from_json(raw)[0] for raw in register])
            uow.commit()
        schemas = EcrisSchemas.load()
        raw = raw_lxml(elements, schemas)
        received, processed = flow(app, envelopes, "deliverNotification")
        french = [p for p in register if p["nationalities"] == ["FR"]]
        requests = copy_requests(french, count)
        raw_requests = raw_lxml([codec.to_bytes(codec.encode(r)) for r in requests], schemas)
        request_received, request_processed = flow(app, [envelope_bytes(codec.encode(r)) for r in requests],
                                                   "deliverRequest")
        with app.engine.connect() as connection:
            states = dict(connection.execute(text(
                "SELECT state, count(*) FROM ecris_inbox WHERE type='NotificationMessage' GROUP BY state")).all())
            answers = connection.execute(text(
                "SELECT count(*) FROM ecris_outbox WHERE type='NotificationResponseMessage'")).scalar_one()
            copies = connection.execute(text(
                "SELECT count(*) FROM ecris_outbox WHERE type='RequestResponseMessage'")).scalar_one()
            held = connection.execute(text("SELECT count(*) FROM persons")).scalar_one()
            foreign = connection.execute(text("SELECT count(*) FROM decisions WHERE origin='ecris:PT'")).scalar_one()
        app.engine.dispose()
    assert states == {"processed": count} and copies == count, (states, copies)
    assert answers == count and foreign == count and held == persons_count + count // 2, (answers, foreign, held)
    print(f"\n{'':<68}{'per s':>8}  {'x raw':>6}")
    for label, value, reference in (
        ("raw lxml parse + validate of the notification (the reference)", raw, raw),
        ("receive: accept, journal commit (202)", count / received, raw),
        ("process: match, inscribe, NotificationResponse queued", count / processed, raw),
        ("receive + process: notifications inscribed", count / (received + processed), raw),
        ("raw lxml parse + validate of an Art 12(3) request (its reference)", raw_requests, raw_requests),
        ("Art 12(3) copies: receive, identify, copy, RequestResponse queued",
         count / (request_received + request_processed), raw_requests),
    ):
        print(f"  {label:<66}{value:8,.0f}  {value / reference:6.2f}")
    print(f"checked: {count} processed, {answers} answers queued, {foreign} foreign decisions, "
          f"{held - persons_count} persons created; {copies} copies answered")


if __name__ == "__main__":
    main()
