"""The scope fields of the extract contract and the structural channel rules, one short text per rule.

Every text is our own, written for the rule it names; the wording varies on purpose (the unseen set is
written by other hands).
"""
import pytest

from nlp.pipeline import extract

HEAD = ("Aanwijzingsbesluit elektronische kanalen gemeente Lochem 2026\n\nBurgemeester en wethouders van Lochem;\n\n"
        "gelet op artikel 2:13, tweede lid, van de Algemene wet bestuursrecht;\n\nbesluiten:\n\n")


def run(body: str) -> dict:
    return extract(HEAD + body, "t.txt")


def chans(body: str, status: str | None = None) -> list[dict]:
    return [c for c in run(body)["channels"] if status is None or c["status"] == status]


def one(body: str, kind: str, status: str = "designated") -> dict:
    found = [c for c in chans(body) if c["kind"] == kind and c["status"] == status]
    assert len(found) == 1, chans(body)
    return found[0]


# -- channel kinds ------------------------------------------------------------------------------------
@pytest.mark.parametrize("sentence", [
    "Artikel 1\nOndernemers kunnen hun berichten ook sturen via de Berichtenbox voor Bedrijven.\n",
    "Artikel 1\nVoor een procedure onder de Dienstenwet is mede de Berichtenbox voor ondernemers aangewezen.\n",
    "Artikel 1 Begrippen\nIn dit besluit wordt verstaan onder:\na. berichtenbox: de omgeving waarin dienstverleners "
    "met overheden berichten uitwisselen;\nArtikel 2\nAanvragen van dienstverleners kunnen worden ingediend via de "
    "berichtenbox.\n",
])
def test_the_berichtenbox_of_the_dienstenwet_is_the_dienstenwet_loket(sentence):
    kinds = {(c["kind"], c["status"]) for c in chans(sentence)}
    assert ("dienstenwet_loket", "designated") in kinds and ("berichtenbox", "designated") not in kinds


def test_the_mijnoverheid_berichtenbox_stays_berichtenbox():
    assert one("Artikel 1\nBerichten kunnen worden verzonden via de Berichtenbox van MijnOverheid.\n", "berichtenbox")


@pytest.mark.parametrize("sentence", [
    "Artikel 1\nVoor alle andere berichten is www.lochem.nl/contactformulier aangewezen.\n",
    "Artikel 1\nOverige berichten kunnen worden verstuurd via https://www.lochem.nl/contact.\n",
    "Artikel 1\nHet restkanaal is het formulier op de pagina 'Contact en openingstijden | Gemeente Lochem'.\n",
])
def test_a_fallback_written_as_a_link_or_page_title_is_the_contact_form(sentence):
    assert {c["kind"] for c in chans(sentence, "designated")} == {"contact_form"}


@pytest.mark.parametrize("sentence, org", [
    ("Artikel 1\nBerichten over de afvalstoffenheffing worden verzonden via het kanaal dat GBLT daarvoor heeft "
     "aangewezen.\n", "GBLT"),
    ("Artikel 1\nVoor berichten over het sociaal domein geldt het door Sociaal Domein Achterhoek aangewezen kanaal.\n",
     "Sociaal Domein Achterhoek"),
])
def test_the_channel_of_an_organisation_that_works_for_the_body(sentence, org):
    ch = one(sentence, "other")
    assert ch["organisation"] == org and ch["applies_to"] == "listed"


def test_portal_names_are_not_cut():
    assert one("Artikel 1\nAanvragen worden ingediend via Mijn Sint Michielsgestel.\n", "portal")["value"] \
        == "Mijn Sint Michielsgestel"


def test_a_plain_form_in_a_named_loket_is_the_loket_a_named_form_is_the_form():
    assert {c["kind"] for c in chans("Artikel 1\nAanvragen worden ingediend met het daarvoor bestemde formulier in het "
                                     "e-loket.\n", "designated")} == {"portal"}
    assert {c["kind"] for c in chans("Artikel 1\nEen bezwaarschrift wordt ingediend met het formulier 'Bezwaar' in het "
                                     "e-loket.\n", "designated")} == {"web_form"}


