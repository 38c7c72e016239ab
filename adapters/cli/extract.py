"""``ecris-gateway extract issue|verify|revoke|list|dev-key``: the electronic extract (issue 13)."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

import click

from adapters.cli.context import Context, pass_context
from adapters.cli.register import ISO_DATE
from adapters.extract.mail import send_ready_notice
from adapters.extract.pdf import render_extract_pdf
from adapters.extract.qr import read_qr_from_pdf
from adapters.extract.signing import write_development_key
from adapters.extract.verify_web import PREFIX
from adapters.extract.wiring import issue, verifier
from adapters.text.french import birth_fr
from gateway.clock import legal_date, today
from gateway.law.wording import day
from gateway.services.extract.register import IssuedExtract
from gateway.services.extract.revoke import revoke_extract


@click.group()
def extract() -> None:
    """The electronic extract: a bulletin N°3, N°4 or N°5 as a signed PDF anyone can verify."""


@extract.command("issue")
@click.argument("person_id", metavar="PERSON_ID")
@click.option("--number", "-n", required=True, type=click.IntRange(1, 5),
              help="Bulletin number: 3, 4 or 5 (N°1 and N°2 are never handed to the person).")
@click.option("--on", "on", type=ISO_DATE, help="The day of issue (default: today).")
@click.option("--out", "out", required=True, type=click.Path(dir_okay=False, path_type=Path), help="The PDF to write.")
@click.option("--email", metavar="ADDRESS", help="Tell the person by e-mail that the extract is ready.")
@click.option("--json", "as_json", is_flag=True, help="What was issued, as JSON.")
@pass_context
def extract_issue(  # noqa: PLR0917
    ctx: Context, person_id: str, number: int, on: date | None, out: Path, email: str | None, as_json: bool
) -> None:
    """Issue extract N°3, N°4 or N°5 of PERSON_ID as a PDF with a signed QR code (Arts 8-1(3), 8-2(2),
    8-3(2)); a person the register does not hold, or holds without decisions, gets « néant » (Art 8-4).
    N°1 and N°2 are refused (Arts 6, 8; exit status 2)."""
    app = ctx.app  # an existing store only: a wrong --db must never issue « néant » for everyone
    app.engine  # noqa: B018  (the store is opened, or refused, before anything else)
    issued = issue(app, person_id=person_id, number=number, on=on or today(app.clock))
    pdf = render_extract_pdf(issued.content, verify_url=issued.verify_url,
                             verify_base_url=app.settings.extract_verify_base_url)
    out.write_bytes(pdf)
    if email:
        send_ready_notice(app.settings, to=email, document_number=issued.record.document_number)
    record = issued.record
    if as_json:
        click.echo(json.dumps({**_record_json(record), "file": str(out), "verify_url": issued.verify_url,
                               "emailed_to": email}, ensure_ascii=False, indent=2))
        return
    verdict = "néant" if record.nil else f"{len(issued.content.text.decisions)} décision(s)"
    click.echo(f"Extrait n° {record.document_number} : bulletin N°{number} de {person_id} au {day(record.issued_on)}"
               f" ({verdict}), écrit dans {out}.")
    if email:
        click.echo(f"Courriel envoyé à {email} : l'extrait est disponible (sans aucune donnée du casier).")


def _payload_of(text: str) -> str:
    """The payload, from itself or from the URL the QR code holds."""
    return text.rsplit(PREFIX, 1)[1] if PREFIX in text else text


@extract.command("verify")
@click.argument("pdf", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--payload", metavar="STRING", help="The QR code's payload (or its whole URL) instead of a PDF.")
@click.option("--json", "as_json", is_flag=True,
              help='{"authentic", "reasons": [{"check", "ok", "reason"}], "document", "revocation_reason"}.')
@pass_context
def extract_verify(ctx: Context, pdf: Path | None, payload: str | None, as_json: bool) -> None:
    """Is an extract authentic? Reads the QR code of PDF (rendered as an image) or --payload; checks the
    signature, the register of issued extracts and revocation. Exit status 0 authentic, 1 not."""
    if (pdf is None) == (payload is None):
        raise click.UsageError("give a PDF or --payload, not both")
    app = ctx.app
    app.engine  # noqa: B018  (the register of issued extracts must exist before the PDF is read)
    text = payload if payload is not None else read_qr_from_pdf(pdf)  # type: ignore[arg-type]
    result = verifier(app)(_payload_of(text))
    if as_json:
        click.echo(json.dumps(result.to_json(public=False), ensure_ascii=False, indent=2))
    else:
        click.echo("AUTHENTIQUE" if result.authentic else "NON AUTHENTIQUE")
        if result.document is not None:
            d = result.document
            click.echo(f"  document n° {d.document_number}, bulletin N°{d.bulletin_number}, "
                       f"{' '.join(x for x in (d.surname, d.forenames) if x) or 'personne non inscrite'}"
                       f"{f', né(e) le {birth_fr(d.birth)}' if d.birth else ''}, délivré le {day(d.issued_on)}"
                       f"{', néant' if d.nil else ''}")
        for check in result.checks:
            click.echo(f"  {'✔' if check.ok else '✘'} {check.reason}")
        if result.revocation_reason:
            click.echo(f"    motif de la révocation : {result.revocation_reason}")
    sys.exit(0 if result.authentic else 1)


@extract.command("revoke")
@click.argument("document_number", metavar="DOCNO")
@click.option("--reason", required=True, help="Why the extract is revoked (kept in the register).")
@pass_context
def extract_revoke(ctx: Context, document_number: str, reason: str) -> None:
    """Revoke an issued extract: its verification fails from now on."""
    app = ctx.app
    record = revoke_extract(app.uow, document_number, reason=reason, clock=app.clock, official=app.official)
    click.echo(f"Extrait n° {record.document_number} révoqué par {record.revoked_by} : {record.revocation_reason}")


def _record_json(record: IssuedExtract) -> dict[str, Any]:
    return {
        "document_number": record.document_number, "person": record.person_id, "number": record.bulletin_number,
        "issued_on": record.issued_on.isoformat(), "issued_at": record.issued_at.isoformat(),
        "issued_by": record.issued_by, "nil": record.nil, "digest": record.digest,
        "revoked_at": record.revoked_at.isoformat() if record.revoked_at else None,
        "revoked_by": record.revoked_by, "revocation_reason": record.revocation_reason,
    }


@extract.command("list")
@click.option("--json", "as_json", is_flag=True, help="A list of the register's rows.")
@pass_context
def extract_list(ctx: Context, as_json: bool) -> None:
    """The register of issued extracts, oldest first."""
    with ctx.app.uow() as uow:
        records = uow.extracts.list()
    if as_json:
        click.echo(json.dumps([_record_json(r) for r in records], ensure_ascii=False, indent=2))
        return
    if not records:
        click.echo("Aucun extrait délivré.")
    for r in records:
        state = f"RÉVOQUÉ le {day(legal_date(r.revoked_at))} ({r.revocation_reason})" if r.revoked_at else "valide"
        click.echo(f"{r.document_number}  N°{r.bulletin_number}  {r.person_id}  délivré le {day(r.issued_on)} "
                   f"par {r.issued_by}  {'néant' if r.nil else 'décision(s)'}  {state}")


@extract.command("dev-key")
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
def extract_dev_key(folder: Path) -> None:
    """Write a development Ed25519 key pair in FOLDER (extract-signing-key.pem, extract-public-key.pem), for
    demos and tests only; production keys come from the authority's key store."""
    folder.mkdir(parents=True, exist_ok=True)
    private, public = (folder / "extract-signing-key.pem").resolve(), (folder / "extract-public-key.pem").resolve()
    write_development_key(private, public)
    click.echo(f"ECRIS_GATEWAY_EXTRACT_SIGNING_KEY={private}\nECRIS_GATEWAY_EXTRACT_PUBLIC_KEY={public}")
