"""The register → ECRIS mapping (gateway/services/ecris_mapping/): every natural person of the demo register
maps to NotificationMessages that encode, validate against the project schema and pass the codec's checks;
amounts, durations, suspensions, offence categories, identity and the "unknown" conventions."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from adapters.files.reference_tables import load_project_tables
from adapters.files.register_format import read_file
from adapters.xml.codec import check, decode, encode
from adapters.xml.schemas import EcrisSchemas
from gateway.model.conviction import (
    CommunityService,
    Decision,
    DecisionKind,
    DrivingBan,
    Fine,
    FineNature,
    Imprisonment,
    LaterDecision,
    LaterDecisionType,
    Sursis,
    SursisScope,
    Suspension,
    SuspensionType,
)
from gateway.model.exchange import (
    UNKNOWN_COUNTRY,
    Amount,
    EcrisSex,
    MessageId,
    MessageMetadata,
    MessageType,
    Notification,
    RequestResponse,
    YesNoUnknown,
)
from gateway.model.partial_date import PartialDate
from gateway.model.person import IdentityDocument, LegalPerson, Name, NaturalPerson, Person, Sex
from gateway.model.reference_tables import ReferenceCode, ReferenceTables, Table
from gateway.services import ecris_mapping as mapping

ROOT = Path(__file__).resolve().parents[3]
PERSONS, PROBLEMS = read_file(ROOT / "demo" / "register-sample.json")
TABLES = load_project_tables()
SCHEMAS = EcrisSchemas.load()
NOW = datetime(2026, 3, 14, 9, 30, tzinfo=UTC)


def _person(person_id: str) -> Person:
    return next(p for p in PERSONS if p.id == person_id)


def _notifiable() -> list[tuple[Person, Decision]]:
    return [
        (p, d)
        for p in PERSONS
        if isinstance(p, NaturalPerson)
        for d in p.decisions
        if d.is_national and d.kind is not DecisionKind.SUSPENSION_OF_PRONOUNCEMENT
    ]


def _notify(person: Person, decision: Decision, serial: int = 1, **kwargs: object) -> Notification:
    return mapping.notification_for(
        person,
        decision,
        message_id=serial,
        receiver=kwargs.pop("receiver", "FR"),  # type: ignore[arg-type]
        now=NOW,
        conviction_id=f"LU-C-{serial:015d}",
        tables=TABLES,
        **kwargs,  # type: ignore[arg-type]
    )


def test_the_demo_register_reads_cleanly_and_has_persons_with_decisions() -> None:
    assert PROBLEMS == []
    assert len(_notifiable()) >= 7
    assert any(isinstance(p, LegalPerson) and p.decisions for p in PERSONS)


@pytest.mark.parametrize(
    ("person", "decision"), _notifiable(), ids=[f"{p.id}/{d.id}" for p, d in _notifiable()]
)
def test_every_notifiable_decision_maps_to_a_valid_notification(person: Person, decision: Decision) -> None:
    message = _notify(person, decision, serial=7)
    assert message.metadata.message_id == MessageId("LU", "FR", MessageType.NOTIFICATION, 7)
    element = encode(message)
    assert SCHEMAS.validate(element) == []
    result = check(element, tables=TABLES, expected_sender="LU")
    assert result.errors == []
    # Only offence categories the provisional tables lack may be flagged (Annex A codes, mapped by rule).
    assert all("offence-categories" in flag for flag in result.flags), result.flags
    assert decode(element) == message


def test_every_person_with_decisions_maps_or_is_refused_by_name() -> None:
    for person in PERSONS:
        for decision in person.decisions:
            if isinstance(person, LegalPerson):
                with pytest.raises(mapping.LegalPersonNotSupported):
                    _notify(person, decision)
            elif not decision.is_national:
                with pytest.raises(mapping.NotNotifiable):
                    _notify(person, decision)
            else:
                assert isinstance(_notify(person, decision), Notification)


def test_a_legal_person_cannot_travel_in_ecris_v1() -> None:
    company = _person("B123456")
    with pytest.raises(mapping.LegalPersonNotSupported):
        mapping.person_identity_of(company)
    with pytest.raises(mapping.LegalPersonNotSupported):
        mapping.conviction_of(company, company.decisions[0], conviction_id="LU-C-000000000000001")
    assert issubclass(mapping.LegalPersonNotSupported, mapping.EcrisMappingError)


# --------------------------------------------------------------------------------------------- targeted


def test_a_1500_eur_fine_is_unit_1500_without_fraction_in_euros() -> None:
    dupont = _person("1985031512345")
    conviction = _notify(dupont, dupont.decisions[0]).conviction
    fine = next(s for s in conviction.sanctions if s.common_category == "S-00-008001")
    assert fine.fine_amount == Amount(1500, None)
    assert fine.fine_currency == "CX-00-978-EUR"
    assert fine.number_of_fines == 1
    assert fine.national_title[0].value == "Amende correctionnelle"


def test_cents_are_a_two_digit_fraction() -> None:
    dupont = _person("1985031512345")
    decision = dataclasses.replace(
        dupont.decisions[0], penalties=(Fine(amount_eur=Decimal("12.05"), nature=FineNature.POLICE),)
    )
    person = dataclasses.replace(dupont, decisions=(decision,))
    sanction = _notify(person, decision).conviction.sanctions[0]
    assert sanction.fine_amount == Amount(12, 5)


def test_an_8_month_suspended_imprisonment_carries_its_duration_and_the_suspension() -> None:
    dupont = _person("1985031512345")
    decision = dupont.decisions[0]
    imprisonment = decision.penalties[0]
    assert isinstance(imprisonment, Imprisonment) and imprisonment.months == 8 and imprisonment.sursis
    sanction = _notify(dupont, decision).conviction.sanctions[0]
    assert sanction.common_category == "S-00-001001"
    assert sanction.sentenced_period is not None
    assert sanction.sentenced_period.duration == "P8M"
    assert sanction.sentenced_period.duration_exact is YesNoUnknown.YES
    assert sanction.suspension is not None
    assert sanction.suspension.type == "S-99-A"  # sursis simple (provisional code)
    assert sanction.suspension.suspended_part == "P8M"  # a full sursis suspends the whole sentence
    element = encode(_notify(dupont, decision))
    suspension = next(element.iter("{http://ec.europa.eu/ECRIS/domain-model-v1.0}SanctionSuspension"))
    assert suspension.findtext("{http://ec.europa.eu/ECRIS/domain-model-v1.0}SanctionDurationSuspendedPart") == "P8M"


def test_a_partial_probation_sursis() -> None:
    dupont = _person("1985031512345")
    sursis = Sursis(
        SuspensionType.PROBATOIRE, SursisScope.PARTIAL, suspended_months=6, probation_years=3,
        obligations=("indemniser la victime",),
    )
    decision = dataclasses.replace(dupont.decisions[0], penalties=(Imprisonment(30, sursis=sursis),))
    person = dataclasses.replace(dupont, decisions=(decision,))
    message = _notify(person, decision)
    sanction = message.conviction.sanctions[0]
    assert sanction.sentenced_period is not None and sanction.sentenced_period.duration == "P2Y6M"
    assert sanction.suspension is not None
    assert sanction.suspension.type == "S-99-B"
    assert sanction.suspension.suspended_part == "P6M"
    assert sanction.suspension.probation_duration == "P3Y"
    assert sanction.suspension.period.start == decision.final_date
    assert "indemniser la victime" in sanction.suspension.remarks[0].value
    assert SCHEMAS.validate(encode(message)) == []


def test_offence_category_codes_are_carried_over() -> None:
    for person, decision in _notifiable():
        conviction = _notify(person, decision).conviction
        assert [o.common_category for o in conviction.offences] == [
            "O-00-" + (o.ecris_category or "2700 00").replace(" ", "") for o in decision.offences
        ]
    assert mapping.offence_category("0301 00") == "O-00-030100"
    assert mapping.offence_category(None) == "O-00-270000"
    with pytest.raises(mapping.EcrisMappingError):
        mapping.offence_category("301")


def test_offences_keep_title_provisions_and_partial_dates() -> None:
    dupont = _person("1985031512345")
    offence = _notify(dupont, dupont.decisions[0]).conviction.offences[0]
    assert offence.national_title[0].value == "vol simple"
    assert offence.national_title[0].language == "fr"
    assert offence.legal_provisions == "art. 461 et 463 du Code pénal"
    assert offence.start_date == PartialDate(2024, 1, 15)
    decision = dataclasses.replace(
        dupont.decisions[0],
        offences=(dataclasses.replace(dupont.decisions[0].offences[0], date=PartialDate(2023, 11), legal_provisions=None),),
    )
    person = dataclasses.replace(dupont, decisions=(decision,))
    message = _notify(person, decision)
    assert message.conviction.offences[0].start_date == PartialDate(2023, 11)
    assert message.conviction.offences[0].legal_provisions is None  # → "UNKNOWN" on the wire
    assert SCHEMAS.validate(encode(message)) == []


def test_decision_dates_court_and_reference() -> None:
    dupont = _person("1985031512345")
    decision = dupont.decisions[0]
    conviction = _notify(dupont, decision).conviction
    assert conviction.convicting_country == "CO-00-442-LUX"
    assert conviction.decision_date == decision.decision_date
    assert conviction.final_date == decision.final_date
    assert conviction.file_number == decision.reference
    assert conviction.deciding_authority.name[0].value == "Tribunal d'arrondissement de Luxembourg"
    assert conviction.decisions[0].deciding_authority == conviction.deciding_authority
    assert conviction.non_criminal_ruling is YesNoUnknown.NO


def test_person_identity() -> None:
    dupont = _person("1985031512345")
    identity = mapping.person_identity_of(dupont)
    assert identity.name.forename.value == "Marie Claire"
    assert identity.name.surname.value == "Dupont"
    assert identity.sex is EcrisSex.FEMALE
    assert identity.birth_date == PartialDate(1985, 3, 15)
    assert identity.birth_place.country == "CO-00-250-FRA"
    assert identity.birth_place.town_name[0].value == "Metz"
    assert identity.nationalities == ("CO-00-250-FRA",)
    assert identity.father is not None and identity.father.forename is not None
    assert identity.father.forename.value == "Jean"
    rossi = mapping.person_identity_of(_person("1988020222222"))
    assert rossi.nationalities == ("CO-00-380-ITA", "CO-00-008-ALB")


def test_unknown_identity_data_uses_the_contract_conventions() -> None:
    kieffer = mapping.person_identity_of(_person("1926000066666"))
    assert kieffer.birth_date == PartialDate(1926)  # a partial birth date stays partial
    nobody = NaturalPerson(id="X1", surname="Inconnu", sex=Sex.OTHER, nationalities=("UNKNOWN",))
    identity = mapping.person_identity_of(nobody)
    assert identity.sex is EcrisSex.UNKNOWN
    assert identity.birth_date is None  # → year 1800 on the wire
    assert identity.nationalities == (UNKNOWN_COUNTRY,)
    assert identity.name.forename.value == "UNKNOWN"
    assert identity.birth_place.town_name[0].value == "UNKNOWN"
    stateless = mapping.person_identity_of(_person("1995050533333"))
    assert stateless.nationalities == (UNKNOWN_COUNTRY,)
    assert "Apatride" in stateless.remarks[0].value
    uncoded = mapping.person_identity_of(dataclasses.replace(nobody, nationalities=("SN", "FR")))
    assert uncoded.nationalities == (UNKNOWN_COUNTRY, "CO-00-250-FRA")
    assert "SN" in uncoded.remarks[0].value


def test_other_penalties_map_to_their_categories_and_durations() -> None:
    dupont = _person("1985031512345")
    decision = dataclasses.replace(
        dupont.decisions[0],
        penalties=(CommunityService(120), DrivingBan(18, execution_end_date=date(2026, 1, 31))),
    )
    person = dataclasses.replace(dupont, decisions=(decision,))
    message = _notify(person, decision)
    service, ban = message.conviction.sanctions
    assert service.common_category == "S-99-002001"
    assert service.sentenced_period is not None and service.sentenced_period.duration == "PT120H"
    assert ban.common_category == "S-99-002002"
    assert ban.sentenced_period is not None and ban.sentenced_period.duration == "P1Y6M"
    assert ban.execution_period is not None and ban.execution_period.end == date(2026, 1, 31)
    assert SCHEMAS.validate(encode(message)) == []


def test_later_decisions_travel_as_decisions_with_change_types() -> None:
    dupont = _person("1985031512345")
    decision = dataclasses.replace(
        dupont.decisions[0],
        later_decisions=(
            LaterDecision(LaterDecisionType.REHABILITATION, date(2030, 5, 1)),
            LaterDecision(LaterDecisionType.PARDON, date(2025, 2, 1), remarks="Arrêté grand-ducal"),
        ),
    )
    person = dataclasses.replace(dupont, decisions=(decision,))
    message = _notify(person, decision, update=True)
    decisions = message.conviction.decisions
    assert [d.id for d in decisions] == ["D-00001", "D-00002", "D-00003"]
    assert [d.change_types for d in decisions] == [(), ("DCH-00-O",), ("DCH-00-R",)]
    assert decisions[1].decision_date == date(2025, 2, 1)
    assert message.updated_conviction is not None and message.updated_conviction.ecris_id == "LU-C-000000000000001"
    element = encode(message)
    assert SCHEMAS.validate(element) == []
    assert check(element, tables=TABLES).errors == []


def test_a_request_response_numbers_ids_across_convictions() -> None:
    schmit = _person("1979110254321")
    national, foreign = schmit.decisions
    convictions = mapping.convictions_of(
        schmit, [(national, "LU-C-000000000000005"), (foreign, "DE-C-000000000000123")], tables=TABLES
    )
    assert convictions[1].convicting_country == "CO-00-276-DEU"
    ids = [x.id for c in convictions for x in (*c.decisions, *c.offences, *c.sanctions)]
    assert len(ids) == len(set(ids))
    message = RequestResponse(
        metadata=MessageMetadata(
            MessageId("LU", "FR", MessageType.REQUEST_RESPONSE, 3),
            NOW,
            response_to=MessageId("FR", "LU", MessageType.REQUEST, 9),
        ),
        person=mapping.person_identity_of(schmit),
        response_type="RRT-00-00",
        convictions=convictions,
    )
    element = encode(message)
    assert SCHEMAS.validate(element) == []
    assert check(element, tables=TABLES).errors == []


def test_suspension_of_the_pronouncement_is_not_notified_but_can_be_answered() -> None:
    dupont = _person("1985031512345")
    decision = dataclasses.replace(
        dupont.decisions[0],
        kind=DecisionKind.SUSPENSION_OF_PRONOUNCEMENT,
        penalties=(),
        suspension=Suspension(SuspensionType.PROBATOIRE, duration_years=2, obligations=("soins",)),
    )
    person = dataclasses.replace(dupont, decisions=(decision,))
    with pytest.raises(mapping.NotNotifiable):
        _notify(person, decision)
    conviction = mapping.conviction_of(person, decision, conviction_id="LU-C-000000000000001")
    (sanction,) = conviction.sanctions
    assert sanction.common_category == "S-99-011001"
    assert sanction.suspension is not None and sanction.suspension.probation_duration == "P2Y"


def test_refusals() -> None:
    dupont = _person("1985031512345")
    decision = dupont.decisions[0]
    with pytest.raises(mapping.EcrisMappingError):
        _notify(dupont, decision, receiver="LU")  # not another Member State
    with pytest.raises(mapping.EcrisMappingError):
        _notify(dupont, decision, receiver="CH")
    with pytest.raises(mapping.EcrisMappingError):
        mapping.conviction_of(dupont, decision, conviction_id="FR-C-000000000000001")  # not LU's ID
    with pytest.raises(mapping.EcrisMappingError):
        mapping.conviction_of(dupont, decision, conviction_id="LU-2024-1")
    with pytest.raises(mapping.EcrisMappingError):
        mapping.conviction_of(_person("1990071811111"), decision, conviction_id="LU-C-000000000000001")
    with pytest.raises(mapping.EcrisMappingError):
        mapping.notification_for(dupont, decision, message_id=1, receiver="FR", now=NOW)  # no conviction ID yet
    with pytest.raises(mapping.EcrisMappingError):
        mapping.notification_for(
            dupont, decision, message_id=MessageId("LU", "PT", MessageType.NOTIFICATION, 1), receiver="FR",
            now=NOW, conviction_id="LU-C-000000000000001",
        )


def test_texts_are_made_contract_conform() -> None:
    dupont = _person("1985031512345")
    offence = dataclasses.replace(dupont.decisions[0].offences[0], qualification="vol <simple> " + "x" * 500)
    decision = dataclasses.replace(dupont.decisions[0], offences=(offence,))
    person = dataclasses.replace(dupont, decisions=(decision,))
    message = _notify(person, decision)
    title = message.conviction.offences[0].national_title[0].value
    assert "<" not in title and ">" not in title and len(title) == 400
    assert SCHEMAS.validate(encode(message)) == []


def test_the_built_in_codes_are_the_project_tables_codes() -> None:
    for key, code in mapping.SANCTION_CATEGORY_CODES.items():
        assert TABLES.code_for(Table.SANCTION_CATEGORIES, key) == code
    for key, code in mapping.SUSPENSION_TYPE_CODES.items():
        assert TABLES.code_for(Table.SUSPENSION_TYPES, key) == code
    for key, code in mapping.DECISION_CHANGE_CODES.items():
        assert TABLES.code_for(Table.DECISION_CHANGE_TYPES, key) == code
    for key, code in mapping.IDENTIFICATION_DOCUMENT_CODES.items():
        assert TABLES.code_for(Table.IDENTIFICATION_DOCUMENT_CATEGORIES, key) == code
    for row in TABLES.rows(Table.COUNTRIES):
        if row.key and row.key != "unknown":
            alpha2 = next(a2 for a2, (_, a3) in mapping._COUNTRIES.items() if a3 == row.key)
            assert mapping.country_code(alpha2) == row.code
    for row in TABLES.rows(Table.CURRENCIES):
        assert mapping.currency_code(row.key or "") == row.code


def test_codes_come_from_the_tables_given_when_they_know_the_key() -> None:
    official = ReferenceTables.of(
        "test",
        "test",
        [
            *(row for table in Table for row in TABLES.rows(table) if row.key != "community_service"),
            ReferenceCode(Table.SANCTION_CATEGORIES, "S-00-009001", key="community_service"),
        ],
    )
    dupont = _person("1988020222222")
    conviction = mapping.conviction_of(
        dupont, dupont.decisions[0], conviction_id="LU-C-000000000000001", tables=official
    )
    assert conviction.sanctions[0].common_category == "S-00-009001"


def test_identity_documents_aliases_and_former_names() -> None:
    dupont = _person("1985031512345")
    person = dataclasses.replace(
        dupont,
        identity_documents=(
            IdentityDocument("passport", "PX123", issuing_authority="Préfecture de la Moselle"),
            IdentityDocument("carte consulaire", "C-9"),
        ),
        previous_names=(Name("Durand", ("Marie", "Claire")),),
        aliases=(Name("Dupond", ("Marie",)), Name("Ducat")),
    )
    person = dataclasses.replace(person, decisions=dupont.decisions)
    identity = mapping.person_identity_of(person)
    assert [d.category for d in identity.identification_documents] == ["ID-00-003", "ID-00-999"]
    assert identity.identification_documents[1].type[0].value == "carte consulaire"
    assert [n.value for n in identity.former_surnames] == ["Durand"]
    assert identity.former_forenames == ()
    assert [a.name.forename.value for a in identity.aliases] == ["Marie", "UNKNOWN"]
    message = _notify(person, person.decisions[0])
    assert SCHEMAS.validate(encode(message)) == []
    assert decode(encode(message)) == message
