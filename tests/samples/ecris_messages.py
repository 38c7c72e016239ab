"""A corpus of ECRIS messages as core values: every one of the 15 messages, in several variants.

Used by the codec round-trip tests, the conformance suite (every variant must validate against the official
XSDs), the SOAP server tests and the benchmarks. All persons and cases are fictitious.

    corpus() -> list[tuple[str, EcrisMessage]]       every variant, named "<Element>/<variant>"
    notification_8kb(serial=1) -> Notification        the ~8 KB notification of the benchmarks
"""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal

from gateway.model.exchange import (
    AdditionalInformation,
    Amount,
    BinaryAttachment,
    Cancellation,
    ContactPerson,
    ConvictionDecision,
    ConvictionReference,
    DecidingAuthority,
    DecisionToOffences,
    DecisionToSanctions,
    EcrisConviction,
    EcrisMessage,
    EcrisOffence,
    EcrisPerson,
    EcrisSanction,
    EcrisSex,
    ExternalConviction,
    FunctionalError,
    FunctionalErrorEntry,
    IdentificationDocument,
    IsAlive,
    MessageId,
    MessageMetadata,
    MessageType,
    NameText,
    Notification,
    NotificationPush,
    NotificationResponse,
    NotificationResponsePush,
    OtherAffectedConviction,
    ParentName,
    Period,
    PersonAddress,
    PersonAlias,
    PersonName,
    Place,
    Request,
    RequestAdditionalInfo,
    RequestAdditionalInfoResponse,
    RequestAdditionalInfoResponsePush,
    RequestDeadline,
    RequestingAuthority,
    RequestPush,
    RequestResponse,
    RequestResponsePush,
    SanctionInterruption,
    SanctionSuspension,
    SanctionToOffences,
    SanctionToSanctions,
    SentencedPeriod,
    Text,
    YesNoUnknown,
    iso_duration,
    ml,
)
from gateway.model.partial_date import PartialDate

LU = "LU"
TIMESTAMP = datetime(2026, 3, 14, 10, 15, 30, tzinfo=timezone(timedelta(hours=1)))
NIST_BYTES = bytes(range(256)) * 8  # 2 KiB of fake NIST content


def mid(sender: str, receiver: str, kind: MessageType, serial: int) -> MessageId:
    return MessageId(sender, receiver, kind, serial)


def meta(message_id: MessageId, response_to: MessageId | None = None) -> MessageMetadata:
    return MessageMetadata(message_id, TIMESTAMP, response_to)


CONTACT = ContactPerson(
    email="casier.ecris@justice.example.lu",
    forename=NameText("Anne", "fr"),
    surname=NameText("Greffier", "fr"),
    phone="+352 000 00 000",
    fax="+352 000 00 001",
)


def person_minimal() -> EcrisPerson:
    """Only what the contract requires; unknown birth date, unknown nationality."""
    return EcrisPerson(
        name=PersonName(NameText("Jean"), NameText("Exemple")),
        birth_place=Place(town_name=ml("Inconnu")),
    )


def person_full() -> EcrisPerson:
    return EcrisPerson(
        name=PersonName(
            NameText("Tiago", "pt"),
            NameText("Ficticio", "pt"),
            second_surname=NameText("Modelo", "pt"),
            full_name=NameText("Tiago Ficticio Modelo", "pt"),
        ),
        sex=EcrisSex.MALE,
        birth_date=PartialDate(1990, 7, 14),
        birth_place=Place(
            town_name=(Text("Braga", "pt"), Text("Braga", "fr", True)),
            country="CO-00-620-PRT",
            subdivision="CS-00-PT-03",
            town="CI-00-PRT-T0003",
        ),
        nationalities=("CO-00-620-PRT", "CO-00-442-LUX"),
        former_surnames=(NameText("Antigo", "pt"),),
        former_forenames=(NameText("Thiago"),),
        father=ParentName(NameText("Paulo"), NameText("Ficticio")),
        mother=ParentName(NameText("Maria"), NameText("Modelo"), NameText("Exemplar")),
        identity_number="1990071400000",
        identification_documents=(
            IdentificationDocument(
                category="ID-00-003",
                type=ml("Passaporte", "pt"),
                number="PX0000000",
                issuing_authority=ml("Serviço de Estrangeiros", "pt"),
                issuing_date=PartialDate(2019, 5),
                valid_until=PartialDate(2029, 5, 1),
            ),
            IdentificationDocument(category="ID-00-001", type=ml("Carte d'identité", "fr")),
        ),
        addresses=(
            PersonAddress(
                place=Place(town_name=ml("Luxembourg"), country="CO-00-442-LUX"),
                street=ml("Rue de l'Exemple"),
                house_number=ml("12A"),
                post_code=ml("L-0000"),
                full=ml("12A, Rue de l'Exemple\nL-0000 Luxembourg"),
            ),
        ),
        aliases=(
            PersonAlias(name=PersonName(NameText("Tito"), NameText("Ficticio"))),
            PersonAlias(
                name=PersonName(NameText("T."), NameText("Modelo")),
                sex=EcrisSex.MALE,
                birth_date=PartialDate(1991),
                birth_place=Place(town_name=ml("Porto")),
                nationalities=("CO-00-620-PRT",),
                father=ParentName(surname=NameText("Modelo")),
                identity_number="X1",
                remarks=ml("alias used in 2015"),
            ),
        ),
        remarks=(Text("Identité confirmée par empreintes.\nDossier 2026/1.", "fr"),),
    )


