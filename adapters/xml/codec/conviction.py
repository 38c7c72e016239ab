"""``dm:ConvictionType`` (Notification, RequestResponse) and the conviction references of a Notification."""

from __future__ import annotations

from typing import Any

from gateway.model.exchange import (
    DEFAULT_OFFENCE_CATEGORY,
    DEFAULT_SANCTION_CATEGORY,
    DEFAULT_SANCTION_NATURE,
    DEFAULT_SUSPENSION_TYPE,
    RELATIONSHIP_CLASSES,
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

from .amounts import amount_of, put_amount
from .dates import as_date, partial_date_of, put_date, put_partial_date
from .errors import DecodeError, EncodeError
from .namespaces import DM_NS, XSI_TYPE, D, Element, M
from .places import place_of, put_place
from .reading import as_int, collapsed, kids, need, one, required_text, text_of, unknown_to_none, yes_no
from .texts import collapsed_ml_of, ml_of, put_ml
from .writer import A_RELATIONSHIP, END, OPEN, Writer, fixed_attribute, put, put_int

# --------------------------------------------------------------------------------------------- encode
# (The shape-token conventions are explained in writer.py; a tag alone is a leaf taking the next text.)


def _put_authority(w: Writer, tag: str, authority: DecidingAuthority | None) -> None:
    if authority is None:
        return
    w.open(tag)
    put(w, D.DecidingAuthorityCode, authority.code)
    put_ml(w, D.DecidingAuthorityName, authority.name)
    w.close()


def _put_period(w: Writer, period: Period | SentencedPeriod) -> None:
    put_date(w, D.PeriodStartDate, period.start)
    put(w, D.PeriodDuration, period.duration)
    put_date(w, D.PeriodEndDate, period.end)


def _put_offence(w: Writer, offence: EcrisOffence) -> None:
    shape = w.shape
    texts = w.texts
    shape += (OPEN, D.ConvictionOffence)
    put(w, D.NationalCategoryCode, offence.national_code)
    put_ml(w, D.NationalCategoryTitle, offence.national_title)
    put_ml(w, D.Remarks, offence.remarks)
    shape += (D.OffenceID, D.OffenceCommonCategoryReference, D.OffenceApplicableLegalProvisions)
    texts += (offence.id, offence.common_category, offence.legal_provisions or UNKNOWN_TEXT)
    put_partial_date(w, D.OffenceStartDate, offence.start_date)
    put_partial_date(w, D.OffenceEndDate, offence.end_date)
    put_place(w, D.OffencePlace, offence.place)
    put_int(w, D.OffenceNumberOfOccurrences, offence.occurrences)
    shape.append(D.OffenceIsContinuous)
    texts.append(offence.is_continuous.value)
    put(w, D.OffenceLevelOfCompletionReference, offence.level_of_completion)
    put(w, D.OffenceLevelOfParticipationReference, offence.level_of_participation)
    shape += (D.OffenceResponsibilityExemption, D.OffenceRecidivism, END)
    texts += (offence.responsibility_exemption.value, offence.recidivism.value)


def _put_sanction(w: Writer, sanction: EcrisSanction) -> None:
    shape = w.shape
    texts = w.texts
    shape += (OPEN, D.ConvictionSanction)
    put(w, D.NationalCategoryCode, sanction.national_code)
    put_ml(w, D.NationalCategoryTitle, sanction.national_title)
    put_ml(w, D.Remarks, sanction.remarks)
    shape += (D.SanctionID, D.SanctionTypeReference, D.SanctionCommonCategoryReference)
    texts += (sanction.id, sanction.nature, sanction.common_category)
    put(w, D.SanctionAlternativeTypeReference, sanction.alternative_type)
    shape += (D.SanctionMultiplier, D.SanctionIsSpecificToMinor)
    texts += (str(sanction.multiplier), sanction.specific_to_minor.value)
    if sanction.sentenced_period is not None:
        shape += (OPEN, D.SanctionSentencedPeriod)
        _put_period(w, sanction.sentenced_period)
        shape += (D.DurationExact, END)
        texts.append(sanction.sentenced_period.duration_exact.value)
    if sanction.execution_period is not None:
        shape += (OPEN, D.SanctionExecutionPeriod)
        _put_period(w, sanction.execution_period)
        shape.append(END)
    put_int(w, D.SanctionNumberOfFines, sanction.number_of_fines)
    put_amount(w, D.SanctionAmountOfIndividualFine, sanction.fine_amount)
    put(w, D.SanctionCurrencyOfFineReference, sanction.fine_currency)
    suspension = sanction.suspension
    if suspension is not None:
        shape += (OPEN, D.SanctionSuspension)
        _put_period(w, suspension.period)
        shape.append(D.SanctionSuspensionTypeReference)
        texts.append(suspension.type)
        put(w, D.SanctionDurationSuspendedPart, suspension.suspended_part)
        put(w, D.SanctionProbationDuration, suspension.probation_duration)
        put_amount(w, D.SanctionSuspensionPartiallySuspendedAmount, suspension.partially_suspended_amount)
        put_ml(w, D.SanctionSuspensionRemarks, suspension.remarks)
        shape.append(END)
    for interruption in sanction.interruptions:
        shape += (OPEN, D.SanctionInterruption)
        _put_period(w, interruption.period)
        put_ml(w, D.SanctionInterruptionRemarks, interruption.remarks)
        shape.append(END)
    shape.append(END)


_XSI_TYPES = {cls: fixed_attribute(XSI_TYPE, "dm:" + cls.type_name) for cls in RELATIONSHIP_CLASSES}
"""A relationship's xsi:type is a constant of its class: part of the shape, so of the skeleton."""


def _put_relationship(w: Writer, relationship: Relationship) -> None:
    shape = w.shape
    texts = w.texts
    shape += (OPEN, D.ConvictionRelationship, _XSI_TYPES[type(relationship)])
    match relationship:
        case DecisionToOffences(decision, offences):
            shape.append(D.Decision)
            shape += (D.Offence,) * len(offences)
            texts.append(decision)
            texts += offences
        case DecisionToSanctions(decision, sanctions):
            shape.append(D.Decision)
            shape += (D.Sanction,) * len(sanctions)
            texts.append(decision)
            texts += sanctions
        case SanctionToOffences(sanction, offences):
            shape.append(D.Sanction)
            shape += (D.Offence,) * len(offences)
            texts.append(sanction)
            texts += offences
        case SanctionToSanctions(relationship_type, source, destinations):
            w.attribute(A_RELATIONSHIP, relationship_type)
            shape.append(D.SourceSanction)
            shape += (D.DestinationSanction,) * len(destinations)
            texts.append(source)
            texts += destinations
    shape.append(END)


def put_conviction(w: Writer, conviction: EcrisConviction) -> None:
    """One ``MessageDataConviction``; unknown dates are 1800-01-01 and an unknown file number UNKNOWN."""
    if not conviction.decisions:
        raise EncodeError("a conviction has at least one decision")
    shape = w.shape
    texts = w.texts
    shape += (
        OPEN,
        M.MessageDataConviction,
        D.ConvictionID,
        D.ConvictionConvictingCountryReference,
        D.ConvictionFileNumber,
        D.ConvictionDecisionDate,
        D.ConvictionDecisionFinalDate,
    )
    texts += (
        conviction.id,
        conviction.convicting_country,
        conviction.file_number or UNKNOWN_TEXT,
        (conviction.decision_date or UNKNOWN_DATE).isoformat(),
        (conviction.final_date or UNKNOWN_DATE).isoformat(),
    )
    _put_authority(w, D.ConvictionDecidingAuthority, conviction.deciding_authority)
    shape.append(D.ConvictionNonCriminalRuling)
    texts.append(conviction.non_criminal_ruling.value)
    put_date(w, D.ConvictionRetentionPeriodEndDate, conviction.retention_end_date)
    shape.append(D.ConvictionIsTransmittable)
    texts.append(conviction.is_transmittable.value)
    put_ml(w, D.ConvictionRemarks, conviction.remarks)
    for decision in conviction.decisions:
        shape += (OPEN, D.ConvictionDecision, D.DecisionID)
        texts.append(decision.id)
        for change in decision.change_types:
            shape.append(D.DecisionChangeTypeReference)
            texts.append(change)
        put_date(w, D.DecisionDate, decision.decision_date)
        put_date(w, D.DecisionFinalDate, decision.final_date)
        _put_authority(w, D.DecisionDecidingAuthority, decision.deciding_authority)
        shape.append(D.DecisionDeleteConvictionFromRegister)
        texts.append(decision.delete_from_register.value)
        put_ml(w, D.DecisionRemarks, decision.remarks)
        shape.append(END)
    for offence in conviction.offences:
        _put_offence(w, offence)
    for sanction in conviction.sanctions:
        _put_sanction(w, sanction)
    for relationship in conviction.relationships:
        _put_relationship(w, relationship)
    shape.append(END)


def _put_reference_choice(w: Writer, reference: ConvictionReference) -> None:
    if reference.ecris_id is not None:
        w.leaf(M.ECRISConvictionReference, reference.ecris_id)
    elif reference.njr_reference is not None:
        w.leaf(M.NJRConvictionReference, reference.njr_reference)
    elif reference.external is not None:
        w.open(M.ExternalConviction)
        _put_authority(w, M.ConvictingAuthority, reference.external.authority)
        w.leaf(M.ConvictionFileNumber, reference.external.file_number)
        w.leaf(M.ConvictionDecisionFinalDate, reference.external.final_date.isoformat())
        w.close()


def put_updated_reference(w: Writer, reference: ConvictionReference | None) -> None:
    if reference is not None:
        w.open(M.MessageDataUpdatedConvictionReference)
        _put_reference_choice(w, reference)
        w.close()


def put_other_affected(w: Writer, affected: OtherAffectedConviction | None) -> None:
    if affected is None:
        return
    w.open(M.MessageDataOtherAffectedConviction)
    w.leaf(M.SourceConviction, affected.source)
    for destination in affected.destinations:
        w.open(M.DestinationConviction)
        _put_reference_choice(w, destination)
        w.close()
    w.close()


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
    if (prefix or None) == element.prefix:
        # The element's own prefix is bound to the element's own namespace: no need to build its nsmap.
        namespace = element.tag.partition("}")[0][1:] if element.tag.startswith("{") else None
    else:
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
