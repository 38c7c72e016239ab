"""The object every command receives: settings read once, the app built on first use."""

from __future__ import annotations

from pathlib import Path

import click

from adapters.bootstrap import App, bootstrap
from adapters.settings import load_settings


class Context:
    """The click context object: settings read once, the app built on first use."""

    def __init__(self, *, db: str | None, official: str | None, config: Path | None) -> None:
        self._overrides = {"db_url": db, "official": official}
        self._config = config
        self._app: App | None = None

    @property
    def app(self) -> App:
        if self._app is None:
            settings = load_settings(config_file=self._config).with_overrides(**self._overrides)
            self._app = bootstrap(settings)
        return self._app


pass_context = click.make_pass_decorator(Context)
