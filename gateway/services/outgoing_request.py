"""Use case: Luxembourg asks other Member States for criminal-record information (Art 13; FD 2009/315 Art 6)
and forwards the own-record requests of the persons concerned (Art 14).

    send_request(uow, person_id=..., to=[...], purpose=..., central=...)   Art 13: one RequestMessage per State
    forward_own_record_request(uow, person_id=..., number=3|4|5, central=...)   Art 14

Which States: ``states_to_ask`` (ECRIS-TCN first for a third-country national, Art 12-1(3)).

Each request is queued in the outbox in the same transaction as its row in ``outgoing_requests``, with the
day the answer is expected: 10 working days of the requested State (Art 16(1)), 20 for an Art 14 forward
(Art 16(2), AMB-25), ``gateway.law.deadlines.awaited_answer_due_date``. The answers are matched by
``request_answers``; ``outgoing_request_view`` lists the requests and attaches the answers to bulletins.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from gateway.clock import Clock
from gateway.errors import GatewayError, InvalidRequest, NotFound
from gateway.law.deadlines import awaited_answer_due_date
from gateway.law.own_record import OWN_RECORD_BULLETINS
from gateway.law.request_purposes import RequestPurpose, purpose_named
from gateway.law.requested_states import chosen_states, states_by_law
from gateway.law.tcn_queries import tcn_query_applies
from gateway.model.exchange import (
    EcrisPerson,
    MessageMetadata,
    MessageType,
    Request,
    RequestingAuthority,
    YesNoUnknown,
    ml,
)
from gateway.model.person import Person
from gateway.model.tcn import BiometricReference
from gateway.ports import (
    BiometricKind,
    JournalEntry,
    MessagingUnitOfWork,
    OutgoingRequest,
    TcnCentralSystem,
    TcnCentralUnavailable,
)
from gateway.services.ecris_mapping import person_identity_of
from gateway.services.outbox import contract_text, new_message_id
from gateway.services.tcn.queries import states_to_ask_about

OWN_RECORD_PURPOSE = "own_record_request_of_person"
CENTRAL_AUTHORITY = "Parquet général — Service du casier judiciaire (autorité centrale)"
AUTHORITY_TYPES = {"judicial": "RAT-99-A", "administrative": "RAT-99-B", "central_authority": "RAT-99-C"}
"""Requesting-authority types (PROVISIONAL codes, ``schemas/reference-tables/requesting-authority-types.csv``)."""


class EcrisTcnUnanswered(GatewayError):
    """ECRIS-TCN must be asked first (Art 12-1(3)) and could not be: not configured, unreachable, or it
    refused the query. Nothing is sent."""


@dataclass(frozen=True, slots=True)
class StatesToAsk:
    """The States a request goes to, and what ECRIS-TCN answered (None when it was not asked)."""

    states: tuple[str, ...]
    tcn_hits: tuple[str, ...] | None = None


def _police_fingerprints(uow: MessagingUnitOfWork, person_id: str) -> BiometricReference | None:
    """The latest fingerprint file the police sent for the person's record, if any (R-TCN-4: "with
    fingerprints if available")."""
    files = [f for f in uow.tcn_prints.of_persons([person_id]).get(person_id, [])
             if f.kind is BiometricKind.FINGERPRINTS]
    return BiometricReference(files[-1].reference, files[-1].collected_on) if files else None


def states_to_ask(uow: MessagingUnitOfWork, person: Person, *, named: Sequence[str], own_record: bool,
                  purpose_key: str, central: TcnCentralSystem | None, clock: Clock,
                  official: str) -> StatesToAsk:
    """THE place that decides which Member States a request about ``person`` goes to (Art 12-1(3), Arts
    13, 14; Reg 2019/816 Art 7; R-TCN-4, R-OUT-1, R-OWN-1, R-OWN-2).

    For a third-country national or an assimilated person (``tcn_query_applies``) ECRIS-TCN is queried
    first (``states_to_ask_about``, logged in the processing log inside ``uow``), with the fingerprints
    the police sent if any; the law then names the States (``states_by_law``) and the clerk's ``named``
    may only narrow them (``chosen_states``). A no-hit leaves no State: nothing is sent. ECRIS-TCN not
    configured or not answering raises ``EcrisTcnUnanswered``: nothing is sent either."""
    hits: tuple[str, ...] | None = None
    if tcn_query_applies(person).included:
        if central is None:
            raise EcrisTcnUnanswered(
                "ECRIS-TCN doit être consulté avant toute demande concernant un ressortissant de pays tiers "
                "(art. 12-1(3)) : aucun système central configuré (tcn_central_url) — aucune demande envoyée")
        try:
            hits = states_to_ask_about(person, purpose_key, official, central, uow.tcn_log, clock=clock,
                                       fingerprints=_police_fingerprints(uow, person.id))
        except TcnCentralUnavailable as error:
            raise EcrisTcnUnanswered(f"ECRIS-TCN n'a pas répondu ({error}) : aucune demande envoyée "
                                     "(art. 12-1(3))") from None
    by_law = states_by_law(person, own_record=own_record, tcn_hits=hits)
    return StatesToAsk(chosen_states(by_law, named=named, own_record=own_record), hits)


def _authority_type(purpose: RequestPurpose, own_record: bool) -> str:
    if own_record:
        return AUTHORITY_TYPES["central_authority"]
    return AUTHORITY_TYPES["judicial" if purpose.key == "criminal_proceedings" else "administrative"]


