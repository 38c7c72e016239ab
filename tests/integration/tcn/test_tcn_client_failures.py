"""The client of the central system fails clearly: TcnCentralUnavailable when it cannot be reached, times
out, or answers a server error; real HTTP on 127.0.0.1 (wsgiref in a thread)."""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any
from wsgiref.simple_server import WSGIRequestHandler, make_server

import pytest

from adapters.settings import Settings
from adapters.tcn.client import HttpTcnCentralSystem, TcnCentralNotConfigured
from gateway.model.tcn import TcnIdentity, TcnQuery
from gateway.ports import TcnCentralRefused, TcnCentralUnavailable
from tests.messaging_support import free_port

QUERY = TcnQuery(identity=TcnIdentity(surname="Doe", nationalities=("US",)), purpose="criminal_proceedings",
                 official="clerk")


class _Quiet(WSGIRequestHandler):
    def log_message(self, *args: Any) -> None:
        return None


@contextmanager
def serving(status: str, body: bytes, content_type: str = "text/plain") -> Iterator[str]:
    def app(_environ: dict[str, Any], start_response: Callable[..., Any]) -> list[bytes]:
        start_response(status, [("Content-Type", content_type), ("Content-Length", str(len(body)))])
        return [body]

    server = make_server("127.0.0.1", 0, app, handler_class=_Quiet)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/tcn"
    finally:
        server.shutdown()
        server.server_close()


def test_nothing_listening_is_unavailable() -> None:
    client = HttpTcnCentralSystem(f"http://127.0.0.1:{free_port()}/tcn", timeout_seconds=2)
    with pytest.raises(TcnCentralUnavailable, match="cannot be reached") as failed:
        client.query(QUERY)
    assert not isinstance(failed.value, TcnCentralRefused)


def test_a_server_error_is_unavailable_not_refused() -> None:
    with serving("503 Service Unavailable", b"down for maintenance") as url, \
            pytest.raises(TcnCentralUnavailable, match="HTTP 503") as failed:
        HttpTcnCentralSystem(url).delete("P1")
    assert not isinstance(failed.value, TcnCentralRefused)


def test_an_answer_that_is_not_a_document_is_unavailable() -> None:
    with serving("200 OK", b"<html>hello</html>", "text/html") as url, \
            pytest.raises(TcnCentralUnavailable, match="not usable"):
        HttpTcnCentralSystem(url).query(QUERY)


def test_a_silent_server_times_out() -> None:
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(1)  # accepts the connection at the TCP level, never answers
        client = HttpTcnCentralSystem(f"http://127.0.0.1:{listener.getsockname()[1]}/tcn", timeout_seconds=0.3)
        with pytest.raises(TcnCentralUnavailable, match=r"did not answer within 0\.3 s"):
            client.query(QUERY)


def test_the_url_comes_from_the_settings() -> None:
    with pytest.raises(TcnCentralNotConfigured, match="tcn_central_url"):
        HttpTcnCentralSystem.from_settings(Settings())
    client = HttpTcnCentralSystem.from_settings(Settings(tcn_central_url="http://127.0.0.1:9/tcn",
                                                         tcn_timeout_seconds=3))
    assert (client.url, client.timeout, client.convicting_state) == ("http://127.0.0.1:9/tcn", 3, "LU")


def test_the_central_url_setting_reads_the_environment() -> None:
    from adapters.settings import load_settings

    settings = load_settings(environ={"ECRIS_GATEWAY_TCN_CENTRAL_URL": "http://127.0.0.1:8099/tcn",
                                      "ECRIS_GATEWAY_TCN_TIMEOUT_SECONDS": "2.5",
                                      "ECRIS_GATEWAY_TCN_BIOMETRICS_KEY": "c2VjcmV0"})
    assert settings.tcn_central_url == "http://127.0.0.1:8099/tcn"
    assert settings.tcn_timeout_seconds == 2.5
    assert "c2VjcmV0" not in repr(settings)
