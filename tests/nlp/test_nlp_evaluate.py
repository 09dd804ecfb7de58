"""`kanaalwijzer evaluate` on the development corpus (../shared/corpus/dev beside the repo)."""

import pytest
from click.testing import CliRunner

from kanaalwijzer.cli import main
from tests.support import SHARED

DEV = SHARED / "corpus" / "dev"


@pytest.mark.skipif(not (DEV / "gold.jsonl").is_file(), reason=f"development corpus not found at {DEV}")
def test_dev_corpus_meets_acceptance():
    from nlp.evaluate import evaluate

    score = evaluate(DEV).as_dict()
    assert score["classification_correct"] == score["documents"] == 19
    assert score["channel_recall"] >= 0.9
    assert score["channel_precision"] >= 0.9
    assert score["critical_errors"] == []


@pytest.mark.skipif(not (DEV / "gold.jsonl").is_file(), reason=f"development corpus not found at {DEV}")
def test_evaluate_command_prints_table():
    result = CliRunner().invoke(main, ["evaluate", str(DEV)])
    assert result.exit_code == 0, result.output
    for words in ("wmebv_designation", "kanalen recall", "kanalen precision", "kritieke fouten",
                  "autoriteit", "inwerkingtreding"):
        assert words in result.output


def test_scoring_rules_on_a_small_corpus(tmp_path):
    """The scorer itself: a missed channel, a wrong extra channel and a critical error."""
    import json

    from nlp.evaluate import evaluate

    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "pos_a.txt").write_text(
        "Aanwijzingsbesluit elektronische kanalen Oisterwijk 2026\nHet college van Oisterwijk;\n"
        "gelet op artikel 2:13, tweede lid, Awb;\nbesluit:\nArtikel 1\n"
        "Berichten kunnen worden ingediend via het webformulier en via MijnOisterwijk.\n", encoding="utf-8")
    (tmp_path / "docs" / "neg_b.txt").write_text("Nieuws: de gemeente Oisterwijk opent een nieuw zwembad.\n",
                                                 encoding="utf-8")
    gold = [
        {"id": "pos_a", "label": "designation", "authority": "gemeente Oisterwijk", "effective_date": "2026-01-01",
         "channels": [{"kind": "web_form", "evidence": "designated"}, {"kind": "email", "evidence": "designated"}],
         "excluded_channels": []},
        {"id": "neg_b", "label": "not_designation", "authority": "gemeente Oisterwijk", "effective_date": None,
         "channels": [], "excluded_channels": []},
    ]
    (tmp_path / "gold.jsonl").write_text("\n".join(json.dumps(g) for g in gold), encoding="utf-8")
    s = evaluate(tmp_path).as_dict()
    assert s["classification_correct"] == 2
    assert s["channel_counts"] == {"gold": 2, "found": 1, "output": 2, "correct": 1}
    assert s["authority_counts"] == [2, 2]
    assert s["effective_date_counts"] == [0, 1]
    assert s["critical_errors"] == []


CVDR_XML = """<?xml version="1.0" encoding="utf-8"?>
<cvdr xmlns="http://standaarden.overheid.nl/cvdr/terms/" xmlns:dcterms="http://purl.org/dc/terms/">
<meta><owmskern><dcterms:identifier>CVDR999001_1</dcterms:identifier>
<dcterms:title>Aanwijzingsbesluit digitale kanalen Boxtel 2026</dcterms:title>
<dcterms:creator scheme="overheid:Gemeente">Boxtel</dcterms:creator></owmskern></meta>
<body><regeling><aanhef><preambule><al>Het college van Boxtel;</al>
<al>gelet op artikel 2:13, tweede lid, van de Algemene wet bestuursrecht;</al><al>besluit:</al></preambule></aanhef>
<regeling-tekst><artikel><kop><label>Artikel</label><nr>1</nr><titel>Kanalen</titel></kop>
<al>Voor de processen in bijlage 1 worden de daar genoemde kanalen aangewezen.</al></artikel></regeling-tekst>
</regeling><bijlage><kop><label>Bijlage</label><nr>1</nr></kop>
<table><tgroup cols="2"><thead><row><entry>Proces</entry><entry>Kanaal</entry></row></thead>
<tbody><row><entry>Kapvergunning aanvragen</entry><entry>webformulier www.boxtel.nl/kap</entry></row>
<row><entry>Hondenbelasting opzeggen</entry><entry>MijnBoxtel</entry></row></tbody></tgroup></table>
</bijlage></body></cvdr>
"""