def test_a_term_the_decision_defines_as_a_channel_is_one():
    body = ("Artikel 1\nIn dit besluit wordt verstaan onder:\na. schadeloket: het webformulier op www.lochem.nl/schade;\n"
            "Artikel 2\nVoor verzoeken om schadevergoeding is het schadeloket aangewezen.\n")
    ch = one(body, "web_form")
    assert ch["messages"] == ["verzoek om schadevergoeding"] and "www.lochem.nl/schade" in ch["value"]


def test_the_value_is_the_address_the_definition_gives():
    body = ("Artikel 1\nIn dit besluit wordt verstaan onder:\na. centraal e-mailadres: het adres post@lochem.nl;\n"
            "Artikel 2\nMeldingen kunnen worden gezonden aan het centrale e-mailadres.\n")
    assert one(body, "email")["value"] == "post@lochem.nl"


# -- where a designation can stand --------------------------------------------------------------------
def test_the_preamble_designates_nothing_even_as_a_bullet_list():
    text = ("Besluit digitale kanalen Lochem 2026\nHet college van Lochem;\noverwegende dat:\n- het college e-mail "
            "voor zienswijzen wil toestaan;\n- inwoners berichten via MijnLochem kunnen verzenden;\nbesluit:\n"
            "Artikel 1\nHet contactformulier is aangewezen.\nArtikel 2 Dit besluit treedt in werking op 1 januari 2026.\n")
    assert {c["kind"] for c in extract(text, "t.txt")["channels"]} == {"contact_form"}


def test_after_the_signature_nothing_designates_until_an_annex():
    body = ("Artikel 1\nVoor de processen in bijlage 1 zijn de daar vermelde kanalen aangewezen.\n"
            "Lochem, 4 december 2025\nburgemeester en wethouders,\nVragen? Mail ons gerust via info@lochem.nl of stuur een "
            "bericht via MijnLochem.\nBijlage 1\n| Proces | Kanaal |\n|---|---|\n| Klacht | webformulier www.lochem.nl/klacht |\n")
    assert {c["kind"] for c in chans(body)} == {"web_form"}


def test_a_rechtsmiddelen_section_designates_nothing():
    body = ("Artikel 1\nHet contactformulier is aangewezen voor alle berichten.\nArtikel 2\nDit besluit treedt in werking "
            "op 1 januari 2026.\nBezwaar en beroep\nU kunt uw bezwaarschrift ook digitaal indienen via het e-formulier "
            "Bezwaar op www.lochem.nl/bezwaar.\n")
    assert {c["kind"] for c in chans(body)} == {"contact_form"}


def test_notes_after_the_annex_designate_nothing():
    body = ("Artikel 1\nVoor de processen in bijlage 1 zijn de daar vermelde kanalen aangewezen.\nBijlage 1\n"
            "| Proces | Kanaal |\n|---|---|\n| Subsidie | MijnLochem |\nToelichting\nZienswijzen kunnen ook per e-mail "
            "worden ingediend, zo kan het college besluiten.\n")
    assert {c["kind"] for c in chans(body)} == {"portal"}


def test_a_channel_named_as_the_one_that_applies_anyway_is_not_designated_again():
    body = "Artikel 1\nDienstenwetberichten kunnen naast het contactformulier ook via het Ondernemersplein worden verzonden.\n"
    found = chans(body)
    assert [(c["kind"], c["additional"]) for c in found] == [("dienstenwet_loket", True)]


def test_a_login_requirement_negated_is_no_exclusion():
    found = chans("Artikel 1\nHet contactformulier is aangewezen. Voor dat formulier is inloggen met DigiD niet nodig.\n")
    assert [(c["kind"], c["status"]) for c in found] == [("contact_form", "designated")]


def test_an_anaphor_after_a_condition_designates_nothing_new():
    body = ("Artikel 1\nNoemt de bijlage bij een proces een e-mailadres, dan is dat e-mailadres alleen voor dat proces "
            "aangewezen.\n")
    assert [c for c in chans(body) if c["status"] == "designated"] == []


