"""One settings object: defaults, TOML file, ECRIS_GATEWAY_* variables, command-line overrides."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from adapters.bootstrap import clock_for
from adapters.settings import SettingsError, load_settings


def test_defaults_use_the_embedded_sqlite_store() -> None:
    settings = load_settings(environ={})
    assert settings.db_url.startswith("sqlite:///") and settings.member_state == "LU" and settings.peers == {}


def test_the_default_store_is_in_the_user_data_folder_whatever_the_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.chdir(tmp_path)
    here = load_settings(environ={}).db_url
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path / "elsewhere")
    assert load_settings(environ={}).db_url == here == f"sqlite:///{tmp_path}/data/ecris-gateway/ecris-gateway.db"


def test_the_default_settings_file_is_the_user_configuration_folder_s_not_the_working_directory_s(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "ecris-gateway.toml").write_text('official = "from-cwd"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    assert load_settings(environ={}).official == "system"
    (tmp_path / "config" / "ecris-gateway").mkdir(parents=True)
    (tmp_path / "config" / "ecris-gateway" / "ecris-gateway.toml").write_text('official = "mine"\n', encoding="utf-8")
    assert load_settings(environ={}).official == "mine"


def test_a_relative_sqlite_path_in_the_settings_file_is_read_from_the_file_s_folder(tmp_path: Path) -> None:
    config = tmp_path / "etc" / "gw.toml"
    config.parent.mkdir()
    config.write_text('db_url = "sqlite:///store/gw.db"\n', encoding="utf-8")
    assert load_settings(environ={}, config_file=config).db_url == f"sqlite:///{tmp_path}/etc/store/gw.db"


def test_environment_overrides_the_toml_file_and_options_override_both(tmp_path: Path) -> None:
    config = tmp_path / "gw.toml"
    config.write_text(
        'db_url = "sqlite:///from-file.db"\nofficial = "file-clerk"\nstrict_codes = true\n'
        '[peers.fr]\nurl = "http://127.0.0.1:9001/ecris"\nca = "/etc/ca.pem"\n',
        encoding="utf-8",
    )
    settings = load_settings(environ={"ECRIS_GATEWAY_OFFICIAL": "env-clerk"}, config_file=config)
    assert (settings.db_url, settings.official, settings.strict_codes) == (f"sqlite:///{tmp_path}/from-file.db", "env-clerk", True)
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


def test_the_notification_response_deadline_is_a_setting_in_working_days() -> None:
    assert load_settings(environ={}).notification_response_working_days == 5
    environ = {"ECRIS_GATEWAY_NOTIFICATION_RESPONSE_WORKING_DAYS": "10"}
    assert load_settings(environ=environ).notification_response_working_days == 10
