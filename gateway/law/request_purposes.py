"""The purposes a Member State's central authority may give for a request (Loi du 29 mars 2013, Art 15),
each mapped to the Luxembourg delivery case it is equivalent to. RULES.md §A.5 R-IN-1, step 3.

One row per purpose: its key (the gateway's own name), its ECRIS request-purpose code and the article
that maps it. The codes are PROVISIONAL (``P-99-…``): the official request-purpose table of the ECRIS
Common Reference Tables is not public (``../shared/ecris-reference-tables/README.md``); the same codes
and keys are in ``schemas/reference-tables/request-purposes.csv`` and give way to the official ones
when the operator loads the official tables (docs/reference-tables.md).

A purpose names the bulletin and the national point of the recipients table (``recipients.py``) whose
purpose it shares — "à des fins et dans des conditions équivalentes" (Arts 8 4), 8-1(3) 4), 8-2(2) 3),
8-3(2) 3)). Whether that bulletin may go to the requesting central authority, for this person, and with
which consent, is the recipients table's to say (``request_routing.py``); this table only says which
Luxembourg case a foreign purpose is the equivalent of. A purpose with no equivalent (``other``) has no
bulletin: Art 15(2) gives nothing to send.
"""

from __future__ import annotations

from dataclasses import dataclass

from gateway.errors import InvalidRequest


@dataclass(frozen=True, slots=True)
class RequestPurpose:
    """One purpose: ``bulletin`` and ``equivalent_point`` name the row of the recipients table it is
    equivalent to (no point for criminal proceedings, Art 6 3)/3bis) serve it directly; neither for a
    purpose with no Luxembourg equivalent)."""

    key: str
    code: str
    label: str
    article: str
    bulletin: int | None
    equivalent_point: str | None = None


REQUEST_PURPOSES: tuple[RequestPurpose, ...] = (
    RequestPurpose(
        "criminal_proceedings", "P-99-001000", "procédure pénale", "15(1)", 1,
    ),
    RequestPurpose(
        "own_record_request_of_person", "P-99-002000",
        "demande de la personne physique concernée sur son propre casier", "15(2), 8-1(3) 1)", 3, "1)",
    ),
    RequestPurpose(
        "own_record_request_of_legal_person", "P-99-002001",
        "demande de la personne morale concernée sur son propre casier", "15(2), 8-1(3) 2)", 3, "2)",
    ),
    RequestPurpose(
        # 8-3(1): any recruiter for activities with regular contact with minors receives N°5 only with the
        # person's agreement; the equivalent point that carries that consent is 8-3(2) 2).
        "employment_contact_with_minors", "P-99-003000",
        "activités professionnelles ou bénévoles impliquant des contacts réguliers avec des mineurs",
        "15(2), 8-3(1), 8-3(2) 2)", 5, "2)",
    ),
    RequestPurpose(
        "driving_licence", "P-99-004000",
        "permis de conduire (délivrance, renouvellement, retrait, restitution)", "15(2), 8-2(2) 2) a)", 4,
        "2) a)",
    ),
    RequestPurpose(
        "aviation_licence", "P-99-004001",
        "licences et qualifications du personnel navigant de l'aéronautique", "15(2), 8-2(2) 2) b)", 4,
        "2) b)",
    ),
    RequestPurpose(
        "rail_licence", "P-99-004002", "licences ferroviaires", "15(2), 8-2(2) 2) c)", 4, "2) c)",
    ),
    RequestPurpose(
        "taxi_licence", "P-99-004003", "licences de conducteur ou d'exploitant de taxis",
        "15(2), 8-2(2) 2) d)", 4, "2) d)",
    ),
    RequestPurpose(
        # The grand-ducal list of Art 8 1) names, for bulletin N°2, the minister for the civil service
        # examining applications for posts linked to national sovereignty (guichet.lu, motive 8).
        "public_employment_post_linked_to_national_sovereignty", "P-99-005000",
        "emploi public pour un poste lié à la souveraineté nationale", "15(2), 8 1)", 2, "1)",
    ),
    RequestPurpose(
        # Art 14(3): the PG asks the former Member State of nationality of a new Luxembourger for its record,
        # to inscribe it (RULES.md R-NAT 2 a.); no bulletin is delivered for it.
        "naturalisation_record_update", "P-99-007000",
        "mise à jour du casier judiciaire d'une personne ayant acquis ou recouvré la nationalité luxembourgeoise",
        "14(3), 13", None,
    ),
    RequestPurpose(
        "other", "P-99-009000", "autre finalité", "15(2)", None,
    ),
)


def purpose_named(name: str) -> RequestPurpose:
    """The row whose key or code is ``name``; InvalidRequest naming the keys otherwise."""
    for row in REQUEST_PURPOSES:
        if name in (row.key, row.code):
            return row
    keys = ", ".join(row.key for row in REQUEST_PURPOSES)
    raise InvalidRequest(f"unknown request purpose {name!r}: one of {keys}")


PURPOSE_KEYS: tuple[str, ...] = tuple(row.key for row in REQUEST_PURPOSES)
