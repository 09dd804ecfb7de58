"""The real scorer (nlp/evaluate.py, the code behind `kanaalwijzer evaluate`) on our own stress set.

tests/files/nlp/generalisation/ holds short documents written by us, in the genre of the unseen
evaluation set: Wmebv designations (VNG model and local variants, provinces, water boards, joint
bodies, flattened annex tables, cut-off texts, CVDR furniture), pre-Wmebv decisions under old
Awb 2:15, and hard negatives (other aanwijzingsbesluiten, mandates, publication rules, a council
proposal, a blog, web pages, news, a privacy statement, a complaints regulation). The gold was
written before the extractor was run on the documents.
"""
from pathlib import Path

from nlp.evaluate import evaluate, format_table

STRESS = Path(__file__).resolve().parent / "files" / "nlp" / "generalisation"


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
