"""One typed settings object: ``ECRIS_GATEWAY_*`` environment variables over an optional TOML file.

Precedence: command-line option > environment variable > TOML file > default.
The TOML file is ``--config`` or ``ECRIS_GATEWAY_CONFIG``, else ``ecris-gateway.toml`` in the user's
configuration folder when present. Nothing depends on the working directory: the default store is in
the user's data folder, and a relative SQLite path in the TOML file is read from the file's folder.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from platformdirs import user_config_path, user_data_path
from sqlalchemy.engine import make_url

from gateway.errors import GatewayError

APP_NAME = "ecris-gateway"
ENV_PREFIX = "ECRIS_GATEWAY_"
DEFAULT_MAX_MESSAGE_BYTES = 20 * 1024 * 1024  # NIST files travel base64-inline in Push messages


class SettingsError(GatewayError):
    """A setting has a value the gateway cannot use."""


@dataclass(frozen=True)
class PeerSettings:
    """Another Member State's central authority endpoint (``[peers.FR]`` in the TOML file)."""

    state: str
    url: str
    client_cert: Path | None = None
    client_key: Path | None = None
    ca: Path | None = None
    timeout_seconds: float = 30.0


def default_config_file() -> Path:
    """``ecris-gateway.toml`` in the user's configuration folder (``~/.config/ecris-gateway`` on Linux)."""
    return user_config_path(APP_NAME) / f"{APP_NAME}.toml"


def default_db_url() -> str:
    """The embedded store in the user's data folder (``~/.local/share/ecris-gateway`` on Linux)."""
    return f"sqlite:///{user_data_path(APP_NAME) / f'{APP_NAME}.db'}"


def _relative_to(folder: Path, db_url: str) -> str:
    """A SQLite URL whose relative path is read from ``folder`` (the TOML file's); others unchanged."""
    try:
        url = make_url(db_url)
    except Exception:
        return db_url  # refused, with a readable line, when the store is opened
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return db_url
    if Path(url.database).is_absolute():
        return db_url
    return url.set(database=str((folder / url.database).resolve())).render_as_string(hide_password=False)


@dataclass(frozen=True)
class Settings:
    db_url: str = field(default_factory=default_db_url)
    official: str = "system"
    now: datetime | None = None
    member_state: str = "LU"
    ecris_schemas: Path | None = None
    reference_tables: Path | None = None
    strict_codes: bool = False
    max_message_bytes: int = DEFAULT_MAX_MESSAGE_BYTES
    public_url: str = "http://127.0.0.1:8080/ecris"
    sqlite_synchronous: str = "NORMAL"
    outbox_max_attempts: int = 8
    outbox_backoff_seconds: float = 2.0
    notification_response_working_days: int = 5
    """Luxembourg working days a state has to answer a notification before a clerk is told."""
    tcn_central_url: str | None = None
    """The ECRIS-TCN central system's endpoint (the project's format, ``schemas/ecris-tcn``)."""
    tcn_timeout_seconds: float = 10.0
    tcn_biometrics_key: str | None = field(default=None, repr=False)
    """Base64 of the 32-byte AES-256-GCM key encrypting the police's biometric files at rest."""
    extract_signing_key: str | None = field(default=None, repr=False)
    """The authority's Ed25519 private key signing the extracts' QR codes: a PEM file's path, or the PEM."""
    extract_public_key: str | None = None
    """Its public key (path or PEM) for verification; default: derived from the signing key."""
    extract_verify_base_url: str = "http://127.0.0.1:8080"
    """Where ``GET /verify/<payload>`` answers (the server ``serve`` runs); the QR code holds it."""
    extract_place: str = "Luxembourg"
    extract_download_url: str = "https://www.myguichet.lu"
    """Where the person fetches the extract; the only place the notification e-mail names."""
    smtp_host: str | None = None
    smtp_port: int = 25
    smtp_from: str = "casier.judiciaire@example.lu"
    deadline_warning_working_days: int = 2
    """Working days before a request's due date from which the deadline watch flags it "due soon"."""
    scheduler_daily_at: str = "02:00"
    """Local time (Europe/Luxembourg, HH:MM) of the scheduler's daily sweeps."""
    scheduler_sender_seconds: float = 30.0
    """Seconds between the scheduler's deliveries of the outbox and the ECRIS-TCN queue."""
    scheduler_lease_seconds: float = 60.0
    """SQLite: how long the scheduler's lease lasts unless renewed (a killed scheduler's lease then lapses)."""
    scheduler_retry_seconds: float = 10.0
    """Seconds between two attempts of a waiting scheduler to take the lock another one holds."""
    peers: Mapping[str, PeerSettings] = field(default_factory=dict)
    config_file: Path | None = None

    def with_overrides(self, **overrides: Any) -> Settings:
        """These settings with the non-None values given (command-line options)."""
        return replace(self, **{k: v for k, v in overrides.items() if v is not None})


