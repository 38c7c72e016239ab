"""`make demo`: the gateway's main job on the embedded default (SQLite under var/), told for a clerk.

Each step runs the real ``ecris-gateway`` command, as an operator would, against a fresh demo store.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VAR = ROOT / "var"
DB_FILE = VAR / "demo.db"
SAMPLE = ROOT / "demo" / "register-sample.json"
DEMO_NOW = "2026-11-23T10:00:00+01:00"

ENV = {
    **os.environ,
    "ECRIS_GATEWAY_DB": f"sqlite:///{DB_FILE}",
    "ECRIS_GATEWAY_NOW": DEMO_NOW,
    "ECRIS_GATEWAY_OFFICIAL": "demo-clerk",
}


def gateway(*args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, "-m", "adapters.cli", *args], cwd=ROOT, env=ENV, text=True, capture_output=True, check=False
    )
    if check and result.returncode != 0:
        sys.exit(f"demo step failed: ecris-gateway {' '.join(args)}\n{result.stderr}")
    return result


def step(title: str) -> None:
    print(f"\n── {title} " + "─" * max(0, 76 - len(title)))


def say(text: str) -> None:
    print(textwrap.indent(text.rstrip(), "   "))


def main() -> None:
    VAR.mkdir(exist_ok=True)
    for leftover in VAR.glob("demo.db*"):
        leftover.unlink()
    print("ecris-gateway demo — the Luxembourg criminal record's ECRIS gateway")
    print(f"Demo store: {DB_FILE.relative_to(ROOT)} (SQLite). The clock is fixed at {DEMO_NOW}.")

    step("1. The national register sends its persons and decisions")
    say(gateway("register", "import", str(SAMPLE)).stdout)
    say("Importing the same file again changes nothing:")
    say(gateway("register", "import", str(SAMPLE)).stdout)

    step("2. A clerk looks up a person")
    say(gateway("register", "show", "1979110254321").stdout)

    step("3. A refused file: nothing of it is stored")
    bad = VAR / "demo-bad-register.json"
    document = json.loads(SAMPLE.read_text(encoding="utf-8"))
    document["persons"] = document["persons"][:1]
    document["persons"][0]["decisions"][0]["final_date"] = "2024-02-30"
    document["persons"][0]["decisions"][0]["penalties"].append({"type": "flogging"})
    bad.write_text(json.dumps(document), encoding="utf-8")
    refused = gateway("register", "import", str(bad), check=False)
    say(f"exit status {refused.returncode}; the clerk reads:\n{refused.stderr}")

    step("4. Bulletins: what each extract shows, and why")
    for person, number in (("1985031512345", 2), ("1985031512345", 3), ("1990071811111", 3), ("1995050533333", 5)):
        shown = json.loads(gateway("bulletin", person, "--number", str(number), "--format", "json").stdout)
        verdict = "néant" if shown["nil"] else ", ".join(shown["decisions"])
        say(f"Bulletin N°{number} of {person}: {verdict}")
        for explanation in shown["explanations"]:
            mark = "shown " if explanation["included"] else "left out"
            say(f"   {mark} {explanation['decision']} — art. {explanation['article']}: {explanation['reason']}")
    say("\nThe extract as printed for the person (bulletin N°3):")
    say(gateway("bulletin", "1990071811111", "--number", "3").stdout)

    step("5. Erasure at death and at 100 years (Art 3)")
    say(gateway("register", "erase-due").stdout)
    say("An erased person's file afterwards:")
    say(gateway("register", "show", "1950010144444").stdout)

    print("\nDemo finished. Store left in var/demo.db for a closer look, e.g.:")
    print(f"   ECRIS_GATEWAY_DB=sqlite:///{DB_FILE} .venv/bin/ecris-gateway register show 1990071811111")


if __name__ == "__main__":
    main()
