"""Shared fixtures: a store on SQLite and, when the server answers, on PostgreSQL."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from adapters.bootstrap import App
from adapters.settings import Settings
from gateway.clock import FixedClock

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
POSTGRES_SERVER = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)

_backends_run: set[str] = set()


def postgres_reachable() -> bool:
    try:
        engine = create_engine(POSTGRES_SERVER, connect_args={"connect_timeout": 3})
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        engine.dispose()
        return True
    except Exception:
        return False


POSTGRES_UP = postgres_reachable()
needs_shared = pytest.mark.skipif(not SHARED.is_dir(), reason=f"../shared is absent ({SHARED}): official ECRIS files unavailable")


@pytest.fixture(scope="session", autouse=True)
def _user_folders_kept_apart(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The default store and settings file live in the user's folders (platformdirs, XDG on Linux):
    point those at a temporary folder so no test reads or writes the real user's."""
    home = tmp_path_factory.mktemp("user-folders")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_DATA_HOME", str(home / "data"))
        patch.setenv("XDG_CONFIG_HOME", str(home / "config"))
        yield


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A PostgreSQL URL whose search path is a fresh schema, dropped afterwards."""
    if not POSTGRES_UP:
        pytest.skip("PostgreSQL is not reachable on 127.0.0.1:5432 (database test)")
    _backends_run.add("postgresql")
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(POSTGRES_SERVER)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield f"{POSTGRES_SERVER}?options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The store's URL, once on SQLite and once on PostgreSQL."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'store.db'}"
    else:
        url = request.getfixturevalue("postgres_url")
    _backends_run.add(request.param)
    return url


@pytest.fixture
def app(store_url: str) -> Iterator[App]:
    application = App(Settings(db_url=store_url, official="test-clerk", now=NOW))
    yield application
    if "engine" in application.__dict__:
        application.engine.dispose()


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(NOW)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    ran = ", ".join(sorted(_backends_run)) or "none"
    missing = {"sqlite", "postgresql"} - _backends_run
    terminalreporter.write_line(f"store tests ran on: {ran}" + (f" (not on: {', '.join(sorted(missing))})" if missing else ""))
