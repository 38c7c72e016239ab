"""Art 14(3), R-NAT 2 a./b.: the requests to former Member States settled — a complete answer's convictions
inscribed (origin ``ecris answer``), an incomplete answer or silence past the requested State's 10 working days
replaced by the supplied extract (``naturalisation_fallbacks``, run daily by the scheduler and by
``naturalisation sweep``)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from gateway.clock import Clock, today
from gateway.law.naturalisation import answer_is_complete, extract_falls_back
from gateway.ports import (
    MessagingUnitOfWork,
    NaturalisationPersonState,
    NaturalisationRequest,
    NaturalisationRequestOutcome,
    OutgoingRequest,
    OutgoingRequestState,
)
from gateway.services.naturalisation.inscription import from_answer, from_extract, inscribe
from gateway.services.naturalisation.register_change import save_change

_ANSWERED = (OutgoingRequestState.ANSWERED, OutgoingRequestState.ERROR)


@dataclass
class SweepReport:
    answers_inscribed: int = 0
    fallbacks: int = 0
    convictions_inscribed: int = 0
    problems: list[str] = field(default_factory=list)


def _settle(uow: MessagingUnitOfWork, request: NaturalisationRequest, sent: OutgoingRequest, *, on: date,
            clock: Clock, official: str, member_state: str, report: SweepReport) -> bool:
    answered = sent.state in _ANSWERED
    if answer_is_complete(answered=answered, response_type=sent.response_type):
        outcome = NaturalisationRequestOutcome.ANSWER_INSCRIBED
        decisions = [from_answer(d, country=request.country, transfer=request.transfer_id, on=on)
                     for d in sent.convictions]
        action = f"réponse complète de {request.country} inscrite"
    elif extract_falls_back(answered=answered, response_type=sent.response_type, expected_by=sent.expected_by,
                            on=on):
        outcome = NaturalisationRequestOutcome.EXTRACT_INSCRIBED
        decisions = [from_extract(d, country=request.country, extract_date=request.extract_date or on,
                                  transfer=request.transfer_id, on=on) for d in request.extract]
        why = "réponse incomplète" if answered else "pas de réponse dans le délai"
        action = f"{why} de {request.country} : extrait fourni inscrit"
        if request.extract_date is None:
            action = f"{why} de {request.country} : aucun extrait fourni, rien à inscrire"
    else:
        return False
    stored = uow.persons.get(request.person_id)
    problems: list[str] = []
    added = 0
    if stored is None:
        problems.append(f"personne {request.person_id} absente du registre : rien inscrit")
    else:
        inscribed = inscribe(stored, decisions)
        problems.extend(inscribed.refused)
        added = len(inscribed.added)
        save_change(uow, before=stored, after=inscribed.person, added=inscribed.added, clock=clock,
                    official=official, member_state=member_state,
                    reason=f"{action} (art. 14(3), transfert {request.transfer_id})")
    uow.naturalisation.settle_request(request.message_id, outcome=outcome, at=clock.now())
    row = uow.naturalisation.person_row(request.transfer_id, request.row_index)
    if row is not None:
        still_awaiting = any(r.outcome is NaturalisationRequestOutcome.AWAITING and r.message_id != request.message_id
                             for r in uow.naturalisation.requests(transfer_id=request.transfer_id,
                                                                  row_index=request.row_index))
        uow.naturalisation.update_person(replace(
            row, state=NaturalisationPersonState.AWAITING_ANSWERS if still_awaiting else NaturalisationPersonState.COMPLETE,
            actions=(*row.actions, f"{action} ({added} condamnation(s))"),
            convictions_inscribed=row.convictions_inscribed + added, problems=(*row.problems, *problems)))
    if outcome is NaturalisationRequestOutcome.ANSWER_INSCRIBED:
        report.answers_inscribed += 1
    else:
        report.fallbacks += 1
    report.convictions_inscribed += added
    report.problems.extend(problems)
    return True


def settle_answered_request(uow: MessagingUnitOfWork, message_id: str, *, clock: Clock, official: str,
                            member_state: str) -> SweepReport:
    """Inside the caller's transaction (the answer's inbound handler): the request ``message_id``, if it is one
    of a naturalisation transfer, settled from the answer just recorded."""
    report = SweepReport()
    request = uow.naturalisation.request(message_id)
    sent = uow.outgoing_requests.get(message_id)
    if request is None or sent is None or request.outcome is not NaturalisationRequestOutcome.AWAITING:
        return report
    _settle(uow, request, sent, on=today(clock), clock=clock, official=official, member_state=member_state,
            report=report)
    return report


def naturalisation_fallbacks(uow: MessagingUnitOfWork, on: date, *, clock: Clock, official: str,
                             member_state: str = "LU") -> SweepReport:
    """Every request of a transfer still awaiting: settled from its answer when one came, else from the
    supplied extract once the requested State's deadline has passed (``extract_falls_back``). One transaction;
    running it twice the same day does nothing the second time."""
    report = SweepReport()
    with uow:
        for request in uow.naturalisation.requests(outcome=NaturalisationRequestOutcome.AWAITING):
            sent = uow.outgoing_requests.get(request.message_id)
            if sent is None:
                report.problems.append(f"demande {request.message_id} introuvable")
                continue
            _settle(uow, request, sent, on=on, clock=clock, official=official, member_state=member_state,
                    report=report)
        uow.commit()
    return report
