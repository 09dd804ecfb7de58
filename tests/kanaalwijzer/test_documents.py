"""Tests for the document normaliser (kanaalwijzer.documents) on fixture bytes written by us."""
import pytest

from kanaalwijzer.documents import MAX_DEPTH, Document, content_hash, parse_document

GMB_XML = """<?xml version="1.0" encoding="UTF-8"?>
<officiele-publicatie xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<metadata><meta name="OVERHEIDop.externMetadataRecord" content="https://example.org/gmb-2025-1/metadata.xml"/></metadata>
<kop><titel>GEMEENTEBLAD</titel><subtitel>Officiële uitgave van de gemeente Voorbeeld</subtitel></kop>
<gemeenteblad><kop><titel>Aanwijzingsbesluit elektronische kanalen Voorbeeld 2026</titel></kop>
<regeling><regeling-tekst>
<artikel><kop><label>Artikel</label><nr>1</nr><titel>Begrippen</titel></kop>
<al>In dit besluit wordt verstaan onder:</al>
<lijst><li><li.nr>a.</li.nr><al>kanaal: een wijze van elektronisch verzenden;</al></li></lijst>
</artikel>
<artikel><kop><label>Artikel</label><nr>2</nr><titel>Aanwijzing</titel></kop>
<lid><lidnr>1.</lidnr><al>Het college wijst het <nadruk type="vet">webformulier</nadruk>&#160;aan.</al></lid>
<lid><lidnr>2.</lidnr><al>E-mail is   geen aangewezen kanaal.</al></lid>
</artikel>
</regeling-tekst>
<bijlage><kop><label>Bijlage</label><nr>1</nr><titel>Processen</titel></kop>
<table><tgroup cols="2"><thead>
<row><entry>Proces</entry><entry>Kanaal</entry></row></thead><tbody>
<row><entry>Bezwaarschrift</entry><entry>Webformulier bezwaar</entry></row>
</tbody></tgroup></table></bijlage>
</regeling></gemeenteblad></officiele-publicatie>""".encode("utf-8")

CVDR_XML = b"""<?xml version="1.0" encoding="utf-8"?>
<cvdr xmlns="http://standaarden.overheid.nl/cvdr/terms/" xmlns:dcterms="http://purl.org/dc/terms/"
 xmlns:overheidrg="http://standaarden.overheid.nl/cvdr/meta/">
<meta><owmskern><dcterms:identifier>CVDR999_1</dcterms:identifier>
<dcterms:title>Regeling kanalen Proefdorp</dcterms:title><dcterms:creator>Proefdorp</dcterms:creator></owmskern>
<owmsmantel><dcterms:isFormatOf resourceIdentifier="">gmb-2025-999</dcterms:isFormatOf>
<dcterms:source>artikel 2:13 Awb</dcterms:source><dcterms:source>artikel 2:14 Awb</dcterms:source></owmsmantel>
<cvdripm><overheidrg:inwerkingtredingDatum>2026-01-01</overheidrg:inwerkingtredingDatum></cvdripm></meta>
<body><intitule>Regeling kanalen Proefdorp</intitule><regeling><regeling-tekst>
<artikel><kop><label>Artikel</label><nr>3</nr><titel/></kop><al>Berichten kunnen worden ingediend via het contactformulier.</al></artikel>
</regeling-tekst></regeling></body></cvdr>"""

TEXT = """Besluit digitale kanalen Proefstad

Geldend van 01-01-2026 t/m heden

Artikel 1 Begripsbepalingen
In dit besluit wordt verstaan onder:
  \u2022 a.
    webformulier: een formulier op de website;
Artikel 2 Aanwijzing
  \u2022 1. Het college wijst\u00a0het webformulier aan.
  \u2022 2. E-mail is uitgesloten.
Bijlage 1
| Proces | Kanaal |
|---|---|
| Melding openbare ruimte | Meldingsformulier |
"""


def blocks(doc: Document, kind: str):
    return [(b.label, doc.text[b.start:b.end]) for b in doc.blocks if b.kind == kind]


