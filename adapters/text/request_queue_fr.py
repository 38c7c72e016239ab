"""The requests' work queue and a request's history as a clerk reads them (French), and their JSON shape
(English keys)."""

from __future__ import annotations

from datetime import date
from typing import Any

from babel import Locale
from babel.dates import format_date

from adapters.text.foreign_answers_fr import STATES_FR as OUTGOING_STATES_FR
from gateway.clock import LUXEMBOURG_TZ
from gateway.law.wording import day
from gateway.ports import IncomingRequest, RequestExchange
from gateway.services.request_queue import QueueRow

FRENCH = Locale.parse("fr")

STATES_FR = {
    "received": "à traiter par un agent",
    "awaiting_identification": "en attente d'identification (informations complémentaires demandées)",
    "answered": "répondue",
    "late": "EN RETARD",
    **{state: words for state, words in OUTGOING_STATES_FR.items() if state not in {"answered", "late"}},
}
EXCHANGES_FR = {
    "RequestDeadlineMessage": "délai de réponse communiqué",
    "RequestAdditionalInfoMessage": "informations complémentaires demandées",
    "RequestAdditionalInfoResponseMessage": "informations complémentaires reçues",
    "RequestAdditionalInfoResponsePushMessage": "informations complémentaires reçues (avec empreintes)",
    "RequestResponseMessage": "réponse envoyée",
    "RequestResponsePushMessage": "réponse envoyée (avec empreintes)",
}


ITEMS_FR = {
    "Forename": "prénom", "Surname": "nom", "SecondSurname": "second nom", "Sex": "sexe",
    "BirthDate": "date de naissance", "BirthPlace": "lieu de naissance", "Nationality": "nationalité",
    "FormerName": "noms antérieurs", "MotherName": "nom de la mère", "FatherName": "nom du père",
    "IdentityNumber": "numéro d'identification", "IdentificationDocument": "pièce d'identité", "Address": "adresse",
    "Alias": "alias", "Fingerprints": "empreintes digitales",
    "MoreInformationOnRequestPurpose": "précisions sur la finalité",
}
"""The items of a RequestAdditionalInfo (``AdditionalInformation``) in a clerk's words."""


def row_json(row: QueueRow) -> dict[str, Any]:
    """The public JSON shape of a queue row: ``from`` the requesting State (``to`` the State asked, for an
    outgoing request)."""
    return {
        "direction": row.direction,
        "kind": row.kind,
        "message_id": row.message_id,
        "from" if row.direction == "incoming" else "to": row.counterpart,
        "purpose": row.purpose,
        "person": row.person,
        "urgent": row.urgent,
        "state": row.state,
        "received_on" if row.direction == "incoming" else "sent_on": row.received_on.isoformat(),
        "due_date": row.due_date.isoformat(),
        "working_days_left": row.working_days_left,
        "answered_on": None if row.answered_on is None else row.answered_on.isoformat(),
        "response_type": row.response_type,
        "flag": row.flag,
    }


FLAGS_FR = {"due_soon": "ÉCHÉANCE PROCHE", "late": "SIGNALÉE EN RETARD"}
"""The deadline watch's flags, as the line of a request ends."""


def _weekday(value: date) -> str:
    return f"{format_date(value, 'EEEE', locale=FRENCH)} {day(value)}"


def _left(count: int) -> str:
    if count < 0:
        late = -count
        return f"en retard de {late} jour{'s' if late > 1 else ''} ouvrable{'s' if late > 1 else ''}"
    if count == 0:
        return "échéance aujourd'hui"
    return f"{count} jour{'s' if count > 1 else ''} ouvrable{'s' if count > 1 else ''} restant{'s' if count > 1 else ''}"


def row_line(row: QueueRow) -> str:
    """« URGENT  PT-LU-REQ-…  demande de PT (employment_contact_with_minors), personne 1980…, à traiter par un
    agent ; reçue le 23/11/2026, échéance lundi 07/12/2026 (10 jours ouvrables restants) »."""
    what = "copie (art. 12(3))" if row.kind == "copy" else "demande"
    whom = f"de {row.counterpart}" if row.direction == "incoming" else f"à {row.counterpart}"
    person = f"personne {row.person}" if row.person else "personne non identifiée"
    line = (f"{'URGENT  ' if row.urgent else ''}{row.message_id}  {what} {whom} ({row.purpose}), {person}, "
            f"{STATES_FR.get(row.state, row.state)} ; {'reçue' if row.direction == 'incoming' else 'envoyée'} le "
            f"{day(row.received_on)}, "
            f"échéance {_weekday(row.due_date)}")
    if row.working_days_left is not None:
        line += f" ({_left(row.working_days_left)})"
    if row.answered_on is not None:
        line += f" ; répondue le {day(row.answered_on)} ({row.response_type})"
    if row.flag is not None:
        line += f" [{FLAGS_FR.get(row.flag, row.flag)}]"
    return line


def _instant(request_at: Any) -> str:
    return f"{request_at.astimezone(LUXEMBOURG_TZ):%d/%m/%Y %H:%M}"


def history_json(request: IncomingRequest, row: QueueRow, exchanges: list[RequestExchange]) -> dict[str, Any]:
    """A request with its history: the queue row's keys, then ``clock_started_on``, the items asked, who
    answered, and ``history`` (each message exchanged: ``at``, ``direction``, ``type``, ``message_id``)."""
    return {
        **row_json(row),
        "purpose_code": request.purpose_code,
        "received_at": request.received_at.isoformat(),
        "clock_started_on": request.clock_started_on.isoformat(),
        "additional_info_asked": list(request.additional_info_asked),
        "answered_by": request.answered_by,
        "history": [{"at": e.at.isoformat(), "direction": e.direction, "type": e.type, "message_id": e.message_id}
                    for e in exchanges],
    }


def history_lines(request: IncomingRequest, row: QueueRow, exchanges: list[RequestExchange]) -> list[str]:
    """The request's line, then one line per step, in French."""
    lines = [row_line(row), f"  {_instant(request.received_at)}  demande reçue de {request.sender} "
                            f"(finalité {request.purpose_code})"]
    for exchange in exchanges:
        text = EXCHANGES_FR.get(exchange.type, exchange.type)
        if exchange.type == "RequestAdditionalInfoMessage" and request.additional_info_asked:
            text += " : " + ", ".join(ITEMS_FR.get(i, i) for i in request.additional_info_asked)
        if exchange.type.startswith("RequestAdditionalInfoResponse"):
            text += f" ; le délai court à nouveau du {day(request.clock_started_on)} (art. 16(1))"
        if exchange.type.startswith("RequestResponse"):
            text += f" ({request.response_type})"
            if request.answered_by:
                text += f" par {request.answered_by}"
        lines.append(f"  {_instant(exchange.at)}  {text}  [{exchange.message_id}]")
    return lines
