"""Art 12-1(5); Reg 2019/816 Arts 5, 8, 9, 31: the queued operations reach the central system in order per
person, each once; an unavailable central system postpones them with back-off and loses none; each delivery
is logged with the Reg Art 31 fields."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from adapters.bootstrap import App
from adapters.settings import Settings
from gateway.errors import InvalidRequest, NotFound
from gateway.model.tcn import TcnOperation
from gateway.ports import TcnCentralRefused
from gateway.services.tcn.sender import requeue_failed, retry_delay, send_pending_tcn
from tests.conftest import NOW
from tests.integration.tcn.support import RecordingCentral, app_at, brazilian, import_
from tests.samples.register_documents import decision


def _send(app: App, central: RecordingCentral) -> tuple[int, int]:
    report = send_pending_tcn(app.uow, central, clock=app.clock, official="sender", backoff_seconds=2)
    return len(report.sent), len(report.postponed)


def test_operations_are_sent_in_order_per_person_exactly_once(app: App) -> None:
    import_(app, brazilian("P-A"), brazilian("P-B", surname="Costa"))
    import_(app, brazilian("P-A", surname="Souza"))
    central = RecordingCentral()
    assert _send(app, central) == (3, 0)
    assert [(op, ref) for op, ref, _ in central.calls if ref == "P-A"] == [("create", "P-A"), ("update", "P-A")]
    update = central.calls[[c[:2] for c in central.calls].index(("update", "P-A"))][2]
    assert update is not None and update.identity.surname == "Souza" and update.etias_flag
    assert _send(app, central) == (0, 0)  # nothing sent twice
    assert len(central.calls) == 3
    with app.uow() as uow:
        assert all(i.sent_at is not None for i in uow.tcn_outbox.list())
        [kept_a, _] = uow.tcn_records.list()
    assert kept_a.last_sent_at is not None


def test_an_unavailable_central_system_postpones_with_back_off_and_loses_nothing(app: App) -> None:
    import_(app, brazilian())
    import_(app, brazilian(surname="Souza"))
    central = RecordingCentral(failures=1)
    assert _send(app, central) == (0, 1)  # the create failed: its update waits behind it
    assert central.calls == []
    with app.uow() as uow:
        first, second = uow.tcn_outbox.list()
    assert first.attempts == 1 and first.last_error == "central system unreachable"
    assert first.next_attempt_at == NOW + timedelta(seconds=2)
    assert second.attempts == 0 and second.sent_at is None
    assert _send(app, central) == (0, 0)  # not yet due
    later = app_at(app, NOW + timedelta(seconds=2))
    assert _send(later, central) == (2, 0)
    assert [c[0] for c in central.calls] == ["create", "update"]


def test_back_off_doubles_up_to_its_ceiling() -> None:
    assert [retry_delay(n, backoff_seconds=2, ceiling_seconds=10).total_seconds() for n in (1, 2, 3, 4)] == [
        2, 4, 8, 10]


def test_each_delivery_is_logged_with_the_reg_art_31_fields(app: App) -> None:
    import_(app, brazilian())
    import_(app, brazilian("P-BR", decision("D9", kind="suspension_of_pronouncement", penalties=[],
                                            suspension={"type": "simple"})))
    moment = datetime(2026, 11, 23, 9, 30, tzinfo=UTC)
    sender = app_at(app, moment)
    assert _send(sender, RecordingCentral()) == (2, 0)
    with app.uow() as uow:
        entries = [e.entry for e in uow.tcn_log.entries()]
        assert uow.tcn_log.first_broken_link() is None
    assert [(e.operation, e.reference, e.official, e.at) for e in entries if e is not None] == [
        (TcnOperation.CREATE, "P-BR", "sender", moment), (TcnOperation.DELETE, "P-BR", "sender", moment)]
    create, delete = entries
    assert create is not None and create.transmitted is not None and create.transmitted["reference"] == "P-BR"
    assert "Art 12-1(1)" in create.purpose
    assert delete is not None and delete.transmitted == {"reference": "P-BR"}


def test_two_senders_on_postgresql_never_claim_the_same_operation(postgres_url: str) -> None:
    app = App(Settings(db_url=postgres_url, official="test-clerk", now=NOW))
    try:
        import_(app, brazilian("P-A"), brazilian("P-B", surname="Costa"))
        import_(app, brazilian("P-A", surname="Souza"))
        with app.uow() as first, app.uow() as second:
            one = first.tcn_outbox.claim(NOW)
            other = second.tcn_outbox.claim(NOW)
            assert one is not None and other is not None
            assert (one.person_id, other.person_id) == ("P-A", "P-B")  # P-A's update waits behind its create
            assert second.tcn_outbox.claim(NOW, skip={other.id}) is None
    finally:
        app.engine.dispose()


class RefusingCentral(RecordingCentral):
    """Refuses the next ``refusals`` record operations with the central system's ErrorAnswer."""

    def __init__(self, refusals: int) -> None:
        super().__init__()
        self.refusals = refusals
        self.attempts = 0

    def _maybe_fail(self) -> None:
        self.attempts += 1
        if self.refusals:
            self.refusals -= 1
            raise TcnCentralRefused("create: refused by the central system (INVALID_RECORD): bad document",
                                    code="INVALID_RECORD")