# -- which messages ----------------------------------------------------------------------------------
@pytest.mark.parametrize("sentence, messages", [
    ("Artikel 1\nVoor klachten over de dienstverlening wordt het e-formulier Klacht aangewezen.\n",
     ["klacht over de dienstverlening"]),
    ("Artikel 1\nEen zienswijze op een ontwerpbestemmingsplan kan worden ingediend via het webformulier.\n",
     ["zienswijze op een ontwerpbestemmingsplan"]),
    ("Artikel 1\nHet webformulier Melden is aangewezen voor meldingen over groen en bestrating.\n",
     ["melding over groen en bestrating"]),
    ("Artikel 1\nVoor het indienen van een aanvraag, een melding of een bezwaarschrift wordt MijnLochem aangewezen.\n",
     ["aanvraag", "melding", "bezwaarschrift"]),
    ("Artikel 1\nAanvragen en meldingen onder de Omgevingswet worden ingediend via het Omgevingsloket.\n",
     ["aanvraag onder de Omgevingswet", "melding onder de Omgevingswet"]),
])
def test_messages_come_from_the_designating_frame(sentence, messages):
    ch = [c for c in chans(sentence) if c["status"] == "designated"][0]
    assert ch["applies_to"] == "listed" and ch["messages"] == messages
    assert ch["scope"] and not ch["scope"][0].isupper()


def test_messages_under_a_lead_in_list():
    body = ("Artikel 1\nVoor de volgende berichten is MijnLochem aangewezen:\na. een aanvraag om bijzondere bijstand;\n"
            "b. een melding van een wijziging in het inkomen.\nArtikel 2\nHet contactformulier is aangewezen voor "
            "alle andere berichten.\n")
    ch = one(body, "portal")
    assert ch["messages"] == ["aanvraag om bijzondere bijstand", "melding van een wijziging in het inkomen"]
    assert one(body, "contact_form")["applies_to"] == "rest"


@pytest.mark.parametrize("sentence", [
    "Artikel 1\nVoor berichten waarvoor geen ander kanaal is aangewezen, geldt het contactformulier.\n",
    "Artikel 1\nBerichten die niet in de bijlage zijn genoemd, kunnen worden verzonden via het contactformulier.\n",
    "Artikel 1\nAlle overige berichten worden verzonden via het contactformulier.\n",
])
def test_the_fallback_is_rest(sentence):
    ch = one(sentence, "contact_form")
    assert (ch["applies_to"], ch["messages"], ch["scope"]) == ("rest", [], "alle overige berichten")


def test_a_designation_for_all_messages_has_no_scope():
    ch = one("Artikel 1\nAls kanaal voor alle formele berichten aan het college wijzen wij het contactformulier aan.\n",
             "contact_form")
    assert (ch["applies_to"], ch["scope"]) == ("all", None)


def test_an_exception_named_in_the_clause():
    found = chans("Artikel 1\nBerichten kunnen per e-mail worden verzonden, met uitzondering van bezwaarschriften.\n")
    des = [c for c in found if c["status"] == "designated"][0]
    exc = [c for c in found if c["status"] == "excluded"][0]
    assert (des["applies_to"], des["except_messages"]) == ("all", ["bezwaarschrift"])
    assert (exc["applies_to"], exc["messages"]) == ("listed", ["bezwaarschrift"])


def test_an_exception_by_reference():
    body = ("Artikel 1\nBezwaarschriften, behalve bezwaarschriften als bedoeld in artikel 2, worden ingediend via het "
            "e-formulier Bezwaar.\nArtikel 2\nBezwaarschriften over belastingen worden ingediend via MijnBelastingen.\n")
    assert one(body, "web_form")["except_refs"] == ["Artikel 2"]


@pytest.mark.parametrize("modifier, field, value", [
    ("2. Het eerste lid geldt niet voor zienswijzen.", "except_messages", ["zienswijze"]),
    ("2. Een klacht valt niet onder het eerste lid.", "except_messages", ["klacht"]),
    ("2. Het eerste lid is niet van toepassing op berichten als bedoeld in artikel 3.", "except_refs", ["Artikel 3"]),
    ("2. Dit artikel laat artikel 3 onverlet.", "except_refs", ["Artikel 3"]),
])
def test_provisions_that_change_another_ones_scope(modifier, field, value):
    body = f"Artikel 1\n1. Het contactformulier is aangewezen voor alle berichten.\n{modifier}\nArtikel 3\nHet " \
           "Omgevingsloket is aangewezen voor berichten op grond van de Omgevingswet.\n"
    assert one(body, "contact_form")[field] == value


