"""``ecris-gateway tcn …``: the ECRIS-TCN records of third-country nationals convicted in Luxembourg
(Arts 12-1, 12-2): the record as the register makes it, the records kept, the queue to the central system,
the police biometric files, the daily sweep, the processing log (Reg 2019/816 Art 31)."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import click

from adapters.cli.context import Context, pass_context
from adapters.cli.register import ISO_DATE
from adapters.text.tcn_fr import OPERATIONS_FR, STATES_FR, view_text, yes_no
from gateway.clock import LUXEMBOURG_TZ, today
from gateway.errors import GatewayError, NotFound
from gateway.ports import BiometricKind, KeptTcnRecord, LoggedTcnEntry, TcnOutboxItem
from gateway.services.tcn.document import identity_document
from gateway.services.tcn.log import purge_expired_tcn_log
from gateway.services.tcn.prints import prints_due, record_police_file
from gateway.services.tcn.record import TcnRecordView, tcn_record_view
from gateway.services.tcn.sender import requeue_failed, send_pending_tcn
from gateway.services.tcn.sync import sweep_tcn


class TcnLogBroken(GatewayError):
    """The ECRIS-TCN log's hash chain does not hold: an entry was altered or removed."""


def _at(instant: Any) -> str | None:
    return None if instant is None else instant.isoformat()


def _local(instant: Any) -> str:
    return "—" if instant is None else f"{instant.astimezone(LUXEMBOURG_TZ):%d/%m/%Y %H:%M}"


@click.group()
def tcn() -> None:
    """ECRIS-TCN: records of third-country nationals convicted in Luxembourg (Arts 12-1, 12-2)."""


def view_json(view: TcnRecordView) -> dict[str, Any]:
    """The record view with stable English keys; a person needing none: only ``person`` and ``required``."""
    record = view.record
    if record is None or view.etias is None or view.fingerprints is None:
        return {"person": view.person_id, "required": False}
    return {
        "person": view.person_id,
        "required": True,
        "reason": view.required.reason,
        "convicting_state": record.convicting_state,
        "nationality_status": record.identity.nationality_status.value,
        "identity": identity_document(record.identity),
        "etias_flag": view.etias.flag,
        "etias_reason": view.etias.reason,
        "etias_until": None if view.etias.ground is None else view.etias.ground.window_end.isoformat(),
        "fingerprints_required": view.fingerprints.included,
        "fingerprints_reason": view.fingerprints.reason,
        "fingerprints": None if record.fingerprints is None else {
            "reference": record.fingerprints.reference, "collected_on": record.fingerprints.collected_on.isoformat()},
        "facial_images": [{"reference": f.reference, "collected_on": f.collected_on.isoformat()}
                          for f in record.facial_images],
    }


@tcn.command("record")
@click.argument("person_id")
@click.option("--on", "day", type=ISO_DATE, help="The day (YYYY-MM-DD); default: today.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON (stable English keys).")
@pass_context
def record_(ctx: Context, person_id: str, day: date | None, as_json: bool) -> None:
    """The ECRIS-TCN record of PERSON_ID as the register makes it on the day: required or not and why,
    the Reg Art 5 data, the ETIAS/VIS flag and its ground, the Art 12-2 fingerprint duty."""
    app = ctx.app
    on = day or today(app.clock)
    with app.uow() as uow:
        person = uow.persons.get(person_id)
        erased = uow.persons.tombstone(person_id) if person is None else None
        files = uow.tcn_prints.of_persons([person_id]).get(person_id, [])
    if person is None:
        if erased is None:
            raise NotFound(f"no person {person_id} in the register")
        if as_json:
            click.echo(json.dumps({"person": person_id, "required": False}))
        else:
            click.echo(f"Fichier ECRIS-TCN de la personne {person_id} : non requis — inscriptions effacées le "
                       f"{erased.erased_on:%d/%m/%Y} (art. 3)")
        return
    view = tcn_record_view(person, on, files=files)
    if as_json:
        click.echo(json.dumps(view_json(view), ensure_ascii=False, indent=2))
        return
    for line in view_text(view, f"{on:%d/%m/%Y}"):
        click.echo(line)