def _parse_bool(name: str, text: str) -> bool:
    lowered = text.strip().lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off", ""}:
        return False
    raise SettingsError(f"{name}: expected true or false, got {text!r}")


def _parse_instant(name: str, text: str) -> datetime:
    try:
        instant = datetime.fromisoformat(text)
    except ValueError:
        raise SettingsError(f"{name}: {text!r} is not an ISO 8601 instant") from None
    if instant.tzinfo is None:
        raise SettingsError(f"{name}: {text!r} has no time zone (e.g. 2026-11-23T10:00:00+01:00)")
    return instant


_CONVERTERS: dict[str, Any] = {
    "db_url": str,
    "official": str,
    "now": _parse_instant,
    "member_state": str,
    "ecris_schemas": Path,
    "reference_tables": Path,
    "strict_codes": _parse_bool,
    "max_message_bytes": int,
    "public_url": str,
    "sqlite_synchronous": str,
    "outbox_max_attempts": int,
    "outbox_backoff_seconds": float,
    "notification_response_working_days": int,
    "tcn_central_url": str,
    "tcn_timeout_seconds": float,
    "tcn_biometrics_key": str,
    "extract_signing_key": str,
    "extract_public_key": str,
    "extract_verify_base_url": str,
    "extract_place": str,
    "extract_download_url": str,
    "smtp_host": str,
    "smtp_port": int,
    "smtp_from": str,
    "deadline_warning_working_days": int,
    "scheduler_daily_at": str,
    "scheduler_sender_seconds": float,
    "scheduler_lease_seconds": float,
    "scheduler_retry_seconds": float,
}

# Environment variable names that differ from the field name.
_ENV_NAMES = {"db_url": "DB", "strict_codes": "STRICT", "ecris_schemas": "ECRIS_SCHEMAS"}


def _convert(name: str, key: str, value: Any) -> Any:
    converter = _CONVERTERS[key]
    if converter is _parse_bool and isinstance(value, bool):
        return value
    if converter is _parse_instant and isinstance(value, datetime):
        if value.tzinfo is None:
            raise SettingsError(f"{name}: the instant has no time zone")
        return value
    try:
        return converter(name, str(value)) if converter in (_parse_bool, _parse_instant) else converter(value)
    except (TypeError, ValueError):
        raise SettingsError(f"{name}: unusable value {value!r}") from None


def _peers_from(table: Any, source: str) -> dict[str, PeerSettings]:
    if not isinstance(table, Mapping):
        raise SettingsError(f"{source}: peers must be tables such as [peers.FR]")
    peers: dict[str, PeerSettings] = {}
    for state, entry in table.items():
        if not isinstance(entry, Mapping) or "url" not in entry:
            raise SettingsError(f"{source}: [peers.{state}] needs a url")
        paths = {k: Path(str(entry[k])) for k in ("client_cert", "client_key", "ca") if entry.get(k)}
        try:
            timeout = float(entry.get("timeout_seconds", 30.0))
        except (TypeError, ValueError):
            raise SettingsError(f"{source}: [peers.{state}] timeout_seconds must be a number") from None
        peers[state.upper()] = PeerSettings(state=state.upper(), url=str(entry["url"]), timeout_seconds=timeout,
                                            **paths)
    return peers


def load_settings(
    *, environ: Mapping[str, str] | None = None, config_file: Path | None = None
) -> Settings:
    """Read the TOML file (if any) and the environment into one ``Settings``."""
    env = os.environ if environ is None else environ
    values: dict[str, Any] = {}
    path = config_file or (Path(env[f"{ENV_PREFIX}CONFIG"]) if env.get(f"{ENV_PREFIX}CONFIG") else None)
    if path is None and default_config_file().is_file():
        path = default_config_file()
    if path is not None:
        try:
            document = tomllib.loads(path.read_text(encoding="utf-8-sig"))
        except FileNotFoundError:
            raise SettingsError(f"settings file {path} does not exist") from None
        except OSError as error:
            raise SettingsError(f"settings file {path} cannot be read ({error.strerror})") from None
        except UnicodeDecodeError:
            raise SettingsError(f"settings file {path} is not UTF-8 text") from None
        except tomllib.TOMLDecodeError as error:
            raise SettingsError(f"settings file {path}: {error}") from None
        for key, value in document.items():
            if key == "peers":
                values["peers"] = _peers_from(value, str(path))
            elif key in _CONVERTERS:
                values[key] = _convert(f"{path}: {key}", key, value)
            else:
                raise SettingsError(f"settings file {path}: unknown setting {key!r}")
        if "db_url" in values:
            values["db_url"] = _relative_to(path.parent, values["db_url"])
        values["config_file"] = path
    for key in _CONVERTERS:
        name = ENV_PREFIX + _ENV_NAMES.get(key, key.upper())
        if env.get(name):
            values[key] = _convert(name, key, env[name])
    return Settings(**values)