def test_in_afwijking_van_carves_the_new_provision_out_of_the_old():
    body = ("Artikel 1\nHet contactformulier is aangewezen voor alle berichten.\nArtikel 2\nIn afwijking van artikel 1 "
            "worden klachten ingediend via het e-formulier Klacht.\n")
    assert one(body, "contact_form")["except_refs"] == ["Artikel 2"]


def test_only_for_designates_for_those_and_excludes_the_rest():
    found = chans("Artikel 1\nE-mail is alleen aangewezen voor zienswijzen.\n")
    assert sorted((c["status"], c["applies_to"], tuple(c["messages"]), tuple(c["except_messages"])) for c in found) == [
        ("designated", "listed", ("zienswijze",), ()), ("excluded", "all", (), ("zienswijze",))]


def test_the_national_lokets_never_cover_all_messages():
    ch = one("Artikel 1\nWij wijzen ook het Omgevingsloket aan.\n", "omgevingsloket")
    assert ch["messages"] == ["berichten op grond van de Omgevingswet"]
    ch = one("Artikel 1\nDaarnaast is het Ondernemersplein aangewezen.\n", "dienstenwet_loket")
    assert ch["applies_to"] == "listed" and ch["conditions"][0]["code"] == "dienstverrichter"


def test_login_is_a_condition():
    ch = one("Artikel 1\nAanvragen om een parkeervergunning worden ingediend via MijnLochem, na inloggen met "
             "eHerkenning.\n", "portal")
    assert ch["conditions"] == [{"code": "login", "label": "alleen na inloggen met eHerkenning"}]


# -- what the decision leaves outside itself ----------------------------------------------------------
def test_messages_to_other_organs_are_outside():
    out = run("Artikel 1\nDit besluit geldt niet voor berichten aan de raad of aan de ambtenaar van de burgerlijke "
              "stand.\nArtikel 2\nHet contactformulier is aangewezen.\n")["outside"]
    assert [(o["reason"], o["messages"]) for o in out] == [
        ("scope", ["berichten aan de raad", "berichten aan de ambtenaar van de burgerlijke stand"])]
    assert out[0]["evidence"]["location"] == "Artikel 1"


def test_an_annex_row_without_electronic_channel_is_outside():
    body = ("Artikel 1\nVoor de processen in bijlage 1 zijn de daar genoemde kanalen aangewezen.\nBijlage 1\n"
            "| Proces | Kanaal |\n|---|---|\n| Aanvraag Nederlandse identiteitskaart | niet digitaal, alleen aan de balie |\n"
            "| Melding openbare ruimte | webformulier www.lochem.nl/melden |\n")
    out = run(body)["outside"]
    assert [(o["reason"], o["messages"], o["evidence"]["location"]) for o in out] == [
        ("no_channel", ["Aanvraag Nederlandse identiteitskaart"], "Bijlage 1, rij 1")]


def test_starred_rows_go_to_the_dienstenwet_channel():
    body = ("Artikel 1\nVoor de processen in bijlage 1 zijn de daar genoemde kanalen aangewezen.\nArtikel 2\nVoor "
            "procedures onder de Dienstenwet is daarnaast de Berichtenbox voor Bedrijven aangewezen; in bijlage 1 zijn "
            "deze met een * gemarkeerd.\nBijlage 1\n| Proces | Kanaal |\n|---|---|\n| Marktvergunning * | MijnLochem |\n"
            "| Kapvergunning | MijnLochem |\n")
    msgs = one(body, "dienstenwet_loket")["messages"]
    assert "Marktvergunning" in msgs and "Kapvergunning" not in msgs


# -- national wording (regulations, beleidsregels, circulaires) ---------------------------------------
NATIONAL = ("Regeling van de Minister van Landbouw van 3 maart 2011 houdende regels voor het indienen van "
            "aanvragen\n\nDe Minister van Landbouw,\n\nGelet op artikel 2:15 van de Algemene wet bestuursrecht;\n\n"
            "Besluit:\n\n")


