"""The import's progress bar: drawn on a terminal, nothing at all otherwise."""

from __future__ import annotations

import io

from rich.console import Console

from adapters.cli.progress import ProgressBar


def test_the_progress_bar_draws_nothing_when_standard_error_is_not_a_terminal() -> None:
    out = io.StringIO()
    with ProgressBar(Console(file=out, force_terminal=False)) as bar:
        assert bar.stage("reading") is None
    assert out.getvalue() == ""


def test_the_progress_bar_shows_each_stage_on_a_terminal() -> None:
    out = io.StringIO()
    with ProgressBar(Console(file=out, force_terminal=True, width=80)) as bar:
        advance = bar.stage("reading")
        assert advance is not None
        for done in range(1, 201):
            advance(done, 200)
    assert "reading" in out.getvalue() and "200/200" in out.getvalue()