def _offence(number: int, *, full: bool) -> EcrisOffence:
    oid = f"O-{number:05d}"
    if not full:
        return EcrisOffence(id=oid, national_title=ml("Vol simple", "fr"))
    return EcrisOffence(
        id=oid,
        national_title=(Text("Vol avec violences", "fr"), Text("Robbery", "en", True)),
        national_code=f"CP-468-{number}",
        remarks=ml("Commis en réunion."),
        common_category="O-00-010100" if number % 3 == 0 else "O-00-020100",
        legal_provisions="Code pénal, art. 468 et 471",
        start_date=PartialDate(2024, 1, 2),
        end_date=PartialDate(2024, 2),
        place=Place(town_name=ml("Esch-sur-Alzette"), country="CO-00-442-LUX"),
        occurrences=2,
        is_continuous=YesNoUnknown.NO,
        level_of_completion="LC-00-C",
        level_of_participation="LP-00-M",
        responsibility_exemption=YesNoUnknown.NO,
        recidivism=YesNoUnknown.YES,
    )


def _imprisonment(number: int) -> EcrisSanction:
    return EcrisSanction(
        id=f"S-{number:05d}",
        national_title=ml("Emprisonnement", "fr"),
        national_code="EMP",
        common_category="S-00-001001",
        nature="N-00-0",
        specific_to_minor=YesNoUnknown.NO,
        sentenced_period=SentencedPeriod(
            YesNoUnknown.YES, start=date(2025, 1, 10), duration=iso_duration(years=2, months=6)
        ),
        execution_period=Period(start=date(2025, 1, 10), end=date(2027, 7, 9)),
        suspension=SanctionSuspension(
            period=Period(start=date(2025, 1, 10), duration=iso_duration(years=5)),
            suspended_part=iso_duration(months=18),
            probation_duration=iso_duration(years=3),
            remarks=ml("sursis probatoire"),
        ),
        interruptions=(SanctionInterruption(Period(start=date(2025, 6, 1), end=date(2025, 6, 30))),),
    )


def _fine(number: int) -> EcrisSanction:
    return EcrisSanction(
        id=f"S-{number:05d}",
        national_title=ml("Amende", "fr"),
        common_category="S-00-008001",
        nature="N-00-0",
        alternative_type="SAT-00-Z",
        specific_to_minor=YesNoUnknown.NO,
        number_of_fines=1,
        fine_amount=Amount.of(Decimal("1250.05")),
        fine_currency="CX-00-978-EUR",
        suspension=SanctionSuspension(partially_suspended_amount=Amount.of(500)),
    )


