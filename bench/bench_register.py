"""Register import on one core: 10,000 persons into a fresh SQLite store, then the identical re-import.

    raw lxml parse + validate                     the project's common reference: the 9 KB ECRIS notification
    raw json.loads + compiled schema validation    the limit of a JSON import (JSON's "raw lxml")
    import                                        read, validate, real dates, checks, convert, store
    identical re-import                           the same file again: parse, fingerprint each person, find
                                                  it unchanged in the register, no events
    jsonschema validation (the obvious way)       what validation cost before (issue 7 point 14)

Every figure is persons per second, the best of a few rounds, with its ratio to the raw JSON rate and
to the raw lxml parse+validate rate (messages per second) of the same run. ``--quick`` imports 2,000 persons.

    python bench/bench_register.py [--quick]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import jsonschema  # noqa: E402

from adapters.bootstrap import App  # noqa: E402
from adapters.files.register_format import read_file  # noqa: E402
from adapters.files.register_import import import_register_file  # noqa: E402
from adapters.files.register_schema import compile_fast, published_schema  # noqa: E402
from adapters.settings import Settings  # noqa: E402
from adapters.xml import codec  # noqa: E402
from adapters.xml.schemas import EcrisSchemas  # noqa: E402
from bench.bench_codec import pin_to_one_core  # noqa: E402
from bench.bench_messaging import inbound_notification, raw_lxml  # noqa: E402
from bench.synthetic_register import synthetic_register  # noqa: E402
from gateway.services.register_import import ImportReport  # noqa: E402


def best_seconds(work: Callable[[int], object], rounds: int) -> float:
    best = float("inf")
    for round_number in range(rounds):
        started = time.perf_counter()
        work(round_number)
        best = min(best, time.perf_counter() - started)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    count, rounds = (2_000, 2) if args.quick else (10_000, 3)
    pinned = pin_to_one_core()

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "register.json"
        path.write_text(json.dumps(synthetic_register(count)), encoding="utf-8")
        size = path.stat().st_size
        whole_file = compile_fast(published_schema())
        raw = best_seconds(lambda _: whole_file(json.loads(path.read_text(encoding="utf-8"))), rounds)

        apps = [App(Settings(db_url=f"sqlite:///{folder}/bench-{n}.db")) for n in range(rounds)]
        for app in apps:
            app.engine  # noqa: B018  (migrations before the clock starts)
        reports: list[ImportReport] = []

        def import_file(round_number: int) -> None:
            app = apps[round_number]
            imported = import_register_file(path, uow=app.uow, clock=app.clock, official="bench", rates=app.euro_rates)
            reports.append(imported.report)

        imported = best_seconds(import_file, rounds)
        assert all(r.persons_created == count for r in reports)
        reports.clear()
        reimported = best_seconds(import_file, rounds)
        assert all(not r.events and r.persons_unchanged == count for r in reports)
        read = best_seconds(lambda _: read_file(path), rounds)

        sample = json.loads(path.read_text(encoding="utf-8"))
        sample["persons"] = sample["persons"][: count // 10]
        obvious = jsonschema.Draft202012Validator(
            published_schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
        )
        obvious_rate = len(sample["persons"]) / best_seconds(lambda _: list(obvious.iter_errors(sample)), 1)
        for app in apps:
            app.engine.dispose()

    decisions = sum(len(p["decisions"]) for p in synthetic_register(count)["persons"])
    raw_rate = count / raw
    lxml_rate = raw_lxml([codec.to_bytes(codec.encode(inbound_notification()))] * 3000, EcrisSchemas.load())

    def line(label: str, seconds: float) -> str:
        rate = count / seconds
        return (
            f"  {label:<46}{seconds:6.2f} s  {rate:9,.0f} persons/s  ({rate / raw_rate:.2f} x raw,"
            f" {rate / lxml_rate:.2f} x lxml)"
        )

    print(f"register import: {count:,} persons, {decisions:,} decisions, {size / 1e6:.1f} MB, SQLite, {pinned}")
    print(f"  {'raw lxml parse + validate (9 KB notification):':<46}{'':8}{lxml_rate:9,.0f} messages/s")
    print(f"  {'raw json.loads + compiled schema validation:':<46}{raw:6.2f} s  {raw_rate:9,.0f} persons/s")
    print(line("import (read, check, convert, store):", imported))
    print(line("  of which reading and validating the file:", read))
    print(line("identical re-import (no events):", reimported))
    print(
        f"  {'jsonschema validation (the obvious way):':<46}{count / obvious_rate:6.2f} s  {obvious_rate:9,.0f}"
        f" persons/s  ({obvious_rate / raw_rate:.2f} x raw, {obvious_rate / lxml_rate:.2f} x lxml)"
    )


if __name__ == "__main__":
    main()
