"""ECRIS → register: a notified conviction and its person in the register's terms (the mapping table read
backwards).

    identity_claim_of(ecris_person) -> IdentityClaim            what identification compares
    person_of(ecris_person, person_id=...) -> NaturalPerson     a person new to the register
    foreign_decision_of(conviction, sender=...) -> ForeignDecision

Codes are read back through the same tables that write them (``codes``): a sanction category maps back to
the penalty of its key; a code the table does not know becomes ``OtherPenalty(label=<national title>)``, so
the register never refuses a penalty it cannot name. Later decisions (``ConvictionDecision`` with a change
type) become ``LaterDecision``s; a change type with no register equivalent is kept as a note for a clerk.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from gateway.law.foreign_conviction import penalty_level_of_notified_conviction
from gateway.law.identification import IdentityClaim
from gateway.model.conviction import (
    CommunityService,
    Confiscation,
    Decision,
    DecisionKind,
    DeprivationOfRights,
    DrivingBan,
    Fine,
    FineNature,
    Imprisonment,
    LaterDecision,
    LaterDecisionType,
    MinorsActivityBan,
    Offence,
    OtherPenalty,
    Penalty,
    PlacementMeasure,
    ProfessionalBan,
    Publication,
    RightsSubtype,
    Sursis,
    SursisScope,
    SuspensionType,
    TransmissionRestriction,
)
from gateway.model.exchange import (
    DEFAULT_OFFENCE_CATEGORY,
    UNKNOWN_TEXT,
    EcrisConviction,
    EcrisOffence,
    EcrisPerson,
    EcrisSanction,
    EcrisSex,
    MultilingualText,
    Place,
    YesNoUnknown,
)
from gateway.model.person import Birth, Name, NaturalPerson, Sex
from gateway.services.ecris_mapping.codes import (
    _COUNTRIES,
    DECISION_CHANGE_CODES,
    SANCTION_CATEGORY_CODES,
    SUSPENSION_TYPE_CODES,
)
from gateway.services.ecris_mapping.errors import EcrisMappingError

UNKNOWN_DAY = date(1800, 1, 1)
"""The contract's "unknown" decision date (ECRIS-NOTES §5.1)."""

_ALPHA2_BY_ALPHA3 = {alpha3: alpha2 for alpha2, (_n, alpha3) in _COUNTRIES.items() if alpha2 != "EL"}
_KEY_BY_SANCTION_CODE = {code: key for key, code in SANCTION_CATEGORY_CODES.items()}
_KEY_BY_SANCTION_CODE.update({"S-00-008002": "fine"})  # day-fine: a fine
_KEY_BY_CHANGE_CODE = {code: key for key, code in DECISION_CHANGE_CODES.items()}
_LATER_BY_KEY = {t.value: t for t in LaterDecisionType}
_SEXES = {EcrisSex.MALE: Sex.MALE, EcrisSex.FEMALE: Sex.FEMALE}
_DURATION = re.compile(r"P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:[\d.]+S)?)?")


@dataclass(frozen=True, slots=True)
class ForeignDecision:
    """A notified conviction as a register decision; ``deleted`` when a decision of the message asks the
    register to remove it; ``notes`` what the register could not carry (for a clerk)."""

    decision: Decision
    deleted: bool
    notes: tuple[str, ...] = ()


def country_of(reference: str | None) -> str | None:
    """The ISO alpha-2 code of a country reference ``CO-nn-nnn-AAA`` (by its alpha-3 part); None if unknown."""
    if not reference:
        return None
    return _ALPHA2_BY_ALPHA3.get(reference.rsplit("-", 1)[-1])


def _text(value: MultilingualText) -> str | None:
    """The first representation of a multilingual text (the original language comes first), or None."""
    for text in value:
        cleaned = text.value.strip()
        if cleaned and cleaned != UNKNOWN_TEXT:
            return cleaned
    return None


def _known(text: str | None) -> str | None:
    return None if text is None or not text.strip() or text.strip() == UNKNOWN_TEXT else text.strip()


def _town(place: Place | None) -> str | None:
    return None if place is None else _text(place.town_name)


