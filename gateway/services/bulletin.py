"""Issue bulletins N°1 to N°5 (Loi du 29 mars 2013, Arts 5 to 8-4): which decisions of a person a
bulletin shows on a given day, each decision explained by the rule that decided it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from gateway.clock import Clock
from gateway.errors import InvalidRequest, NotFound
from gateway.law.bulletin_1 import Mentions, mentions
from gateway.law.bulletin_common import Context
from gateway.law.bulletins import BULLETIN_NUMBERS, DecisionRule, rule_for
from gateway.law.empty_bulletin import erased, erased_person
from gateway.law.recipients import Recipient, delivery_allowed
from gateway.law.register import ErasureDue, erasure_due
from gateway.law.ruling import Ruling
from gateway.model.conviction import Decision
from gateway.model.person import LegalPerson, Person
from gateway.ports import JournalEntry, PersonRepository, Tombstone, UnitOfWork


@dataclass(frozen=True, slots=True)
class Explanation:
    """Why one decision of the person is, or is not, on the bulletin (e.g. article ``8-1(1) 5)``)."""

    decision: str
    included: bool
    article: str
    reason: str


@dataclass(frozen=True, slots=True)
class ForeignAnswer:
    """The answer of one Member State to the own-record request Luxembourg forwarded to it (Art 14): when it
    was asked and is expected (Art 16(2)), whether it came, its convictions as received, marked with their
    source and not re-filtered (AMB-21), and the mention « réponse de [État] non parvenue » once the 20
    working days have run without it (AMB-22)."""

    state: str
    request: str
    asked_on: date
    expected_by: date
    received: bool
    answered_on: date | None
    response_type: str | None
    convictions: tuple[Decision, ...]
    mention: str | None


@dataclass(frozen=True, slots=True)
class Bulletin:
    """A bulletin as issued on day ``on``: ``nil`` when it bears "néant" (Art 8-4); ``decisions`` the
    ids shown, in the register's order; one explanation per decision of the person. ``erasure``
    says why an erased person's bulletin is empty (Art 3). ``details``, on N°1 only, gives for each
    decision shown what Art 1(3)-(4) inscribe with it: opposition, obligations and their duration."""

    person_id: str
    number: int
    on: date
    nil: bool
    decisions: tuple[str, ...]
    explanations: tuple[Explanation, ...]
    erasure: Ruling | None = None
    details: tuple[Mentions, ...] = ()
    foreign_answers: tuple[ForeignAnswer, ...] = ()
    """N°3 to N°5: the answers to the own-record requests forwarded for this bulletin (Art 14)."""


def compute_bulletin(person: Person, number: int, on: date) -> Bulletin:
    """Bulletin N°``number`` of ``person`` on day ``on``. InvalidRequest for N°4 or N°5 of a legal
    person, or a number other than 1 to 5."""
    rule = rule_for(number, legal_person=isinstance(person, LegalPerson))
    return _compute(person, number, on, rule, Context(person, on), due=erasure_due(person, on))


def compute_bulletins(
    person: Person, on: date, numbers: tuple[int, ...] = BULLETIN_NUMBERS
) -> dict[int, Bulletin]:
    """Several bulletins of one person on one day, sharing what they have in common. For a legal
    person, N°4 and N°5 are left out (they do not exist)."""
    legal = isinstance(person, LegalPerson)
    ctx = Context(person, on)
    due = erasure_due(person, on)
    result: dict[int, Bulletin] = {}
    for number in numbers:
        if legal and number in (4, 5):
            continue
        result[number] = _compute(person, number, on, rule_for(number, legal_person=legal), ctx, due=due)
    return result


def _compute(
    person: Person, number: int, on: date, rule: DecisionRule, ctx: Context, *, due: ErasureDue | None
) -> Bulletin:
    """``due``: the person's Art 3 erasure on ``on``, computed once for all the bulletins of a day."""
    decisions = person.decisions
    if not decisions:
        return Bulletin(person.id, number, on, True, (), ())
    if due is not None:
        gone = erased(due)
        return Bulletin(
            person.id,
            number,
            on,
            True,
            (),
            tuple(Explanation(d.id, False, gone.article, gone.reason) for d in decisions),
            gone,
        )
    shown: list[Decision] = []
    explanations: list[Explanation] = []
    for decision in decisions:
        ruling = rule(decision, ctx)
        if ruling.included:
            shown.append(decision)
        explanations.append(Explanation(decision.id, ruling.included, ruling.article, ruling.reason))
    details = tuple(mentions(d) for d in shown) if number == 1 else ()
    return Bulletin(
        person.id, number, on, not shown, tuple(d.id for d in shown), tuple(explanations), details=details
    )