def _kept_json(k: KeptTcnRecord) -> dict[str, Any]:
    return {"person": k.person_id, "state": k.state.value, "etias_flag": k.etias_flag, "digest": k.digest,
            "updated_at": _at(k.updated_at), "last_sent_at": _at(k.last_sent_at)}


@tcn.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array (stable English keys).")
@pass_context
def list_(ctx: Context, as_json: bool) -> None:
    """The records kept: person, state (live, deleted), last sent to the central system, ETIAS flag."""
    with ctx.app.uow() as uow:
        kept = uow.tcn_records.list()
    if as_json:
        click.echo(json.dumps([_kept_json(k) for k in kept], indent=2))
        return
    for k in kept:
        click.echo(f"{k.person_id:<16} {STATES_FR[k.state.value]:<10} dernier envoi {_local(k.last_sent_at):<16}  "
                   f"ETIAS {yes_no(k.etias_flag)}")
    if not kept:
        click.echo("aucun fichier ECRIS-TCN", err=True)


def _item_json(i: TcnOutboxItem) -> dict[str, Any]:
    return {"id": i.id, "person": i.person_id, "operation": i.operation.value, "created_at": _at(i.created_at),
            "attempts": i.attempts, "next_attempt_at": _at(i.next_attempt_at), "sent_at": _at(i.sent_at),
            "failed_at": _at(i.failed_at), "last_error": i.last_error, "record": i.document}


def _state_fr(i: TcnOutboxItem, held_by: int | None) -> str:
    if i.sent_at:
        return f"envoyée le {_local(i.sent_at)}"
    if i.failed_at:
        return f"refusée par le système central le {_local(i.failed_at)}, en échec (tcn retry {i.id})"
    if held_by is not None:
        return f"retenue derrière l'opération n° {held_by} en échec"
    return f"en attente ({i.attempts} essai(s))"


def held_behind(items: list[TcnOutboxItem]) -> dict[int, int]:
    """For each unsent operation queued after a failed one of the same person: the failed one's id."""
    failed: dict[str, int] = {}
    held: dict[int, int] = {}
    for i in items:
        if i.sent_at is not None:
            continue
        if i.person_id in failed:
            held[i.id] = failed[i.person_id]
        elif i.failed_at is not None:
            failed[i.person_id] = i.id
    return held


@tcn.command("queue")
@click.option("--pending", is_flag=True, help="Only the operations not yet delivered.")
@click.option("--person", "person_id", metavar="ID", help="Only the operations about this person.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array (stable English keys).")
@pass_context
def queue(ctx: Context, pending: bool, person_id: str | None, as_json: bool) -> None:
    """The operations queued for the central system (create, update, delete), oldest first."""
    with ctx.app.uow() as uow:
        items = uow.tcn_outbox.list(person_id=person_id, pending_only=pending)
    if as_json:
        click.echo(json.dumps([_item_json(i) for i in items], ensure_ascii=False, indent=2))
        return
    held = held_behind(items)
    for i in items:
        error = f" — {i.last_error}" if i.last_error and not i.sent_at else ""
        click.echo(f"{i.id:>6}  {OPERATIONS_FR[i.operation.value]:<12} personne {i.person_id:<16} "
                   f"mise en file le {_local(i.created_at)}  {_state_fr(i, held.get(i.id))}{error}")
    for i in items:
        if i.failed_at is not None and i.sent_at is None:
            click.echo(f"ALERT opération ECRIS-TCN n° {i.id} ({i.operation.value}, personne {i.person_id}) refusée "
                       f"par le système central : {i.last_error} — corriger, puis « tcn retry {i.id} »")
    if not items:
        click.echo("aucune opération ECRIS-TCN", err=True)