def conviction(
    country_iso: str = "LUX",
    country_code: str = "LU",
    *,
    serial: int = 1,
    first_number: int = 1,
    full: bool = True,
    offences: int = 2,
) -> EcrisConviction:
    """A conviction; ``first_number`` keeps D-/O-/S- numbers unique across convictions of one message."""
    n = first_number
    cid = f"{country_code}-C-{serial:015d}"
    numeric = {"LUX": "442", "PRT": "620", "FRA": "250", "DEU": "276"}[country_iso]
    country = f"CO-00-{numeric}-{country_iso}"
    court = DecidingAuthority(ml("Tribunal d'arrondissement de Luxembourg", "fr"), code="TAL")
    if not full:
        return EcrisConviction(
            id=cid,
            convicting_country=country,
            deciding_authority=DecidingAuthority(ml("Tribunal")),
            decisions=(ConvictionDecision(id=f"D-{n:05d}"),),
        )
    offence_list = tuple(_offence(n + i, full=True) for i in range(offences))
    sanctions = (_imprisonment(n), _fine(n + 1))
    return EcrisConviction(
        id=cid,
        convicting_country=country,
        deciding_authority=court,
        decisions=(
            ConvictionDecision(
                id=f"D-{n:05d}",
                decision_date=date(2024, 11, 5),
                final_date=date(2024, 12, 20),
                deciding_authority=court,
                change_types=(),
            ),
        ),
        file_number="2024/12345",
        decision_date=date(2024, 11, 5),
        final_date=date(2024, 12, 20),
        non_criminal_ruling=YesNoUnknown.NO,
        retention_end_date=date(2034, 12, 20),
        is_transmittable=YesNoUnknown.YES,
        remarks=ml("Jugement contradictoire."),
        offences=offence_list,
        sanctions=sanctions,
        relationships=(
            DecisionToOffences(f"D-{n:05d}", tuple(o.id for o in offence_list)),
            DecisionToSanctions(f"D-{n:05d}", (sanctions[0].id, sanctions[1].id)),
            SanctionToOffences(sanctions[0].id, (offence_list[0].id,)),
            SanctionToSanctions("SSR-00-02", sanctions[0].id, (sanctions[1].id,)),
        ),
    )


def _update_of(base: EcrisConviction) -> EcrisConviction:
    """The same conviction re-sent with a later decision (rehabilitation → delete from register)."""
    later = ConvictionDecision(
        id="D-00090",
        change_types=("DCH-00-R",),
        decision_date=date(2026, 3, 1),
        final_date=date(2026, 3, 1),
        delete_from_register=YesNoUnknown.YES,
        remarks=ml("Réhabilitation de plein droit."),
    )
    return dataclasses.replace(base, decisions=(*base.decisions, later))


def _deletion_of(base: EcrisConviction) -> EcrisConviction:
    """The same conviction re-sent with a decision asking to remove it (Art 12(2): erasure, AMB-14)."""
    removal = ConvictionDecision(
        id="D-00091",
        change_types=("DCH-00-X",),
        decision_date=date(2026, 3, 1),
        delete_from_register=YesNoUnknown.YES,
        remarks=ml("Suppression du casier judiciaire : inscriptions effacées du casier (AMB-14)."),
    )
    return dataclasses.replace(base, decisions=(*base.decisions, removal))


def attachment(*, push: bool, serial: int = 1) -> BinaryAttachment:
    return BinaryAttachment(
        id=f"LU-BA-{serial:09d}",
        file_name="fingerprints.nist",
        title=ml("Empreintes"),
        file_size_kb=2,
        comment=ml("Relevé du 1er mars"),
        md5="0123456789abcdef0123456789abcdef",
        content=NIST_BYTES if push else None,
    )


# --------------------------------------------------------------------------------------------- messages


def notification(variant: str = "full", serial: int = 1) -> Notification:
    message_id = mid(LU, "PT", MessageType.NOTIFICATION, serial)
    if variant == "minimal":
        return Notification(
            metadata=meta(message_id),
            person=person_minimal(),
            conviction=conviction(full=False, serial=serial),
        )
    base = conviction(serial=serial)
    if variant == "update":
        return Notification(
            metadata=meta(message_id),
            contact_person=CONTACT,
            person=person_full(),
            conviction=_update_of(base),
            updated_conviction=ConvictionReference(ecris_id=base.id),
            other_affected=OtherAffectedConviction(
                base.id,
                (
                    ConvictionReference(ecris_id="PT-C-000000000000077"),
                    ConvictionReference(njr_reference="NJR-2019-0042"),
                    ConvictionReference(
                        external=ExternalConviction(
                            DecidingAuthority(ml("Tribunal de Paris", "fr")), "19/0001", date(2019, 6, 30)
                        )
                    ),
                ),
            ),
        )
    if variant == "deletion":
        return Notification(
            metadata=meta(message_id),
            person=person_full(),
            conviction=_deletion_of(base),
            updated_conviction=ConvictionReference(ecris_id=base.id),
        )
    if variant == "external-reference":
        return Notification(
            metadata=meta(message_id),
            person=person_minimal(),
            conviction=base,
            updated_conviction=ConvictionReference(njr_reference="LU-NJR-77"),
        )
    return Notification(
        metadata=meta(message_id),
        contact_person=CONTACT,
        person=person_full(),
        remarks=ml("Notification au titre de l'article 4 DC 2009/315/JAI."),
        conviction=base,
        fingerprints=attachment(push=False) if variant == "fingerprints" else None,
    )


