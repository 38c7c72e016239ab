"""Art 12-1(5); Reg 2019/816 Art 31 (R-TCN-7): the ECRIS-TCN processing log is append-only and tamper-evident —
an altered or deleted entry breaks the chain — and its purge after three years leaves a checkpoint that keeps
the chain verifiable."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta

from click.testing import CliRunner
from sqlalchemy import delete, update

from adapters.bootstrap import App
from adapters.cli import main
from adapters.db.tcn import tcn_log
from gateway.law.tcn.log_retention import log_kept_from
from gateway.model.tcn import TcnLogEntry, TcnOperation
from gateway.services.tcn.log import purge_expired_tcn_log, purge_tcn_log

START = datetime(2023, 1, 2, 8, tzinfo=UTC)


def _fill(app: App, count: int = 5) -> None:
    with app.uow() as uow:
        for n in range(count):
            uow.tcn_log.append(TcnLogEntry(
                operation=TcnOperation.UPDATE, at=START + timedelta(days=200 * n), official="clerk",
                purpose="record kept in step", reference=f"P-{n}", transmitted={"reference": f"P-{n}"},
                outcome="done",
            ))
        uow.commit()


def _broken(app: App) -> int | None:
    with app.uow() as uow:
        return uow.tcn_log.first_broken_link()


def _ids(app: App) -> list[int]:
    with app.uow() as uow:
        return [e.id for e in uow.tcn_log.entries()]


def _verify(app: App) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["tcn", "log", "verify", "--db", app.settings.db_url])
    return result.exit_code, result.output


def test_an_intact_log_verifies(app: App) -> None:
    _fill(app)
    assert _broken(app) is None
    assert _verify(app)[0] == 0


def test_altering_one_entry_in_the_database_breaks_verification_there(app: App) -> None:
    _fill(app)
    third = _ids(app)[2]
    with app.engine.begin() as connection:
        connection.execute(update(tcn_log).where(tcn_log.c.id == third).values(reference="P-FORGED"))
    assert _broken(app) == third
    code, output = _verify(app)
    assert code == 1 and f"entry {third}" in output


def test_deleting_a_middle_entry_breaks_verification(app: App) -> None:
    _fill(app)
    ids = _ids(app)
    with app.engine.begin() as connection:
        connection.execute(delete(tcn_log).where(tcn_log.c.id == ids[2]))
    assert _broken(app) == ids[3]
    assert _verify(app)[0] == 1


def test_a_purge_leaves_a_checkpoint_and_the_chain_still_verifies(app: App) -> None:
    _fill(app)
    ids = _ids(app)
    assert purge_tcn_log(app.uow(), before=START + timedelta(days=450)) == 3
    with app.uow() as uow:
        entries = uow.tcn_log.entries()
    assert [e.id for e in entries] == ids[2:]
    assert entries[0].entry is None and entries[0].purged == 3
    assert _broken(app) is None
    assert purge_tcn_log(app.uow(), before=START + timedelta(days=650)) == 1  # a second purge adds up
    with app.uow() as uow:
        checkpoint = uow.tcn_log.entries()[0]
    assert checkpoint.purged == 4
    assert _broken(app) is None
    with app.uow() as uow:  # the log goes on after a purge
        uow.tcn_log.append(TcnLogEntry(operation=TcnOperation.DELETE, at=START + timedelta(days=1000),
                                       official="clerk", purpose="erased", reference="P-9"))
        uow.commit()
    assert _verify(app)[0] == 0


def test_altering_the_entry_after_a_checkpoint_still_breaks_verification(app: App) -> None:
    _fill(app)
    purge_tcn_log(app.uow(), before=START + timedelta(days=450))
    first_kept = _ids(app)[1]
    with app.engine.begin() as connection:
        connection.execute(update(tcn_log).where(tcn_log.c.id == first_kept).values(outcome="forged"))
    assert _broken(app) == first_kept


def test_reg_art_31_entries_older_than_three_years_are_purged_and_the_purge_logged(app: App) -> None:
    assert log_kept_from(date(2026, 11, 23)) == date(2023, 11, 23)
    assert log_kept_from(date(2027, 2, 28)) == date(2024, 2, 28)
    _fill(app)  # 2023-01-02, 2023-07-21, 2024-02-06, 2024-08-24, 2025-03-12
    # On 06/02/2027 the entry of 06/02/2024 is not yet three years old; the next day it is.
    assert purge_expired_tcn_log(app.uow(), on=date(2027, 2, 6), clock=app.clock, official="clerk") == 2
    assert purge_expired_tcn_log(app.uow(), on=date(2027, 2, 7), clock=app.clock, official="clerk") == 1
    with app.uow() as uow:
        entries = uow.tcn_log.entries()
    last = entries[-1].entry
    assert last is not None and last.operation is TcnOperation.PURGE
    assert _broken(app) is None
    listed = CliRunner().invoke(main, ["tcn", "log", "list", "--json", "--db", app.settings.db_url])
    assert listed.exit_code == 0
    rows = json.loads(listed.output)
    assert rows[0] == {"id": rows[0]["id"], "checkpoint": True, "purged": 3}
    assert [r["operation"] for r in rows[1:]] == ["update", "update", "purge", "purge"]
