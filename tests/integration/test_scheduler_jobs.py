"""Each scheduler job's effect, with the gateway's clock injected (``App.clock``), on SQLite and PostgreSQL:
the work due on the day is done once, a second sweep the same day does nothing more, and nothing due later
is done early."""

from __future__ import annotations

from datetime import date

import pytest

from adapters.bootstrap import App
from scheduler import jobs
from scheduler.runs import last_runs
from scheduler.service import run_once
from tests.scheduler_support import (
    OWN_RECORD,
    RECEIVED,
    T1,
    T2,
    biometric_purges,
    etias_updates,
    journal_actions,
    keyed,
    seed_due_work,
    stored_flags,
)


@pytest.fixture
def seeded(app: App) -> App:
    at_t1 = keyed(app)
    seed_due_work(at_t1)
    return at_t1


def test_register_erasure_erases_the_dead_at_t1_and_the_centenarian_once_past_the_birthday(seeded: App) -> None:
    assert jobs.register_erasure(seeded).startswith("1 personne(s) effacée(s)")
    assert [s for s, _ in journal_actions(seeded, "register.erase")] == ["P-DEAD"]
    jobs.register_erasure(seeded)
    assert [s for s, _ in journal_actions(seeded, "register.erase")] == ["P-DEAD"]
    later = keyed(seeded, T2)
    jobs.register_erasure(later)
    jobs.register_erasure(later)
    assert [s for s, _ in journal_actions(seeded, "register.erase")] == ["P-DEAD", "P-OLD"]
    with seeded.uow() as uow:  # the dead person's ECRIS-TCN record is deleted with the erasure (R-TCN-8)
        assert [i.operation.value for i in uow.tcn_outbox.list(person_id="P-DEAD")] == ["create", "delete"]


def test_biometric_purge_erases_the_file_on_its_erase_date_once_and_logs_it(seeded: App) -> None:
    jobs.biometric_purge(seeded)
    assert biometric_purges(seeded) == []
    later = keyed(seeded, T2)
    assert jobs.biometric_purge(later) == "1 fichier(s) biométrique(s) effacé(s)"
    assert jobs.biometric_purge(later) == "0 fichier(s) biométrique(s) effacé(s)"
    assert biometric_purges(seeded) == ["P-ETIAS"]


def test_etias_flag_expiry_queues_one_update_without_the_flag_after_the_window(seeded: App) -> None:
    jobs.etias_flag_expiry(seeded)
    assert etias_updates(seeded) == []
    later = keyed(seeded, T2)
    assert jobs.etias_flag_expiry(later) == "1 fichier(s) ECRIS-TCN mis à jour"
    assert jobs.etias_flag_expiry(later) == "0 fichier(s) ECRIS-TCN mis à jour"
    assert etias_updates(seeded) == [False]


def test_deadline_watch_flags_due_soon_then_late_each_change_logged_once(seeded: App) -> None:
    assert jobs.deadline_watch(seeded).startswith("1 changement(s) : 1 demande(s) à échéance proche")
    assert jobs.deadline_watch(seeded).startswith("0 changement(s)")
    assert stored_flags(seeded)[OWN_RECORD][0] == "due_soon"
    assert RECEIVED not in stored_flags(seeded)  # due in 8 working days: no flag
    later = keyed(seeded, T2)
    jobs.deadline_watch(later)
    jobs.deadline_watch(later)
    flags = {k: v[0] for k, v in stored_flags(seeded).items()}
    assert flags == {OWN_RECORD: "late", RECEIVED: "due_soon"}
    assert journal_actions(seeded, "request.deadline_flag") == [
        (OWN_RECORD, "Art 16: none -> due_soon"), (OWN_RECORD, "Art 16: due_soon -> late"),
        (RECEIVED, "Art 16: none -> due_soon")]


def test_own_record_answers_missing_after_20_working_days_are_marked_once(seeded: App) -> None:
    jobs.own_record_answers(seeded)
    assert stored_flags(seeded).get(OWN_RECORD, (None, None))[1] is None  # still due on 25/11
    later = keyed(seeded, T2)
    jobs.own_record_answers(later)
    jobs.own_record_answers(later)
    assert stored_flags(seeded)[OWN_RECORD][1] == date(2026, 12, 2)
    [(subject, reason)] = journal_actions(seeded, "own_record.answer_missing")
    assert subject == OWN_RECORD and "réponse de la France non parvenue" in reason


def test_the_tcn_log_retention_and_notification_follow_up_run_and_report(seeded: App) -> None:
    assert jobs.tcn_log_retention(seeded) == "0 entrée(s) du journal ECRIS-TCN effacée(s)"
    assert jobs.notification_follow_up(seeded).startswith("0 notification(s) mise(s) en file")
    assert jobs.deliver_tcn(seeded) == "aucun système central ECRIS-TCN configuré : la file attend"


def test_run_once_runs_every_job_in_order_and_records_each_run(seeded: App) -> None:
    runs = run_once(keyed(seeded, T2))
    assert [r.job_id for r in runs] == [j.id for j in jobs.JOBS]
    assert all(r.ok for r in runs), [r.last_result for r in runs if not r.ok]
    recorded = last_runs(seeded.engine)
    assert set(recorded) == set(jobs.JOBS_BY_ID)
    assert {r.last_run_at for r in recorded.values()} == {T2}
    assert recorded["biometric_purge"].last_result == "1 fichier(s) biométrique(s) effacé(s)"


def test_register_erasure_empties_the_delivered_messages_about_the_erased_person_keeping_ids_and_states(
        seeded: App) -> None:
    from datetime import timedelta

    from sqlalchemy import select, update

    from adapters.db.messaging.tables import outbox
    from tests.samples.register_documents import decision, natural_person
    from tests.scheduler_support import import_

    notified = import_(seeded, natural_person("P-FR", decision("D1"), nationalities=["FR"]),
                       natural_person("P-IT", decision("D2"), nationalities=["IT"])).notifications
    first = {q.person_id: q.message_id for q in notified}
    with seeded.engine.begin() as connection:  # both delivered
        connection.execute(update(outbox).values(state="sent"))
    import_(seeded, natural_person("P-FR", decision("D1"), nationalities=["FR"],
                                   death_date=(T1.date() - timedelta(days=2)).isoformat()))
    assert jobs.register_erasure(seeded).endswith(" 1 message(s) purgé(s)")
    with seeded.engine.connect() as connection:
        rows = {r.message_id: (r.state, len(r.envelope)) for r in connection.execute(select(outbox))}
    assert rows[first["P-FR"]] == ("sent", 0)  # the notification about the erased person: body gone, row kept
    assert rows[first["P-IT"]][1] > 0  # another person's message is kept whole
    deletions = [m for m, (state, _) in rows.items() if state == "queued"]
    assert deletions and all(rows[m][1] > 0 for m in deletions)  # not yet delivered: kept until sent
    with seeded.engine.begin() as connection:
        connection.execute(update(outbox).values(state="sent"))
    assert jobs.register_erasure(seeded).endswith(f"{len(deletions)} message(s) purgé(s)")
    assert jobs.register_erasure(seeded).endswith("0 message(s) purgé(s)")
