"""The register's persons and decisions as ECRIS v1.0 structures (no XML: the codecs write them).

    person_identity_of(person) -> EcrisPerson
    conviction_of(person, decision, *, conviction_id, sending_state="LU") -> EcrisConviction
    convictions_of(person, [(decision, conviction_id), ...]) -> tuple[EcrisConviction, ...]
    notification_for(person, decision, *, message_id, receiver, now) -> Notification

The ``EcrisConviction``/``EcrisPerson`` values serve the NotificationMessage (one conviction) and the
RequestResponseMessage (several, numbered by ``convictions_of`` so that decision, offence and sanction IDs
stay unique in the message).

**Codes.** Reference-table codes are looked up by the gateway's own keys (``imprisonment``, ``EUR``,
``rehabilitation`` …) in the ``tables`` passed in, so that an official CRT replaces the project's codes;
without tables, or for a key the tables lack, the codes of the project tables (``schemas/reference-tables``)
apply. Imprisonment (``S-00-001001``) and fine (``S-00-008001``) are Annex B codes seen in real traffic.
**Every other sanction category below is PROVISIONAL** (``S-99-…``: no public Annex B value exists; the
``99`` marks a code of this project, to be replaced by the official CRT), and so are the two suspension
types ``S-99-A`` (sursis simple) and ``S-99-B`` (sursis probatoire). Offence categories come from the
decision's Annex A code by the contract's rule ("0301 00" → ``O-00-030100``).

**Unknown data** uses the contract's conventions, which the codec writes: no birth date → year 1800, no
decision date → 1800-01-01, no reference → file number ``UNKNOWN``, no legal provisions → ``UNKNOWN``, no
nationality → ``CO-00-999-XXX``, no Annex A code → ``O-00-270000``, no forename or birth town → ``UNKNOWN``,
sex X or U → 0 (unknown; ISO 5218 as ECRIS restricts it has no "other"). A country outside the project's
country table travels as ``CO-00-999-XXX`` and, for a nationality, is named in the person's remarks.

**Legal persons.** ECRIS v1.0 carries natural persons only (``dm:PersonType``: forename, surname, sex,
birth; FD 2009/315 Art 2(a)): a legal person raises ``LegalPersonNotSupported``.

**Amounts** travel as ECRIS wants them: a whole unit and a fraction read as two-digit cents (1,500 EUR →
unit 1500, no fraction; 12.05 → 12 and 5), in euros unless a foreign decision gives the amount pronounced
and its currency. **Durations** are ``xsd:duration`` (8 months → ``P8M``, 30 months → ``P2Y6M``, 120 hours
of community service → ``PT120H``). A **sursis** is the sanction's ``SanctionSuspension``: its type, the
suspended part (the whole sentence for a full sursis), the probation period and obligations.
Free texts lose ``<`` and ``>`` (which ``commons:StringType`` forbids) and are cut to the contract's lengths.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal

from gateway.errors import GatewayError
from gateway.law.notification_duty import notifiable_decision
from gateway.model.conviction import (
    Closure,
    CommunityService,
    Decision,
    DecisionKind,
    DeprivationOfRights,
    Dissolution,
    DrivingBan,
    Fine,
    Imprisonment,
    LaterDecision,
    LaterDecisionType,
    MinorInvolvement,
    MinorsActivityBan,
    Offence,
    Penalty,
    PlacementMeasure,
    PublicProcurementExclusion,
    RightsSubtype,
    Sursis,
    SursisScope,
    SuspensionType,
)
from gateway.model.exchange import (
    DEFAULT_OFFENCE_CATEGORY,
    UNKNOWN_COUNTRY,
    UNKNOWN_TEXT,
    Amount,
    ContactPerson,
    ConvictionDecision,
    ConvictionReference,
    DecidingAuthority,
    DecisionToOffences,
    DecisionToSanctions,
    EcrisConviction,
    EcrisOffence,
    EcrisPerson,
    EcrisSanction,
    EcrisSex,
    IdentificationDocument,
    MessageId,
    MessageMetadata,
    MessageType,
    MultilingualText,
    NameText,
    Notification,
    ParentName,
    Period,
    PersonAddress,
    PersonAlias,
    PersonName,
    Place,
    Relationship,
    SanctionSuspension,
    SentencedPeriod,
    Text,
    YesNoUnknown,
    iso_duration,
)
from gateway.model.member_states import LUXEMBOURG, is_member_state
from gateway.model.person import (
    STATELESS,
    UNKNOWN_NATIONALITY,
    Address,
    IdentityDocument,
    LegalPerson,
    Name,
    NaturalPerson,
    Person,
    Sex,
)
from gateway.model.reference_tables import ReferenceTables, Table


class EcrisMappingError(GatewayError):
    """A register datum the ECRIS v1.0 structures cannot carry, or a call the mapping refuses."""


class LegalPersonNotSupported(EcrisMappingError):
    """ECRIS v1.0 has no structure for a legal person (FD 2009/315 Art 2(a): natural persons only)."""


class NotNotifiable(EcrisMappingError):
    """A decision Luxembourg does not notify (R-NOT-1): foreign, or a suspension of the pronouncement."""


FRENCH = "fr"
"""The language of the register's texts (qualifications, court names, penalty titles)."""

