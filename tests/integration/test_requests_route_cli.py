"""``ecris-gateway requests route``: what the gateway would answer a Member State's request (Art 15), read
from the register, in JSON and in French, sending nothing."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from adapters.cli import main
from tests.samples.register_documents import decision, legal_person, natural_person, register, write

NOW = "2026-11-23T10:00:00+01:00"  # a Monday: ten working days later is Monday 7 December
MINOR_OFFENCE = [{"date": "2019-06-01", "qualification": "attentat à la pudeur", "minor": "constitutive"}]


@pytest.fixture
def run(store_url: str, tmp_path: Path) -> Any:
    def invoke(*args: str) -> Result:
        env = {"ECRIS_GATEWAY_NOW": NOW, "ECRIS_GATEWAY_OFFICIAL": "clerk"}
        return CliRunner().invoke(main, ["--db", store_url, *args], env=env)

    document = register(
        natural_person("LU1", decision("D1", offences=MINOR_OFFENCE, penalties=[{"type": "imprisonment", "months": 30}])),
        natural_person("LU2"),  # a 1 500 EUR fine: on N°1 and N°2, on no N°5
        natural_person("TCN1", nationalities=["MA"]),
        legal_person("B1", decision("D1", penalties=[{"type": "fine", "amount_eur": "30000", "nature": "correctionnelle"}])),
        legal_person("BE1", governing_law="BE", seat={"city": "Bruxelles", "country": "BE"}),
        natural_person("DE1", decision("D1", court="Amtsgericht Trier", court_country="DE", origin="ecris:DE",
                                       transmission_restriction="criminal_proceedings_only",
                                       penalties=[{"type": "imprisonment", "months": 30}])),
        natural_person("DEAD", death_date="2026-10-01"),
    )
    imported = invoke("register", "import", str(write(tmp_path / "register.json", document)))
    assert imported.exit_code == 0, imported.output
    return invoke


def route(run: Any, *args: str) -> dict[str, Any]:
    result = run("requests", "route", *args, "--json")
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def test_route_json_has_exactly_the_public_shape(run: Any) -> None:
    data = route(run, "--from", "FR", "--purpose", "criminal_proceedings", "--person", "LU1")
    assert list(data) == ["action", "bulletin", "article", "reason", "due_date"]
    assert data == {
        "action": "answer",
        "bulletin": 1,
        "article": "6 3)",
        "reason": "procédure pénale : informations du bulletin N°1 ; ressortissant d'un État membre (LU)",
        "due_date": "2026-12-07",
    }


CASES = [
    # (person, purpose, consent, extra) → (action, bulletin, article)
    ("minors-consent", "LU1", "employment_contact_with_minors", "yes", (), "answer", 5, "8-3(2) 3)"),
    ("minors-no-consent", "LU1", "employment_contact_with_minors", "no", (), "refuse", None, "8-3(2) 2)"),
    ("minors-consent-unknown", "LU1", "employment_contact_with_minors", "unknown", (), "refuse", None,
     "8-3(2) 2)"),
    ("minors-nothing-on-5", "LU2", "employment_contact_with_minors", "yes", (), "answer_no_information", 5,
     "8-3(2) 3), 8-4"),
    ("own-record", "LU1", "own_record_request_of_person", "unknown", (), "answer", 3, "8-1(3) 4)"),
    ("driving-legal-person", "B1", "driving_licence", "yes", (), "refuse", None, "8-2(2) 2) a)"),
    ("own-record-legal-person", "B1", "own_record_request_of_legal_person", "unknown", (), "answer", 3,
     "8-1(3) 4)"),
    ("foreign-legal-person", "BE1", "criminal_proceedings", "unknown", (), "refuse", None, "15"),
    ("tcn-convicted-in-lu", "TCN1", "criminal_proceedings", "unknown", (), "answer", 1, "6 3bis)"),
    ("sovereignty-consent", "LU2", "public_employment_post_linked_to_national_sovereignty", "yes", (),
     "answer", 2, "8 4)"),
    ("other", "LU1", "other", "yes", (), "refuse", None, "15(2)"),
    ("restricted-foreign-for-criminal-proceedings", "DE1", "criminal_proceedings", "unknown", (), "answer", 1,
     "6 3)"),
    ("restricted-foreign-for-another-purpose", "DE1", "own_record_request_of_person", "unknown", (),
     "answer_no_information", 3, "15(2), DC 2009/315 art. 7(2)"),
    ("deceased", "DEAD", "criminal_proceedings", "unknown", (), "answer_no_information", 1, "6 3), 8-4"),
    ("unknown-luxembourger", "NOBODY", "criminal_proceedings", "unknown", (), "answer_no_information", 1,
     "6 3), 8-4"),
    ("unknown-luxembourger-no-consent", "NOBODY", "driving_licence", "no", (), "refuse", None, "8-2(2) 2) a)"),
    ("unknown-other-eu", "NOBODY", "employment_contact_with_minors", "yes", ("--nationality", "de"),
     "answer_no_information", 5, "8-3(2) 3), 8-4"),
    ("unknown-tcn-not-convicted-in-lu", "NOBODY", "criminal_proceedings", "unknown", ("--nationality", "MA"),
     "answer_no_information", None, "15"),
]


@pytest.mark.parametrize(
    ("person", "purpose", "consent", "extra", "action", "bulletin", "article"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_requests_route_reads_the_register_and_routes_by_art_15(  # noqa: PLR0917
    run: Any,
    person: str,
    purpose: str,
    consent: str,
    extra: tuple[str, ...],
    action: str,
    bulletin: int | None,
    article: str,
) -> None:
    data = route(run, "--from", "DE", "--purpose", purpose, "--person", person, "--consent", consent, *extra)
    assert (data["action"], data["bulletin"], data["article"]) == (action, bulletin, article)


def test_an_answer_without_the_restricted_foreign_decisions_names_their_state(run: Any) -> None:
    data = route(run, "--from", "FR", "--purpose", "own_record_request_of_person", "--person", "DE1")
    assert data["reason"].endswith("décision de DE transmise pour les seules procédures pénales : s'adresser à DE")


@pytest.mark.parametrize("erase", [False, True], ids=["died", "erased"])
def test_a_dead_persons_answer_bears_neant_and_says_why(run: Any, erase: bool) -> None:
    if erase:
        assert run("register", "erase-due").exit_code == 0
    data = route(run, "--from", "FR", "--purpose", "criminal_proceedings", "--person", "DEAD")
    assert (data["action"], data["bulletin"]) == ("answer_no_information", 1)
    assert "néant" in data["reason"] and "01/10/2026" in data["reason"]


def test_route_due_date_counts_ten_luxembourg_working_days_from_on(run: Any) -> None:
    data = route(run, "--from", "PT", "--purpose", "criminal_proceedings", "--person", "LU1", "--on", "2026-12-18")
    assert data["due_date"] == "2027-01-05"


def test_route_without_json_is_one_french_line_for_a_clerk(run: Any) -> None:
    result = run("requests", "route", "--from", "fr", "--purpose", "employment_contact_with_minors",
                 "--person", "LU1", "--consent", "no")
    assert result.exit_code == 0, result.output
    assert result.stdout.count("\n") == 1
    assert result.stdout.startswith("refuser — consentement écrit ou électronique de la personne requis")
    assert "(art. 8-3(2) 2))" in result.stdout and "réponse due le 07/12/2026" in result.stdout


def test_route_sends_nothing_and_journals_nothing(run: Any) -> None:
    before = run("outbox", "list", "--json")
    route(run, "--from", "FR", "--purpose", "criminal_proceedings", "--person", "LU1")
    assert run("outbox", "list", "--json").stdout == before.stdout


@pytest.mark.parametrize(
    "args",
    [
        ["--from", "LU", "--purpose", "criminal_proceedings", "--person", "LU1"],  # not a foreign authority
        ["--from", "US", "--purpose", "criminal_proceedings", "--person", "LU1"],
        ["--from", "FR", "--purpose", "tourism", "--person", "LU1"],
        ["--from", "FR", "--purpose", "criminal_proceedings", "--person", "LU1", "--consent", "maybe"],
        ["--from", "FR", "--purpose", "criminal_proceedings", "--person", "LU1", "--on", "23/11/2026"],
        ["--from", "FR", "--purpose", "criminal_proceedings", "--person", "X", "--nationality", "French"],
    ],
    ids=["from-luxembourg", "from-a-third-country", "unknown-purpose", "bad-consent", "bad-date", "bad-nationality"],
)
def test_bad_input_is_one_line_exit_2(run: Any, args: list[str]) -> None:
    result = run("requests", "route", *args)
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert result.stdout == ""
