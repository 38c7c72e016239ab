"""The register interchange format, version 1 (REGISTER-FORMAT.md): JSON <-> core model.

Reading is all or nothing: the JSON Schema in ``schemas/register-v1.schema.json`` first, then
conversions the schema cannot check (real calendar dates), every problem located as
``PERSON_ID[/DECISION_ID][/field]``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from datetime import date
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema

from gateway.errors import Problem
from gateway.model.conviction import (
    Closure,
    CommunityService,
    ConditionalRelease,
    Decision,
    DecisionKind,
    DeprivationOfRights,
    Dissolution,
    DrivingBan,
    Fine,
    FineNature,
    Imprisonment,
    LaterDecision,
    LaterDecisionType,
    MinorInvolvement,
    MinorsActivityBan,
    Offence,
    Penalty,
    PenaltyLevel,
    PlacementMeasure,
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
SCHEMA_PATH = Path(__file__).resolve().parents[2] / "schemas" / "register-v1.schema.json"
JsonObject = dict[str, Any]


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
            amount_eur=_decimal(raw["amount_eur"]),
            nature=FineNature(raw["nature"]),
            amount=_decimal(raw.get("amount")),
            currency=raw.get("currency"),
            sursis=sursis,
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
    )
    return decision, r.problems


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
    }


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


@cache
def _validator() -> jsonschema.protocols.Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    validator_class: Callable[..., jsonschema.protocols.Validator] = jsonschema.Draft202012Validator
    return validator_class(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def _place_of(document: Any, path: Iterable[Any]) -> str:
    """``PERSON_ID[/DECISION_ID][/field]`` for a JSON Schema error path."""
    steps = list(path)
    if len(steps) < 2 or steps[0] != "persons":
        return "file" + "".join(f"/{s}" for s in steps)
    person = document["persons"][steps[1]]
    place = str(person.get("id", f"persons[{steps[1]}]")) if isinstance(person, dict) else f"persons[{steps[1]}]"
    rest = steps[2:]
    if len(rest) >= 2 and rest[0] == "decisions" and isinstance(person, dict):
        decision = person["decisions"][rest[1]]
        decision_id = decision.get("id") if isinstance(decision, dict) else None
        place += f"/{decision_id or f'decisions[{rest[1]}]'}"
        rest = rest[2:]
    field = ""
    for step in rest:
        field += f"[{step}]" if isinstance(step, int) else (f".{step}" if field else str(step))
    return f"{place}/{field}" if field else place


def _schema_message(error: jsonschema.ValidationError) -> str:
    if error.validator == "required":
        return str(error.message).replace("is a required property", "is missing")
    if error.validator in ("enum", "const"):
        return f"{error.instance!r} is not one of {error.validator_value!r}"
    if error.validator == "format":
        return f"{error.instance!r} is not a valid {error.validator_value}"
    if error.validator == "pattern":
        return f"{error.instance!r} is not in the expected form"
    if error.validator == "additionalProperties":
        return str(error.message)
    return str(error.message)


def _leaf_errors(error: jsonschema.ValidationError) -> Iterable[jsonschema.ValidationError]:
    """The precise causes under an ``anyOf``/``if-then``, rather than the vague wrapper."""
    if error.context:
        for sub in error.context:
            yield from _leaf_errors(sub)
    else:
        yield error


def read_document(document: Any) -> tuple[list[Person], list[Problem]]:
    """A parsed register file -> (persons, problems). Persons are only meaningful without problems."""
    problems: list[Problem] = []
    for error in _validator().iter_errors(document):
        leaves = list(_leaf_errors(error)) if error.validator == "anyOf" else [error]
        # Under anyOf, report the branch that is not merely "null expected".
        leaves = [e for e in leaves if not (e.validator == "type" and e.validator_value == "null")] or leaves
        for leaf in leaves[:1] if error.validator == "anyOf" else leaves:
            problems.append(Problem(_place_of(document, leaf.absolute_path), _schema_message(leaf)))
    if problems:
        return [], sorted(set(problems), key=lambda p: p.place)
    persons: list[Person] = []
    seen: set[str] = set()
    for raw in document["persons"]:
        if raw["id"] in seen:
            problems.append(Problem(raw["id"], "duplicate person id"))
            continue
        seen.add(raw["id"])
        person, found = person_from_json(raw)
        persons.append(person)
        problems.extend(found)
    return persons, problems


def read_file(path: Path) -> tuple[list[Person], list[Problem]]:
    try:
        data = path.read_bytes()
    except OSError as error:
        return [], [Problem(str(path), f"cannot be read ({error.strerror})")]
    return read_bytes(data, source=str(path))


def read_bytes(data: bytes, *, source: str) -> tuple[list[Person], list[Problem]]:
    """A register document from ``data`` (a file's or standard input's); a UTF-8 byte-order mark,
    as some Windows editors write, is accepted."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return [], [Problem(source, "is not UTF-8 text")]
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        return [], [Problem(f"{source}:{error.lineno}:{error.colno}", f"not valid JSON ({error.msg})")]
    return read_document(document)
