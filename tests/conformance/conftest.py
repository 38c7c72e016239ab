"""A real ``ecris-gateway serve`` for the official client to call (FR's endpoint is not running: replies
stay queued, the sender is off)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.messaging_support import Gateway, free_port, gateway_server


@pytest.fixture(scope="module")
def gateway(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Gateway]:
    with gateway_server(tmp_path_factory.mktemp("gateway"),
                        peers={"FR": f"http://127.0.0.1:{free_port()}/ecris"}) as running_gateway:
        yield running_gateway
