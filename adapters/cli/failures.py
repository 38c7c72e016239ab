"""What a failed command prints and the status it exits with: one readable line, never a traceback.

Exit statuses (documented in the README):

- 0: done;
- 1: refused — bad input (one line per problem), an unusable setting, no store or an unreachable one,
  a file that cannot be read or written, a broken journal chain;
- 2: unknown person or message, a request the law does not allow, or a command line click cannot parse;
- 3: an unexpected failure (a defect): one line; ``ECRIS_GATEWAY_DEBUG=1`` shows the traceback.
"""

from __future__ import annotations

import contextlib
import os
import sys

import click
from sqlalchemy.exc import SQLAlchemyError

from gateway.errors import GatewayError, InvalidInput

EXIT_REFUSED = 1
EXIT_UNEXPECTED = 3
DEBUG_VARIABLE = "ECRIS_GATEWAY_DEBUG"


def _first_line(error: BaseException) -> str:
    lines = str(error).strip().splitlines()
    return lines[0] if lines else type(error).__name__


def explain(error: Exception) -> tuple[list[str], int]:
    """The lines for standard error and the exit status of ``error``."""
    match error:
        case InvalidInput():
            return [str(problem) for problem in error.problems], error.exit_status
        case GatewayError():
            return [f"error: {_first_line(error)}"], error.exit_status
        case OSError() if error.filename is not None:
            return [f"error: {error.filename}: {error.strerror or _first_line(error)}"], EXIT_REFUSED
        case OSError():
            return [f"error: {error.strerror or _first_line(error)}"], EXIT_REFUSED
        case SQLAlchemyError():
            cause = getattr(error, "orig", None) or error
            return [f"error: the store failed: {type(cause).__name__}: {_first_line(cause)}"], EXIT_REFUSED
        case _:
            return [
                f"error: unexpected {type(error).__name__}: {_first_line(error)} "
                f"(set {DEBUG_VARIABLE}=1 to see where)"
            ], EXIT_UNEXPECTED


def report(ctx: click.Context, error: Exception) -> None:
    """Print ``error`` for a person and exit; with ECRIS_GATEWAY_DEBUG set, let it propagate."""
    if os.environ.get(DEBUG_VARIABLE) and not isinstance(error, GatewayError):
        raise error
    if isinstance(error, BrokenPipeError):
        # The reader went away (`… | head`): nothing to tell it. Point standard output at /dev/null so
        # the interpreter's last flush does not fail in turn.
        with contextlib.suppress(OSError, ValueError):  # not a real file (a test runner's buffer)
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        ctx.exit(EXIT_REFUSED)
    lines, status = explain(error)
    for line in lines:
        click.echo(line, err=True)
    ctx.exit(status)
