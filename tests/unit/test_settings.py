"""One settings object: defaults, TOML file, ECRIS_GATEWAY_* variables, command-line overrides."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from adapters.bootstrap import clock_for
from adapters.settings import DEFAULT_DB_URL, SettingsError, load_settings


def test_defaults_use_the_embedded_sqlite_store() -> None:
    settings = load_settings(environ={})
    assert settings.db_url == DEFAULT_DB_URL and settings.member_state == "LU" and settings.peers == {}


def test_environment_overrides_the_toml_file_and_options_override_both(tmp_path: Path) -> None:
    config = tmp_path / "gw.toml"
    config.write_text(
        'db_url = "sqlite:///from-file.db"\nofficial = "file-clerk"\nstrict_codes = true\n'
        '[peers.fr]\nurl = "http://127.0.0.1:9001/ecris"\nca = "/etc/ca.pem"\n',
        encoding="utf-8",
    )
    settings = load_settings(environ={"ECRIS_GATEWAY_OFFICIAL": "env-clerk"}, config_file=config)
    assert (settings.db_url, settings.official, settings.strict_codes) == ("sqlite:///from-file.db", "env-clerk", True)
    assert settings.peers["FR"].url == "http://127.0.0.1:9001/ecris"
    assert settings.peers["FR"].ca == Path("/etc/ca.pem")
    assert settings.with_overrides(official="cli-clerk", db_url=None).official == "cli-clerk"


def test_ecris_gateway_now_fixes_the_clock() -> None:
    settings = load_settings(environ={"ECRIS_GATEWAY_NOW": "2026-11-23T10:00:00+01:00"})
    assert clock_for(settings).now() == datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("environ", "message"),
    [
        ({"ECRIS_GATEWAY_NOW": "2026-11-23T10:00:00"}, "has no time zone"),
        ({"ECRIS_GATEWAY_STRICT": "perhaps"}, "expected true or false"),
        ({"ECRIS_GATEWAY_MAX_MESSAGE_BYTES": "lots"}, "unusable value"),
        ({"ECRIS_GATEWAY_CONFIG": "/nonexistent/gw.toml"}, "does not exist"),
    ],
)
def test_an_unusable_setting_is_a_named_error(environ: dict[str, str], message: str) -> None:
    with pytest.raises(SettingsError, match=message):
        load_settings(environ=environ)


def test_an_unknown_key_in_the_toml_file_is_refused(tmp_path: Path) -> None:
    config = tmp_path / "gw.toml"
    config.write_text('db_ulr = "typo"\n', encoding="utf-8")
    with pytest.raises(SettingsError, match="unknown setting 'db_ulr'"):
        load_settings(environ={}, config_file=config)
