"""Statements run once or more per message, compiled once per dialect and executed on the DBAPI cursor.

For a short statement, SQLAlchemy's work around each execution (cache key, execution context, result set-up)
costs several times the statement itself. ``Prepared`` keeps what SQLAlchemy compiled — the SQL, the order of
its parameters, the bound values written into the statement (``LIMIT 1``, a constant state) — and applies
the same bind processors to the parameters and the same result processors to the values read, inside the
caller's transaction. It is for statements without expanding ``IN`` lists; the messaging store's hot inserts
(``adapters.db.messaging.driver``) work the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.sql.expression import ClauseElement

from adapters.db.messaging.driver import _cursor


@dataclass(frozen=True, slots=True)
class _Compiled:
    sql: str
    defaults: dict[str, Any]
    """The values compiled into the statement, by bind name (the caller gives the others)."""
    positional: tuple[str, ...] | None
    bind_processors: tuple[tuple[str, Callable[[Any], Any]], ...]
    result_processors: tuple[Callable[[Any], Any] | None, ...]


class Prepared:
    """A Core statement to run on the caller's connection with named parameters."""

    def __init__(self, statement: ClauseElement, *, columns: Sequence[str] | None = None) -> None:
        """``columns``: for an INSERT, the columns it sets (the others keep their defaults)."""
        self._statement = statement
        self._columns = None if columns is None else list(columns)
        self._by_dialect: dict[tuple[str, str, str], _Compiled] = {}

    def _compiled(self, connection: Connection) -> _Compiled:
        dialect = connection.dialect
        key = (dialect.name, dialect.driver, dialect.paramstyle)
        found = self._by_dialect.get(key)
        if found is None:
            compiled: Any = self._statement.compile(dialect=dialect, column_keys=self._columns)
            if compiled.post_compile_params:
                raise ValueError("a prepared statement cannot hold an expanding IN list")
            defaults = {name: bind.effective_value for name, bind in compiled.binds.items() if not bind.required}
            columns = getattr(self._statement, "selected_columns", ())
            found = self._by_dialect[key] = _Compiled(
                sql=compiled.string,
                defaults=defaults,
                positional=tuple(compiled.positiontup) if compiled.positional else None,
                bind_processors=tuple(compiled._bind_processors.items()),
                result_processors=tuple(c.type._cached_result_processor(dialect, None) for c in columns),
            )
        return found

    def _parameters(self, compiled: _Compiled, given: Mapping[str, Any]) -> Any:
        values = {**compiled.defaults, **given}
        for name, processor in compiled.bind_processors:
            if name in values:
                values[name] = processor(values[name])
        if compiled.positional is not None:
            return tuple([values[name] for name in compiled.positional])
        return values

    def rows(self, connection: Connection, parameters: Mapping[str, Any] | None = None) -> list[tuple[Any, ...]]:
        """The rows the statement selects, their values processed as SQLAlchemy would."""
        compiled = self._compiled(connection)
        cursor = _cursor(connection)
        try:
            cursor.execute(compiled.sql, self._parameters(compiled, parameters or {}))
            fetched = cursor.fetchall()
        finally:
            cursor.close()
        processors = compiled.result_processors
        if not any(processors):
            return [tuple(row) for row in fetched]
        return [tuple(v if p is None else p(v) for p, v in zip(processors, row, strict=True)) for row in fetched]

    def first(self, connection: Connection, parameters: Mapping[str, Any] | None = None) -> tuple[Any, ...] | None:
        found = self.rows(connection, parameters)
        return found[0] if found else None

    def run(self, connection: Connection, parameters: Mapping[str, Any] | Sequence[Mapping[str, Any]]) -> None:
        """Execute a statement that returns nothing, once or (a sequence of parameter sets) for each."""
        compiled = self._compiled(connection)
        cursor = _cursor(connection)
        try:
            if isinstance(parameters, Mapping):
                cursor.execute(compiled.sql, self._parameters(compiled, parameters))
            else:
                cursor.executemany(compiled.sql, [self._parameters(compiled, p) for p in parameters])
        finally:
            cursor.close()