# --------------------------------------------------------------------------------------------- codes

_COUNTRIES: dict[str, tuple[str, str]] = {
    # ISO 3166-1 alpha-2 → (numeric, alpha-3), for the countries of the project's country table.
    "AT": ("040", "AUT"), "BE": ("056", "BEL"), "BG": ("100", "BGR"), "CY": ("196", "CYP"),
    "CZ": ("203", "CZE"), "DE": ("276", "DEU"), "DK": ("208", "DNK"), "EE": ("233", "EST"),
    "ES": ("724", "ESP"), "FI": ("246", "FIN"), "FR": ("250", "FRA"), "GR": ("300", "GRC"),
    "EL": ("300", "GRC"), "HR": ("191", "HRV"), "HU": ("348", "HUN"), "IE": ("372", "IRL"),
    "IT": ("380", "ITA"), "LT": ("440", "LTU"), "LU": ("442", "LUX"), "LV": ("428", "LVA"),
    "MT": ("470", "MLT"), "NL": ("528", "NLD"), "PL": ("616", "POL"), "PT": ("620", "PRT"),
    "RO": ("642", "ROU"), "SE": ("752", "SWE"), "SI": ("705", "SVN"), "SK": ("703", "SVK"),
    "GB": ("826", "GBR"), "CH": ("756", "CHE"), "NO": ("578", "NOR"), "IS": ("352", "ISL"),
    "LI": ("438", "LIE"), "US": ("840", "USA"), "TR": ("792", "TUR"), "UA": ("804", "UKR"),
    "MA": ("504", "MAR"), "CV": ("132", "CPV"), "BR": ("076", "BRA"), "AL": ("008", "ALB"),
    "RS": ("688", "SRB"), "ME": ("499", "MNE"), "BA": ("070", "BIH"), "MK": ("807", "MKD"),
    "DZ": ("012", "DZA"), "TN": ("788", "TUN"), "RU": ("643", "RUS"), "CN": ("156", "CHN"),
    "IN": ("356", "IND"), "NG": ("566", "NGA"), "SY": ("760", "SYR"), "AF": ("004", "AFG"),
    "ER": ("232", "ERI"), "IQ": ("368", "IRQ"),
}  # fmt: skip

_CURRENCIES: dict[str, str] = {
    # ISO 4217 alphabetic → numeric, for the currencies of the project's currency table.
    "EUR": "978", "PLN": "985", "BGN": "975", "CZK": "203", "DKK": "208", "HUF": "348", "RON": "946",
    "SEK": "752", "GBP": "826", "CHF": "756", "NOK": "578", "ISK": "352", "USD": "840",
}  # fmt: skip

SANCTION_CATEGORY_CODES: dict[str, str] = {
    "imprisonment": "S-00-001001",
    "fine": "S-00-008001",
    "community_service": "S-99-002001",  # PROVISIONAL
    "driving_ban": "S-99-002002",  # PROVISIONAL
    "deprivation_of_rights": "S-99-003001",  # PROVISIONAL
    "minors_activity_ban": "S-99-003002",  # PROVISIONAL
    "public_procurement_exclusion": "S-99-003003",  # PROVISIONAL
    "closure": "S-99-006001",  # PROVISIONAL
    "dissolution": "S-99-006002",  # PROVISIONAL
    "placement": "S-99-007001",  # PROVISIONAL
    "suspended_pronouncement": "S-99-011001",  # PROVISIONAL
}
"""The project tables' Annex B codes by the gateway's key (the penalty ``type`` of the register format)."""

