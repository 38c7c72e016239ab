"""Art 12-1(5); Reg 2019/816 Arts 8, 9 (R-TCN-5, R-TCN-6, R-TCN-8): the register's changes keep the ECRIS-TCN
record in step by themselves — created, updated, deleted — through the queue written in the change's
transaction; an identical re-import queues nothing."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from adapters.bootstrap import App
from gateway.errors import InvalidInput, InvalidRequest
from gateway.model.tcn import TcnOperation
from gateway.ports import BiometricKind, TcnRecordState
from gateway.services.erasure import erase_due_persons
from gateway.services.tcn.prints import record_police_file
from gateway.services.tcn.sync import sweep_tcn
from tests.conftest import NOW
from tests.integration.tcn.support import DRUGS, THEFT, app_at, brazilian, import_
from tests.samples.register_documents import decision, natural_person


def _queue(app: App) -> list[tuple[str, str]]:
    with app.uow() as uow:
        return [(i.person_id, i.operation.value) for i in uow.tcn_outbox.list()]


def test_a_brazilian_nationals_conviction_creates_one_record_and_a_french_nationals_none(app: App) -> None:
    report = import_(app, brazilian(), natural_person("P-FR", nationalities=["FR"]))
    assert [(q.person_id, q.operation) for q in report.tcn_operations] == [("P-BR", TcnOperation.CREATE)]
    with app.uow() as uow:
        [kept] = uow.tcn_records.list()
        [item] = uow.tcn_outbox.list()
        journal = [e.action for e in uow.journal.entries() if e.action.startswith("tcn.")]
    assert kept.person_id == "P-BR" and kept.state is TcnRecordState.LIVE and kept.etias_flag
    assert item.document == kept.document
    assert item.document is not None and item.document["identity"]["nationalities"] == ["BR"]
    assert "spouse" not in str(item.document)  # AMB-16: only Reg Art 5 fields
    assert journal == ["tcn.create"]


def test_an_identical_reimport_queues_nothing_and_a_sweep_the_same_day_neither(app: App) -> None:
    import_(app, brazilian())
    assert import_(app, brazilian()).tcn_operations == []
    assert sweep_tcn(app.uow(), on=NOW.date(), clock=app.clock, official="clerk").queued == []
    assert _queue(app) == [("P-BR", "create")]


def test_a_dual_portuguese_and_brazilian_national_notified_to_portugal_is_not_updated_by_the_sweep(app: App) -> None:
    dual = brazilian("P-PTBR", decision("D1", penalties=[
        {"type": "fine", "amount_eur": "1500.50", "nature": "correctionnelle",
         "sursis": {"type": "probatoire", "scope": "partial", "suspended_months": None, "probation_years": 2}}]),
        nationalities=["PT", "BR"])
    report = import_(app, dual)
    assert [q.receiver for q in report.notifications] == ["PT"]  # the conviction got its ECRIS ID
    assert [q.operation for q in report.tcn_operations] == [TcnOperation.CREATE]
    assert sweep_tcn(app.uow(), on=NOW.date(), clock=app.clock, official="clerk").queued == []


def test_identity_correction_pardon_and_a_new_conviction_each_update_the_record(app: App) -> None:
    import_(app, brazilian())
    assert [q.operation for q in import_(app, brazilian(surname="Silva Santos")).tcn_operations] == [
        TcnOperation.UPDATE]
    pardoned = decision("D1", decision_date="2024-03-01", final_date="2024-04-01", offences=[DRUGS],
                        penalties=[{"type": "imprisonment", "months": 12}],
                        later_decisions=[{"type": "pardon", "date": "2026-10-01", "remarks": None}])
    assert [q.operation for q in import_(app, brazilian("P-BR", pardoned, surname="Silva Santos"))
            .tcn_operations] == [TcnOperation.UPDATE]
    assert _queue(app) == [("P-BR", "create"), ("P-BR", "update"), ("P-BR", "update")]
    with app.uow() as uow:
        [last] = uow.tcn_outbox.list()[-1:]
    assert last.document is not None and last.document["identity"]["surname"] == "Silva Santos"


def test_removing_the_flagged_conviction_keeps_the_record_without_the_flag(app: App) -> None:
    flagged = decision("D1", decision_date="2024-03-01", final_date="2024-04-01", offences=[DRUGS])
    other = decision("D2", decision_date="2024-05-01", final_date="2024-06-01", offences=[THEFT])
    import_(app, brazilian("P-BR", flagged, other))
    report = import_(app, brazilian("P-BR", other))
    assert [q.operation for q in report.tcn_operations] == [TcnOperation.UPDATE]
    with app.uow() as uow:
        [kept] = uow.tcn_records.list()
    assert kept.state is TcnRecordState.LIVE and not kept.etias_flag


def test_the_last_conviction_removed_deletes_the_record_and_a_new_one_creates_it_again(app: App) -> None:
    import_(app, brazilian())
    suspension = decision("D9", kind="suspension_of_pronouncement", penalties=[], suspension={"type": "simple"})
    assert [q.operation for q in import_(app, brazilian("P-BR", suspension)).tcn_operations] == [
        TcnOperation.DELETE]
    with app.uow() as uow:
        [kept] = uow.tcn_records.list()
        deleted = uow.tcn_outbox.list()[-1]
    assert kept.state is TcnRecordState.DELETED and kept.document is None
    assert deleted.document is None
    assert [q.operation for q in import_(app, brazilian()).tcn_operations] == [TcnOperation.CREATE]


def test_r_tcn_8_erasure_at_death_deletes_the_record_in_the_erasures_transaction(app: App) -> None:
    import_(app, brazilian(death_date="2026-11-01"))
    report = erase_due_persons(uow=app.uow(), clock=app.clock, official="clerk", on=NOW.date())
    assert [(q.person_id, q.operation) for q in report.tcn_operations] == [("P-BR", TcnOperation.DELETE)]
    assert _queue(app) == [("P-BR", "create"), ("P-BR", "delete")]


def test_the_police_files_references_go_with_the_record(app: App) -> None:
    import_(app, brazilian(), brazilian("P-KEPT", surname="Costa"))
    for person_id in ("P-BR", "P-KEPT"):
        record_police_file(app.uow(), person_id=person_id, kind=BiometricKind.FINGERPRINTS, reference=f"POL-{person_id}",
                           clock=app.clock, official="clerk")
    import_(app, brazilian(death_date="2026-11-01"))
    erase_due_persons(uow=app.uow(), clock=app.clock, official="clerk", on=NOW.date())
    with app.uow() as uow:
        files = uow.tcn_prints.of_persons(["P-BR", "P-KEPT"])
        erased = [e.subject for e in uow.journal.entries() if e.action == "tcn.police_files_erased"]
    assert list(files) == ["P-KEPT"] and erased == ["P-BR"]


def test_a_refused_import_queues_nothing(app: App) -> None:
    bad = brazilian("P-BR", decision("D1", final_date=None))
    with pytest.raises(InvalidInput):
        import_(app, bad)
    assert _queue(app) == []


def test_the_sweep_removes_an_expired_flag_the_day_after_its_window_and_not_before(app: App) -> None:
    import_(app, brazilian())  # decided 01/03/2024, drugs (annex 5): flag until 01/03/2039 inclusive
    last_day = app_at(app, datetime(2039, 3, 1, 12, tzinfo=UTC))
    assert sweep_tcn(last_day.uow(), on=last_day.clock.now().date(), clock=last_day.clock, official="s").queued == []
    day_after = app_at(app, datetime(2039, 3, 2, 12, tzinfo=UTC))
    queued = sweep_tcn(day_after.uow(), on=day_after.clock.now().date(), clock=day_after.clock, official="s").queued
    assert [(q.operation, q.etias_flag) for q in queued] == [(TcnOperation.UPDATE, False)]
    with pytest.raises(InvalidRequest):
        sweep_tcn(app.uow(), on=datetime(2039, 3, 2, tzinfo=UTC).date(), clock=app.clock, official="s")


def test_a_police_fingerprint_file_received_puts_its_reference_in_the_record(app: App) -> None:
    import_(app, brazilian())
    queued = record_police_file(app.uow(), person_id="P-BR", kind=BiometricKind.FINGERPRINTS, reference="POL-7",
                                clock=app.clock, official="clerk")
    assert [q.operation for q in queued] == [TcnOperation.UPDATE]
    with app.uow() as uow:
        document = uow.tcn_outbox.list()[-1].document
    assert document is not None and document["fingerprints"] == {
        "reference": "POL-7", "collected_on": NOW.date().isoformat()}
