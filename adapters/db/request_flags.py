"""The deadline watch's flags of the requests (``request_flags``, migration 0009)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Connection, insert, select, update

from adapters.db.scheduler_tables import request_flags as _F
from gateway.services.deadline_watch import RequestKey, StoredFlag


class SqlRequestFlags:
    def __init__(self, connection: Connection) -> None:
        self._c = connection

    def flags(self) -> dict[RequestKey, StoredFlag]:
        return {(r.direction, r.message_id): StoredFlag(r.flag, r.flagged_on, r.answer_missing_on)
                for r in self._c.execute(select(_F))}

    def _ensure(self, key: RequestKey) -> None:
        direction, message_id = key
        found = self._c.execute(select(_F.c.message_id).where(_F.c.direction == direction,
                                                               _F.c.message_id == message_id)).first()
        if found is None:
            self._c.execute(insert(_F).values(direction=direction, message_id=message_id))

    def set_flag(self, key: RequestKey, flag: str | None, *, on: date) -> None:
        self._ensure(key)
        self._c.execute(update(_F).where(_F.c.direction == key[0], _F.c.message_id == key[1])
                        .values(flag=flag, flagged_on=on))

    def mark_answer_missing(self, key: RequestKey, *, on: date) -> None:
        self._ensure(key)
        self._c.execute(update(_F).where(_F.c.direction == key[0], _F.c.message_id == key[1])
                        .values(answer_missing_on=on))
