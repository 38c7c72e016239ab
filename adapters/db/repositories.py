"""Repositories over one SQLAlchemy connection (the unit of work's transaction)."""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import UTC, date
from typing import Any

from sqlalchemy import (
    Connection,
    and_,
    bindparam,
    delete,
    exists,
    func,
    insert,
    or_,
    select,
    text,
    update,
)

from adapters.db import tables as t
from adapters.db.identifications import BIRTH_KEY, NAME_KEY, key_rows, name_key_of, person_keys
from adapters.db.prepared import Prepared
from adapters.files.register_format import person_from_json, person_to_json
from gateway.clock import Clock
from gateway.model.partial_date import PartialDate
from gateway.model.person import Person
from gateway.ports import JournalEntry, RegisterEvent, RegisterEventKind, Tombstone

GENESIS_HASH = "0" * 64


def _canonical(document: Any) -> str:
    return json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def _digest(document: Any) -> str:
    return hashlib.sha256(_canonical(document).encode()).hexdigest()


def _person(document: dict[str, Any]) -> Person:
    person, _ = person_from_json(document)  # stored documents were validated on the way in
    return person


_PERSON_DOCUMENT = Prepared(
    select(t.persons.c.document).where(t.persons.c.id == bindparam("person_id"), t.persons.c.erased_on.is_(None))
)


_PERSON_COLUMNS = ("kind", "document", "digest", "erased_on", "erasure_reason", "updated_at")
_UPDATE_PERSON = Prepared(
    update(t.persons)
    .where(t.persons.c.id == bindparam("person_id"))
    .values({name: bindparam(f"new_{name}", type_=t.persons.c[name].type) for name in _PERSON_COLUMNS})
)
_DELETE_DECISIONS = Prepared(delete(t.decisions).where(t.decisions.c.person_id == bindparam("person_id")))
_DELETE_KEYS = Prepared(delete(person_keys).where(person_keys.c.person_id == bindparam("person_id")))
_UPDATE_DECISION = Prepared(
    update(t.decisions)
    .where(t.decisions.c.person_id == bindparam("b_person_id"), t.decisions.c.decision_id == bindparam("b_decision_id"))
    .values(origin=bindparam("new_origin"), ecris_conviction_id=bindparam("new_ecris_conviction_id"))
)


def _index_rows(person: Person) -> list[dict[str, Any]]:
    """The ``decisions`` index rows of a person: where each ECRIS conviction identifier is held."""
    return [
        {"person_id": person.id, "decision_id": d.id, "origin": d.origin, "ecris_conviction_id": d.ecris_conviction_id}
        for d in person.decisions
    ]


