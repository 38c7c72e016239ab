"""A bulletin as a clerk reads it, in French: the decisions shown with their penalties, or « néant »."""

from __future__ import annotations

from adapters.text.foreign_answers_fr import foreign_answer_lines
from adapters.text.french import day, describe_decision, describe_person
from gateway.law.empty_bulletin import NIL_MENTION
from gateway.model.person import Person
from gateway.services.bulletin import Bulletin

ARTICLES = {1: "5", 2: "7", 3: "8-1", 4: "8-2", 5: "8-3"}
RETENTION_NOTICE = (
    "Ce bulletin ne peut être conservé au-delà des délais prévus à l'article 8-5 de la loi du "
    "29 mars 2013 ; à leur expiration, ni l'extrait ni les données qu'il renseigne ne peuvent être "
    "conservés sous quelque forme que ce soit."
)


NOT_SHOWN_HEADING = (
    "Décisions inscrites non portées au bulletin, et pourquoi (pour l'agent, à ne pas reproduire sur "
    "l'extrait) :"
)


def _reasons_for_the_clerk(bulletin: Bulletin) -> list[str]:
    """Under « néant », each inscribed decision left out and the ruling's reason, so a clerk can
    answer "why is this not on my bulletin?"."""
    left_out = [e for e in bulletin.explanations if not e.included]
    if not left_out:
        return []
    return ["", "─" * 40, NOT_SHOWN_HEADING, *(f"  {e.decision} (art. {e.article}) : {e.reason}" for e in left_out)]


def render_bulletin(bulletin: Bulletin, person: Person | None) -> str:
    """The bulletin as text: heading, identity, the decisions shown (with the article that put each
    on the bulletin) or « néant » (Art 8-4) with, for the clerk, why each decision was left out, and
    for N°2 to N°5 the retention notice (Art 8-5)."""
    number = bulletin.number
    lines = [
        "CASIER JUDICIAIRE — GRAND-DUCHÉ DE LUXEMBOURG",
        f"BULLETIN N° {number} (art. {ARTICLES[number]} de la loi du 29 mars 2013 relative à "
        "l'organisation du casier judiciaire)",
        f"Établi à la date du {day(bulletin.on)}",
        "",
    ]
    if person is not None:
        lines.extend(describe_person(person))
    else:
        lines.append(f"Personne {bulletin.person_id}")
    if bulletin.erasure is not None:
        lines.append(f"  effacement (art. {bulletin.erasure.article}) : {bulletin.erasure.reason}")
    lines.append("")
    if bulletin.nil or person is None:
        lines.append(NIL_MENTION)
    else:
        shown = set(bulletin.decisions)
        articles = {e.decision: e.article for e in bulletin.explanations}
        count = len(bulletin.decisions)
        lines.append(f"{count} décision{'s' if count > 1 else ''} inscrite{'s' if count > 1 else ''} :")
        for decision in person.decisions:
            if decision.id not in shown:
                continue
            lines.append("")
            described = describe_decision(decision)
            lines.extend(f"  {line}" for line in described)
            lines.append(f"    (porté au bulletin en vertu de l'art. {articles[decision.id]})")
    lines.extend(foreign_answer_lines(bulletin.foreign_answers))  # Art 14(1): as received (AMB-21)
    if number != 1:
        lines.extend(("", RETENTION_NOTICE))
    if bulletin.nil:
        lines.extend(_reasons_for_the_clerk(bulletin))  # after the extract, so it is not taken for part of it
    return "\n".join(lines)