@tcn.command("prints-due")
@click.option("--on", "day", type=ISO_DATE, help="The day (YYYY-MM-DD); default: today.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array (stable English keys).")
@pass_context
def prints_due_(ctx: Context, day: date | None, as_json: bool) -> None:
    """The persons whose fingerprints Art 12-2 makes mandatory and whose police file has not arrived."""
    app = ctx.app
    due = prints_due(app.uow(), on=day or today(app.clock))
    if as_json:
        click.echo(json.dumps([{"person": d.person_id, "reason": d.reason, "article": d.article} for d in due],
                              ensure_ascii=False, indent=2))
        return
    for d in due:
        click.echo(f"{d.person_id:<16} empreintes dues — {d.reason} (art. {d.article})")
    if not due:
        click.echo("aucune empreinte due", err=True)


@tcn.command("prints-received")
@click.argument("person_id")
@click.option("--reference", required=True, help="The police file's reference.")
@click.option("--kind", type=click.Choice([k.value for k in BiometricKind]), default=BiometricKind.FINGERPRINTS.value,
              show_default=True, help="What the file holds.")
@click.option("--collected-on", type=ISO_DATE, help="The day the police took them (default: today).")
@pass_context
def prints_received(ctx: Context, person_id: str, reference: str, kind: str, collected_on: date | None) -> None:
    """Record that the police file of PERSON_ID arrived (Art 12-1(2)); its reference goes into the record."""
    app = ctx.app
    queued = record_police_file(app.uow(), person_id=person_id, kind=BiometricKind(kind), reference=reference,
                                clock=app.clock, official=app.official, collected_on=collected_on)
    what = "empreintes digitales" if kind == BiometricKind.FINGERPRINTS.value else "image faciale"
    click.echo(f"{what} de la personne {person_id} reçues : référence {reference}")
    for q in queued:
        click.echo(f"{OPERATIONS_FR[q.operation.value]} du fichier ECRIS-TCN mise en file (n° {q.outbox_id})")


@tcn.command("sweep")
@click.option("--on", "day", type=ISO_DATE, help="The day (YYYY-MM-DD); default: today.")
@pass_context
def sweep(ctx: Context, day: date | None) -> None:
    """Recompute every record on the day: ETIAS flags whose window closed, records now required or no
    longer; queue what changed. The scheduler runs it daily."""
    app = ctx.app
    on = day or today(app.clock)
    result = sweep_tcn(app.uow(), on=on, clock=app.clock, official=app.official)
    for q in result.queued:
        click.echo(f"{OPERATIONS_FR[q.operation.value]} du fichier ECRIS-TCN de la personne {q.person_id} mise en "
                   f"file (n° {q.outbox_id}, ETIAS {yes_no(q.etias_flag)})")
    if not result.queued:
        click.echo(f"aucun fichier ECRIS-TCN à modifier le {on:%d/%m/%Y}")


@tcn.command("send")
@pass_context
def send(ctx: Context) -> None:
    """Deliver the queued record operations to the central system (tcn_central_url), in order per person;
    one it cannot take now stays queued for a later attempt (Art 12-1(5); Reg Arts 8, 9). The scheduler
    runs it; clerks may run it at once."""
    from adapters.tcn.client import HttpTcnCentralSystem  # the HTTP client only when sending

    app = ctx.app
    app.engine  # noqa: B018  (no store: say so first)
    central = HttpTcnCentralSystem.from_settings(app.settings)
    report = send_pending_tcn(app.uow, central, clock=app.clock, official=app.official,
                              backoff_seconds=app.settings.outbox_backoff_seconds)
    for item in report.sent:
        click.echo(f"{OPERATIONS_FR[item.operation.value]} du fichier ECRIS-TCN de la personne {item.person_id} "
                   f"transmise au système central (n° {item.id})")
    for item in report.postponed:
        click.echo(f"{OPERATIONS_FR[item.operation.value]} du fichier ECRIS-TCN de la personne {item.person_id} "
                   f"non transmise, nouvel essai plus tard (n° {item.id})", err=True)
    for item in report.failed:
        click.echo(f"ALERT {OPERATIONS_FR[item.operation.value]} du fichier ECRIS-TCN de la personne "
                   f"{item.person_id} refusée par le système central : en échec, les opérations suivantes de la "
                   f"personne attendent (n° {item.id} ; « tcn queue », puis « tcn retry {item.id} »)", err=True)
    if not report.sent and not report.postponed and not report.failed:
        click.echo("aucune opération ECRIS-TCN en attente")