class SqlPersonRepository:
    """Persons over the unit of work's connection. A person read by ``get`` or found by identification is
    kept for the rest of the transaction (an identity map): a use case that looks the same person up several
    times decodes it once. Writing or erasing a person forgets it; a new transaction, or a savepoint begun or
    ended, starts afresh. ``get_many`` uses what is kept but keeps nothing (it serves whole-register scans)."""

    def __init__(self, connection: Connection, clock: Clock) -> None:
        self._db = connection
        self._clock = clock
        self._read: dict[str, Person] = {}
        self._read_in: tuple[Any, Any] | None = None

    def _known(self) -> dict[str, Person]:
        """The persons read in the current transaction (emptied when it is not the one they were read in)."""
        owner = (self._db.get_transaction(), self._db.get_nested_transaction())
        if owner != self._read_in:
            self._read.clear()
            self._read_in = owner
        return self._read

    def _forget(self, person_ids: Iterable[str]) -> None:
        for person_id in person_ids:
            self._read.pop(person_id, None)

    def get(self, person_id: str) -> Person | None:
        known = self._known()
        person = known.get(person_id)
        if person is not None:
            return person
        row = _PERSON_DOCUMENT.first(self._db, {"person_id": person_id})
        if row is None:
            return None
        person = _person(row[0])
        self._known()[person_id] = person  # the owner as it is once the read began the transaction
        return person

    def get_many(self, person_ids: Sequence[str]) -> dict[str, Person]:
        known = self._known()
        found = {i: known[i] for i in person_ids if i in known}
        missing = [i for i in dict.fromkeys(person_ids) if i not in found]
        for start in range(0, len(missing), 500):
            chunk = missing[start : start + 500]
            rows = self._db.execute(
                select(t.persons.c.id, t.persons.c.document).where(
                    t.persons.c.id.in_(chunk), t.persons.c.erased_on.is_(None)
                )
            )
            found.update((row.id, _person(row.document)) for row in rows)
        return found  # not kept: a scan of the whole register (``iterate``) must not hold it all in memory

    def digests(self, person_ids: Sequence[str]) -> dict[str, str]:
        """The stored fingerprint of each of these persons held (not erased), by id."""
        found: dict[str, str] = {}
        for start in range(0, len(person_ids), 500):
            rows = self._db.execute(
                select(t.persons.c.id, t.persons.c.digest).where(
                    t.persons.c.id.in_(list(person_ids[start : start + 500])), t.persons.c.erased_on.is_(None)
                )
            )
            found.update((row.id, row.digest) for row in rows if row.digest)
        return found

    def record_digests(self, digests: Mapping[str, str]) -> None:
        """Store these fingerprints for persons whose data stays as it is."""
        if digests:
            self._db.execute(
                update(t.persons).where(t.persons.c.id == bindparam("person_id")).values(digest=bindparam("digest")),
                [{"person_id": i, "digest": d} for i, d in digests.items()],
            )

    def add_or_replace(self, person: Person) -> None:
        self.save_many([person])

    def save_many(self, persons: Sequence[Person], digests: Mapping[str, str] | None = None) -> None:
        """Insert or replace these persons and their decision index rows. ``digests`` are the
        fingerprints of persons as a register file gave them; others get their document's."""
        if not persons:
            return
        now = self._clock.now()
        known = self._known()
        # A person read in this transaction is stored as it was read: only its index rows that changed are
        # rewritten (an answer allocating ConvictionIDs touches its decisions' rows, nothing else).
        before = {p.id: known[p.id] for p in persons if p.id in known}
        self._forget([p.id for p in persons])
        unread = [p.id for p in persons if p.id not in before]
        existing: set[str] = set(before)
        for start in range(0, len(unread), 500):
            chunk = unread[start : start + 500]
            existing.update(self._db.execute(select(t.persons.c.id).where(t.persons.c.id.in_(chunk))).scalars())
            self._db.execute(delete(t.decisions).where(t.decisions.c.person_id.in_(chunk)))
            self._db.execute(delete(person_keys).where(person_keys.c.person_id.in_(chunk)))
        rows = []
        for person in persons:
            document = person_to_json(person)
            rows.append(
                {
                    "id": person.id,
                    "kind": person.kind.value,
                    "document": document,
                    "digest": (digests or {}).get(person.id) or _digest(document),
                    "erased_on": None,
                    "erasure_reason": None,
                    "updated_at": now,
                }
            )
        new_rows = [r for r in rows if r["id"] not in existing]
        old_rows = [{"person_id": r["id"], **{f"new_{k}": r[k] for k in _PERSON_COLUMNS}} for r in rows
                    if r["id"] in existing]
        if new_rows:
            self._db.execute(insert(t.persons), new_rows)
        if old_rows:
            _UPDATE_PERSON.run(self._db, old_rows)
        index_rows: list[dict[str, Any]] = []
        changed_rows: list[dict[str, Any]] = []
        identity_rows: list[dict[str, str]] = []
        for person in persons:
            now_rows, then = _index_rows(person), before.get(person.id)
            if then is None:
                index_rows.extend(now_rows)
                identity_rows.extend(key_rows([person]))
                continue
            then_rows = {r["decision_id"]: r for r in _index_rows(then)}
            if then_rows.keys() == {r["decision_id"] for r in now_rows}:
                changed_rows.extend(r for r in now_rows if r != then_rows[r["decision_id"]])
            else:
                _DELETE_DECISIONS.run(self._db, {"person_id": person.id})
                index_rows.extend(now_rows)
            keys = key_rows([person])
            if keys != key_rows([then]):
                _DELETE_KEYS.run(self._db, {"person_id": person.id})
                identity_rows.extend(keys)
        if changed_rows:
            _UPDATE_DECISION.run(self._db, [
                {"b_person_id": r["person_id"], "b_decision_id": r["decision_id"], "new_origin": r["origin"],
                 "new_ecris_conviction_id": r["ecris_conviction_id"]} for r in changed_rows])
        if index_rows:
            self._db.execute(insert(t.decisions), index_rows)
        if identity_rows:
            self._db.execute(insert(person_keys), identity_rows)

    def erase(self, person_id: str, *, on: date, reason: str) -> None:
        """Art 3: wipe every inscription and identity datum, keep a tombstone (key, date, reason)."""
        self._forget([person_id])
        self._db.execute(delete(t.decisions).where(t.decisions.c.person_id == person_id))
        self._db.execute(delete(person_keys).where(person_keys.c.person_id == person_id))
        self._db.execute(
            update(t.persons)
            .where(t.persons.c.id == person_id)
            .values(document=None, digest=None, erased_on=on, erasure_reason=reason, updated_at=self._clock.now())
        )

    def tombstone(self, person_id: str) -> Tombstone | None:
        row = self._db.execute(
            select(t.persons.c.erased_on, t.persons.c.erasure_reason).where(
                t.persons.c.id == person_id, t.persons.c.erased_on.is_not(None)
            )
        ).one_or_none()
        return None if row is None else Tombstone(person_id, row.erased_on, row.erasure_reason or "")

    def tombstones(self, person_ids: Sequence[str]) -> dict[str, Tombstone]:
        """The tombstones among ``person_ids``, in one query per 500 ids."""
        found: dict[str, Tombstone] = {}
        for start in range(0, len(person_ids), 500):
            rows = self._db.execute(
                select(t.persons.c.id, t.persons.c.erased_on, t.persons.c.erasure_reason).where(
                    t.persons.c.id.in_(list(person_ids[start : start + 500])), t.persons.c.erased_on.is_not(None)
                )
            )
            found.update((r.id, Tombstone(r.id, r.erased_on, r.erasure_reason or "")) for r in rows)
        return found

    def all_ids(self) -> list[str]:
        return list(
            self._db.execute(
                select(t.persons.c.id).where(t.persons.c.erased_on.is_(None)).order_by(t.persons.c.id)
            ).scalars()
        )

    def iterate(self, batch_size: int = 500) -> Iterator[Person]:
        ids = self.all_ids()
        for start in range(0, len(ids), batch_size):
            chunk = ids[start : start + batch_size]
            people = self.get_many(chunk)
            yield from (people[i] for i in chunk if i in people)

    def count(self) -> int:
        return int(
            self._db.execute(
                select(func.count()).select_from(t.persons).where(t.persons.c.erased_on.is_(None))
            ).scalar_one()
        )

    def find_decision_by_conviction_id(self, ecris_conviction_id: str) -> tuple[str, str] | None:
        """(person id, decision id) holding this ECRIS conviction identifier, if any."""
        row = self._db.execute(
            select(t.decisions.c.person_id, t.decisions.c.decision_id).where(
                t.decisions.c.ecris_conviction_id == ecris_conviction_id
            )
        ).first()
        return None if row is None else (row.person_id, row.decision_id)

    def identification_candidates(self, surname_keys: Sequence[str], birth: PartialDate | None) -> list[Person]:
        """The persons held with one of these surname keys and a birth year that does not exclude them (the
        same, or unknown), or born on this complete date (``person_keys``); a namesake born on another
        complete day than this one is left out (``identify`` never chooses them)."""
        complete = birth is not None and birth.is_complete
        if not surname_keys and not complete:
            return []
        params: dict[str, str] = {}
        for n, surname in enumerate(surname_keys):
            if birth is None:
                params[f"name_{n}"] = name_key_of(surname, None)[:-1] + "%"
            else:
                params[f"name_{n}"] = name_key_of(surname, birth)
                params[f"any_year_{n}"] = name_key_of(surname, None)
        if complete:
            params["day"] = str(birth)
        query = _candidates_query(len(surname_keys), "none" if birth is None else "day" if complete else "partial")
        rows = query.rows(self._db, params)
        known = self._known()
        for person_id, document in rows:
            if person_id not in known:
                known[person_id] = _person(document)
        return [known[person_id] for person_id, _ in rows]


