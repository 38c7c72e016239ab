"""``ecris-gateway tcn …`` as a clerk runs it (Arts 12-1, 12-2): the record as the register makes it on a day,
in French or JSON, the records kept and the queue, the prints due and received, readable errors."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from adapters.cli import main
from tests.integration.tcn.support import brazilian
from tests.samples.register_documents import natural_person, register, write


@pytest.fixture
def run(tmp_path: Path) -> Any:
    db = f"sqlite:///{tmp_path / 'cli.db'}"

    def invoke(*args: str, now: str = "2026-11-23T10:00:00+01:00") -> Result:
        env = {"ECRIS_GATEWAY_NOW": now, "ECRIS_GATEWAY_OFFICIAL": "clerk"}
        return CliRunner().invoke(main, ["--db", db, *args], env=env)

    return invoke


@pytest.fixture
def imported(run: Any, tmp_path: Path) -> Any:
    persons = [
        brazilian(father={"surname": "Silva", "forenames": ["Carlos"]}, spouse={"surname": "Weber", "forenames": ["Anna"]},
                  identity_documents=[{"category": "passport", "number": "BR123", "issuing_authority": "Polícia Federal",
                                       "issuing_country": "BR"}]),
        natural_person("P-FR", nationalities=["FR"]),
    ]
    result = run("register", "import", str(write(tmp_path / "reg.json", register(*persons))))
    assert result.exit_code == 0, result.output
    assert "Art 12-1 : 1 opération(s) ECRIS-TCN" in result.output
    return run


def test_tcn_record_json_gives_the_record_the_flag_and_the_fingerprint_duty(imported: Any) -> None:
    result = imported("tcn", "record", "P-BR", "--json")
    assert result.exit_code == 0, result.output
    shown = json.loads(result.output)
    assert shown["person"] == "P-BR" and shown["required"] is True
    assert shown["etias_flag"] is True and shown["fingerprints_required"] is True
    assert shown["nationality_status"] == "known" and shown["convicting_state"] == "LU"
    assert "01/03/2039" in shown["etias_reason"] and shown["etias_until"] == "2039-03-01"
    assert shown["identity"]["father"] == {"surname": "Silva", "forenames": ["Carlos"]}
    assert shown["identity"]["identity_documents"][0]["number"] == "BR123"
    assert "Weber" not in result.output  # the spouse stays national (AMB-16)
    assert shown["fingerprints"] is None


def test_tcn_record_on_a_day_after_the_window_shows_no_flag(imported: Any) -> None:
    shown = json.loads(imported("tcn", "record", "P-BR", "--on", "2039-03-02", "--json").output)
    assert shown["etias_flag"] is False and shown["etias_until"] is None


def test_tcn_record_of_a_person_needing_none_is_required_false_only(imported: Any) -> None:
    result = imported("tcn", "record", "P-FR", "--json")
    assert result.exit_code == 0
    assert json.loads(result.output) == {"person": "P-FR", "required": False}
    text = imported("tcn", "record", "P-FR")
    assert "non requis" in text.output and "ressortissant de l'Union européenne" in text.output


def test_tcn_record_in_french_names_the_reasons(imported: Any) -> None:
    result = imported("tcn", "record", "P-BR")
    assert result.exit_code == 0
    assert "Fichier ECRIS-TCN de la personne P-BR au 23/11/2026 : requis" in result.output
    assert "Indicateur ETIAS/VIS : oui" in result.output
    assert "Empreintes obligatoires (art. 12-2) : oui" in result.output


def test_an_unknown_person_is_one_line_and_exit_2(imported: Any) -> None:
    result = imported("tcn", "record", "NOBODY")
    assert result.exit_code == 2
    assert result.output.strip() == "error: no person NOBODY in the register"


def test_tcn_list_and_queue_show_the_record_kept_and_its_create(imported: Any) -> None:
    kept = json.loads(imported("tcn", "list", "--json").output)
    assert [(k["person"], k["state"], k["etias_flag"], k["last_sent_at"]) for k in kept] == [
        ("P-BR", "live", True, None)]
    queued = json.loads(imported("tcn", "queue", "--json").output)
    assert [(q["person"], q["operation"], q["sent_at"]) for q in queued] == [("P-BR", "create", None)]
    assert queued[0]["record"]["identity"]["surname"] == "Silva"
    assert "création" in imported("tcn", "queue").output


def test_prints_due_until_the_police_file_is_received(imported: Any) -> None:
    due = json.loads(imported("tcn", "prints-due", "--json").output)
    assert [d["person"] for d in due] == ["P-BR"] and due[0]["article"] == "12-2(1)"
    received = imported("tcn", "prints-received", "P-BR", "--reference", "POL-2026-77")
    assert received.exit_code == 0, received.output
    assert "mise à jour du fichier ECRIS-TCN mise en file" in received.output
    assert json.loads(imported("tcn", "prints-due", "--json").output) == []
    shown = json.loads(imported("tcn", "record", "P-BR", "--json").output)
    assert shown["fingerprints"] == {"reference": "POL-2026-77", "collected_on": "2026-11-23"}
    assert imported("tcn", "prints-received", "NOBODY", "--reference", "X").exit_code == 2


def test_tcn_sweep_on_the_day_after_the_window_queues_the_update(imported: Any) -> None:
    assert "aucun fichier ECRIS-TCN à modifier" in imported("tcn", "sweep").output
    later = imported("tcn", "sweep", now="2039-03-02T10:00:00+01:00")
    assert later.exit_code == 0
    assert "mise à jour du fichier ECRIS-TCN de la personne P-BR" in later.output and "ETIAS non" in later.output
    assert imported("tcn", "sweep", "--on", "2040-01-01").exit_code == 2  # a day to come
