"""First contact with ``ecris-gateway``: every command fails in one readable line, never a traceback;
a command that only reads never creates a store; global options go before or after the command.

The commands are found by walking click's command tree, so a new command is covered without being
listed here.
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result

from adapters.cli import main
from tests.samples.register_documents import DEMO_REGISTER, ROOT

ENV = {"ECRIS_GATEWAY_NOW": "2026-11-23T10:00:00+01:00", "ECRIS_GATEWAY_OFFICIAL": "clerk"}
UNREACHABLE = "postgresql://nobody@127.0.0.1:9/none"  # port 9 (discard): nothing listens, refused at once
# The commands that put data in and so may create the store; every other one only works on an existing store.
MAY_CREATE_A_STORE = {("register", "import"), ("naturalisation", "import"), ("serve",), ("peer",), ("ping",),
                      ("tcn-central",)}
# The commands that need no store at all (a calculation), with arguments they accept: they run whatever --db says.
NEEDS_NO_STORE = {("deadline",): ["--received", "2026-03-26"], ("extract", "dev-key"): ["{tmp}/keys"]}
GLOBAL_OPTION_NAMES = {"--db", "--official", "--config"}


def leaf_commands(group: click.Group, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], click.Command]]:
    for name, command in sorted(group.commands.items()):
        if isinstance(command, click.Group):
            yield from leaf_commands(command, (*path, name))
        else:
            yield (*path, name), command


COMMANDS = list(leaf_commands(main))


def placeholder(param: click.Parameter, bad_path: Path) -> str:
    """A value the parameter's type accepts; a path that cannot exist for a path."""
    match param.type:
        case click.Path():
            return str(bad_path / "input.json")
        case click.Choice():
            return str(param.type.choices[0])
        case click.types.IntParamType() | click.types.FloatParamType():
            return "1"
        case _:
            return "X1"


def required_arguments(command: click.Command, bad_path: Path) -> list[str]:
    """The command's required arguments and options, each with a placeholder value."""
    args: list[str] = []
    for param in command.params:
        if isinstance(param, click.Argument):
            args.append(placeholder(param, bad_path))
        elif isinstance(param, click.Option) and param.required and not GLOBAL_OPTION_NAMES & set(param.opts):
            args += [param.opts[0], placeholder(param, bad_path)]
    return args


def invoke(args: list[str]) -> Result:
    handlers = logging.root.handlers[:]  # commands that configure logging must not outlive the run
    try:
        return CliRunner().invoke(main, args, env=ENV)
    finally:
        logging.root.handlers[:] = handlers


@pytest.fixture
def a_file(tmp_path: Path) -> Path:
    """A regular file: a path under it cannot be created, even by root."""
    file = tmp_path / "a-file"
    file.write_text("", encoding="utf-8")
    return file


def assert_one_line_error(result: Result) -> None:
    assert result.exit_code in (1, 2), result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr


@pytest.mark.parametrize("scenario", ["bad-path", "bad-settings-file", "bad-url", "unreachable-database"])
@pytest.mark.parametrize(("path", "command"), COMMANDS, ids=[" ".join(p) for p, _ in COMMANDS])
def test_every_command_fails_in_one_readable_line_without_a_traceback(
    path: tuple[str, ...], command: click.Command, scenario: str, a_file: Path
) -> None:
    # The global options after the command: where a user may put them as well as before.
    options = {"bad-path": ["--db", f"sqlite:///{a_file}/store.db"],
               "bad-settings-file": ["--config", str(a_file / "gw.toml")],
               "bad-url": ["--db", "nosuch://somewhere/db"],
               "unreachable-database": ["--db", UNREACHABLE]}[scenario]
    result = invoke([*path, *required_arguments(command, a_file), *options])
    assert_one_line_error(result)


@pytest.mark.parametrize(
    ("path", "command"),
    [(p, c) for p, c in COMMANDS if p not in MAY_CREATE_A_STORE | NEEDS_NO_STORE.keys()],
    ids=[" ".join(p) for p, _ in COMMANDS if p not in MAY_CREATE_A_STORE | NEEDS_NO_STORE.keys()],
)
def test_a_command_that_only_reads_never_creates_a_store(
    path: tuple[str, ...], command: click.Command, tmp_path: Path
) -> None:
    absent = tmp_path / "wrong" / "dir"
    result = invoke([*path, *required_arguments(command, tmp_path), "--db", f"sqlite:///{absent}/x.db"])
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith(f"error: there is no store at sqlite:///{absent}/x.db"), result.stderr
    assert "register import FILE" in result.stderr
    assert not (tmp_path / "wrong").exists()


@pytest.mark.parametrize("path", sorted(NEEDS_NO_STORE), ids=" ".join)
@pytest.mark.parametrize("where", ["absent", "unreachable"])
def test_a_command_that_needs_no_store_runs_without_one_and_creates_none(
    path: tuple[str, ...], where: str, tmp_path: Path
) -> None:
    db = {"absent": f"sqlite:///{tmp_path}/wrong/dir/x.db", "unreachable": UNREACHABLE}[where]
    result = invoke([*path, *(arg.replace("{tmp}", str(tmp_path)) for arg in NEEDS_NO_STORE[path]), "--db", db])
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    assert not (tmp_path / "wrong").exists()


