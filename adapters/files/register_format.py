"""The register interchange format, version 1 (docs/register-format.md): JSON <-> core model.

Reading is all or nothing: each person against the JSON Schema in ``schemas/register-v1.schema.json``
(register_schema.py), then the conversions the schema cannot check (real calendar dates), every
problem of every person located as ``PERSON_ID[/DECISION_ID][/field]``.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from adapters.files.register_schema import (
    decision_is_valid,
    envelope_problems,
    person_is_valid,
    person_problems,
)
from gateway.errors import Problem
from gateway.model.conviction import (
    Closure,
    CommunityService,
    ConditionalRelease,
    Confiscation,
    Decision,
    DecisionKind,
    DeprivationOfRights,
    Dissolution,
    DrivingBan,
    Fine,
    FineNature,
    Imprisonment,
    InscriptionBasis,
    InscriptionSource,
    LaterDecision,
    LaterDecisionType,
    MinorInvolvement,
    MinorsActivityBan,
    Offence,
    OtherPenalty,
    Penalty,
    PenaltyLevel,
    PlacementMeasure,
    ProfessionalBan,
    Publication,
    PublicProcurementExclusion,
    RightsSubtype,
    Sursis,
    SursisScope,
    Suspension,
    SuspensionType,
    TransmissionRestriction,
)
from gateway.model.partial_date import PartialDate
from gateway.model.person import (
    Address,
    Birth,
    IdentityDocument,
    LegalPerson,
    Name,
    NaturalPerson,
    Person,
    Seat,
    Sex,
)

FORMAT = "ecris-gateway/register@1"
JsonObject = dict[str, Any]
Progress = Callable[[int, int], None]


class _Reader:
    """Reads one person, collecting problems instead of stopping at the first one."""

    def __init__(self, place: str) -> None:
        self.place = place
        self.problems: list[Problem] = []

    def fail(self, field: str, message: str) -> None:
        self.problems.append(Problem(f"{self.place}/{field}", message))

    def day(self, field: str, text: str | None) -> date | None:
        if text is None:
            return None
        try:
            return date.fromisoformat(text)
        except ValueError:
            self.fail(field, f"{text!r} is not a valid date")
            return None

    def required_date(self, field: str, text: str) -> date:
        return self.day(field, text) or date.min

    def partial_date(self, field: str, text: str | None) -> PartialDate | None:
        if text is None:
            return None
        try:
            return PartialDate.parse(text)
        except ValueError:
            self.fail(field, f"{text!r} is not a valid date")
            return None


def _name(raw: JsonObject | None) -> Name | None:
    if raw is None:
        return None
    return Name(raw["surname"], tuple(raw.get("forenames", ())))


def _address(raw: JsonObject | None) -> Address | None:
    if raw is None:
        return None
    return Address(raw.get("address"), raw.get("city"), raw.get("country"))


def _decimal(text: str | None) -> Decimal | None:
    return None if text is None else Decimal(text)


def _sursis(r: _Reader, field: str, raw: JsonObject | None) -> Sursis | None:
    if raw is None:
        return None
    return Sursis(
        type=SuspensionType(raw["type"]),
        scope=SursisScope(raw.get("scope", "full")),
        suspended_months=raw.get("suspended_months"),
        probation_years=raw.get("probation_years"),
        obligations=tuple(raw.get("obligations", ())),
        revoked_on=r.day(f"{field}.revoked_on", raw.get("revoked_on")),
        forfeited_on=r.day(f"{field}.forfeited_on", raw.get("forfeited_on")),
        non_avenue_on=r.day(f"{field}.non_avenue_on", raw.get("non_avenue_on")),
    )


def _penalty(r: _Reader, field: str, raw: JsonObject) -> Penalty:
    sursis = _sursis(r, f"{field}.sursis", raw.get("sursis"))
    kind = raw["type"]
    if kind == "imprisonment":
        release = raw.get("conditional_release")
        return Imprisonment(
            months=raw["months"],
            executed_on=r.day(f"{field}.executed_on", raw.get("executed_on")),
            conditional_release=None
            if release is None
            else ConditionalRelease(
                released_on=r.day(f"{field}.conditional_release.released_on", release.get("released_on")),
                probation_expiry_date=r.day(
                    f"{field}.conditional_release.probation_expiry_date", release.get("probation_expiry_date")
                ),
                revoked_on=r.day(f"{field}.conditional_release.revoked_on", release.get("revoked_on")),
            ),
            sursis=sursis,
        )
    if kind == "fine":
        return Fine(
            amount_eur=_decimal(raw.get("amount_eur")),
            nature=FineNature(raw["nature"]),
            amount=_decimal(raw.get("amount")),
            currency=raw.get("currency"),
            sursis=sursis,
            eur_rate=_decimal(raw.get("eur_rate")),
            eur_rate_date=r.day(f"{field}.eur_rate_date", raw.get("eur_rate_date")),
        )
    if kind == "community_service":
        return CommunityService(hours=raw["hours"], sursis=sursis)
    if kind == "driving_ban":
        return DrivingBan(
            months=raw["months"],
            execution_end_date=r.day(f"{field}.execution_end_date", raw.get("execution_end_date")),
            sursis=sursis,
        )
    if kind == "deprivation_of_rights":
        return DeprivationOfRights(
            subtype=RightsSubtype(raw["subtype"]),
            label=raw.get("label"),
            end_date=r.day(f"{field}.end_date", raw.get("end_date")),
            perpetual=raw.get("perpetual", False),
            sursis=sursis,
        )
    if kind == "minors_activity_ban":
        return MinorsActivityBan(
            end_date=r.day(f"{field}.end_date", raw.get("end_date")),
            perpetual=raw.get("perpetual", False),
            sursis=sursis,
        )
    if kind == "closure":
        return Closure(end_date=r.day(f"{field}.end_date", raw.get("end_date")), sursis=sursis)
    if kind == "dissolution":
        return Dissolution(sursis=sursis)
    if kind == "public_procurement_exclusion":
        return PublicProcurementExclusion(end_date=r.day(f"{field}.end_date", raw.get("end_date")), sursis=sursis)
    if kind == "confiscation":
        return Confiscation(description=raw.get("description"), value_eur=_decimal(raw.get("value_eur")), sursis=sursis)
    if kind == "publication":
        return Publication(label=raw.get("label"), sursis=sursis)
    if kind == "professional_ban":
        return ProfessionalBan(
            label=raw.get("label"),
            end_date=r.day(f"{field}.end_date", raw.get("end_date")),
            perpetual=raw.get("perpetual", False),
            sursis=sursis,
        )
    if kind == "other":
        return OtherPenalty(label=raw["label"], end_date=r.day(f"{field}.end_date", raw.get("end_date")), sursis=sursis)
    return PlacementMeasure(sursis=sursis)


def _offence(r: _Reader, field: str, raw: JsonObject) -> Offence:
    return Offence(
        date=r.partial_date(f"{field}.date", raw.get("date")),
        qualification=raw["qualification"],
        legal_provisions=raw.get("legal_provisions"),
        national_code=raw.get("national_code"),
        ecris_category=raw.get("ecris_category"),
        minor=MinorInvolvement(raw.get("minor", "none")),
        etias=raw.get("etias", raw.get("etias_category")),
        lu_max_custodial_months=raw.get("lu_max_custodial_months"),
    )


def _decision(person_place: str, raw: JsonObject) -> tuple[Decision, list[Problem]]:
    r = _Reader(f"{person_place}/{raw['id']}")
    suspension = raw.get("suspension")
    restriction = raw.get("transmission_restriction")
    decision = Decision(
        id=raw["id"],
        court=raw["court"],
        court_country=raw["court_country"],
        reference=raw.get("reference"),
        decision_date=r.required_date("decision_date", raw["decision_date"]),
        final_date=r.day("final_date", raw.get("final_date")),
        kind=DecisionKind(raw["kind"]),
        penalty_level=PenaltyLevel(raw["penalty_level"]) if raw.get("penalty_level") else None,
        police_contravention_class=raw.get("police_contravention_class"),
        traffic_offence=raw.get("traffic_offence", False),
        parking_contravention=raw.get("parking_contravention", False),
        military_code=raw.get("military_code", False),
        by_default_not_notified=raw.get("by_default_not_notified", False),
        opposition_decision=raw.get("opposition_decision"),
        notified_under_convention=raw.get("notified_under_convention"),
        act_is_offence_in_lu=raw.get("act_is_offence_in_lu"),
        offences=tuple(_offence(r, f"offences[{i}]", o) for i, o in enumerate(raw.get("offences", ()))),
        penalties=tuple(_penalty(r, f"penalties[{i}]", p) for i, p in enumerate(raw.get("penalties", ()))),
        later_decisions=tuple(
            LaterDecision(
                LaterDecisionType(ld["type"]),
                r.required_date(f"later_decisions[{i}].date", ld["date"]),
                ld.get("remarks"),
            )
            for i, ld in enumerate(raw.get("later_decisions", ()))
        ),
        suspension=None
        if suspension is None
        else Suspension(
            SuspensionType(suspension["type"]),
            suspension.get("duration_years"),
            tuple(suspension.get("obligations", ())),
        ),
        ecris_conviction_id=raw.get("ecris_conviction_id"),
        origin=raw.get("origin", "national"),
        transmission_restriction=TransmissionRestriction(restriction) if restriction else None,
        inscription_basis=_inscription_basis(r, raw.get("inscription_basis")),
    )
    return decision, r.problems


def _inscription_basis(r: _Reader, raw: JsonObject | None) -> InscriptionBasis | None:
    if raw is None:
        return None
    return InscriptionBasis(
        source=InscriptionSource(raw["source"]),
        country=raw["country"],
        transfer=raw["transfer"],
        inscribed_on=r.required_date("inscription_basis.inscribed_on", raw["inscribed_on"]),
        extract_date=r.day("inscription_basis.extract_date", raw.get("extract_date")),
        basis=raw.get("basis", "art-14-3"),
    )


def _inscription_basis_json(basis: InscriptionBasis | None) -> JsonObject | None:
    if basis is None:
        return None
    return {"basis": basis.basis, "source": basis.source.value, "country": basis.country,
            "extract_date": _iso(basis.extract_date), "transfer": basis.transfer,
            "inscribed_on": basis.inscribed_on.isoformat()}


def _decisions(place: str, raws: Iterable[JsonObject]) -> tuple[tuple[Decision, ...], list[Problem]]:
    decisions: list[Decision] = []
    problems: list[Problem] = []
    seen: set[str] = set()
    for raw in raws:
        if raw["id"] in seen:
            problems.append(Problem(f"{place}/{raw['id']}", "duplicate decision id"))
            continue
        seen.add(raw["id"])
        decision, found = _decision(place, raw)
        decisions.append(decision)
        problems.extend(found)
    return tuple(decisions), problems


def decisions_from_json(place: str, raws: Iterable[JsonObject]) -> tuple[tuple[Decision, ...], list[Problem]]:
    """Schema-valid DECISION objects -> (decisions, problems the schema could not see), located under
    ``place``: the convictions of a naturalisation transfer's extract (``adapters/naturalisation``)."""
    return _decisions(place, raws)


