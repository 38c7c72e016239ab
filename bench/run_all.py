"""`make bench`: run every bench/bench_*.py on one core (taskset when available), one after another."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    pin = ["taskset", "-c", "0"] if shutil.which("taskset") else []
    failures = 0
    for script in sorted(HERE.glob("bench_*.py")):
        print(f"\n=== {script.stem} {'(pinned to CPU 0)' if pin else ''}", flush=True)
        failures += subprocess.call([*pin, sys.executable, str(script)], cwd=HERE.parent) != 0
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