def identity_claim_of(person: EcrisPerson) -> IdentityClaim:
    """The identity an ECRIS person gives: surname (and second surname), former surnames, forenames (one
    ``Forename`` may hold several), birth date and place, identity number."""
    surnames = [person.name.surname.value]
    if person.name.second_surname is not None:
        surnames += [person.name.second_surname.value, f"{person.name.surname.value} {person.name.second_surname.value}"]
    surnames += [n.value for n in person.former_surnames]
    forenames = tuple((_known(person.name.forename.value) and person.name.forename.value.split()) or ())
    return IdentityClaim(
        surnames=tuple(s for s in surnames if _known(s)),
        forenames=forenames,
        birth_date=None if person.birth_date is None or person.birth_date.year <= 1800 else person.birth_date,
        birth_town=_town(person.birth_place),
        birth_country=country_of(person.birth_place.country),
        identity_number=_known(person.identity_number),
    )


def person_of(person: EcrisPerson, *, person_id: str) -> NaturalPerson:
    """A person new to the register, with the identity data the notification gives (Art 3)."""
    claim = identity_claim_of(person)
    surname = " ".join(s for s in (person.name.surname.value,
                                   person.name.second_surname.value if person.name.second_surname else None) if s)
    previous = tuple(Name(n.value) for n in person.former_surnames if _known(n.value))
    nationalities = tuple(dict.fromkeys(c for c in (country_of(r) for r in person.nationalities) if c))
    return NaturalPerson(
        id=person_id,
        surname=surname.strip() or UNKNOWN_TEXT,
        forenames=claim.forenames,
        previous_names=previous,
        father=_parent(person.father),
        mother=_parent(person.mother),
        sex=_SEXES.get(person.sex, Sex.UNKNOWN),
        birth=Birth(claim.birth_date, claim.birth_town, claim.birth_country),
        nationalities=nationalities,
    )


def _parent(parent: object) -> Name | None:
    surname = getattr(getattr(parent, "surname", None), "value", None)
    forename = getattr(getattr(parent, "forename", None), "value", None)
    if not _known(surname) and not _known(forename):
        return None
    return Name(surname or "", tuple((forename or "").split()))


def _months(duration: str | None) -> int | None:
    parts = _parts(duration)
    if parts is None:
        return None
    years, months, _weeks, _days, _hours = parts
    total = years * 12 + months
    return total or None


def _hours(duration: str | None) -> int | None:
    parts = _parts(duration)
    if parts is None:
        return None
    _y, _m, weeks, days, hours = parts
    return (weeks * 7 + days) * 24 + hours or None


def _parts(duration: str | None) -> tuple[int, int, int, int, int] | None:
    match = _DURATION.fullmatch(duration or "")
    if match is None:
        return None
    y, m, w, d, h, _minutes = (int(g) if g else 0 for g in match.groups())
    return y, m, w, d, h


def _sursis(sanction: EcrisSanction, sentence_months: int | None) -> Sursis | None:
    suspension = sanction.suspension
    if suspension is None:
        return None
    probation = _months(suspension.probation_duration)
    kind = (SuspensionType.PROBATOIRE if suspension.type == SUSPENSION_TYPE_CODES["probation"] or probation
            else SuspensionType.SIMPLE)
    suspended = _months(suspension.suspended_part)
    partial = suspended is not None and sentence_months is not None and suspended < sentence_months
    partial = partial or suspension.partially_suspended_amount is not None
    return Sursis(
        type=kind,
        scope=SursisScope.PARTIAL if partial else SursisScope.FULL,
        suspended_months=suspended,
        probation_years=None if probation is None else max(1, round(probation / 12)),
    )


