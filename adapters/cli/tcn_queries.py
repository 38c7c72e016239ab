"""``ecris-gateway tcn query`` and ``tcn biometrics …``: ECRIS-TCN queries (Art 12-1(3); Reg Art 7) and the
police's biometric files sent for them, encrypted at rest and erased three months after the reply (AMB-20).

The commands join the ``tcn`` group, whichever module creates it first (``attach``)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import click

from adapters.cli.context import Context, pass_context, share_global_options
from adapters.cli.register import ISO_DATE
from adapters.tcn.client import HttpTcnCentralSystem
from gateway.clock import LUXEMBOURG_TZ, today
from gateway.errors import GatewayError, NotFound
from gateway.law.request_purposes import PURPOSE_KEYS
from gateway.law.wording import day
from gateway.ports import BiometricFile, BiometricKind, TcnCentralUnavailable
from gateway.services.tcn.biometrics import purge_biometric_files, receive_biometric_file, record_reply
from gateway.services.tcn.queries import states_to_ask_about

MAX_FILE_BYTES = 50 * 1024 * 1024
KINDS_FR = {BiometricKind.FINGERPRINTS: "empreintes digitales", BiometricKind.FACIAL_IMAGE: "image faciale"}


@click.command("query")
@click.argument("person_id", metavar="PERSON_ID")
@click.option("--purpose", type=click.Choice(PURPOSE_KEYS), default="criminal_proceedings", show_default=True,
              help="Why the information is requested (a key of the purpose table).")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON object (stable English keys).")
@pass_context
def tcn_query(ctx: Context, person_id: str, purpose: str, as_json: bool) -> None:
    """Ask ECRIS-TCN which Member States hold information on PERSON_ID (Art 12-1(3)): the States an
    outgoing request goes to, Luxembourg excluded. The query is logged."""
    app = ctx.app
    app.engine  # noqa: B018  (no store: say so first)
    central = HttpTcnCentralSystem.from_settings(app.settings)
    with app.uow() as uow:
        person = uow.persons.get(person_id)
        if person is None:
            raise NotFound(f"no person {person_id} in the register")
        try:
            states = states_to_ask_about(person, purpose, app.official, central, uow.tcn_log,
                                         clock=app.clock)
        except TcnCentralUnavailable as error:
            raise GatewayError(f"ECRIS-TCN n'a pas répondu : {error}") from None
        uow.commit()
    if as_json:
        click.echo(json.dumps({"person": person_id, "hit": bool(states), "member_states": list(states)}))
    elif states:
        click.echo(f"{person_id} : des informations sont détenues par {', '.join(states)} ; "
                   f"la demande leur est adressée (art. 12-1(3))")
    else:
        click.echo(f"{person_id} : aucun autre État membre ne détient d'informations selon ECRIS-TCN")


def _file_json(file: BiometricFile) -> dict[str, Any]:
    return {
        "id": file.id,
        "person": file.person_id,
        "kind": file.kind.value,
        "received_at": file.received_at.isoformat(),
        "request": file.request_id,
        "replied_on": None if file.replied_on is None else file.replied_on.isoformat(),
        "erase_on": None if file.erase_on is None else file.erase_on.isoformat(),
        "erased_at": None if file.erased_at is None else file.erased_at.isoformat(),
    }


def _file_line(file: BiometricFile) -> str:
    received = file.received_at.astimezone(LUXEMBOURG_TZ)
    line = f"n° {file.id}  {file.person_id}  {KINDS_FR[file.kind]}  reçu le {received:%d/%m/%Y %H:%M}"
    line += f"  demande {file.request_id}" if file.request_id else "  sans demande"
    if file.erased_at is not None:
        line += f"  — effacé le {file.erased_at.astimezone(LUXEMBOURG_TZ):%d/%m/%Y}"
    elif file.erase_on is not None and file.replied_on is not None:
        line += f"  — réponse du {day(file.replied_on)}, à effacer le {day(file.erase_on)}"
    else:
        line += "  — en attente de la réponse"
    return line


@click.group("biometrics")
def biometrics() -> None:
    """The police's fingerprint and facial-image files for ECRIS-TCN queries (Art 12-1(3))."""