def notification_8kb(serial: int = 1) -> Notification:
    """The benchmark notification: about 8 KB serialised (person with a father's name, one
    conviction with an offence, imprisonment and fine, four relationships)."""
    full = person_full()
    person = EcrisPerson(
        name=full.name,
        sex=full.sex,
        birth_date=full.birth_date,
        birth_place=full.birth_place,
        nationalities=full.nationalities,
        father=full.father,
    )
    return Notification(
        metadata=meta(mid(LU, "PT", MessageType.NOTIFICATION, serial)),
        person=person,
        conviction=conviction(serial=serial, offences=1),
    )


def notification_push(serial: int = 2) -> NotificationPush:
    return NotificationPush(
        metadata=meta(mid(LU, "PT", MessageType.NOTIFICATION, serial)),
        person=person_full(),
        conviction=conviction(serial=serial),
        fingerprints=attachment(push=True),
    )


def _not_id() -> MessageId:
    return mid(LU, "PT", MessageType.NOTIFICATION, 1)


def _req_in() -> MessageId:
    return mid("FR", LU, MessageType.REQUEST, 201)


def _req_out() -> MessageId:
    return mid(LU, "FR", MessageType.REQUEST, 301)


def notification_response(variant: str = "ok") -> NotificationResponse:
    message_id = mid("PT", LU, MessageType.NOTIFICATION_RESPONSE, 11)
    if variant == "problem":
        return NotificationResponse(
            metadata=meta(message_id, _not_id()),
            contact_person=CONTACT,
            person=person_minimal(),
            remarks=ml("Personne inconnue."),
            response_type="NRT-00-01",
        )
    return NotificationResponse(metadata=meta(message_id, _not_id()), response_type="NRT-00-00")


def notification_response_push() -> NotificationResponsePush:
    return NotificationResponsePush(
        metadata=meta(mid("PT", LU, MessageType.NOTIFICATION_RESPONSE, 12), _not_id()),
        person=person_full(),
        response_type="NRT-00-00",
        fingerprints=attachment(push=True, serial=2),
    )


def request(variant: str = "full") -> Request:
    authority = RequestingAuthority("RAT-99-A", ml("Parquet général", "fr"), code="PG")
    if variant == "copy":  # Art 12(3): told apart from an Art 15 request by its purpose code alone
        return Request(
            metadata=meta(_req_out()),
            person=person_minimal(),
            purpose_category="P-99-006000",
            purpose=ml("Copie des condamnations (art. 4(4) DC 2009/315)"),
            requesting_authority=authority,
        )
    if variant == "minors-consent":
        return Request(
            metadata=meta(_req_out()),
            person=person_full(),
            purpose_category="P-99-003000",
            purpose=ml("Emploi au contact de mineurs", "fr"),
            requesting_authority=authority,
            consent=YesNoUnknown.YES,
        )
    if variant == "minimal":
        return Request(
            metadata=meta(_req_out()),
            person=person_minimal(),
            purpose_category="P-99-001000",
            purpose=ml("Procédure pénale"),
            requesting_authority=authority,
        )
    return Request(
        metadata=meta(_req_out()),
        contact_person=CONTACT,
        person=person_full(),
        remarks=ml("Urgent: audience le 20 mars."),
        purpose_category="P-99-001000",
        purpose=ml("Procédure pénale", "fr"),
        accusation_categories=("O-00-010100", "O-00-020100"),
        accusation=ml("Vol avec violences"),
        requesting_authority=authority,
        case_reference="PG-2026-0001",
        consent=YesNoUnknown.NO,
        urgency=YesNoUnknown.YES,
        fingerprints=attachment(push=False, serial=3) if variant == "fingerprints" else None,
    )


def request_push() -> RequestPush:
    return RequestPush(
        metadata=meta(mid(LU, "DE", MessageType.REQUEST, 302)),
        person=person_full(),
        purpose_category="P-99-002000",
        purpose=ml("Emploi au contact de mineurs"),
        requesting_authority=RequestingAuthority("RAT-99-B", ml("Ministère")),
        consent=YesNoUnknown.YES,
        urgency=YesNoUnknown.UNKNOWN,
        fingerprints=attachment(push=True, serial=4),
    )


