"""``dm:ConvictionType`` (Notification, RequestResponse) and the conviction references of a Notification."""

from __future__ import annotations

from typing import Any

from gateway.model.exchange import (
    DEFAULT_OFFENCE_CATEGORY,
    DEFAULT_SANCTION_CATEGORY,
    DEFAULT_SANCTION_NATURE,
    DEFAULT_SUSPENSION_TYPE,
    UNKNOWN_DATE,
    UNKNOWN_TEXT,
    ConvictionDecision,
    ConvictionReference,
    DecidingAuthority,
    DecisionToOffences,
    DecisionToSanctions,
    EcrisConviction,
    EcrisOffence,
    EcrisSanction,
    ExternalConviction,
    OtherAffectedConviction,
    Period,
    Relationship,
    SanctionInterruption,
    SanctionSuspension,
    SanctionToOffences,
    SanctionToSanctions,
    SentencedPeriod,
)
from gateway.model.reference_tables import FunctionalErrorCode

from .common import (
    DM_NS,
    XSI_TYPE,
    D,
    DecodeError,
    Element,
    M,
    amount_of,
    as_date,
    as_int,
    collapsed,
    collapsed_ml_of,
    kids,
    ml_of,
    need,
    one,
    partial_date_of,
    place_of,
    put,
    put_amount,
    put_date,
    put_int,
    put_ml,
    put_partial_date,
    put_place,
    required_text,
    sub,
    text_of,
    unknown_to_none,
    yes_no,
)

# --------------------------------------------------------------------------------------------- encode


def _put_authority(parent: Element, tag: str, authority: DecidingAuthority | None) -> None:
    if authority is None:
        return
    node = sub(parent, tag)
    put(node, D.DecidingAuthorityCode, authority.code)
    put_ml(node, D.DecidingAuthorityName, authority.name)


def _put_period(node: Element, period: Period | SentencedPeriod) -> None:
    put_date(node, D.PeriodStartDate, period.start)
    put(node, D.PeriodDuration, period.duration)
    put_date(node, D.PeriodEndDate, period.end)


def _put_offence(parent: Element, offence: EcrisOffence) -> None:
    node = sub(parent, D.ConvictionOffence)
    put(node, D.NationalCategoryCode, offence.national_code)
    put_ml(node, D.NationalCategoryTitle, offence.national_title)
    put_ml(node, D.Remarks, offence.remarks)
    sub(node, D.OffenceID).text = offence.id
    sub(node, D.OffenceCommonCategoryReference).text = offence.common_category
    sub(node, D.OffenceApplicableLegalProvisions).text = offence.legal_provisions or UNKNOWN_TEXT
    put_partial_date(node, D.OffenceStartDate, offence.start_date)
    put_partial_date(node, D.OffenceEndDate, offence.end_date)
    put_place(node, D.OffencePlace, offence.place)
    put_int(node, D.OffenceNumberOfOccurrences, offence.occurrences)
    sub(node, D.OffenceIsContinuous).text = offence.is_continuous.value
    put(node, D.OffenceLevelOfCompletionReference, offence.level_of_completion)
    put(node, D.OffenceLevelOfParticipationReference, offence.level_of_participation)
    sub(node, D.OffenceResponsibilityExemption).text = offence.responsibility_exemption.value
    sub(node, D.OffenceRecidivism).text = offence.recidivism.value


