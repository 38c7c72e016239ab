"""Art 8-5 — the retention limits the recipient of a bulletin must respect, printed on every extract
(RULES.md §A.4). Each entry carries its article; the list follows the article's order."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class RetentionLimit:
    article: str
    text: str


_PUBLIC_EMPLOYER = RetentionLimit(
    "8-5(1) al.1",
    "Remis à un employeur public en vue d'un contrat de travail, le bulletin est conservé au plus un mois "
    "après la conclusion du contrat ; il est détruit sans délai si la personne n'est pas engagée.",
)
_ADMINISTRATION = RetentionLimit(
    "8-5(1) al.2",
    "Remis à une administration saisie d'une demande, il est conservé au plus un mois après l'expiration "
    "du délai de recours contentieux.",
)
_EMPLOYER_N3 = RetentionLimit(
    "8-5(2)",
    "Un employeur ne peut demander le bulletin N°3 que par une demande écrite, spécialement motivée par les "
    "besoins du poste et mentionnée dans l'offre d'emploi ; il le conserve au plus un mois après la "
    "conclusion du contrat et le détruit sans délai si la personne n'est pas engagée. Un nouveau bulletin "
    "demandé en cours d'emploi est conservé au plus deux mois après sa délivrance.",
)
_EMPLOYER_N4 = RetentionLimit(
    "8-5(3)",
    "Un employeur ne peut demander le bulletin N°4 que si un permis de conduire valable est indispensable "
    "au poste et exigé au contrat, par une demande écrite et motivée figurant dans l'offre d'emploi ; il le "
    "conserve au plus un mois après la conclusion du contrat et le détruit si la personne n'est pas engagée.",
)
_NOTHING_KEPT = RetentionLimit(
    "8-5(4)",
    "À l'expiration de ces délais, ni l'extrait ni les données qui y sont renseignées ne peuvent être "
    "conservés sous quelque forme que ce soit. La violation de ces délais est punie d'une amende de 251 à "
    "3 000 euros (art. 9).",
)

RETENTION_LIMITS: dict[int, tuple[RetentionLimit, ...]] = {
    3: (_PUBLIC_EMPLOYER, _ADMINISTRATION, _EMPLOYER_N3, _NOTHING_KEPT),
    4: (_PUBLIC_EMPLOYER, _ADMINISTRATION, _EMPLOYER_N4, _NOTHING_KEPT),
    5: (_PUBLIC_EMPLOYER, _ADMINISTRATION, _NOTHING_KEPT),
}


def retention_limits(number: int) -> tuple[RetentionLimit, ...]:
    """Art 8-5 — the limits that bind whoever receives bulletin ``number`` (N°3 to N°5)."""
    return RETENTION_LIMITS[number]
