"""A store for the web tests, filled through the store and registry APIs with decisions we wrote
ourselves (not corpus text). Time is meant to be frozen at FROZEN (the web fixtures do that) so
'in force' and 'future' do not drift with the calendar."""
from __future__ import annotations

from datetime import datetime

from kanaalwijzer import registry_update
from kanaalwijzer.store import AMSTERDAM, Store

PIPELINE = "web-test-1"
FROZEN = datetime(2026, 6, 15, 12, 0, tzinfo=AMSTERDAM)
DEN_BOSCH, UTRECHT, AMERSFOORT, GRONINGEN = "GM0796", "GM0344", "GM0307", "GM0014"

DEN_BOSCH_TEXT = """Aanwijzingsbesluit elektronische kanalen gemeente 's-Hertogenbosch 2026

Het college van burgemeester en wethouders van de gemeente 's-Hertogenbosch, ieder voor zover het zijn bevoegdheid betreft;

gelet op artikel 2:13, tweede lid, van de Algemene wet bestuursrecht;

besluit vast te stellen het Aanwijzingsbesluit elektronische kanalen gemeente 's-Hertogenbosch 2026.

Artikel 1 Begripsbepalingen
In dit besluit wordt verstaan onder webformulier: een elektronisch formulier op de website van de gemeente.

Artikel 2 Aanwijzing
1. Voor het elektronisch verzenden van berichten wordt het webformulier op https://www.s-hertogenbosch.nl/formulieren aangewezen; de verzender logt in met DigiD of eHerkenning.
2. Voor berichten op grond van de Omgevingswet wordt het Omgevingsloket aangewezen.

Artikel 3 Uitsluiting
E-mail is geen aangewezen kanaal voor het verzenden van berichten.

Artikel 4 Inwerkingtreding
Dit besluit treedt in werking op 1 januari 2026.

Bijlage 1
Proces | Kanaal
Bezwaarschrift | MijnDenBosch-omgeving
"""

UTRECHT_TEXT = """Aanwijzingsbesluit digitale kanalen Utrecht 2027

Gelet op artikel 2:13, tweede lid, van de Algemene wet bestuursrecht;

Artikel 1
Voor alle berichten wordt het algemeen contactformulier op utrecht.nl aangewezen.

Artikel 2
Dit besluit treedt in werking op 1 maart 2027.
"""

HOSTILE_TITLE = "<script>alert('titel')</script> Parkeerbesluit Amersfoort"
HOSTILE_TEXT = """Parkeerbesluit <script>alert("tekst")</script> Amersfoort
Aanwijzing parkeerterreinen <img src=x onerror=alert(1)> elektronische kanalen niet van toepassing.
"""


def _channel(text, kind, quote, location, *, status="designated", value="", scope=None, auth=()):
    start = text.index(quote)
    return {"kind": kind, "status": status, "value": value, "scope": scope, "auth": list(auth),
            "evidence": {"start": start, "end": start + len(quote), "text": quote, "location": location}}


def _result(title, authority, channels, *, classification="wmebv_designation", effective_date=None):
    return {"classification": classification, "confidence": 0.95, "reasons": ["geschreven voor de webtests"],
            "title": title, "authority": authority, "organs": ["college van burgemeester en wethouders"],
            "decision_date": None, "effective_date": effective_date, "effective_rule": None,
            "legal_basis": ["Awb 2:13 lid 2"] if classification != "not_designation" else [],
            "channels": channels, "withdraws": [], "pipeline_version": PIPELINE}


def den_bosch_channels(text=DEN_BOSCH_TEXT):
    return [
        _channel(text, "web_form", "het webformulier op https://www.s-hertogenbosch.nl/formulieren aangewezen",
                 "Artikel 2 lid 1", value="https://www.s-hertogenbosch.nl/formulieren", auth=("digid", "eherkenning")),
        _channel(text, "omgevingsloket", "het Omgevingsloket aangewezen", "Artikel 2 lid 2",
                 scope="berichten op grond van de Omgevingswet"),
        _channel(text, "email", "E-mail is geen aangewezen kanaal", "Artikel 3", status="excluded"),
        _channel(text, "portal", "Bezwaarschrift | MijnDenBosch-omgeving", "Bijlage 1, rij 1",
                 value="MijnDenBosch-omgeving", scope="Bezwaarschrift"),
    ]