@tcn.command("retry")
@click.argument("item_id", type=int, metavar="ID")
@pass_context
def retry(ctx: Context, item_id: int) -> None:
    """Put back in the queue operation ID, which the central system refused (once its cause is fixed): the
    next `tcn send` delivers it, then the person's operations held behind it."""
    app = ctx.app
    with app.uow() as uow:
        item = requeue_failed(uow, item_id, clock=app.clock, official=app.official)
        uow.commit()
    click.echo(f"{OPERATIONS_FR[item.operation.value]} du fichier ECRIS-TCN de la personne {item.person_id} remise "
               f"en file (n° {item.id}) ; elle partira au prochain « tcn send »")


@tcn.group()
def log() -> None:
    """The processing log of ECRIS-TCN operations (Art 12-1(5); Reg Art 31): append-only, hash-chained."""


def _log_json(e: LoggedTcnEntry) -> dict[str, Any]:
    if e.entry is None:
        return {"id": e.id, "checkpoint": True, "purged": e.purged}
    x = e.entry
    return {"id": e.id, "operation": x.operation.value, "at": _at(x.at), "official": x.official,
            "purpose": x.purpose, "reference": x.reference, "transmitted": x.transmitted,
            "query_data": x.query_data, "outcome": x.outcome}


@log.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array (stable English keys).")
@pass_context
def log_list(ctx: Context, as_json: bool) -> None:
    """The log, oldest first (a purge leaves a checkpoint first)."""
    with ctx.app.uow() as uow:
        entries = uow.tcn_log.entries()
    if as_json:
        click.echo(json.dumps([_log_json(e) for e in entries], ensure_ascii=False, indent=2))
        return
    for e in entries:
        if e.entry is None:
            click.echo(f"{e.id:>6}  point de contrôle : {e.purged} entrée(s) effacée(s) après trois ans")
            continue
        x = e.entry
        click.echo(f"{e.id:>6}  {_local(x.at)}  {x.official:<14} {OPERATIONS_FR[x.operation.value]:<12} "
                   f"{x.reference or '—':<16} {x.outcome or ''}")


@log.command("verify")
@pass_context
def log_verify(ctx: Context) -> None:
    """Check the hash chain; exit 1 naming the first altered or removed entry."""
    with ctx.app.uow() as uow:
        broken = uow.tcn_log.first_broken_link()
        count = len(uow.tcn_log.entries())
    if broken is not None:
        raise TcnLogBroken(f"the ECRIS-TCN log's chain breaks at entry {broken}: it was altered or an entry removed")
    click.echo(f"ECRIS-TCN log intact: {count} entries, each hashing its predecessor")


@log.command("purge")
@click.option("--on", "day", type=ISO_DATE, help="The day (YYYY-MM-DD); default: today.")
@pass_context
def log_purge(ctx: Context, day: date | None) -> None:
    """Erase the entries older than three years (Reg Art 31), leaving a checkpoint that anchors the chain."""
    app = ctx.app
    on = day or today(app.clock)
    purged = purge_expired_tcn_log(app.uow(), on=on, clock=app.clock, official=app.official)
    click.echo(f"{purged} entrée(s) du journal ECRIS-TCN de plus de trois ans effacée(s)")
