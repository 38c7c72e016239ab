"""Luxembourg's own requests and the answers received, as a clerk reads them (French) and as JSON."""

from __future__ import annotations

from datetime import date
from typing import Any

from adapters.text.french import day, describe_decision, describe_penalty
from gateway.law.own_record import of_state
from gateway.law.request_purposes import purpose_named
from gateway.model.conviction import Decision
from gateway.ports import OutgoingRequest
from gateway.services.bulletin import ForeignAnswer
from gateway.services.request_answers import RESPONSE_TYPES_FR

STATES_FR = {
    "sent": "envoyée, réponse attendue",
    "deadline_announced": "échéance annoncée par l'État requis",
    "additional_info_asked": "informations complémentaires demandées : à traiter par un agent",
    "answered": "réponse reçue",
    "late": "EN RETARD : pas de réponse dans le délai",
    "error": "erreur signalée par l'État requis",
}


CONSENTS_FR = {"yes": "oui", "no": "non", "unknown": "non indiqué"}


def _iso_day(text: str | None) -> str:
    return "—" if text is None else day(date.fromisoformat(text))


def describe_received(decision: Decision, *, source: str) -> list[str]:
    """A conviction received in an answer, in the register's words, as received: not inscribed, so the
    register's own notes (a notifying State, a fine to convert for the thresholds) do not apply to it."""
    lines = [line for line in describe_decision(decision)
             if not line.startswith(("  décision étrangère notifiée", "  À EXAMINER"))]
    return [*lines, f"  transmise par {source}" + ("" if decision.court_country == source
                                                     else f", condamnation de {decision.court_country}")]


def conviction_to_json(decision: Decision, *, source: str) -> dict[str, Any]:
    """One conviction received, as received (AMB-21), marked with the State that sent it."""
    return {
        "source": source,
        "convicting_state": decision.court_country,
        "conviction_id": decision.ecris_conviction_id,
        "court": decision.court,
        "reference": decision.reference,
        "decision_date": decision.decision_date.isoformat(),
        "final_date": None if decision.final_date is None else decision.final_date.isoformat(),
        "offences": [o.qualification for o in decision.offences],
        "penalties": [describe_penalty(p) for p in decision.penalties],
    }


def foreign_answer_to_json(answer: ForeignAnswer) -> dict[str, Any]:
    return {
        "state": answer.state,
        "request": answer.request,
        "asked_on": answer.asked_on.isoformat(),
        "expected_by": answer.expected_by.isoformat(),
        "received": answer.received,
        "answered_on": None if answer.answered_on is None else answer.answered_on.isoformat(),
        "response_type": answer.response_type,
        "convictions": [conviction_to_json(d, source=answer.state) for d in answer.convictions],
        "mention": answer.mention,
    }


def foreign_answer_lines(answers: tuple[ForeignAnswer, ...]) -> list[str]:
    """A section per State asked (Art 14(1)): its convictions, « néant », the mention, or still awaited."""
    if not answers:
        return []
    lines = ["", "RÉPONSES DES AUTRES ÉTATS MEMBRES (art. 14 de la loi du 29 mars 2013), telles que reçues :"]
    for answer in answers:
        lines.append("")
        heading = f"Réponse {of_state(answer.state)} (demande {answer.request} du {day(answer.asked_on)})"
        if answer.mention is not None:
            lines.append(f"{heading} : {answer.mention}")
        elif not answer.received:
            lines.append(f"{heading} : attendue au plus tard le {day(answer.expected_by)}")
        elif answer.response_type != "RRT-00-00":
            label = RESPONSE_TYPES_FR.get(answer.response_type or "", answer.response_type)
            lines.append(f"{heading}, reçue le {day(answer.answered_on)} : {label}")
        elif not answer.convictions:
            lines.append(f"{heading}, reçue le {day(answer.answered_on)} : néant")
        else:
            lines.append(f"{heading}, reçue le {day(answer.answered_on)} :")
            for decision in answer.convictions:
                lines.extend(f"  {line}" for line in describe_received(decision, source=answer.state))
    return lines


def request_line(row: dict[str, Any]) -> str:
    """One line of ``requests sent``."""
    urgent = "URGENT " if row["urgent"] else ""
    kind = "demande de la personne (art. 14)" if row["kind"] == "own_record" else "demande (art. 13)"
    left = row["working_days_left"]
    delay = (f"{left} jour(s) ouvrable(s) restant(s)" if left >= 0 else f"{-left} jour(s) ouvrable(s) de retard")
    answered = f", réponse du {_iso_day(row['answered_on'])}" if row["answered_on"] else ""
    return (f"{urgent}{row['message_id']} → {row['to']} : {kind}, personne {row['person']}, "
            f"{purpose_named(row['purpose']).label} ; envoyée le {_iso_day(row['sent_on'])}, "
            f"attendue le {_iso_day(row['due_date'])} "
            f"({delay}) ; {STATES_FR.get(row['state'], row['state'])}{answered}")


def request_detail(request: OutgoingRequest, row: dict[str, Any]) -> list[str]:
    """One request with its answer, the convictions in words a clerk reads."""
    lines = [
        f"Demande {request.message_id} à {request.to} ({'art. 14' if request.own_record else 'art. 13'})",
        f"  personne : {request.person_id}",
        f"  finalité : {purpose_named(request.purpose_key).label} ({request.purpose_code})",
        f"  autorité requérante : {request.authority} ; consentement : {CONSENTS_FR.get(request.consent, request.consent)} ; "
        f"urgente : {'oui' if request.urgent else 'non'}",
        f"  envoyée le {_iso_day(row['sent_on'])} ; réponse attendue le {_iso_day(row['due_date'])} "
        f"(jours ouvrables de {request.to}, art. 16)",
        f"  état : {STATES_FR.get(row['state'], row['state'])}",
    ]
    if request.announced_deadline is not None:
        lines.append(f"  échéance annoncée par {request.to} : {day(request.announced_deadline)}")
    if request.response_type is not None:
        label = RESPONSE_TYPES_FR.get(request.response_type, request.response_type)
        lines.append(f"  réponse {request.response_id} du {_iso_day(row['answered_on'])} : {label}")
        if request.response_type == "RRT-00-00" and not request.convictions:
            lines.append("  aucune condamnation (néant)")
        for decision in request.convictions:
            lines.extend(f"    {line}" for line in describe_received(decision, source=request.to))
    if request.note:
        lines.append(f"  à savoir : {request.note}")
    return lines
