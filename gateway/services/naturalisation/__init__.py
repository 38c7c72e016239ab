"""The annual naturalisation transfer (Art 14(3); RULES.md R-NAT): persons who acquired or recovered Luxembourg
nationality, matched to or created in the register, each former nationality handled on its own (AMB-23).

    transfer.py       the transfer as the core reads it (rows, extracts)
    inscription.py    decisions inscribed under Art 14(3), marked with their origin
    person_work.py    one row: match or create, requests to former Member States, third-country extracts
    transfer_import.py  the whole file, resumable: each row's work and its ledger row in one transaction
    settlement.py     answers inscribed, fallbacks to the supplied extract (``naturalisation_fallbacks``)
    status.py         where each transfer stands
"""