def _put_sanction(parent: Element, sanction: EcrisSanction) -> None:
    node = sub(parent, D.ConvictionSanction)
    put(node, D.NationalCategoryCode, sanction.national_code)
    put_ml(node, D.NationalCategoryTitle, sanction.national_title)
    put_ml(node, D.Remarks, sanction.remarks)
    sub(node, D.SanctionID).text = sanction.id
    sub(node, D.SanctionTypeReference).text = sanction.nature
    sub(node, D.SanctionCommonCategoryReference).text = sanction.common_category
    put(node, D.SanctionAlternativeTypeReference, sanction.alternative_type)
    sub(node, D.SanctionMultiplier).text = str(sanction.multiplier)
    sub(node, D.SanctionIsSpecificToMinor).text = sanction.specific_to_minor.value
    if sanction.sentenced_period is not None:
        period = sub(node, D.SanctionSentencedPeriod)
        _put_period(period, sanction.sentenced_period)
        sub(period, D.DurationExact).text = sanction.sentenced_period.duration_exact.value
    if sanction.execution_period is not None:
        _put_period(sub(node, D.SanctionExecutionPeriod), sanction.execution_period)
    put_int(node, D.SanctionNumberOfFines, sanction.number_of_fines)
    put_amount(node, D.SanctionAmountOfIndividualFine, sanction.fine_amount)
    put(node, D.SanctionCurrencyOfFineReference, sanction.fine_currency)
    suspension = sanction.suspension
    if suspension is not None:
        holder = sub(node, D.SanctionSuspension)
        _put_period(holder, suspension.period)
        sub(holder, D.SanctionSuspensionTypeReference).text = suspension.type
        put(holder, D.SanctionDurationSuspendedPart, suspension.suspended_part)
        put(holder, D.SanctionProbationDuration, suspension.probation_duration)
        put_amount(
            holder, D.SanctionSuspensionPartiallySuspendedAmount, suspension.partially_suspended_amount
        )
        put_ml(holder, D.SanctionSuspensionRemarks, suspension.remarks)
    for interruption in sanction.interruptions:
        holder = sub(node, D.SanctionInterruption)
        _put_period(holder, interruption.period)
        put_ml(holder, D.SanctionInterruptionRemarks, interruption.remarks)


def _put_relationship(parent: Element, relationship: Relationship) -> None:
    node = sub(parent, D.ConvictionRelationship)
    node.set(XSI_TYPE, "dm:" + relationship.type_name)
    match relationship:
        case DecisionToOffences(decision, offences):
            sub(node, D.Decision).text = decision
            for offence in offences:
                sub(node, D.Offence).text = offence
        case DecisionToSanctions(decision, sanctions):
            sub(node, D.Decision).text = decision
            for sanction in sanctions:
                sub(node, D.Sanction).text = sanction
        case SanctionToOffences(sanction, offences):
            sub(node, D.Sanction).text = sanction
            for offence in offences:
                sub(node, D.Offence).text = offence
        case SanctionToSanctions(relationship_type, source, destinations):
            node.set("relationshipTypeReference", relationship_type)
            sub(node, D.SourceSanction).text = source
            for destination in destinations:
                sub(node, D.DestinationSanction).text = destination


def put_conviction(parent: Element, conviction: EcrisConviction) -> None:
    """One ``MessageDataConviction``; unknown dates are 1800-01-01 and an unknown file number UNKNOWN."""
    if not conviction.decisions:
        from .common import EncodeError

        raise EncodeError("a conviction has at least one decision")
    node = sub(parent, M.MessageDataConviction)
    sub(node, D.ConvictionID).text = conviction.id
    sub(node, D.ConvictionConvictingCountryReference).text = conviction.convicting_country
    sub(node, D.ConvictionFileNumber).text = conviction.file_number or UNKNOWN_TEXT
    sub(node, D.ConvictionDecisionDate).text = (conviction.decision_date or UNKNOWN_DATE).isoformat()
    sub(node, D.ConvictionDecisionFinalDate).text = (conviction.final_date or UNKNOWN_DATE).isoformat()
    _put_authority(node, D.ConvictionDecidingAuthority, conviction.deciding_authority)
    sub(node, D.ConvictionNonCriminalRuling).text = conviction.non_criminal_ruling.value
    put_date(node, D.ConvictionRetentionPeriodEndDate, conviction.retention_end_date)
    sub(node, D.ConvictionIsTransmittable).text = conviction.is_transmittable.value
    put_ml(node, D.ConvictionRemarks, conviction.remarks)
    for decision in conviction.decisions:
        holder = sub(node, D.ConvictionDecision)
        sub(holder, D.DecisionID).text = decision.id
        for change in decision.change_types:
            sub(holder, D.DecisionChangeTypeReference).text = change
        put_date(holder, D.DecisionDate, decision.decision_date)
        put_date(holder, D.DecisionFinalDate, decision.final_date)
        _put_authority(holder, D.DecisionDecidingAuthority, decision.deciding_authority)
        sub(holder, D.DecisionDeleteConvictionFromRegister).text = decision.delete_from_register.value
        put_ml(holder, D.DecisionRemarks, decision.remarks)
    for offence in conviction.offences:
        _put_offence(node, offence)
    for sanction in conviction.sanctions:
        _put_sanction(node, sanction)
    for relationship in conviction.relationships:
        _put_relationship(node, relationship)


