"""Electronic extracts issued per second, on one core.

A register of synthetic persons (bench/synthetic_register.py) in a fresh SQLite store (WAL,
synchronous=NORMAL). Each extract N°3 is issued as ``extract issue`` does it: the bulletin of the day,
the French content composed, digested and signed (Ed25519), the register of issued extracts written with
its journal entry (one commit each), then the PDF rendered with its QR code (reportlab, segno). The
figures are per second and as a ratio to the raw lxml parse+validate rate of the 9 KB benchmark
notification (``bench_messaging.raw_lxml``), measured in the same run; one extract is verified back from
its rendered page (pypdfium2 + zxing-cpp) as a check, and verification of payloads is timed too.
``--quick`` uses 1,000 persons and 100 extracts.

    python bench/bench_extracts.py [--quick]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import UTC, date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from cryptography.hazmat.primitives import serialization  # noqa: E402
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey  # noqa: E402

from adapters.bootstrap import App  # noqa: E402
from adapters.extract.pdf import render_extract_pdf  # noqa: E402
from adapters.extract.qr import read_qr_from_pdf  # noqa: E402
from adapters.extract.wiring import issue, verifier  # noqa: E402
from adapters.files.register_format import person_from_json  # noqa: E402
from adapters.settings import Settings  # noqa: E402
from adapters.xml import codec  # noqa: E402
from adapters.xml.schemas import EcrisSchemas  # noqa: E402
from bench.bench_codec import pin_to_one_core  # noqa: E402
from bench.bench_messaging import inbound_notification, raw_lxml  # noqa: E402
from bench.synthetic_register import synthetic_register  # noqa: E402

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    persons_count, count = (1000, 100) if args.quick else (10_000, 1000)
    pinning = pin_to_one_core()
    register = synthetic_register(persons_count)["persons"]
    natural = [str(p["id"]) for p in register if p.get("kind") == "natural"]
    chosen = (natural * (count // len(natural) + 1))[:count]
    key = Ed25519PrivateKey.generate().private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                                     serialization.NoEncryption()).decode()
    print(f"Extracts ({pinning}); register of {persons_count:,} persons, {count:,} extracts N°3; SQLite WAL NORMAL")
    notification = codec.to_bytes(codec.encode(inbound_notification()))
    raw = raw_lxml([notification] * 2000, EcrisSchemas.load())
    with tempfile.TemporaryDirectory() as folder:
        app = App(Settings(db_url=f"sqlite:///{folder}/extracts.db", now=NOW, sqlite_synchronous="NORMAL",
                           extract_signing_key=key, extract_verify_base_url="https://casier.example.lu"))
        with app.uow() as uow:
            uow.persons.save_many([person_from_json(raw_person)[0] for raw_person in register])
            uow.commit()
        pdfs: list[bytes] = []
        payloads: list[str] = []
        rendering = 0.0
        started = time.perf_counter()
        for person_id in chosen:
            issued = issue(app, person_id=person_id, number=3, on=date(2026, 11, 23))
            before = time.perf_counter()
            pdfs.append(render_extract_pdf(issued.content, verify_url=issued.verify_url,
                                           verify_base_url="https://casier.example.lu"))
            rendering += time.perf_counter() - before
            payloads.append(issued.verify_url.rsplit("/verify/", 1)[1])
        elapsed = time.perf_counter() - started
        verify = verifier(app)
        started = time.perf_counter()
        assert all(verify(p).authentic for p in payloads)
        verifying = time.perf_counter() - started
        sample = Path(folder) / "sample.pdf"
        sample.write_bytes(pdfs[0])
        started = time.perf_counter()
        assert verify(read_qr_from_pdf(sample).rsplit("/verify/", 1)[1]).authentic
        scan = time.perf_counter() - started
        with app.uow() as uow:
            held = len(uow.extracts.list())
        app.engine.dispose()
    assert held == count, held
    print(f"\n{'':<70}{'per s':>8}  {'x raw':>6}")
    for label, value in (
        ("raw lxml parse + validate of the 9 KB notification (the reference)", raw),
        ("extracts issued: bulletin, content, signature, register + PDF with QR", count / elapsed),
        ("of which issue without the PDF (bulletin, sign, register, commit)", count / (elapsed - rendering)),
        ("of which the PDF alone (reportlab + segno)", count / rendering),
        ("payloads verified (signature, register, revocation)", count / verifying),
    ):
        print(f"  {label:<68}{value:8,.0f}  {value / raw:6.3f}")
    print(f"checked: {held} extracts in the register, all verified; one read back from its rendered page in "
          f"{scan * 1000:.0f} ms; mean PDF {sum(map(len, pdfs)) / len(pdfs) / 1024:.1f} KB")


if __name__ == "__main__":
    main()