def _penalty(sanction: EcrisSanction) -> Penalty:
    """One sanction back as the register's penalty, through the sanction-category table."""
    title = _text(sanction.national_title) or "Peine prononcée à l'étranger"
    key = _KEY_BY_SANCTION_CODE.get(sanction.common_category)
    sentenced = sanction.sentenced_period.duration if sanction.sentenced_period else None
    end = sanction.execution_period.end if sanction.execution_period else None
    months = _months(sentenced)
    sursis = _sursis(sanction, months)
    match key:
        case "imprisonment" if months is not None:
            return Imprisonment(months=months, executed_on=end, sursis=sursis)
        case "fine":
            amount = sanction.fine_amount.as_decimal() if sanction.fine_amount is not None else None
            if amount is not None and sanction.number_of_fines:
                amount *= sanction.number_of_fines
            currency = sanction.fine_currency.rsplit("-", 1)[-1] if sanction.fine_currency else None
            in_euros = amount if currency == "EUR" else None
            return Fine(amount_eur=in_euros, nature=FineNature.CORRECTIONNELLE, amount=amount,
                        currency=currency if amount is not None else None, sursis=sursis)
        case "community_service" if _hours(sentenced) is not None:
            return CommunityService(hours=_hours(sentenced) or 0, sursis=sursis)
        case "driving_ban":
            return DrivingBan(months=months, execution_end_date=end, sursis=sursis)
        case "deprivation_of_rights":
            return DeprivationOfRights(RightsSubtype.INTERDICTION, label=title, end_date=end, sursis=sursis)
        case "minors_activity_ban":
            return MinorsActivityBan(end_date=end, sursis=sursis)
        case "professional_ban":
            return ProfessionalBan(label=title, end_date=end, sursis=sursis)
        case "confiscation":
            return Confiscation(description=title, sursis=sursis)
        case "publication":
            return Publication(label=title, sursis=sursis)
        case "placement":
            return PlacementMeasure(sursis=sursis)
    return OtherPenalty(label=title, end_date=end, sursis=sursis)


def _offence(offence: EcrisOffence) -> Offence:
    category = offence.common_category
    digits = category.rsplit("-", 1)[-1]
    annex_a = None if category == DEFAULT_OFFENCE_CATEGORY else f"{digits[:4]} {digits[4:]}"
    return Offence(
        date=offence.start_date,
        qualification=_text(offence.national_title) or "Infraction (intitulé non transmis)",
        legal_provisions=_known(offence.legal_provisions),
        national_code=_known(offence.national_code),
        ecris_category=annex_a,
    )


def foreign_decision_of(conviction: EcrisConviction, *, sender: str, decision_id: str | None = None) -> ForeignDecision:
    """A conviction notified by ``sender`` as a register decision: ``origin`` ``ecris:<sender>``, its court,
    country, dates and file number, its ECRIS conviction ID, offences, sanctions and later decisions, and a
    "criminal proceedings only" restriction when the convicting State marks it not transmittable (FD
    2009/315 Art 7(2)). ``decision_id`` defaults to the ECRIS conviction ID (unique per person).

    Raises ``EcrisMappingError`` when the conviction is not ``sender``'s or has no known decision date.
    """
    country = country_of(conviction.convicting_country)
    if country != sender:
        raise EcrisMappingError(f"conviction {conviction.id} is not a conviction of the sender {sender}")
    first, *later = conviction.decisions
    decided = conviction.decision_date or first.decision_date
    if decided is None or decided == UNKNOWN_DAY:
        raise EcrisMappingError(f"conviction {conviction.id} has no decision date")
    final = conviction.final_date or first.final_date
    notes: list[str] = []
    later_decisions: list[LaterDecision] = []
    for item in later:
        keys = [_KEY_BY_CHANGE_CODE.get(code) for code in item.change_types]
        kinds = [_LATER_BY_KEY[k] for k in keys if k in _LATER_BY_KEY]
        day = item.decision_date or item.final_date
        if not kinds or day is None:
            notes.append(f"décision ultérieure {item.id} ({', '.join(item.change_types) or 'sans type'}) "
                         "non reprise au registre")
            continue
        later_decisions.append(LaterDecision(kinds[0], day, _text(item.remarks)))
    court = _text(conviction.deciding_authority.name) or f"Juridiction ({sender})"
    decision = Decision(
        id=decision_id or conviction.id,
        court=court,
        court_country=sender,
        reference=_known(conviction.file_number),
        decision_date=decided,
        final_date=None if final is None or final == UNKNOWN_DAY else final,
        kind=DecisionKind.CONVICTION,
        penalty_level=penalty_level_of_notified_conviction(
            non_criminal_ruling=conviction.non_criminal_ruling is YesNoUnknown.YES),
        offences=tuple(_offence(o) for o in conviction.offences),
        penalties=tuple(_penalty(s) for s in conviction.sanctions),
        later_decisions=tuple(later_decisions),
        ecris_conviction_id=conviction.id,
        origin=f"ecris:{sender}",
        transmission_restriction=TransmissionRestriction.CRIMINAL_PROCEEDINGS_ONLY
        if conviction.is_transmittable is YesNoUnknown.NO else None,
    )
    deleted = any(d.delete_from_register is YesNoUnknown.YES for d in conviction.decisions)
    return ForeignDecision(decision, deleted, tuple(notes))

