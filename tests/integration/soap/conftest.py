"""A real ``ecris-gateway serve`` on 127.0.0.1 (gunicorn, subprocess) with its own SQLite store."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.messaging_support import Process, base_env, free_port, running, write_config

MAX_BYTES = 256 * 1024


@dataclass
class Gateway:
    url: str
    env: dict[str, str]
    process: Process
    db_path: Path


@pytest.fixture(scope="module")
def gateway(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Gateway]:
    folder = tmp_path_factory.mktemp("gateway")
    port = free_port()
    url = f"http://127.0.0.1:{port}/ecris"
    db_path = folder / "gateway.db"
    # FR's endpoint is not running: replies stay queued (the sender is off in these tests anyway).
    config = write_config(folder / "ecris-gateway.toml", peers={"FR": f"http://127.0.0.1:{free_port()}/ecris"},
                          max_message_bytes=MAX_BYTES, public_url=url)
    env = base_env(f"sqlite:///{db_path}", ECRIS_GATEWAY_CONFIG=str(config))
    with running(["serve", "--port", str(port), "--no-sender", "--threads", "8"], env, folder / "serve.log",
                 url=url) as process:
        yield Gateway(url, env, process, db_path)
