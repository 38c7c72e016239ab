"""Use case: import persons from the national register application (docs/register-format.md).

The national register is the source of truth for national decisions: a person in the file replaces
what the gateway holds of that person's national data; foreign decisions received by notification
are kept. Every change becomes a register event and a processing-journal entry. All or nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from gateway.clock import Clock, today
from gateway.errors import InvalidInput, Problem
from gateway.law.register import may_be_inscribed
from gateway.model.conviction import Decision
from gateway.model.person import Person
from gateway.ports import (
    EuroRates,
    JournalEntry,
    MessagingUnitOfWork,
    RegisterEvent,
    RegisterEventKind,
    UnitOfWork,
)
from gateway.services.fine_conversion import decisions_with_unconverted_fines, with_fines_in_euros
from gateway.services.outgoing_notification import QueuedNotification, reconcile
from gateway.services.register_consistency import contradictions
from gateway.services.tcn.sync import QueuedTcnOperation, reconcile_tcn


@dataclass
class ImportReport:
    persons_created: int = 0
    persons_updated: int = 0
    persons_unchanged: int = 0
    decisions_added: int = 0
    decisions_updated: int = 0
    decisions_removed: int = 0
    events: list[RegisterEvent] = field(default_factory=list)
    unconverted_fines: list[str] = field(default_factory=list)
    """``PERSON_ID/DECISION_ID`` of the decisions with a fine no ECB rate converted: for a clerk (AMB-29)."""
    notifications: list[QueuedNotification] = field(default_factory=list)
    """The notifications, updates and deletions the changes queued for other Member States (Art 12)."""
    tcn_operations: list[QueuedTcnOperation] = field(default_factory=list)
    """The ECRIS-TCN record operations the changes queued for the central system (Art 12-1)."""

    @property
    def changed(self) -> bool:
        return bool(self.events)


def inscription_problems(person: Person, stored: Person | None = None) -> list[Problem]:
    """Every decision new to the register that Art 1 forbids inscribing, as a located problem.

    Art 1(2) is decided once, at inscription (AMB-1): a decision ``stored`` already holds stays, even
    when the person has since lost Luxembourg nationality; only the decisions new to the register are
    checked.
    """
    inscribed = set() if stored is None else {d.id for d in stored.decisions}
    problems = []
    for decision in person.decisions:
        if decision.id in inscribed:
            continue
        ruling = may_be_inscribed(decision, person)
        if not ruling.included:
            problems.append(
                Problem(f"{person.id}/{decision.id}", f"may not be inscribed: {ruling.reason} (Art {ruling.article})")
            )
    return problems


def stored_digests(uow: UnitOfWork, person_ids: Sequence[str]) -> dict[str, str]:
    """The fingerprints the register holds for these persons, for the reader to skip those sent again
    unchanged (``import_persons(unchanged=…)``)."""
    with uow:
        return uow.persons.digests(person_ids)


def _merge(incoming: Person, stored: Person | None) -> Person:
    """The file's decisions, plus the stored foreign ones it does not mention; ECRIS conviction
    identifiers already allocated are kept (they are reused for every update)."""
    if stored is None:
        return incoming
    stored_by_id = {d.id: d for d in stored.decisions}
    decisions: list[Decision] = []
    for decision in incoming.decisions:
        previous = stored_by_id.get(decision.id)
        if decision.ecris_conviction_id is None and previous is not None and previous.ecris_conviction_id:
            decisions.append(replace(decision, ecris_conviction_id=previous.ecris_conviction_id))
        else:
            decisions.append(decision)
    mentioned = {d.id for d in incoming.decisions}
    decisions.extend(d for d in stored.decisions if not d.is_national and d.id not in mentioned)
    return replace(incoming, decisions=tuple(decisions))


def _identity(person: Person) -> Person:
    return replace(person, decisions=())


def _changes(before: Person | None, after: Person, report: ImportReport, clock: Clock) -> list[RegisterEvent]:
    now = clock.now()
    events: list[RegisterEvent] = []
    if before is None:
        events.append(RegisterEvent(RegisterEventKind.PERSON_CREATED, after.id, None, now))
        events.extend(RegisterEvent(RegisterEventKind.DECISION_ADDED, after.id, d.id, now) for d in after.decisions)
        report.decisions_added += len(after.decisions)
        return events
    if type(before) is not type(after) or _identity(before) != _identity(after):
        events.append(RegisterEvent(RegisterEventKind.PERSON_UPDATED, after.id, None, now))
    old = {d.id: d for d in before.decisions}
    new = {d.id: d for d in after.decisions}
    for decision_id, decision in new.items():
        if decision_id not in old:
            events.append(RegisterEvent(RegisterEventKind.DECISION_ADDED, after.id, decision_id, now))
            report.decisions_added += 1
        elif old[decision_id] != decision:
            events.append(RegisterEvent(RegisterEventKind.DECISION_UPDATED, after.id, decision_id, now))
            report.decisions_updated += 1
    for decision_id in old.keys() - new.keys():
        events.append(RegisterEvent(RegisterEventKind.DECISION_REMOVED, after.id, decision_id, now))
        report.decisions_removed += 1
    return events


def import_persons(
    persons: Sequence[Person],
    *,
    uow: MessagingUnitOfWork,
    clock: Clock,
    official: str,
    source: str,
    member_state: str = "LU",
    problems_in_file: Sequence[Problem] = (),
    rates: EuroRates | None = None,
    progress: Callable[[int, int], None] | None = None,
    unchanged: Sequence[str] = (),
    digests: Mapping[str, str] | None = None,
) -> ImportReport:
    """Apply ``persons`` to the register in one transaction, or raise ``InvalidInput`` and change nothing.

    Refused: dates that contradict each other or today (register_consistency), decisions new to the
    register that Art 1 forbids. ``problems_in_file`` are those the reader already found (``persons``
    then holds the persons it could read): these checks still run, so the refusal lists every problem.
    Fines pronounced in another currency are converted with ``rates`` (AMB-29); without ``rates``
    none is, and each such decision is listed for a clerk. ``progress`` is told ``(persons compared,
    persons)`` as the comparison with the register goes.

    ``unchanged`` are persons of the file the reader found identical to what the register holds (by
    the fingerprints ``stored_digests`` gave) and did not read again; ``digests`` the fingerprints of
    the persons read, stored with them. A fingerprint that changed in the meantime refuses the import.

    In the same transaction, the Member States of nationality are sent what the changes owe them
    (``outgoing_notification.reconcile``: first notifications, updates, deletions; Art 12), and the
    ECRIS-TCN central system what the changes owe it (``tcn.sync.reconcile_tcn``: create, update, delete;
    Art 12-1).
    """
    if rates is not None:
        persons = [with_fines_in_euros(person, rates) for person in persons]
    with uow:
        problems = list(problems_in_file)
        held = uow.persons.digests(unchanged)
        problems += [
            Problem(i, "changed in the register while the file was read; import the file again")
            for i in unchanged
            if digests is None or held.get(i) != digests.get(i)
        ]
        stored = uow.persons.get_many([p.id for p in persons])
        on = today(clock)
        for person in persons:
            problems += contradictions(person, on)
            problems += inscription_problems(person, stored.get(person.id))
        erased = uow.persons.tombstones([p.id for p in persons if p.id not in stored])
        problems += [
            Problem(tomb.person_id, f"the person's inscriptions were erased on {tomb.erased_on} (Art 3)")
            for tomb in erased.values()
        ]
        if problems:
            raise InvalidInput(sorted(dict.fromkeys(problems), key=lambda p: p.place))
        report = ImportReport(
            persons_unchanged=len(unchanged),
            unconverted_fines=[d for p in persons for d in decisions_with_unconverted_fines(p)],
        )
        refreshed: dict[str, str] = {}
        changed: list[Person] = []
        entries: list[JournalEntry] = []
        for done, incoming in enumerate(persons, start=1):
            if progress is not None:
                progress(done, len(persons))
            before = stored.get(incoming.id)
            after = _merge(incoming, before)
            events = _changes(before, after, report, clock)
            if not events:
                report.persons_unchanged += 1
                if digests and incoming.id in digests:
                    refreshed[incoming.id] = digests[incoming.id]
                continue
            if before is None:
                report.persons_created += 1
            else:
                report.persons_updated += 1
            changed.append(after)
            report.events.extend(events)
            entries.append(
                JournalEntry(
                    at=clock.now(),
                    official=official,
                    action="register.import",
                    subject=incoming.id,
                    reason=f"received from the national register ({source})",
                    details={"changes": ",".join(sorted({e.kind.value for e in events}))},
                )
            )
        notified = reconcile(uow, [(stored.get(p.id), p) for p in changed], on=on, clock=clock, official=official,
                             member_state=member_state)
        report.notifications = notified.queued
        changed = [notified.persons.get(p.id, p) for p in changed]
        report.tcn_operations = reconcile_tcn(uow, [(stored.get(p.id), p) for p in changed], on=on, clock=clock,
                                              official=official).queued
        uow.persons.save_many(changed, digests)
        uow.persons.record_digests(refreshed)
        uow.events.record(report.events)
        uow.journal.append_many(entries)
        uow.commit()
    return report