def request_deadline() -> RequestDeadline:
    return RequestDeadline(
        metadata=meta(mid(LU, "FR", MessageType.REQUEST_DEADLINE, 21), _req_in()),
        remarks=ml("Délai légal"),
        deadline=date(2026, 3, 28),
    )


def request_response(variant: str = "convictions") -> RequestResponse:
    message_id = mid(LU, "FR", MessageType.REQUEST_RESPONSE, 31)
    if variant == "no-conviction":
        return RequestResponse(
            metadata=meta(message_id, _req_in()), person=person_minimal(), response_type="RRT-00-00"
        )
    if variant in ("denied", "deceased"):  # Art 15 answers: a reasoned denial (R-CONSENT), a dead person
        return RequestResponse(
            metadata=meta(message_id, _req_in()),
            person=person_minimal(),
            remarks=ml("consentement écrit ou électronique de la personne requis pour le bulletin N°5 : refusé "
                       "(art. 8-3(2) 2))" if variant == "denied" else "personne décédée le 01/10/2026 (art. 3)",
                       "fr"),
            response_type="RRT-00-01" if variant == "denied" else "RRT-00-03",
        )
    if variant == "restricted":  # FD 2009/315 Art 7(2): a restricted conviction left out, its State named
        return RequestResponse(
            metadata=meta(message_id, _req_in()),
            person=person_minimal(),
            convictions=(conviction(serial=1, first_number=1),),
            other_member_states=("DE",),
            remarks=ml("bulletin N°5", "fr"),
            response_type="RRT-00-00",
        )
    if variant == "denial":
        return RequestResponse(
            metadata=meta(message_id, _req_in()),
            contact_person=CONTACT,
            person=person_minimal(),
            remarks=ml("La personne n'a pas la nationalité luxembourgeoise."),
            other_member_states=("PT", "FR"),
            response_type="RRT-00-02",
        )
    return RequestResponse(
        metadata=meta(message_id, _req_in()),
        person=person_full(),
        convictions=(
            conviction(serial=1, first_number=1),
            conviction("FRA", "FR", serial=2, first_number=10),
            conviction(serial=3, first_number=20, full=False),
        ),
        response_type="RRT-00-00",
    )


def request_response_push() -> RequestResponsePush:
    return RequestResponsePush(
        metadata=meta(mid(LU, "FR", MessageType.REQUEST_RESPONSE, 32), _req_in()),
        person=person_full(),
        convictions=(conviction(),),
        response_type="RRT-00-00",
        fingerprints=attachment(push=True, serial=5),
    )


def request_additional_info(variant: str = "request") -> RequestAdditionalInfo:
    if variant == "notification":
        return RequestAdditionalInfo(
            metadata=meta(mid("PT", LU, MessageType.REQUEST_ADDITIONAL_INFO, 41), _not_id()),
            requested=(AdditionalInformation.BIRTH_DATE, AdditionalInformation.FINGERPRINTS),
            binary_id_requested="LU-BA-000000009",
        )
    return RequestAdditionalInfo(
        metadata=meta(mid(LU, "FR", MessageType.REQUEST_ADDITIONAL_INFO, 42), _req_in()),
        contact_person=CONTACT,
        remarks=ml("Plusieurs homonymes."),
        requested=tuple(AdditionalInformation),
    )


def _rai_in() -> MessageId:
    return mid("FR", LU, MessageType.REQUEST_ADDITIONAL_INFO, 51)


def request_additional_info_response(variant: str = "available") -> RequestAdditionalInfoResponse:
    message_id = mid(LU, "FR", MessageType.REQUEST_ADDITIONAL_INFO_RESPONSE, 52)
    if variant == "not-available":
        return RequestAdditionalInfoResponse(metadata=meta(message_id, _rai_in()), response_type="ART-99-01")
    return RequestAdditionalInfoResponse(
        metadata=meta(message_id, _rai_in()),
        contact_person=CONTACT,
        person=person_full(),
        request_purpose=ml("Vérification d'identité"),
        response_type="ART-99-00",
        fingerprints=attachment(push=False, serial=6),
    )


