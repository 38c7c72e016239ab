"""Copies of convictions for the State of nationality (Art 12(3), Loi du 29 mars 2013; FD 2009/315 Art 4(4))."""

from __future__ import annotations

from datetime import date

from gateway.law.deadlines import answer_due_date
from gateway.law.notification_duty import states_to_notify
from gateway.law.ruling import Ruling
from gateway.model.conviction import Decision
from gateway.model.person import LegalPerson, Person

COPY_REQUEST_PURPOSE = "P-99-006000"
"""Art 12(3) — the request purpose code by which a State of nationality asks for copies of the convictions
of its national and of the later decisions (FD 2009/315 Art 4(4)). ECRIS v1.0 has no message of its own
for it: it comes as a ``RequestMessage`` and is told apart from an Art 15 request by this code alone.
PROVISIONAL like the Art 15 codes (``request_purposes.py``; also in
``schemas/reference-tables/request-purposes.csv``) until the official request-purpose table is loaded."""


def is_copy_request(purpose_code: str) -> bool:
    """Art 12(3) — whether a request's purpose code asks for copies (Art 12(3)) rather than for the
    information of Art 15 (whose purposes are the rows of ``request_purposes.REQUEST_PURPOSES``)."""
    return purpose_code.strip() == COPY_REQUEST_PURPOSE


def copy_request_admissible(person: Person, requester: str) -> Ruling:
    """Art 12(3) — the procureur général d'État answers the request of a Member State whose nationality the
    convicted person holds (per the register) for a copy of the convictions and later decisions. A request
    from another State, or about a legal person, is not an Art 12(3) request."""
    if isinstance(person, LegalPerson):
        return Ruling(False, "l'article 12(3) vise les condamnations de personnes physiques", "12(3)")
    if requester not in person.nationalities:
        return Ruling(False, f"{requester} n'est pas un État de nationalité de la personne", "12(3)")
    return Ruling(True, f"demande de l'État de nationalité ({requester})", "12(3)")


def convictions_to_copy(person: Person, requester: str, *, on: date) -> tuple[Decision, ...]:
    """Art 12(3) — what is copied: the convictions Art 12(1) notifies to the requesting State (Luxembourg
    convictions, final on ``on``, notifiable under AMB-13), each with its later decisions."""
    return tuple(d for d in person.decisions if requester in states_to_notify(person, d, on=on))


def copy_due_date(received: date) -> date:
    """Art 12(3), reading AMB-15 — the text sets no deadline; the copy is due when Art 16(1) would have a
    request answered: 10 Luxembourg working days after the day it was received (``answer_due_date``)."""
    return answer_due_date(received)
