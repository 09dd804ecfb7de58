"""kw_legal: legal basis (Awb 2:13 lid 2, 2:14, old 2:15, afdeling 2.3) and withdrawn decisions.

The basis is read where a decision states it: the "gelet op" considerations, CVDR's
"Wettelijke grondslag" section and the dcterms:source metadata; definitions that merely refer to
"artikel 2:13, eerste lid" do not make a basis.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from . import extensions

AWB = r"(?:van\s+de\s+)?(?:Algemene\s+wet\s+bestuursrecht|Awb)"
BASIS_RULES = [  # (label, pattern)
    ("Awb 2:13 lid 2", re.compile(r"(?:artikel|art\.)\s*2[:.]13,?\s*(?:tweede\s+lid|lid\s*2|tweede)", re.I)),
    ("Awb 2:14", re.compile(r"(?:artikel(?:en)?|art\.)\s*(?:2[:.]13[^;\n]{0,40}?\ben\s+(?:artikel\s+)?)?2[:.]14\b(?!,?\s*(?:tweede|eerste)\s+lid)", re.I)),
    ("Awb 2:15 (oud)", re.compile(r"(?:artikel|art\.)\s*2[:.]15\b", re.I)),
    ("Awb afdeling 2.3", re.compile(r"afdeling\s+2\.3\b", re.I)),
    ("Wmebv", re.compile(r"Wet\s+modernisering\s+elektronisch\s+bestuurlijk\s+verkeer|\bWmebv\b", re.I)),
]
BASIS_CONTEXT = re.compile(
    r"^(?:.{0,200}?\bgelet\s+op\b.*|.*\bgrondslag.*|(?:mede\s+)?gelet\b.*|[0-9]+\.\s*(?:artikel|afdeling).*|"
    r"artikel\s+2[:.]1[345].*|afdeling\s+2\.3.*)$", re.I | re.M)
WITHDRAW = [
    re.compile(r"\b(?:het|de)\s+([A-Z‘'\"“][^;\n]{4,200}?)\s*(?:,\s*vastgesteld[^;\n]*?)?\s+(?:wordt|worden)\s+(?:hierbij\s+)?ingetrokken", re.I),
    re.compile(r"\bin\s+te\s+trekken\s*:?\s*(?:het|de)\s+([^;\n]{4,200}?)\s*(?:[;.]|$)", re.I | re.M),
    re.compile(r"\bintrekking\s+van\s+(?:het|de)\s+([^;\n]{4,200}?)\s*(?:[;.]|$)", re.I | re.M),
    re.compile(r"\bDeze\s+regeling\s+vervangt\s+(?:het|de)\s+([^\n]{4,300}?)\.\s*$", re.I | re.M),
]


BASIS_WORDS = ("gelet", "grondslag", "artikel 2", "art. 2", "afdeling 2.3")


def legal_basis(text: str, meta: dict | None = None, fallback: bool = True) -> list[str]:
    """The legal basis the decision states; with fallback, also articles cited anywhere when no
    "gelet op" is visible (a cut-off text)."""
    lines = [line for line in text[:20000].split("\n") if any(w in line.lower() for w in BASIS_WORDS)]
    sources = [m.group(0) for m in BASIS_CONTEXT.finditer("\n".join(lines))]
    sources += list((meta or {}).get("source", []) or [])
    joined = "\n".join(sources)
    found = [label for label, pat in BASIS_RULES if pat.search(joined)]
    if not found and fallback:  # no "gelet op" visible (partial text): fall back to the whole text, minus 2:13 eerste lid
        found = [label for label, pat in BASIS_RULES if label != "Awb 2:14" and pat.search(text[:20000])]
    return found


WITHDRAW_TRIGGER = re.compile(r"ingetrokken|in\s+te\s+trekken|intrekking\s+van|regeling\s+vervangt", re.I)
WITHDRAW_WORDS = ("ingetrokken", "trekken", "intrekking", "vervangt")  # one is in every trigger match


def withdrawn(text: str) -> list[str]:
    """Names of the decisions this one withdraws. The patterns run only in a window around each
    trigger word, so a long document costs one linear scan."""
    out = []
    low = text.lower()
    if not any(w in low for w in WITHDRAW_WORDS):
        return out  # most decisions withdraw nothing: skip the case-insensitive scan
    for trig in WITHDRAW_TRIGGER.finditer(text):
        lo = max(0, text.rfind("\n", 0, max(0, trig.start() - 300)) + 1, trig.start() - 300)
        window = text[lo: trig.end() + 300]
        for pat in WITHDRAW:
            for m in pat.finditer(window):
                name = m.group(1).strip(" ‘’'\"“”:,")
                if name and name not in out:
                    out.append(name)
    return out


class LegalBasis:
    def __init__(self, nlp: Language, name: str):
        extensions.register()
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        if doc._.kw_relevant is False:  # None: no prefilter in this pipeline
            doc._.kw_legal_basis, doc._.kw_withdraws = [], []
            return doc
        meta = doc._.kw_document.meta if doc._.kw_document is not None else {}
        doc._.kw_legal_basis = legal_basis(extensions.text(doc), meta)
        doc._.kw_withdraws = withdrawn(extensions.text(doc))
        return doc


@Language.factory("kw_legal", default_config={})
def make_legal(nlp: Language, name: str) -> LegalBasis:
    return LegalBasis(nlp, name)
