"""The tables the ETIAS/VIS flag needs when the register does not say it itself (Art 12-1(1) last
sentence; Reg 2019/816 Art 5(1)(c); RULES.md R-TCN-2 and §B.4).

The register gives, on each offence, ``etias`` (``terrorist`` or ``annex:N``) and
``lu_max_custodial_months`` (docs/register-format.md): those are used first. These tables only fill what
the register left empty, and every entry names its source. What no table holds stays unknown: the flag is
then not set on that offence (never guessed).
"""

from __future__ import annotations

TERRORIST = "terrorist"

ETIAS_ANNEX: dict[int, str] = {
    1: "infractions terroristes",
    2: "participation à une organisation criminelle",
    3: "traite des êtres humains",
    4: "exploitation sexuelle des enfants et pédopornographie",
    5: "trafic illicite de stupéfiants et de substances psychotropes",
    6: "trafic illicite d'armes, de munitions et d'explosifs",
    7: "corruption",
    8: "fraude, y compris celle portant atteinte aux intérêts financiers de l'Union",
    9: "blanchiment des produits du crime et faux monnayage, y compris de l'euro",
    10: "cybercriminalité",
    11: "criminalité au détriment de l'environnement, y compris le trafic illicite d'espèces animales et "
        "d'espèces et d'essences végétales menacées",
    12: "aide à l'entrée et au séjour irréguliers",
    13: "homicide volontaire, coups et blessures graves",
    14: "trafic illicite d'organes et de tissus humains",
    15: "enlèvement, séquestration et prise d'otage",
    16: "vol organisé ou vol à main armée",
    17: "trafic illicite de biens culturels, y compris d'antiquités et d'œuvres d'art",
    18: "contrefaçon et piratage de produits",
    19: "falsification de documents administratifs et trafic de faux",
    20: "trafic illicite de substances hormonales et d'autres facteurs de croissance",
    21: "trafic illicite de matières nucléaires et radioactives",
    22: "viol",
    23: "crimes relevant de la compétence de la Cour pénale internationale",
    24: "détournement d'avion ou de navire",
    25: "sabotage",
    26: "trafic de véhicules volés",
    27: "espionnage industriel",
    28: "incendie volontaire",
    29: "racisme et xénophobie",
}
"""Reg (EU) 2018/1240 (ETIAS), Annex "List of criminal offences referred to in point (a) of Article 17(4)",
29 items in the Annex's order (RULES.md §B.4, checked against the English and Italian consolidated texts).
Item 1 is the terrorist offences: its window is the 25 years of Reg 2019/816 Art 5(1)(c)."""

ETIAS_BY_ANNEX_A_CHAPTER: dict[str, str] = {
    "01": "annex:23",  # Crimes within the jurisdiction of the International Criminal Court → item 23
    "02": "annex:2",  # Participation in a criminal organisation → item 2
    "03": TERRORIST,  # Terrorism (0301 00 – 0305 00: terrorist group, financing, provocation, recruitment)
    "04": "annex:3",  # Trafficking in human beings → item 3
}
"""From the ECRIS offence category (Council Decision 2009/316/JHA Annex A, the register's
``ecris_category`` such as ``"0301 00"``) to the ETIAS Annex, by chapter (the first two digits).
Source of the chapters: ../shared/ecris-reference-tables/offence-categories.csv (EU Monitor, Annexes to
COM(2008)332; chapters 01 to 04 are all that was read). Every sub-category of these four chapters falls
under the ETIAS item named, so the whole chapter maps. Chapters 05 onwards were not read from any legal
text: they are left out rather than guessed, and the register's ``etias`` field must say them."""

CRIMINAL_PENALTY_MIN_MAX_MONTHS = 60
"""Code pénal, Livre Ier, Chapitre II, Section Ire (peines criminelles): the réclusion à temps is of five
years at least, so an offence the court punished with criminal penalties (``penalty_level`` criminal, a
*crime*) is punishable by a maximum of at least five years (RULES.md R-TCN-2: the abstract maximum, not
the sentence pronounced). A correctional decision says nothing of the maximum (a *délit* may carry from
eight days to five years, or more by special law): its offence needs the register's figure or the table
below. Source: the Code pénal as coordinated on legilux (recalled, (R): confirm before a lawyer signs)."""

LU_MAX_CUSTODIAL_MONTHS_BY_CODE_PENAL_ARTICLE: dict[str, int] = {
    "463": 60,  # vol simple: emprisonnement d'un mois à cinq ans
    "496": 60,  # escroquerie: emprisonnement d'un mois à cinq ans
}
"""The maximum custodial sentence under Luxembourg law of a few Code pénal articles, in months, read from
the offence's ``legal_provisions`` (``"art. 461 et 463 du Code pénal"``) when the register gives no
``lu_max_custodial_months``. Source: Code pénal (legilux, coordinated text), recalled (R): to be checked
against the Mémorial before relying on it; extend article by article, each with its source."""
