"""Other Member States' records for the simulated central system (``tcn-central --seed FILE.json``), so that
a query can hit States other than Luxembourg.

The file is a JSON list; each entry a record::

    {"convicting_state": "FR", "reference": "FR-2019-001", "surname": "Souza", "forenames": ["Ana"],
     "birth_date": "1990-07-14", "birth_town": "Recife", "birth_country": "BR",
     "nationalities": ["BR"], "gender": "F", "fingerprints": "FR-FP-001"}

``nationalities`` may also be ``"stateless"`` or ``"unknown"``; only ``convicting_state``, ``reference`` and
``surname`` are required. A problem names the entry, never its data.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from adapters.tcn.codec import TcnEncodeError, encode_record
from gateway.errors import GatewayError
from gateway.model.partial_date import PartialDate
from gateway.model.person import Sex
from gateway.model.tcn import BiometricReference, NationalityStatus, TcnIdentity, TcnRecord


class SeedRefused(GatewayError):
    """The seed file cannot be read as records."""


def _record(entry: Any, collected_on: date) -> TcnRecord:
    if not isinstance(entry, dict):
        raise ValueError("not an object")
    nationalities = entry.get("nationalities", "unknown")
    status = NationalityStatus.KNOWN
    codes: tuple[str, ...] = ()
    if nationalities in ("stateless", "unknown"):
        status = NationalityStatus(nationalities)
    else:
        codes = tuple(str(code).upper() for code in nationalities)
    birth = entry.get("birth_date")
    fingerprints = entry.get("fingerprints")
    record = TcnRecord(
        reference=str(entry["reference"]),
        convicting_state=str(entry["convicting_state"]).upper(),
        identity=TcnIdentity(
            surname=str(entry["surname"]),
            forenames=tuple(str(f) for f in entry.get("forenames", ())),
            birth_date=None if birth is None else PartialDate.parse(str(birth)),
            birth_town=entry.get("birth_town"),
            birth_country=entry.get("birth_country"),
            nationalities=codes,
            nationality_status=status,
            gender=Sex(entry.get("gender", "U")),
        ),
        fingerprints=None if fingerprints is None else BiometricReference(str(fingerprints), collected_on),
    )
    encode_record(record, operation="create")  # the format's own checks
    return record


def read_seed(path: Path, *, collected_on: date) -> list[TcnRecord]:
    try:
        entries = json.loads(path.read_text(encoding="utf-8-sig"))
    except OSError as error:
        raise SeedRefused(f"{path}: {error.strerror}") from None
    except ValueError:
        raise SeedRefused(f"{path}: not JSON") from None
    if not isinstance(entries, list):
        raise SeedRefused(f"{path}: expected a JSON list of records")
    records = []
    for number, entry in enumerate(entries, start=1):
        try:
            records.append(_record(entry, collected_on))
        except (KeyError, TypeError, ValueError, TcnEncodeError) as error:
            what = f"missing {error}" if isinstance(error, KeyError) else "unusable value"
            raise SeedRefused(f"{path}: record {number}: {what}") from None
    return records
