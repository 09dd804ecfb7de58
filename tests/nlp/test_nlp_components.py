"""Each Kanaalwijzer spaCy component on a blank Dutch pipeline, on sentences written by us."""
import pytest
import spacy

import nlp  # noqa: F401  registers the factories
from nlp.authority import find_authority, find_organs
from nlp.dates import find_dates, to_iso
from nlp.legal import legal_basis, withdrawn

DECISION = """Aanwijzingsbesluit elektronische kanalen Oisterwijk 2026
Het college van burgemeester en wethouders van Oisterwijk;
gelet op artikel 2:13, tweede lid, van de Algemene wet bestuursrecht;
besluit:
Artikel 1 Begripsbepalingen
In dit besluit wordt verstaan onder:
a. webformulier: een formulier op www.oisterwijk.nl;
Artikel 2 Aanwijzing
1. Voor aanvragen wordt het webformulier op www.oisterwijk.nl aangewezen.
2. Is er geen webformulier, dan wordt het algemeen contactformulier aangewezen.
3. E-mail is geen aangewezen kanaal.
Artikel 3 Inwerkingtreding
Dit besluit treedt in werking op 1 januari 2026.
"""


def pipe(*names):
    p = spacy.blank("nl")
    for name in names:
        p.add_pipe(name)
    return p


def channels_of(doc):
    return [(c["kind"], c["status"], c["evidence"]["location"]) for c in doc._.kw_channels]


def test_prefilter_flags_unrelated_text():
    p = pipe("kw_prefilter")
    assert p("Vergunning verleend voor het kappen van een eik aan de Dorpsstraat.")._.kw_relevant is False
    assert p("Besluit elektronisch berichtenverkeer")._.kw_relevant is True
    assert p("gelet op artikel 2:13, tweede lid, Awb")._.kw_relevant is True


def test_structure_spans_and_title():
    doc = pipe("kw_structure")(DECISION)
    labels = {(s.label_, s.text.split("\n")[0]) for s in doc.spans["kw_structure"]}
    assert ("article", "Artikel 2 Aanwijzing") in labels
    assert ("definition", "a. webformulier: een formulier op www.oisterwijk.nl;") in labels
    lids = [b.label for b in doc._.kw_blocks if b.kind == "lid"]
    assert lids == ["Artikel 2 lid 1", "Artikel 2 lid 2", "Artikel 2 lid 3"]
    assert doc._.kw_title == "Aanwijzingsbesluit elektronische kanalen Oisterwijk 2026"


def test_structure_on_unnormalised_text_keeps_offsets_valid():
    text = "Titel\n\n\nArtikel 1  Aanwijzing\n1.  Het  webformulier wordt aangewezen.\n"
    doc = pipe("kw_structure")(text)
    for b in doc._.kw_blocks:
        assert 0 <= b.start < b.end <= len(text)
    lid = next(b for b in doc._.kw_blocks if b.kind == "lid")
    assert text[lid.start:lid.end].startswith("1.  Het  webformulier")


def test_channels_designation_condition_exclusion_and_definition():
    doc = pipe("kw_prefilter", "kw_structure", "kw_channels")(DECISION)
    found = channels_of(doc)
    assert ("web_form", "designated", "Artikel 2 lid 1") in found
    # "Is er geen webformulier, dan ...": a condition, the contact form is still designated
    assert ("contact_form", "designated", "Artikel 2 lid 2") in found
    assert ("web_form", "excluded", "Artikel 2 lid 2") not in found
    assert ("email", "excluded", "Artikel 2 lid 3") in found
    # the definition in Artikel 1 designates nothing
    assert not [f for f in found if f[2].startswith("Artikel 1")]
    for ch in doc._.kw_channels:
        ev = ch["evidence"]
        assert doc.text[ev["start"]:ev["end"]] == ev["text"]
        assert ev["start"] <= ch["mention"]["start"] < ch["mention"]["end"] <= ev["end"]


