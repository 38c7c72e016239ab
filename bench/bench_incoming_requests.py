"""Art 15 requests answered, on one core: receive → identify → bulletin → RequestResponse built, validated and
queued in the outbox.

A register of 100,000 synthetic persons (bench/synthetic_register.py) in a fresh SQLite store (WAL,
synchronous=NORMAL), its set-up timed apart; then a mix of requests from simulated Member States (FR, DE, BE,
PT, IT; the person as ``peer-request`` describes one):

    criminal proceedings about a Luxembourger held      → N°1 content (RRT-00-00)
    employment with minors, consent given               → N°5 content (RRT-00-00)
    employment with minors, consent refused             → a denial with its reason (RRT-00-01)
    a Luxembourger the register does not hold           → an answer without convictions (RRT-00-00, néant)
    a third-country national never convicted here       → not in scope (RRT-00-02)

A quarter of the requests about persons held give no national number: they are identified by names, birth
date and place (persons the register tells apart with certainty). Each request is received as the endpoint
receives it (parse, SOAP checks, schema, durable journal commit before the 202), then processed as the inbox
processor does (decode, identify, route, bulletin, answer built and validated, outbox, journal, inbox marked:
each message in a savepoint of its own, messages waiting together sharing a commit, as in production).

    receive           endpoint.accept, to the journal commit (the 202)
    process           the inbox processor, to the commit holding the answer
    receive + process the whole flow, per request

Each figure is per second and as a ratio to the raw lxml parse+validate rate of the same requests, measured in
the same round. Several rounds (fresh message IDs, same register): the best round, and the median of the rounds
(rate and ratio). ``--quick`` uses 2,000
persons, 250 requests and two rounds.

    python bench/bench_incoming_requests.py [--quick] [--rounds N]
"""

from __future__ import annotations

import argparse
import logging
import statistics
import sys
import tempfile
import time
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import select, text  # noqa: E402

from adapters.bootstrap import App  # noqa: E402
from adapters.db.tables import journal  # noqa: E402
from adapters.files.register_format import person_from_json  # noqa: E402
from adapters.peer.notifications import NotifiedPerson, ecris_person_of  # noqa: E402
from adapters.settings import Settings  # noqa: E402
from adapters.soap.envelope import envelope_bytes, request_headers  # noqa: E402
from adapters.xml import codec  # noqa: E402
from adapters.xml.schemas import EcrisSchemas  # noqa: E402
from bench.bench_codec import pin_to_one_core  # noqa: E402
from bench.bench_messaging import raw_lxml  # noqa: E402
from bench.synthetic_register import synthetic_register  # noqa: E402
from gateway.law.identification import Outcome, identify  # noqa: E402
from gateway.law.request_purposes import purpose_named  # noqa: E402
from gateway.model.exchange import (  # noqa: E402
    MessageId,
    MessageMetadata,
    MessageType,
    Request,
    RequestingAuthority,
    YesNoUnknown,
    ml,
)
from gateway.model.person import NaturalPerson, Person  # noqa: E402
from gateway.services.incoming_notification import identity_claim_of  # noqa: E402

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
STATES = ("FR", "DE", "BE", "PT", "IT")

KINDS = (
    # (share out of 20, what is asked, the response type expected)
    (8, "criminal_proceedings", "RRT-00-00"),
    (4, "minors_with_consent", "RRT-00-00"),
    (3, "minors_without_consent", "RRT-00-01"),
    (3, "luxembourger_not_held", "RRT-00-00"),
    (2, "not_in_scope", "RRT-00-02"),
)
MIX = [kind for share, kind, _ in KINDS for _ in range(share)]
EXPECTED = {kind: response for _, kind, response in KINDS}


def described(raw: dict[str, Any], *, with_number: bool) -> NotifiedPerson:
    """A register person as a requesting State describes them."""
    birth = raw["birth"]
    return NotifiedPerson(surname=raw["surname"], forenames=" ".join(raw["forenames"]),
                          born=date.fromisoformat(birth["date"]), birth_place=birth["city"],
                          national_number=raw["id"] if with_number else None)


def told_apart(register: list[dict[str, Any]], persons: list[Person]) -> set[str]:
    """The Luxembourgers held whom names, birth date and place alone identify with certainty (the gateway's
    rule, over everyone born the same day)."""
    born: dict[object, list[Person]] = {}
    for person in persons:
        if isinstance(person, NaturalPerson):
            born.setdefault(person.birth.date, []).append(person)
    out = set()
    for raw, person in zip(register, persons, strict=True):
        if raw["nationalities"] != ["LU"] or not isinstance(person, NaturalPerson):
            continue
        claim = identity_claim_of(ecris_person_of(described(raw, with_number=False)))
        if identify(claim, born[person.birth.date]).outcome is Outcome.IDENTIFIED:
            out.add(person.id)
    return out