def erased_bulletin(tombstone: Tombstone, number: int, on: date) -> Bulletin:
    """The bulletin of an erased person (Art 3): "néant", whatever the number; nothing is left to
    explain decision by decision, ``erasure`` gives the reason. Only natural persons are erased
    (AMB-3), so every number 1 to 5 may be asked."""
    if number not in BULLETIN_NUMBERS:
        raise InvalidRequest(f"there is no bulletin N°{number}: the law knows N°1 to N°5")
    ruling = erased_person(tombstone.erased_on, tombstone.reason)
    return Bulletin(tombstone.person_id, number, on, True, (), (), ruling)


def issue_bulletin(
    persons: PersonRepository, person_id: str, number: int, on: date
) -> tuple[Bulletin, Person | None]:
    """Look the person up and compute the bulletin; the person is returned for rendering (None when
    erased). NotFound for a person the register never knew."""
    person = persons.get(person_id)
    if person is not None:
        return compute_bulletin(person, number, on), person
    tombstone = persons.tombstone(person_id)
    if tombstone is None:
        raise NotFound(f"no person {person_id} in the register")
    return erased_bulletin(tombstone, number, on), None


def deliver_bulletin(
    uow: UnitOfWork,
    *,
    person_id: str,
    number: int,
    on: date,
    clock: Clock,
    official: str,
    recipient: Recipient | None = None,
    consent: bool = False,
) -> tuple[Bulletin, Person | None]:
    """Issue a bulletin and journal the consultation (Art 3-1; law of 1 August 2018, art 24:
    consultation and disclosure are logged with who, when and what — not the bulletin's content).

    Given the ``recipient`` point it is for, the bulletin is issued only when the law lets that
    recipient receive it (``delivery_allowed``, with the person's ``consent`` as collected); a refusal
    is journalled and raised as InvalidRequest naming the article (Art 9, R-SANCTION)."""
    with uow:
        bulletin, person = issue_bulletin(uow.persons, person_id, number, on)
        record_delivery(uow, bulletin, legal_person=isinstance(person, LegalPerson), clock=clock,
                        official=official, recipient=recipient, consent=consent)
    return bulletin, person


def record_delivery(
    uow: UnitOfWork,
    bulletin: Bulletin,
    *,
    legal_person: bool,
    clock: Clock,
    official: str,
    recipient: Recipient | None,
    consent: bool,
    details: dict[str, str] | None = None,
) -> None:
    """Check ``recipient`` (``delivery_allowed``), journal the consultation or the refusal, and commit;
    a refusal is raised as InvalidRequest naming the article. ``details`` add to the journal entry."""
    number, person_id = bulletin.number, bulletin.person_id
    ruling = None
    if recipient is not None:
        ruling = delivery_allowed(recipient, bulletin=number, legal_person=legal_person, consent=consent)
    entry_details = {"nil": str(bulletin.nil).lower(), **(details or {})}
    if ruling is not None:
        entry_details["for"] = ruling.article
    if ruling is not None and not ruling.included:
        uow.journal.append(
            JournalEntry(
                at=clock.now(),
                official=official,
                action="bulletin.refuse",
                subject=person_id,
                reason=f"bulletin N°{number} for {ruling.article} refused: {ruling.reason}",
                details={"for": ruling.article, **(details or {})},
            )
        )
        uow.commit()
        raise InvalidRequest(
            f"bulletin N°{number} refusé au destinataire de l'art. {ruling.article} : {ruling.reason}"
        )
    uow.journal.append(
        JournalEntry(
            at=clock.now(),
            official=official,
            action="bulletin.issue",
            subject=person_id,
            reason=f"bulletin N°{number} as of {bulletin.on.isoformat()}",
            details=entry_details,
        )
    )
    uow.commit()
