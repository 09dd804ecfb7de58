"""The real scorer (nlp/evaluate.py, the code behind `kanaalwijzer evaluate`) on our own stress set.

tests/files/nlp/generalisation/ holds short documents written by us, in the genre of the unseen
evaluation set: Wmebv designations (VNG model and local variants, provinces, water boards, joint
bodies, flattened annex tables, cut-off texts, CVDR furniture), pre-Wmebv decisions under old
Awb 2:15, and hard negatives (other aanwijzingsbesluiten, mandates, publication rules, a council
proposal, a blog, web pages, news, a privacy statement, a complaints regulation). The gold was
written before the extractor was run on the documents.
"""

import pytest

from nlp.evaluate import evaluate, format_table
from tests.support import FILES

STRESS = FILES / "nlp" / "generalisation"


def test_stress_set_is_large_and_varied():
    docs = sorted((STRESS / "docs").glob("*.txt"))
    prefixes = [d.name.split("_")[0] for d in docs]
    assert len(docs) >= 30
    assert min(prefixes.count(p) for p in ("pos", "pre", "neg")) >= 4


def test_stress_set_meets_acceptance():
    score = evaluate(STRESS)
    d = score.as_dict()
    table = format_table(score)
    assert d["documents"] == len(list((STRESS / "docs").glob("*.txt"))), table
    assert d["classification_correct"] == d["documents"], table
    assert d["critical_errors"] == [], table
    assert d["channel_recall"] >= 0.9, table
    assert d["channel_precision"] >= 0.9, table


# -- the general rules the stress set called for, one sentence each --------------------------

from nlp.pipeline import extract  # noqa: E402

HEAD = ("Aanwijzingsbesluit elektronische kanalen gemeente Epe 2026\n\nHet college van burgemeester en "
        "wethouders van Epe;\n\ngelet op artikel 2:13, tweede lid, van de Algemene wet bestuursrecht;\n\n"
        "besluit:\n\nArtikel 1\n")


def _channels(body: str) -> set[tuple[str, str]]:
    out = extract(HEAD + body, "t.txt")
    return {(c["kind"], c["status"]) for c in out["channels"]}


def test_channel_named_in_a_negated_condition_gets_no_status():
    found = _channels("Voor formele berichten die niet via Mijn Loket kunnen worden verzonden, "
                      "wordt het algemene contactformulier aangewezen.\n")
    assert found == {("contact_form", "designated")}


def test_exclusions_after_an_uitgezonderd_colon():
    found = _channels("Als kanaal wordt het contactformulier aangewezen.\n\nArtikel 2\n"
                      "Van de aanwijzing is uitgezonderd: het verzenden van berichten per e-mail of sms.\n")
    assert ("email", "excluded") in found and ("other", "excluded") in found
    assert ("email", "designated") not in found


def test_loket_that_houses_the_form_is_no_channel_of_its_own():
    assert _channels("Aanvragen kunnen worden ingediend via het webformulier in het subsidieloket.\n") == {
        ("web_form", "designated")}
    # two channels joined by "en" stay two
    assert _channels("Als kanalen worden het e-loket en het contactformulier aangewezen.\n") == {
        ("portal", "designated"), ("contact_form", "designated")}


def test_flattened_annex_rows_inherit_the_designation():
    found = _channels("Voor de in bijlage 1 genoemde processen worden de daarbij vermelde kanalen aangewezen.\n\n"
                      "Bijlage 1 Processen en kanalen\nBezwaarschrift webformulier www.epe.nl/bezwaar\n"
                      "Aanvraag bijstand MijnEpe (inloggen met DigiD)\n")
    assert found == {("web_form", "designated"), ("portal", "designated")}


def test_old_regime_stelt_open_designates():
    out = extract("Besluit elektronisch verkeer waterschap Aa en Maas\n\nHet dagelijks bestuur;\n\ngelet op "
                  "artikel 2:15 van de Algemene wet bestuursrecht;\n\nbesluit:\n\nArtikel 1\nHet waterschap stelt "
                  "de elektronische weg open voor aanvragen via de elektronische formulieren op de website.\n", "t.txt")
    assert out["classification"] == "pre_wmebv_designation"
    assert {(c["kind"], c["status"]) for c in out["channels"]} == {("web_form", "designated")}


def test_mandate_decision_is_no_designation_even_when_it_mandates_designating():
    out = extract("Mandaatbesluit elektronische kanalen gemeente Epe 2026\n\nHet college van Epe;\n\ngelet op "
                  "afdeling 10.1.1 van de Algemene wet bestuursrecht;\n\nbesluit:\n\nArtikel 1\nAan de "
                  "gemeentesecretaris wordt mandaat verleend om de kanalen aan te wijzen als bedoeld in artikel "
                  "2:13, tweede lid, Awb, waaronder het contactformulier.\n", "t.txt")
    assert out["classification"] == "not_designation" and out["channels"] == []


