"""National bodies as authorities: ministers and staatssecretarissen, the government and the legislator,
ZBOs, with types rijk / zbo and their codes (issue 10.2). Every fixture is written in our own words."""
import pytest

from nlp.pipeline import extract


def _out(text: str) -> dict:
    return extract(text, "t.txt")


# -- national bodies -------------------------------------------------------------------------
def test_a_negative_keeps_the_staatssecretaris_who_issued_it():
    out = _out("Regeling van de Staatssecretaris van Volksgezondheid, Welzijn en Sport van 1 april 2013, houdende "
               "regels over de elektronische publicatie van beschikkingen\n\nDe Staatssecretaris van Volksgezondheid, "
               "Welzijn en Sport,\n\nBesluit:\n\nArtikel 1\nBeschikkingen worden elektronisch bekendgemaakt op de "
               "website van het ministerie.\n")
    assert out["classification"] == "not_designation"
    assert out["authority"] == {"name": "staatssecretaris van Volksgezondheid, Welzijn en Sport", "type": "rijk",
                                "code": "rijk:staatssecretaris-van-volksgezondheid-welzijn-en-sport"}


@pytest.mark.parametrize("formula, name", [
    ("Wij Willem-Alexander, bij de gratie Gods, Koning der Nederlanden;\nOp de voordracht van Onze Minister van "
     "Financiën;\nHebben goedgevonden en verstaan:", "regering"),
    ("Wij Willem-Alexander, bij de gratie Gods, Koning der Nederlanden;\nZo is het, dat Wij, de Afdeling advisering van "
     "de Raad van State gehoord, en met gemeen overleg der Staten-Generaal, hebben goedgevonden en verstaan:", "wetgever"),
])
def test_royal_decrees_and_acts(formula, name):
    out = _out(f"Besluit van 4 mei 2016\n\n{formula}\n\nArtikel 1\nDe premie bedraagt 5 procent.\n\n"
               "Artikel 2\nDit besluit treedt in werking op 1 juli 2016.\n")
    assert out["authority"]["name"] == name and out["authority"]["type"] == "rijk"


def test_a_zbo_enacting_formula_names_the_issuer():
    out = _out("Besluit tarieven 2012\n\nHet bestuur van de Sociale Verzekeringsbank,\n\ngelet op de Algemene "
               "Kinderbijslagwet;\n\nbesluit:\n\nArtikel 1\nDe tarieven staan in de bijlage.\n")
    assert out["authority"] == {"name": "SVB", "type": "zbo", "code": "zbo:svb"}
