"""ECRIS-TCN as a clerk reads it, in French (Arts 12-1, 12-2)."""

from __future__ import annotations

from gateway.model.partial_date import PartialDate
from gateway.model.tcn import NationalityStatus, TcnRecord
from gateway.services.tcn.record import TcnRecordView
from gateway.services.tcn.sync import QueuedTcnOperation

OPERATIONS_FR = {"create": "création", "update": "mise à jour", "delete": "suppression", "query": "consultation",
                 "purge": "effacement"}
STATES_FR = {"live": "en vigueur", "deleted": "supprimé"}
_STATUS_FR = {NationalityStatus.KNOWN: "connue", NationalityStatus.STATELESS: "apatride",
              NationalityStatus.UNKNOWN: "inconnue"}


def yes_no(value: bool) -> str:
    return "oui" if value else "non"


def _born(birth: PartialDate | None) -> str:
    if birth is None:
        return "date de naissance inconnue"
    if birth.day is not None and birth.month is not None:
        return f"né(e) le {birth.day:02d}/{birth.month:02d}/{birth.year}"
    if birth.month is not None:
        return f"né(e) en {birth.month:02d}/{birth.year}"
    return f"né(e) en {birth.year}"


def record_lines(record: TcnRecord) -> list[str]:
    identity = record.identity
    place = ", ".join(p for p in (identity.birth_town, identity.birth_country) if p) or "lieu inconnu"
    lines = [
        f"  État de condamnation : {record.convicting_state}",
        f"  Nom : {identity.surname.upper()} {' '.join(identity.forenames)} ; {_born(identity.birth_date)} "
        f"à {place} ; genre {identity.gender.value}",
        f"  Nationalité : {_STATUS_FR[identity.nationality_status]}"
        + (f" ({', '.join(identity.nationalities)})" if identity.nationalities else ""),
    ]
    if identity.previous_names or identity.aliases:
        names = [f"{n.surname} {' '.join(n.forenames)}".strip() for n in (*identity.previous_names, *identity.aliases)]
        lines.append(f"  Autres noms et alias : {' ; '.join(names)}")
    parents = [f"{p.surname} {' '.join(p.forenames)}".strip() for p in (identity.father, identity.mother) if p]
    if parents:
        lines.append(f"  Parents : {' ; '.join(parents)}")
    for document in identity.identity_documents:
        lines.append(f"  Document d'identité : {document.category} n° {document.number}"
                     + (f" ({document.issuing_authority})" if document.issuing_authority else ""))
    prints = record.fingerprints
    lines.append("  Empreintes digitales : "
                 + (f"référence {prints.reference} du {prints.collected_on:%d/%m/%Y}" if prints else "aucune reçue"))
    if record.facial_images:
        lines.append("  Images faciales : " + ", ".join(f.reference for f in record.facial_images))
    return lines


def view_text(view: TcnRecordView, on_text: str) -> list[str]:
    """The record as the register makes it on a day, with the reasons."""
    head = f"Fichier ECRIS-TCN de la personne {view.person_id} au {on_text} : "
    if view.record is None:
        return [head + f"non requis — {view.required.reason} (art. {view.required.article})"]
    lines = [head + f"requis — {view.required.reason} (art. {view.required.article})"]
    lines += record_lines(view.record)
    if view.etias is not None:
        lines.append(f"  Indicateur ETIAS/VIS : {yes_no(view.etias.flag)} — {view.etias.reason} "
                     f"(art. {view.etias.article})")
    if view.fingerprints is not None:
        lines.append(f"  Empreintes obligatoires (art. 12-2) : {yes_no(view.fingerprints.included)} — "
                     f"{view.fingerprints.reason}")
    return lines


def queued_tcn_summary(queued: list[QueuedTcnOperation]) -> str | None:
    """One French line saying what a register change queued for the ECRIS-TCN central system, or None."""
    if not queued:
        return None
    counts = {op: sum(q.operation.value == op for q in queued) for op in ("create", "update", "delete")}
    return (f"Art 12-1 : {len(queued)} opération(s) ECRIS-TCN mise(s) en file — {counts['create']} création(s), "
            f"{counts['update']} mise(s) à jour, {counts['delete']} suppression(s) (`tcn queue`).")
