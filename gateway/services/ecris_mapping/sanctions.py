"""A decision's penalties as ``dm:SanctionType``: category, durations, amounts, sursis; and the suspension
of the pronouncement, which is its own sanction."""

from __future__ import annotations

from gateway.model.conviction import (
    Closure,
    CommunityService,
    Confiscation,
    Decision,
    DeprivationOfRights,
    Dissolution,
    DrivingBan,
    Fine,
    Imprisonment,
    MinorsActivityBan,
    OtherPenalty,
    Penalty,
    PlacementMeasure,
    ProfessionalBan,
    Publication,
    PublicProcurementExclusion,
    RightsSubtype,
    Sursis,
    SursisScope,
    SuspensionType,
)
from gateway.model.exchange import (
    Amount,
    EcrisSanction,
    Period,
    SanctionSuspension,
    SentencedPeriod,
    YesNoUnknown,
    iso_duration,
)
from gateway.model.reference_tables import ReferenceTables, Table
from gateway.services.ecris_mapping.codes import (
    SANCTION_CATEGORY_CODES,
    SUSPENSION_TYPE_CODES,
    _code,
    currency_code,
)
from gateway.services.ecris_mapping.texts import _amount, _ml, _months

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
        case Confiscation():
            title = "Confiscation"
            if penalty.description:
                remarks.append(penalty.description.rstrip(".") + ".")
            if penalty.value_eur is not None:
                remarks.append(f"Valeur : {penalty.value_eur} EUR.")
        case Publication():
            title = "Publication de la décision"
            if penalty.label:
                remarks.append(penalty.label.rstrip(".") + ".")
        case ProfessionalBan():
            title = "Interdiction d'exercer une profession ou une activité"
            if penalty.label:
                remarks.append(penalty.label.rstrip(".") + ".")
        case OtherPenalty():
            title = penalty.label
    if isinstance(
        penalty,
        DeprivationOfRights | MinorsActivityBan | Closure | PublicProcurementExclusion | ProfessionalBan | OtherPenalty,
    ):
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