def _put_reference_choice(node: Element, reference: ConvictionReference) -> None:
    if reference.ecris_id is not None:
        sub(node, M.ECRISConvictionReference).text = reference.ecris_id
    elif reference.njr_reference is not None:
        sub(node, M.NJRConvictionReference).text = reference.njr_reference
    elif reference.external is not None:
        external = sub(node, M.ExternalConviction)
        _put_authority(external, M.ConvictingAuthority, reference.external.authority)
        sub(external, M.ConvictionFileNumber).text = reference.external.file_number
        sub(external, M.ConvictionDecisionFinalDate).text = reference.external.final_date.isoformat()


def put_updated_reference(data: Element, reference: ConvictionReference | None) -> None:
    if reference is not None:
        _put_reference_choice(sub(data, M.MessageDataUpdatedConvictionReference), reference)


def put_other_affected(data: Element, affected: OtherAffectedConviction | None) -> None:
    if affected is None:
        return
    node = sub(data, M.MessageDataOtherAffectedConviction)
    sub(node, M.SourceConviction).text = affected.source
    for destination in affected.destinations:
        _put_reference_choice(sub(node, M.DestinationConviction), destination)


# --------------------------------------------------------------------------------------------- decode


def _authority_of(element: Element | None) -> DecidingAuthority | None:
    if element is None:
        return None
    grouped = kids(element)
    return DecidingAuthority(
        name=collapsed_ml_of(need(grouped, D.DecidingAuthorityName)),
        code=text_of(grouped, D.DecidingAuthorityCode),
    )


def _period_fields(grouped: dict[Any, list[Element]]) -> tuple[Any, str | None, Any]:
    return (
        as_date(text_of(grouped, D.PeriodStartDate), "PeriodStartDate"),
        text_of(grouped, D.PeriodDuration),
        as_date(text_of(grouped, D.PeriodEndDate), "PeriodEndDate"),
    )


def _sentinel_date(value: str | None, what: str) -> Any:
    """A decision date: absent, empty (the default) or 1800-01-01 all mean "unknown" (None)."""
    day = as_date(value, what)
    return None if day == UNKNOWN_DATE else day


def _offence_of(element: Element) -> EcrisOffence:
    g = kids(element)
    return EcrisOffence(
        id=required_text(g, D.OffenceID),
        national_title=collapsed_ml_of(need(g, D.NationalCategoryTitle)),
        national_code=text_of(g, D.NationalCategoryCode),
        remarks=ml_of(one(g, D.Remarks)),
        common_category=required_text(g, D.OffenceCommonCategoryReference, DEFAULT_OFFENCE_CATEGORY),
        legal_provisions=unknown_to_none(required_text(g, D.OffenceApplicableLegalProvisions, UNKNOWN_TEXT)),
        start_date=partial_date_of(one(g, D.OffenceStartDate), unknown_as_none=False),
        end_date=partial_date_of(one(g, D.OffenceEndDate), unknown_as_none=False),
        place=place_of(one(g, D.OffencePlace)),
        occurrences=as_int(text_of(g, D.OffenceNumberOfOccurrences), "OffenceNumberOfOccurrences"),
        is_continuous=yes_no(g, D.OffenceIsContinuous),
        level_of_completion=text_of(g, D.OffenceLevelOfCompletionReference),
        level_of_participation=text_of(g, D.OffenceLevelOfParticipationReference),
        responsibility_exemption=yes_no(g, D.OffenceResponsibilityExemption),
        recidivism=yes_no(g, D.OffenceRecidivism),
    )