@pytest.mark.parametrize("sentence, expected", [
    ("Berichten kunnen worden ingediend via het webformulier, met uitzondering van berichten per e-mail.",
     {("web_form", "designated"), ("email", "excluded")}),
    ("Het college wijst het contactformulier aan; e-mail en WhatsApp zijn uitgesloten.",
     {("contact_form", "designated"), ("email", "excluded"), ("other", "excluded")}),
    ("Voor onderwerpen die niet in de bijlage staan, wordt het contactformulier aangewezen.",
     {("contact_form", "designated")}),
    ("Een bezwaarschrift kan niet per e-mail worden ingediend.", {("email", "excluded")}),
    ("Het Omgevingsloket wordt als kanaal gebruikt voor berichten onder de Omgevingswet.",
     {("omgevingsloket", "designated")}),
    ("De gemeente verstuurt besluiten via de Berichtenbox.", set()),  # outgoing, not designated
    ("Het webformulier staat op de website.", set()),               # no designating words
    # a channel named only in the condition of a conditional is not designated by its consequent
    ("Is er geen specifiek formulier beschikbaar, dan kan het bericht worden verzonden via het contactformulier.",
     {("contact_form", "designated")}),
    ("Berichten per fax worden niet in behandeling genomen.", {("other", "excluded")}),
    ("De fax is geen aangewezen kanaal.", {("other", "excluded")}),
])
def test_channel_statuses_in_operative_sentences(sentence, expected):
    doc = pipe("kw_prefilter", "kw_structure", "kw_channels")("Aanwijzingsbesluit kanalen\n" + sentence)
    assert {(c["kind"], c["status"]) for c in doc._.kw_channels} == expected


def test_rechtsmiddelenclausule_designates_nothing():
    text = ("Besluit elektronische kanalen\nTegen dit besluit kunt u binnen zes weken bezwaar maken; "
            "het bezwaarschrift kan worden ingediend via het webformulier.")
    doc = pipe("kw_prefilter", "kw_structure", "kw_channels")(text)
    assert doc._.kw_channels == []


def test_annex_rows_inherit_designation_with_row_scope():
    text = ("Aanwijzingsbesluit elektronische kanalen\nArtikel 1 Aanwijzing\n"
            "De kanalen zijn per proces aangewezen in bijlage 1.\nBijlage 1\n"
            "| Proces | Kanaal |\n|---|---|\n| Melding openbare ruimte | meldingsformulier op www.x.nl/melding |\n"
            "| Bezwaarschrift | MijnGemeente; e-mail is niet toegestaan |\n")
    doc = pipe("kw_prefilter", "kw_structure", "kw_channels")(text)
    got = {(c["kind"], c["status"], c["scope"], c["evidence"]["location"]) for c in doc._.kw_channels}
    assert got == {("web_form", "designated", "Melding openbare ruimte", "Bijlage 1, rij 1"),
                   ("portal", "designated", "Bezwaarschrift", "Bijlage 1, rij 2"),
                   ("email", "excluded", "Bezwaarschrift", "Bijlage 1, rij 2")}


def test_annex_not_referenced_by_a_designation_is_ignored():
    text = ("Besluit elektronische kanalen\nArtikel 1\nBijlage 1 bevat een overzicht.\nBijlage 1\n"
            "| Proces | Omschrijving |\n|---|---|\n| Melding | webformulier |\n")
    doc = pipe("kw_prefilter", "kw_structure", "kw_channels")(text)
    assert doc._.kw_channels == []


def test_legal_basis_and_withdrawal():
    assert legal_basis(DECISION) == ["Awb 2:13 lid 2"]
    old = "gelet op artikel 2:15 van de Algemene wet bestuursrecht;\n"
    assert legal_basis(old) == ["Awb 2:15 (oud)"]
    # a definition citing 2:13 eerste lid is no basis
    assert legal_basis("kanaal: een wijze als bedoeld in artikel 2:13, eerste lid, Awb;") == []
    assert withdrawn("Het Besluit elektronisch verkeer Oisterwijk 2010 wordt ingetrokken.") == [
        "Besluit elektronisch verkeer Oisterwijk 2010"]
    doc = pipe("kw_prefilter", "kw_legal")(DECISION)
    assert doc._.kw_legal_basis == ["Awb 2:13 lid 2"]


