"""ECRIS-TCN flows (issue 10) on one core, each per second and as a ratio to the raw lxml parse+validate
rate of the same documents against the project's TCN XSD (schemas/ecris-tcn/tcn-v1.xsd), measured in the
same run:

    import      a register import of 10,000 synthetic persons, about 15 % third-country nationals or
                assimilated (stateless), with the ECRIS-TCN reconciliation (records built, compared with the
                ledger, create operations queued in ``tcn_outbox``) and without it (``reconcile_tcn``
                replaced by nothing, in this process only): the difference is the cost of keeping in step
    deliver     ``send_pending_tcn`` delivering every queued create to a running simulated central system
                (``ecris-gateway tcn-central``, its own process on 127.0.0.1, SQLite) over HTTP, one
                transaction and one POST per operation, each logged (Reg Art 31)
    query       ``states_to_ask_about`` for the third-country nationals of the register: the query built,
                POSTed, answered by the central system, logged, one commit per query
    biometrics  police files (20 KB each) encrypted (AES-256-GCM) and stored, a commit each; the reply
                recorded; then the purge three months later (content erased, each erasure logged)

The central system runs in another process, free to use any core (the bench itself is pinned to one): the
HTTP figures are for two processes on this machine. The synthetic register's surnames are made distinct, as a
real register's are (the simulated central system compares every namesake of a query). ``--quick``: 2,000 persons.

    python bench/bench_tcn.py [--quick]
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from lxml import etree  # noqa: E402

from adapters.bootstrap import App  # noqa: E402
from adapters.files.register_format import read_document  # noqa: E402
from adapters.settings import Settings  # noqa: E402
from adapters.tcn import codec as tcn_codec  # noqa: E402
from adapters.tcn.biometric_cipher import new_key  # noqa: E402
from adapters.tcn.client import HttpTcnCentralSystem  # noqa: E402
from adapters.tcn.schema import SCHEMA_FILE  # noqa: E402
from bench.bench_codec import pin_to_one_core  # noqa: E402
from bench.synthetic_register import synthetic_register  # noqa: E402
from gateway.model.person import NaturalPerson  # noqa: E402
from gateway.model.tcn import TcnQuery  # noqa: E402
from gateway.ports import BiometricKind  # noqa: E402
from gateway.services import register_import  # noqa: E402
from gateway.services.register_import import import_persons  # noqa: E402
from gateway.services.tcn.biometrics import purge_biometric_files, receive_biometric_file, record_reply  # noqa: E402
from gateway.services.tcn.document import record_of_document  # noqa: E402
from gateway.services.tcn.queries import states_to_ask_about  # noqa: E402
from gateway.services.tcn.record import tcn_identity_of  # noqa: E402
from gateway.services.tcn.sender import send_pending_tcn  # noqa: E402
from gateway.services.tcn.sync import TcnReconciliation  # noqa: E402

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
NATIONALITIES = ["LU"] * 8 + ["FR", "FR", "PT", "PT", "PT", "BE", "DE", "IT", "MA", "BR", "STATELESS", "ES"]
"""About 15 % third-country nationals or assimilated (MA, BR, stateless): Luxembourg's resident population
counts some 47 % foreigners, about a sixth of them from third countries; convicted persons are more often
foreign. An assumption for the benchmark, not a statistic."""
FILE_BYTES = 20 * 1024


def raw_lxml_tcn(documents: list[bytes]) -> float:
    """Documents per second: lxml parse + validation against the TCN XSD, nothing else (the reference)."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    schema = etree.XMLSchema(etree.parse(str(SCHEMA_FILE)))
    started = time.perf_counter()
    for data in documents:
        assert schema.validate(etree.fromstring(data, parser))
    return len(documents) / (time.perf_counter() - started)


def _letters(number: int) -> str:
    out = ""
    while True:
        number, digit = divmod(number, 26)
        out += "abcdefghijklmnopqrstuvwxyz"[digit]
        if not number:
            return out


def register_document(count: int) -> dict[str, Any]:
    """The synthetic register with this benchmark's nationalities, and surnames made distinct (the synthetic
    register draws ten surnames only; a central system matching by name would compare every namesake)."""
    import bench.synthetic_register as synthetic

    saved = synthetic.NATIONALITIES
    synthetic.NATIONALITIES = NATIONALITIES
    try:
        document = synthetic_register(count)
    finally:
        synthetic.NATIONALITIES = saved
    for index, person in enumerate(document["persons"]):
        person["surname"] = f"{person['surname']}{_letters(index)}"
    return document