def request_mix(register: list[dict[str, Any]], by_names: set[str], count: int, first_serial: int) -> tuple[
        list[Request], Counter[str]]:
    """``count`` requests in the mix above; the expected response type of each, counted."""
    held = [p for p in register if p["nationalities"] == ["LU"]]
    named = [p for p in held if p["id"] in by_names]
    requests, expected = [], Counter[str]()
    for n in range(count):
        kind = MIX[n % len(MIX)]
        serial = first_serial + n
        consent = YesNoUnknown.UNKNOWN
        if kind == "luxembourger_not_held":
            born = date(1950, 1, 1) + timedelta(days=serial * 7 % 20000)
            person = NotifiedPerson(surname=f"Absent{serial}", forenames="Luc", born=born, birth_place="Wiltz",
                                    national_number=f"{born:%Y%m%d}8{serial % 10000:04d}")
        elif kind == "not_in_scope":
            born = date(1960, 1, 1) + timedelta(days=serial * 11 % 15000)
            person = NotifiedPerson(surname=f"Tiers{serial}", forenames="Omar", born=born, birth_place="Rabat",
                                    birth_country="MA", nationalities=("MA",))
        elif n % 4 == 3 and named:
            person = described(named[serial % len(named)], with_number=False)
        else:
            person = described(held[serial * 7 % len(held)], with_number=True)
        purpose = "criminal_proceedings"
        if kind.startswith("minors"):
            purpose = "employment_contact_with_minors"
            consent = YesNoUnknown.YES if kind == "minors_with_consent" else YesNoUnknown.NO
        row = purpose_named(purpose)
        sender = STATES[n % len(STATES)]
        requests.append(Request(
            metadata=MessageMetadata(MessageId(sender, "LU", MessageType.REQUEST, serial), NOW),
            person=ecris_person_of(person), purpose_category=row.code, purpose=ml(f"{row.key} (simulated)", "en"),
            requesting_authority=RequestingAuthority("RAT-99-A", ml("Simulated requesting authority", "en")),
            consent=consent))
        expected[EXPECTED[kind]] += 1
    return requests, expected


def one_round(app: App, schemas: EcrisSchemas, requests: list[Request]) -> dict[str, float]:
    """Rates of one round: raw lxml of these requests, receive, process, both."""
    elements = [codec.to_bytes(codec.encode(r)) for r in requests]
    envelopes = [envelope_bytes(codec.encode(r)) for r in requests]
    raw = raw_lxml(elements, schemas)
    endpoint = app.messaging.endpoint(app.engine)
    headers = {k.lower(): v for k, v in request_headers("deliverRequest").items()}
    started = time.perf_counter()
    for body in envelopes:
        assert endpoint.accept(body, headers).status == 202
    received = time.perf_counter() - started
    endpoint.close()
    processor = app.messaging.processor(app.uow)
    started = time.perf_counter()
    assert processor.process_pending() == len(requests)
    processed = time.perf_counter() - started
    count = len(requests)
    return {"raw": raw, "receive": count / received, "process": count / processed,
            "both": count / (received + processed)}


def answers_by_type(app: App) -> Counter[str]:
    with app.engine.connect() as connection:
        rows = connection.execute(select(journal.c.details).where(journal.c.action == "ecris.request_answered"))
        return Counter(details["response_type"] for details in rows.scalars())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="a small register and few requests (a smoke run)")
    parser.add_argument("--rounds", type=int, default=None, help="rounds of requests (default 3; 2 with --quick)")
    args = parser.parse_args()
    persons_count, count = (2_000, 250) if args.quick else (100_000, 2_000)
    rounds = args.rounds or (2 if args.quick else 3)
    logging.getLogger("ecris").setLevel(logging.ERROR)
    pinning = pin_to_one_core()
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        register = synthetic_register(persons_count)["persons"]
        persons = [person_from_json(raw)[0] for raw in register]
        app = App(Settings(db_url=f"sqlite:///{folder}/requests.db", now=NOW, sqlite_synchronous="NORMAL"))
        with app.uow() as uow:
            uow.persons.save_many(persons)
            uow.commit()
        set_up = time.perf_counter() - started
        by_names = told_apart(register, persons)
        schemas = EcrisSchemas.load()
        mixes = [request_mix(register, by_names, count, 10_000 + r * count) for r in range(rounds)]
        size = len(codec.to_bytes(codec.encode(mixes[0][0][0])))
        print(f"Art 15 requests answered ({pinning}); register of {persons_count:,} persons in SQLite (WAL, "
              f"synchronous=NORMAL), set up in {set_up:.1f} s (generated, read, stored: "
              f"{persons_count / set_up:,.0f} persons/s, not in the figures below)")
        print(f"{count:,} requests a round, {rounds} rounds, about {size:,} bytes each, from "
              f"{', '.join(STATES)}: " + ", ".join(f"{share * 5}% {kind.replace('_', ' ')}" for share, kind, _ in KINDS))
        results = [one_round(app, schemas, requests) for requests, _ in mixes]
        answered = answers_by_type(app)
        with app.engine.connect() as connection:
            states = dict(connection.execute(text(
                "SELECT state, count(*) FROM ecris_inbox WHERE type = 'RequestMessage' GROUP BY state")).all())
            outbox = connection.execute(text(
                "SELECT count(*) FROM ecris_outbox WHERE type = 'RequestResponseMessage'")).scalar_one()
        app.engine.dispose()
    expected = sum((e for _, e in mixes), Counter[str]())
    assert states == {"processed": count * rounds}, states
    assert answered == expected and outbox == count * rounds, (answered, expected, outbox)
    print(f"\n{'':<62}{'best/s':>8}  {'x raw':>6}  {'median/s':>8}  {'x raw':>6}")
    for key, label in (
        ("raw", "raw lxml parse + validate of the request (the reference)"),
        ("receive", "receive: accept, journal commit (202)"),
        ("process", "process: identify, bulletin, answer validated, outbox"),
        ("both", "receive + process: requests answered"),
    ):
        best = max(results, key=lambda r: r[key])  # the best round, with the raw rate of that round
        values = [r[key] for r in results]
        ratios = [r[key] / r["raw"] for r in results]
        print(f"  {label:<60}{best[key]:8,.0f}  {best[key] / best['raw']:6.3f}  {statistics.median(values):8,.0f}  "
              f"{statistics.median(ratios):6.3f}")
    print("checked: " + ", ".join(f"{n} {code}" for code, n in sorted(answered.items()))
          + f"; {outbox} answers queued, every request processed")


if __name__ == "__main__":
    main()