def test_dates_explicit_relative_and_cvdr_furniture():
    assert to_iso("1 januari 2026") == "2026-01-01"
    assert to_iso("01-01-2026") == "2026-01-01"
    assert to_iso("31 februari 2026") is None
    rel = find_dates("Dit besluit treedt in werking met ingang van de dag na bekendmaking.")
    assert rel == {"decision_date": None, "effective_date": None, "effective_rule": "de dag na bekendmaking"}
    assert find_dates(DECISION)["effective_date"] == "2026-01-01"
    furniture = ("Overzicht van in de tekst verwerkte wijzigingen\nDatum inwerkingtreding\nBetreft\n"
                 "01-03-2024bijlage 1\n20-02-2024\n01-06-202201-03-2024nieuwe regeling\n12-05-2022\n"
                 "Tekst van de regeling\n")
    # the newest row only changed an annex: the text itself took effect with the original
    assert find_dates(furniture) == {"decision_date": "2022-05-12", "effective_date": "2022-06-01",
                                     "effective_rule": None}
    assert find_dates("Geldend van 16-10-2015 t/m heden met terugwerkende kracht vanaf 01-01-2015")[
        "effective_date"] == "2015-01-01"
    doc = pipe("kw_dates")("Aldus vastgesteld in de vergadering van 3 december 2025.")
    assert doc._.kw_decision_date == "2025-12-03"


def test_authority_and_organs():
    body = find_authority(DECISION, {}, "Aanwijzingsbesluit elektronische kanalen Oisterwijk 2026")
    assert (body.name, body.code) == ("Oisterwijk", "GM0824")
    assert find_organs(DECISION) == ["college van burgemeester en wethouders"]
    joint = "De raad, het college en de burgemeester van Súdwest-Fryslân, ieder voor zover bevoegd;"
    assert find_organs(joint) == ["raad", "college van burgemeester en wethouders", "burgemeester"]
    prov = find_authority("Provinciaal blad van Utrecht\nBesluit kanalen", {}, None)
    assert (prov.type, prov.code) == ("provincie", "PV26")
    cvdr = find_authority("Organisatie Brabantse Delta\nOrganisatietype Waterschap\n", {}, None)
    assert cvdr.type == "waterschap"
    doc = pipe("kw_prefilter", "kw_structure", "kw_authority")(DECISION)
    assert doc._.kw_authority == {"name": "Oisterwijk", "type": "gemeente", "code": "GM0824"}


def test_classifier_regimes_and_negatives():
    p = nlp.get_nlp()
    assert p(DECISION)._.kw_classification == "wmebv_designation"
    pre = ("Besluit openstelling elektronische weg Oisterwijk\nHet college van Oisterwijk;\n"
           "gelet op artikel 2:15 van de Algemene wet bestuursrecht;\nbesluit:\nArtikel 1\n"
           "De elektronische weg is open voor berichten via het webformulier.\n")
    assert p(pre)._.kw_classification == "pre_wmebv_designation"
    mandate = ("Mandaatbesluit Oisterwijk 2026\nHet college van Oisterwijk;\ngelet op artikel 2:13, tweede lid, Awb;\n"
               "besluit:\nArtikel 1\nBerichten kunnen worden ingediend via het webformulier.\n")
    doc = p(mandate)
    assert doc._.kw_classification == "not_designation"
    assert doc._.kw_channels == []  # a non-designation reports no designated channels
    page = "Digitaal berichtenverkeer\nVanaf 2026 kunt u berichten sturen via het webformulier. De Wmebv geldt."
    doc = p(page)
    assert doc._.kw_classification == "not_designation"
    assert any("besluitvorm" in r for r in doc._.kw_reasons)
    assert 0 < doc._.kw_confidence <= 1


def test_list_items_take_the_status_of_their_lead_in():
    text = ("Aanwijzingsbesluit digitale kanalen\nArtikel 1 Aanwijzing\n"
            "Het college wijst de volgende kanalen aan:\na. het e-formulier op www.epe.nl;\nb. MijnEpe, na inloggen met DigiD.\n"
            "Artikel 2 Uitgesloten\nDe volgende kanalen zijn niet aangewezen:\n- e-mail;\n- WhatsApp.\n"
            "Artikel 3 Overig\nDe gemeente beschikt ook over:\na. een webformulier voor vragen.\n")
    doc = pipe("kw_prefilter", "kw_structure", "kw_channels")(text)
    got = {(c["kind"], c["status"], c["evidence"]["location"], tuple(c["auth"])) for c in doc._.kw_channels}
    assert got == {("web_form", "designated", "Artikel 1 onder a", ()),
                   ("portal", "designated", "Artikel 1 onder b", ("digid",)),
                   ("email", "excluded", "Artikel 2", ()),
                   ("other", "excluded", "Artikel 2", ())}


