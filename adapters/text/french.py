"""The register as a clerk reads it: persons, decisions and penalties described in French."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from gateway.law.fines import cited_fine
from gateway.model.conviction import (
    Closure,
    CommunityService,
    Confiscation,
    Decision,
    DecisionKind,
    DeprivationOfRights,
    Dissolution,
    DrivingBan,
    Fine,
    Imprisonment,
    LaterDecisionType,
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
)
from gateway.model.partial_date import PartialDate
from gateway.model.person import LegalPerson, Name, NaturalPerson, Person
from gateway.services.fine_conversion import has_unconverted_fine

LATER_DECISION_LABELS = {
    LaterDecisionType.PARDON: "grâce",
    LaterDecisionType.REVISION: "révision",
    LaterDecisionType.AMNESTY: "amnistie",
    LaterDecisionType.REHABILITATION: "réhabilitation",
    LaterDecisionType.CONDITIONAL_RELEASE: "libération conditionnelle",
    LaterDecisionType.RELEASE_REVOKED: "révocation de la libération",
    LaterDecisionType.SENTENCE_END: "fin de peine",
}
DECISION_KIND_LABELS = {
    DecisionKind.CONVICTION: "condamnation",
    DecisionKind.SUSPENSION_OF_PRONOUNCEMENT: "suspension du prononcé",
    DecisionKind.PLACEMENT: "mesure de placement",
}
RIGHTS_LABELS = {
    RightsSubtype.INTERDICTION: "interdiction",
    RightsSubtype.INCAPACITE: "incapacité",
    RightsSubtype.DECHEANCE: "déchéance",
}


def day(value: date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else "—"


def partial_day(value: PartialDate) -> str:
    """``15/03/1985``, ``03/1985`` or ``1985``: as much of the date as is known."""
    if value.month is None:
        return f"{value.year:04d}"
    if value.day is None:
        return f"{value.month:02d}/{value.year:04d}"
    return f"{value.day:02d}/{value.month:02d}/{value.year:04d}"


def birth_fr(iso: str) -> str:
    """A birth date as carried by a QR payload (ISO, possibly partial), in French; empty stays empty."""
    if not iso:
        return ""
    try:
        return partial_day(PartialDate.parse(iso))
    except ValueError:
        return iso


def money(amount: Decimal | None, currency: str) -> str:
    """``1\u202f500 EUR``, ``46\u202f203,12 CHF``: thin-space thousands, decimal comma."""
    if amount is None:
        return "montant inconnu"
    whole, _, cents = f"{amount:,.2f}".partition(".")
    text = whole.replace(",", "\u202f")
    return f"{text} {currency}" if cents == "00" else f"{text},{cents} {currency}"


def euros(amount: Decimal | None) -> str:
    return money(amount, "EUR")


def _months(months: int | None) -> str:
    if months is None:
        return "durée non précisée"
    return f"{months} mois" if months % 12 else f"{months // 12} an{'s' if months > 12 else ''}"


def _until(end: date | None, perpetual: bool = False) -> str:
    if perpetual:
        return " à vie"
    return f" jusqu'au {day(end)}" if end else ""


def _years(years: int) -> str:
    return f"{years} an{'s' if years > 1 else ''}"


def _obligations(years: int | None, obligations: tuple[str, ...]) -> str:
    """Art 1(4): « la mention des obligations imposées par la décision et de leur durée »."""
    text = f", pendant {_years(years)}" if years is not None else ""
    if obligations:
        text += f", obligations imposées : {' ; '.join(obligations)}"
    return text


def describe_sursis(sursis: Sursis | None) -> str:
    if sursis is None:
        return ""
    partial = " partiel" if sursis.scope is SursisScope.PARTIAL else ""
    months = f" de {_months(sursis.suspended_months)}" if sursis.suspended_months else ""
    text = f", avec sursis {sursis.type.value}{partial}{months}{_obligations(sursis.probation_years, sursis.obligations)}"
    if sursis.revoked_on:
        text += f" (révoqué le {day(sursis.revoked_on)})"
    elif sursis.forfeited_on:
        text += f" (déchu le {day(sursis.forfeited_on)})"
    elif sursis.non_avenue_on:
        text += f" (non avenue depuis le {day(sursis.non_avenue_on)})"
    return text


def describe_penalty(penalty: Penalty) -> str:
    """One penalty in a clerk's words, e.g. ``emprisonnement de 6 mois, avec sursis simple``."""
    match penalty:
        case Imprisonment():
            text = f"emprisonnement de {_months(penalty.months)}"
            if penalty.conditional_release and penalty.conditional_release.released_on:
                text += f", libération conditionnelle le {day(penalty.conditional_release.released_on)}"
            if penalty.executed_on:
                text += f", peine exécutée le {day(penalty.executed_on)}"
        case Fine():
            text = f"amende {penalty.nature.value} de {cited_fine(penalty)}"
        case CommunityService():
            text = f"travail d'intérêt général de {penalty.hours} heures"
        case DrivingBan():
            text = f"interdiction de conduire de {_months(penalty.months)}"
            if penalty.execution_end_date:
                text += f", fin d'exécution le {day(penalty.execution_end_date)}"
        case DeprivationOfRights():
            label = f" ({penalty.label})" if penalty.label else ""
            text = f"{RIGHTS_LABELS[penalty.subtype]}{label}{_until(penalty.end_date, penalty.perpetual)}"
        case MinorsActivityBan():
            text = "interdiction d'exercer des activités impliquant des contacts directs et réguliers avec des mineurs"
            text += _until(penalty.end_date, penalty.perpetual)
        case Closure():
            text = f"fermeture d'entreprise ou d'établissement{_until(penalty.end_date)}"
        case Dissolution():
            text = "dissolution"
        case PublicProcurementExclusion():
            text = f"exclusion de la participation à des marchés publics{_until(penalty.end_date)}"
        case PlacementMeasure():
            text = "mesure de placement"
        case Confiscation():
            what = f" : {penalty.description}" if penalty.description else ""
            value = f" (valeur {euros(penalty.value_eur)})" if penalty.value_eur is not None else ""
            text = f"confiscation{what}{value}"
        case Publication():
            text = "publication de la décision" + (f" ({penalty.label})" if penalty.label else "")
        case ProfessionalBan():
            label = f" ({penalty.label})" if penalty.label else ""
            text = f"interdiction d'exercer une profession ou une activité{label}"
            text += _until(penalty.end_date, penalty.perpetual)
        case OtherPenalty():
            text = f"autre peine : {penalty.label}{_until(penalty.end_date)}"
    return text + describe_sursis(penalty.sursis)


