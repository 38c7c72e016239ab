"""``dm:ConvictionType`` of a decision: the decision and its later decisions, offences, sanctions and the
relationships between them; ``convictions_of`` numbers several for a RequestResponse."""

from __future__ import annotations

from collections.abc import Sequence

from gateway.model.conviction import (
    Decision,
    DecisionKind,
    LaterDecision,
    LaterDecisionType,
    MinorInvolvement,
    Offence,
)
from gateway.model.exchange import (
    UNKNOWN_TEXT,
    ConvictionDecision,
    DecidingAuthority,
    DecisionToOffences,
    DecisionToSanctions,
    EcrisConviction,
    EcrisOffence,
    Relationship,
    Text,
    YesNoUnknown,
)
from gateway.model.member_states import LUXEMBOURG
from gateway.model.person import Person
from gateway.model.reference_tables import ReferenceTables, Table
from gateway.services.ecris_mapping.codes import (
    _CHANGE_KEYS,
    _LATER_TITLES,
    DECISION_CHANGE_CODES,
    _code,
    country_code,
    offence_category,
)
from gateway.services.ecris_mapping.errors import EcrisMappingError
from gateway.services.ecris_mapping.person import _natural
from gateway.services.ecris_mapping.sanctions import _sanction, _suspended_pronouncement
from gateway.services.ecris_mapping.texts import FRENCH, _clean, _ml

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
