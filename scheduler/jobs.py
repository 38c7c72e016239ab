"""The scheduler's sweeps: each compares the gateway's rows with the gateway's clock (``App.clock``;
``ECRIS_GATEWAY_NOW`` in tests), calls the service that does the work, and returns one line for a clerk
(French). Each is idempotent: run twice on the same day, the second run does nothing more.

``JOBS`` is the registry: a job ID → its sweep and its trigger, in the order ``scheduler run --once`` runs
them (what queues messages first, the deliveries last)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from adapters.bootstrap import App
from adapters.db.message_bodies import purge_bodies_of_erased_persons
from gateway.clock import today
from gateway.services.deadline_watch import mark_missing_own_record_answers, watch_deadlines
from gateway.services.erasure import erase_due_persons
from gateway.services.naturalisation.settlement import naturalisation_fallbacks
from gateway.services.notification_tracking import clerk_list, tracked_notifications
from gateway.services.outgoing_notification import notify_due
from gateway.services.tcn.biometrics import purge_biometric_files
from gateway.services.tcn.log import purge_expired_tcn_log
from gateway.services.tcn.sender import send_pending_tcn
from gateway.services.tcn.sync import sweep_tcn

Sweep = Callable[[App], str]


def register_erasure(app: App) -> str:
    """Art 3 al.3 — the persons whose erasure is due (death, 100th birthday) erased, with the deletions owed
    to the Member States notified (Art 12(2)) and to ECRIS-TCN (Reg 2019/816 Art 8) queued by the service;
    then the bodies of the delivered messages about erased persons emptied (IDs and states kept)."""
    report = erase_due_persons(uow=app.uow(), clock=app.clock, official=app.official, on=today(app.clock),
                               member_state=app.settings.member_state)
    with app.engine.begin() as connection:
        purged = purge_bodies_of_erased_persons(connection)
    line = (f"{len(report.erased)} personne(s) effacée(s), {len(report.notifications)} suppression(s) "
            f"notifiée(s), {len(report.tcn_operations)} opération(s) ECRIS-TCN, "
            f"{purged.outbound + purged.inbound} message(s) purgé(s)")
    if report.to_review:
        line += f" ; {len(report.to_review)} à examiner par un agent (date de naissance inconnue)"
    return line


def etias_flag_expiry(app: App) -> str:
    """Reg 2019/816 Art 5(7) — records recomputed on the day: a closed ETIAS flag window removes the flag;
    the changes are queued for the central system (sent by ``deliver_tcn``)."""
    result = sweep_tcn(app.uow(), on=today(app.clock), clock=app.clock, official=app.official)
    return f"{len(result.queued)} fichier(s) ECRIS-TCN mis à jour"


def biometric_purge(app: App) -> str:
    """Art 12-1(3) — the police's biometric files erased on their erase date, each erasure in the ECRIS-TCN
    processing log."""
    with app.uow() as uow:
        erased = purge_biometric_files(uow, today(app.clock), uow.tcn_log, at=app.clock.now(),
                                       official=app.official)
    return f"{len(erased)} fichier(s) biométrique(s) effacé(s)"


def tcn_log_retention(app: App) -> str:
    """Reg 2019/816 Art 31 — the ECRIS-TCN log entries older than three years erased behind a checkpoint."""
    purged = purge_expired_tcn_log(app.uow(), on=today(app.clock), clock=app.clock, official=app.official)
    return f"{purged} entrée(s) du journal ECRIS-TCN effacée(s)"


def notification_follow_up(app: App) -> str:
    """Art 12 — the notifications owed queued (``notifications sweep``), and those a clerk must look at
    (no answer after ``notification_response_working_days``, a problem, a failed delivery) listed."""
    on = today(app.clock)
    queued = notify_due(app.uow(), on=on, clock=app.clock, official=app.official,
                        member_state=app.settings.member_state).queued
    to_see = clerk_list(tracked_notifications(
        app.uow(), on=on, working_days=app.settings.notification_response_working_days))
    line = f"{len(queued)} notification(s) mise(s) en file ; {len(to_see)} à examiner"
    if to_see:
        line += " : " + ", ".join(t.notification.message_id for t in to_see[:10])
    return line


def deadline_watch(app: App) -> str:
    """Art 16 — the requests due soon or late flagged; each change journalled once."""
    changes = watch_deadlines(app.uow(), on=today(app.clock), clock=app.clock, official=app.official,
                              warning_working_days=app.settings.deadline_warning_working_days)
    soon = sum(c.after == "due_soon" for c in changes)
    late = sum(c.after == "late" for c in changes)
    return (f"{len(changes)} changement(s) : {soon} demande(s) à échéance proche, {late} en retard, "
            f"{len(changes) - soon - late} levée(s)")


def own_record_answers(app: App) -> str:
    """Art 14(1), 16(2) — the own-record answers missing after 20 working days marked (bulletin with the
    mention)."""
    marked = mark_missing_own_record_answers(app.uow(), on=today(app.clock), clock=app.clock,
                                             official=app.official)
    return f"{len(marked)} réponse(s) d'État membre marquée(s) non parvenue(s)"


def naturalisation_settlement(app: App) -> str:
    """Art 14(3) — the naturalisation transfers' requests settled: answers inscribed; past the requested
    State's deadline, or after an incomplete answer, the supplied extract inscribed instead (AMB-23)."""
    report = naturalisation_fallbacks(app.uow(), today(app.clock), clock=app.clock, official=app.official,
                                      member_state=app.settings.member_state)
    line = (f"{report.answers_inscribed} réponse(s) inscrite(s), {report.fallbacks} extrait(s) fourni(s) inscrit(s) "
            f"à défaut de réponse complète")
    if report.problems:
        line += f" ; {len(report.problems)} problème(s) : " + " ; ".join(report.problems[:5])
    return line


