"""The person and the decisions of a bulletin, composed in French for the electronic extract."""

from __future__ import annotations

from adapters.text.foreign_answers_fr import foreign_answer_lines
from adapters.text.french import describe_decision, partial_day
from gateway.model.person import LegalPerson, NaturalPerson, Person
from gateway.services.bulletin import Bulletin
from gateway.services.extract.content import DecisionBlock, ExtractText


def _identity(person: Person | None, person_id: str) -> tuple[tuple[str, str], ...]:
    if isinstance(person, NaturalPerson):
        birth = person.birth
        place = ", ".join(x for x in (birth.city, birth.country) if x)
        rows = [("Nom", person.surname.upper()), ("Prénoms", " ".join(person.forenames) or "—"),
                ("Date de naissance", partial_day(birth.date) if birth.date else "inconnue"),
                ("Lieu de naissance", place or "—"),
                ("Nationalité(s)", ", ".join(person.nationalities) or "non connue")]
        if person.previous_names:
            rows.append(("Noms précédents", "; ".join(n.surname.upper() for n in person.previous_names)))
        rows.append(("Matricule", person.id))
        return tuple(rows)
    if isinstance(person, LegalPerson):
        seat = ", ".join(x for x in (person.seat.city, person.seat.country) if x) if person.seat else "—"
        return (("Dénomination", person.name), ("Siège", seat or "—"), ("N° RCS", person.rcs_number or "—"),
                ("Matricule", person.id))
    return (("Matricule", person_id), ("Mention", "aucune inscription au casier judiciaire"))


def compose_extract(bulletin: Bulletin, person: Person | None) -> ExtractText:
    """Identity rows, one block per decision shown (with the article that put it there), the answers of
    other Member States as received (Art 14(1), AMB-21)."""
    articles = {e.decision: e.article for e in bulletin.explanations}
    shown = set(bulletin.decisions)
    blocks = []
    for decision in person.decisions if person is not None else ():
        if decision.id in shown:
            heading, *rest = describe_decision(decision)
            blocks.append(DecisionBlock(heading, tuple(line.strip() for line in rest), articles[decision.id]))
    foreign = tuple(line.strip() for line in foreign_answer_lines(bulletin.foreign_answers) if line.strip())
    if isinstance(person, NaturalPerson):
        names = (person.surname.upper(), " ".join(person.forenames),
                 str(person.birth.date) if person.birth.date else "")
    elif isinstance(person, LegalPerson):
        names = (person.name, "", "")
    else:
        names = ("", "", "")
    return ExtractText(names[0], names[1], names[2], _identity(person, bulletin.person_id), tuple(blocks), foreign)
