"""What makes a national text a designation, its regime and the body its messages go to (issue 9.4, 10.2).

Every fixture here is written in our own words. tests/files/nlp/national/ is a small held-out set of
national-style documents whose gold was written before the extractor ran on them.
"""
import pytest

from nlp.evaluate import evaluate, format_table
from nlp.pipeline import extract
from tests.support import FILES

NATIONAL = FILES / "nlp" / "national"


def _out(text: str) -> dict:
    return extract(text, "t.txt")


# -- the held-out set -------------------------------------------------------------------------

def test_national_held_out_set_is_classified_and_attributed():
    score = evaluate(NATIONAL)
    d = score.as_dict()
    table = format_table(score)
    assert d["documents"] == len(list((NATIONAL / "docs").glob("*.txt"))) >= 14, table
    assert d["classification_correct"] == d["documents"], table
    assert d["critical_errors"] == [], table
    assert d["authority_accuracy"] == 1.0, table
    assert d["effective_date_accuracy"] == 1.0 and d["decision_date_accuracy"] == 1.0, table


# -- national bodies as the addressees of designations -------------------------------------------------------------------------
def test_a_designation_by_a_staatssecretaris_concerns_the_ministers_traffic():
    out = _out("Regeling meldingen geluidsoverlast\n\nDe Staatssecretaris van Infrastructuur en Milieu,\n\nBesluit:\n\n"
               "Artikel 1\nEen melding kan per e-mail aan meldpunt@ienm.example.nl worden gedaan.\n\n"
               "Den Haag\n2 februari 2012\n")
    assert out["classification"] == "pre_wmebv_designation"
    assert out["authority"]["name"] == "minister van Infrastructuur en Milieu"
    assert out["authority"]["type"] == "rijk"


def test_a_zbo_named_in_its_enacting_formula():
    out = _out("Beleidsregels kinderbijslag\n\nHet bestuur van de Sociale Verzekeringsbank,\n\ngelet op de "
               "Algemene Kinderbijslagwet;\n\nbesluit:\n\nArtikel 1\nEen wijziging van het gezin kan digitaal worden "
               "doorgegeven via Mijn SVB.\n\nAmstelveen\n1 oktober 2010\n")
    assert out["authority"] == {"name": "SVB", "type": "zbo", "code": "zbo:svb"}
    assert out["classification"] == "pre_wmebv_designation"


def test_an_agency_with_competences_of_its_own_receives_the_messages():
    out = _out("Besluit elektronisch contact\n\nDe Staatssecretaris van Financiën heeft het volgende besloten.\n\n"
               "1 Inleiding\nDit besluit gaat over contact met de belastingplichtige.\n\n2 Openstelling\n"
               "De Belastingdienst stelt e-mail open voor vragen over een lopend boekenonderzoek.\n\nDen Haag\n"
               "3 maart 2014\n")
    assert out["classification"] == "pre_wmebv_designation"
    assert out["authority"]["name"] == "Belastingdienst" and out["authority"]["type"] == "rijk"


def test_a_short_name_defined_in_the_text_is_resolved():
    out = _out("##Circulaire elektronische inschrijving\n\n### 1\n\n####Inleiding\n\nDe Dienst voor het kadaster en "
               "de openbare registers (hierna: de Dienst) schrijft stukken in.\n\n### 2\n\n####Aanbieden\n\nStukken "
               "kunnen langs elektronische weg bij de Dienst worden aangeboden.\n\n### 3\n\n####Slot\n\nDeze "
               "circulaire geldt vanaf 2006.\n")
    assert out["classification"] == "pre_wmebv_designation"
    assert out["authority"]["name"] == "Kadaster" and out["authority"]["type"] == "zbo"


def test_a_royal_decree_that_opens_a_route_to_onze_minister():
    out = _out("Besluit van 3 maart 2003, houdende regels over vergunningen\n\nWij Beatrix, bij de gratie Gods, "
               "Koningin der Nederlanden;\n\nOp de voordracht van Onze Minister van Landbouw, Natuurbeheer en "
               "Visserij;\n\nHebben goedgevonden en verstaan:\n\nArtikel 1\nDe aanvraag wordt bij Onze Minister "
               "ingediend. Zij kan langs elektronische weg worden ingediend.\n")
    assert out["classification"] == "pre_wmebv_designation"
    assert out["authority"]["name"] == "minister van Landbouw, Natuurbeheer en Visserij"


