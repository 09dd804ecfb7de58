"""A small search corpus of our own, built for the search contract's assertions (shared by the
contract tests and the embedded backend's own tests)."""


def doc(id, title, text, *, body_code, body_name, province, published, source="officielepublicaties",
        body_type="gemeente", organs=(), kinds=(), regime=None, is_format_of=None):
    return {
        "id": id, "title": title, "text": text, "source": source,
        "publication_name": "CVDR" if source == "cvdr" else "Gemeenteblad",
        "body_name": body_name, "body_code": body_code, "body_type": body_type, "province": province,
        "organs": list(organs), "channel_kinds": list(kinds), "regime": regime,
        "classification": {"wmebv": "wmebv_designation", "pre_wmebv": "pre_wmebv_designation"}.get(regime,
                                                                                                  "not_designation"),
        "year": int(published[:4]) if published else None, "published": published, "modified": published,
        "url_official": f"https://example.test/{id}", "is_format_of": is_format_of,
    }


CORPUS = [
    doc("gmb-2025-552188", "Aanwijzingsbesluit elektronische kanalen gemeente Utrecht 2026",
        "Het college van burgemeester en wethouders van Utrecht, gelet op artikel 2:13, tweede lid, van de "
        "Algemene wet bestuursrecht, besluit: Artikel 1. Als elektronisch kanaal wordt aangewezen het "
        "webformulier op de website. Artikel 2. E-mail is geen aangewezen kanaal. Bezwaar via het "
        "webformulier met DigiD.",
        body_code="GM0344", body_name="Utrecht", province="Utrecht", published="2025-12-01",
        organs=["college van burgemeester en wethouders"], kinds=["web_form"], regime="wmebv"),
    doc("CVDR754606_1", "Aanwijzingsbesluit elektronische kanalen gemeente Utrecht 2026",
        "Geconsolideerde tekst. Gelet op artikel 2:13 van de Algemene wet bestuursrecht wijst het college het "
        "webformulier aan. Wetstechnische informatie.",
        body_code="GM0344", body_name="Utrecht", province="Utrecht", published="2025-12-15", source="cvdr",
        organs=["college van burgemeester en wethouders"], kinds=["web_form"], regime="wmebv",
        is_format_of="gmb-2025-552188"),
    doc("gmb-2025-100001", "Besluit digitale kanalen 's-Gravenhage",
        "De burgemeester en de gemeenteraad van Den Haag wijzen de Berichtenbox en het Omgevingsloket aan. "
        "Berichten via sociale media worden niet in behandeling genomen. Café-eigenaren gebruiken het "
        "ondernemersloket.",
        body_code="GM0518", body_name="'s-Gravenhage", province="Zuid-Holland", published="2025-06-30",
        organs=["burgemeester", "gemeenteraad"], kinds=["berichtenbox", "omgevingsloket"], regime="wmebv"),
    doc("gmb-2019-4242", "Besluit elektronisch verkeer 's-Hertogenbosch",
        "Op grond van artikel 2:15 van de Algemene wet bestuursrecht is de gemeente per e-mail bereikbaar, "
        "behalve voor bezwaarschriften. Het kanaal e-mail staat open voor aanvragen.",
        body_code="GM0796", body_name="'s-Hertogenbosch", province="Noord-Brabant", published="2019-03-01",
        organs=["college van burgemeester en wethouders"], kinds=["email"], regime="pre_wmebv"),
    doc("gmb-2024-777", "Aanwijzingsbesluit heffingsambtenaar Utrecht",
        "Het college wijst de heffingsambtenaar aan voor de gemeentelijke belastingen. <script>alert('x')</script> "
        "Niets over elektronische berichten.",
        body_code="GM0344", body_name="Utrecht", province="Utrecht", published="2024-02-10"),
    doc("prb-2026-12", "Aanwijzingsbesluit elektronische kanalen provincie Utrecht",
        "Gedeputeerde Staten wijzen het contactformulier en MijnProvincie aan als kanalen.",
        body_code="PV26", body_name="Utrecht", body_type="provincie", province="Utrecht", published="2026-01-05",
        organs=["gedeputeerde staten"], kinds=["contact_form", "portal"], regime="wmebv"),
    doc("bgr-2022-8", "Besluit berichtenverkeer Regio Achterhoek", "Het algemeen bestuur besluit over post.",
        body_code="gr:regio-achterhoek", body_name="Regio Achterhoek", body_type="gemeenschappelijke_regeling",
        province="Gelderland", published="2022-05-01"),
    doc("gmb-2023-5", "Mandaatbesluit", "Verlening van mandaat aan de afdelingshoofden. Geen kanalen.",
        body_code="GM0363", body_name="Amsterdam", province="Noord-Holland", published=None),
    doc("gmb-2023-7", "Regeling meldingen openbare ruimte", "Een melding doet u met het digitale formulier.",
        body_code="GM0193", body_name="Zwolle", province="Overijssel", published="2023-04-04"),
]