def test_gemeenteblad_xml_structure_and_labels():
    doc = parse_document(GMB_XML, "gmb-2025-1.xml")
    assert doc.format == "gemeenteblad_xml" and doc.error is None
    assert doc.meta["subtitle"] == "Officiële uitgave van de gemeente Voorbeeld"
    assert ("", "Aanwijzingsbesluit elektronische kanalen Voorbeeld 2026") in blocks(doc, "title")
    lids = blocks(doc, "lid")
    assert lids[0] == ("Artikel 2 lid 1", "1. Het college wijst het webformulier aan.")
    # whitespace and nbsp normalised inside a line
    assert lids[1] == ("Artikel 2 lid 2", "2. E-mail is geen aangewezen kanaal.")
    assert [lbl for lbl, _ in blocks(doc, "article")] == ["Artikel 1", "Artikel 2"]
    assert blocks(doc, "list_item") == [("Artikel 1 onder a", "a. kanaal: een wijze van elektronisch verzenden;")]
    # header rows are labelled "kop"; data rows are numbered from 1 as people count processes
    assert blocks(doc, "table_row") == [("Bijlage 1, kop", "Proces | Kanaal"),
                                        ("Bijlage 1, rij 1", "Bezwaarschrift | Webformulier bezwaar")]
    assert blocks(doc, "annex")[0][0] == "Bijlage 1"
    assert "\xa0" not in doc.text and "  " not in doc.text


def test_block_offsets_are_inside_text():
    for data, name in [(GMB_XML, "a.xml"), (CVDR_XML, "b.xml"), (TEXT.encode(), "c.txt")]:
        doc = parse_document(data, name)
        for b in doc.blocks:
            assert 0 <= b.start < b.end <= len(doc.text)
            assert doc.text[b.start:b.end].strip() == doc.text[b.start:b.end]


def test_cvdr_xml_meta_and_text():
    doc = parse_document(CVDR_XML, "CVDR999_1.xml")
    assert doc.format == "cvdr_xml" and doc.error is None
    assert doc.meta["identifier"] == "CVDR999_1"
    assert doc.meta["isFormatOf"] == "gmb-2025-999"
    assert doc.meta["inwerkingtredingDatum"] == "2026-01-01"
    assert doc.meta["source"] == ["artikel 2:13 Awb", "artikel 2:14 Awb"]
    assert blocks(doc, "title") == [("", "Regeling kanalen Proefdorp")]
    assert blocks(doc, "article")[0][0] == "Artikel 3"
    assert "ingediend via het contactformulier" in doc.text


def test_plain_text_structure_from_layout():
    doc = parse_document(TEXT.encode("utf-8"), "x.txt")
    assert doc.format == "text"
    assert blocks(doc, "title")[0][1] == "Besluit digitale kanalen Proefstad"
    # the CVDR layout puts the list marker alone on a line: rejoined with its text
    assert blocks(doc, "definition") == [("Artikel 1", "a. webformulier: een formulier op de website;")]
    assert blocks(doc, "lid") == [("Artikel 2 lid 1", "1. Het college wijst het webformulier aan."),
                                  ("Artikel 2 lid 2", "2. E-mail is uitgesloten.")]
    assert blocks(doc, "table_row") == [("Bijlage 1, kop", "Proces | Kanaal"),
                                        ("Bijlage 1, rij 1", "Melding openbare ruimte | Meldingsformulier")]


def test_reference_to_article_in_running_text_is_not_a_heading():
    doc = parse_document(b"Titel\nArtikel 2:13 van de Algemene wet bestuursrecht geldt.\n", "x.txt")
    assert blocks(doc, "article") == []


def test_html_page_tables_and_headings():
    page = ("<html><head><title>Kanalen</title><meta name='DC.creator' content='Proefstad'>"
            "<script>var x = 1;</script></head><body><nav>Menu</nav><h1>Digitaal loket</h1>"
            "<p>U kunt&nbsp;een melding doen.</p><table><tr><th>Proces</th><th>Kanaal</th></tr>"
            "<tr><td>Bezwaar</td><td>Webformulier</td></tr></table></body></html>").encode()
    doc = parse_document(page, "page.html")
    assert doc.format == "html" and doc.error is None
    assert doc.meta["DC.creator"] == "Proefstad" and doc.meta["title"] == "Kanalen"
    assert "Menu" not in doc.text and "var x" not in doc.text
    assert blocks(doc, "heading") == [("", "Digitaal loket")]
    assert "U kunt een melding doen." in doc.text.splitlines()
    assert blocks(doc, "table_row") == [("Tabel, kop", "Proces | Kanaal"), ("Tabel, rij 1", "Bezwaar | Webformulier")]


def test_broken_xml_is_recovered_with_error():
    doc = parse_document(b"<?xml version='1.0'?><cvdr><body><al>Eerste alinea</al><al>Tweede", "x.xml")
    assert doc.error and "XML" in doc.error
    assert "Eerste alinea" in doc.text