# -- what makes a national text a designation, and what does not ---------------------------

NAT_HEAD = "Regeling aanvragen {subject}\n\nDe Minister van Sociale Zaken en Werkgelegenheid,\n\nBesluit:\n\nArtikel 1\n"
NAT_TAIL = "\n\nArtikel 2\nDeze regeling treedt in werking op 1 januari 2012.\n\nDen Haag\n1 december 2011\n"


def _national(sentence: str, subject: str = "vakantiebijslag") -> dict:
    return _out(NAT_HEAD.format(subject=subject) + sentence + NAT_TAIL)


@pytest.mark.parametrize("sentence", [
    "De aanvraag kan langs elektronische weg worden ingediend.",
    "Aanmelding geschiedt digitaal via de internetsite www.szw.example.nl.",
    "Wijzigingen worden per e-mail aan het bureau doorgegeven.",
    "Elektronische indiening vindt plaats via het e-mailadres aanvragen@szw.example.nl.",
    "Een subsidieaanvraag wordt bij voorkeur digitaal ingediend via het subsidieportaal.",
    "Het verzoek kan worden ingediend met het elektronische formulier dat op de website beschikbaar is.",
    "Aanvragen worden ingediend via www.szw.example.nl/aanvragen.",
    "Een verzoek om uitstel kan worden gedaan via Mijn Regeling, na inloggen met DigiD.",
    "De werkgever verstrekt de loongegevens langs elektronische weg aan de minister.",
    "Het meldingsformulier wordt per e-mail toegezonden aan de minister.",
    "Een storing kan online worden gemeld bij het meldpunt.",
])
def test_an_opening_in_one_article_of_an_old_regulation_is_an_old_regime_designation(sentence):
    out = _national(sentence)
    assert out["classification"] == "pre_wmebv_designation", out["reasons"]
    assert any("stelt een elektronische weg open" in r for r in out["reasons"])


@pytest.mark.parametrize("sentence", [
    "De minister kan besluiten dat de aanvraag digitaal kan worden ingediend.",          # a power, not used
    "Het aanvraagformulier is te downloaden op de website van het ministerie.",         # availability
    "De mededeling geschiedt met het langs elektronische weg ter beschikking gestelde formulier, per post toegezonden.",
    "De aanvraag kan niet per e-mail worden ingediend.",                                 # negated
    "De minister verzendt beschikkingen elektronisch aan de aanvrager.",                # outgoing
    "Facturen van leveranciers worden elektronisch via Digipoort ingediend.",            # private law
    "Een beroepschrift kan langs elektronische weg bij de rechtbank worden ingediend.",  # a court
    "Via het centraal loket kunnen dienstverrichters aanvragen elektronisch indienen bij de bevoegde instanties.",
    "De ambtenaar kan het rapport langs elektronische weg verzenden aan degene die een e-mailadres heeft opgegeven.",
    "Het besluit wordt per e-mail toegezonden aan de aanvrager.",
    "Aanvragen kunnen aan het loket van het ministerie worden ingediend.",                # a counter, not online
    "Het formulier is verkrijgbaar via www.szw.example.nl en wordt per post ingediend.",
    "Het aanvraagformulier, dat op de website ter beschikking wordt gesteld, wordt bij de minister ingediend.",
    "Een verzoek wordt ingediend met de formulieren die de minister via de website beschikbaar stelt.",
])
def test_sentences_that_open_no_route_to_the_body(sentence):
    out = _national(sentence)
    assert out["classification"] == "not_designation", out["reasons"]
    assert out["channels"] == []


def test_a_year_alone_never_makes_a_regulation_about_electronic_traffic_old_regime():
    out = _out("Regeling elektronisch verkeer met de overheid 2014\n\nDe Minister van Binnenlandse Zaken,\n\nBesluit:\n\n"
               "Artikel 1\nEen bestuursorgaan kiest voor elke dienst een betrouwbaarheidsniveau.\n\nArtikel 2\n"
               "Deze regeling treedt in werking op 1 januari 2015.\n\nDen Haag\n3 november 2014\n")
    assert out["classification"] == "not_designation", out["reasons"]