def deliver_outbox(app: App) -> str:
    """The ECRIS outbox delivered (``outbox run --once``): what is due now; back-off is in the rows."""
    sender = app.messaging.sender(app.engine)
    sender.release_dead_claims()
    total = 0
    while (done := sender.run_once()) > 0:
        total += done
    return f"{total} envoi(s) tenté(s)"


def deliver_tcn(app: App) -> str:
    """The ECRIS-TCN queue delivered (``tcn send``) when a central system is configured."""
    if not app.settings.tcn_central_url:
        return "aucun système central ECRIS-TCN configuré : la file attend"
    from adapters.tcn.client import HttpTcnCentralSystem

    report = send_pending_tcn(app.uow, HttpTcnCentralSystem.from_settings(app.settings), clock=app.clock,
                              official=app.official, backoff_seconds=app.settings.outbox_backoff_seconds)
    line = f"{len(report.sent)} opération(s) ECRIS-TCN transmise(s), {len(report.postponed)} reportée(s)"
    if report.failed:  # refused by the central system: a clerk must act (``tcn queue``, ``tcn retry``)
        line += f" ; ALERTE : {len(report.failed)} refusée(s) : " + ", ".join(str(i.id) for i in report.failed)
    return line


@dataclass(frozen=True, slots=True)
class Job:
    id: str
    sweep: Sweep
    trigger: str
    """``daily`` (at ``scheduler_daily_at``), ``hourly``, or ``sender`` (every ``scheduler_sender_seconds``)."""
    title: str


JOBS: tuple[Job, ...] = (
    Job("register_erasure", register_erasure, "daily", "effacements du registre (art. 3)"),
    Job("etias_flag_expiry", etias_flag_expiry, "daily", "fin des signalements ETIAS (ECRIS-TCN)"),
    Job("biometric_purge", biometric_purge, "daily", "effacement des fichiers biométriques (art. 12-1(3))"),
    Job("tcn_log_retention", tcn_log_retention, "daily", "conservation du journal ECRIS-TCN (3 ans)"),
    Job("notification_follow_up", notification_follow_up, "daily", "suivi des notifications (art. 12)"),
    Job("deadline_watch", deadline_watch, "hourly", "échéances des demandes (art. 16)"),
    Job("own_record_answers", own_record_answers, "daily", "réponses attendues pour les bulletins (art. 14)"),
    Job("naturalisation_settlement", naturalisation_settlement, "daily",
        "transferts de naturalisation : réponses et extraits fournis (art. 14(3))"),
    Job("deliver_outbox", deliver_outbox, "sender", "envoi des messages ECRIS"),
    Job("deliver_tcn", deliver_tcn, "sender", "envoi au système central ECRIS-TCN"),
)
JOBS_BY_ID = {job.id: job for job in JOBS}
