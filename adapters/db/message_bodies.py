"""Purging the journalled raw messages about erased persons (Art 3 al.3 with Art 12(2)): once a message is
delivered (outbound: sent or acknowledged; inbound: processed, or the request it carried answered), its body
is emptied; its row — message ID, type, counterpart, state, times, digest — stays.

A message is about a person when a ledger links them: the notifications sent (Art 12), the requests sent
and forwarded (Arts 13, 14) and their answers, the requests received (Art 15) and their answers. Messages no
ledger links to a person (isAlive, functional errors) hold no personal data of the register's.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, func, select, union, update

from adapters.db.messaging.tables import inbox, outbox
from adapters.db.notifications import outgoing_notifications as _N
from adapters.db.tables import incoming_requests as _I
from adapters.db.tables import outgoing_requests as _O
from adapters.db.tables import persons

PURGED = b""
DELIVERED_OUT = ("sent", "acknowledged")
DONE_IN = ("processed", "duplicate", "rejected")


@dataclass(frozen=True, slots=True)
class PurgedBodies:
    outbound: int
    inbound: int


def purge_bodies_of_erased_persons(connection: Connection) -> PurgedBodies:
    """Empty the bodies of the delivered messages about persons erased from the register; how many."""
    erased = select(persons.c.id).where(persons.c.erased_on.is_not(None))
    answered = _I.c.state == "answered"
    outbound_ids = union(
        select(_N.c.message_id).where(_N.c.person_id.in_(erased)),
        select(_O.c.message_id).where(_O.c.person_id.in_(erased)),
        select(_I.c.response_id).where(_I.c.person_id.in_(erased), _I.c.response_id.is_not(None)),
    )
    inbound_ids = union(
        select(_I.c.message_id).where(_I.c.person_id.in_(erased), answered),
        select(_O.c.response_id).where(_O.c.person_id.in_(erased), _O.c.response_id.is_not(None)),
        select(_N.c.response_id).where(_N.c.person_id.in_(erased), _N.c.response_id.is_not(None)),
    )
    out = connection.execute(
        update(outbox).where(outbox.c.message_id.in_(select(outbound_ids.subquery().c[0])),
                             outbox.c.state.in_(DELIVERED_OUT), func.length(outbox.c.envelope) > 0)
        .values(envelope=PURGED)).rowcount
    in_ = connection.execute(
        update(inbox).where(inbox.c.message_id.in_(select(inbound_ids.subquery().c[0])),
                            inbox.c.state.in_(DONE_IN), func.length(inbox.c.body) > 0)
        .values(body=PURGED)).rowcount
    return PurgedBodies(out, in_)
