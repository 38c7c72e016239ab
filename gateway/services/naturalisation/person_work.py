"""One row of the transfer (Art 14(3), R-NAT step 2): the person matched to the register as a requested
person is, or created; Luxembourg nationality recorded; each former nationality handled on its own (AMB-23):
a Member State asked through ECRIS (the supplied extract kept for the fallback), a third country's extract
inscribed. Runs inside the caller's transaction; the caller records the row and commits."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from gateway.clock import Clock, today
from gateway.law.identification import Outcome
from gateway.law.naturalisation import FormerNationalityRoute, route_for_former_nationality
from gateway.model.member_states import LUXEMBOURG
from gateway.model.person import NaturalPerson, Person
from gateway.ports import MessagingUnitOfWork, NaturalisationRequest
from gateway.services.ecris_mapping import person_identity_of
from gateway.services.incoming_notification import identify_in_register
from gateway.services.naturalisation.inscription import from_extract, inscribe
from gateway.services.naturalisation.register_change import save_change
from gateway.services.naturalisation.transfer import NaturalisedPerson
from gateway.services.outgoing_request import send_request

PURPOSE = "naturalisation_record_update"


@dataclass
class PersonOutcome:
    person_id: str | None = None
    actions: list[str] = field(default_factory=list)
    requests_sent: int = 0
    convictions_inscribed: int = 0
    problems: list[str] = field(default_factory=list)
    refused: bool = False


def _match(uow: MessagingUnitOfWork, row: NaturalisedPerson, outcome: PersonOutcome) -> Person | None:
    """The register person the row is: by national number first, then identified as a requested person is
    (``identify_in_register``); None for a new person. An uncertain identification refuses the row."""
    held = uow.persons.get(row.identity.id)
    if held is not None:
        outcome.actions.append("personne trouvée par son numéro d'identification")
        return held
    found = identify_in_register(uow, person_identity_of(row.identity))
    if found.outcome is Outcome.IDENTIFIED and found.person_id is not None:
        outcome.actions.append(f"personne identifiée dans le registre ({found.person_id})")
        return uow.persons.get(found.person_id)
    if found.outcome is Outcome.UNCERTAIN:
        outcome.problems.append("identification incertaine, à trancher par un greffier : "
                                + ", ".join(found.candidates))
        outcome.refused = True
    return None


def _now_luxembourgish(person: Person, row: NaturalisedPerson) -> Person:
    """Art 14(3): the person is Luxembourgish from the day of acquisition or recovery; the former
    nationalities are kept as previous ones (Art 3)."""
    assert isinstance(person, NaturalPerson)
    kept = tuple(n for n in person.nationalities if n not in row.former_nationalities and n != "UNKNOWN")
    previous = tuple(dict.fromkeys((*person.previous_nationalities, *row.former_nationalities)))
    return replace(person, nationalities=tuple(dict.fromkeys((LUXEMBOURG, *kept))), previous_nationalities=previous)


def naturalise_person(uow: MessagingUnitOfWork, row: NaturalisedPerson, *, transfer_id: str, clock: Clock,
                      official: str, member_state: str) -> PersonOutcome:
    """The row's work, inside ``uow`` (the caller commits with the row's ledger entry)."""
    outcome = PersonOutcome()
    stored = _match(uow, row, outcome)
    if outcome.refused:
        return outcome
    if stored is None and (uow.persons.tombstone(row.identity.id) is not None):
        outcome.problems.append("les inscriptions de cette personne ont été effacées (art. 3) : clé non réutilisable")
        outcome.refused = True
        return outcome
    if stored is None:
        outcome.actions.append("personne créée dans le registre")
    person = _now_luxembourgish(stored or row.identity, row)
    outcome.person_id = person.id
    on = today(clock)
    to_ask: list[str] = []
    for country in dict.fromkeys(row.former_nationalities):
        route = route_for_former_nationality(country)
        extract = row.extract_of(country)
        if route is FormerNationalityRoute.ECRIS_REQUEST:
            to_ask.append(country)
        elif route is FormerNationalityRoute.SUPPLIED_EXTRACT:
            if extract is None:
                outcome.problems.append(f"aucun extrait de {country} fourni : rien à inscrire pour cette nationalité")
                continue
            inscribed = inscribe(person, [from_extract(d, country=country, extract_date=extract.issued_on,
                                                       transfer=transfer_id, on=on) for d in extract.convictions])
            person = inscribed.person
            outcome.convictions_inscribed += len(inscribed.added)
            outcome.problems.extend(inscribed.refused)
            outcome.actions.append(f"extrait de {country} inscrit ({len(inscribed.added)} condamnation(s))")
    for extract in row.extracts:
        if extract.country not in row.former_nationalities:
            outcome.problems.append(f"extrait de {extract.country} sans nationalité antérieure correspondante : "
                                    "non inscrit")
    held = {d.id for d in stored.decisions} if stored is not None else set()
    added = [d for d in person.decisions if d.id not in held]
    save_change(uow, before=stored, after=person, added=added, clock=clock, official=official,
                member_state=member_state, reason=f"transfert annuel des naturalisations {transfer_id} (art. 14(3))")
    for country in to_ask:
        [sent] = send_request(uow, person_id=person.id, to=[country], purpose=PURPOSE, member_state=member_state,
                              clock=clock, official=official)
        extract = row.extract_of(country)
        uow.naturalisation.record_request(NaturalisationRequest(
            message_id=sent.message_id, transfer_id=transfer_id, row_index=row.row_index, person_id=person.id,
            country=country, extract_date=None if extract is None else extract.issued_on,
            extract=() if extract is None else extract.convictions))
        outcome.requests_sent += 1
        outcome.actions.append(f"demande ECRIS à {country} ({sent.message_id}), réponse attendue le "
                               f"{sent.expected_by.isoformat()}")
    return outcome