def test_a_refused_operation_fails_at_once_and_holds_the_persons_later_operations(app: App) -> None:
    import_(app, brazilian("P-A"), brazilian("P-B", surname="Costa"))
    import_(app, brazilian("P-A", surname="Souza"))  # P-A's update, behind its create
    central = RefusingCentral(refusals=1)
    report = send_pending_tcn(app.uow, central, clock=app.clock, official="sender", backoff_seconds=2)
    assert [(i.person_id, i.operation) for i in report.failed] == [("P-A", TcnOperation.CREATE)]
    assert [i.person_id for i in report.sent] == ["P-B"] and report.postponed == []
    later = app_at(app, NOW + timedelta(days=30))
    assert _send(later, central) == (0, 0)  # never retried by itself, and P-A's update stays behind it
    assert central.attempts == 2
    with app.uow() as uow:
        failed, held = uow.tcn_outbox.list(person_id="P-A")
        journal = [e for e in uow.journal.entries() if e.action == "tcn.refused"]
    assert failed.failed_at == NOW and failed.attempts == 1 and "INVALID_RECORD" in (failed.last_error or "")
    assert held.sent_at is None and held.failed_at is None and held.attempts == 0
    assert [(e.subject, e.details["code"]) for e in journal] == [("P-A", "INVALID_RECORD")]


def test_a_clerk_requeues_a_refused_operation_and_the_person_is_sent_in_order(app: App) -> None:
    import_(app, brazilian("P-A"))
    import_(app, brazilian("P-A", surname="Souza"))
    central = RefusingCentral(refusals=1)
    send_pending_tcn(app.uow, central, clock=app.clock, official="sender")
    with app.uow() as uow:
        failed = uow.tcn_outbox.list(person_id="P-A")[0]
        with pytest.raises(InvalidRequest, match="pas en échec"):
            requeue_failed(uow, failed.id + 1, clock=app.clock, official="clerk-2")
        with pytest.raises(NotFound):
            requeue_failed(uow, 999, clock=app.clock, official="clerk-2")
        requeued = requeue_failed(uow, failed.id, clock=app.clock, official="clerk-2")
        uow.commit()
    assert requeued.failed_at is None and requeued.next_attempt_at == NOW
    assert _send(app, central) == (2, 0)
    assert [c[:2] for c in central.calls] == [("create", "P-A"), ("update", "P-A")]
    with app.uow() as uow:
        assert [e.official for e in uow.journal.entries() if e.action == "tcn.requeued"] == ["clerk-2"]
        with pytest.raises(InvalidRequest, match="déjà transmise"):
            requeue_failed(uow, failed.id, clock=app.clock, official="clerk-2")