def request_additional_info_response_push() -> RequestAdditionalInfoResponsePush:
    return RequestAdditionalInfoResponsePush(
        metadata=meta(mid(LU, "FR", MessageType.REQUEST_ADDITIONAL_INFO_RESPONSE, 53), _rai_in()),
        person=person_full(),
        response_type="ART-99-00",
        fingerprints=attachment(push=True, serial=7),
    )


def functional_error(variant: str = "one") -> FunctionalError:
    message_id = mid(LU, "FR", MessageType.FUNCTIONAL_ERROR, 61)
    if variant == "several":
        return FunctionalError(
            metadata=meta(message_id, _req_in()),
            contact_person=CONTACT,
            remarks=ml("Voir le détail."),
            errors=(
                FunctionalErrorEntry("FE-90001", (Text("line 12: pattern\nline 40: length", "en"),)),
                FunctionalErrorEntry("FE-90006"),
            ),
        )
    return FunctionalError(metadata=meta(message_id, _req_in()), errors=(FunctionalErrorEntry("FE-90004"),))


def cancellation(variant: str = "request") -> Cancellation:
    if variant == "notification":
        return Cancellation(
            metadata=meta(mid(LU, "PT", MessageType.CANCELLATION, 71), _not_id()),
            contact_person=CONTACT,
            remarks=ml("Envoyée par erreur."),
        )
    return Cancellation(metadata=meta(mid(LU, "FR", MessageType.CANCELLATION, 72), _req_out()))


def is_alive(variant: str = "probe") -> IsAlive:
    if variant == "answer":
        return IsAlive(
            metadata=MessageMetadata(
                mid("FR", LU, MessageType.IS_ALIVE, 1), datetime(2026, 3, 14, 9, tzinfo=UTC)
            ),
            is_alive=True,
        )
    return IsAlive(metadata=meta(mid(LU, "FR", MessageType.IS_ALIVE, 81)), is_alive=False)


def notification_from_peer(change: str = "new") -> Notification:
    """What the simulated Member State (``ecris-gateway peer-notify``) sends: PT notifies LU of a conviction
    of a Luxembourg national, then its pardon or its deletion under the same ConvictionID."""
    from adapters.peer.notifications import Change, NotifiedPerson, notification_of

    person = NotifiedPerson(surname="Weber", forenames="Anne", born=date(1980, 5, 1), birth_place="Esch-sur-Alzette",
                            national_number="1980050112345", nationalities=("LU", "PT"))
    return notification_of(person, message_id=mid("PT", LU, MessageType.NOTIFICATION, 21), now=TIMESTAMP,
                           conviction_serial=21, change=Change(change))


def corpus() -> list[tuple[str, EcrisMessage]]:
    """Every variant the tests produce, named ``<Element>/<variant>``."""
    messages: list[tuple[str, EcrisMessage]] = [
        ("minimal", request("minimal")),
        ("full", request("full")),
        ("fingerprints", request("fingerprints")),
        ("copy", request("copy")),
        ("minors-consent", request("minors-consent")),
        ("push", request_push()),
        ("deadline", request_deadline()),
        ("convictions", request_response("convictions")),
        ("no-conviction", request_response("no-conviction")),
        ("denial", request_response("denial")),
        ("denied", request_response("denied")),
        ("deceased", request_response("deceased")),
        ("restricted", request_response("restricted")),
        ("push", request_response_push()),
        ("minimal", notification("minimal")),
        ("full", notification("full")),
        ("fingerprints", notification("fingerprints")),
        ("update", notification("update")),
        ("deletion", notification("deletion")),
        ("external-reference", notification("external-reference")),
        ("bench-8kb", notification_8kb()),
        ("push", notification_push()),
        ("from-peer", notification_from_peer("new")),
        ("from-peer-pardon", notification_from_peer("pardon")),
        ("from-peer-deletion", notification_from_peer("delete")),
        ("ok", notification_response("ok")),
        ("problem", notification_response("problem")),
        ("push", notification_response_push()),
        ("after-request", request_additional_info("request")),
        ("after-notification", request_additional_info("notification")),
        ("available", request_additional_info_response("available")),
        ("not-available", request_additional_info_response("not-available")),
        ("push", request_additional_info_response_push()),
        ("one", functional_error("one")),
        ("several", functional_error("several")),
        ("of-request", cancellation("request")),
        ("of-notification", cancellation("notification")),
        ("probe", is_alive("probe")),
        ("answer", is_alive("answer")),
    ]
    return [(f"{message.element_name}/{variant}", message) for variant, message in messages]
