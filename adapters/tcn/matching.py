"""How the simulated central system decides that a query hits a record (Reg 2019/816 Art 7; simulation).

The real system's matching is eu-LISA's and not public. The simulator compares identity data the way the
gateway's own identification does (``gateway.law.identification.name_key``: no accents, case, spaces,
hyphens or apostrophes): a surname (current, previous or alias) in common, forenames that agree, and birth
dates that do not contradict each other; or the same fingerprint reference.
"""

from __future__ import annotations

from gateway.law.identification import name_key
from gateway.model.partial_date import PartialDate
from gateway.model.tcn import BiometricReference, TcnIdentity, TcnRecord


def surname_keys(identity: TcnIdentity) -> frozenset[str]:
    """Every surname the identity is known by (current, previous, aliases), as keys."""
    names = [identity.surname, *(n.surname for n in identity.previous_names), *(n.surname for n in identity.aliases)]
    return frozenset(k for k in map(name_key, names) if k)


def _forenames_agree(asked: tuple[str, ...], held: tuple[str, ...]) -> bool:
    wanted = [k for k in map(name_key, asked) if k]
    known = [k for k in map(name_key, held) if k]
    if not wanted or not known:
        return False
    return "".join(wanted) == "".join(known) or (wanted[0] == known[0] and (len(wanted) == 1 or len(known) == 1))


def _births_agree(asked: PartialDate | None, held: PartialDate | None) -> bool:
    """Both known, and every part both give is the same (1990 and 1990-07 agree)."""
    if asked is None or held is None:
        return False
    pairs = ((asked.year, held.year), (asked.month, held.month), (asked.day, held.day))
    return all(a == b for a, b in pairs if a is not None and b is not None)


def query_hits(identity: TcnIdentity, fingerprints: BiometricReference | None, record: TcnRecord) -> bool:
    if fingerprints is not None and record.fingerprints is not None \
            and fingerprints.reference == record.fingerprints.reference:
        return True
    return (
        bool(surname_keys(identity) & surname_keys(record.identity))
        and _forenames_agree(identity.forenames, record.identity.forenames)
        and _births_agree(identity.birth_date, record.identity.birth_date)
    )
