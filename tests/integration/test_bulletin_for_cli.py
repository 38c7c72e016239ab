"""``ecris-gateway bulletin --for RECIPIENT_POINT [--consent]``: a bulletin is issued only to a recipient the
law lets receive it (``may_receive``, R-CONSENT); a refusal names the article, exits 2 and is journalled."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from adapters.bootstrap import App
from adapters.cli import main
from adapters.settings import Settings
from tests.samples.register_documents import legal_person, natural_person, register, write

NOW = "2026-11-23T10:00:00+01:00"


@pytest.fixture
def run(tmp_path: Path) -> Any:
    db = f"sqlite:///{tmp_path / 'x.db'}"

    def invoke(*args: str) -> Result:
        env = {"ECRIS_GATEWAY_NOW": NOW, "ECRIS_GATEWAY_OFFICIAL": "clerk"}
        return CliRunner().invoke(main, ["--db", db, *args], env=env)

    document = register(natural_person("P1"), legal_person("B1"))
    assert invoke("register", "import", str(write(tmp_path / "r.json", document))).exit_code == 0
    invoke.db = db  # type: ignore[attr-defined]
    return invoke


@pytest.mark.parametrize(
    ("args", "article", "why"),
    [
        (["P1", "-n", "5", "--for", "8-3(2) 2)"], "8-3(2) 2)", "consentement"),
        (["P1", "-n", "4", "--for", "8-2(2) 2) a)"], "8-2(2) 2) a)", "consentement"),
        (["B1", "-n", "3", "--for", "8-1(3) 1)"], "8-1(3) 1)", "personne morale"),
        (["P1", "-n", "3", "--for", "8-1(3) 2)", "--consent"], "8-1(3) 2)", "personne physique"),
        (["P1", "-n", "1", "--for", "8-1(3) 1)"], "8-1(3) 1)", "bulletin N°3, non le N°1"),
        (["P1", "-n", "5", "--for", "8-3(2) 3)", "--consent"], "8-3(2) 3)", "art. 15"),
    ],
    ids=["n5-without-consent", "n4-without-consent", "own-n3-point-for-a-legal-person",
         "legal-person-point-for-a-natural-person", "point-of-another-bulletin", "foreign-point"],
)
def test_a_recipient_the_law_does_not_allow_is_refused_naming_the_article(
    run: Any, args: list[str], article: str, why: str
) -> None:
    result = run("bulletin", *args, "--json")
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert f"art. {article}" in result.stderr and why in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["P1", "-n", "5", "--for", "8-3(2) 2)", "--consent"],
        ["P1", "-n", "4", "--for", "8-2(2)2)a)", "--consent"],
        ["P1", "-n", "3", "--for", "8-1(3) 1)"],
        ["B1", "-n", "3", "--for", "8-1(3) 2)"],
        ["P1", "-n", "1", "--for", "6 1)"],
    ],
    ids=["n5-with-consent", "n4-with-consent", "own-n3", "legal-person-n3", "judicial-authority-n1"],
)
def test_a_recipient_the_law_allows_gets_the_bulletin(run: Any, args: list[str]) -> None:
    result = run("bulletin", *args, "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["number"] == int(args[2])


def test_an_unknown_point_is_a_usage_error(run: Any) -> None:
    result = run("bulletin", "P1", "-n", "3", "--for", "9 1)")
    assert result.exit_code == 2
    assert "no recipient point '9 1)'" in result.stderr


def test_issues_and_refusals_are_journalled_with_the_point(run: Any) -> None:
    assert run("bulletin", "P1", "-n", "5", "--for", "8-3(2) 2)").exit_code == 2
    assert run("bulletin", "P1", "-n", "5", "--for", "8-3(2) 2)", "--consent").exit_code == 0
    with App(Settings(db_url=run.db)).uow() as uow:
        entries = [e for e in uow.journal.entries() if e.action.startswith("bulletin.")]
    assert [(e.action, e.details.get("for")) for e in entries] == [
        ("bulletin.refuse", "8-3(2) 2)"),
        ("bulletin.issue", "8-3(2) 2)"),
    ]
