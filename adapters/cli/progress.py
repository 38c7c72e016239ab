"""A progress bar for long commands, on standard error and only when it is a terminal."""

from __future__ import annotations

from collections.abc import Callable
from types import TracebackType

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn


class ProgressBar:
    """``with ProgressBar() as bar: work(progress=bar.stage("reading"))``: each stage is a bar told
    ``(done, total)``. Nothing is drawn when standard error is not a terminal (pipes, logs, tests)."""

    def __init__(self, console: Console | None = None) -> None:
        console = console or Console(stderr=True)
        self._progress = (
            Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                console=console,
                transient=True,
            )
            if console.is_terminal
            else None
        )

    def __enter__(self) -> ProgressBar:
        if self._progress is not None:
            self._progress.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        if self._progress is not None:
            self._progress.stop()

    def stage(self, description: str) -> Callable[[int, int], None] | None:
        progress = self._progress
        if progress is None:
            return None
        task = progress.add_task(description, total=None)

        def advance(done: int, total: int) -> None:
            # Redrawn at most every 1 % of the work: the bar must not cost the import its speed.
            if done == total or done % max(total // 100, 1) == 0:
                progress.update(task, completed=done, total=total)

        return advance