@biometrics.command("add")
@click.argument("person_id", metavar="PERSON_ID")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--kind", required=True, type=click.Choice([k.value for k in BiometricKind]))
@click.option("--request", "request_id", metavar="MESSAGE_ID", help="The request the file serves.")
@pass_context
def biometrics_add(ctx: Context, person_id: str, file: Path, kind: str, request_id: str | None) -> None:
    """Store FILE, sent by the police for a query about PERSON_ID, encrypted (tcn_biometrics_key)."""
    app = ctx.app
    app.engine  # noqa: B018  (no store: say so first)
    if file.stat().st_size > MAX_FILE_BYTES:
        raise GatewayError(f"{file}: larger than {MAX_FILE_BYTES // (1024 * 1024)} MiB")
    content = file.read_bytes()
    with app.uow() as uow:
        if uow.persons.get(person_id) is None:
            raise NotFound(f"no person {person_id} in the register")
        stored = receive_biometric_file(uow.tcn_biometrics, person_id=person_id, kind=BiometricKind(kind),
                                        content=content, request_id=request_id, at=app.clock.now())
        uow.commit()
    click.echo(f"fichier n° {stored.id} enregistré, chiffré ({KINDS_FR[stored.kind]}, {person_id})")


@biometrics.command("replied")
@click.argument("request_id", metavar="MESSAGE_ID")
@click.option("--on", "on", type=ISO_DATE, help="The day Luxembourg replied to the request (default: today).")
@pass_context
def biometrics_replied(ctx: Context, request_id: str, on: date | None) -> None:
    """Record Luxembourg's reply to MESSAGE_ID: its files are erased three months later (AMB-20)."""
    app = ctx.app
    on = on or today(app.clock)
    with app.uow() as uow:
        files = record_reply(uow.tcn_biometrics, request_id=request_id, replied_on=on)
        uow.commit()
    erase_on = next((f.erase_on for f in files if f.erase_on is not None), None)
    click.echo(f"réponse du {day(on)} à la demande {request_id} : {len(files)} fichier(s), "
               f"à effacer le {day(erase_on) if erase_on else '—'} (art. 12-1(3))")


@biometrics.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array (stable English keys).")
@pass_context
def biometrics_list(ctx: Context, as_json: bool) -> None:
    """Every file received, with its request, the reply, its erase date, its erasure; never its content."""
    with ctx.app.uow() as uow:
        files = uow.tcn_biometrics.list()
    if as_json:
        click.echo(json.dumps([_file_json(f) for f in files], indent=2))
        return
    for file in files:
        click.echo(_file_line(file))
    if not files:
        click.echo("aucun fichier biométrique", err=True)


@biometrics.command("purge")
@click.option("--on", "on", type=ISO_DATE, help="The day to erase for (default: today; the scheduler runs it).")
@pass_context
def biometrics_purge(ctx: Context, on: date | None) -> None:
    """Erase the files whose erase date has come (Art 12-1(3), AMB-20); each erasure is logged."""
    app = ctx.app
    with app.uow() as uow:
        erased = purge_biometric_files(uow, on or today(app.clock), uow.tcn_log,
                                       at=app.clock.now(), official=app.official)
    for file in erased:
        click.echo(f"fichier n° {file.id} ({KINDS_FR[file.kind]}, {file.person_id}) effacé")
    if not erased:
        click.echo("aucun fichier à effacer", err=True)


def attach(main: click.Group) -> None:
    """Put ``query`` and ``biometrics`` in the ``tcn`` group of ``main``, creating the group if needed."""
    group = main.commands.get("tcn")
    if not isinstance(group, click.Group):
        group = click.Group("tcn", help="ECRIS-TCN: third-country nationals' records, queries, logs "
                                        "(Arts 12-1, 12-2).")
        main.add_command(group)
    for command in (tcn_query, biometrics):
        share_global_options(command)
        group.add_command(command)