@functools.lru_cache(maxsize=64)
def _candidates_query(surnames: int, birth: str) -> Prepared:
    """The candidates' statement for ``surnames`` surname keys and a birth date ``none``, ``partial`` or
    complete (``day``), built once: its values are bound by name (see ``identification_candidates``)."""
    key, kind = person_keys.c.key, person_keys.c.kind
    conditions = []
    for n in range(surnames):
        if birth == "none":
            conditions.append(and_(kind == NAME_KEY, key.like(bindparam(f"name_{n}"))))
        else:
            conditions.append(and_(kind == NAME_KEY, key.in_([bindparam(f"name_{n}"), bindparam(f"any_year_{n}")])))
    if birth == "day":
        if conditions:
            # A namesake born on another complete day contradicts the claim and is never chosen
            # (``identify``): left out here, so that only the few who may match are read and decoded.
            born = person_keys.alias("born")
            other_day = exists().where(born.c.person_id == person_keys.c.person_id, born.c.kind == BIRTH_KEY,
                                       born.c.key != bindparam("day"))
            conditions = [and_(or_(*conditions), ~other_day)]
        conditions.append(and_(kind == BIRTH_KEY, key == bindparam("day")))
    matching = select(person_keys.c.person_id).where(or_(*conditions))
    return Prepared(
        select(t.persons.c.id, t.persons.c.document)
        .where(t.persons.c.id.in_(matching), t.persons.c.erased_on.is_(None))
        .order_by(t.persons.c.id)
    )


