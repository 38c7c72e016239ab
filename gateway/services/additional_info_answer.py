"""Use case: another Member State, answering a Luxembourg request or notification, asks for more
identification data (``RequestAdditionalInfo``, the "Search Person" sub-process, ECRIS-NOTES §2.3, §4.7);
Luxembourg answers from the register with a ``RequestAdditionalInfoResponse``.

- The person is the one of the request (``outgoing_requests``) or notification (``outgoing_notifications``)
  it answers. The answer carries the mandatory identity (names, sex, birth, nationalities) and, of the
  optional data, only the items asked (former names, parents, identity number and documents, address,
  aliases), plus the purpose of the request when asked.
- What the register does not hold is named in the remarks. When it holds none of the items asked, or the
  person is gone (erased, unknown), nothing is sent: the request waits for a clerk (journal
  ``ecris.additional_info_for_clerk``; the request's row shows ``additional_info_asked``).
- Answering restarts the requested State's clock (Art 16(1) read for the awaited answer: only an exchange
  needed to identify the person restarts it, RULES.md §A.5).
"""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import TYPE_CHECKING

from gateway.law.deadlines import awaited_answer_due_date
from gateway.law.request_purposes import purpose_named
from gateway.model.exchange import (
    AdditionalInformation,
    EcrisMessage,
    EcrisPerson,
    MessageId,
    MessageMetadata,
    MessageType,
    MultilingualText,
    RequestAdditionalInfo,
    RequestAdditionalInfoResponse,
    Text,
    ml,
)
from gateway.model.person import NaturalPerson, Sex
from gateway.ports import JournalEntry, MessagingUnitOfWork, OutgoingRequest, OutgoingRequestState
from gateway.services.ecris_mapping import person_identity_of
from gateway.services.outbox import contract_text, reply_metadata

if TYPE_CHECKING:
    from gateway.services.inbound import HandlerContext

log = logging.getLogger("ecris.additional_info")

INFO_AVAILABLE = "ART-99-00"
"""Additional-info response type "available" (PROVISIONAL, ``additional-info-response-types.csv``)."""

ITEMS_FR = {
    AdditionalInformation.FORENAME: "prénom", AdditionalInformation.SURNAME: "nom",
    AdditionalInformation.SECOND_SURNAME: "second nom", AdditionalInformation.SEX: "sexe",
    AdditionalInformation.BIRTH_DATE: "date de naissance", AdditionalInformation.BIRTH_PLACE: "lieu de naissance",
    AdditionalInformation.NATIONALITY: "nationalité", AdditionalInformation.FORMER_NAME: "noms antérieurs",
    AdditionalInformation.MOTHER_NAME: "nom de la mère", AdditionalInformation.FATHER_NAME: "nom du père",
    AdditionalInformation.IDENTITY_NUMBER: "numéro d'identification",
    AdditionalInformation.IDENTIFICATION_DOCUMENT: "pièces d'identité", AdditionalInformation.ADDRESS: "adresse",
    AdditionalInformation.ALIAS: "alias", AdditionalInformation.FINGERPRINTS: "empreintes digitales",
    AdditionalInformation.MORE_INFORMATION_ON_REQUEST_PURPOSE: "finalité de la demande",
}  # fmt: skip


def held_items(person: NaturalPerson, *, purpose_known: bool) -> frozenset[AdditionalInformation]:
    """The items of the contract's closed list the register holds for ``person`` (Art 3 data); fingerprints
    and a second surname are never held by the register."""
    items = AdditionalInformation
    held = {
        items.SURNAME: bool(person.surname.strip()),
        items.FORENAME: bool(person.forenames),
        items.SEX: person.sex in (Sex.MALE, Sex.FEMALE),
        items.BIRTH_DATE: person.birth.date is not None,
        items.BIRTH_PLACE: bool(person.birth.city),
        items.NATIONALITY: bool(person.nationalities),
        items.FORMER_NAME: bool(person.previous_names),
        items.MOTHER_NAME: person.mother is not None,
        items.FATHER_NAME: person.father is not None,
        items.IDENTITY_NUMBER: person.id.isdigit(),  # the national identification number is the register key
        items.IDENTIFICATION_DOCUMENT: bool(person.identity_documents),
        items.ADDRESS: person.residence is not None,
        items.ALIAS: bool(person.aliases),
        items.MORE_INFORMATION_ON_REQUEST_PURPOSE: purpose_known,
    }
    return frozenset(item for item, known in held.items() if known)


def identity_for(person: NaturalPerson, asked: frozenset[AdditionalInformation]) -> EcrisPerson:
    """The person's identity with the mandatory data and, of the optional data, only what was asked."""
    full = person_identity_of(person)
    items = AdditionalInformation
    return replace(
        full,
        former_forenames=full.former_forenames if items.FORMER_NAME in asked else (),
        former_surnames=full.former_surnames if items.FORMER_NAME in asked else (),
        father=full.father if items.FATHER_NAME in asked else None,
        mother=full.mother if items.MOTHER_NAME in asked else None,
        identity_number=full.identity_number if items.IDENTITY_NUMBER in asked and person.id.isdigit() else None,
        identification_documents=full.identification_documents if items.IDENTIFICATION_DOCUMENT in asked else (),
        addresses=full.addresses if items.ADDRESS in asked else (),
        aliases=full.aliases if items.ALIAS in asked else (),
    )