def describe_decision(decision: Decision) -> list[str]:
    """A decision as lines: heading, offences, penalties, later decisions."""
    heading = (
        f"{DECISION_KIND_LABELS[decision.kind].capitalize()} du {day(decision.decision_date)}"
        f" — {decision.court} ({decision.court_country})"
    )
    if decision.reference:
        heading += f", réf. {decision.reference}"
    heading += f", coulée en force de chose jugée le {day(decision.final_date)}"
    lines = [heading]
    if decision.by_default_not_notified:
        lines.append("  rendue par défaut et non notifiée à personne")
    if decision.opposition_decision:
        lines.append(f"  décision rendue sur opposition : {decision.opposition_decision}")
    for offence in decision.offences:
        when = f" (faits du {partial_day(offence.date)})" if offence.date else ""
        lines.append(f"  infraction : {offence.qualification}{when}")
    if decision.suspension:
        suspension = decision.suspension
        obligations = _obligations(suspension.duration_years, suspension.obligations)
        lines.append(f"  suspension {suspension.type.value} du prononcé{obligations}")
    lines.extend(f"  peine : {describe_penalty(p)}" for p in decision.penalties)
    if has_unconverted_fine(decision):
        lines.append("  À EXAMINER par un greffier : amende sans cours BCE, comptée au-dessus de tout seuil (AMB-29)")
    lines.extend(
        f"  {LATER_DECISION_LABELS[ld.type]} le {day(ld.date)}{f' : {ld.remarks}' if ld.remarks else ''}"
        for ld in decision.later_decisions
    )
    basis = decision.inscription_basis
    if basis is not None:
        read = (f"extrait de {basis.country} du {day(basis.extract_date)}" if basis.extract_date
                else f"réponse ECRIS de {basis.country}")
        lines.append(f"  inscrite le {day(basis.inscribed_on)} au titre de l'art. 14(3) (naturalisation) : {read}")
    elif not decision.is_national:
        lines.append(f"  décision étrangère notifiée par {decision.origin_state}")
    return lines


def _full_name(name: Name) -> str:
    return " ".join((name.surname.upper(), *name.forenames))


def describe_person(person: Person) -> list[str]:
    """The identity of a person (Art 3) as lines."""
    if isinstance(person, LegalPerson):
        seat = person.seat
        return [
            f"Personne morale {person.id} : {person.name}",
            f"  siège : {', '.join(x for x in (seat.city, seat.country) if x) if seat else '—'}",
            f"  RCS : {person.rcs_number or '—'} ; droit applicable : {person.governing_law or '—'}",
        ]
    assert isinstance(person, NaturalPerson)
    lines = [f"Personne physique {person.id} : {_full_name(Name(person.surname, person.forenames))}"]
    birth = person.birth
    place = ", ".join(x for x in (birth.city, birth.country) if x)
    born = partial_day(birth.date) if birth.date else "date inconnue"
    lines.append(f"  né(e) le {born}{f' à {place}' if place else ''} ; sexe : {person.sex.value}")
    lines.append(f"  nationalités : {', '.join(person.nationalities) or 'non connue'}")
    if person.previous_names:
        lines.append(f"  noms précédents : {'; '.join(map(_full_name, person.previous_names))}")
    if person.aliases:
        lines.append(f"  alias : {'; '.join(map(_full_name, person.aliases))}")
    for label, relative in (("père", person.father), ("mère", person.mother), ("conjoint", person.spouse)):
        if relative:
            lines.append(f"  {label} : {_full_name(relative)}")
    if person.residence:
        r = person.residence
        lines.append(f"  résidence : {', '.join(x for x in (r.address, r.city, r.country) if x)}")
    if person.death_date:
        lines.append(f"  décédé(e) le {day(person.death_date)}")
    return lines