def test_second_name_for_the_same_channel_is_not_a_second_channel():
    finder = nlp.get_nlp().get_pipe("kw_channels")
    kinds = [k for k, _, _ in finder.mentions("via een webformulier op de gemeentelijke website (Digitaal Loket)")]
    assert kinds == ["web_form"]
    kinds = [k for k, _, _ in finder.mentions("met de formulieren van het digitaal loket")]
    assert kinds == ["web_form"]
    kinds = [k for k, _, _ in finder.mentions("via het webformulier of via MijnGemeente")]
    assert kinds == ["web_form", "portal"]


def test_council_proposal_is_not_a_designation():
    text = ("Raadsvoorstel Aanwijzingsbesluit elektronische kanalen gemeente Delft\nGelet op artikel 2:13, tweede lid, Awb;\n"
            "de raad besluit:\n1. het aanwijzingsbesluit vast te stellen, waarin het webformulier wordt aangewezen.\n")
    doc = nlp.get_nlp()(text)
    assert doc._.kw_classification == "not_designation" and doc._.kw_channels == []


def test_confirmation_by_email_is_not_a_designated_way_in():
    text = ("Aanwijzingsbesluit elektronische kanalen\nArtikel 2\n"
            "Het webformulier wordt aangewezen, waarna u per e-mail een ontvangstbevestiging krijgt.\n")
    doc = pipe("kw_prefilter", "kw_structure", "kw_channels")(text)
    assert {(c["kind"], c["status"]) for c in doc._.kw_channels} == {("web_form", "designated")}


@pytest.mark.parametrize("text, title, expected", [
    ("Besluit\nDe raad van de gemeente 's-Hertogenbosch;\n", None, ("'s-Hertogenbosch", "GM0796")),
    ("Besluit\nBurgemeester en wethouders van Bergen (NH);", None, ("Bergen NH", "GM0373")),
    ("Besluit\n", "Besluit elektronische kanalen Provincie Utrecht 2026", ("Utrecht", "PV26")),
    ("Besluit\n", "Regeling elektronisch berichtenverkeer Wetterskip Fryslân", ("Wetterskip Fryslân", "waterschap:fryslan")),
    ("Waterschapsblad van Rivierenland\nBesluit", None, ("Waterschap Rivierenland", "waterschap:rivierenland")),
    ("Blad gemeenschappelijke regeling van Veiligheidsregio Utrecht\n", None,
     ("Veiligheidsregio Utrecht", "gr:veiligheidsregio-utrecht")),
])
def test_authority_forms(text, title, expected):
    from nlp.authority import authority_json
    found = authority_json(find_authority(text, {}, title))
    assert (found["name"], found["code"]) == expected


def test_authority_comparison_of_the_scorer():
    from nlp.evaluate import same_authority
    assert same_authority("Bergen NH", "gemeente Bergen (NH)")
    assert same_authority("GBLT", "GBLT (Gemeentelijk Belastingkantoor Twente)")
    assert same_authority("Fryslân", "provincie Fryslan")
    assert not same_authority("Utrecht", "gemeente Utrechtse Heuvelrug")
    assert not same_authority(None, "gemeente Veere")


@pytest.mark.parametrize("phrase", [
    "het algemeen contactformulier", "een specifiek webformulier", "het e-formulier", "MijnGemeente", "de PIP",
    "persoonlijke internetpagina", "het e-loket", "het Waterschapsloket", "het subsidieportaal", "per e-mail",
    "info@veere.nl", "elektronische post", "het Omgevingsloket", "het DSO", "de Berichtenbox", "MijnOverheid",
    "het centraal loket", "het Ondernemersplein", "in de uitnodiging aangegeven", "Digipoort", "WhatsApp",
    "sociale media", "de app", "sms-berichten", "per mail"])
def test_every_channel_phrase_passes_the_cheap_word_gate(phrase):
    finder = nlp.get_nlp().get_pipe("kw_channels")
    assert finder.mentions(phrase), phrase
    assert any(w in phrase.lower() for w in finder.mention_words)


def test_policy_vision_on_channels_is_not_a_designation():
    text = ("Visie op digitale kanalen gemeente Epe 2026\nHet college van burgemeester en wethouders van Epe;\n"
            "besluit:\nde Visie op digitale kanalen vast te stellen.\n1. Inleiding\n"
            "Inwoners kunnen ons via het webformulier bereiken.\n")
    doc = nlp.get_nlp()(text)
    assert doc._.kw_classification == "not_designation"