def test_xml_documents_and_annex_processes_are_scored(tmp_path):
    """A folder with a CVDR .xml document: it is scored like a .txt, and each gold annex row counts
    for process recall only with the same kind and a scope sharing half of the process's words."""
    import json

    from nlp.evaluate import evaluate

    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "pos_boxtel.xml").write_text(CVDR_XML, encoding="utf-8")
    (tmp_path / "docs" / "notes.md").write_text("not a document", encoding="utf-8")
    gold = {"id": "pos_boxtel", "label": "designation", "authority": "gemeente Boxtel", "effective_date": None,
            "channels": [
                {"kind": "web_form", "process": "Kapvergunning aanvragen", "evidence": "designated"},
                {"kind": "portal", "process": "Hondenbelasting opzeggen", "evidence": "designated"},
                # right words, wrong kind: not found
                {"kind": "email", "process": "Kapvergunning aanvragen", "evidence": "designated"}],
            "excluded_channels": []}
    (tmp_path / "gold.jsonl").write_text(json.dumps(gold), encoding="utf-8")
    s = evaluate(tmp_path).as_dict()
    assert s["documents"] == 1
    assert s["process_counts"] == [2, 3]
    assert any("Kapvergunning aanvragen" in m and "email" in m for m in s["misses"])


def test_questions_are_scored_by_designated_kinds(tmp_path):
    """questions.jsonl: right when the designated kinds equal the gold's (as_invited ignored) and no
    gold-excluded kind is designated; a date before entry into force expects nothing."""
    import json

    from nlp.evaluate import evaluate

    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "pos_epe.txt").write_text(
        "Aanwijzingsbesluit elektronische kanalen Epe 2026\nHet college van Epe;\ngelet op artikel 2:13, tweede lid, "
        "Awb;\nbesluit:\nArtikel 1\nEen bezwaarschrift wordt ingediend via het webformulier op www.epe.nl/bezwaar.\n"
        "Artikel 2\nVoor alle andere berichten is het contactformulier aangewezen.\nArtikel 3\nE-mail is geen kanaal.\n"
        "Artikel 4\nDit besluit treedt in werking op 1 februari 2026.\n", encoding="utf-8")
    gold = {"id": "pos_epe", "label": "designation", "authority": "gemeente Epe", "effective_date": "2026-02-01",
            "channels": [{"kind": "web_form", "evidence": "designated"}, {"kind": "contact_form", "evidence": "designated"}],
            "excluded_channels": []}
    (tmp_path / "gold.jsonl").write_text(json.dumps(gold), encoding="utf-8")
    questions = [
        {"message": "bezwaar tegen de weigering van een kapvergunning", "date": "2026-03-01",
         "designated": ["web_form"], "excluded": ["email"]},                        # right
        {"message": "klacht", "date": "2026-03-01", "designated": ["contact_form", "as_invited"],
         "excluded": []},                                                           # right: as_invited ignored
        {"message": "klacht", "date": "2026-01-15", "designated": [], "excluded": []},  # right: not in force yet
        {"message": "klacht", "date": "2026-03-01", "designated": ["email"], "excluded": []},          # wrong kinds
        {"message": "bezwaarschrift", "date": "2026-03-01", "designated": ["web_form", "contact_form"],
         "excluded": ["web_form"]},                                                 # wrong: an excluded kind designated
    ]
    (tmp_path / "questions.jsonl").write_text(json.dumps({"file": "pos_epe.txt", "questions": questions}),
                                              encoding="utf-8")
    s = evaluate(tmp_path).as_dict()
    assert s["question_counts"] == [3, 5]
    assert sum("vraag" in m for m in s["misses"]) == 2