def _sanction_of(element: Element) -> EcrisSanction:
    g = kids(element)
    sentenced = None
    sentenced_element = one(g, D.SanctionSentencedPeriod)
    if sentenced_element is not None:
        p = kids(sentenced_element)
        start, duration, end = _period_fields(p)
        sentenced = SentencedPeriod(yes_no(p, D.DurationExact), start, duration, end)
    execution = None
    execution_element = one(g, D.SanctionExecutionPeriod)
    if execution_element is not None:
        execution = Period(*_period_fields(kids(execution_element)))
    suspension = None
    suspension_element = one(g, D.SanctionSuspension)
    if suspension_element is not None:
        s = kids(suspension_element)
        suspension = SanctionSuspension(
            type=required_text(s, D.SanctionSuspensionTypeReference, DEFAULT_SUSPENSION_TYPE),
            period=Period(*_period_fields(s)),
            suspended_part=text_of(s, D.SanctionDurationSuspendedPart),
            probation_duration=text_of(s, D.SanctionProbationDuration),
            partially_suspended_amount=amount_of(one(s, D.SanctionSuspensionPartiallySuspendedAmount)),
            remarks=ml_of(one(s, D.SanctionSuspensionRemarks)),
        )
    interruptions = []
    for interruption_element in g.get(D.SanctionInterruption, ()):
        i = kids(interruption_element)
        interruptions.append(
            SanctionInterruption(Period(*_period_fields(i)), ml_of(one(i, D.SanctionInterruptionRemarks)))
        )
    return EcrisSanction(
        id=required_text(g, D.SanctionID),
        national_title=collapsed_ml_of(need(g, D.NationalCategoryTitle)),
        national_code=text_of(g, D.NationalCategoryCode),
        remarks=ml_of(one(g, D.Remarks)),
        nature=required_text(g, D.SanctionTypeReference, DEFAULT_SANCTION_NATURE),
        common_category=required_text(g, D.SanctionCommonCategoryReference, DEFAULT_SANCTION_CATEGORY),
        alternative_type=text_of(g, D.SanctionAlternativeTypeReference),
        multiplier=as_int(required_text(g, D.SanctionMultiplier, "1"), "SanctionMultiplier") or 1,
        specific_to_minor=yes_no(g, D.SanctionIsSpecificToMinor),
        sentenced_period=sentenced,
        execution_period=execution,
        number_of_fines=as_int(text_of(g, D.SanctionNumberOfFines), "SanctionNumberOfFines"),
        fine_amount=amount_of(one(g, D.SanctionAmountOfIndividualFine)),
        fine_currency=text_of(g, D.SanctionCurrencyOfFineReference),
        suspension=suspension,
        interruptions=tuple(interruptions),
    )


def _values(g: dict[Any, list[Element]], tag: str) -> tuple[str, ...]:
    return tuple(v for v in (collapsed(e) for e in g.get(tag, ())) if v is not None)


def relationship_type_name(element: Element) -> str | None:
    """The local name of a relationship's xsi:type when it is a domain-model type, else None."""
    value = element.get(XSI_TYPE)
    if value is None:
        return None
    prefix, _, local = value.strip().rpartition(":")
    namespace = element.nsmap.get(prefix or None)
    return local if namespace == DM_NS else None


def _relationship_of(element: Element) -> Relationship:
    type_name = relationship_type_name(element)
    g = kids(element)
    if type_name == DecisionToOffences.type_name:
        return DecisionToOffences(required_text(g, D.Decision), _values(g, D.Offence))
    if type_name == DecisionToSanctions.type_name:
        return DecisionToSanctions(required_text(g, D.Decision), _values(g, D.Sanction))
    if type_name == SanctionToOffences.type_name:
        return SanctionToOffences(required_text(g, D.Sanction), _values(g, D.Offence))
    if type_name == SanctionToSanctions.type_name:
        return SanctionToSanctions(
            (element.get("relationshipTypeReference") or "").strip(),
            required_text(g, D.SourceSanction),
            _values(g, D.DestinationSanction),
        )
    raise DecodeError(
        "a ConvictionRelationship has a type the contract does not allow",
        FunctionalErrorCode.RELATIONSHIP_NOT_ALLOWED,
    )


