"""Run the ECRIS endpoint under gunicorn (``ecris-gateway serve`` and ``ecris-gateway peer``).

gunicorn's threaded worker (``gthread``) keeps connections alive and lets concurrent requests of one worker
share a journal commit (group commit). Each worker builds its own store engine after the fork, and runs an
inbox processor thread and, unless disabled, an outbox sender thread beside the request threads.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from gunicorn.app.base import BaseApplication

log = logging.getLogger("ecris.serve")

WsgiApp = Callable[[dict[str, Any], Callable[..., Any]], Any]


@dataclass
class Runtime:
    """What one worker runs: the WSGI app and the background threads started beside it."""

    app: WsgiApp
    start_background: Callable[[threading.Event], None]


class GatewayServer(BaseApplication):  # type: ignore[misc]
    def __init__(self, build: Callable[[], Runtime], *, host: str, port: int, workers: int = 1,
                 threads: int = 16, log_level: str = "info") -> None:
        self._build = build
        self._options = {
            "bind": f"{host}:{port}",
            "workers": workers,
            "worker_class": "gthread",
            "threads": threads,
            "keepalive": 30,
            "timeout": 120,
            "graceful_timeout": 10,
            "loglevel": log_level,
            "accesslog": None,
            "preload_app": False,
            "worker_connections": 1000,
            # One control socket per user by default: a gateway and a peer on one host would share it.
            "control_socket_disable": True,
        }
        self._stop = threading.Event()
        super().__init__()

    def load_config(self) -> None:
        for key, value in self._options.items():
            if key in self.cfg.settings and value is not None:
                self.cfg.set(key, value)

    def load(self) -> WsgiApp:
        # Called in each worker after the fork (preload_app is off): engines are never shared.
        runtime = self._build()
        runtime.start_background(self._stop)
        return runtime.app


def serve(build: Callable[[], Runtime], *, host: str, port: int, workers: int = 1, threads: int = 16,
          log_level: str = "info") -> None:
    GatewayServer(build, host=host, port=port, workers=workers, threads=threads, log_level=log_level).run()
