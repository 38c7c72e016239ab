"""The object every command receives, and the global options that fill it wherever they are written.

``ecris-gateway --db URL register show 1`` and ``ecris-gateway register show 1 --db URL`` mean the same:
the global options are attached to every command of the tree (see ``share_global_options``) and each
records its value here; the settings are read once, on first use.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from adapters.bootstrap import App, bootstrap
from adapters.settings import Settings, load_settings


class Context:
    """The click context object: the global options given, settings read once, the app built on first use."""

    def __init__(self) -> None:
        self._overrides: dict[str, Any] = {}
        self._config: Path | None = None
        self._settings: Settings | None = None
        self._apps: dict[bool, App] = {}  # by "may create the store"

    def remember(self, key: str, value: Any) -> None:
        if key == "config":
            self._config = value
        else:
            self._overrides[key] = value

    @property
    def settings(self) -> Settings:
        if self._settings is None:
            self._settings = load_settings(config_file=self._config).with_overrides(**self._overrides)
        return self._settings

    def _app(self, *, may_create_store: bool) -> App:
        if may_create_store not in self._apps:
            self._apps[may_create_store] = bootstrap(self.settings, may_create_store=may_create_store)
        return self._apps[may_create_store]

    @property
    def app(self) -> App:
        """The app on an existing store: the commands that only read never create one."""
        return self._app(may_create_store=False)

    @property
    def app_creating_store(self) -> App:
        """The app for a command that puts data in: the store is created when there is none."""
        return self._app(may_create_store=True)


pass_context = click.make_pass_decorator(Context, ensure=True)


def _remember(key: str) -> Any:
    def callback(ctx: click.Context, _param: click.Parameter, value: Any) -> None:
        if value is not None:
            ctx.ensure_object(Context).remember(key, value)

    return callback


def global_options() -> list[click.Option]:
    """Fresh instances of the options every command accepts, before or after its name."""
    return [
        click.Option(
            ["--db"], metavar="URL", expose_value=False, callback=_remember("db_url"),
            help="The store: sqlite:///PATH or postgresql://USER@HOST/DB (env ECRIS_GATEWAY_DB; "
                 "default: the user's data folder).",
        ),
        click.Option(
            ["--official"], metavar="NAME", expose_value=False, callback=_remember("official"),
            help="The official acting, recorded in the journal (env ECRIS_GATEWAY_OFFICIAL).",
        ),
        click.Option(
            ["--config"], metavar="FILE", type=click.Path(dir_okay=False, path_type=Path), expose_value=False,
            callback=_remember("config"),
            help="TOML settings file (env ECRIS_GATEWAY_CONFIG; default: ecris-gateway.toml in the user's "
                 "configuration folder, if present).",
        ),
    ]


def share_global_options(command: click.Command) -> None:
    """Attach the global options to ``command`` and, for a group, to every command under it; an option
    a command already defines (``peer --db``, the simulated State's own store) is left to it."""
    taken = {name for param in command.params for name in param.opts}
    command.params.extend(option for option in global_options() if not taken.intersection(option.opts))
    if isinstance(command, click.Group):
        for sub in command.commands.values():
            share_global_options(sub)