def national(body: str) -> set[tuple[str, str]]:
    from nlp.pipeline import get_nlp, run
    from kanaalwijzer.documents import parse_document

    nlp = get_nlp()
    doc = run(parse_document((NATIONAL + body).encode(), "n.txt"), nlp, relevant=True)
    return {(c["kind"], c["status"]) for c in doc._.kw_channels}


@pytest.mark.parametrize("sentence, expected", [
    ("Artikel 1\nEen verzoek kan worden gedaan per brief, per fax of per elektronische post.\n", {("email", "designated")}),
    ("Artikel 1\nDe melding kan naar keuze telefonisch of via de website van de Rijksdienst worden gedaan.\n",
     {("web_form", "designated")}),
    ("Artikel 1\nInschrijving geschiedt uitsluitend via de internetsite www.lnv.nl.\n", {("web_form", "designated")}),
    ("Artikel 1\nElektronische indiening vindt plaats via het e-mailadres aanvragen@lnv.nl.\n", {("email", "designated")}),
    ("Artikel 1\nWijzigingen dienen per brief of, bij een nieuw rekeningnummer, per e-mail te worden doorgegeven.\n",
     {("email", "designated")}),
    ("Artikel 1\nAanvragen worden bij voorkeur digitaal ingediend via Loket Landbouw Online.\n", {("portal", "designated")}),
    ("Artikel 1\nStukken worden aangeleverd door in te loggen op Mijn-LNV-online en te kiezen voor 'indienen'.\n",
     {("portal", "designated")}),
    ("Artikel 1\nHet indienen is mogelijk indien de regeling daartoe is opengesteld via de website.\n", set()),
    ("Artikel 1\nEen aanvraag wordt ingediend door middel van het aanvraagformulier uit de bijlage.\n", set()),
    ("Artikel 1\nIn het formulier 'Aanmelding digitaal aanleveren' vermeldt de aanvrager zijn naam.\n", set()),
    ("Artikel 1\nBerichten kunnen worden verzonden via de aanvraagapplicatie, na inloggen met DigiD.\n",
     {("portal", "designated")}),
    ("Artikel 1\nDe aangifte wordt verzonden via de programmeerkoppeling, de Belastingdienst application programming "
     "interface.\n", {("other", "designated")}),
])
def test_national_wording_one_sentence_each(sentence, expected):
    assert national(sentence) == expected


def test_a_fax_is_never_designated():
    assert ("other", "designated") not in national("Artikel 1\nEen aanvraag kan per telefax worden ingediend.\n")


def test_an_annex_that_gives_the_way_designates_and_rows_of_outgoing_messages_do_not():
    body = ("Artikel 1\nDe wijze waarop het elektronisch berichtenverkeer plaatsvindt, is opgenomen in de bijlage.\n"
            "Bijlage\n| omschrijving | uitsluitend digitaal | voorziening |\n|---|---|---|\n"
            "| aangifte mestproductie | x | Digipoort |\n| beschikking over de vergoeding | x | Berichtenbox MijnOverheid |\n")
    assert national(body) == {("digipoort", "designated")}


def test_a_list_of_voor_x_colon_channel_items():
    body = ("Artikel 1\nHet college wijst de volgende kanalen aan:\n• voor klachten: het e-formulier Klacht;\n"
            "• voor alle andere berichten: het contactformulier.\n")
    assert (one(body, "web_form")["messages"], one(body, "contact_form")["applies_to"]) == (["klacht"], "rest")


def test_an_annex_row_for_all_other_messages_is_the_fallback():
    body = ("Artikel 1\nVoor de berichten in de bijlage zijn de daar vermelde kanalen aangewezen.\nBijlage\n"
            "| Bericht | Kanaal |\n|---|---|\n| Klacht | webformulier www.lochem.nl/klacht |\n"
            "| Alle andere berichten | contactformulier www.lochem.nl/contact |\n")
    assert one(body, "contact_form")["applies_to"] == "rest"
    assert not [c for c in chans(body) if c["kind"] == "as_invited"]  # "bij het bericht vermeld" is no invitation
