"""Property tests: whatever the bytes, extraction returns valid JSON and never crashes.

"Never crashes" is checked, not assumed: extraction catches every exception (one bad document must
not stop a batch) and reports it as an error, logged with its traceback; a result like that is a
valid-looking not_designation, so `check` fails on any logged exception, not only on a raise.
Half the random inputs start with a decision's head, so they pass the prefilter and reach every
component of the pipeline.
"""
import json
import logging
from contextlib import contextmanager

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kanaalwijzer.documents import parse_document
from nlp import extract
from nlp.pipeline import CONTRACT_KEYS

WORDS = ["Artikel 2", "1.", "a.", "wijst", "aan", "aangewezen", "webformulier", "e-mail", "niet", "geen",
         "met uitzondering van", "Bijlage 1", "|", "gelet op artikel 2:13, tweede lid", "besluit:", "\n",
         "DigiD", "treedt in werking op 1 januari 2026", "de dag na bekendmaking", ";", ".", ",", "\u00a0",
         "Aanwijzingsbesluit elektronische kanalen", "gemeente Veere", "Omgevingsloket", "<", "&", "•"]
HEAD = ("Aanwijzingsbesluit elektronische kanalen gemeente Veere 2026\ngelet op artikel 2:13, tweede lid, van de "
        "Algemene wet bestuursrecht;\nArtikel 1\nVoor berichten wordt het webformulier aangewezen.\n")
HEADS = st.sampled_from(["", HEAD])


class _Crashes(logging.Handler):
    def __init__(self):
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record):
        if record.exc_info:
            self.records.append(record)


@contextmanager
def no_crash():
    """Fails if anything inside logged an exception (the trace of a caught crash)."""
    crashes = _Crashes()
    root = logging.getLogger()
    root.addHandler(crashes)
    try:
        yield
    finally:
        root.removeHandler(crashes)
    assert not crashes.records, "caught crash: " + "; ".join(
        f"{r.name}: {r.getMessage()}: {r.exc_info[1]!r}" for r in crashes.records)


def check(data: bytes, name: str) -> dict:
    """Extract without a crash, and the result is the JSON contract."""
    with no_crash():
        result = extract(data, name)
    again = json.loads(json.dumps(result, ensure_ascii=False))
    assert set(CONTRACT_KEYS) <= set(again)
    assert again["classification"] in ("wmebv_designation", "pre_wmebv_designation", "not_designation")
    assert again["reasons"], "every answer says why"
    for ch in again["channels"]:
        assert ch["evidence"]["end"] - ch["evidence"]["start"] == len(ch["evidence"]["text"])
    if again["classification"] == "not_designation":
        assert again["channels"] == []
    return again


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(HEADS, st.text())
def test_random_unicode_text(head, text):
    check((head + text).encode("utf-8", "surrogatepass"), "x.txt")


@settings(max_examples=100, deadline=None)
@given(HEADS, st.binary())
def test_random_bytes_under_any_name(head, data):
    for name in ("x.xml", "x.html", "x.txt", ""):
        check(head.encode() + data, name)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(WORDS), max_size=80))
def test_decision_like_word_salad(words):
    check(" ".join(words).encode(), "x.txt")


@settings(max_examples=60, deadline=None)
@given(HEADS, st.recursive(st.text(alphabet="abc <>&é", max_size=5) | st.sampled_from(WORDS),
                    lambda inner: st.tuples(st.sampled_from(["artikel", "lid", "al", "row", "entry", "bijlage", "kop", "li"]),
                                            st.lists(inner, max_size=3)), max_leaves=30))
def test_random_xml_trees_possibly_malformed(head, tree):
    def render(node):
        if isinstance(node, str):
            return node  # unescaped: may make the XML malformed on purpose
        tag, children = node
        return f"<{tag}>" + "".join(render(c) for c in children) + f"</{tag}>"
    data = ("<?xml version='1.0'?><officiele-publicatie><al>" + head + "</al>" + render(tree)
            + "</officiele-publicatie>").encode()
    check(data, "x.xml")


def test_empty_input_has_error():
    r = check(b"", "leeg.txt")
    assert r["error"]


def test_deeply_nested_xml_has_error_and_valid_json():
    data = b"<cvdr><al>" + HEAD.encode() + b"</al>" + b"<al>" * 20000 + b"diep" + b"</al>" * 20000 + b"</cvdr>"
    r = check(data, "diep.xml")
    assert r["error"] and "XML" in r["error"]
    assert [c["kind"] for c in r["channels"]] == ["web_form"]  # what it could read, it read


def test_truncated_xml_keeps_the_text_it_has():
    data = ("<?xml version='1.0'?><officiele-publicatie><gemeenteblad><kop><titel>Aanwijzingsbesluit elektronische "
            "kanalen Veere 2026</titel></kop><regeling><al>gelet op artikel 2:13, tweede lid, Awb;</al><al>besluit:</al>"
            "<artikel><kop><label>Artikel</label><nr>1</nr></kop><al>Het webformulier wordt aangewezen.</al></artikel>"
            "<artikel><kop><label>Art").encode()
    r = check(data, "afgebroken.xml")
    assert r["error"]
    assert r["classification"] == "wmebv_designation"
    assert [c["kind"] for c in r["channels"]] == ["web_form"]


@pytest.mark.slow
def test_five_megabyte_document():
    para = ("Artikel {n} Aanwijzing\n1. Voor berichten wordt het webformulier aangewezen; e-mail is uitgesloten.\n"
            "Dit is gewone tekst over vergunningen, wegen en parkeren in de gemeente Veere.\n")
    text = "Aanwijzingsbesluit elektronische kanalen gemeente Veere 2026\ngelet op artikel 2:13, tweede lid, Awb;\n" + \
        "".join(para.format(n=i) for i in range(1, 30000))
    data = text.encode()
    assert len(data) > 5_000_000
    r = check(data, "groot.txt")
    assert r["classification"] == "wmebv_designation"
    assert {(c["kind"], c["status"]) for c in r["channels"]} == {("web_form", "designated"), ("email", "excluded")}


def test_parse_document_on_random_bytes_never_raises():
    import random
    rnd = random.Random(7)
    for _ in range(200):
        data = bytes(rnd.randrange(256) for _ in range(rnd.randrange(0, 400)))
        with no_crash():
            doc = parse_document(data, rnd.choice(["a.xml", "a.html", "a.txt", ""]))
        assert isinstance(doc.text, str)