def test_show_on_a_wrong_database_says_there_is_no_store_rather_than_no_person(tmp_path: Path) -> None:
    result = invoke(["--db", f"sqlite:///{tmp_path}/wrong/x.db", "register", "show", "1"])
    assert result.exit_code == 1
    assert "there is no store" in result.stderr and "no person" not in result.stderr


def test_the_default_store_is_the_same_from_any_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    monkeypatch.chdir(tmp_path / "one")
    assert invoke(["register", "import", str(DEMO_REGISTER)]).exit_code == 0
    monkeypatch.chdir(tmp_path / "two")
    shown = invoke(["register", "show", "1979110254321"])
    assert shown.exit_code == 0, shown.output
    assert "SCHMIT Paul" in shown.stdout
    assert (tmp_path / "data" / "ecris-gateway" / "ecris-gateway.db").is_file()


def test_the_common_postgres_spelling_is_accepted(postgres_url: str) -> None:
    spelled = postgres_url.replace("postgresql+psycopg://", "postgres://", 1)
    imported = invoke(["register", "import", str(DEMO_REGISTER), "--db", spelled])
    assert imported.exit_code == 0, imported.output
    plain = postgres_url.replace("postgresql+psycopg://", "postgresql://", 1)
    assert "Transports Rapides" in invoke(["register", "show", "B123456", "--db", plain]).stdout


@pytest.mark.parametrize("url", ["nosuch://somewhere/db", "not a url at all", "mysql://root@127.0.0.1/x",
                                 "postgresql+psycopg2://u@127.0.0.1/x", "sqlite+aiosqlite:///x.db"])
def test_an_unknown_database_scheme_is_one_line_naming_the_accepted_ones(url: str) -> None:
    result = invoke(["register", "import", str(DEMO_REGISTER), "--db", url])
    assert_one_line_error(result)
    assert "sqlite:///PATH or postgresql://USER@HOST/DATABASE" in result.stderr


def test_an_unreachable_server_is_one_line_naming_it() -> None:
    result = invoke(["register", "import", str(DEMO_REGISTER), "--db", UNREACHABLE])
    assert_one_line_error(result)
    assert result.stderr.startswith("error: cannot open the store at postgresql+psycopg://nobody@127.0.0.1:9/none")


def test_an_export_that_cannot_be_written_is_an_error_and_is_not_journalled(tmp_path: Path, a_file: Path) -> None:
    db = ["--db", f"sqlite:///{tmp_path}/x.db"]
    assert invoke(["register", "import", str(DEMO_REGISTER), *db]).exit_code == 0
    result = invoke(["register", "export", "--out", str(a_file / "x.json"), *db])
    assert_one_line_error(result)
    assert result.stderr.strip() == f"error: {a_file / 'x.json'}: Not a directory"
    journalled = json.loads(invoke(["journal", "list", "--action", "register.export", "--json", *db]).stdout)
    assert journalled == []


@pytest.mark.parametrize("where", ["before", "after", "between"])
def test_global_options_work_before_or_after_the_command(tmp_path: Path, where: str) -> None:
    db = ["--db", f"sqlite:///{tmp_path}/x.db"]
    assert invoke([*db, "register", "import", str(DEMO_REGISTER)]).exit_code == 0
    command = ["register", "show", "1979110254321"]
    args = {"before": [*db, "--official", "o1", *command],
            "after": [*command, *db, "--official", "o1"],
            "between": ["register", *db, "show", "1979110254321", "--official", "o1"]}[where]
    assert invoke(args).exit_code == 0
    officials = [e["official"] for e in json.loads(invoke(["journal", "list", "--json", *db]).stdout)]
    assert officials[-1] == "o1"


def test_a_reader_that_goes_away_early_gets_no_error_message(tmp_path: Path) -> None:
    """``ecris-gateway journal list | head -1``: the closed pipe is not an error to print."""
    db = f"sqlite:///{tmp_path}/x.db"
    assert invoke(["register", "import", str(DEMO_REGISTER), "--db", db]).exit_code == 0
    command = [sys.executable, "-m", "adapters.cli", "journal", "list", "--db", db]
    with subprocess.Popen(command, cwd=ROOT, env={**os.environ, **ENV}, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE) as process:
        assert process.stdout is not None and process.stderr is not None
        process.stdout.close()  # before the interpreter has even started: its first write meets a closed pipe
        errors = process.stderr.read().decode()
        process.wait(timeout=60)
    assert errors == ""
    assert process.returncode == 1


def test_sqlite_with_its_driver_named_is_the_same_store(tmp_path: Path) -> None:
    assert invoke(["register", "import", str(DEMO_REGISTER), "--db", f"sqlite+pysqlite:///{tmp_path}/x.db"]).exit_code == 0
    assert "SCHMIT Paul" in invoke(["register", "show", "1979110254321", "--db", f"sqlite:///{tmp_path}/x.db"]).stdout


@pytest.mark.parametrize(("path", "command"), COMMANDS, ids=[" ".join(p) for p, _ in COMMANDS])
def test_help_of_every_command_needs_no_store_and_names_the_global_options(
    path: tuple[str, ...], command: click.Command
) -> None:
    result = invoke([*path, "--help", "--db", UNREACHABLE])
    assert result.exit_code == 0, result.output
    assert "--db URL" in result.stdout and "--official NAME" in result.stdout and "--config FILE" in result.stdout


def test_the_exit_statuses_are_told_in_the_main_help() -> None:
    assert "Exit status: 0 done; 1 refused" in " ".join(invoke(["--help"]).stdout.split())