def _publish(store, pub_id, text, result, **fields):
    store.upsert_publication(pub_id, **fields)
    version = store.add_version(pub_id, text).version
    store.record_extraction(pub_id, version, PIPELINE, result)
    return version


def populate(store: Store) -> None:
    bosch = {"name": "'s-Hertogenbosch", "type": "gemeente", "code": DEN_BOSCH}
    _publish(store, "gmb-2025-552188", DEN_BOSCH_TEXT,
             _result("Aanwijzingsbesluit elektronische kanalen gemeente 's-Hertogenbosch 2026", bosch,
                     den_bosch_channels(), effective_date="2026-01-01"),
             source="officielepublicaties", publication_name="Gemeenteblad",
             title="Aanwijzingsbesluit elektronische kanalen gemeente 's-Hertogenbosch 2026",
             body_name="'s-Hertogenbosch", body_type="gemeente", body_code=DEN_BOSCH, published="2025-12-10",
             url_official="https://zoek.officielebekendmakingen.nl/gmb-2025-552188.html")
    _publish(store, "CVDR700001_1", DEN_BOSCH_TEXT,
             _result("Aanwijzingsbesluit elektronische kanalen gemeente 's-Hertogenbosch 2026", bosch,
                     den_bosch_channels(), effective_date="2026-01-01"),
             source="cvdr", publication_name="CVDR", work_id="CVDR700001", work_version=1,
             title="Aanwijzingsbesluit elektronische kanalen gemeente 's-Hertogenbosch 2026",
             body_name="'s-Hertogenbosch", body_type="gemeente", body_code=DEN_BOSCH, published="2025-12-11",
             valid_from="2026-01-01", is_format_of="gmb-2025-552188",
             url_official="https://lokaleregelgeving.overheid.nl/CVDR700001/1")
    _publish(store, "gmb-2026-1234", UTRECHT_TEXT,
             _result("Aanwijzingsbesluit digitale kanalen Utrecht 2027",
                     {"name": "Utrecht", "type": "gemeente", "code": UTRECHT},
                     [_channel(UTRECHT_TEXT, "contact_form", "het algemeen contactformulier op utrecht.nl aangewezen",
                               "Artikel 1", value="utrecht.nl")], effective_date="2027-03-01"),
             source="officielepublicaties", publication_name="Gemeenteblad",
             title="Aanwijzingsbesluit digitale kanalen Utrecht 2027", body_name="Utrecht", body_type="gemeente",
             body_code=UTRECHT, published="2026-05-01",
             url_official="https://zoek.officielebekendmakingen.nl/gmb-2026-1234.html")
    _publish(store, "gmb-2025-9999", HOSTILE_TEXT,
             _result(HOSTILE_TITLE, {"name": "Amersfoort", "type": "gemeente", "code": AMERSFOORT}, [],
                     classification="not_designation"),
             source="officielepublicaties", publication_name="Gemeenteblad", title=HOSTILE_TITLE,
             body_name="Amersfoort", body_type="gemeente", body_code=AMERSFOORT, published="2025-11-03",
             url_official="javascript:alert('url')")
    registry_update.update(store, PIPELINE, today=FROZEN.date())
    # Targeted harvests of four municipalities (Groningen: nothing found), so the pages can say
    # when we last looked, and the other 338 stay "not yet harvested".
    for source in ("officielepublicaties", "cvdr"):
        run = store.start_run(source, "targeted", since="2025-01-01", until="2026-06-14")
        for code in (DEN_BOSCH, UTRECHT, AMERSFOORT, GRONINGEN):
            window = store.start_window(run, source, "targeted", "2025-01-01", "2026-06-14", body_filter=code)
            store.update_window(window, status="done", records_seen=1)
        store.finish_run(run, "done", records_seen=4, documents_stored=4)