def import_seconds(app: App, document: dict[str, Any], *, with_tcn: bool) -> float:
    """Seconds to read and import ``document`` into ``app``'s empty store; ``with_tcn`` False replaces the
    import's ECRIS-TCN reconciliation by nothing (this process only)."""
    module = vars(register_import)
    saved = module["reconcile_tcn"]
    if not with_tcn:
        module["reconcile_tcn"] = lambda *args, **kwargs: TcnReconciliation()
    try:
        started = time.perf_counter()
        persons, problems = read_document(document)
        assert not problems, problems[:3]
        import_persons(persons, uow=app.uow(), clock=app.clock, official="bench", source="bench",
                       rates=app.euro_rates)
        return time.perf_counter() - started
    finally:
        module["reconcile_tcn"] = saved


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def central_system(folder: str) -> Iterator[str]:
    port = free_port()
    url = f"http://127.0.0.1:{port}/tcn"
    env = {k: v for k, v in os.environ.items() if not k.startswith("ECRIS_GATEWAY_")}
    env["PYTHONPATH"] = str(ROOT)
    with open(f"{folder}/central.log", "w") as log:
        process = subprocess.Popen([sys.executable, "-m", "adapters.cli", "tcn-central", "--port", str(port),
                                    "--db", f"sqlite:///{folder}/central.db", "--log-level", "warning"],
                                   cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    with suppress(AttributeError, OSError):  # the central system is not the gateway: free to use another core
        os.sched_setaffinity(process.pid, set(range(os.cpu_count() or 1)))
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(url, timeout=2):
                    break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    sys.exit(f"bench: tcn-central did not start; see {folder}/central.log")
                time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=15)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    count = 2000 if args.quick else 10_000
    pinning = pin_to_one_core()
    document = register_document(count)
    with tempfile.TemporaryDirectory() as folder:
        def store(name: str) -> App:
            made = App(Settings(db_url=f"sqlite:///{folder}/{name}.db", now=NOW, sqlite_synchronous="NORMAL",
                                tcn_biometrics_key=new_key()))
            made.engine  # noqa: B018  (migrations before the clock starts)
            return made

        import_seconds(store("warm-up"), register_document(200), with_tcn=True)  # schemas compiled, caches warm
        rounds = 1 if args.quick else 2
        without = min(import_seconds(store(f"plain-{n}"), document, with_tcn=False) for n in range(rounds))
        with_tcn = float("inf")
        for n in range(rounds):
            candidate = store(f"tcn-{n}")
            seconds = import_seconds(candidate, document, with_tcn=True)
            if seconds < with_tcn:
                with_tcn, app = seconds, candidate
        with app.uow() as uow:
            queued = uow.tcn_outbox.list(pending_only=True)
        records = [record_of_document(i.document) for i in queued if i.document is not None]
        creates = [tcn_codec.encode_record(r, operation="create") for r in records]
        raw_creates = raw_lxml_tcn(creates)

        with central_system(folder) as url:
            central = HttpTcnCentralSystem(url, timeout_seconds=30)
            started = time.perf_counter()
            report = send_pending_tcn(app.uow, central, clock=app.clock, official="bench")
            deliver = time.perf_counter() - started
            assert len(report.sent) == len(queued) and not report.postponed and not report.failed

            with app.uow() as uow:
                people = [p for p in (uow.persons.get(i.person_id) for i in queued) if isinstance(p, NaturalPerson)]
            queries = [tcn_codec.encode_query(TcnQuery(tcn_identity_of(p), purpose="criminal_proceedings",
                                                       official="bench")) for p in people]
            raw_queries = raw_lxml_tcn(queries)
            others = 0
            started = time.perf_counter()
            for person in people:
                with app.uow() as uow:
                    others += len(states_to_ask_about(person, "criminal_proceedings", "bench", central, uow.tcn_log,
                                                      clock=app.clock))
                    uow.commit()
            query = time.perf_counter() - started

        files = min(len(people), 1000 if args.quick else 3000)
        content = os.urandom(FILE_BYTES)
        started = time.perf_counter()
        for n, person in enumerate(people[:files]):
            with app.uow() as uow:
                receive_biometric_file(uow.tcn_biometrics, person_id=person.id, kind=BiometricKind.FINGERPRINTS,
                                       content=content, request_id=f"LU-FR-REQ-{n:015d}", at=app.clock.now())
                uow.commit()
        stored = time.perf_counter() - started
        with app.uow() as uow:
            for n in range(files):
                record_reply(uow.tcn_biometrics, request_id=f"LU-FR-REQ-{n:015d}", replied_on=date(2026, 11, 23))
            uow.commit()
        started = time.perf_counter()
        with app.uow() as uow:
            erased = purge_biometric_files(uow, date(2027, 2, 23), uow.tcn_log, at=app.clock.now(), official="bench")
        purged = time.perf_counter() - started
        assert len(erased) == files
        with app.uow() as uow:
            assert uow.tcn_log.first_broken_link() is None
        app.engine.dispose()
    share = len(queued) / count
    if with_tcn <= without:
        print("note: the import with TCN reconciliation was not slower than without it in this run (noise)")
    print(f"ECRIS-TCN ({pinning}; the central system in its own process); register of {count:,} persons, "
          f"{len(queued):,} records required ({share:.0%}); SQLite WAL NORMAL")
    print(f"\n{'':<78}{'per s':>9}  {'x raw':>7}")
    rows: list[tuple[str, float, float | None]] = [
        ("raw lxml parse + validate of the CreateRecord documents, TCN XSD (reference)", raw_creates, raw_creates),
        (f"import without TCN reconciliation ({without:.2f} s), persons", count / without, None),
        (f"import with TCN reconciliation ({with_tcn:.2f} s), persons", count / with_tcn, None),
        ("  records kept in step (created and queued) during that import", len(queued) / with_tcn, raw_creates),
        *([("  TCN's own share: records per second of the extra import time",
            len(queued) / (with_tcn - without), raw_creates)] if with_tcn > without else []),
        ("operations delivered to tcn-central over HTTP (claim, POST, mark, log)", len(queued) / deliver, raw_creates),
        ("raw lxml parse + validate of the IdentityQuery documents (reference)", raw_queries, raw_queries),
        ("queries answered (built, POSTed, answered, logged, a commit each)", len(people) / query, raw_queries),
        (f"biometric files ({FILE_BYTES // 1024} KB) encrypted and stored, a commit each", files / stored, None),
        ("biometric files purged (content erased, each erasure logged)", files / purged, None),
    ]
    for label, value, reference in rows:
        ratio = "      —" if reference is None else f"{value / reference:7.3f}"
        print(f"  {label:<76}{value:9,.0f}  {ratio}")
    print(f"checked: {len(report.sent):,} operations acknowledged; {len(people):,} queries, each a hit on "
          f"Luxembourg's own record only ({others} other States); {len(erased):,} files erased; the log's chain "
          "intact")


if __name__ == "__main__":
    main()
