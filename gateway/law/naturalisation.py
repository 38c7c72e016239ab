"""The annual naturalisation transfer (Loi du 29 mars 2013, Art 14(3); RULES.md R-NAT, AMB-1, AMB-23).

Once a year the Minister of Justice sends the procureur général d'État the persons who acquired or recovered
Luxembourg nationality, each with the foreign criminal-record extract supplied. For each former nationality:
a Member State is asked through ECRIS; a third country's extract, or the extract of a Member State that gave
no complete answer, is inscribed. One rule per function, nationality by nationality (AMB-23).
"""

from __future__ import annotations

import enum
from datetime import date

from gateway.law.ruling import Ruling
from gateway.model.conviction import Decision
from gateway.model.member_states import LUXEMBOURG, is_member_state

COMPLETE_ANSWER = "RRT-00-00"
"""The response type of an answer that gives the requested State's record (with or without conviction)."""


class FormerNationalityRoute(enum.StrEnum):
    ECRIS_REQUEST = "ecris_request"
    SUPPLIED_EXTRACT = "supplied_extract"
    NOTHING = "nothing"


def route_for_former_nationality(country: str) -> FormerNationalityRoute:
    """Art 14(3), R-NAT step 2, AMB-23 — each former nationality on its own: a Member State's is asked for
    its record through ECRIS (2 a.); a third country's extract is inscribed (2 b.). A former Luxembourg
    nationality (recovery) asks nobody: the register already holds its convictions."""
    if country == LUXEMBOURG:
        return FormerNationalityRoute.NOTHING
    if is_member_state(country):
        return FormerNationalityRoute.ECRIS_REQUEST
    return FormerNationalityRoute.SUPPLIED_EXTRACT


def inscribed_under_art_14_3(decision: Decision) -> bool:
    """Art 14(3), AMB-23 — the decision is inscribed because the Minister's transfer brought it (from the
    supplied extract or from the answer of the former Member State of nationality)."""
    basis = decision.inscription_basis
    return basis is not None and basis.basis == "art-14-3"


def inscribable_under_art_14_3(decision: Decision) -> Ruling:
    """Art 14(3), AMB-23 — « le procureur général d'Etat inscrit … les condamnations reprises sur
    l'extrait »: Art 14(3) is its own basis for inscription, so the Art 1(2) 3) condition of notification
    under an international convention does not apply. Whether the act must also be a crime or délit in
    Luxembourg law is open (AMB-23): a decision the extract says is not one is refused; one it says
    nothing about is inscribed, as the article orders the extract's convictions inscribed."""
    if decision.act_is_offence_in_lu is False:
        return Ruling(
            False,
            "condamnation reprise sur l'extrait pour un fait qui n'est ni un crime ni un délit au Luxembourg",
            "14(3), 1(2) 3)",
        )
    return Ruling(True, "condamnation inscrite au titre de l'acquisition de la nationalité luxembourgeoise", "14(3)")


def answer_is_complete(*, answered: bool, response_type: str | None) -> bool:
    """Art 14(3), R-NAT 2 a./b. — only an answer giving the State's record (``RRT-00-00``, with or without
    conviction) is complete; a refusal, "not a national", "deceased", a functional error or silence leaves
    the supplied extract to be inscribed."""
    return answered and response_type == COMPLETE_ANSWER


def extract_falls_back(*, answered: bool, response_type: str | None, expected_by: date, on: date) -> bool:
    """Art 14(3), R-NAT 2 b., FD 2009/315 Art 8(1) — the supplied extract is inscribed for a Member State
    that answered incompletely, or that has not answered by the end of its 10 working days (``expected_by``,
    counted in its calendar): from the day after."""
    if answered:
        return not answer_is_complete(answered=answered, response_type=response_type)
    return on > expected_by