def additional_info_response(person: NaturalPerson, held: frozenset[AdditionalInformation], *,
                             metadata: MessageMetadata, remarks: str,
                             purpose: MultilingualText = ()) -> RequestAdditionalInfoResponse:
    """The RequestAdditionalInfoResponse "available" carrying the items ``held`` of ``person``."""
    return RequestAdditionalInfoResponse(
        metadata=metadata, response_type=INFO_AVAILABLE, person=identity_for(person, held),
        remarks=(Text(contract_text(remarks), "fr"),), request_purpose=purpose,
    )


def answer_additional_info(uow: MessagingUnitOfWork, message: EcrisMessage, ctx: HandlerContext) -> MessageId | None:
    """An inbound handler: answer a RequestAdditionalInfo about one of our requests or notifications from
    the register, or leave it for a clerk when the register cannot."""
    assert isinstance(message, RequestAdditionalInfo)
    asking = message.metadata.response_to
    if asking is None:
        return None
    request: OutgoingRequest | None = None
    if asking.type is MessageType.REQUEST:
        request = uow.outgoing_requests.get(str(asking))
        person_id = None if request is None else request.person_id
    else:
        notification = uow.notifications.get(str(asking))
        person_id = None if notification is None else notification.person_id
    asked = frozenset(message.requested)
    asked_fr = ", ".join(ITEMS_FR[i] for i in message.requested)
    person = None if person_id is None else uow.persons.get(person_id)
    if not isinstance(person, NaturalPerson):
        why = ("personne effacée ou absente du registre" if person_id is not None
               else "message d'origine absent des registres d'envoi")
        _for_a_clerk(uow, message, request, subject=person_id, why=why, asked_fr=asked_fr, ctx=ctx)
        return None
    held = held_items(person, purpose_known=request is not None) & asked
    if not held:
        _for_a_clerk(uow, message, request, subject=person.id,
                     why="le registre ne détient aucune des données demandées", asked_fr=asked_fr, ctx=ctx)
        return None
    missing = [ITEMS_FR[i] for i in message.requested if i not in held]
    remarks = "Informations complémentaires tirées du casier judiciaire luxembourgeois."
    if missing:
        remarks += " Non détenu(es) : " + ", ".join(missing) + "."
    purpose: MultilingualText = ()
    if request is not None and AdditionalInformation.MORE_INFORMATION_ON_REQUEST_PURPOSE in held:
        row = purpose_named(request.purpose_key)
        purpose = ml(contract_text(f"{row.label} — autorité requérante : {request.authority}"), "fr")
    metadata = reply_metadata(uow.outbox, member_state=ctx.member_state, clock=ctx.clock,
                              answering=message.metadata.message_id,
                              message_type=MessageType.REQUEST_ADDITIONAL_INFO_RESPONSE)
    uow.outbox.queue(additional_info_response(person, held, metadata=metadata, remarks=remarks, purpose=purpose))
    now = ctx.clock.now()
    if request is not None:
        restarted = awaited_answer_due_date(request.sent_at, requested_state=request.to,
                                            own_record=request.own_record, restarted_on=now)
        state = OutgoingRequestState.SENT if request.state is OutgoingRequestState.ADDITIONAL_INFO_ASKED else None
        uow.outgoing_requests.update(
            request.message_id, state=state, expected_by=restarted,
            note=f"informations complémentaires ({asked_fr}) transmises par {metadata.message_id}")
    uow.journal.append(JournalEntry(
        at=now, official=ctx.official, action="ecris.additional_info_answered", subject=person.id,
        reason=f"informations complémentaires demandées par {message.metadata.sender} ({asked_fr}) transmises",
        details={"message": str(message.metadata.message_id), "reply": str(metadata.message_id),
                 "answering": str(asking)},
    ))
    return metadata.message_id


def _for_a_clerk(uow: MessagingUnitOfWork, message: RequestAdditionalInfo, request: OutgoingRequest | None, *,
                 subject: str | None, why: str, asked_fr: str, ctx: HandlerContext) -> None:
    note = f"{message.metadata.sender} demande des informations complémentaires ({asked_fr}) : {why} ; à traiter par un agent"
    if request is not None:
        uow.outgoing_requests.update(request.message_id, state=OutgoingRequestState.ADDITIONAL_INFO_ASKED, note=note)
    uow.journal.append(JournalEntry(
        at=ctx.clock.now(), official=ctx.official, action="ecris.additional_info_for_clerk",
        subject=subject or str(message.metadata.message_id), reason=note,
        details={"message": str(message.metadata.message_id), "answering": str(message.metadata.response_to)},
    ))
    log.warning("additional-information request %s waits for a clerk: %s", message.metadata.message_id, why)