SUSPENSION_TYPE_CODES: dict[str, str] = {"simple": "S-99-A", "probation": "S-99-B"}  # both PROVISIONAL
DECISION_CHANGE_CODES: dict[str, str] = {
    "pardon": "DCH-00-O",
    "amnesty": "DCH-00-P",
    "rehabilitation": "DCH-00-R",
    "conditional_release": "DCH-00-Q",
    "release_revoked": "DCH-00-S",
    "sentence_end": "DCH-00-N",
    "other": "DCH-00-X",
}
IDENTIFICATION_DOCUMENT_CODES: dict[str, str] = {
    "identity_card": "ID-00-001",
    "civil_register_certificate": "ID-00-002",
    "passport": "ID-00-003",
    "driving_licence": "ID-00-004",
    "social_security_card": "ID-00-005",
    "temporary_identity_card": "ID-00-006",
    "residence_permit": "ID-00-007",
    "other": "ID-00-999",
}

_CHANGE_KEYS: dict[LaterDecisionType, str] = {
    LaterDecisionType.PARDON: "pardon",
    LaterDecisionType.AMNESTY: "amnesty",
    LaterDecisionType.REHABILITATION: "rehabilitation",
    LaterDecisionType.CONDITIONAL_RELEASE: "conditional_release",
    LaterDecisionType.RELEASE_REVOKED: "release_revoked",
    LaterDecisionType.SENTENCE_END: "sentence_end",
    LaterDecisionType.REVISION: "other",  # no DCH value for a Luxembourg revision; its title says which
}
_LATER_TITLES: dict[LaterDecisionType, str] = {
    LaterDecisionType.PARDON: "Grâce",
    LaterDecisionType.REVISION: "Révision",
    LaterDecisionType.AMNESTY: "Amnistie",
    LaterDecisionType.REHABILITATION: "Réhabilitation",
    LaterDecisionType.CONDITIONAL_RELEASE: "Libération conditionnelle",
    LaterDecisionType.RELEASE_REVOKED: "Révocation de la libération conditionnelle",
    LaterDecisionType.SENTENCE_END: "Fin de l'exécution de la peine",
}


def _code(tables: ReferenceTables | None, table: Table, key: str, default: str) -> str:
    if tables is not None:
        try:
            return tables.code_for(table, key)
        except KeyError:
            pass
    return default


def country_code(country: str | None, tables: ReferenceTables | None = None) -> str:
    """``CO-00-<ISO numeric>-<alpha-3>`` for an ISO alpha-2 code; ``CO-00-999-XXX`` when unknown."""
    known = _COUNTRIES.get(country or "")
    if known is None:
        return UNKNOWN_COUNTRY
    numeric, alpha3 = known
    return _code(tables, Table.COUNTRIES, alpha3, f"CO-00-{numeric}-{alpha3}")


def currency_code(currency: str, tables: ReferenceTables | None = None) -> str | None:
    """``CX-00-<ISO numeric>-<alpha>`` for an ISO 4217 code; None when unknown."""
    numeric = _CURRENCIES.get(currency.upper())
    if numeric is None:
        return None
    return _code(tables, Table.CURRENCIES, currency.upper(), f"CX-00-{numeric}-{currency.upper()}")


def offence_category(annex_a: str | None) -> str:
    """The Annex A code of the register ("0301 00") as the contract writes it (``O-00-030100``)."""
    if annex_a is None:
        return DEFAULT_OFFENCE_CATEGORY
    digits = annex_a.replace(" ", "")
    if len(digits) != 6 or not digits.isascii() or not digits.isdigit():
        raise EcrisMappingError("an offence's Annex A code is not of the form NNNN NN")
    return f"O-00-{digits}"


# --------------------------------------------------------------------------------------------- texts


def _clean(text: str | None, limit: int) -> str | None:
    """A contract-conform string: no ``<``/``>``, not blank (else None), at most ``limit`` characters."""
    if text is None:
        return None
    cleaned = text.replace("<", "‹").replace(">", "›").strip()
    if not cleaned:
        return None
    return cleaned if len(cleaned) <= limit else cleaned[: limit - 1].rstrip() + "…"


