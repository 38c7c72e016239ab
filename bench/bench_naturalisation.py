"""The annual naturalisation transfer (Art 14(3)) end to end, on one core.

A generated transfer of 10,000 persons (bench/synthetic_naturalisation.py: former nationals of Member States and
third countries, some with both, extracts with and without convictions, a few bad lines) in a fresh SQLite store
(WAL, synchronous=NORMAL):

    raw      the reference: each line parsed (json) and checked by the compiled validator (fastjsonschema)
    import   ``naturalisation import``'s use case: lines read and converted, persons matched or created and made
             Luxembourgish, third-country extracts inscribed, one ECRIS request queued per former Member State,
             each line's ledger row in the same transaction (20 lines per commit)
    answers  the requested States' RequestResponses (as the simulated Member State builds them) received as the
             endpoint receives them (202) and processed: 80 % complete (their convictions inscribed), 10 %
             refused (the supplied extract inscribed at once), 10 % left unanswered
    sweep    ``naturalisation_fallbacks`` the day after the deadline: the unanswered requests fall back to the
             supplied extract

Figures are persons (or answers) per second and the ratio to the raw rate measured in the same run. The aim:
the whole file well under five minutes. ``--quick`` uses 1,000 persons.

    python bench/bench_naturalisation.py [--quick]
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import tempfile
import time
from datetime import UTC, date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import text  # noqa: E402

from adapters.bootstrap import App  # noqa: E402
from adapters.naturalisation.transfer_file import read_transfer  # noqa: E402
from adapters.naturalisation.transfer_schema import _fast  # noqa: E402
from adapters.peer.behaviour import sample_conviction  # noqa: E402
from adapters.settings import Settings  # noqa: E402
from adapters.soap.envelope import envelope_bytes, request_headers  # noqa: E402
from adapters.soap.messages import MessageReader  # noqa: E402
from adapters.xml import codec  # noqa: E402
from bench.bench_codec import pin_to_one_core  # noqa: E402
from bench.synthetic_naturalisation import write_transfer  # noqa: E402
from gateway.clock import FixedClock  # noqa: E402
from gateway.model.exchange import MessageId, MessageMetadata, MessageType, Request, RequestResponse  # noqa: E402
from gateway.services.naturalisation.settlement import naturalisation_fallbacks  # noqa: E402
from gateway.services.naturalisation.transfer_import import import_transfer  # noqa: E402

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def raw_rate(data: bytes) -> float:
    check = _fast("person_row")
    lines = data.split(b"\n")[1:]
    started = time.perf_counter()
    count = 0
    for line in lines:
        if line.strip():
            count += 1
            try:
                check(json.loads(line))
            except Exception:  # the bad lines are part of the file's cost
                continue
    return count / (time.perf_counter() - started)


def answers_for(app: App) -> list[bytes]:
    """Envelopes of the requested States' answers: 8 in 10 complete, 1 refused, 1 left unanswered."""
    envelopes = []
    with app.uow() as uow:
        sent = uow.naturalisation.requests()
        for n, request in enumerate(sent):
            if n % 10 == 9:
                continue
            envelope = uow.outbox.envelope(request.message_id)
            assert envelope is not None
            message = MessageReader(max_bytes=10**7, member_state=request.country).read(envelope).message
            assert isinstance(message, Request)
            complete = n % 10 != 8
            convictions = (sample_conviction(request.country, 50_000 + n, 1),) if complete and n % 3 == 0 else ()
            metadata = MessageMetadata(MessageId(request.country, "LU", MessageType.REQUEST_RESPONSE, 9000 + n), NOW,
                                       response_to=message.metadata.message_id)
            envelopes.append(envelope_bytes(codec.encode(RequestResponse(
                metadata=metadata, person=message.person, response_type="RRT-00-00" if complete else "RRT-00-01",
                convictions=convictions))))
    return envelopes


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    logging.getLogger("ecris").setLevel(logging.ERROR)
    count = 1000 if args.quick else 10_000
    pinning = pin_to_one_core()
    with tempfile.TemporaryDirectory() as folder:
        path = write_transfer(Path(folder) / "transfer.jsonl", count)
        data = path.read_bytes()
        print(f"Naturalisation transfer ({pinning}): {count:,} persons, {len(data) / 1e6:.1f} MB JSON Lines; "
              "SQLite WAL NORMAL")
        raw = raw_rate(data)
        app = App(Settings(db_url=f"sqlite:///{folder}/nat.db", now=NOW, sqlite_synchronous="NORMAL"))
        started = time.perf_counter()
        transfer = read_transfer(data)
        summary = import_transfer(transfer.rows(), header=transfer.header, digest=transfer.digest,
                                  source=path.name, total=transfer.total, uow=app.uow, clock=app.clock,
                                  official="bench", member_state="LU")
        importing = time.perf_counter() - started
        envelopes = answers_for(app)
        endpoint = app.messaging.endpoint(app.engine)
        headers = {k.lower(): v for k, v in request_headers("deliverRequestResponse").items()}
        started = time.perf_counter()
        for body in envelopes:
            assert endpoint.accept(body, headers).status == 202
        assert app.messaging.processor(app.uow).process_pending() == len(envelopes)
        answering = time.perf_counter() - started
        endpoint.close()
        started = time.perf_counter()
        swept = naturalisation_fallbacks(app.uow(), date(2027, 1, 15), clock=FixedClock(NOW), official="bench")
        sweeping = time.perf_counter() - started
        again = import_transfer(read_transfer(data).rows(), header=transfer.header, digest=transfer.digest,
                                source=path.name, total=transfer.total, uow=app.uow, clock=app.clock,
                                official="bench", member_state="LU")
        with app.engine.connect() as connection:
            outbox = connection.execute(text("SELECT count(*) FROM ecris_outbox WHERE type = 'RequestMessage'")).scalar_one()
            awaiting = connection.execute(text(
                "SELECT count(*) FROM naturalisation_requests WHERE outcome = 'awaiting'")).scalar_one()
        app.engine.dispose()
    assert again.persons_done == 0 and again.already_done == count, again
    assert outbox == summary.requests_sent and awaiting == 0, (outbox, awaiting)
    rate = count / importing
    print(f"\n{'':<72}{'per s':>8}  {'x raw':>6}")
    for label, value in (
        ("raw: json parse + compiled schema check of each line (reference)", raw),
        ("import: read, match/create, extracts inscribed, requests queued", rate),
        ("answers: received (202) + processed, convictions or extract inscribed", len(envelopes) / answering),
    ):
        print(f"  {label:<70}{value:8,.0f}  {value / raw:6.2f}")
    print(f"whole file imported in {importing:.1f} s ({summary.persons_done:,} persons, {summary.invalid_rows} "
          f"refused lines, {summary.requests_sent:,} requests, {summary.convictions_inscribed:,} convictions "
          f"inscribed); {len(envelopes):,} answers in {answering:.1f} s; sweep {sweeping:.1f} s "
          f"({swept.fallbacks:,} fallbacks); second run: nothing done again")


if __name__ == "__main__":
    main()
