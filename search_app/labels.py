"""Dutch words for the codes the data uses (channel kinds, regimes, statuses, facets)."""
from __future__ import annotations

CHANNEL_KINDS = {
    "web_form": "Webformulier",
    "contact_form": "Algemeen contactformulier",
    "portal": "Persoonlijke omgeving (MijnGemeente)",
    "email": "E-mail",
    "omgevingsloket": "Omgevingsloket",
    "berichtenbox": "Berichtenbox MijnOverheid",
    "dienstenwet_loket": "Dienstenwetloket",
    "as_invited": "Kanaal uit de uitnodiging",
    "digipoort": "Digipoort",
    "other": "Ander kanaal",
}

REGIMES = {
    "wmebv_designation": "Wmebv-aanwijzing (Awb 2:13 lid 2)",
    "pre_wmebv_designation": "Oud regime (Awb 2:15)",
    "not_designation": "Geen aanwijzingsbesluit",
    "wmebv": "Wmebv-aanwijzing (Awb 2:13 lid 2)",  # the search index's regime facet values
    "pre_wmebv": "Oud regime (Awb 2:15)",
}

AUTH = {"digid": "DigiD", "eherkenning": "eHerkenning", "eidas": "eIDAS"}

CHANNEL_STATUS = {"designated": "aangewezen", "excluded": "uitgesloten"}

BODY_STATUS = {
    "in_force": "Aanwijzing van kracht",
    "future": "Aanwijzing vastgesteld, nog niet van kracht",
    "unknown": "Besluit gevonden, datum van inwerkingtreding onbekend",
    "none": "Geen besluit gevonden",
    "not_harvested": "Nog niet geoogst",
}

FACETS = {
    "gemeente": "Gemeente",
    "organisatie": "Andere overheid",
    "provincie": "Provincie",
    "orgaan": "Bestuursorgaan",
    "kanaal": "Kanaal",
    "regime": "Regime",
    "bron": "Bron",
    "jaar": "Jaar",
}

SOURCES = {"officielepublicaties": "Officiële publicaties (Gemeenteblad e.a.)", "cvdr": "CVDR (lokale regelgeving)"}

MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december"]


def label(table: dict, code) -> str:
    """The Dutch word for a code, or the code itself when we have none (never hide data)."""
    if code is None:
        return "onbekend"
    return table.get(code, str(code))