def conviction_of(element: Element) -> EcrisConviction:
    g = kids(element)
    authority = _authority_of(need(g, D.ConvictionDecidingAuthority))
    assert authority is not None
    decisions = []
    for decision_element in g.get(D.ConvictionDecision, ()):
        d = kids(decision_element)
        decisions.append(
            ConvictionDecision(
                id=required_text(d, D.DecisionID),
                delete_from_register=yes_no(d, D.DecisionDeleteConvictionFromRegister),
                change_types=_values(d, D.DecisionChangeTypeReference),
                decision_date=_sentinel_date(text_of(d, D.DecisionDate), "DecisionDate"),
                final_date=_sentinel_date(text_of(d, D.DecisionFinalDate), "DecisionFinalDate"),
                deciding_authority=_authority_of(one(d, D.DecisionDecidingAuthority)),
                remarks=ml_of(one(d, D.DecisionRemarks)),
            )
        )
    return EcrisConviction(
        id=required_text(g, D.ConvictionID),
        convicting_country=required_text(g, D.ConvictionConvictingCountryReference),
        deciding_authority=authority,
        decisions=tuple(decisions),
        file_number=unknown_to_none(text_of(g, D.ConvictionFileNumber)),
        decision_date=_sentinel_date(text_of(g, D.ConvictionDecisionDate), "ConvictionDecisionDate"),
        final_date=_sentinel_date(text_of(g, D.ConvictionDecisionFinalDate), "ConvictionDecisionFinalDate"),
        non_criminal_ruling=yes_no(g, D.ConvictionNonCriminalRuling),
        retention_end_date=as_date(text_of(g, D.ConvictionRetentionPeriodEndDate), "retention end date"),
        is_transmittable=yes_no(g, D.ConvictionIsTransmittable),
        remarks=ml_of(one(g, D.ConvictionRemarks)),
        offences=tuple(_offence_of(e) for e in g.get(D.ConvictionOffence, ())),
        sanctions=tuple(_sanction_of(e) for e in g.get(D.ConvictionSanction, ())),
        relationships=tuple(_relationship_of(e) for e in g.get(D.ConvictionRelationship, ())),
    )


def _reference_of(element: Element) -> ConvictionReference:
    g = kids(element)
    ecris = text_of(g, M.ECRISConvictionReference)
    if ecris is not None:
        return ConvictionReference(ecris_id=ecris)
    njr = text_of(g, M.NJRConvictionReference)
    if njr is not None:
        return ConvictionReference(njr_reference=njr)
    external_element = need(g, M.ExternalConviction)
    e = kids(external_element)
    authority = _authority_of(need(e, M.ConvictingAuthority))
    final_date = as_date(required_text(e, M.ConvictionDecisionFinalDate), "ConvictionDecisionFinalDate")
    assert authority is not None and final_date is not None
    return ConvictionReference(
        external=ExternalConviction(authority, required_text(e, M.ConvictionFileNumber), final_date)
    )


def updated_reference_of(data: dict[Any, list[Element]]) -> ConvictionReference | None:
    element = one(data, M.MessageDataUpdatedConvictionReference)
    return None if element is None else _reference_of(element)


def other_affected_of(data: dict[Any, list[Element]]) -> OtherAffectedConviction | None:
    element = one(data, M.MessageDataOtherAffectedConviction)
    if element is None:
        return None
    g = kids(element)
    return OtherAffectedConviction(
        required_text(g, M.SourceConviction),
        tuple(_reference_of(e) for e in g.get(M.DestinationConviction, ())),
    )
