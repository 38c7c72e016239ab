"""Migration 0004 indexes the persons already in the register, so identification finds them (Art 1(2) 2))."""

from __future__ import annotations

from datetime import UTC, datetime

from alembic import command
from alembic.config import Config
from sqlalchemy import insert

from adapters.db import tables as t
from adapters.db.engine import MIGRATIONS, create_store_engine, upgrade
from adapters.db.unit_of_work import SqlUnitOfWork
from adapters.files.register_format import person_to_json
from gateway.clock import FixedClock
from gateway.law.identification import IdentityClaim, identify, search_keys
from gateway.model.partial_date import PartialDate
from gateway.model.person import Birth, Name, NaturalPerson

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def test_persons_stored_before_migration_0004_are_found_by_identification(store_url: str) -> None:
    engine = create_store_engine(store_url)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0002")
    held = NaturalPerson(id="1980050112345", surname="Weber", forenames=("Anne",),
                         previous_names=(Name("Muller"),), birth=Birth(PartialDate(1980, 5, 1), "Wiltz", "LU"),
                         nationalities=("LU",))
    with engine.begin() as connection:
        connection.execute(insert(t.persons).values(id=held.id, kind="natural", document=person_to_json(held),
                                                    digest="x", updated_at=NOW))
    upgrade(engine)
    claim = IdentityClaim(surnames=("Müller",), forenames=("Anne",), birth_date=PartialDate(1980, 5, 1),
                          birth_town="Wiltz", birth_country="LU")
    with SqlUnitOfWork(engine, FixedClock(NOW)) as uow:
        candidates = uow.persons.identification_candidates(*search_keys(claim))
    engine.dispose()
    assert [p.id for p in candidates] == [held.id]
    assert identify(claim, candidates).person_id == held.id