def test_empty_and_binary_inputs_never_raise(caplog):
    # "never raise" is the catch-all's promise; what is tested is that these inputs need it not
    assert parse_document(b"").error == "leeg document: geen inhoud"
    assert parse_document(b"   \n ").error == "leeg document: geen inhoud"
    doc = parse_document(bytes(range(256)) * 4, "blob.bin")
    assert "ABCD" in doc.text and "Windows-1252" in doc.error
    doc = parse_document(b"<<<>>>&&&", "x.xml")
    assert isinstance(doc, Document) and doc.error.startswith("XML niet welgevormd") and "&&&" in doc.text
    assert not [r for r in caplog.records if r.exc_info], "a crash was caught and logged"


def test_cp1252_text_is_decoded_with_note():
    doc = parse_document("Besluit co\u00f6rdinatie".encode("cp1252"), "x.txt")
    assert doc.text == "Besluit co\u00f6rdinatie"
    assert "UTF-8" in doc.error


@pytest.mark.parametrize("name, open_tag, close_tag", [("diep.xml", b"<al>", b"</al>"),
                                                     ("diep.html", b"<div>", b"</div>")])
def test_deeply_nested_document_is_read_without_crashing(name, open_tag, close_tag, caplog):
    # 1000 levels: past MAX_DEPTH, so the walkers must flatten instead of recursing (without the
    # guard: RecursionError, caught as 'onleesbaar document' with no text), and within the
    # parser's limit, so the text is there to keep.
    depth = 1000
    assert depth > 4 * MAX_DEPTH
    root = (b"<cvdr>", b"</cvdr>") if name.endswith(".xml") else (b"<html><body>", b"</body></html>")
    data = root[0] + open_tag * depth + b"diep" + close_tag * depth + root[1]
    doc = parse_document(data, name)
    assert doc.error is None
    assert doc.text == "diep"
    assert not [r for r in caplog.records if r.exc_info], "a crash was caught and logged"


def test_xml_nested_past_the_parsers_limit_keeps_its_text_with_an_error():
    data = b"<cvdr>" + b"<x>" * 5000 + b"diep" + b"</x>" * 5000 + b"</cvdr>"
    doc = parse_document(data, "deep.xml")
    assert doc.text == "diep"
    assert doc.error.startswith("XML niet welgevormd") and "platte tekst" in doc.error


def test_content_hash_ignores_whitespace_and_nbsp():
    assert content_hash("Artikel 1\u00a0 tekst\n") == content_hash(" Artikel 1 tekst")
    assert content_hash("Artikel 1 tekst") != content_hash("Artikel 2 tekst")
    assert len(content_hash("")) == 64


def test_article_heading_glued_to_its_text_starts_the_article():
    text = ("Besluit\nArtikel 2 Aanwijzing Voor berichten aan het college wordt het webformulier op de website "
            "aangewezen, en voor berichten die onder de Omgevingswet vallen het Omgevingsloket, zoals in de bijlage.\n")
    doc = parse_document(text.encode(), "x.txt")
    assert blocks(doc, "article")[0][0] == "Artikel 2"
    assert blocks(doc, "heading") == []
    assert [b for b in doc.blocks if b.kind == "paragraph" and b.label == "Artikel 2"]


def test_xhtml_with_xml_declaration_is_read_as_html():
    data = (b"<?xml version='1.0' encoding='utf-8'?><!DOCTYPE html><html xmlns='http://www.w3.org/1999/xhtml'>"
            b"<body><h1>Besluit</h1><p>Het webformulier wordt aangewezen.</p></body></html>")
    doc = parse_document(data, "page.xhtml")
    assert doc.format == "html"
    assert "Het webformulier wordt aangewezen." in doc.text


def test_unknown_xml_vocabulary_keeps_its_text():
    doc = parse_document(b"<?xml version='1.0'?><record><p>Eerste zin.</p><p>Tweede zin.</p></record>", "r.xml")
    assert doc.text.splitlines() == ["Eerste zin.", "Tweede zin."]
    assert "onbekend XML-type" in doc.error


def test_a_sentence_quoting_a_page_title_is_no_table_row_and_an_unnumbered_annex_is_an_annex():
    from kanaalwijzer.documents import parse_document

    text = ("Artikel 3\nVoor overige berichten is het formulier op de pagina 'Contact | Gemeente Epe' (www.epe.nl/contact) "
            "aangewezen.\nBijlage bij artikel 1\n| Onderwerp | Kanaal |\n|---|---|\n| Klacht | webformulier |\n"
            "Aanvraag | MijnEpe | DigiD\n")
    doc = parse_document(text.encode(), "x.txt")
    kinds = {(b.kind, b.label) for b in doc.blocks}
    assert ("table_row", "Artikel 3, rij 1") not in kinds
    assert ("annex", "Bijlage") in kinds and ("table_row", "Bijlage, rij 1") in kinds
    assert ("table_row", "Bijlage, rij 2") in kinds  # a flattened row without a leading pipe, inside a table
