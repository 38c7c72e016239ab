"""Which bulletins may be handed to the person as an extract (Loi du 29 mars 2013, Arts 6, 8, 8-1(3),
8-2(2), 8-3(2)), and the legal basis printed on each extract."""

from __future__ import annotations

from gateway.law.ruling import Ruling

EXTRACT_NUMBERS = (3, 4, 5)
"""The bulletins the person (or a proxy) may receive: N°3, N°4 and N°5."""

NEVER_TO_THE_PERSON: dict[int, Ruling] = {
    1: Ruling(
        False,
        "le bulletin N°1 n'est délivré qu'aux autorités judiciaires et aux autorités qui y sont énumérées, "
        "pour une procédure pénale ; il n'est jamais remis à la personne",
        "6",
    ),
    2: Ruling(
        False,
        "le bulletin N°2 n'est délivré qu'aux administrations et autorités que la loi énumère, jamais à la "
        "personne",
        "8",
    ),
}

LEGAL_BASIS: dict[int, Ruling] = {
    3: Ruling(True, "délivré à la personne concernée", "8-1(3) 1)"),
    4: Ruling(True, "délivré à la personne concernée", "8-2(2) 1)"),
    5: Ruling(True, "délivré à la personne concernée", "8-3(2) 1)"),
}

LEGAL_PERSON_BASIS = Ruling(
    True, "délivré à une personne habilitée à engager la personne morale, sur présentation d'une pièce "
          "d'identité valable et d'un extrait récent du registre de commerce et des sociétés", "8-1(3) 2)")

CONTENT_ARTICLE = {3: "8-1", 4: "8-2", 5: "8-3"}
"""The article that says what the bulletin shows."""


def extract_allowed(number: int, *, legal_person: bool = False) -> Ruling:
    """Arts 6 and 8 — bulletins N°1 and N°2 go only to the authorities these articles list, never to the
    person; Arts 8-1(3) 1), 8-2(2) 1) and 8-3(2) 1) — N°3, N°4 and N°5 are delivered to the person
    concerned; Art 8-1(3) 2) — a legal person's N°3 to someone able to bind it (N°4 and N°5 do not exist
    for legal persons: ``bulletins.rule_for`` refuses them). The ruling names the article either way."""
    if number in NEVER_TO_THE_PERSON:
        return NEVER_TO_THE_PERSON[number]
    if legal_person and number == 3:
        return LEGAL_PERSON_BASIS
    if number in LEGAL_BASIS:
        return LEGAL_BASIS[number]
    return Ruling(False, f"il n'existe pas de bulletin N°{number} : la loi connaît les N°1 à 5", "5")
