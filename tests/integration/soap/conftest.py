"""A real ``ecris-gateway serve`` on 127.0.0.1 (gunicorn, subprocess) with its own SQLite store."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.messaging_support import Gateway, free_port, gateway_server

MAX_BYTES = 256 * 1024

__all__ = ["MAX_BYTES", "Gateway", "gateway"]


@pytest.fixture(scope="module")
def gateway(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Gateway]:
    # FR's endpoint is not running: replies stay queued (the sender is off in these tests anyway).
    with gateway_server(tmp_path_factory.mktemp("gateway"), peers={"FR": f"http://127.0.0.1:{free_port()}/ecris"},
                        max_message_bytes=MAX_BYTES) as running_gateway:
        yield running_gateway