def test_joint_body_is_not_the_province_in_its_name():
    out = extract("Aanwijzingsbesluit elektronische kanalen Veiligheidsregio Zuid-Holland Zuid\n\nHet algemeen "
                  "bestuur van de Veiligheidsregio Zuid-Holland Zuid;\n\ngelet op artikel 2:13, tweede lid, Awb;\n\n"
                  "besluit:\n\nArtikel 1\nHet contactformulier wordt aangewezen.\n", "t.txt")
    assert out["authority"]["name"] == "Veiligheidsregio Zuid-Holland Zuid"
    assert out["authority"]["type"] == "gemeenschappelijke_regeling"


@pytest.mark.parametrize("sentence, expected", [
    ("E-mail is géén aangewezen kanaal.", {("email", "excluded")}),
    ("Kanalen die niet zijn aangewezen, zoals e-mail en sociale media, kunnen niet worden gebruikt.",
     {("email", "excluded"), ("other", "excluded")}),
    ("Sociale media, chat en e-mail vallen buiten deze aanwijzing.", {("email", "excluded"), ("other", "excluded")}),
    ("Er worden geen andere kanalen aangewezen dan het contactformulier.", {("contact_form", "designated")}),
    ("Het is niet mogelijk formele berichten via e-mail in te dienen.", {("email", "excluded")}),
    ("Niet aangewezen zijn: e-mail, WhatsApp en sociale media.", {("email", "excluded"), ("other", "excluded")}),
])
def test_exclusions_phrased_many_ways(sentence, expected):
    assert _channels(sentence + "\n") == expected


@pytest.mark.parametrize("text", [
    # a web page quoting the decision: closing formula only, no enacting formula or articles
    "Digitaal zaken doen\n\nHome > Bestuur > Digitaal zaken doen\n\nOp grond van artikel 2:13, tweede lid, van de "
    "Algemene wet bestuursrecht heeft het college de volgende kanalen aangewezen: het contactformulier en MijnEpe. "
    "E-mail is geen aangewezen kanaal. Het besluit treedt in werking op 1 januari 2026.\n",
    # a notice of the decision
    "Kennisgeving vaststelling aanwijzingsbesluit elektronische kanalen\n\nBurgemeester en wethouders van Epe maken "
    "bekend dat zij het Aanwijzingsbesluit elektronische kanalen hebben vastgesteld. Met dit besluit wordt het "
    "contactformulier aangewezen als kanaal voor formele berichten. Het besluit treedt in werking op 1 januari 2026.\n",
    # another regulation that points to the designated channel
    "Verordening behandeling bezwaarschriften Epe 2026\n\nDe raad van de gemeente Epe;\n\ngelet op artikel 7:13 van de "
    "Algemene wet bestuursrecht en de Wet modernisering elektronisch bestuurlijk verkeer;\n\nbesluit:\n\nArtikel 3\n"
    "Een bezwaarschrift kan elektronisch worden ingediend via het webformulier bezwaar.\n",
])
def test_texts_about_a_designation_are_no_designation(text):
    out = extract(text, "t.txt")
    assert out["classification"] == "not_designation" and out["channels"] == []


def test_werkt_terug_tot_gives_the_retroactive_date():
    out = extract(HEAD + "Het contactformulier wordt aangewezen.\n\nArtikel 2\nDit besluit treedt in werking op de "
                  "dag na bekendmaking en werkt terug tot 1 januari 2026.\n", "t.txt")
    assert out["effective_date"] == "2026-01-01"


@pytest.mark.parametrize("body, expected", [
    ("Het gebruik van e-mail als kanaal is niet toegestaan.\n", {("email", "excluded")}),
    ("Het college kan besluiten om ook e-mail aan te wijzen.\n", set()),
    ("Proces | Kanaal | Aangewezen\nBezwaarschrift | e-mail | nee\nMelding | webformulier | ja\n",
     {("email", "excluded"), ("web_form", "designated")}),
])
def test_negations_after_the_verb_powers_and_no_cells(body, expected):
    assert _channels(body) == expected


@pytest.mark.parametrize("title, basis, body", [
    ("Regeling archivering elektronische berichten gemeente Epe", "artikel 30 van de Archiefwet",
     "Elektronische berichten die via het contactformulier of per e-mail binnenkomen, worden gearchiveerd."),
    ("Beleidsregel behandeling elektronische post Epe 2026", "artikel 4:81 van de Algemene wet bestuursrecht",
     "E-mailberichten aan de gemeente worden binnen vijf werkdagen beantwoord."),
])
def test_title_about_electronic_mail_without_basis_or_channel_is_no_designation(title, basis, body):
    out = extract(f"{title}\n\nHet college van Epe;\n\ngelet op {basis};\n\nbesluit:\n\nArtikel 1\n{body}\n", "t.txt")
    assert out["classification"] == "not_designation"