def _ml(text: str | None, limit: int = 400, language: str | None = FRENCH) -> MultilingualText:
    cleaned = _clean(text, limit)
    return () if cleaned is None else (Text(cleaned, language),)


def _name(text: str | None) -> NameText | None:
    cleaned = _clean(text, 200)
    return None if cleaned is None else NameText(cleaned)


def _forenames(forenames: Sequence[str]) -> NameText | None:
    """ECRIS v1.0 has one ``Forename``: the forenames joined by spaces."""
    return _name(" ".join(forenames))


def _amount(value: Decimal) -> Amount:
    """Euros (or the pronounced currency) as unit + two-digit cents, rounded to the cent."""
    return Amount.of(value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def _months(months: int) -> str:
    return iso_duration(years=months // 12, months=months % 12)


# --------------------------------------------------------------------------------------------- person


_SEXES = {Sex.MALE: EcrisSex.MALE, Sex.FEMALE: EcrisSex.FEMALE}


def _natural(person: Person) -> NaturalPerson:
    if isinstance(person, LegalPerson):
        raise LegalPersonNotSupported(
            f"person {person.id} is a legal person: ECRIS v1.0 carries natural persons only"
        )
    return person


def _place(city: str | None, country: str | None, tables: ReferenceTables | None) -> Place:
    town = _ml(city, 200, None) or (Text(UNKNOWN_TEXT),)
    return Place(town_name=town, country=country_code(country, tables))


def _parent(name: Name | None) -> ParentName | None:
    if name is None:
        return None
    parent = ParentName(forename=_forenames(name.forenames), surname=_name(name.surname))
    return None if parent.forename is None and parent.surname is None else parent


def _alias(name: Name) -> PersonAlias | None:
    surname = _name(name.surname)
    if surname is None:
        return None
    return PersonAlias(name=PersonName(_forenames(name.forenames) or NameText(UNKNOWN_TEXT), surname))


def _document(document: IdentityDocument) -> IdentificationDocument:
    key = document.category.strip().lower().replace(" ", "_").replace("-", "_")
    code = IDENTIFICATION_DOCUMENT_CODES.get(key, IDENTIFICATION_DOCUMENT_CODES["other"])
    return IdentificationDocument(
        category=code,
        type=_ml(document.category, 200, None) or (Text(UNKNOWN_TEXT),),
        number=_clean(document.number, 50),
        issuing_authority=_ml(document.issuing_authority, 200, None),
    )


def _address(address: Address, tables: ReferenceTables | None) -> PersonAddress:
    return PersonAddress(
        place=_place(address.city, address.country, tables),
        full=_ml(address.address, 4000, None),
    )


def person_identity_of(person: Person, *, tables: ReferenceTables | None = None) -> EcrisPerson:
    """``dm:PersonType`` of a natural person: names, sex, birth, nationalities, parents, aliases, former
    names, identity number and documents, residence. A legal person raises ``LegalPersonNotSupported``."""
    natural = _natural(person)
    surname = _name(natural.surname)
    if surname is None:
        raise EcrisMappingError(f"person {natural.id} has no surname")
    remarks: list[str] = []
    nationalities: list[str] = []
    uncoded: list[str] = []
    for nationality in natural.nationalities:
        if nationality == STATELESS:
            remarks.append("Apatride.")
            continue
        code = country_code(nationality, tables)
        if code == UNKNOWN_COUNTRY and nationality != UNKNOWN_NATIONALITY:
            uncoded.append(nationality)
        if code not in nationalities:
            nationalities.append(code)
    if uncoded:
        remarks.append("Nationalité(s) sans code ECRIS : " + ", ".join(uncoded) + ".")
    current_forename = " ".join(natural.forenames)
    former_surnames = tuple(
        n for n in (_name(p.surname) for p in natural.previous_names if p.surname != natural.surname) if n
    )
    former_forenames = tuple(
        n
        for n in (
            _forenames(p.forenames)
            for p in natural.previous_names
            if " ".join(p.forenames) != current_forename
        )
        if n
    )
    return EcrisPerson(
        name=PersonName(_forenames(natural.forenames) or NameText(UNKNOWN_TEXT), surname),
        sex=_SEXES.get(natural.sex, EcrisSex.UNKNOWN),
        birth_date=natural.birth.date,
        birth_place=_place(natural.birth.city, natural.birth.country, tables),
        nationalities=tuple(nationalities) or (UNKNOWN_COUNTRY,),
        former_forenames=tuple(dict.fromkeys(former_forenames)),
        former_surnames=tuple(dict.fromkeys(former_surnames)),
        father=_parent(natural.father),
        mother=_parent(natural.mother),
        identity_number=_clean(natural.id, 50),
        identification_documents=tuple(_document(d) for d in natural.identity_documents),
        addresses=() if natural.residence is None else (_address(natural.residence, tables),),
        aliases=tuple(a for a in (_alias(n) for n in natural.aliases) if a is not None),
        remarks=_ml(" ".join(remarks), 4000),
    )


# --------------------------------------------------------------------------------------------- sanctions


_FINE_TITLES = {
    "criminelle": "Amende criminelle",
    "correctionnelle": "Amende correctionnelle",
    "police": "Amende de police",
}
_RIGHTS_TITLES = {
    RightsSubtype.INTERDICTION: "Interdiction de droits",
    RightsSubtype.INCAPACITE: "Incapacité",
    RightsSubtype.DECHEANCE: "Déchéance de droits",
}


def _suspension(
    sursis: Sursis, *, sentence_months: int | None, decision: Decision, tables: ReferenceTables | None
) -> SanctionSuspension:
    """A sursis as ``SanctionSuspension``: its type, the suspended part (the whole sentence when the
    sursis is full), the probation period from the day the decision became final, the obligations and
    what became of it (revoked, forfeited, non avenue) in remarks."""
    key = "simple" if sursis.type is SuspensionType.SIMPLE else "probation"
    suspended = sursis.suspended_months
    if suspended is None and sursis.scope is SursisScope.FULL:
        suspended = sentence_months
    probation = iso_duration(years=sursis.probation_years) if sursis.probation_years else None
    notes = [
        "Sursis simple" if sursis.type is SuspensionType.SIMPLE else "Sursis probatoire",
        "total" if sursis.scope is SursisScope.FULL else "partiel",
    ]
    remarks = [" ".join(notes) + "."]
    if sursis.obligations:
        remarks.append("Obligations : " + "; ".join(sursis.obligations) + ".")
    for label, day in (
        ("Sursis révoqué le", sursis.revoked_on),
        ("Déchéance du sursis le", sursis.forfeited_on),
        ("Condamnation non avenue le", sursis.non_avenue_on),
    ):
        if day is not None:
            remarks.append(f"{label} {day.isoformat()}.")
    return SanctionSuspension(
        type=_code(tables, Table.SUSPENSION_TYPES, key, SUSPENSION_TYPE_CODES[key]),
        period=Period(start=decision.final_date, duration=probation) if probation else Period(),
        suspended_part=_months(suspended) if suspended else None,
        probation_duration=probation,
        remarks=_ml(" ".join(remarks), 4000),
    )


def _sanction(
    penalty: Penalty, sanction_id: str, decision: Decision, tables: ReferenceTables | None
) -> EcrisSanction:
    category = _code(tables, Table.SANCTION_CATEGORIES, penalty.type, SANCTION_CATEGORY_CODES[penalty.type])
    title = "Peine"
    sentenced: SentencedPeriod | None = None
    execution: Period | None = None
    fine_amount: Amount | None = None
    currency: str | None = None
    months: int | None = None
    remarks: list[str] = []
    match penalty:
        case Imprisonment():
            title, months = "Emprisonnement", penalty.months
            sentenced = SentencedPeriod(YesNoUnknown.YES, duration=_months(penalty.months))
            if penalty.executed_on is not None:
                execution = Period(end=penalty.executed_on)
            release = penalty.conditional_release
            if release is not None and release.released_on is not None:
                remarks.append(f"Libération conditionnelle le {release.released_on.isoformat()}.")
            if release is not None and release.revoked_on is not None:
                remarks.append(f"Libération conditionnelle révoquée le {release.revoked_on.isoformat()}.")
        case Fine():
            title = _FINE_TITLES.get(penalty.nature.value, "Amende")
            pronounced = currency_code(penalty.currency, tables) if penalty.currency else None
            if penalty.amount is not None and pronounced is not None and not decision.is_national:
                fine_amount, currency = _amount(penalty.amount), pronounced
            elif penalty.amount_eur is not None:
                fine_amount, currency = _amount(penalty.amount_eur), currency_code("EUR", tables)
        case CommunityService():
            title = "Travail d'intérêt général"
            sentenced = SentencedPeriod(YesNoUnknown.YES, duration=iso_duration(hours=penalty.hours))
        case DrivingBan():
            title, months = "Interdiction de conduire", penalty.months
            if penalty.months is not None:
                sentenced = SentencedPeriod(YesNoUnknown.YES, duration=_months(penalty.months))
            if penalty.execution_end_date is not None:
                execution = Period(end=penalty.execution_end_date)
        case DeprivationOfRights():
            title = _RIGHTS_TITLES[penalty.subtype]
            if penalty.label:
                remarks.append(penalty.label.rstrip(".") + ".")
        case MinorsActivityBan():
            title = "Interdiction d'exercer une activité impliquant un contact habituel avec des mineurs"
        case Closure():
            title = "Fermeture d'entreprise ou d'établissement"
        case Dissolution():
            title = "Dissolution"
        case PublicProcurementExclusion():
            title = "Exclusion des marchés publics"
        case PlacementMeasure():
            title = "Mesure de placement"
    if isinstance(penalty, DeprivationOfRights | MinorsActivityBan | Closure | PublicProcurementExclusion):
        if penalty.end_date is not None:
            execution = Period(end=penalty.end_date)
        if getattr(penalty, "perpetual", False):
            remarks.append("À perpétuité.")
    return EcrisSanction(
        id=sanction_id,
        national_title=_ml(title),
        remarks=_ml(" ".join(remarks), 4000),
        common_category=category,
        specific_to_minor=YesNoUnknown.UNKNOWN if isinstance(penalty, PlacementMeasure) else YesNoUnknown.NO,
        sentenced_period=sentenced,
        execution_period=execution,
        number_of_fines=1 if fine_amount is not None else None,
        fine_amount=fine_amount,
        fine_currency=currency,
        suspension=None
        if penalty.sursis is None
        else _suspension(penalty.sursis, sentence_months=months, decision=decision, tables=tables),
    )


def _suspended_pronouncement(
    decision: Decision, sanction_id: str, tables: ReferenceTables | None
) -> EcrisSanction:
    """A suspension of the pronouncement (Art 1(4)): the sanction is the suspension itself."""
    suspension = decision.suspension
    probation = (
        iso_duration(years=suspension.duration_years) if suspension and suspension.duration_years else None
    )
    key = "simple" if suspension is None or suspension.type is SuspensionType.SIMPLE else "probation"
    obligations = (
        "Obligations : " + "; ".join(suspension.obligations) + "."
        if suspension and suspension.obligations
        else None
    )
    return EcrisSanction(
        id=sanction_id,
        national_title=_ml("Suspension du prononcé de la condamnation"),
        common_category=_code(
            tables,
            Table.SANCTION_CATEGORIES,
            "suspended_pronouncement",
            SANCTION_CATEGORY_CODES["suspended_pronouncement"],
        ),
        specific_to_minor=YesNoUnknown.NO,
        suspension=SanctionSuspension(
            type=_code(tables, Table.SUSPENSION_TYPES, key, SUSPENSION_TYPE_CODES[key]),
            period=Period(start=decision.final_date, duration=probation) if probation else Period(),
            probation_duration=probation,
            remarks=_ml(obligations, 4000),
        ),
    )


# --------------------------------------------------------------------------------------------- conviction


_MINOR_REMARKS = {
    MinorInvolvement.CONSTITUTIVE: "Infraction commise à l'égard d'un mineur (élément constitutif).",
    MinorInvolvement.AGGRAVATING: "Infraction commise à l'égard d'un mineur (circonstance aggravante).",
}


def _offence(offence: Offence, offence_id: str) -> EcrisOffence:
    title = _ml(offence.qualification) or (Text(UNKNOWN_TEXT, None),)
    return EcrisOffence(
        id=offence_id,
        national_title=title,
        national_code=_clean(offence.national_code, 50),
        remarks=_ml(_MINOR_REMARKS.get(offence.minor), 4000),
        common_category=offence_category(offence.ecris_category),
        legal_provisions=_clean(offence.legal_provisions, 400),
        start_date=offence.date,
    )


def _later(later: LaterDecision, decision_id: str, tables: ReferenceTables | None) -> ConvictionDecision:
    key = _CHANGE_KEYS[later.type]
    title = _LATER_TITLES[later.type]
    remarks = f"{title}. {later.remarks}" if later.remarks else f"{title}."
    return ConvictionDecision(
        id=decision_id,
        change_types=(_code(tables, Table.DECISION_CHANGE_TYPES, key, DECISION_CHANGE_CODES[key]),),
        decision_date=later.date,
        # The Luxembourg register keeps pardoned, amnestied and rehabilitated convictions (N°1 shows them);
        # what a revision leaves depends on its outcome, which the register does not say.
        delete_from_register=YesNoUnknown.UNKNOWN
        if later.type is LaterDecisionType.REVISION
        else YesNoUnknown.NO,
        remarks=_ml(remarks, 4000),
    )


def _check_conviction_id(conviction_id: str, decision: Decision, sending_state: str) -> None:
    prefix, sep, number = conviction_id.partition("-C-")
    if not (
        sep
        and len(prefix) == 2
        and prefix.isascii()
        and prefix.isalpha()
        and prefix.isupper()
        and len(number) == 15
        and number.isascii()
        and number.isdigit()
    ):
        raise EcrisMappingError(f"{conviction_id!r} is not an ECRIS conviction ID (XX-C-nnnnnnnnnnnnnnn)")
    if decision.is_national and prefix != sending_state:
        raise EcrisMappingError(
            f"decision {decision.id} is held by {sending_state}: its ECRIS conviction ID starts with {sending_state}-C-"
        )


def conviction_of(
    person: Person,
    decision: Decision,
    *,
    conviction_id: str,
    sending_state: str = LUXEMBOURG,
    first_number: int = 1,
    tables: ReferenceTables | None = None,
) -> EcrisConviction:
    """``dm:ConvictionType`` of one decision of ``person``.

    ``conviction_id``: the ECRIS ID (``XX-C-`` + 15 digits); a decision of the register's own
    (``sending_state``'s) origin carries that state's prefix, a foreign one keeps its convicting state's.
    ``first_number`` starts the D-/O-/S- numbering (``convictions_of`` keeps it unique across convictions).
    The decision, then each later decision (pardon, rehabilitation, … with its change type) is a
    ``ConvictionDecision``; relationships tie the decision to all offences and all sanctions.
    """
    natural = _natural(person)
    if natural.decision(decision.id) is None:
        raise EcrisMappingError(f"decision {decision.id} is not one of person {natural.id}'s")
    _check_conviction_id(conviction_id, decision, sending_state)
    court_language = FRENCH if decision.court_country == LUXEMBOURG else None
    court = DecidingAuthority(name=_ml(decision.court, 400, court_language) or (Text(UNKNOWN_TEXT),))
    number = first_number
    decision_id = f"D-{number:05d}"
    decisions = [
        ConvictionDecision(
            id=decision_id,
            decision_date=decision.decision_date,
            final_date=decision.final_date,
            deciding_authority=court,
        )
    ]
    for later in sorted(decision.later_decisions, key=lambda item: item.date):
        number += 1
        decisions.append(_later(later, f"D-{number:05d}", tables))
    offences = tuple(_offence(o, f"O-{first_number + i:05d}") for i, o in enumerate(decision.offences))
    sanctions = [
        _sanction(p, f"S-{first_number + i:05d}", decision, tables) for i, p in enumerate(decision.penalties)
    ]
    if decision.kind is DecisionKind.SUSPENSION_OF_PRONOUNCEMENT:
        sanctions.append(_suspended_pronouncement(decision, f"S-{first_number + len(sanctions):05d}", tables))
    relationships: list[Relationship] = []
    if offences:
        relationships.append(DecisionToOffences(decision_id, tuple(o.id for o in offences)))
    if sanctions:
        relationships.append(DecisionToSanctions(decision_id, tuple(s.id for s in sanctions)))
    remarks = []
    if decision.by_default_not_notified:
        remarks.append("Décision rendue par défaut, non signifiée à personne.")
    restricted = decision.transmission_restriction is not None
    return EcrisConviction(
        id=conviction_id,
        convicting_country=country_code(decision.court_country, tables),
        deciding_authority=court,
        decisions=tuple(decisions),
        file_number=_clean(decision.reference, 50),
        decision_date=decision.decision_date,
        final_date=decision.final_date,
        non_criminal_ruling=YesNoUnknown.NO,
        # Art 7(2) FD: a convicting state may restrict a conviction to criminal proceedings. The register
        # records that restriction for foreign decisions only; Luxembourg's own choice is not in it.
        is_transmittable=YesNoUnknown.NO if restricted else YesNoUnknown.UNKNOWN,
        remarks=_ml(" ".join(remarks), 4000),
        offences=offences,
        sanctions=tuple(sanctions),
        relationships=tuple(relationships),
    )


def convictions_of(
    person: Person,
    decisions: Sequence[tuple[Decision, str]],
    *,
    sending_state: str = LUXEMBOURG,
    tables: ReferenceTables | None = None,
) -> tuple[EcrisConviction, ...]:
    """The convictions of a RequestResponse: each ``(decision, conviction_id)`` numbered after the last,
    so that every D-/O-/S- ID is unique in the message (they are ``xsd:ID``)."""
    convictions: list[EcrisConviction] = []
    number = 1
    for decision, conviction_id in decisions:
        conviction = conviction_of(
            person,
            decision,
            conviction_id=conviction_id,
            sending_state=sending_state,
            first_number=number,
            tables=tables,
        )
        convictions.append(conviction)
        number += max(len(conviction.decisions), len(conviction.offences), len(conviction.sanctions))
    return tuple(convictions)


# --------------------------------------------------------------------------------------------- notification


def notification_for(
    person: Person,
    decision: Decision,
    *,
    message_id: MessageId | int,
    receiver: str,
    now: datetime,
    conviction_id: str | None = None,
    sending_state: str = LUXEMBOURG,
    update: bool = False,
    contact_person: ContactPerson | None = None,
    tables: ReferenceTables | None = None,
) -> Notification:
    """The NotificationMessage of one of ``sending_state``'s convictions to the Member State ``receiver``.

    ``message_id``: the allocated ``MessageId``, or its serial. ``conviction_id`` defaults to the
    decision's ``ecris_conviction_id`` (allocated when it was first notified). ``update`` re-sends the
    whole conviction under the same ID and says so (``MessageDataUpdatedConvictionReference``).
    Raises ``LegalPersonNotSupported`` for a legal person, ``NotNotifiable`` for a foreign decision or a
    suspension of the pronouncement (R-NOT-1), ``EcrisMappingError`` for what the contract cannot carry.
    """
    natural = _natural(person)
    ruling = notifiable_decision(natural, decision)
    if not ruling.included:
        raise NotNotifiable(f"decision {decision.id} is not notified: {ruling.reason} (Art {ruling.article})")
    if not is_member_state(receiver) or receiver == sending_state:
        raise EcrisMappingError(f"{receiver!r} is not another Member State")
    if isinstance(message_id, int):
        message_id = MessageId(sending_state, receiver, MessageType.NOTIFICATION, message_id)
    if (message_id.sender, message_id.receiver, message_id.type) != (
        sending_state,
        receiver,
        MessageType.NOTIFICATION,
    ):
        raise EcrisMappingError(
            f"message ID {message_id} is not a notification from {sending_state} to {receiver}"
        )
    conviction_id = conviction_id or decision.ecris_conviction_id
    if conviction_id is None:
        raise EcrisMappingError(f"decision {decision.id} has no ECRIS conviction ID yet")
    conviction = conviction_of(
        natural, decision, conviction_id=conviction_id, sending_state=sending_state, tables=tables
    )
    return Notification(
        metadata=MessageMetadata(message_id, now),
        contact_person=contact_person,
        person=person_identity_of(natural, tables=tables),
        conviction=conviction,
        updated_conviction=ConvictionReference(ecris_id=conviction_id) if update else None,
    )


__all__ = [
    "DECISION_CHANGE_CODES",
    "IDENTIFICATION_DOCUMENT_CODES",
    "SANCTION_CATEGORY_CODES",
    "SUSPENSION_TYPE_CODES",
    "EcrisMappingError",
    "LegalPersonNotSupported",
    "NotNotifiable",
    "conviction_of",
    "convictions_of",
    "country_code",
    "currency_code",
    "notification_for",
    "offence_category",
    "person_identity_of",
]