def person_from_json(raw: JsonObject) -> tuple[Person, list[Problem]]:
    """One schema-valid PERSON object -> (person, problems the schema could not see)."""
    place = raw["id"]
    decisions, problems = _decisions(place, raw.get("decisions", ()))
    if raw["kind"] == "legal":
        seat = raw.get("seat")
        return LegalPerson(
            id=raw["id"],
            name=raw["name"],
            seat=None if seat is None else Seat(seat.get("city"), seat.get("country")),
            rcs_number=raw.get("rcs_number"),
            governing_law=raw.get("governing_law"),
            decisions=decisions,
        ), problems
    r = _Reader(place)
    birth = raw.get("birth") or {}
    person = NaturalPerson(
        id=raw["id"],
        surname=raw["surname"],
        forenames=tuple(raw.get("forenames", ())),
        previous_names=tuple(n for n in map(_name, raw.get("previous_names", ())) if n),
        aliases=tuple(n for n in map(_name, raw.get("aliases", ())) if n),
        father=_name(raw.get("father")),
        mother=_name(raw.get("mother")),
        spouse=_name(raw.get("spouse")),
        sex=Sex(raw.get("sex", "U")),
        birth=Birth(r.partial_date("birth.date", birth.get("date")), birth.get("city"), birth.get("country")),
        nationalities=tuple(raw.get("nationalities", ())),
        previous_nationalities=tuple(raw.get("previous_nationalities", ())),
        residence=_address(raw.get("residence")),
        previous_residences=tuple(a for a in map(_address, raw.get("previous_residences", ())) if a),
        identity_documents=tuple(
            IdentityDocument(d["category"], d["number"], d.get("issuing_authority"), d.get("issuing_country"))
            for d in raw.get("identity_documents", ())
        ),
        death_date=r.day("death_date", raw.get("death_date")),
        decisions=decisions,
    )
    return person, problems + r.problems