def test_cut_off_designation_resting_on_afdeling_2_3_stays_a_designation():
    out = extract("Besluit elektronisch berichtenverkeer provincie Drenthe 2026\n\nGedeputeerde staten van Drenthe;\n\n"
                  "gelet op afdeling 2.3 van de Algemene wet bestuursrecht;\n\nbesluiten:\n\nHoofdstuk 1\nIn dit besluit "
                  "wordt verstaan onder:\nprovinciale website: www.provincie.drenthe.nl;\n", "t.txt")
    assert out["classification"] == "wmebv_designation"


@pytest.mark.parametrize("sentence, expected", [
    ("Voor berichten van dienstverrichters wordt het Ondernemersloket als bedoeld in de Dienstenwet aangewezen.",
     {("dienstenwet_loket", "designated")}),
    ("Voor aanvragen op grond van de Omgevingswet wordt Mijn Omgevingsloket aangewezen.",
     {("omgevingsloket", "designated")}),
])
def test_national_lokets_under_a_local_or_personal_name(sentence, expected):
    assert _channels(sentence + "\n") == expected


@pytest.mark.parametrize("title, article", [
    ("Besluit aanwijzing coördinatoren Wmebv gemeente Epe",
     "Als coördinator voor de uitvoering van de Wmebv wordt aangewezen de teamleider Dienstverlening."),
    ("Besluit begrotingswijziging implementatie Wmebv 2026",
     "Voor de implementatie van de Wmebv wordt een budget van 50.000 euro beschikbaar gesteld."),
])
def test_title_naming_only_the_law_is_no_designation(title, article):
    out = extract(f"{title}\n\nHet college van Epe;\n\ngelet op artikel 160 van de Gemeentewet;\n\nbesluit:\n\n"
                  f"Artikel 1\n{article}\n", "t.txt")
    assert out["classification"] == "not_designation"


def test_relative_clause_that_designates_and_negates_itself():
    found = _channels("Het college stelt het besluit vast, waarbij het contactformulier en MijnEpe worden aangewezen "
                      "en e-mail niet.\n")
    assert found == {("contact_form", "designated"), ("portal", "designated"), ("email", "excluded")}


@pytest.mark.parametrize("text", [
    "Onderwerp: Aanwijzingsbesluit elektronische kanalen gemeente Epe 2026\nAan: de gemeenteraad\nPortefeuillehouder: "
    "wethouder De Boer\n\nVoorgesteld besluit\nDe raad besluit:\n1. vast te stellen het Aanwijzingsbesluit elektronische "
    "kanalen raad Epe 2026, waarin het contactformulier wordt aangewezen.\n\nAanleiding\nArtikel 2:13, tweede lid, Awb.\n",
    "Besluitenlijst college van burgemeester en wethouders Epe, 2 december 2025\n\n1. Aanwijzingsbesluit elektronische "
    "kanalen\nBesluit: Het college besluit het Aanwijzingsbesluit elektronische kanalen gemeente Epe 2026 vast te "
    "stellen, waarbij het contactformulier wordt aangewezen.\n",
])
def test_proposals_and_decision_lists_are_no_designation(text):
    assert extract(text, "t.txt")["classification"] == "not_designation"


def test_channel_named_in_a_geen_condition_gets_no_status():
    found = _channels("Voor formele berichten waarvoor geen webformulier is aangewezen, wordt het contactformulier "
                      "aangewezen.\n")
    assert found == {("contact_form", "designated")}


def test_explanatory_notes_designate_nothing():
    found = _channels("Het contactformulier wordt aangewezen.\n\nToelichting\n\nVroeger stelde het college de "
                      "elektronische weg open voor berichten per e-mail; ook MijnEpe wordt veel gebruikt.\n")
    assert found == {("contact_form", "designated")}


def test_annex_after_the_notes_is_operative_again():
    found = _channels("Voor de in bijlage 1 genoemde processen worden de daarbij vermelde kanalen aangewezen.\n\n"
                      "Toelichting\n\nHet college kiest voor webformulieren.\n\n"
                      "Bijlage 1 Processen en kanalen\nBezwaarschrift MijnEpe (inloggen met DigiD)\n")
    assert found == {("portal", "designated")}


def test_mail_or_app_words_inside_a_link_name_no_channel():
    found = _channels("Als kanaal wordt het webformulier op www.epe.nl/mail-ons aangewezen; voor meldingen het "
                      "formulier op https://www.epe.nl/app/melding.\n")
    assert found == {("web_form", "designated")}


def test_wmebv_decision_that_mentions_the_lapse_of_2_15_is_wmebv():
    out = extract("Aanwijzingsbesluit elektronische kanalen Epe 2026\n\nHet college van Epe;\n\noverwegende dat artikel "
                  "2:15 Awb per 1 januari 2026 vervalt en het college de elektronische weg eerder had opengesteld;\n\n"
                  "gelet op afdeling 2.3 van de Algemene wet bestuursrecht;\n\nbesluit:\n\nArtikel 1\nHet "
                  "contactformulier wordt aangewezen.\n", "t.txt")
    assert out["classification"] == "wmebv_designation"
