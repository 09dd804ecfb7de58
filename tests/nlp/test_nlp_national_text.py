"""National decision forms as text: Markdown renderings of the BWB, national titles, signature lines
and entry into force (issue 9.4, dates). Every fixture is written in our own words."""
from kanaalwijzer.documents import parse_document
from nlp.pipeline import extract


def _out(text: str) -> dict:
    return extract(text, "t.txt")


# -- Markdown renderings of national texts ---------------------------------------------------

MARKDOWN = "\n".join([  # BWB markdown keeps two trailing spaces on many lines
    "<meta http-equiv='Content-Type' content='text/html; charset=utf-8' />",
    "",
    "##Regeling van de Minister van Financiën van 3 juni 2012, nr. AFP/2012/77, houdende regels over teruggaaf",
    "",
    "De Minister van Financiën,  ",
    "Gelet op [artikel 4 van de Wet teruggaaf](../../wet/teruggaaf/README.md);",
    "Besluit:     ",
    "### Artikel  1  ",
    "",
    "####Begrippen",
    "",
    "In deze regeling wordt verstaan onder *verzoek:* een verzoek om teruggaaf.  ",
    "",
    "### 2.1  ",
    "",
    "####Indienen",
    "",
    "Een verzoek wordt schriftelijk gedaan.  ",
    "",
])


def test_markdown_headings_become_articles_and_sections():
    doc = parse_document(MARKDOWN.encode(), "r.txt")
    assert doc.meta["title"].startswith("Regeling van de Minister van Financiën van 3 juni 2012")
    assert "<meta" not in doc.text and "##" not in doc.text and "](" not in doc.text and "*" not in doc.text
    labels = [b.label for b in doc.blocks if b.kind == "article"]
    assert labels == ["Artikel 1", "Onderdeel 2.1"]
    assert "Artikel 1 Begrippen" in doc.text.split("\n")  # the heading text joins its number
    assert "Gelet op artikel 4 van de Wet teruggaaf;" in doc.text


def test_plain_text_with_hash_signs_is_not_read_as_markdown():
    doc = parse_document(b"Artikel 1\nDe kosten bedragen # 3 per stuk.\n#hashtag campagne\n", "p.txt")
    assert "# 3" in doc.text and "#hashtag" in doc.text


# -- dates ------------------------------------------------------------------------------------

def test_national_title_gives_the_decision_date():
    out = _out(MARKDOWN)
    assert out["decision_date"] == "2012-06-03"


def test_place_above_the_date_is_a_national_signature():
    out = _out("Besluit tegemoetkoming reiskosten\n\nDe Minister van Defensie,\n\nBesluit:\n\nArtikel 1\n"
               "Een verzoek kan elektronisch worden ingediend.\n\nDen Haag\n7 maart 2011\n\nDe Minister van Defensie,\nE. van Middelkoop\n")
    assert out["decision_date"] == "2011-03-07"


def test_one_signature_line_per_organ_gives_the_latest_date():
    text = ("Besluit digitale kanalen gemeente Hulst 2026\n\ngelet op artikel 2:13, tweede lid, van de Algemene wet "
            "bestuursrecht;\n\nbesluiten:\n\nArtikel 1\nHet contactformulier wordt aangewezen.\n\n"
            "Hulst, 28 oktober 2025\nde burgemeester,\n\n"
            "Aldus vastgesteld in de openbare vergadering van de raad van 11 november 2025.\nde griffier,\n")
    assert _out(text)["decision_date"] == "2025-11-11"


def test_adoption_in_the_meeting_of_a_named_board():
    text = ("Regeling elektronische kanalen waterschap Aa en Maas\n\ngelet op artikel 2:13, tweede lid, Awb;\n\n"
            "Artikel 1\nHet webformulier wordt aangewezen.\n\nAldus besloten in de vergadering van het dagelijks "
            "bestuur van 6 januari 2026.\n")
    assert _out(text)["decision_date"] == "2026-01-06"


def test_passive_adoption_sentence_and_an_earlier_decision_it_replaces():
    text = ("Aanmeldprocedure examens 2016\n\nDeze procedure is op 3 februari 2015 door het College voor Toetsen en "
            "Examens vastgesteld.\n\n1. Aanmelding geschiedt digitaal via www.example.nl.\n2. De procedure, "
            "vastgesteld op 1 maart 2012, komt te vervallen.\n")
    assert _out(text)["decision_date"] == "2015-02-03"


def test_cvdr_future_text_furniture_gives_the_entry_into_force():
    text = ("Dit is een toekomstige tekst! Geldend vanaf 01-03-2026\n\nBesluit aanwijzing elektronische kanalen "
            "gemeente Epe\n\ngelet op artikel 2:13, tweede lid, van de Algemene wet bestuursrecht;\n\nbesluit:\n\n"
            "Artikel 1\nHet contactformulier wordt aangewezen als kanaal.\n")
    assert _out(text)["effective_date"] == "2026-03-01"


def test_own_entry_into_force_beats_a_consolidation_note():
    text = ("Besluit van 2 mei 2006, houdende regels over meldingen\n\nWij Beatrix, bij de gratie Gods, Koningin der "
            "Nederlanden;\n\nOp de voordracht van Onze Minister van Justitie;\n\nHebben goedgevonden en verstaan:\n\n"
            "Artikel 4a Meldingen\nTreedt in werking per 01-07-2015\nEen melding kan elektronisch worden gedaan.\n\n"
            "Artikel 9\nDit besluit treedt in werking met ingang van 1 juli 2006.\n")
    assert _out(text)["effective_date"] == "2006-07-01"


def test_a_relative_rule_gives_no_date():
    out = _out("Regeling storingen\n\nDe Minister van Economische Zaken,\n\nBesluit:\n\nArtikel 1\nEen melding kan "
               "per e-mail worden gedaan.\n\nArtikel 2\nDeze regeling treedt in werking met ingang van de dag na "
               "de datum van uitgifte van de Staatscourant waarin zij wordt geplaatst.\n")
    assert out["effective_date"] is None and out["effective_rule"].startswith("de dag na")
