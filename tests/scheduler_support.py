"""A store with work due for the scheduler's tests: a person dead before T1, a person 100 years old between T1
and T2, a police biometric file whose erase date falls between T1 and T2, an ETIAS flag whose window closes
between T1 and T2, an own-record request forwarded to France due two working days after T1, and a request
received from Germany due the day after T2."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import select

from adapters.bootstrap import App
from adapters.db.scheduler_tables import request_flags
from adapters.db.tables import journal
from adapters.tcn.biometric_cipher import new_key
from gateway.model.tcn import TcnOperation
from gateway.ports import (
    BiometricKind,
    IncomingRequest,
    IncomingRequestState,
    OutgoingRequest,
)
from gateway.services.tcn.biometrics import PURGE_PURPOSE, receive_biometric_file, record_reply
from tests.integration.tcn.support import DRUGS, brazilian, import_
from tests.samples.register_documents import decision, natural_person

T1 = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)  # Monday 23/11/2026, 10:00 in Luxembourg
T2 = datetime(2026, 12, 2, 9, 0, tzinfo=UTC)  # Wednesday 02/12/2026
OWN_RECORD = "LU-FR-REQ-000000000000001"
RECEIVED = "DE-LU-REQ-000000000000001"
KEY = new_key()


def keyed(app: App, instant: datetime = T1) -> App:
    """An app on ``app``'s store with the biometric key, its clock at ``instant``."""
    moved = App(replace(app.settings, tcn_biometrics_key=KEY, now=instant, official="scheduler"))
    if "engine" in app.__dict__:
        moved.__dict__["engine"] = app.engine
    return moved


def seed_due_work(app: App) -> None:
    import_(
        app,
        brazilian("P-DEAD", death_date="2026-11-20"),
        natural_person("P-OLD", birth={"date": "1926-12-01", "city": "Luxembourg", "country": "LU"}),
        # decided 29/11/2011, drugs (annex 5): flagged until 29/11/2026 inclusive, removed on the 30th
        brazilian("P-ETIAS", decision("D1", decision_date="2011-11-29", final_date="2012-01-10",
                                      offences=[{**DRUGS, "date": "2011-06-01"}],
                                      penalties=[{"type": "imprisonment", "months": 12}])),
    )
    with app.uow() as uow:
        receive_biometric_file(uow.tcn_biometrics, person_id="P-ETIAS", kind=BiometricKind.FINGERPRINTS,
                               content=b"NIST fingerprints", request_id="LU-IT-RQ-000000000000001",
                               at=datetime(2026, 8, 20, tzinfo=UTC))
        record_reply(uow.tcn_biometrics, request_id="LU-IT-RQ-000000000000001", replied_on=date(2026, 8, 28))
        uow.outgoing_requests.record(OutgoingRequest(
            message_id=OWN_RECORD, to="FR", person_id="P-OLD", purpose_key="own_record", purpose_code="CPO",
            authority="Casier judiciaire", consent="Y", urgent=False, own_record=True, bulletin_number=3,
            sent_at=datetime(2026, 10, 26, 9, 0, tzinfo=UTC), expected_by=date(2026, 11, 25)))
        uow.incoming_requests.add(IncomingRequest(
            message_id=RECEIVED, sender="DE", purpose_code="CPO", purpose_key=None, urgent=False,
            received_at=datetime(2026, 11, 19, 9, 0, tzinfo=UTC), received_on=date(2026, 11, 19),
            clock_started_on=date(2026, 11, 19), due_on=date(2026, 12, 3), state=IncomingRequestState.RECEIVED))
        uow.commit()


def journal_actions(app: App, action: str) -> list[tuple[str, str]]:
    """(subject, reason) of each journal entry of ``action``, in order."""
    with app.engine.connect() as connection:
        rows = connection.execute(select(journal.c.subject, journal.c.reason).where(journal.c.action == action)
                                  .order_by(journal.c.id)).all()
    return [(r.subject, r.reason) for r in rows]


def biometric_purges(app: App) -> list[Any]:
    with app.uow() as uow:
        return [e.entry.reference for e in uow.tcn_log.entries()
                if e.entry is not None and e.entry.operation is TcnOperation.PURGE and e.entry.purpose == PURGE_PURPOSE]


def etias_updates(app: App) -> list[bool]:
    """The ETIAS flag the record of P-ETIAS holds after each update queued for it."""
    with app.uow() as uow:
        updates = [i for i in uow.tcn_outbox.list(person_id="P-ETIAS") if i.operation is TcnOperation.UPDATE]
        kept = {k.person_id: k.etias_flag for k in uow.tcn_records.list()}
    return [kept["P-ETIAS"] for _ in updates]


def stored_flags(app: App) -> dict[str, tuple[str | None, date | None]]:
    with app.engine.connect() as connection:
        rows = connection.execute(select(request_flags)).all()
    return {r.message_id: (r.flag, r.answer_missing_on) for r in rows}
