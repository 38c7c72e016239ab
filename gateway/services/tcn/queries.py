"""Ask ECRIS-TCN which Member States hold information on a person before requesting it (Art 12-1(3);
Reg 2019/816 Art 7; R-TCN-4): outgoing requests (Art 13) and own-record requests of third-country
nationals (Art 14(2)) go only to the States returned.

The query carries the Art 5(1) identity data the register holds (AMB-16: nothing else), built as the record
builds them (``record.tcn_identity_of``), the purpose and the official; it is logged in the ECRIS-TCN processing log (Reg Art 31(1) (a), (c)-(f)).
"""

from __future__ import annotations

from gateway.clock import Clock
from gateway.errors import InvalidRequest
from gateway.law.tcn_queries import tcn_query_applies
from gateway.model.member_states import LUXEMBOURG
from gateway.model.person import NaturalPerson, Person
from gateway.model.tcn import (
    BiometricReference,
    TcnIdentity,
    TcnLogEntry,
    TcnOperation,
    TcnQuery,
)
from gateway.ports import TcnCentralSystem, TcnProcessingLog
from gateway.services.tcn.record import tcn_identity_of


def identity_data(identity: TcnIdentity) -> dict[str, object]:
    """The data used for a query, as the processing log keeps them (Reg Art 31(1)(e))."""
    return {
        "surname": identity.surname,
        "forenames": list(identity.forenames),
        "previous_names": [[n.surname, *n.forenames] for n in identity.previous_names],
        "aliases": [[n.surname, *n.forenames] for n in identity.aliases],
        "birth_date": None if identity.birth_date is None else str(identity.birth_date),
        "birth_town": identity.birth_town,
        "birth_country": identity.birth_country,
        "nationalities": list(identity.nationalities),
        "nationality_status": identity.nationality_status.value,
        "gender": identity.gender.value,
        "identity_documents": [[d.category, d.number] for d in identity.identity_documents],
    }


def states_to_ask_about(person: Person, purpose: str, official: str, central: TcnCentralSystem,
                        log: TcnProcessingLog, *, clock: Clock,
                        fingerprints: BiometricReference | None = None) -> tuple[str, ...]:
    """Art 12-1(3), Reg Art 7 — query ECRIS-TCN about a third-country national (or a person assimilated,
    Art 12-1(4)) and return the Member States holding information, Luxembourg excluded, in the central
    system's order. ``InvalidRequest`` for a person ECRIS-TCN does not concern; ``TcnCentralUnavailable``
    when the central system cannot answer (nothing is logged then: no processing took place)."""
    applies = tcn_query_applies(person)
    if not applies.included or not isinstance(person, NaturalPerson):
        raise InvalidRequest(f"ECRIS-TCN n'est pas consulté pour {person.id} : {applies.reason} "
                             f"(art. {applies.article})")
    identity = tcn_identity_of(person)
    query = TcnQuery(identity=identity, purpose=purpose, official=official, fingerprints=fingerprints)
    at = clock.now()
    result = central.query(query)
    states = tuple(dict.fromkeys(s for s in result.member_states if s != LUXEMBOURG))
    data = identity_data(identity)
    if fingerprints is not None:
        data["fingerprints"] = fingerprints.reference
    log.append(TcnLogEntry(
        operation=TcnOperation.QUERY,
        at=at,
        official=official,
        purpose=purpose,
        reference=person.id,
        query_data=data,
        outcome=("hit: " + ", ".join(result.member_states)) if result.hit else "no hit",
    ))
    return states