# --- writing -------------------------------------------------------------------------------------


def _iso(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def _name_json(name: Name | None) -> JsonObject | None:
    return None if name is None else {"surname": name.surname, "forenames": list(name.forenames)}


def _address_json(a: Address | None) -> JsonObject | None:
    return None if a is None else {"address": a.address, "city": a.city, "country": a.country}


def _sursis_json(s: Sursis | None) -> JsonObject | None:
    if s is None:
        return None
    return {
        "type": s.type.value,
        "scope": s.scope.value,
        "suspended_months": s.suspended_months,
        "probation_years": s.probation_years,
        "obligations": list(s.obligations),
        "revoked_on": _iso(s.revoked_on),
        "forfeited_on": _iso(s.forfeited_on),
        "non_avenue_on": _iso(s.non_avenue_on),
    }


def _penalty_json(p: Penalty) -> JsonObject:
    out: JsonObject = {"type": p.type}
    match p:
        case Imprisonment():
            release = p.conditional_release
            out |= {
                "months": p.months,
                "executed_on": _iso(p.executed_on),
                "conditional_release": None
                if release is None
                else {
                    "released_on": _iso(release.released_on),
                    "probation_expiry_date": _iso(release.probation_expiry_date),
                    "revoked_on": _iso(release.revoked_on),
                },
            }
        case Fine():
            out |= {
                "amount_eur": _text(p.amount_eur),
                "nature": p.nature.value,
                "amount": _text(p.amount),
                "currency": p.currency,
                "eur_rate": _text(p.eur_rate),
                "eur_rate_date": _iso(p.eur_rate_date),
            }
        case CommunityService():
            out["hours"] = p.hours
        case DrivingBan():
            out |= {"months": p.months, "execution_end_date": _iso(p.execution_end_date)}
        case DeprivationOfRights():
            out |= {"subtype": p.subtype.value, "label": p.label, "end_date": _iso(p.end_date), "perpetual": p.perpetual}
        case MinorsActivityBan():
            out |= {"end_date": _iso(p.end_date), "perpetual": p.perpetual}
        case Closure() | PublicProcurementExclusion():
            out["end_date"] = _iso(p.end_date)
        case Confiscation():
            out |= {"description": p.description, "value_eur": _text(p.value_eur)}
        case Publication():
            out["label"] = p.label
        case ProfessionalBan():
            out |= {"label": p.label, "end_date": _iso(p.end_date), "perpetual": p.perpetual}
        case OtherPenalty():
            out |= {"label": p.label, "end_date": _iso(p.end_date)}
    out["sursis"] = _sursis_json(p.sursis)
    return out


def _offence_json(o: Offence) -> JsonObject:
    return {
        "date": _text(o.date),
        "qualification": o.qualification,
        "legal_provisions": o.legal_provisions,
        "national_code": o.national_code,
        "ecris_category": o.ecris_category,
        "minor": o.minor.value,
        "etias": o.etias,
        "lu_max_custodial_months": o.lu_max_custodial_months,
    }


def decision_to_json(d: Decision) -> JsonObject:
    return {
        "id": d.id,
        "court": d.court,
        "court_country": d.court_country,
        "reference": d.reference,
        "decision_date": d.decision_date.isoformat(),
        "final_date": _iso(d.final_date),
        "kind": d.kind.value,
        "penalty_level": d.penalty_level.value if d.penalty_level else None,
        "police_contravention_class": d.police_contravention_class,
        "traffic_offence": d.traffic_offence,
        "parking_contravention": d.parking_contravention,
        "military_code": d.military_code,
        "by_default_not_notified": d.by_default_not_notified,
        "opposition_decision": d.opposition_decision,
        "notified_under_convention": d.notified_under_convention,
        "act_is_offence_in_lu": d.act_is_offence_in_lu,
        "offences": [_offence_json(o) for o in d.offences],
        "penalties": [_penalty_json(p) for p in d.penalties],
        "later_decisions": [
            {"type": ld.type.value, "date": ld.date.isoformat(), "remarks": ld.remarks} for ld in d.later_decisions
        ],
        "suspension": None
        if d.suspension is None
        else {
            "type": d.suspension.type.value,
            "duration_years": d.suspension.duration_years,
            "obligations": list(d.suspension.obligations),
        },
        "ecris_conviction_id": d.ecris_conviction_id,
        "origin": d.origin,
        "transmission_restriction": d.transmission_restriction.value if d.transmission_restriction else None,
        **({"inscription_basis": _inscription_basis_json(d.inscription_basis)} if d.inscription_basis else {}),
    }


def decision_from_json(raw: JsonObject) -> Decision:
    """A decision as ``decision_to_json`` wrote it (stored data, already checked: problems are not expected)."""
    decision, _problems = _decision("stored", raw)
    return decision


def person_to_json(person: Person) -> JsonObject:
    """A person in the interchange format, every field written (``null`` where unknown)."""
    decisions = [decision_to_json(d) for d in person.decisions]
    if isinstance(person, LegalPerson):
        seat = person.seat
        return {
            "id": person.id,
            "kind": "legal",
            "name": person.name,
            "seat": None if seat is None else {"city": seat.city, "country": seat.country},
            "rcs_number": person.rcs_number,
            "governing_law": person.governing_law,
            "decisions": decisions,
        }
    return {
        "id": person.id,
        "kind": "natural",
        "surname": person.surname,
        "forenames": list(person.forenames),
        "previous_names": [_name_json(n) for n in person.previous_names],
        "aliases": [_name_json(n) for n in person.aliases],
        "father": _name_json(person.father),
        "mother": _name_json(person.mother),
        "spouse": _name_json(person.spouse),
        "sex": person.sex.value,
        "birth": {"date": _text(person.birth.date), "city": person.birth.city, "country": person.birth.country},
        "nationalities": list(person.nationalities),
        "previous_nationalities": list(person.previous_nationalities),
        "residence": _address_json(person.residence),
        "previous_residences": [_address_json(a) for a in person.previous_residences],
        "identity_documents": [
            {
                "category": d.category,
                "number": d.number,
                "issuing_authority": d.issuing_authority,
                "issuing_country": d.issuing_country,
            }
            for d in person.identity_documents
        ],
        "death_date": _iso(person.death_date),
        "decisions": decisions,
    }


def envelope(persons: Iterable[JsonObject]) -> JsonObject:
    return {"format": FORMAT, "persons": list(persons)}


# --- the file ------------------------------------------------------------------------------------


def _date_problems_of_invalid_person(raw: Any) -> list[Problem]:
    """The real-date problems of a person the schema refuses, where the schema leaves the dates
    readable (birth, death, schema-valid decisions), so that a file is reported whole in one pass."""
    if not isinstance(raw, dict) or not isinstance(raw.get("id"), str):
        return []
    r = _Reader(raw["id"])
    birth = raw.get("birth")
    if isinstance(birth, dict) and isinstance(birth.get("date"), str):
        r.partial_date("birth.date", birth["date"])
    if isinstance(raw.get("death_date"), str):
        r.day("death_date", raw["death_date"])
    decisions = raw.get("decisions")
    for decision in decisions if isinstance(decisions, list) else ():
        if decision_is_valid(decision):
            r.problems.extend(_decision(raw["id"], decision)[1])
    return r.problems


def person_digest(raw: Any) -> str:
    """A fingerprint of one person exactly as the file gives it (key order aside): equal fingerprints,
    equal persons, so a person sent again unchanged need not be read again."""
    text = json.dumps(raw, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()


def person_ids(document: Any) -> list[str]:
    """The ids of the persons of a parsed file, as far as it has any (to look up what is stored)."""
    raws = document.get("persons") if isinstance(document, dict) else None
    if not isinstance(raws, list):
        return []
    return [raw["id"] for raw in raws if isinstance(raw, dict) and isinstance(raw.get("id"), str)]


@dataclass(frozen=True, slots=True)
class RegisterFile:
    """A register file read for import. ``persons`` are those read (new or changed); ``unchanged``
    the ids of persons whose fingerprint equals the one the register holds, not read again;
    ``digests`` the fingerprint of every person of the file, to be stored with it."""

    persons: list[Person]
    problems: list[Problem]
    unchanged: list[str] = field(default_factory=list)
    digests: dict[str, str] = field(default_factory=dict)


def read_register(
    document: Any, *, known_digests: Mapping[str, str] | None = None, progress: Progress | None = None
) -> RegisterFile:
    """A parsed register file -> the persons that could be read and every problem of the file.

    Each person is checked on its own against the schema and then for what the schema cannot see,
    so the problems of every person come out in one pass. A file with any problem is to be refused
    whole. A person whose fingerprint is in ``known_digests`` (what the register holds) is skipped:
    it was read, checked and stored exactly so before. ``progress`` is told ``(persons read, persons
    in the file)`` as the reading goes.
    """
    problems = envelope_problems(document)
    raws = document.get("persons") if isinstance(document, dict) else None
    if not isinstance(raws, list):
        return RegisterFile([], problems)
    persons: list[Person] = []
    unchanged: list[str] = []
    digests: dict[str, str] = {}
    seen: set[str] = set()
    for index, raw in enumerate(raws):
        if progress is not None:
            progress(index + 1, len(raws))
        person_id = raw.get("id") if isinstance(raw, dict) else None
        if isinstance(person_id, str):
            if person_id in seen:
                problems.append(Problem(person_id, "duplicate person id"))
                continue
            seen.add(person_id)
            if known_digests is not None:
                digests[person_id] = person_digest(raw)
                if known_digests.get(person_id) == digests[person_id]:
                    unchanged.append(person_id)
                    continue
        if not person_is_valid(raw):
            problems.extend(person_problems(raw, index))
            problems.extend(_date_problems_of_invalid_person(raw))
            continue
        person, found = person_from_json(raw)
        problems.extend(found)
        if not found:
            persons.append(person)
    ordered = list(dict.fromkeys(sorted(problems, key=lambda p: p.place)))
    return RegisterFile(persons, ordered, unchanged, digests)


def read_document(document: Any, *, progress: Progress | None = None) -> tuple[list[Person], list[Problem]]:
    """A parsed register file -> (the persons that could be read, every problem of the file)."""
    result = read_register(document, progress=progress)
    return result.persons, result.problems


def load_file(path: Path) -> tuple[Any, list[Problem]]:
    """The parsed JSON of a register file, or the one problem that prevents parsing it."""
    try:
        data = path.read_bytes()
    except OSError as error:
        return None, [Problem(str(path), f"cannot be read ({error.strerror})")]
    return load_bytes(data, source=str(path))


def load_bytes(data: bytes, *, source: str) -> tuple[Any, list[Problem]]:
    """The parsed JSON of a register document from ``data`` (a file's or standard input's), or the one
    problem that prevents parsing it; a UTF-8 byte-order mark, as some Windows editors write, is accepted."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None, [Problem(source, "is not UTF-8 text")]
    try:
        return json.loads(text), []
    except json.JSONDecodeError as error:
        return None, [Problem(f"{source}:{error.lineno}:{error.colno}", f"not valid JSON ({error.msg})")]


def read_file(path: Path, *, progress: Progress | None = None) -> tuple[list[Person], list[Problem]]:
    document, problems = load_file(path)
    return ([], problems) if problems else read_document(document, progress=progress)


def read_bytes(data: bytes, *, source: str) -> tuple[list[Person], list[Problem]]:
    """A register document from ``data``: (the persons that could be read, every problem)."""
    document, problems = load_bytes(data, source=source)
    return ([], problems) if problems else read_document(document)
