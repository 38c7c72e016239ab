"""Import a 10,000-person register file into a fresh SQLite store and report the time it takes."""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from adapters.bootstrap import App
from adapters.files.register_format import read_file
from adapters.settings import Settings
from bench.synthetic_register import synthetic_register
from gateway.services.register_import import import_persons

PERSONS = 10_000


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "register.json"
        path.write_text(json.dumps(synthetic_register(PERSONS)), encoding="utf-8")
        app = App(Settings(db_url=f"sqlite:///{folder}/bench.db"))
        app.engine  # noqa: B018  (migrations before the clock starts)
        started = time.perf_counter()
        persons, problems = read_file(path)
        assert not problems, problems[:3]
        read = time.perf_counter()
        report = import_persons(persons, uow=app.uow(), clock=app.clock, official="bench", source=path.name)
        done = time.perf_counter()
        again = import_persons(persons, uow=app.uow(), clock=app.clock, official="bench", source=path.name)
        reimport = time.perf_counter() - done
        decisions = sum(len(p.decisions) for p in persons)
        print(f"register import: {PERSONS:,} persons, {decisions:,} decisions, {path.stat().st_size / 1e6:.1f} MB")
        print(f"  read + validate (JSON Schema, dates): {read - started:6.2f} s")
        print(f"  store (SQLite, one transaction):      {done - read:6.2f} s")
        print(f"  total:                                {done - started:6.2f} s  ({PERSONS / (done - started):,.0f} persons/s)")
        print(f"  re-import of the same data (no-op):   {reimport:6.2f} s  ({len(again.events)} events)")
        assert report.persons_created == PERSONS
        app.engine.dispose()


if __name__ == "__main__":
    main()