class SqlEventLog:
    def __init__(self, connection: Connection) -> None:
        self._db = connection

    def record(self, events: Iterable[RegisterEvent]) -> None:
        rows = [
            {
                "kind": e.kind.value,
                "person_id": e.person_id,
                "decision_id": e.decision_id,
                "occurred_at": e.occurred_at,
                "detail": e.detail,
            }
            for e in events
        ]
        if rows:
            self._db.execute(insert(t.register_events), rows)

    def list(self, *, person_id: str | None = None) -> list[RegisterEvent]:
        query = select(t.register_events).order_by(t.register_events.c.id)
        if person_id is not None:
            query = query.where(t.register_events.c.person_id == person_id)
        return [
            RegisterEvent(RegisterEventKind(r.kind), r.person_id, r.decision_id, r.occurred_at, r.detail)
            for r in self._db.execute(query)
        ]


def _entry_hash(previous_hash: str, entry: JournalEntry) -> str:
    body = _canonical(
        {
            "at": entry.at.astimezone(UTC).isoformat(),
            "official": entry.official,
            "action": entry.action,
            "subject": entry.subject,
            "reason": entry.reason,
            "details": entry.details,
        }
    )
    return hashlib.sha256(f"{previous_hash}\n{body}".encode()).hexdigest()


_JOURNAL_COLUMNS = ("at", "official", "action", "subject", "reason", "details", "previous_hash", "hash")
_JOURNAL_INSERT = Prepared(insert(t.journal), columns=_JOURNAL_COLUMNS)
_JOURNAL_HEAD = Prepared(select(t.journal.c.hash).order_by(t.journal.c.id.desc()).limit(1))


class SqlJournal:
    """The processing journal: append-only; each entry hashes its predecessor (tamper-evident).

    Appenders are serialised for the whole transaction (SQLite's ``BEGIN IMMEDIATE``, PostgreSQL's
    transaction-level advisory lock), so once the chain's head is read, it stays the one this transaction
    last wrote until it ends: later appends in the same transaction chain on it without reading it again."""

    def __init__(self, connection: Connection) -> None:
        self._db = connection
        self._head = GENESIS_HASH
        self._head_in: tuple[Any, Any] | None = None

    def _owner(self) -> tuple[Any, Any]:
        return self._db.get_transaction(), self._db.get_nested_transaction()

    def append(self, entry: JournalEntry) -> None:
        self.append_many([entry])

    def append_many(self, entries: Sequence[JournalEntry]) -> None:
        if not entries:
            return
        owner = self._owner()
        if owner[0] is not None and owner == self._head_in:
            previous_hash = self._head
        else:
            if self._db.dialect.name == "postgresql":
                # Serialise appenders so that two transactions never fork the chain.
                self._db.execute(text("SELECT pg_advisory_xact_lock(4242001)"))
            head = _JOURNAL_HEAD.first(self._db)
            previous_hash = GENESIS_HASH if head is None else head[0]
            owner = self._owner()
        rows = []
        for entry in entries:
            entry_hash = _entry_hash(previous_hash, entry)
            rows.append(
                {
                    "at": entry.at,
                    "official": entry.official,
                    "action": entry.action,
                    "subject": entry.subject,
                    "reason": entry.reason,
                    "details": dict(entry.details),
                    "previous_hash": previous_hash,
                    "hash": entry_hash,
                }
            )
            previous_hash = entry_hash
        _JOURNAL_INSERT.run(self._db, rows)
        self._head, self._head_in = previous_hash, owner

    def entries(self) -> list[JournalEntry]:
        return [
            JournalEntry(r.at, r.official, r.action, r.subject, r.reason, dict(r.details))
            for r in self._db.execute(select(t.journal).order_by(t.journal.c.id))
        ]

    def first_broken_link(self) -> int | None:
        """The id of the first entry whose hash does not follow from its predecessor, or None."""
        previous_hash = GENESIS_HASH
        for r in self._db.execute(select(t.journal).order_by(t.journal.c.id)):
            entry = JournalEntry(r.at, r.official, r.action, r.subject, r.reason, dict(r.details))
            if r.previous_hash != previous_hash or r.hash != _entry_hash(previous_hash, entry):
                return int(r.id)
            previous_hash = r.hash
        return None


