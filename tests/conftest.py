"""Shared fixtures: a store on SQLite and, when the server answers, on PostgreSQL.

Outside CI a missing PostgreSQL server or a missing ``../shared`` skips the tests that need it, saying so.
When ``CI`` is set they fail instead: CI never passes by skipping what it promises to test.
``ECRIS_TEST_POSTGRES`` and ``ECRIS_TEST_SHARED`` point the tests at another server or reference folder.
"""

from __future__ import annotations

import os
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
SHARED = Path(os.environ.get("ECRIS_TEST_SHARED") or ROOT.parent / "shared")
POSTGRES_SERVER = os.environ.get("ECRIS_TEST_POSTGRES") or "postgresql+psycopg://postgres@127.0.0.1:5432/test"
NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
IN_CI = os.environ.get("CI", "").strip().lower() not in {"", "0", "false", "no"}

_backends_run: set[str] = set()


def postgres_unreachable() -> str | None:
    """Why the PostgreSQL server of the tests cannot be used, or None when it answers."""
    try:
        engine = create_engine(POSTGRES_SERVER, connect_args={"connect_timeout": 3})
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        engine.dispose()
        return None
    except Exception as error:
        return f"{type(error).__name__}: {str(error).splitlines()[0][:200]}"


POSTGRES_PROBLEM = postgres_unreachable()
POSTGRES_UP = POSTGRES_PROBLEM is None


def unavailable(reason: str) -> None:
    """Skip the test, or fail it when ``CI`` is set."""
    if IN_CI:
        pytest.fail(f"CI is set, and {reason}", pytrace=False)
    pytest.skip(reason)


def pytest_runtest_setup(item: pytest.Item) -> None:
    """Tests marked ``shared`` need the official files in ``../shared``."""
    if item.get_closest_marker("shared") is not None and not (SHARED / "ecris-v1.0").is_dir():
        unavailable(f"../shared is absent ({SHARED}): the official ECRIS v1.0 files are unavailable")


@pytest.fixture(scope="session", autouse=True)
def _user_folders_kept_apart(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The default store and settings file live in the user's folders (platformdirs, XDG on Linux):
    point those at a temporary folder so no test reads or writes the real user's."""
    home = tmp_path_factory.mktemp("user-folders")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_DATA_HOME", str(home / "data"))
        patch.setenv("XDG_CONFIG_HOME", str(home / "config"))
        yield


def _ran_on(node: pytest.Item, backend: str) -> None:
    """Note on the test's report which store it used: reports reach the controller under pytest-xdist."""
    node.user_properties.append(("store_backend", backend))


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.when == "call" and report.passed:
        _backends_run.update(value for key, value in report.user_properties if key == "store_backend")


@pytest.fixture
def postgres_url(request: pytest.FixtureRequest) -> Iterator[str]:
    """A PostgreSQL URL whose search path is a fresh schema, dropped afterwards."""
    if POSTGRES_PROBLEM is not None:
        unavailable(f"PostgreSQL is not reachable ({POSTGRES_PROBLEM})")
    _ran_on(request.node, "postgresql")
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
    _ran_on(request.node, request.param)
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
