"""Whom Luxembourg asks ECRIS-TCN about before requesting criminal-record information (Loi du 29 mars 2013,
Art 12-1(3)-(4); Reg 2019/816 Art 7; RULES.md §A.5 R-TCN-4, R-OUT-1, R-OWN-2).

Who is a third-country national or assimilated is decided once, by ``gateway.law.tcn.who``
(``assimilated_third_country_national``): the same persons have a record (Art 12-1(1)) and are queried
(Art 12-1(3)); only the article cited differs."""

from __future__ import annotations

from gateway.law.ruling import Ruling
from gateway.law.tcn.who import assimilated_third_country_national
from gateway.model.person import Person

RECORD_ARTICLE = "12-1(1)"
QUERY_ARTICLE = "12-1(3)"


def tcn_query_applies(person: Person) -> Ruling:
    """Art 12-1(3)-(4) — the procureur général d'État uses ECRIS-TCN (Reg Art 7) for a third-country
    national, and, "pour l'inscription des données dans le système ECRIS-TCN et son utilisation", for a
    person assimilated to one (Art 12-1(4)): the persons of ``assimilated_third_country_national``, the
    article being 12-1(3) where that rule cites the record's 12-1(1)."""
    who = assimilated_third_country_national(person)
    article = QUERY_ARTICLE if who.article == RECORD_ARTICLE else who.article
    return Ruling(who.included, who.reason, article)