def test_a_regulation_on_traffic_with_the_court_is_no_designation_even_where_its_articles_name_no_court():
    out = _out("Regeling elektronisch verkeer met de bestuursrechter\n\nDe Minister van Justitie,\n\nBesluit:\n\n"
               "Artikel 1\nStukken kunnen langs elektronische weg worden ingediend via het beveiligde portaal.\n\n"
               "Artikel 2\nDeze regeling treedt in werking op 1 januari 2013.\n")
    assert out["classification"] == "not_designation", out["reasons"]


def test_traffic_with_the_court_is_no_bestuurlijk_verkeer():
    out = _out("Regeling digitaal procederen bij de bestuursrechter\n\nDe Minister van Justitie en Veiligheid,\n\n"
               "Besluit:\n\nArtikel 1\nStukken worden via het portaal Mijn Rechtspraak ingediend.\n")
    assert out["classification"] == "not_designation"


def test_an_opening_in_a_regulation_about_something_else_after_2026_is_no_designation():
    # under the Wmebv the designation is the aanwijzingsbesluit; a passing mention elsewhere designates nothing
    out = _out("Beleidsregels schuldhulp 2026\n\nHet college van burgemeester en wethouders van Epe;\n\nbesluit:\n\n"
               "Artikel 1\nEen aanvraag kan digitaal worden ingediend via het e-formulier op www.epe.nl.\n\n"
               "Artikel 2\nDeze beleidsregels treden in werking op 1 maart 2026.\n")
    assert out["classification"] == "not_designation"


def test_an_aanwijzingsbesluit_of_something_else_stays_a_negative_before_2026_too():
    out = _out("Aanwijzingsbesluit laadpalen gemeente Epe 2024\n\nHet college van burgemeester en wethouders van Epe;\n\n"
               "besluit:\n\nArtikel 1\nDe locaties in de bijlage worden aangewezen als laadplaats.\n\nArtikel 2\n"
               "Een ontheffing kan digitaal worden aangevraagd via het e-formulier op www.epe.nl.\n\nArtikel 3\n"
               "Dit besluit treedt in werking op 1 mei 2024.\n")
    assert out["classification"] == "not_designation"


def test_heeft_het_volgende_besloten_and_numbered_sections_are_a_decision_form():
    out = _out("Besluit digitale aangifte\n\nDe Staatssecretaris van Financiën heeft het volgende besloten.\n\n"
               "1 Inleiding\nDit besluit vervangt de regeling van 2008.\n\n2 Aangifte\nDe aangifte kan elektronisch "
               "worden gedaan via het portaal van de Belastingdienst.\n\nDen Haag\n1 juli 2010\n")
    assert out["classification"] == "pre_wmebv_designation"
    assert any("besloten" in r for r in out["reasons"])


# -- the prefilter ---------------------------------------------------------------------------

@pytest.mark.parametrize("text, relevant", [
    ("Kandidaten kunnen zich elektronisch aanmelden via de site.", True),
    ("Wijzigingen worden per e-mail doorgegeven aan de administratie.", True),
    ("Het ontwerpplan is ook digitaal te raadplegen via de landelijke site.", False),
    ("Vragen? Mail naar info@epe.nl of bel 14 0578.", False),
    ("Aanvragen worden ingediend via www.epe.nl/aanvragen.", True),
    ("Meer informatie vindt u op www.epe.nl; de stukken liggen ter inzage.", False),
    ("Het besluit is ook in te zien via www.officielebekendmakingen.nl, bezwaar kan binnen zes weken.", False),
])
def test_prefilter_reads_old_regime_openings_but_not_mere_mentions(text, relevant):
    from nlp.pipeline import get_nlp
    gate = get_nlp().get_pipe("kw_prefilter")
    assert gate.is_relevant(text) is relevant
    assert gate.quick_reject(text.encode()) is (not relevant)
