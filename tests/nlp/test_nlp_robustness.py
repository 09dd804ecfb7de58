"""Property tests: whatever the bytes, extraction returns valid JSON and never crashes."""
import json

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


def check(result: dict) -> None:
    text = json.dumps(result, ensure_ascii=False)
    again = json.loads(text)
    assert set(CONTRACT_KEYS) <= set(again)
    assert again["classification"] in ("wmebv_designation", "pre_wmebv_designation", "not_designation")
    for ch in again["channels"]:
        assert ch["evidence"]["end"] - ch["evidence"]["start"] == len(ch["evidence"]["text"])
    if again["classification"] == "not_designation":
        assert again["channels"] == []


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_random_unicode_text(text):
    check(extract(text.encode("utf-8", "surrogatepass"), "x.txt"))


@settings(max_examples=100, deadline=None)
@given(st.binary())
def test_random_bytes_under_any_name(data):
    for name in ("x.xml", "x.html", "x.txt", ""):
        check(extract(data, name))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(WORDS), max_size=80))
def test_decision_like_word_salad(words):
    check(extract(" ".join(words).encode(), "x.txt"))


@settings(max_examples=60, deadline=None)
@given(st.recursive(st.text(alphabet="abc <>&é", max_size=5),
                    lambda inner: st.tuples(st.sampled_from(["artikel", "lid", "al", "row", "entry", "bijlage", "kop", "li"]),
                                            st.lists(inner, max_size=3)), max_leaves=30))
def test_random_xml_trees_possibly_malformed(tree):
    def render(node):
        if isinstance(node, str):
            return node  # unescaped: may make the XML malformed on purpose
        tag, children = node
        return f"<{tag}>" + "".join(render(c) for c in children) + f"</{tag}>"
    data = ("<?xml version='1.0'?><officiele-publicatie>" + render(tree) + "</officiele-publicatie>").encode()
    check(extract(data, "x.xml"))


def test_empty_input_has_error():
    r = extract(b"", "leeg.txt")
    check(r)
    assert r["error"]


def test_deeply_nested_xml_has_error_and_valid_json():
    data = b"<cvdr>" + b"<al>" * 20000 + b"diep" + b"</al>" * 20000 + b"</cvdr>"
    r = extract(data, "diep.xml")
    check(r)
    assert r["error"] and "XML" in r["error"]


def test_truncated_xml_keeps_the_text_it_has():
    data = ("<?xml version='1.0'?><officiele-publicatie><gemeenteblad><kop><titel>Aanwijzingsbesluit elektronische "
            "kanalen Veere 2026</titel></kop><regeling><al>gelet op artikel 2:13, tweede lid, Awb;</al><al>besluit:</al>"
            "<artikel><kop><label>Artikel</label><nr>1</nr></kop><al>Het webformulier wordt aangewezen.</al></artikel>"
            "<artikel><kop><label>Art").encode()
    r = extract(data, "afgebroken.xml")
    check(r)
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
    r = extract(data, "groot.txt")
    check(r)
    assert r["classification"] == "wmebv_designation"
    assert {(c["kind"], c["status"]) for c in r["channels"]} == {("web_form", "designated"), ("email", "excluded")}


def test_parse_document_on_random_bytes_never_raises():
    import random
    rnd = random.Random(7)
    for _ in range(200):
        data = bytes(rnd.randrange(256) for _ in range(rnd.randrange(0, 400)))
        doc = parse_document(data, rnd.choice(["a.xml", "a.html", "a.txt", ""]))
        assert isinstance(doc.text, str)