def request_message(identity: EcrisPerson, *, metadata: MessageMetadata, purpose: RequestPurpose, authority: str,
                    consent: bool | None, urgent: bool, own_record_number: int | None = None) -> Request:
    """The RequestMessage of Art 13(2) (the Annex form as ECRIS carries it): the person, the purpose's code
    and French label, the requesting authority and its type, consent and urgency; an Art 14 forward says so
    in its remarks."""
    own_record = own_record_number is not None
    remarks = ml(contract_text(
        f"Demande de la personne concernée portant sur son propre casier (bulletin N°{own_record_number}), "
        "répercutée en vertu de l'art. 14 de la loi du 29 mars 2013 ; réponse attendue dans les 20 jours "
        "ouvrables (art. 16(2))."), "fr") if own_record else ()
    return Request(
        metadata=metadata, person=identity, remarks=remarks,
        purpose_category=purpose.code, purpose=ml(contract_text(purpose.label), "fr"),
        requesting_authority=RequestingAuthority(_authority_type(purpose, own_record),
                                                 ml(contract_text(authority), "fr")),
        consent=YesNoUnknown.UNKNOWN if consent is None else (YesNoUnknown.YES if consent else YesNoUnknown.NO),
        urgency=YesNoUnknown.YES if urgent else YesNoUnknown.NO,
    )


@dataclass(frozen=True, slots=True)
class SentRequest:
    message_id: str
    to: str
    expected_by: date


def send_request(uow: MessagingUnitOfWork, *, person_id: str, to: Sequence[str], purpose: str,
                 member_state: str, clock: Clock, official: str, authority: str | None = None,
                 consent: bool | None = None, urgent: bool = False,
                 own_record_number: int | None = None,
                 central: TcnCentralSystem | None = None) -> list[SentRequest]:
    """Queue one RequestMessage per State asked about ``person_id`` (inside ``uow``; the caller commits),
    each recorded with the day its answer is expected. ``own_record_number``: an Art 14 forward of the
    person's request for that bulletin. The States are ``states_to_ask``'s: for a third-country national,
    those ECRIS-TCN (``central``) returns; none after a no-hit (an empty list: nothing sent). Nothing but
    the query's log entry is written before the States are chosen, so a caller may commit it when the
    request is refused (``InvalidRequest``): the query took place (Reg Art 31)."""
    row = purpose_named(purpose)
    own_record = own_record_number is not None
    person = uow.persons.get(person_id)
    if person is None:
        raise NotFound(f"no person {person_id} in the register")
    asked = states_to_ask(uow, person, named=to, own_record=own_record, purpose_key=row.key, central=central,
                          clock=clock, official=official)
    identity = person_identity_of(person)
    now = clock.now()
    authority_name = authority or CENTRAL_AUTHORITY
    sent: list[SentRequest] = []
    for state in asked.states:
        message_id = new_message_id(uow.outbox, sender=member_state, receiver=state, message_type=MessageType.REQUEST)
        uow.outbox.queue(request_message(identity, metadata=MessageMetadata(message_id, now), purpose=row,
                                         authority=authority_name, consent=consent, urgent=urgent,
                                         own_record_number=own_record_number))
        expected = awaited_answer_due_date(now, requested_state=state, own_record=own_record)
        uow.outgoing_requests.record(OutgoingRequest(
            message_id=str(message_id), to=state, person_id=person.id, purpose_key=row.key, purpose_code=row.code,
            authority=authority_name, consent="unknown" if consent is None else ("yes" if consent else "no"),
            urgent=urgent, own_record=own_record, sent_at=now, expected_by=expected,
            bulletin_number=own_record_number,
        ))
        uow.journal.append(JournalEntry(
            at=now, official=official, action="ecris.own_record_forwarded" if own_record else "ecris.request_sent",
            subject=person.id,
            reason=(f"demande de la personne (bulletin N°{own_record_number}) répercutée à {state} (art. 14, 16(2))"
                    if own_record else f"demande envoyée à {state} ({row.key}, art. 13)"),
            details={"message_id": str(message_id), "to": state, "expected_by": expected.isoformat(),
                     **({} if asked.tcn_hits is None else {"ecris_tcn": ",".join(asked.tcn_hits) or "no hit"})},
        ))
        sent.append(SentRequest(str(message_id), state, expected))
    return sent


def forward_own_record_request(uow: MessagingUnitOfWork, *, person_id: str, number: int, member_state: str,
                               clock: Clock, official: str, named: Sequence[str] = (),
                               central: TcnCentralSystem | None = None) -> list[SentRequest]:
    """Art 14 — a person asks Luxembourg for their own bulletin N°3, N°4 or N°5: the request is forwarded,
    purpose ``own_record_request_of_person``, to each State of Art 14(1) or, for a third-country national
    (Art 14(2)), to each State ECRIS-TCN (``central``, compulsory: Reg Art 7(1)) returns; ``named`` is only
    checked against them. The answers are due in 20 working days."""
    if number not in OWN_RECORD_BULLETINS:
        raise InvalidRequest(f"l'art. 14 vise les bulletins N°3, N°4 et N°5 (pas N°{number})")
    return send_request(uow, person_id=person_id, to=named, purpose=OWN_RECORD_PURPOSE, member_state=member_state,
                        clock=clock, official=official, consent=True, own_record_number=number,
                        central=central)
