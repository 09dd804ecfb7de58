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
